"""Agreements and the violation check's results, read and written inside the store's transactions.

The store never judges: the caller gives it a :data:`Judge` (``ceasefire.agreements.judge``),
and the store calls it on the incidents a transaction changed -- in that same transaction, so
an incident and its judgement land together -- and on every incident when an agreement is
added. Each result is kept with the incident's version; ``current`` marks the latest.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Sequence

from sqlalchemy import Connection, delete, func, insert, select, update

from ..caching import Bounded
from ..errors import NotFound
from ..model import Agreement, Incident, Mention, Violation
from . import tables as T
from .codec import from_json, to_json
from .work import ChangeSet, assemble, chunks, read_heads

__all__ = ["Judge", "read_agreements", "store_agreement", "judge_changes", "judge_all", "read_violations",
           "read_judgements", "read_current"]

#: one incident, at its version, judged against one agreement (``None``: outside its time or area)
Judge = Callable[[Agreement, Incident, int], "Violation | None"]


def read_agreements(conn: Connection, agreement_id: str | None = None) -> list[Agreement]:
    a = T.agreements.c
    query = select(a.payload).order_by(a.id)
    if agreement_id is not None:
        query = query.where(a.id == agreement_id)
    return [from_json(Agreement, payload) for (payload,) in conn.execute(query)]


def store_agreement(conn: Connection, agreement: Agreement, content: str) -> bool:
    """Add or replace an agreement; ``False`` when the same file is stored already (nothing to do)."""
    a = T.agreements.c
    row = conn.execute(select(a.sha256).where(a.id == agreement.id)).first()
    if row is not None and row.sha256 == agreement.sha256:
        return False
    if row is not None:
        conn.execute(delete(T.violations).where(T.violations.c.agreement_id == agreement.id))
        conn.execute(delete(T.agreements).where(a.id == agreement.id))
    conn.execute(insert(T.agreements), [{
        "id": agreement.id, "name": agreement.name, "sha256": agreement.sha256, "content": content,
        "payload": to_json(agreement), "added_at": datetime.now(timezone.utc),
    }])
    return True


def _latest_versions(conn: Connection, incident_ids: Sequence[str]) -> dict[str, int]:
    v = T.incident_versions.c
    out: dict[str, int] = {}
    for chunk in chunks(sorted(set(incident_ids))):
        rows = conn.execute(select(v.incident_id, func.max(v.version)).where(v.incident_id.in_(chunk))
                            .group_by(v.incident_id)).all()
        out.update({i: int(n) for i, n in rows})
    return out


def _record(conn: Connection, judge: Judge, agreements: Sequence[Agreement],
            incidents: Iterable[tuple[Incident, int]]) -> None:
    w = T.violations.c
    rows = []
    for incident, version in incidents:
        for agreement in agreements:
            conn.execute(update(T.violations).where(w.agreement_id == agreement.id, w.incident_id == incident.id)
                         .values(current=False))
            conn.execute(delete(T.violations).where(w.agreement_id == agreement.id, w.incident_id == incident.id,
                                                    w.version == version))
            verdict = judge(agreement, incident, version)
            if verdict is not None:
                payload = to_json(dataclasses.replace(verdict, incident=None))
                payload.pop("incident", None)
                rows.append({"agreement_id": agreement.id, "incident_id": incident.id, "version": version,
                             "status": verdict.status.value, "current": True, "payload": payload})
    if rows:
        conn.execute(insert(T.violations), rows)


def judge_changes(conn: Connection, judge: Judge | None, changes: ChangeSet, cache: Bounded[str, Mention]) -> None:
    """Judge again, against every stored agreement, the incidents ``changes`` wrote (at their new
    versions); the judgements of incidents merged away or split stop being current."""
    if judge is None:
        return
    agreements = read_agreements(conn)
    if not agreements:
        return
    latest: dict[str, int] = {}
    gone: set[tuple[str, int]] = set()  # (incident, version) of the retirements
    for v in changes.versions:
        latest[v.incident_id] = max(v.version, latest.get(v.incident_id, 0))
        if v.incident is None:
            gone.add((v.incident_id, v.version))
    retired = [i for i, n in latest.items() if (i, n) in gone]
    w = T.violations.c
    for chunk in chunks(sorted(retired)):
        conn.execute(update(T.violations).where(w.incident_id.in_(chunk)).values(current=False))
    live = sorted(set(latest) - set(retired))
    for chunk in chunks(live):  # a long report's incidents a few hundred at a time
        heads = read_heads(conn, chunk)
        incidents = assemble(conn, [heads[i] for i in chunk if i in heads], cache)
        _record(conn, judge, agreements, ((i, latest[i.id]) for i in incidents))


def judge_all(conn: Connection, judge: Judge, agreement: Agreement, cache: Bounded[str, Mention]) -> None:
    """Judge every live incident against ``agreement`` (just added), at its latest version."""
    ids = [i for (i,) in conn.execute(select(T.incidents.c.id).order_by(T.incidents.c.id))]
    versions = _latest_versions(conn, ids)
    for chunk in chunks(ids):
        heads = read_heads(conn, chunk)
        incidents = assemble(conn, [heads[i] for i in chunk if i in heads], cache)
        _record(conn, judge, [agreement], ((i, versions.get(i.id, 1)) for i in incidents))


def read_violations(
    conn: Connection, agreement_id: str, cache: Bounded[str, Mention], *, statuses: Sequence[str] = ()
) -> list[Violation]:
    """The current judgements of ``agreement_id``'s incidents, each with its incident attached."""
    if not read_agreements(conn, agreement_id):
        raise NotFound(f"no agreement {agreement_id!r} (see 'ceasefire agreement list')")
    w = T.violations.c
    query = select(w.payload).where(w.agreement_id == agreement_id, w.current.is_(True))
    if statuses:
        query = query.where(w.status.in_(list(statuses)))
    verdicts = [from_json(Violation, payload) for (payload,) in conn.execute(query)]
    heads = read_heads(conn, [v.incident_id for v in verdicts])
    incidents = {i.id: i for i in assemble(conn, list(heads.values()), cache)}
    out = [dataclasses.replace(v, incident=incidents[v.incident_id]) for v in verdicts if v.incident_id in incidents]
    return sorted(out, key=_order)


def read_judgements(conn: Connection, agreement_id: str, incident_id: str) -> list[Violation]:
    """Every stored judgement of one incident against one agreement, oldest version first (no incident attached)."""
    w = T.violations.c
    query = select(w.payload).where(w.agreement_id == agreement_id, w.incident_id == incident_id).order_by(w.version)
    return [from_json(Violation, payload) for (payload,) in conn.execute(query)]


def read_current(conn: Connection, incident_id: str) -> list[Violation]:
    """The current judgement of one incident against each agreement, by agreement id (no incident attached)."""
    w = T.violations.c
    query = (select(w.payload).where(w.incident_id == incident_id, w.current.is_(True)).order_by(w.agreement_id))
    return [from_json(Violation, payload) for (payload,) in conn.execute(query)]


def _order(v: Violation) -> tuple[Any, ...]:
    d = v.incident.date.start if v.incident is not None else None
    return (d is None, d, v.incident_id)
