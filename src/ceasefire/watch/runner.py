"""The watcher: rounds of polling due sources, ingesting new items, deciding and delivering alerts.

One round (:meth:`Watcher.round`):

1. each source whose next poll is due is polled: a folder listed, a feed or URL list
   fetched (conditionally); items not seen before, and items whose retry is due, are
   ingested with the normal pipeline (a page fetched first); then what became of each
   item and the poll's outcome (validators, next poll, errors) are written;
2. incident versions no alert was decided for are compared with what came before
   them and the rules decide; the alerts are queued in the outbox and the versions
   marked decided, in one transaction;
3. the outbox's due alerts are delivered; each send is recorded (sent, to retry, dead).

Crash safety (docs/watch.md, "Stopping, killing, restarting"): an item is marked seen
only after its document is stored, and storing is idempotent (a document whose hash
is stored is skipped), so an item processed again after a crash changes nothing;
alerts are queued in the same transaction that marks their versions decided, with a
key per (channel, rule, incident, version), so none is lost or queued twice.
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import httpx

from ..database import Database
from ..errors import FetchError, GazetteerError, InputError, ModelError
from ..ingest.copies import remember
from ..model import Document, IncidentHead, IncidentVersion, Violation
from ..store.watch import ItemState, OutboxEntry, Poll, WatchState
from .alerts import Change, Verdict, fired_violations, fires, new_sources, summary, violation_summary
from .config import SourceConfig, WatchConfig
from .deliver import Channel, DeliveryError, make_channel, write_lines
from .http import Fetcher
from .inbox import Inbox
from .items import Item, feed_items, folder_items, page_document, url_items
from .log import EventLog

__all__ = ["Watcher", "RoundReport"]

DELIVERY_BASE = 2.0  # seconds before the first retry of a failed delivery (doubling)
EARLY = 0.5  # a source due within this many seconds is polled in this round
MAX_WAIT = 5.0  # the loop looks at the schedule at least this often
HEARTBEAT = 30.0  # a quiet poll (nothing new, no error) is written at most this often
DECIDE_BATCH = 1000  # incident versions decided in one transaction
_STOP = (ModelError, GazetteerError)  # no document can be read: the watcher stops


@dataclass
class RoundReport:
    """What one round did."""

    polled: list[str] = field(default_factory=list)
    new_items: int = 0
    stored: int = 0
    failed: int = 0
    retrying: int = 0
    errors: int = 0
    alerts_queued: int = 0
    alerts_sent: int = 0
    alerts_dead: int = 0


class Watcher:
    """Follows the sources of a :class:`WatchConfig` into the store of ``db``."""

    def __init__(
        self,
        config: WatchConfig,
        db: Database,
        *,
        log: EventLog | None = None,
        clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.config = config
        self.db = db
        self.log = log or EventLog(quiet=True)
        self.clock = clock
        self.rng = rng or random.Random()
        self.fetcher = Fetcher(config.http, transport=transport)
        self.channels: dict[str, Channel] = {
            c.name: make_channel(c, user_agent=config.http.user_agent, timeout=config.http.timeout,
                                 transport=transport)
            for c in config.channels
        }
        self._wake = threading.Event()
        self.inboxes: list[Inbox] = []  # listening while :meth:`run` runs
        self._posted: set[str] = set()  # inbox sources that took a post since their last poll
        self._next: dict[str, float] = {}  # next polls decided but not written (quiet polls, see HEARTBEAT)
        self._written: dict[str, float] = {}  # when each source's poll was last written
        self._decided_at = float("-inf")  # when alert rules were last decided
        self._undecided = False  # more versions were waiting than one decision takes
        self._agreements: dict[str, str] = {}  # the judged agreements' ids and names, read per decision
        self._judged: dict[tuple[str, str], list[Violation]] = {}  # judgements read in this decision
        self._missing: set[str] = set()  # agreements named by rules but not stored (logged once)

    @property
    def state(self) -> WatchState:
        return self.db.store.watch

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.clock(), timezone.utc)

    def close(self) -> None:
        self.fetcher.close()
        for channel in self.channels.values():
            channel.close()

    def __enter__(self) -> "Watcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def backoff(self, base: float, failures: int) -> float:
        """Seconds to wait after ``failures`` failures in a row: doubling from ``base``, capped, half jittered."""
        delay = min(self.config.backoff_max, base * 2 ** max(failures, 0))
        return delay / 2 + self.rng.uniform(0, delay / 2)

    # -- the loop -------------------------------------------------------------

    def run(self, stop: threading.Event) -> None:
        """Rounds until ``stop`` is set; inbox sources listen meanwhile (a post wakes the loop).

        First the stored mentions are decoded into the store's cache (:meth:`Store.warm`): each new
        report is then merged without reading its neighbours back from the store; and the stored
        originals are decoded and cut into shingles, so its copy candidates are neither read nor cut
        again (:meth:`Store.warm_reports`, ``ingest.copies.remember``; docs/performance.md).
        """
        began = time.perf_counter()
        mentions = self.db.store.warm()
        reports = remember(self.db.store.warm_reports())  # copy detection: candidates decoded and shingled
        self.log("warmed", mentions=mentions, reports=reports, seconds=round(time.perf_counter() - began, 3))
        self.inboxes = inboxes = [
            Inbox(s, max_bytes=self.config.http.max_bytes, on_post=self._poster(s.name), log=self.log)
            for s in self.config.sources
            if s.kind == "inbox"
        ]
        for inbox in inboxes:
            inbox.start()
            self.log("listening", source=inbox.name, address="%s:%d" % inbox.address)
        try:
            while not stop.is_set():
                try:
                    self.round()
                except _STOP:
                    raise
                except Exception as exc:  # noqa: BLE001 -- a long-running watcher logs a failed round and goes on
                    self.log("error", error=f"round failed: {type(exc).__name__}: {exc}")
                    stop.wait(1.0)
                self._wake.wait(self._wait())
                self._wake.clear()
        finally:
            for inbox in inboxes:
                inbox.stop()

    def _poster(self, name: str) -> Callable[[int], None]:
        def posted(count: int) -> None:  # from the inbox's thread: poll that source in the next round
            self._posted.add(name)
            self._wake.set()

        return posted

    def wake(self) -> None:
        """Start the next round now (e.g. a stop request, or a file known to be dropped)."""
        self._wake.set()

    def _wait(self) -> float:
        now = self.clock()
        states = {s.name: s for s in self.state.sources()}
        due = []
        for s in self.config.sources:
            at = states[s.name].next_poll_at if s.name in states else None
            due.append(self._next.get(s.name, at.timestamp() if at is not None else now))
        return max(0.0, min([MAX_WAIT, *(d - now for d in due)]))

    def round(self) -> RoundReport:
        """Poll every due source, then decide and deliver alerts."""
        report = RoundReport()
        states = {s.name: s for s in self.state.sources()}
        for source in self.config.sources:
            st = states.get(source.name)
            at = self._next.get(source.name, st.next_poll_at.timestamp() if st and st.next_poll_at else None)
            due = at is None or at - self.clock() <= EARLY
            if due or source.name in self._posted:
                self._posted.discard(source.name)
                self.poll(source, report)
        # versions come from this round's documents, or from other writers (``ceasefire ingest``): those are
        # looked for at least every HEARTBEAT seconds, sparing a scan of the versions at every folder look
        if self.config.rules and (report.stored or self._undecided or self.clock() - self._decided_at >= HEARTBEAT):
            report.alerts_queued = self.decide_alerts()
        self.deliver(report)
        return report

    # -- sources --------------------------------------------------------------

    def poll(self, source: SourceConfig, report: RoundReport) -> None:
        now = self.now()
        prior = self.state.source(source.name)
        etag = prior.etag if prior else None
        modified = prior.last_modified if prior else None
        status: int | None = None
        try:
            if source.kind in ("folder", "inbox"):
                root = Path(source.location) if source.kind == "folder" else source.spool
                assert root is not None
                if source.kind == "inbox":
                    root.mkdir(parents=True, exist_ok=True)
                listed = folder_items(root)
            else:
                response = self.fetcher.get(source.location, etag=etag, last_modified=modified)
                status = response.status
                if response.not_modified:
                    listed = []
                else:
                    etag, modified = response.etag, response.last_modified
                    listed = (
                        feed_items(response.body, source.location, fetch_pages=source.fetch_pages)
                        if source.kind == "feed"
                        else url_items(response.body, source.location)
                    )
        except (FetchError, InputError, OSError) as exc:
            failures = (prior.errors if prior else 0) + 1
            wait = self.backoff(source.interval, failures)
            message = str(exc) if not isinstance(exc, OSError) else f"{source.location}: {exc.strerror or exc}"
            self.state.record_poll(source.name, source.kind, source.location, Poll(
                at=now, next_poll_at=now + timedelta(seconds=wait), ok=False, error=message,
                etag=etag, last_modified=modified,
            ))
            self._next.pop(source.name, None)
            self._written[source.name] = now.timestamp()
            report.errors += 1
            report.polled.append(source.name)
            self.log("error", source=source.name, error=message, failures=failures, retry_in=round(wait, 1))
            return
        known = self.state.items(source.name, [i.key for i in listed])
        fresh = [i for i in listed if i.key not in known]
        listed_keys = {i.key for i in listed}
        retry = [i for i in listed if i.key in known and known[i.key].state == "retry"
                 and (known[i.key].next_try_at or now) <= now]
        for s in self.state.retries_due(source.name, now):
            if s.item not in listed_keys:  # no longer listed (a feed moved on): retried from what was stored
                known[s.item] = s
                retry.append(Item(key=s.item, url=s.url))
        outcomes = self._process(source, fresh + retry, known, report)
        self.state.record_items(outcomes, self.now())
        if source.kind == "inbox":  # posts done now, or done before a crash kept them from being removed
            finished = [ItemState(source.name, k, s.state, s.attempts) for k, s in known.items() if s.state != "retry"]
            _drop_spooled(source, listed, [*outcomes, *finished])
        stored = sum(1 for o in outcomes if o.state == "done" and o.item in {i.key for i in fresh})
        next_poll = now + timedelta(seconds=source.interval)
        quiet = (prior is not None and not prior.errors and not fresh and not retry
                 and (etag, modified) == (prior.etag, prior.last_modified)
                 and now.timestamp() - self._written.get(source.name, 0.0) < HEARTBEAT)
        if quiet:  # nothing to remember but the schedule: kept in memory, the store spared a write
            self._next[source.name] = next_poll.timestamp()
        else:
            self.state.record_poll(source.name, source.kind, source.location, Poll(
                at=now, next_poll_at=next_poll, ok=True, new_items=stored, etag=etag, last_modified=modified,
            ))
            self._written[source.name] = now.timestamp()
            self._next.pop(source.name, None)
        report.polled.append(source.name)
        report.new_items += len(fresh)
        if not quiet:
            self.log("poll", source=source.name, status=status, listed=len(listed), new=len(fresh),
                     retried=len(retry))

    def _process(self, source: SourceConfig, items: Sequence[Item], known: dict[str, ItemState],
                 report: RoundReport) -> list[ItemState]:
        """Ingest the items; what became of each (done, retry with its next try, failed)."""
        now = self.now()
        out: list[ItemState] = []
        docs: list[tuple[Item, Document]] = []

        def attempts_of(item: Item) -> int:
            return (known[item.key].attempts if item.key in known else 0) + 1

        def failure(item: Item, error: str, *, final: bool = False) -> None:
            n = attempts_of(item)
            if final or n >= self.config.item_attempts:
                out.append(ItemState(source.name, item.key, "failed", n, item.url, None, None, error))
                report.failed += 1
                self.log("error", source=source.name, item=item.key, error=error, attempts=n, gave_up=True)
                return
            wait = self.backoff(source.interval, n)
            out.append(ItemState(source.name, item.key, "retry", n, item.url, now + timedelta(seconds=wait),
                                 None, error))
            report.retrying += 1
            self.log("retry", source=source.name, item=item.key, error=error, attempts=n, retry_in=round(wait, 1))

        for item in items:
            if source.kind in ("folder", "inbox"):
                if item.path is None or not item.path.is_file():
                    failure(item, "the file is gone", final=True)
                    continue
                began, committed = time.perf_counter(), self.db.store.committing
                try:
                    result = self.db.ingest([item.path])
                except _STOP:
                    raise
                except Exception as exc:  # noqa: BLE001 -- that file's problem; retried later
                    failure(item, f"{type(exc).__name__}: {exc}")
                    continue
                problems = "; ".join(str(p) for p in result.problems[:3])
                out.append(ItemState(source.name, item.key, "done", attempts_of(item), None, None, None,
                                     problems or None))
                report.stored += result.documents_added
                self.log("new", source=source.name, item=item.key, documents=result.documents_added,
                         skipped=result.documents_skipped, problems=len(result.problems),
                         seconds=round(time.perf_counter() - began, 3),
                         commit=round(self.db.store.committing - committed, 3))
                continue
            if item.document is not None:
                docs.append((item, item.document))
                continue
            assert item.url is not None
            try:
                response = self.fetcher.get(item.url)
            except FetchError as exc:
                failure(item, exc.reason if exc.url == item.url else str(exc), final=exc.permanent)
                continue
            docs.append((item, page_document(item.url, response.body, response.content_type, source.name)))
        if docs:
            began = time.perf_counter()
            try:
                result = self.db.ingest_documents(doc for _, doc in docs)
            except _STOP:
                raise
            refused = {p.origin: p.message for p in result.problems}
            report.stored += result.documents_added
            for item, doc in docs:
                if doc.origin in refused:  # the content is the problem: fetching it again would not help
                    failure(item, refused[doc.origin], final=True)
                else:
                    out.append(ItemState(source.name, item.key, "done", attempts_of(item), item.url, None,
                                         doc.sha256, None))
                    self.log("new", source=source.name, item=item.key, document=doc.sha256[:12],
                             seconds=round(time.perf_counter() - began, 3))
        return out

    # -- alerts ---------------------------------------------------------------

    def decide_alerts(self) -> int:
        """Decide the rules for every undecided incident version; queue the alerts; returns how many."""
        now = self.now()
        state = self.state
        state.start_alerts(now, from_start=self.config.alerts_from == "start")
        pending: dict[str, list[int]] = defaultdict(list)
        waiting = state.undecided(DECIDE_BATCH)
        self._decided_at, self._undecided = self.clock(), len(waiting) >= DECIDE_BATCH
        for incident_id, version in waiting:
            pending[incident_id].append(version)
        if not pending:
            return 0
        self._judged = {}
        self._agreements = self._watched_agreements()
        entries: list[OutboxEntry] = []
        marks: dict[str, int] = {}
        for incident_id, numbers in pending.items():
            versions = state.versions(incident_id)
            marks[incident_id] = max(numbers)
            for v in versions:
                if v.version in numbers and v.incident is not None:
                    entries += self._alerts_for(self._change(v, versions))
        queued = state.decide(marks, entries, now)
        for e in entries:
            self.log("alert", rule=e.rule, incident=e.incident_id, version=e.version, channel=e.channel,
                     changes=e.payload.get("changes"))
        return queued

    def _change(self, v: IncidentVersion, versions: Sequence[IncidentVersion]) -> Change:
        """The version and what it is compared with: the version before, else what it took over."""
        before = [x for x in versions if x.version < v.version]
        previous: IncidentHead | None = before[-1].incident if before else None
        members = _members(before)
        merged: tuple[str, ...] = ()
        if not before:
            merged = tuple(self.state.predecessors(v.incident_id))
            for pred in merged:
                history = self.state.versions(pred)
                heads = [x.incident for x in history if x.incident is not None]
                if heads and previous is None:
                    previous = heads[-1]
                members |= _members([x for x in history if x.incident is not None])  # before it was retired
        added = [k for k in v.added if k not in members]
        fresh: tuple[str, ...] = ()
        if previous is not None and added:
            facts = self.state.source_facts([*added, *members])
            known = [n for k in members if k in facts for n in (facts[k].outlet, *facts[k].claimants) if n]
            fresh = new_sources([(facts[k].outlet, facts[k].claimants) for k in added if k in facts], known)
        return Change(v, previous, merged, fresh, self._verdicts(v, merged))

    def _watched_agreements(self) -> dict[str, str]:
        """The stored agreements a possible_violation rule watches, id -> name (none without such a rule)."""
        rules = [r for r in self.config.rules if r.on == "possible_violation"]
        if not rules:
            return {}
        stored = {a.id: a.name for a in self.db.agreements()}
        wanted = set(stored) if any(not r.agreements for r in rules) else {a for r in rules for a in r.agreements}
        for missing in sorted(wanted - set(stored) - self._missing):
            self._missing.add(missing)
            self.log("error", error=f"alert rules name agreement {missing!r}, which is not in the store "
                     "(ceasefire agreement add)")
        return {a: stored[a] for a in sorted(wanted & set(stored))}

    def _judgements(self, agreement_id: str, incident_id: str) -> list[Violation]:
        key = (agreement_id, incident_id)
        if key not in self._judged:
            self._judged[key] = self.db.judgements(agreement_id, incident_id)
        return self._judged[key]

    def _verdicts(self, v: IncidentVersion, merged: Sequence[str]) -> tuple[Verdict, ...]:
        """Each watched agreement's result at ``v`` and its last one before: of this incident's earlier
        versions, else (at its first version) of an incident it took over."""
        out = []
        for agreement_id in self._agreements:
            results = self._judgements(agreement_id, v.incident_id)
            now = [j for j in results if j.version == v.version]
            if not now:  # not judged at this version (outside the agreement's time or area)
                continue
            earlier = [j for j in results if j.version < v.version]
            for pred in merged if not earlier else ():
                earlier = self._judgements(agreement_id, pred)
                if earlier:
                    break
            out.append(Verdict(now[-1], earlier[-1] if earlier else None))
        return tuple(out)

    def _alerts_for(self, change: Change) -> list[OutboxEntry]:
        out = []
        v = change.version
        for rule in self.config.rules:
            words = fires(rule, change)
            if words is None:
                continue
            alert_id = f"{rule.name}/{v.incident_id}/{v.version}"
            payload: dict[str, Any] = {
                "alert": alert_id,
                "rule": rule.name,
                "on": rule.on,
                "incident": v.incident_id,
                "version": v.version,
                "recorded_at": _utc_iso(v.recorded_at),
                "url": self.config.incident_url.format(id=v.incident_id) if self.config.incident_url else None,
                "changes": words,
                "cause": v.cause,
                "summary": summary(change.head),
            }
            if rule.on == "possible_violation":
                payload["violations"] = [violation_summary(verdict, self._agreements.get(verdict.current.agreement_id))
                                         for verdict, _ in fired_violations(rule, change)]
            for channel in rule.channels or tuple(self.channels):
                out.append(OutboxEntry(key=f"{channel}|{alert_id}", channel=channel, rule=rule.name,
                                       incident_id=v.incident_id, version=v.version, payload=payload))
        return out

    def deliver(self, report: RoundReport | None = None) -> None:
        """Send the outbox's due alerts, channel by channel; record each send."""
        report = report or RoundReport()
        now = self.now()
        by_channel: dict[str, list[OutboxEntry]] = defaultdict(list)
        for entry in self.state.outbox_due(now):
            by_channel[entry.channel].append(entry)
        for name, due in by_channel.items():
            channel = self.channels.get(name)
            if channel is None:
                self.log("error", channel=name, error="alerts queued for a channel no longer configured",
                         count=len(due))
                continue
            for group in channel.groups(due, now):
                interrupted = [e for e in group if e.state == "sending"]  # a round killed while sending them
                done = channel.delivered(interrupted) if interrupted else set()
                for entry in (e for e in group if e.key in done):
                    self.state.record_delivery(entry.key, state="sent", attempts=entry.attempts + 1, at=self.now())
                    report.alerts_sent += 1
                group = [e for e in group if e.key not in done]
                if not group:
                    continue
                self.state.mark_sending([e.key for e in group])
                try:
                    channel.send(group)
                except DeliveryError as exc:
                    for entry in group:
                        self._failed(channel, entry, str(exc), report)
                    continue
                for entry in group:
                    self.state.record_delivery(entry.key, state="sent", attempts=entry.attempts + 1, at=self.now())
                    report.alerts_sent += 1
                self.log("sent", channel=name, alerts=len(group))

    def _failed(self, channel: Channel, entry: OutboxEntry, error: str, report: RoundReport) -> None:
        now = self.now()
        attempts = entry.attempts + 1
        if attempts >= channel.config.attempts:
            if channel.config.dead_letter is not None:
                line = {"alert": dict(entry.payload), "channel": channel.name, "error": error, "attempts": attempts,
                        "at": now.isoformat()}
                write_lines(channel.config.dead_letter, [json.dumps(line, sort_keys=True, ensure_ascii=False)])
            self.state.record_delivery(entry.key, state="dead", attempts=attempts, at=now, error=error)
            report.alerts_dead += 1
            self.log("dead", channel=channel.name, alert=entry.key, error=error, attempts=attempts)
            return
        wait = self.backoff(DELIVERY_BASE, attempts - 1)
        self.state.record_delivery(entry.key, state="pending", attempts=attempts, at=now,
                                   next_try_at=now + timedelta(seconds=wait), error=error)
        self.log("retry", channel=channel.name, alert=entry.key, error=error, attempts=attempts,
                 retry_in=round(wait, 1))


def _utc_iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return (value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value).isoformat()


def _members(versions: Sequence[IncidentVersion]) -> set[str]:
    members: set[str] = set()
    for v in versions:
        members = (members | set(v.added)) - set(v.removed)
    return members


def _drop_spooled(source: SourceConfig, items: Sequence[Item], outcomes: Sequence[ItemState]) -> None:
    """Remove the inbox's spooled posts that are done (their documents are in the store)."""
    done = {o.item for o in outcomes if o.state != "retry"}
    for item in items:
        if item.key in done and item.path is not None:
            try:
                item.path.unlink()
            except OSError:
                pass

