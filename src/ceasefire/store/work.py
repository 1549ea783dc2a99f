"""Reads and writes of incremental incident updates, inside one store transaction.

A :class:`Neighbourhood` is what the incident logic may read while a document is
being written (``ceasefire.incidents.MentionReader``): the keys of the stored
mentions that could belong with a given one (index lookups), decoded mentions,
the incident each mention is in, incidents' heads (derived fields and tally,
without their mentions), whole incidents, and the latest version numbers. The
run layer decides (``ceasefire.incidents``); :func:`apply_changes` writes the
decision in the same transaction.

Versions are stored as a ``snapshot`` (every derived field and every mention key)
when an incident is written whole, at its first version and every
:data:`SNAPSHOT_EVERY` versions; otherwise as a ``diff`` against the version
before (the fields that changed and the mention keys that joined), so that a
report joining a large incident writes what the report changed, not the whole
incident again. :func:`read_versions` replays them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from datetime import datetime, timezone
from typing import Any, Protocol, TypeVar

from sqlalchemy import Connection, delete, func, insert, select, update

from ..caching import Bounded
from ..model import Growth, Incident, IncidentHead, IncidentVersion, Mention, ReviewAction
from . import rows as R
from . import tables as T
from .blocks import candidate_keys

__all__ = [
    "Neighbourhood",
    "ChangeSet",
    "apply_changes",
    "read_versions",
    "load_mentions",
    "mention_cache",
    "assemble",
    "chunks",
    "read_heads",
    "read_actions",
    "SNAPSHOT_EVERY",
]

SNAPSHOT_EVERY = 16  # a version whose number is a multiple of this is a snapshot
CACHE_LIMIT = 4_000  # decoded mentions kept (docs/scale.md, "Memory"): a few hundred articles' neighbourhoods
_CHUNK = 500  # keys per IN (...) list, rows per insert
Item = TypeVar("Item")


class ChangeSet(Protocol):
    @property
    def write(self) -> Sequence[Incident]: ...

    @property
    def retire(self) -> Sequence[str]: ...

    @property
    def versions(self) -> Sequence[IncidentVersion]: ...

    @property
    def grow(self) -> Sequence[Growth]: ...


def chunks(items: Sequence[Item]) -> Iterator[Sequence[Item]]:
    """``items`` a few hundred at a time: keys for an ``IN (...)`` list, rows for one insert."""
    for at in range(0, len(items), _CHUNK):
        yield items[at : at + _CHUNK]


def mention_cache() -> Bounded[str, Mention]:
    """An empty cache of decoded mentions (:data:`CACHE_LIMIT` of them at most)."""
    return Bounded(CACHE_LIMIT)


def load_mentions(conn: Connection, keys: Iterable[str], cache: Bounded[str, Mention]) -> dict[str, Mention]:
    """The stored mentions with these keys, decoded (with their claims); ``cache`` keeps decoded ones.

    A stored mention never changes (its key derives from its document's hash), so a
    mention decoded once can be reused across transactions. Safe for readers in several
    threads (the REST API's): the answer is built apart from the shared cache.
    """
    wanted = sorted(set(keys))
    out = {k: m for k in wanted if (m := cache.get(k)) is not None}  # local: another reader may clear the cache
    missing = [k for k in wanted if k not in out]
    cache.room(len(missing))
    for chunk in chunks(missing):
        rows = conn.execute(select(T.mentions).where(T.mentions.c.key.in_(chunk))).mappings().all()
        claims = conn.execute(
            select(T.claims.c.mention_key, T.claims.c.payload)
            .where(T.claims.c.mention_key.in_(chunk))
            .order_by(T.claims.c.mention_key, T.claims.c.seq)
        ).all()
        by_mention: dict[str, list[Any]] = defaultdict(list)
        for key, payload in claims:
            by_mention[key].append(payload)
        for r in rows:
            out[r["key"]] = cache[r["key"]] = R.mention_from_row(r, by_mention.get(r["key"], []))
    return {k: out[k] for k in wanted if k in out}


def members_of(conn: Connection, incident_ids: Sequence[str]) -> dict[str, list[str]]:
    """Each incident's mention keys, sorted."""
    out: dict[str, list[str]] = {i: [] for i in incident_ids}
    links = T.incident_mentions.c
    for chunk in chunks(list(incident_ids)):
        for incident_id, key in conn.execute(
            select(links.incident_id, links.mention_key).where(links.incident_id.in_(chunk))
        ):
            out[incident_id].append(key)
    return {i: sorted(keys) for i, keys in out.items()}


def assemble(conn: Connection, heads: Sequence[IncidentHead], cache: Bounded[str, Mention]) -> list[Incident]:
    """Whole incidents: each head with its mentions, ordered by key."""
    members = members_of(conn, [h.id for h in heads])
    mentions = load_mentions(conn, (k for keys in members.values() for k in keys), cache)
    return [Incident.of(h, tuple(mentions[k] for k in members[h.id] if k in mentions)) for h in heads]


def read_heads(conn: Connection, incident_ids: Sequence[str]) -> dict[str, IncidentHead]:
    out: dict[str, IncidentHead] = {}
    c = T.incidents.c
    for chunk in chunks(sorted(set(incident_ids))):
        for incident_id, payload, tally in conn.execute(select(c.id, c.payload, c.tally).where(c.id.in_(chunk))):
            out[incident_id] = R.head_from_row(payload, tally)
    return out


class Neighbourhood:
    """Read access for incremental merging, bound to an open transaction (``cache``: see :func:`load_mentions`)."""

    def __init__(self, conn: Connection, cache: Bounded[str, Mention] | None = None) -> None:
        self._conn = conn
        self._cache = cache if cache is not None else mention_cache()
        self._review: tuple[ReviewAction, ...] | None = None

    def candidates(self, mention: Mention, skip_reports: Collection[str] = ()) -> list[str]:
        """Keys of stored mentions that could be compatible with ``mention``: sharing its country or a figure,
        dated within its reach (or undated); none of ``skip_reports`` (the new document's own reports).
        Index ranges, see :mod:`ceasefire.store.blocks`."""
        return candidate_keys(self._conn, mention, skip_reports)

    def mentions(self, keys: Iterable[str]) -> list[Mention]:
        found = load_mentions(self._conn, keys, self._cache)
        return [found[k] for k in sorted(found)]

    def neighbours(self, mention: Mention) -> list[Mention]:
        return self.mentions(self.candidates(mention))

    def incident_ids(self, mention_keys: Iterable[str]) -> dict[str, str]:
        links = T.incident_mentions.c
        out: dict[str, str] = {}
        for chunk in chunks(sorted(set(mention_keys))):
            query = select(links.mention_key, links.incident_id).where(links.mention_key.in_(chunk))
            out.update({k: i for k, i in self._conn.execute(query)})
        return out

    def heads(self, incident_ids: Iterable[str]) -> dict[str, IncidentHead]:
        return read_heads(self._conn, list(incident_ids))

    def incidents_of(self, mention_keys: Iterable[str]) -> list[Incident]:
        ids = sorted(set(self.incident_ids(mention_keys).values()))
        heads = read_heads(self._conn, ids)
        return assemble(self._conn, [heads[i] for i in ids if i in heads], self._cache)

    def review_actions(self) -> tuple[ReviewAction, ...]:
        """Every stored review action, oldest first, read once per transaction."""
        if self._review is None:
            self._review = read_actions(self._conn)
        return self._review

    def latest_versions(self, incident_ids: Iterable[str]) -> dict[str, int]:
        ids = sorted(set(incident_ids))
        v = T.incident_versions.c
        out: dict[str, int] = {}
        for chunk in chunks(ids):
            rows = self._conn.execute(
                select(v.incident_id, func.max(v.version)).where(v.incident_id.in_(chunk)).group_by(v.incident_id)
            ).all()
            out.update({i: int(n) for i, n in rows})
        return out


def read_actions(conn: Connection, anchors: Collection[str] | None = None) -> tuple[ReviewAction, ...]:
    """The stored review actions, oldest first (those anchored to ``anchors`` only, when given)."""
    a = T.review_actions.c
    query = select(T.review_actions).order_by(a.id)
    if anchors is not None:
        query = query.where(a.anchor.in_(sorted(set(anchors))))
    return tuple(R.action_from_row(r) for r in conn.execute(query).mappings())


def _utc(at: datetime | None) -> datetime | None:
    """A stored time, in UTC (SQLite gives it back without its zone)."""
    return at.replace(tzinfo=timezone.utc) if at is not None and at.tzinfo is None else at


def _diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in new.items() if old.get(k) != v}


def apply_changes(conn: Connection, changes: ChangeSet) -> None:
    """Write new, grown and re-derived incidents, drop retired ones, append their versions."""
    whole = {i.id: i for i in changes.write}
    gone = sorted(set(whole) | set(changes.retire))
    inc, links = T.incidents.c, T.incident_mentions.c
    for chunk in chunks(gone):
        conn.execute(delete(T.incident_mentions).where(links.incident_id.in_(chunk)))
        conn.execute(delete(T.incidents).where(inc.id.in_(chunk)))
    for part in chunks(changes.write):  # a long report's incidents are written a few hundred at a time
        conn.execute(insert(T.incidents), [R.incident_row(i, i.mentions) for i in part])
        rows = [row for i in part for row in R.incident_link_rows(i.id, (m.key for m in i.mentions))]
        if rows:
            conn.execute(insert(T.incident_mentions), rows)
    previous: dict[str, dict[str, Any]] = {}
    for g in changes.grow:
        (payload,) = conn.execute(select(inc.payload).where(inc.id == g.previous)).one()
        previous[g.head.id] = payload
        if g.head.id == g.previous:
            conn.execute(update(T.incidents).where(inc.id == g.previous).values(**R.incident_row(g.head)))
        else:  # a new mention has the smallest key: the incident takes the id it derives from
            conn.execute(insert(T.incidents), [R.incident_row(g.head)])
            conn.execute(update(T.incident_mentions).where(links.incident_id == g.previous).values(
                incident_id=g.head.id))
            conn.execute(delete(T.incidents).where(inc.id == g.previous))
        conn.execute(insert(T.incident_mentions), R.incident_link_rows(g.head.id, g.added))
    _write_versions(conn, changes, whole, previous)


def _write_versions(
    conn: Connection, changes: ChangeSet, whole: dict[str, Incident], previous: dict[str, dict[str, Any]]
) -> None:
    now = datetime.now(timezone.utc)
    renamed = {g.head.id for g in changes.grow if g.head.id != g.previous}
    for part in chunks(changes.versions):
        rows = _version_rows(conn, part, whole, previous, renamed, now)
        if rows:
            conn.execute(insert(T.incident_versions), rows)


def _version_rows(
    conn: Connection, versions: Sequence[IncidentVersion], whole: dict[str, Incident],
    previous: dict[str, dict[str, Any]], renamed: set[str], now: datetime,
) -> list[dict[str, Any]]:
    rows = []
    for v in versions:
        row = {"incident_id": v.incident_id, "version": v.version, "recorded_at": now, "cause": v.cause,
               "successors": list(v.successors), "author": v.by, "reason": v.why}
        if v.incident is None:
            rows.append({**row, "kind": "retired", "payload": None})
            continue
        head = R.head_payload(v.incident)
        snapshot = v.incident_id in whole or v.incident_id in renamed or v.version % SNAPSHOT_EVERY == 0
        if snapshot or v.incident_id not in previous:
            if v.incident_id in whole:
                members = sorted(m.key for m in whole[v.incident_id].mentions)
            else:
                members = members_of(conn, [v.incident_id])[v.incident_id]
            rows.append({**row, "kind": "snapshot", "payload": {"head": head, "members": members}})
        else:
            diff = {"changed": _diff(previous[v.incident_id], head), "added": list(v.added),
                    "removed": list(v.removed)}
            rows.append({**row, "kind": "diff", "payload": diff})
    return rows


def read_versions(conn: Connection, incident_id: str) -> list[IncidentVersion]:
    """Every version of an incident, oldest first, each with the head it became (snapshots and diffs replayed)."""
    v = T.incident_versions.c
    rows = conn.execute(
        select(v.incident_id, v.version, v.recorded_at, v.cause, v.successors, v.kind, v.payload, v.author, v.reason)
        .where(v.incident_id == incident_id)
        .order_by(v.version)
    ).all()
    out = []
    state: dict[str, Any] = {}
    members: set[str] = set()
    for r in rows:
        before = set(members)
        head: IncidentHead | None = None
        if r.kind == "snapshot":
            state, members = dict(r.payload["head"]), set(r.payload["members"])
        elif r.kind == "diff":
            state.update(r.payload["changed"])
            members = (members | set(r.payload["added"])) - set(r.payload["removed"])
        else:
            members = set()
        if r.kind != "retired":
            head = R.head_from_row(state)
        out.append(
            IncidentVersion(
                incident_id=r.incident_id,
                version=r.version,
                cause=r.cause,
                incident=head,
                successors=tuple(r.successors or ()),
                recorded_at=_utc(r.recorded_at),
                added=tuple(sorted(members - before)),
                removed=tuple(sorted(before - members)),
                by=r.author,
                why=r.reason,
            )
        )
    return out
