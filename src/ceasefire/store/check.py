"""The store's invariants, verified on demand (``ceasefire check``, ``Database.check()``).

Each check reads in the caller's (read) transaction and yields a
:class:`~ceasefire.model.CheckFailure` per record that breaks it:

* ``mentions``: every mention belongs to at most one incident, and every mention
  in none is a background mention (``Mention.role``: kept with its claims, it makes
  no incident until a concrete mention joins its cluster);
* ``versions``: each incident's versions are numbered 1..n; replayed, a live
  incident's latest version is not a retirement and is the live incident (its
  head and its linked mentions); an id whose latest version is not a retirement
  is live;
* ``incidents``: an incident row has mentions, its tally counts them, and its
  columns are the projections of its head;
* ``claims``: ``article[field][start:end] == quote`` against the stored report;
* ``reports``: reports, mentions and claims belong to stored records.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, exists, func, select

from ..model import CheckFailure
from . import rows as R
from . import tables as T
from .work import load_mentions, mention_cache, read_versions

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
    """Every mention in at most one incident; one in none is background."""
    m, im = T.mentions.c, T.incident_mentions.c
    n = func.count(im.incident_id)
    query = (
        select(m.key, n)
        .select_from(T.mentions.outerjoin(T.incident_mentions, im.mention_key == m.key))
        .group_by(m.key)
        .having(n != 1)
        .order_by(m.key)
    )
    found = conn.execute(query).all()
    unlinked = load_mentions(conn, [key for key, count in found if count == 0], mention_cache())
    for key, count in found:
        if count == 0:
            alone = unlinked.get(key)
            if alone is None or not alone.background:
                yield CheckFailure("mentions", key, "belongs to no incident")
        else:
            ids = conn.execute(select(im.incident_id).where(im.mention_key == key).order_by(im.incident_id))
            yield CheckFailure("mentions", key, f"belongs to {count} incidents: {', '.join(ids.scalars())}")


def _versions(conn: Connection) -> Iterator[CheckFailure]:
    """Versions numbered 1..n; replayed (snapshots and diffs), the latest agrees with the live incident.

    A live incident's latest version is no retirement, and replays to its head and
    to its linked mentions; an id whose latest version is not a retirement is live.
    """
    v, i, im = T.incident_versions.c, T.incidents.c, T.incident_mentions.c
    numbers = conn.execute(select(v.incident_id, v.version).order_by(v.incident_id, v.version)).all()
    versioned = set()
    for incident_id, group in groupby(numbers, key=itemgetter(0)):
        versioned.add(incident_id)
        got = [n for _, n in group]
        if got != list(range(1, len(got) + 1)):
            shown = ", ".join(map(str, got[:10])) + (", ..." if len(got) > 10 else "")
            yield CheckFailure("versions", incident_id, f"versions {shown} are not numbered 1..{len(got)}")
    live = {incident_id: payload for incident_id, payload in conn.execute(select(i.id, i.payload))}
    for incident_id in sorted(versioned | set(live)):
        try:
            versions = read_versions(conn, incident_id)
        except (KeyError, TypeError, ValueError) as exc:
            yield CheckFailure("versions", incident_id, f"its versions cannot be replayed ({exc!r})")
            continue
        latest = versions[-1] if versions else None
        if latest is None:
            yield CheckFailure("versions", incident_id, "is live but has no version")
        elif incident_id not in live:
            if latest.incident is not None:
                yield CheckFailure(
                    "versions", incident_id, f"is not live, yet its latest version {latest.version} is no retirement"
                )
        elif latest.incident is None:
            yield CheckFailure("versions", incident_id, f"is live, yet its latest version {latest.version} retires it")
        else:
            members: set[str] = set()
            for version in versions:
                members = (members | set(version.added)) - set(version.removed)
            linked = set(conn.execute(select(im.mention_key).where(im.incident_id == incident_id)).scalars())
            if R.head_payload(latest.incident) != R.head_payload(R.head_from_row(live[incident_id])):
                yield CheckFailure(
                    "versions", incident_id, f"its latest version {latest.version} is not the live incident"
                )
            elif members != linked:
                yield CheckFailure(
                    "versions", incident_id, f"its versions hold {len(members)} mention(s), it links {len(linked)}"
                )


def _incidents(conn: Connection) -> Iterator[CheckFailure]:
    """Each incident row has mentions, its tally counts its linked mentions, its columns project its head."""
    im = T.incident_mentions.c
    links = conn.execute(select(im.incident_id, im.mention_key).order_by(im.incident_id, im.mention_key)).all()
    linked = {incident_id: [k for _, k in group] for incident_id, group in groupby(links, key=itemgetter(0))}
    for row in conn.execute(select(T.incidents).order_by(T.incidents.c.id)).mappings().all():
        head = R.head_from_row(row["payload"], row["tally"])
        keys = linked.pop(head.id, [])
        if not keys:
            yield CheckFailure("incidents", head.id, "has no mentions")
            continue
        tally = head.tally
        if tally is not None and (tally.mentions, tally.first) != (len(keys), keys[0]):
            yield CheckFailure(
                "incidents", head.id,
                f"its tally counts {tally.mentions} mention(s) from {tally.first}; it links {len(keys)} from {keys[0]}",
            )
        mentions = None if tally is not None else list(load_mentions(conn, keys, mention_cache()).values())
        for name, value in R.incident_row(head, mentions).items():
            if name not in ("payload", "tally") and row[name] != value:
                yield CheckFailure("incidents", head.id, f"column {name} is {row[name]!r}, its head {value!r}")
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
