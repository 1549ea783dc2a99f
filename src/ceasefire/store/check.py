"""The store's invariants, verified on demand (``ceasefire check``, ``Database.check()``).

Each check reads in the caller's (read) transaction and yields a
:class:`~ceasefire.model.CheckFailure` per record that breaks it:

* ``mentions``: every mention belongs to exactly one incident;
* ``versions``: each incident's versions are numbered 1..n; a live incident's
  latest version is not a retirement and holds the live incident; an id whose
  latest version is a retirement (or that has versions but no row) is not live;
* ``incidents``: an incident row's mention links are its payload's mentions, in
  order, and its columns are the projections of its payload;
* ``claims``: ``article[field][start:end] == quote`` against the stored report;
* ``reports``: reports, mentions and claims belong to stored records.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, and_, exists, func, select

from ..model import CheckFailure
from . import rows as R
from . import tables as T

__all__ = ["check_store"]


def check_store(conn: Connection) -> list[CheckFailure]:
    """Every invariant failure of the store ``conn`` reads (empty when the store is sound)."""
    out: list[CheckFailure] = []
    for check in (_orphans, _mentions, _versions, _incidents, _claims):
        out.extend(check(conn))
    return out


def _orphans(conn: Connection) -> Iterator[CheckFailure]:
    """Reports of stored documents, mentions of stored reports, claims of stored mentions."""
    owned: tuple[tuple[Any, Any, Any, str], ...] = (  # (own key, reference, referenced key, what)
        (T.reports.c.key, T.reports.c.document_sha256, T.documents.c.sha256, "document"),
        (T.mentions.c.key, T.mentions.c.report_key, T.reports.c.key, "report"),
        (T.claims.c.id, T.claims.c.mention_key, T.mentions.c.key, "mention"),
    )
    for own_key, ref, key, what in owned:
        query = select(own_key, ref).where(~exists().where(key == ref)).order_by(own_key)
        for subject, missing in conn.execute(query):
            yield CheckFailure("reports", subject, f"its {what} {missing} is not stored")


def _mentions(conn: Connection) -> Iterator[CheckFailure]:
    """Every mention in exactly one incident."""
    m, im = T.mentions.c, T.incident_mentions.c
    n = func.count(im.incident_id)
    query = (
        select(m.key, n)
        .select_from(T.mentions.outerjoin(T.incident_mentions, im.mention_key == m.key))
        .group_by(m.key)
        .having(n != 1)
        .order_by(m.key)
    )
    for key, count in conn.execute(query).all():
        if count == 0:
            yield CheckFailure("mentions", key, "belongs to no incident")
        else:
            ids = conn.execute(select(im.incident_id).where(im.mention_key == key).order_by(im.incident_id))
            yield CheckFailure("mentions", key, f"belongs to {count} incidents: {', '.join(ids.scalars())}")


def _versions(conn: Connection) -> Iterator[CheckFailure]:
    """Versions numbered 1..n; the latest one agrees with whether (and as what) the incident is live."""
    v, i = T.incident_versions.c, T.incidents.c
    numbers = conn.execute(select(v.incident_id, v.version).order_by(v.incident_id, v.version))
    for incident_id, group in groupby(numbers, key=itemgetter(0)):
        got = [n for _, n in group]
        if got != list(range(1, len(got) + 1)):
            shown = ", ".join(map(str, got[:10])) + (", ..." if len(got) > 10 else "")
            yield CheckFailure("versions", incident_id, f"versions {shown} are not numbered 1..{len(got)}")
    latest = select(v.incident_id, func.max(v.version).label("n")).group_by(v.incident_id).subquery()
    query = (
        select(latest.c.incident_id, latest.c.n, v.payload, i.payload)
        .join(T.incident_versions, and_(v.incident_id == latest.c.incident_id, v.version == latest.c.n))
        .outerjoin(T.incidents, i.id == latest.c.incident_id)
        .order_by(latest.c.incident_id)
    )
    for incident_id, n, version_payload, live_payload in conn.execute(query):
        if live_payload is None and version_payload is not None:
            yield CheckFailure("versions", incident_id, f"is not live, yet its latest version {n} is no retirement")
        elif live_payload is not None and version_payload is None:
            yield CheckFailure("versions", incident_id, f"is live, yet its latest version {n} retires it")
        elif live_payload is not None and version_payload != live_payload:
            yield CheckFailure("versions", incident_id, f"its latest version {n} is not the live incident")
    unversioned = select(i.id).where(~exists().where(v.incident_id == i.id)).order_by(i.id)
    for incident_id in conn.execute(unversioned).scalars():
        yield CheckFailure("versions", incident_id, "is live but has no version")


def _incidents(conn: Connection) -> Iterator[CheckFailure]:
    """Each incident row's links are its payload's mentions (in order); its columns project its payload."""
    im = T.incident_mentions.c
    links = conn.execute(select(im.incident_id, im.mention_key).order_by(im.incident_id, im.position)).all()
    linked = {incident_id: [k for _, k in group] for incident_id, group in groupby(links, key=itemgetter(0))}
    for row in conn.execute(select(T.incidents).order_by(T.incidents.c.id)).mappings():
        incident = R.incident_from_row(row)
        keys = list(dict.fromkeys(m.key for m in incident.mentions))
        if linked.pop(incident.id, []) != keys:
            yield CheckFailure("incidents", incident.id, "its mention links are not the mentions it holds")
        expected = R.incident_row(incident)
        for name, value in expected.items():
            if name != "payload" and row[name] != value:
                yield CheckFailure("incidents", incident.id, f"column {name} is {row[name]!r}, its payload {value!r}")
    for incident_id in linked:  # links to no incident row cannot exist (foreign key) unless the schema was changed
        yield CheckFailure("incidents", incident_id, "has mention links but no incident row")


def _claims(conn: Connection) -> Iterator[CheckFailure]:
    """Every claim's quote is its report's text (or title) at its offsets."""
    c, m, r = T.claims.c, T.mentions.c, T.reports.c
    query = (
        select(m.report_key, c.id, c.field, c.start, c.end, c.quote)
        .join(T.mentions, m.key == c.mention_key)
        .order_by(m.report_key, c.id)
    )
    for report_key, group in groupby(conn.execute(query), key=itemgetter(0)):
        fields = conn.execute(select(r.text, r.title).where(r.key == report_key)).first()
        for _, claim_id, field, start, end, quote in group:
            if fields is None:
                continue  # reported by _orphans
            source = {"text": fields.text, "title": fields.title}.get(field)
            if source is None:
                yield CheckFailure("claims", claim_id, f"its report {report_key} has no field {field!r}")
            elif not 0 <= start <= end <= len(source) or source[start:end] != quote:
                yield CheckFailure(
                    "claims", claim_id, f"{field}[{start}:{end}] of report {report_key} is not its quote {quote!r}"
                )
