"""Reads and writes of incremental incident updates, inside one store transaction.

A :class:`Neighbourhood` is what the incident logic may read while a document is
being written: the mentions that could belong with a given one, the incidents
that hold given mentions, and the incidents' latest version numbers. The run
layer decides (``ceasefire.incidents``); :func:`apply_changes` writes the
decision in the same transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any, Protocol

from sqlalchemy import Connection, and_, delete, func, insert, or_, select

from ..model import Incident, IncidentVersion, Mention
from . import rows as R
from . import tables as T
from .codec import from_json, to_json

__all__ = ["Neighbourhood", "ChangeSet", "apply_changes", "read_versions"]

WINDOW = timedelta(days=2)


class ChangeSet(Protocol):
    @property
    def write(self) -> Sequence[Incident]: ...

    @property
    def retire(self) -> Sequence[str]: ...

    @property
    def versions(self) -> Sequence[IncidentVersion]: ...


CACHE_LIMIT = 100_000


class Neighbourhood:
    """Read access for incremental merging, bound to an open transaction.

    ``cache`` maps mention keys to decoded mentions across transactions: a stored
    mention never changes (its key is derived from its document's hash), so a
    mention decoded once can be reused.
    """

    def __init__(self, conn: Connection, cache: dict[str, Mention] | None = None) -> None:
        self._conn = conn
        self._cache = cache if cache is not None else {}

    def _mentions(self, keys: Iterable[str]) -> list[Mention]:
        keys = sorted(set(keys))
        missing = [k for k in keys if k not in self._cache]
        if missing:
            rows = self._conn.execute(select(T.mentions).where(T.mentions.c.key.in_(missing))).mappings().all()
            claims = self._conn.execute(
                select(T.claims.c.mention_key, T.claims.c.payload)
                .where(T.claims.c.mention_key.in_(missing))
                .order_by(T.claims.c.mention_key, T.claims.c.seq)
            ).all()
            by_mention: dict[str, list[Any]] = defaultdict(list)
            for key, payload in claims:
                by_mention[key].append(payload)
            if len(self._cache) + len(rows) > CACHE_LIMIT:
                self._cache.clear()
            for r in rows:
                self._cache[r["key"]] = R.mention_from_row(r, by_mention.get(r["key"], []))
        return [self._cache[k] for k in keys if k in self._cache]

    def neighbours(self, mention: Mention) -> list[Mention]:
        """Stored mentions that could be compatible with ``mention``: same country near its dates, or a shared
        figure."""
        m = T.mentions.c
        keys: set[str] = set()
        place = mention.place
        if place is not None and place.country:
            cond = [m.country == place.country]
            d = mention.date
            if d.start is not None:
                lo, hi = d.start - WINDOW, (d.end or d.start) + WINDOW
                overlaps = and_(m.date_start <= hi, func.coalesce(m.date_end, m.date_start) >= lo)
                cond.append(or_(m.date_start.is_(None), overlaps))
            keys.update(self._conn.execute(select(m.key).where(*cond)).scalars())
        c = T.claims.c
        for claim in mention.claims:
            q = select(c.mention_key).where(
                c.kind == claim.kind.value,
                c.min.is_not_distinct_from(claim.figure.min),
                c.max.is_not_distinct_from(claim.figure.max),
            )
            keys.update(self._conn.execute(q).scalars())
        keys.discard(mention.key)
        return self._mentions(keys)

    def incidents_of(self, mention_keys: Iterable[str]) -> list[Incident]:
        keys = sorted(set(mention_keys))
        if not keys:
            return []
        ids = self._conn.execute(
            select(T.incident_mentions.c.incident_id).where(T.incident_mentions.c.mention_key.in_(keys)).distinct()
        ).scalars().all()
        if not ids:
            return []
        rows = self._conn.execute(select(T.incidents.c.payload).where(T.incidents.c.id.in_(ids))).all()
        return sorted((R.incident_from_row({"payload": p}) for (p,) in rows), key=lambda i: i.id)

    def latest_versions(self, incident_ids: Iterable[str]) -> dict[str, int]:
        ids = sorted(set(incident_ids))
        if not ids:
            return {}
        v = T.incident_versions.c
        rows = self._conn.execute(
            select(v.incident_id, func.max(v.version)).where(v.incident_id.in_(ids)).group_by(v.incident_id)
        ).all()
        return {i: int(n) for i, n in rows}


def apply_changes(conn: Connection, changes: ChangeSet) -> None:
    """Write new and changed incidents, drop retired ones, append their versions."""
    gone = sorted({i.id for i in changes.write} | set(changes.retire))
    if gone:
        conn.execute(delete(T.incident_mentions).where(T.incident_mentions.c.incident_id.in_(gone)))
        conn.execute(delete(T.incidents).where(T.incidents.c.id.in_(gone)))
    if changes.write:
        conn.execute(insert(T.incidents), [R.incident_row(i) for i in changes.write])
        links = [row for i in changes.write for row in R.incident_link_rows(i)]
        if links:
            conn.execute(insert(T.incident_mentions), links)
    now = datetime.now(timezone.utc)
    if changes.versions:
        conn.execute(
            insert(T.incident_versions),
            [
                {
                    "incident_id": v.incident_id,
                    "version": v.version,
                    "recorded_at": now,
                    "cause": v.cause,
                    "successors": list(v.successors),
                    "payload": to_json(v.incident) if v.incident is not None else None,
                }
                for v in changes.versions
            ],
        )


def read_versions(conn: Connection, incident_id: str) -> list[IncidentVersion]:
    v = T.incident_versions.c
    rows = conn.execute(
        select(v.incident_id, v.version, v.recorded_at, v.cause, v.successors, v.payload)
        .where(v.incident_id == incident_id)
        .order_by(v.version)
    ).all()
    return [
        IncidentVersion(
            incident_id=r.incident_id,
            version=r.version,
            cause=r.cause,
            incident=from_json(Incident, r.payload) if r.payload is not None else None,
            successors=tuple(r.successors or ()),
            recorded_at=r.recorded_at,
        )
        for r in rows
    ]
