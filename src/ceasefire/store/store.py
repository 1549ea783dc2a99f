"""The store: the only place that issues SQL. Writes are single transactions."""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import (
    JSON,
    CompoundSelect,
    Connection,
    Engine,
    Select,
    Table,
    bindparam,
    delete,
    func,
    insert,
    nulls_last,
    or_,
    select,
    union_all,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from ..caching import Bounded
from ..errors import InputError, NotFound, StoreError
from ..model import (
    ActorSummary,
    Agreement,
    Article,
    CheckFailure,
    CopyWindow,
    DayCount,
    Document,
    Fingerprint,
    Incident,
    IncidentFilter,
    IncidentOrder,
    IncidentPage,
    IncidentVersion,
    IngestProblem,
    Mention,
    Report,
    SourceSummary,
    Violation,
)
from . import blocks as B
from . import rows as R
from . import search
from . import tables as T
from . import verdicts as V
from .check import check_store
from .engine import (
    RETRIES,
    WRITE,
    backoff,
    display_url,
    first_line,
    is_memory,
    lock_writes,
    make_engine,
    migrate,
    normalise_url,
    transient,
)
from .work import (
    CACHE_LIMIT,
    ChangeSet,
    Neighbourhood,
    apply_changes,
    assemble,
    chunks,
    load_mentions,
    mention_cache,
    read_versions,
)

if TYPE_CHECKING:
    from .review import ReviewState
    from .watch import WatchState

__all__ = ["CopiesChanged", "Store", "open_store"]

Out = TypeVar("Out")


class CopiesChanged(StoreError):
    """Another writer stored a report this document's copies were decided against: decide again.

    :meth:`Store.add_document` raises it (storing nothing) when the candidates it finds
    inside its transaction are not the ones the caller decided on; the run layer retries.
    """


def open_store(url: str | os.PathLike[str], *, judge: V.Judge | None = None) -> "Store":
    """Open (creating and migrating to head as needed) the store at ``url``.

    A bare path means a SQLite file. Raises :class:`StoreError` with a one-line
    message when the database cannot be reached or migrated. ``judge`` is the
    violation check (``ceasefire.agreements.judge``): with it, every transaction that
    changes incidents judges them again against the stored agreements.
    """
    parsed = normalise_url(url)
    shown = display_url(parsed)
    engine = make_engine(parsed)
    try:
        migrate(engine, shown)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, parsed.render_as_string(hide_password=False), shown, judge=judge)


def _insert(conn: Connection, table: Table, values: list[dict[str, Any]]) -> None:
    if values:
        conn.execute(insert(table), values)


REPORT_CACHE = 1_000  # decoded reports kept for copy candidates (a stored report is a candidate again and again)
MENTION_ROWS = 500  # mentions encoded and inserted at once: a long report's rows never all stand in memory


def _insert_mentions(conn: Connection, doc: Document, mentions: Sequence[Mention]) -> None:
    """Insert the mentions and their claims a few hundred at a time, within the caller's transaction."""
    for at in range(0, len(mentions), MENTION_ROWS):
        part = mentions[at : at + MENTION_ROWS]
        try:
            mention_rows = [R.mention_row(m) for m in part]
            claim_rows = [row for m in part for row in R.claim_rows(m)]
        except (TypeError, ValueError) as exc:
            raise StoreError(f"cannot store document {doc.sha256} ({doc.origin}): {exc}") from exc
        _insert(conn, T.mentions, mention_rows)
        _insert(conn, T.claims, claim_rows)


class Store:
    """Documents, reports, mentions and claims, incidents and ingest problems in one database.

    Use :func:`open_store`; close with :meth:`close` or a ``with`` block.
    """

    def __init__(self, engine: Engine, url: str, shown: str | None = None, *, judge: V.Judge | None = None) -> None:
        self._engine = engine
        self.judge = judge
        self._mention_cache = mention_cache()  # decoded mentions, for incremental merging
        self._report_cache: Bounded[str, Report] = Bounded(REPORT_CACHE)  # decoded reports, for copy candidates
        self.committing = 0.0  # seconds spent committing write transactions (the watcher logs its share)
        self.url = url
        self._shown = shown or url

    def __repr__(self) -> str:
        return f"Store({self._shown!r})"

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._engine.dispose()

    @property
    def review(self) -> "ReviewState":
        """People's review actions and the users who may make them (``store.review``)."""
        from .review import ReviewState

        return ReviewState(self)

    @property
    def watch(self) -> "WatchState":
        """The state of ``ceasefire watch`` in this store (sources, items, alert marks and outbox)."""
        from .watch import WatchState

        return WatchState(self)

    # -- plumbing -------------------------------------------------------------

    @property
    def in_memory(self) -> bool:
        """Whether this store lives in memory only (everything is lost when it is closed)."""
        return is_memory(self._engine.url)

    def _error(self, action: str, exc: SQLAlchemyError) -> StoreError:
        return StoreError(f"cannot {action} in {self._shown}: {first_line(exc, self._engine.url)}")

    @contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as exc:
            raise self._error(action, exc) from exc

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction holding the store's write lock; rolled back on any exception.

        The lock (``BEGIN IMMEDIATE`` on SQLite, an advisory transaction lock on
        PostgreSQL, see :func:`~ceasefire.store.engine.lock_writes`) is taken
        first, so writers that change incidents run one at a time and read all
        committed work.
        """
        with self._engine.connect() as conn:
            conn = conn.execution_options(**{WRITE: True})
            with conn.begin():
                lock_writes(conn)
                yield conn

    def _transaction(self, work: Callable[[Connection], Out]) -> Out:
        """Run ``work`` in one write transaction, the whole of it again on a transient failure.

        A serialization failure, deadlock or lock timeout (PostgreSQL) or a busy
        database (SQLite) is retried up to :data:`RETRIES` times with jittered
        backoff; ``work`` must only read and write through its connection.
        """
        for attempt in range(1, RETRIES + 1):
            try:
                with self._write() as conn:
                    out = work(conn)
                    began = time.perf_counter()
                self.committing += time.perf_counter() - began  # the COMMIT (on SQLite, its fsync)
                return out
            except SQLAlchemyError as exc:
                if attempt == RETRIES or not transient(exc):
                    raise
            time.sleep(backoff(attempt))
        raise AssertionError("unreachable")  # the loop returns or raises

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._engine.connect() as conn:
            with conn.begin():
                yield conn

    # -- documents, reports, mentions -----------------------------------------

    def has_document(self, sha256: str) -> bool:
        with self._guard("read documents"), self._read() as conn:
            row = conn.execute(select(T.documents.c.sha256).where(T.documents.c.sha256 == sha256)).first()
        return row is not None

    def add_document(
        self,
        doc: Document,
        reports: Sequence[Report],
        mentions: Sequence[Mention],
        derive: Callable[[Neighbourhood], ChangeSet] | None = None,
        *,
        prints: Sequence[Fingerprint] = (),
        candidates: Collection[str] | None = None,
        window: CopyWindow | None = None,
    ) -> bool:
        """Store a document with its reports, mentions and claims in one transaction.

        ``derive``, when given, is called inside that transaction (before the
        mentions are written, so that its look-ups find other documents' mentions
        only) with a :class:`Neighbourhood` to read from, and returns the incident
        changes the new mentions bring; they are written in the same transaction,
        after the mentions, so a document and its effect on incidents land
        together or not at all. The mentions and claims are encoded and inserted a
        few hundred at a time (:data:`MENTION_ROWS`), so a long report's rows never
        all stand in memory at once. Returns False, changing nothing, when a document
        with this sha256 is already stored.

        An article id already stored with another text (or title) is refused with
        :class:`InputError`, changing nothing. ``prints`` are the reports'
        fingerprints (``ingest.copies``), stored so later copies find them (bands
        only for originals: reports whose ``copy_of`` is unset); ``candidates``, the
        keys :meth:`copy_candidates` gave (with ``window``) when the reports' ``copy_of`` was
        decided, are checked again inside the transaction: when they changed meanwhile,
        :class:`CopiesChanged` is raised and nothing is stored.
        """
        _check_parts(doc, reports, mentions)
        by_key = {p.report_key: p for p in prints}
        try:
            doc_row = R.document_row(doc, datetime.now(timezone.utc))
            report_rows = [R.report_row(r, _hash_of(by_key, r)) for r in reports]
            band_rows = [
                {"band": band, "report_key": r.key, "day": by_key[r.key].day}
                for r in reports
                if r.copy_of is None
                for band in sorted(set(by_key[r.key].bands if r.key in by_key else ()))
            ]
        except (TypeError, ValueError) as exc:
            raise StoreError(f"cannot store document {doc.sha256} ({doc.origin}): {exc}") from exc

        def work(conn: Connection) -> bool:
            exists = conn.execute(select(T.documents.c.sha256).where(T.documents.c.sha256 == doc.sha256))
            if exists.first() is not None:
                return False
            for article in {r.article.id: r.article for r in reports}.values():
                _refuse_another_text(conn, doc, article)
            if candidates is not None and _candidate_keys(conn, prints, window) != set(candidates):
                raise CopiesChanged(f"the copies of {doc.origin} changed while it was being stored")
            _insert(conn, T.documents, [doc_row])
            _insert(conn, T.reports, report_rows)
            _insert(conn, T.report_bands, band_rows)
            # the incident changes are decided before the document's own mentions are written: they are
            # compared with each other in memory, and the store's look-ups then see other documents' only
            changes = derive(Neighbourhood(conn, self._mention_cache)) if derive is not None else None
            _insert_mentions(conn, doc, mentions)
            _insert(conn, T.mention_blocks, B.block_rows(mentions))
            if changes is not None:
                self._apply(conn, changes)
            return True

        action = f"store document {doc.sha256} ({doc.origin})"
        try:
            return self._transaction(work)
        except IntegrityError as exc:
            if self.has_document(doc.sha256):  # another writer stored it meanwhile
                return False
            raise self._error(action, exc) from exc
        except SQLAlchemyError as exc:
            raise self._error(action, exc) from exc

    def copy_candidates(self, prints: Sequence[Fingerprint], window: CopyWindow | None = None) -> list[Report]:
        """Stored reports that may be copies' originals: one per content hash of ``prints`` (an original
        before a copy, then the smallest key), at any date, and the originals sharing one of their bands:
        every one when ``window`` is ``None``, else per band at most ``window.per_band`` nearest in date
        each side of the print's day within ``window.days``, and as many undated (:func:`_near_keys`).

        Both are index probes (``reports.body_hash``; ``report_bands`` by band and day); which of
        them really are copies is decided by ``ingest.copies.find_originals``. Decoded reports are
        kept (:data:`REPORT_CACHE` of them): a report, once stored, never changes.
        """
        cache = self._report_cache
        with self._guard("read reports"), self._read() as conn:
            keys = _candidate_keys(conn, prints, window)
            found = {k: r for k in keys if (r := cache.get(k)) is not None}  # a stored report never changes
            found.update(self._decode_reports(conn, sorted(keys - set(found))))
        return [found[k] for k in sorted(found)]

    def _decode_reports(self, conn: Connection, keys: list[str]) -> dict[str, Report]:
        """The stored reports of ``keys`` (none of them cached yet), decoded and kept in the report cache (emptied
        first when they would not fit beside what it holds)."""
        cache, out = self._report_cache, {}
        cache.room(len(keys))
        for chunk in chunks(keys):
            for row in conn.execute(select(T.reports).where(T.reports.c.key.in_(chunk))).mappings():
                out[row["key"]] = cache[row["key"]] = R.report_from_row(row)
        return out

    def document_raw(self, sha256: str) -> bytes:
        with self._guard("read documents"), self._read() as conn:
            row = conn.execute(select(T.documents.c.raw).where(T.documents.c.sha256 == sha256)).first()
        if row is None:
            raise NotFound(f"no document {sha256}")
        return bytes(row[0])

    def documents(self) -> list[Document]:
        with self._guard("read documents"), self._read() as conn:
            rows = conn.execute(select(T.documents)).mappings().all()
        return sorted((R.document_from_row(r) for r in rows), key=lambda d: d.sha256)

    def reports(self) -> list[Report]:
        with self._guard("read reports"), self._read() as conn:
            rows = conn.execute(select(T.reports)).mappings().all()
        return sorted((R.report_from_row(r) for r in rows), key=lambda r: (r.article.id, r.part))

    def report(self, key: str) -> Report:
        with self._guard("read reports"), self._read() as conn:
            row = conn.execute(select(T.reports).where(T.reports.c.key == key)).mappings().first()
        if row is None:
            raise NotFound(f"no report {key}")
        return R.report_from_row(row)

    def mentions(self) -> list[Mention]:
        with self._guard("read mentions"), self._read() as conn:
            return _all_mentions(conn)

    # -- problems -------------------------------------------------------------

    def record_problem(self, origin: str, message: str) -> None:
        """Record an input that could not be ingested (once per origin and message)."""

        def work(conn: Connection) -> None:
            seen = conn.execute(
                select(T.problems.c.id).where(T.problems.c.origin == origin, T.problems.c.message == message)
            ).first()
            if seen is None:
                conn.execute(
                    insert(T.problems).values(
                        origin=origin, message=message, recorded_at=datetime.now(timezone.utc)
                    )
                )

        with self._guard("record a problem"):
            self._transaction(work)

    def problems(self) -> list[IngestProblem]:
        """The recorded ingest problems, oldest first."""
        with self._guard("read problems"), self._read() as conn:
            query = select(T.problems.c.origin, T.problems.c.message).order_by(T.problems.c.id)
            rows = conn.execute(query).all()
        return [IngestProblem(origin, message) for origin, message in rows]

    # -- incidents ------------------------------------------------------------

    def replace_incidents(self, incidents: Sequence[Incident]) -> None:
        """Replace every incident (and its mention links) with ``new``, in one transaction."""
        try:
            incident_rows = [R.incident_row(i, i.mentions) for i in incidents]
            link_rows = [row for i in incidents for row in R.incident_link_rows(i.id, (m.key for m in i.mentions))]
        except (TypeError, ValueError) as exc:
            raise StoreError(f"cannot store incidents: {exc}") from exc

        def work(conn: Connection) -> None:
            conn.execute(delete(T.incident_mentions))
            conn.execute(delete(T.incidents))
            _insert(conn, T.incidents, incident_rows)
            _insert(conn, T.incident_mentions, link_rows)

        with self._guard("replace incidents"):
            self._transaction(work)

    def change_incidents(self, derive: Callable[[Neighbourhood], ChangeSet]) -> None:
        """Apply the incident changes ``derive`` decides, reading and writing in one transaction."""
        with self._guard("update incidents"):
            self._transaction(lambda conn: self._apply(conn, derive(Neighbourhood(conn, self._mention_cache))))

    def rederive_incidents(
        self, derive: Callable[[list[Mention], list[Incident], Neighbourhood], ChangeSet]
    ) -> None:
        """Re-derive every incident: ``derive`` gets every stored mention and incident, read in the
        write transaction (under the write lock, so no concurrent ingest is missed), and its changes
        are written in that transaction."""

        def work(conn: Connection) -> None:
            heads = [R.head_from_row(payload, tally) for payload, tally in conn.execute(_incident_query())]
            incidents = assemble(conn, heads, self._mention_cache)
            nb = Neighbourhood(conn, self._mention_cache)
            self._apply(conn, derive(_all_mentions(conn), incidents, nb))

        with self._guard("rebuild incidents"):
            self._transaction(work)

    def _apply(self, conn: Connection, changes: ChangeSet) -> None:
        """Write incident changes, then judge the changed incidents against the agreements, in one transaction."""
        apply_changes(conn, changes)
        V.judge_changes(conn, self.judge, changes, self._mention_cache)

    # -- agreements -----------------------------------------------------------

    def add_agreement(self, agreement: Agreement, content: str) -> bool:
        """Store ``agreement`` (``content``: its file's text) and judge every incident against it, in one
        transaction; an agreement with the same id is replaced. ``False``: the same file was stored already."""
        if self.judge is None:
            raise StoreError("this store was opened without the violation check; open it through ceasefire.open")
        judge = self.judge

        def work(conn: Connection) -> bool:
            if not V.store_agreement(conn, agreement, content):
                return False
            V.judge_all(conn, judge, agreement, self._mention_cache)
            return True

        with self._guard(f"add agreement {agreement.id}"):
            return self._transaction(work)

    def agreements(self) -> list[Agreement]:
        """Every stored agreement, by id."""
        with self._guard("read agreements"), self._read() as conn:
            return V.read_agreements(conn)

    def agreement(self, agreement_id: str) -> Agreement:
        with self._guard("read agreements"), self._read() as conn:
            found = V.read_agreements(conn, agreement_id)
        if not found:
            raise NotFound(f"no agreement {agreement_id!r} (see 'ceasefire agreement list')")
        return found[0]

    def warm(self, limit: int = CACHE_LIMIT) -> int:
        """Decode up to ``limit`` stored mentions into the mention cache (for a long-running process, e.g. the
        watcher: its first merges then read no mention twice); returns how many the cache holds."""
        m = T.mentions.c
        with self._guard("read mentions"), self._read() as conn:
            keys = list(conn.execute(select(m.key).order_by(m.key).limit(limit)).scalars())
            load_mentions(conn, keys, self._mention_cache)
        return len(self._mention_cache)

    def warm_reports(self, limit: int = REPORT_CACHE // 2) -> list[Report]:
        """Decode up to ``limit`` stored originals (the reports copies are compared with) into the cache that
        :meth:`copy_candidates` reads (for a long-running process, e.g. the watcher); returns them. Half the
        cache by default: the rest takes the candidates not warmed, before the cache is emptied."""
        r = T.reports.c
        with self._guard("read reports"), self._read() as conn:
            keys = list(conn.execute(select(r.key).where(r.copy_of.is_(None)).order_by(r.key).limit(limit)).scalars())
            found = {k: rep for k in keys if (rep := self._report_cache.get(k)) is not None}
            found.update(self._decode_reports(conn, [k for k in keys if k not in found]))
            self._report_cache.update(found)  # kept even when decoding the rest emptied the cache
        return [found[k] for k in keys if k in found]

    def violations(self, agreement_id: str, *, statuses: Sequence[str] = ()) -> list[Violation]:
        """The current judgements of every incident against ``agreement_id`` (with ``statuses`` only, when
        given), each with its incident, by the incident's date."""
        with self._guard("read violations"), self._read() as conn:
            return V.read_violations(conn, agreement_id, self._mention_cache, statuses=statuses)

    def judgements(self, agreement_id: str, incident_id: str) -> list[Violation]:
        """Every judgement of one incident against one agreement, one per judged version, oldest first."""
        with self._guard("read violations"), self._read() as conn:
            return V.read_judgements(conn, agreement_id, incident_id)

    def verdicts_of(self, incident_id: str) -> list[Violation]:
        """The current judgement of one incident against each stored agreement (without the incident)."""
        with self._guard("read violations"), self._read() as conn:
            return V.read_current(conn, incident_id)

    def history(self, incident_id: str) -> list[IncidentVersion]:
        """Every version of an incident, oldest first (empty when it never existed)."""
        with self._guard("read incident history"), self._read() as conn:
            return read_versions(conn, incident_id)

    def incidents(
        self,
        *,
        country: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[Incident]:
        """Incidents, sorted by (start date, nulls last; id).

        ``country`` is an ISO 3166-1 alpha-2 code; ``since``/``until`` keep incidents
        whose date range overlaps them (incidents without a date are then left out).
        """
        query = _incident_query()
        if country is not None:
            query = query.where(T.incidents.c.country == country.upper())
        if since is not None:
            query = query.where(func.coalesce(T.incidents.c.date_end, T.incidents.c.date_start) >= since)
        if until is not None:
            query = query.where(T.incidents.c.date_start <= until)
        if limit is not None:
            query = query.limit(limit)
        with self._guard("read incidents"), self._read() as conn:
            heads = [R.head_from_row(payload, tally) for payload, tally in conn.execute(query)]
            return assemble(conn, heads, self._mention_cache)

    def incident(self, incident_id: str) -> Incident:
        """The incident with this id, or the only one whose id starts with it."""
        if not incident_id:
            raise NotFound("no incident with an empty id")
        pattern = incident_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        columns = select(T.incidents.c.payload, T.incidents.c.tally)
        with self._guard("read incidents"), self._read() as conn:
            row = conn.execute(columns.where(T.incidents.c.id == incident_id)).first()
            found = [row] if row is not None else conn.execute(
                columns.where(T.incidents.c.id.like(pattern, escape="\\")).limit(2)
            ).all()
            if len(found) == 1:
                (incident,) = assemble(conn, [R.head_from_row(found[0][0], found[0][1])], self._mention_cache)
        if not found:
            versions = self.history(incident_id)
            if versions and versions[-1].successors:
                raise NotFound(
                    f"incident {incident_id} is no longer current: {versions[-1].cause} "
                    f"(see 'show --history {incident_id}')"
                )
            raise NotFound(f"no incident {incident_id}")
        if len(found) > 1:
            raise NotFound(f"incident id prefix {incident_id!r} is ambiguous; give more of the id")
        return incident

    # -- searching (the REST API's reads: ceasefire.store.search) -------------

    def find_incidents(self, where: IncidentFilter, order: IncidentOrder, limit: int, *,
                       cached: bool = True) -> IncidentPage:
        """One keyset page of the incidents ``where`` keeps, in ``order`` (see :mod:`.search`); with
        ``cached=False`` the page's mentions are decoded apart from the store's cache (a bulk read that
        would only fill it)."""
        with self._guard("search incidents"), self._read() as conn:
            return search.find_incidents(conn, where, order, limit, self._mention_cache if cached else mention_cache())

    def find_reports(self, where: IncidentFilter, after: str | None, limit: int) -> list[Report]:
        """A keyset page (by key, behind ``after``) of the reports the incidents ``where`` keeps rest on."""
        with self._guard("read reports"), self._read() as conn:
            return search.find_reports(conn, where, after, limit)

    def day_counts(self, where: IncidentFilter) -> list[DayCount]:
        """The incidents ``where`` keeps, per start day and event type (see :mod:`.search`)."""
        with self._guard("count incidents"), self._read() as conn:
            return search.day_counts(conn, where)

    def report_mentions(self, key: str) -> list[Mention]:
        """The mentions of the report with this key (with their claims), by key."""
        m = T.mentions.c
        with self._guard("read mentions"), self._read() as conn:
            keys = conn.execute(select(m.key).where(m.report_key == key)).scalars().all()
            found = load_mentions(conn, keys, self._mention_cache)
        return [found[k] for k in sorted(found)]

    def incident_ids_of(self, mention_keys: Sequence[str]) -> dict[str, str]:
        """The current incident of each of these mentions (a mention in none is left out)."""
        with self._guard("read incidents"), self._read() as conn:
            return Neighbourhood(conn).incident_ids(mention_keys)

    def sources(self) -> list[SourceSummary]:
        with self._guard("read sources"), self._read() as conn:
            return search.source_summaries(conn)

    def actors(self) -> list[ActorSummary]:
        with self._guard("read actors"), self._read() as conn:
            return search.actor_summaries(conn)

    # -- whole-store views ----------------------------------------------------

    def counts(self) -> dict[str, int]:
        tables = {
            "documents": T.documents,
            "reports": T.reports,
            "mentions": T.mentions,
            "claims": T.claims,
            "incidents": T.incidents,
            "incident_versions": T.incident_versions,
            "problems": T.problems,
        }
        with self._guard("count rows"), self._read() as conn:
            return {
                name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
                for name, table in tables.items()
            }

    def check(self) -> list[CheckFailure]:
        """Every broken invariant of the store (see :mod:`ceasefire.store.check`); empty when sound.

        Reads one consistent snapshot (REPEATABLE READ on PostgreSQL, one read
        transaction on SQLite), so it may run while others write.
        """
        with self._guard("check the store"), self._engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                return check_store(conn)

    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every table's rows (times and surrogate ids left out), sorted, as plain tuples."""
        out: dict[str, list[tuple[Any, ...]]] = {}
        with self._guard("read the store"), self._read() as conn:
            for table in T.metadata.sorted_tables:
                cols = [c for c in table.columns if c.info.get("snapshot", True)]
                json_cols = {c.name for c in cols if isinstance(c.type, JSON)}
                rows = [
                    tuple(_plain(v, c.name in json_cols) for c, v in zip(cols, row, strict=True))
                    for row in conn.execute(select(*cols))
                ]
                out[table.name] = sorted(rows, key=_sort_key)
        return out


def _incident_query() -> Select[Any]:
    """Every incident's payload and tally, sorted by (start date, nulls last; id)."""
    c = T.incidents.c
    return select(c.payload, c.tally).order_by(nulls_last(c.date_start.asc()), c.id)


def _all_mentions(conn: Connection) -> list[Mention]:
    """Every stored mention with its claims, sorted by key."""
    mention_rows = conn.execute(select(T.mentions)).mappings().all()
    claim_rows = conn.execute(
        select(T.claims.c.mention_key, T.claims.c.payload).order_by(T.claims.c.mention_key, T.claims.c.seq)
    ).all()
    by_mention: dict[str, list[Any]] = defaultdict(list)
    for mention_key, payload in claim_rows:
        by_mention[mention_key].append(payload)
    out = [R.mention_from_row(row, by_mention.get(row["key"], [])) for row in mention_rows]
    return sorted(out, key=lambda m: m.key)


def _plain(value: Any, is_json: bool) -> Any:
    if is_json:
        return json.dumps(value, sort_keys=True)
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def _sort_key(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple((0, "") if v is None else (1, v) for v in row)


def _hash_of(prints: dict[str, Fingerprint], report: Report) -> str | None:
    found = prints.get(report.key)
    return found.body_hash if found is not None else None


def _candidate_keys(conn: Connection, prints: Sequence[Fingerprint], window: CopyWindow | None) -> set[str]:
    """The keys :meth:`Store.copy_candidates` reads (see there)."""
    r = T.reports.c
    hashes = sorted({p.body_hash for p in prints if p.body_hash})
    keys: set[str] = set()
    if hashes:
        best: dict[str, tuple[bool, str]] = {}
        query = select(r.key, r.body_hash, r.copy_of).where(r.body_hash.in_(hashes))
        for key, body_hash, copy_of in conn.execute(query):
            rank = (copy_of is not None, key)
            if body_hash not in best or rank < best[body_hash]:
                best[body_hash] = rank
        keys.update(key for _, key in best.values())
    if window is None:
        bands = sorted({b for p in prints if p.body_hash for b in p.bands})
        if bands:
            b = T.report_bands.c
            keys.update(conn.execute(select(b.report_key).where(b.band.in_(bands)).distinct()).scalars())
        return keys
    for p in prints:
        if p.body_hash and p.bands:
            keys.update(_near_keys(conn, p, window))
    return keys


def _near_keys(conn: Connection, print_: Fingerprint, window: CopyWindow) -> set[str]:
    """The originals sharing a band with ``print_`` that its window reaches: per band, the ``per_band``
    nearest in date at or before its day and after it, within ``window.days``, and the ``per_band`` undated
    first in key order; for an undated print, the ``per_band`` undated and the ``per_band`` latest-dated.
    One statement of index ranges (``ix_report_bands_day``), each cut by its limit."""
    bands = sorted(set(print_.bands))
    values: dict[str, Any] = {f"band{i}": band for i, band in enumerate(bands)}
    if print_.day is not None:
        values.update(day=print_.day, lo=print_.day - timedelta(days=window.days),
                      hi=print_.day + timedelta(days=window.days))
    query = _near_query(len(bands), print_.day is not None, window.per_band)
    return set(conn.execute(query, values).scalars())


@lru_cache(maxsize=16)
def _near_query(bands: int, dated: bool, cap: int) -> CompoundSelect:
    """The statement of :func:`_near_keys` for ``bands`` bands (``band0``, ...), built once."""
    b = T.report_bands.c
    parts: list[Select[Any]] = []
    for i in range(bands):
        band = b.band == bindparam(f"band{i}")
        if dated:
            parts.append(select(b.report_key).where(band, b.day <= bindparam("day"), b.day >= bindparam("lo"))
                         .order_by(b.day.desc(), b.report_key.desc()).limit(cap))
            parts.append(select(b.report_key).where(band, b.day > bindparam("day"), b.day <= bindparam("hi"))
                         .order_by(b.day, b.report_key).limit(cap))
        else:
            parts.append(select(b.report_key).where(band, b.day.is_not(None))
                         .order_by(b.day.desc(), b.report_key.desc()).limit(cap))
        parts.append(select(b.report_key).where(band, b.day.is_(None)).order_by(b.report_key).limit(cap))
    return union_all(*(select(sub.c.report_key) for sub in (part.subquery() for part in parts)))


def _refuse_another_text(conn: Connection, doc: Document, article: Article) -> None:
    """Raise :class:`InputError` when ``article.id`` is stored with another text (or else another title),
    naming the first document that stored it so (one statement: the stored versions that differ)."""
    r, d = T.reports.c, T.documents.c
    text_differs = r.text != article.text
    title_differs = func.coalesce(r.title, "") != (article.title or "")
    differing = conn.execute(
        select(d.origin, text_differs, title_differs)
        .select_from(T.reports.join(T.documents, r.document_sha256 == d.sha256))
        .where(r.article_id == article.id, or_(text_differs, title_differs))
        .order_by(d.ingested_at, d.origin)
    ).all()
    for what, column in (("text", 1), ("title", 2)):
        first = next((row[0] for row in differing if row[column]), None)
        if first is not None:
            raise InputError(
                doc.origin,
                f"id {article.id!r} is already stored with a different {what} (first from {first}); "
                "give the new version its own id",
            )


def _check_parts(doc: Document, reports: Sequence[Report], mentions: Sequence[Mention]) -> None:
    keys = set()
    for report in reports:
        if report.document_id != doc.sha256:
            raise StoreError(f"report {report.key} does not belong to document {doc.sha256}")
        keys.add(report.key)
    for mention in mentions:
        if mention.report_key not in keys:
            raise StoreError(f"mention {mention.key} names report {mention.report_key}, not given with it")
