"""The reads and writes of ``ceasefire watch`` (its tables: ``watch_*``), each in one transaction.

Every write goes through :meth:`Store._transaction` (the store's write lock first),
so an upsert (read, then insert or update) cannot race another writer. Times are
stored as UTC and returned timezone-aware on both databases.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Text, cast, func, insert, select, update

from ..model import IncidentVersion, WatcherHealth
from . import tables as T
from .work import read_versions

if TYPE_CHECKING:
    from .store import Store

__all__ = ["WatchState", "SourceState", "ItemState", "OutboxEntry", "SourceFacts", "Poll"]

ALERTS_SINCE = "alerts_since"  # watch_meta: when alert marks were first set (the baseline)


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


@dataclass(frozen=True)
class SourceState:
    """What the store remembers of a source between polls."""

    name: str
    kind: str
    location: str
    etag: str | None = None
    last_modified: str | None = None
    last_poll_at: datetime | None = None
    last_ok_at: datetime | None = None
    last_new_at: datetime | None = None
    next_poll_at: datetime | None = None
    errors: int = 0  # consecutive failed polls
    error_total: int = 0
    items_new: int = 0
    last_error: str | None = None


@dataclass(frozen=True)
class Poll:
    """The outcome of one poll of a source, written in one transaction."""

    at: datetime
    next_poll_at: datetime
    ok: bool
    new_items: int = 0
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class ItemState:
    source: str
    item: str
    state: str  # done, retry, failed
    attempts: int
    url: str | None = None
    next_try_at: datetime | None = None
    document_sha256: str | None = None
    last_error: str | None = None


@dataclass(frozen=True)
class OutboxEntry:
    key: str
    channel: str
    rule: str
    incident_id: str
    version: int
    payload: Mapping[str, Any]
    state: str = "pending"
    attempts: int = 0
    next_try_at: datetime | None = None
    created_at: datetime | None = None


@dataclass(frozen=True)
class SourceFacts:
    """Who a mention's report is from: its article id, outlet, url, and the claimants it quotes."""

    article_id: str
    outlet: str | None
    url: str | None
    claimants: tuple[str, ...]


def _source_from_row(row: Any) -> SourceState:
    times = ("last_poll_at", "last_ok_at", "last_new_at", "next_poll_at")
    values: dict[str, Any] = {k: (_utc(v) if k in times else v) for k, v in row.items()}
    return SourceState(**values)


def _item_from_row(row: Any) -> ItemState:
    return ItemState(
        source=row["source"], item=row["item"], state=row["state"], attempts=row["attempts"], url=row["url"],
        next_try_at=_utc(row["next_try_at"]), document_sha256=row["document_sha256"], last_error=row["last_error"],
    )


class WatchState:
    """The watcher's state in a :class:`Store` (use ``store.watch``)."""

    def __init__(self, store: "Store") -> None:
        self._store = store

    # -- sources --------------------------------------------------------------

    def source(self, name: str) -> SourceState | None:
        c = T.watch_sources.c
        with self._store._guard("read watch sources"), self._store._read() as conn:
            row = conn.execute(select(T.watch_sources).where(c.name == name)).mappings().first()
        return _source_from_row(row) if row is not None else None

    def sources(self) -> list[SourceState]:
        with self._store._guard("read watch sources"), self._store._read() as conn:
            rows = conn.execute(select(T.watch_sources).order_by(T.watch_sources.c.name)).mappings().all()
        return [_source_from_row(r) for r in rows]

    def record_poll(self, name: str, kind: str, location: str, poll: Poll) -> None:
        """Write a poll's outcome: validators and schedule, error counts, and the error itself when it failed."""

        def work(conn: Connection) -> None:
            c = T.watch_sources.c
            row = conn.execute(select(T.watch_sources).where(c.name == name)).mappings().first()
            old = _source_from_row(row) if row is not None else SourceState(name, kind, location)
            values: dict[str, Any] = {
                "kind": kind,
                "location": location,
                "last_poll_at": poll.at,
                "next_poll_at": poll.next_poll_at,
                "items_new": old.items_new + poll.new_items,
            }
            if poll.ok:
                values.update(errors=0, last_ok_at=poll.at, etag=poll.etag, last_modified=poll.last_modified)
                if poll.new_items:
                    values["last_new_at"] = poll.at
            else:
                values.update(errors=old.errors + 1, error_total=old.error_total + 1, last_error=poll.error)
                _error(conn, name, None, poll.error or "error", poll.at)
            if row is None:
                base = {"name": name, "errors": 0, "error_total": 0, "items_new": 0}
                conn.execute(insert(T.watch_sources).values(**{**base, **values}))
            else:
                conn.execute(update(T.watch_sources).where(c.name == name).values(**values))

        with self._store._guard("record a watch poll"):
            self._store._transaction(work)

    def errors(self, source: str | None = None, *, limit: int = 20) -> list[tuple[str, str | None, str, datetime]]:
        """The latest errors (source, item, message, time), newest first."""
        e = T.watch_errors.c
        query = select(e.source, e.item, e.message, e.recorded_at).order_by(e.id.desc()).limit(limit)
        if source is not None:
            query = query.where(e.source == source)
        with self._store._guard("read watch errors"), self._store._read() as conn:
            rows = conn.execute(query).all()
        return [(s, i, m, _utc(t) or t) for s, i, m, t in rows]

    # -- items ----------------------------------------------------------------

    def items(self, source: str, keys: Iterable[str] | None = None) -> dict[str, ItemState]:
        """The known items of a source (only ``keys`` when given)."""
        c = T.watch_items.c
        query = select(T.watch_items).where(c.source == source)
        wanted = None if keys is None else sorted(set(keys))
        out: dict[str, ItemState] = {}
        with self._store._guard("read watch items"), self._store._read() as conn:
            if wanted is None:
                rows = conn.execute(query).mappings().all()
            else:
                rows = []
                for at in range(0, len(wanted), 500):
                    rows += conn.execute(query.where(c.item.in_(wanted[at : at + 500]))).mappings().all()
        for row in rows:
            out[row["item"]] = _item_from_row(row)
        return out

    def retries_due(self, source: str, now: datetime) -> list[ItemState]:
        c = T.watch_items.c
        query = (
            select(T.watch_items)
            .where(c.source == source, c.state == "retry", c.next_try_at <= now)
            .order_by(c.next_try_at, c.item)
        )
        with self._store._guard("read watch items"), self._store._read() as conn:
            return [_item_from_row(r) for r in conn.execute(query).mappings().all()]

    def record_items(self, items: Sequence[ItemState], at: datetime) -> None:
        """Write what became of items (done, retry, failed), their errors logged, in one transaction."""
        if not items:
            return

        def work(conn: Connection) -> None:
            c = T.watch_items.c
            for it in items:
                values = {
                    "url": it.url, "state": it.state, "attempts": it.attempts, "next_try_at": it.next_try_at,
                    "document_sha256": it.document_sha256, "last_error": it.last_error,
                    "done_at": at if it.state != "retry" else None,
                }
                where = (c.source == it.source) & (c.item == it.item)
                if conn.execute(select(c.item).where(where)).first() is None:
                    conn.execute(insert(T.watch_items).values(source=it.source, item=it.item, first_seen_at=at,
                                                              **values))
                else:
                    conn.execute(update(T.watch_items).where(where).values(**values))
                if it.last_error and it.state != "done":
                    _error(conn, it.source, it.item, it.last_error, at)

        with self._store._guard("record watch items"):
            self._store._transaction(work)

    def item_counts(self) -> dict[str, dict[str, int]]:
        """Per source, how many items are in each state."""
        c = T.watch_items.c
        with self._store._guard("read watch items"), self._store._read() as conn:
            rows = conn.execute(select(c.source, c.state, func.count()).group_by(c.source, c.state)).all()
        out: dict[str, dict[str, int]] = {}
        for source, st, n in rows:
            out.setdefault(source, {})[st] = int(n)
        return out

    # -- alerts ---------------------------------------------------------------

    def health(self, now: datetime | None = None) -> WatcherHealth | None:
        """The watcher's health as its state shows it (``None``: no source was ever polled), read at once."""
        c, o = T.watch_items.c, T.watch_outbox.c
        with self._store._guard("read watch state"), self._store._read() as conn:
            sources = [_source_from_row(r) for r in conn.execute(select(T.watch_sources)).mappings()]
            if not sources:
                return None
            retry = conn.execute(select(func.count()).select_from(T.watch_items).where(c.state == "retry")).scalar()
            unsent = conn.execute(select(func.count()).select_from(T.watch_outbox)
                                  .where(o.state.in_(["pending", "sending"]))).scalar()
        now = now or datetime.now(timezone.utc)
        polls = [s.last_poll_at for s in sources if s.last_poll_at is not None]
        due = [s.next_poll_at for s in sources if s.next_poll_at is not None]
        return WatcherHealth(
            sources=len(sources),
            last_round_at=max(polls) if polls else None,
            lag_seconds=round(max([0.0, *((now - d).total_seconds() for d in due)]), 3),
            pending_items=int(retry or 0),
            pending_alerts=int(unsent or 0),
            errors=sum(1 for s in sources if s.errors),
        )

    def alerts_since(self) -> str | None:
        """When alert marks were first set (ISO time), or None before the first alerting round."""
        with self._store._guard("read watch state"), self._store._read() as conn:
            row = conn.execute(select(T.watch_meta.c.value).where(T.watch_meta.c.key == ALERTS_SINCE)).first()
        return row[0] if row is not None else None

    def start_alerts(self, at: datetime, *, from_start: bool) -> None:
        """Set the baseline once: every incident version stored now is marked decided, unless ``from_start``."""

        def work(conn: Connection) -> None:
            m = T.watch_meta.c
            if conn.execute(select(m.value).where(m.key == ALERTS_SINCE)).first() is not None:
                return
            conn.execute(insert(T.watch_meta).values(key=ALERTS_SINCE, value=at.isoformat()))
            if from_start:
                return
            v = T.incident_versions.c
            latest = conn.execute(select(v.incident_id, func.max(v.version)).group_by(v.incident_id)).all()
            conn.execute(T.watch_marks.delete())
            if latest:
                conn.execute(insert(T.watch_marks), [{"incident_id": i, "version": int(n)} for i, n in latest])

        with self._store._guard("start alerts"):
            self._store._transaction(work)

    def undecided(self, limit: int = 1000) -> list[tuple[str, int]]:
        """Incident versions no alert decision was made for yet: (incident id, version), oldest first."""
        v, m = T.incident_versions.c, T.watch_marks.c
        query = (
            select(v.incident_id, v.version)
            .select_from(T.incident_versions.outerjoin(T.watch_marks, m.incident_id == v.incident_id))
            .where((m.version.is_(None)) | (v.version > m.version))
            .order_by(v.recorded_at, v.incident_id, v.version)
            .limit(limit)
        )
        with self._store._guard("read incident versions"), self._store._read() as conn:
            return [(i, int(n)) for i, n in conn.execute(query).all()]

    def versions(self, incident_id: str) -> list[IncidentVersion]:
        with self._store._guard("read incident history"), self._store._read() as conn:
            return read_versions(conn, incident_id)

    def predecessors(self, incident_id: str) -> list[str]:
        """The incidents retired into this one (merged or renamed into it), by id."""
        v = T.incident_versions.c
        query = select(v.incident_id, v.successors).where(v.kind == "retired")
        if incident_id.isascii() and incident_id.isalnum():  # stands as itself in the JSON text: the text narrows
            query = query.where(cast(v.successors, Text).contains(incident_id, autoescape=True))
        with self._store._guard("read incident history"), self._store._read() as conn:
            rows = conn.execute(query).all()
        return sorted({i for i, succ in rows if incident_id in (succ or ())})

    def source_facts(self, mention_keys: Iterable[str]) -> dict[str, SourceFacts]:
        """Who each mention's report is from (its article, outlet, url and quoted claimants), by mention key."""
        keys = sorted(set(mention_keys))
        mt, r, cl = T.mentions.c, T.reports.c, T.claims.c
        out: dict[str, SourceFacts] = {}
        with self._store._guard("read mentions"), self._store._read() as conn:
            for at in range(0, len(keys), 500):
                chunk = keys[at : at + 500]
                rows = conn.execute(
                    select(mt.key, r.article_id, r.outlet, r.article_outlet, r.url)
                    .select_from(T.mentions.join(T.reports, r.key == mt.report_key))
                    .where(mt.key.in_(chunk))
                ).all()
                claimants: dict[str, list[str]] = {}
                for key, source in conn.execute(
                    select(cl.mention_key, cl.source).where(cl.mention_key.in_(chunk)).order_by(cl.mention_key, cl.seq)
                ):
                    claimants.setdefault(key, []).append(source)
                for key, article_id, outlet, article_outlet, url in rows:
                    names = tuple(dict.fromkeys(claimants.get(key, [])))
                    out[key] = SourceFacts(article_id, outlet or article_outlet, url, names)
        return out

    def decide(self, marks: Mapping[str, int], alerts: Sequence[OutboxEntry], at: datetime) -> int:
        """Queue ``alerts`` and mark ``marks`` decided, in one transaction; returns the alerts queued.

        An alert whose key is queued already is not queued again, so deciding the same
        version twice (a round killed after this commit) sends nothing twice.
        """

        def work(conn: Connection) -> int:
            o, m = T.watch_outbox.c, T.watch_marks.c
            queued = 0
            for a in alerts:
                if conn.execute(select(o.key).where(o.key == a.key)).first() is not None:
                    continue
                conn.execute(insert(T.watch_outbox).values(
                    key=a.key, channel=a.channel, rule=a.rule, incident_id=a.incident_id, version=a.version,
                    payload=dict(a.payload), state="pending", attempts=0, created_at=at, next_try_at=at,
                ))
                queued += 1
            for incident_id, version in marks.items():
                row = conn.execute(select(m.version).where(m.incident_id == incident_id)).first()
                if row is None:
                    conn.execute(insert(T.watch_marks).values(incident_id=incident_id, version=version))
                elif row[0] < version:
                    conn.execute(update(T.watch_marks).where(m.incident_id == incident_id).values(version=version))
            return queued

        with self._store._guard("queue alerts"):
            return self._store._transaction(work)

    def outbox_due(self, now: datetime, *, limit: int = 500) -> list[OutboxEntry]:
        o = T.watch_outbox.c
        query = (
            select(T.watch_outbox)
            .where(o.state.in_(("pending", "sending")), (o.next_try_at.is_(None)) | (o.next_try_at <= now))
            .order_by(o.created_at, o.key)
            .limit(limit)
        )
        with self._store._guard("read the alert outbox"), self._store._read() as conn:
            rows = conn.execute(query).mappings().all()
        return [
            OutboxEntry(key=r["key"], channel=r["channel"], rule=r["rule"], incident_id=r["incident_id"],
                        version=r["version"], payload=r["payload"], state=r["state"], attempts=r["attempts"],
                        next_try_at=_utc(r["next_try_at"]), created_at=_utc(r["created_at"]))
            for r in rows
        ]

    def outbox_counts(self) -> dict[str, int]:
        o = T.watch_outbox.c
        with self._store._guard("read the alert outbox"), self._store._read() as conn:
            return {s: int(n) for s, n in conn.execute(select(o.state, func.count()).group_by(o.state)).all()}

    def mark_sending(self, keys: Sequence[str]) -> None:
        """Mark alerts as being sent (``sending``): after a crash, the channel is asked whether they arrived."""
        o = T.watch_outbox.c

        def work(conn: Connection) -> None:
            for at in range(0, len(keys), 500):
                conn.execute(update(T.watch_outbox).where(o.key.in_(keys[at : at + 500])).values(state="sending"))

        with self._store._guard("record an alert delivery"):
            self._store._transaction(work)

    def record_delivery(
        self, key: str, *, state: str, attempts: int, at: datetime, next_try_at: datetime | None = None,
        error: str | None = None,
    ) -> None:
        """Record a delivery attempt: ``sent``, ``pending`` again (retry at ``next_try_at``) or ``dead``."""
        values: dict[str, Any] = {"state": state, "attempts": attempts, "next_try_at": next_try_at,
                                  "last_error": error}
        if state == "sent":
            values["sent_at"] = at
        o = T.watch_outbox.c

        def work(conn: Connection) -> None:
            conn.execute(update(T.watch_outbox).where(o.key == key).values(**values))

        with self._store._guard("record an alert delivery"):
            self._store._transaction(work)


def _error(conn: Connection, source: str, item: str | None, message: str, at: datetime) -> None:
    conn.execute(insert(T.watch_errors).values(source=source, item=item, message=message, recorded_at=at))
