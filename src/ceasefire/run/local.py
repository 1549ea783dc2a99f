"""The local runner: sequential, one transaction per document.

Each document (a file, a JSONL line, a feed item, a WARC record) is read,
split into reports, extracted, resolved and written in ONE store transaction,
so an interrupted run loses nothing that was committed and leaves nothing
half-written. A document whose hash is already stored is skipped, so running
the same input twice changes nothing. The incidents a document's mentions
join, extend, merge or create are updated in that same transaction, reading
only their neighbourhood (``ceasefire.incidents.update_for``), and every change
is recorded as a version of the incident.

A report whose content was stored before (another container, another outlet
carrying it word for word, or nearly: ``ingest.copies``) is stored and extracted
like any other, marked as a carrier of the first (``copy_of``), and counts as no
new independent report. An article id already stored with another text is that
document's problem.

One bad record is that record's problem, never the run's: an error while reading,
extracting (a failed batch is retried one document at a time) or storing one
document becomes one ``IngestProblem`` and the run goes on; only a missing model or
gazetteer (``ModelError``, ``GazetteerError``) stops it.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Protocol, Sequence, TypeVar

from .. import dates, geo, ingest, timing
from ..config import Settings
from ..errors import CeasefireError, GazetteerError, InputError, ModelError
from ..incidents import IncidentChanges, assign_roles, rebuild_all, update_for
from ..incidents.review import Review
from ..model import (
    DatePrecision,
    DateResolution,
    Document,
    Evidence,
    Incident,
    IngestProblem,
    Mention,
    Original,
    Place,
    PlacePrecision,
    Report,
    Toponym,
)
from ..store import CopiesChanged, Neighbourhood, Store
from . import workers

__all__ = ["Extracted", "IngestResult", "Pipeline", "ProgressCallback", "extract_batch", "ingest_documents",
           "ingest_paths", "rebuild_incidents", "store_extracted", "batched"]

class ProgressCallback(Protocol):
    """Told as input is done: bytes done since the last call, the input's total bytes, the file's name, and
    the documents (articles) finished since the last call."""

    def __call__(self, advance: int, total: int, description: str, documents: int = 0, /) -> None: ...


@dataclass
class IngestResult:
    """What one ingest run did; ``problems`` lists every input that failed, one line each."""

    files: int = 0
    documents_added: int = 0
    documents_skipped: int = 0
    reports: int = 0
    copies: int = 0
    mentions: int = 0
    claims: int = 0
    incidents: int = 0
    problems: list[IngestProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class Pipeline:
    """Turns documents into reports and resolved mentions; loads the model and gazetteer lazily."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._extractor: object | None = None
        self._gazetteer: geo.Gazetteer | None = None

    @property
    def extractor(self):  # type: ignore[no-untyped-def]
        if self._extractor is None:
            from .. import nlp  # spaCy loads only when there is something to extract

            self._extractor = nlp.load_pipeline(self.settings.model)
        return self._extractor

    @property
    def gazetteer(self) -> geo.Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = geo.open_gazetteer(self.settings.gazetteer_path)
        return self._gazetteer

    def reports(self, doc: Document) -> list[Report]:
        """The document's reports; an article longer than ``Settings.max_chars`` is refused (``InputError``)."""
        article = ingest.to_article(doc)
        limit = self.settings.max_chars
        if len(article.text) > limit:
            raise InputError(
                doc.origin,
                f"text of {len(article.text):,} characters is over the limit of {limit:,} (CEASEFIRE_MAX_CHARS)",
            )
        return ingest.split_reports(article, doc.sha256)

    def mentions(self, reports: Sequence[Report]) -> list[list[Mention]]:
        """Extract, then resolve each mention's date and place against its report."""
        with timing.stage("extract"):
            extracted = self.extractor.extract(reports, batch_size=self.settings.batch_size)  # type: ignore[attr-defined]
        with timing.stage("resolve"):
            return [self._resolve(r, ms) for r, ms in zip(reports, extracted, strict=True)]

    def _resolve(self, report: Report, mentions: list[Mention]) -> list[Mention]:
        gaz = self.gazetteer
        attackers = [_attackers(m) for m in mentions]
        hint = geo.story_country([geo.event_toponyms(m.toponyms, a) for m, a in zip(mentions, attackers, strict=True)],
                                 gaz) or geo.story_country([m.toponyms for m in mentions], gaz)
        out = []
        earlier: DateResolution | None = None  # the last date a mention of this report gave in its own words
        alone: dict[tuple[str, str, str, str | None], Place | None] = {}  # the report's names recur around mentions

        def resolve_alone(t: Toponym, country: str | None) -> Place | None:
            key = (t.name, t.context, t.within, country)
            if key not in alone:
                alone[key] = geo.resolve_place([t], gaz, country_hint=country)
            return alone[key]

        owns = [
            dates.date_from_text(m.timexes, dateline=report.dateline, published=report.published,
                                 text=report.article.text)
            for m in mentions
        ]
        before = _told_before(mentions, owns)
        for m, own, event, attacker in zip(mentions, owns, before, attackers, strict=True):
            where = m if hint is None or hint in attacker else dataclasses.replace(
                m, toponyms=geo.event_toponyms(m.toponyms, attacker))  # an attack abroad is not in the attacker's
            place = geo.resolve_place(where.toponyms, gaz, country_hint=hint) if where.toponyms else None
            if (place is None or place.precision in _COARSE) and not _named_but_unknown(where):
                place = _from_context(where, place, resolve_alone, hint, attacker) or place
            elif place is None:
                place = _country_around(where, resolve_alone, report.article.field_text)
            if place is None and where.toponyms != m.toponyms:
                place = _story_country(hint, resolve_alone)
            counted = _counted_back(m)
            if own is None and event is not None:
                own = dates.date_before(m.timexes, event)  # "a week earlier": from the event told before it
            date = own or dates.resolve_date(
                m.timexes,
                dateline=report.dateline,
                published=report.published,
                inherited=None if counted else earlier,  # an older event does not take the newer one's date
                text=report.article.text,
            )
            if _passed_on(own) and not counted:
                earlier = own
            unknown = _unknown_places(m, resolve_alone, hint)
            out.append(
                dataclasses.replace(m, place=place, date=date, reported_on=report.anchor_date, unknown_places=unknown)
            )
        return assign_roles(out)  # reported, secondary or background: only a concrete mention makes an incident


_COARSE = (PlacePrecision.COUNTRY, PlacePrecision.UNKNOWN)


def _attackers(m: Mention) -> frozenset[str]:
    """The countries of the mention's perpetrators (ISO2)."""
    return frozenset(a.actor.country for a in m.actors if a.role == "perpetrator" and a.actor.country)


def _story_country(hint: str | None, resolve: Callable[[Toponym, str | None], Place | None]) -> Place | None:
    """The report's story country as a mention's place, for an event whose sentences name only its attacker's
    country ("Ruritania's new strikes came after ...") in a report whose events lie in another."""
    info = geo.countries().get(hint or "")
    if info is None:
        return None
    p = resolve(Toponym(info.name, Evidence("text", 0, 0, info.name)), hint)
    if p is None or p.country != hint:
        return None
    return dataclasses.replace(p, as_written=None, basis=f"the report's country ({info.name}): its sentences name "
                                                        "only the attacking side's country, not where it struck")
# a sea or a wide area named around a mention is no place of its event: only the mention's own words put it there
_NO_EVENT_AROUND = frozenset({"water", "area", "continent"})
_SHORT_SPAN_DAYS = 1  # "this weekend", "Friday night": a range this short dates the events told after it


def _counted_back(m: Mention) -> bool:
    """Dated by a distance back from the event told before it ("a week earlier": ``Timex.offset``)."""
    return any(t.offset for t in m.timexes)


def _position(m: Mention) -> tuple[int, int]:
    """Where a mention is told in its report: a headline's before the body's."""
    return (int(m.trigger.field == "text"), m.trigger.start)


def _told_before(mentions: Sequence[Mention], owns: Sequence[DateResolution | None]) -> list[DateResolution | None]:
    """For each mention dated by a distance back ("a week earlier", "the raid came a day after" it), the own
    date of the report's event told just before it in the text (a mention's own date that later ones may take,
    ``_passed_on``); ``None`` for the others, or when no such event is told before it."""
    told = sorted(
        ((_position(m), own) for m, own in zip(mentions, owns, strict=True) if _passed_on(own) and not
         _counted_back(m)),
        key=lambda x: x[0],
    )
    where = [p for p, _ in told]
    out: list[DateResolution | None] = []
    for m in mentions:
        k = bisect_left(where, _position(m)) if _counted_back(m) else 0
        out.append(told[k - 1][1] if k > 0 else None)
    return out


def _passed_on(own: DateResolution | None) -> bool:
    """Whether a mention's own date is precise enough for the report's later undated mentions to take.

    A day ("on Saturday") or a span of at most two days in the report's own words
    ("this weekend") is, and so is the week a statement's day bounds ("the army said
    on Saturday that ..."); a week, month or year ("last week", "in 2007") is not: it
    dates a recalled event, not the story being told.
    """
    if own is None or own.start is None or own.end is None:
        return False
    return own.precision is DatePrecision.DAY or own.stated or (own.end - own.start).days <= _SHORT_SPAN_DAYS


_UNKNOWN_MIN_LETTERS = 5  # a shorter name the gazetteer lacks is as likely a stray word as a village


def _unknown_places(
    m: Mention, resolve: Callable[[Toponym, str | None], Place | None], hint: str | None
) -> tuple[str, ...]:
    """The names the mention's own sentences give a place that the gazetteer lacks ("the village of X" where X is
    in no index), folded: two reports naming one such village name one place, which no coordinate can tie."""
    out = []
    for t in m.toponyms:
        name = " ".join(t.name.split())
        name = name[4:] if name.casefold().startswith("the ") else name
        letters = sum(ch.isalpha() for ch in name)
        if letters < _UNKNOWN_MIN_LETTERS or not all(w[:1].isupper() for w in name.split()):
            continue
        if resolve(t, hint) is None:
            out.append(name.casefold())
    return tuple(sorted(set(out)))


def _named_but_unknown(m: Mention) -> bool:
    """The mention's own words place it ("in the village of X", "near X") and that place is not in the
    gazetteer: it stays unresolved rather than borrow a place named elsewhere in the report."""
    return any(t.context for t in m.toponyms)


def _country_around(
    m: Mention, resolve: Callable[[Toponym, str | None], Place | None], field_text: Callable[[str], str]
) -> Place | None:
    """A mention naming a place the gazetteer lacks ("in the village of X") is at least in the country its own
    sentence names ("X's health ministry said a strike on Y killed ... while another on Z ..."): the country,
    never a finer place named elsewhere."""
    own = m.toponyms[0].evidence
    for t in m.context_toponyms:
        ev = t.evidence
        if ev.field != own.field:
            continue
        between = field_text(ev.field)[min(ev.end, own.end) : max(ev.start, own.start)]
        if ". " in between or "\n" in between:
            continue  # another sentence
        p = resolve(t, None)
        if p is not None and p.precision is PlacePrecision.COUNTRY:
            return dataclasses.replace(p, basis=f"'{m.toponyms[0].name}' not in the gazetteer; its sentence's country")
    return None


def _from_context(
    m: Mention, own: Place | None, resolve: Callable[[Toponym, str | None], Place | None], hint: str | None,
    attackers: frozenset[str] = frozenset(),
) -> Place | None:
    """A mention whose sentences name no place finer than a country takes the nearest one named around it.

    Only a place in the mention's own country or the report's is taken, and the
    basis says where it came from. A place named only as a reference point ("30 miles
    south of X") is taken last: the event is not there. A sea named around it is never
    taken ("ships in the X Sea" told in another sentence). A country the mention names
    outright (not by a demonym) that is not its attacker's ("militants from Tarsk fired
    rockets at Ruritania") is where it happened: only a place in that country is taken.
    """
    found = []
    for t in m.context_toponyms:
        p = resolve(t, hint or (own.country if own else None))
        if p is None or p.precision in _COARSE or p.feature in _NO_EVENT_AROUND:
            continue
        allowed = {c for c in (own.country if own is not None else None, hint) if c}
        if own is not None and own.country and own.as_written and not geo.by_demonym(own) and attackers and (
                own.country not in attackers):
            allowed = {own.country}  # "Tarsk's militia fired rockets at Ruritania": not a town of the other country
        if allowed and p.country not in allowed:
            continue
        found.append(p)
    if not found:
        return None
    p = min(found, key=lambda f: f.precision is PlacePrecision.NEAR)
    return dataclasses.replace(p, basis=f"named near the mention in the report; {p.basis}")


def _documents(
    paths: Iterable[Path], settings: Settings, problems: list[IngestProblem]
) -> Iterator[tuple[Path, Document]]:
    for path in paths:
        try:
            for item in ingest.read_input(path, max_bytes=settings.max_bytes):
                if isinstance(item, IngestProblem):
                    problems.append(item)
                else:
                    yield path, item
        except Exception as exc:  # noqa: BLE001 -- read_input yields its problems; this is the last guard
            problems.append(_failure(ingest.display_path(path), "cannot read", exc))


# no model or no gazetteer: no document can be read, so the run stops with that one error
_SETUP = (ModelError, GazetteerError)


def _failure(origin: str, action: str, exc: Exception) -> IngestProblem:
    """One record's failure as its problem: our own errors say why; anything else names its type."""
    if isinstance(exc, InputError):
        return ingest.as_problem(origin, exc.reason)
    if isinstance(exc, CeasefireError):
        return ingest.as_problem(origin, str(exc))
    lines = str(exc).strip().splitlines()
    return ingest.as_problem(origin, f"{action} ({type(exc).__name__}{': ' + lines[0] if lines else ''})")


@dataclass(frozen=True)
class Extracted:
    """What parsing and extraction made of one document: its reports and mentions, or the problem that
    stopped it (``mentions`` is None then). Plain model records: it crosses from a worker process."""

    reports: tuple[Report, ...] = ()
    mentions: tuple[Mention, ...] | None = None
    problem: IngestProblem | None = None


def extract_batch(pipeline: Pipeline, batch: Sequence[tuple[Path, Document]]) -> list[Extracted]:
    """Each document of the batch split into reports and extracted, in order; a failure is that document's.

    When extraction fails for the batch, its documents are retried one by one, so only the one that fails is a
    problem. Only a missing model or gazetteer is raised.
    """
    out: list[Extracted] = [Extracted() for _ in batch]
    todo: list[tuple[int, Document, list[Report]]] = []
    for i, (_, doc) in enumerate(batch):
        try:
            with timing.stage("read"):
                todo.append((i, doc, pipeline.reports(doc)))
        except Exception as exc:  # noqa: BLE001 -- one bad record is that record's problem
            out[i] = Extracted(problem=_failure(doc.origin, "cannot read", exc))
    flat = [r for _, _, reps in todo for r in reps]
    try:
        per_report: list[list[Mention]] | None = pipeline.mentions(flat) if flat else []
    except _SETUP:
        raise
    except Exception:  # noqa: BLE001 -- one bad document must not fail its whole batch
        per_report = None
    at = 0
    for i, doc, reps in todo:
        if per_report is not None:
            found = per_report[at : at + len(reps)]
            at += len(reps)
        else:
            try:
                found = pipeline.mentions(reps)
            except _SETUP:
                raise
            except Exception as exc:  # noqa: BLE001 -- that document's problem; the run goes on
                out[i] = Extracted(tuple(reps), None, _failure(doc.origin, "cannot extract", exc))
                continue
        out[i] = Extracted(tuple(reps), tuple(m for ms in found for m in ms))
    return out


def _extract_remote(batch: Sequence[tuple[Path, Document]]) -> list[Extracted]:
    """:func:`extract_batch` in a worker process, with its own pipeline (``run.workers``)."""
    return extract_batch(workers.worker_pipeline(), batch)


Item = TypeVar("Item")


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """``items`` in lists of ``size`` (the last one shorter), in order, read as they are needed (a stream; the
    store's ``chunks`` slices a sequence it holds for one SQL statement)."""
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest_paths(
    paths: Sequence[str | Path],
    store: Store,
    settings: Settings,
    *,
    progress: ProgressCallback | None = None,
    pipeline: Pipeline | None = None,
) -> IngestResult:
    """Ingest files and directories into the store; never stops at one bad input."""
    pipeline = pipeline or Pipeline(settings)
    files, problems = ingest.list_inputs(paths)
    result = IngestResult(files=len(files), problems=list(problems))
    sizes = {p: _size(p) for p in files}
    total = sum(sizes.values())
    done_bytes: dict[Path, int] = {}

    def advance(path: Path, n: int, documents: int = 1) -> None:
        if progress is None:
            return
        before = done_bytes.get(path, 0)
        after = min(sizes[path], before + n)
        done_bytes[path] = after
        progress(after - before, total, path.name, documents)

    documents = timing.timed("read", _documents(files, settings, result.problems))
    _ingest_documents(documents, store, settings, pipeline, result, advance)
    for path in files:  # files whose bytes did not all become documents
        advance(path, sizes[path], 0)
    for problem in result.problems:
        store.record_problem(problem.origin, problem.message)
    result.incidents = store.counts()["incidents"]
    return result


def ingest_documents(
    documents: Iterable[Document], store: Store, settings: Settings, *, pipeline: Pipeline | None = None
) -> IngestResult:
    """Ingest documents already read (a fetched page, a feed item) like the files of :func:`ingest_paths`.

    Each document is stored in its own transaction, skipped when its hash is stored
    already; a bad one is one problem (its origin, e.g. the page's URL) and the rest go on.
    """
    pipeline = pipeline or Pipeline(settings)
    result = IngestResult()
    items = ((Path(doc.origin), doc) for doc in documents)
    _ingest_documents(items, store, settings, pipeline, result, lambda path, n: None)
    for problem in result.problems:
        store.record_problem(problem.origin, problem.message)
    result.incidents = store.counts()["incidents"]
    return result


def _ingest_documents(
    items: Iterator[tuple[Path, Document]],
    store: Store,
    settings: Settings,
    pipeline: Pipeline,
    result: IngestResult,
    advance: Callable[[Path, int], None],
) -> None:
    """Read, extract (in ``settings.workers`` processes) and store each document in input order, counting into
    ``result``."""
    fresh = _unstored(items, store, result, advance)
    batches = batched(fresh, settings.batch_size)
    for batch, extracted in workers.in_order(batches, lambda b: extract_batch(pipeline, b), settings, _extract_remote):
        for (path, doc), got in zip(batch, extracted, strict=True):
            store_extracted(store, doc, got, settings, result)
            advance(path, len(doc.raw))


def store_extracted(store: Store, doc: Document, got: Extracted, settings: Settings, result: IngestResult) -> None:
    """The one writer's step for one document: its problem listed, its reports and mentions stored with the
    incidents they change (unless it failed, or its hash is stored already), counted into ``result``."""
    if got.problem is not None:
        result.problems.append(got.problem)
    if got.mentions is None:
        return
    reps, mentions = list(got.reports), list(got.mentions)
    try:
        with timing.stage("store"):
            added, copies = _store_document(store, doc, reps, mentions, settings.policy)
    except Exception as exc:  # noqa: BLE001 -- a StoreError, or a failure deriving its incidents
        result.problems.append(_failure(doc.origin, "cannot store", exc))
        return
    if added:
        result.documents_added += 1
        result.reports += len(reps)
        result.copies += copies
        result.mentions += len(mentions)
        result.claims += sum(len(m.claims) for m in mentions)
    else:  # the same content appeared twice in this run, or another writer stored it meanwhile
        result.documents_skipped += 1


def _unstored(
    items: Iterator[tuple[Path, Document]], store: Store, result: IngestResult, advance: Callable[[Path, int], None]
) -> Iterator[tuple[Path, Document]]:
    """The documents whose hash is not stored yet (checked as each is read, after what came before was written)."""
    for path, doc in items:
        with timing.stage("store"):
            stored = store.has_document(doc.sha256)
        if stored:
            result.documents_skipped += 1
            advance(path, len(doc.raw))
            continue
        yield path, doc


COPY_ATTEMPTS = 5  # another writer storing one of a document's candidates this often in a row is an error


def _store_document(
    store: Store, doc: Document, reports: Sequence[Report], mentions: Sequence[Mention], policy: str
) -> tuple[bool, int]:
    """Store one document, its copies marked as carriers of their originals: (stored?, copies).

    The copies are decided against the candidates the store finds by the reports'
    fingerprints; the store checks them again inside its transaction, and when another
    writer stored one meanwhile, they are decided again.
    """
    prints = [ingest.fingerprint(r) for r in reports]
    by_key = {p.report_key: p for p in prints}
    window = ingest.copy_window()
    attempts = 0
    while True:
        candidates = store.copy_candidates(prints, window)
        originals = ingest.find_originals(reports, by_key, candidates)
        reps = [_copy_of(r, originals.get(r.key)) for r in reports]
        ms = [_copy_of(m, originals.get(m.report_key)) for m in mentions]
        try:
            added = store.add_document(
                doc, reps, ms, derive=_deriver(ms, policy), prints=prints, candidates=[c.key for c in candidates],
                window=window
            )
        except CopiesChanged:
            attempts += 1
            if attempts >= COPY_ATTEMPTS:
                raise
            continue
        return added, len(originals)


Marked = TypeVar("Marked", Report, Mention)


def _copy_of(item: Marked, original: Original | None) -> Marked:
    """``item`` marked as carrying ``original`` (the same object when it already is: a long report's mentions
    are not all copied)."""
    return item if item.copy_of == original else dataclasses.replace(item, copy_of=original)


def _deriver(mentions: Sequence[Mention], policy: str) -> Callable[[Neighbourhood], IncidentChanges]:
    def derive(nb: Neighbourhood) -> IncidentChanges:
        with timing.stage("merge"):
            return update_for(mentions, nb, policy)

    return derive


def rebuild_incidents(store: Store, settings: Settings) -> int:
    """Re-derive every incident from the stored mentions (a policy change, a new version of the rules).

    Changes are recorded as versions like any other; returns the number of incidents.
    """

    def derive(mentions: list[Mention], incidents: list[Incident], nb: Neighbourhood) -> IncidentChanges:
        return rebuild_all(mentions, incidents, nb.latest_versions, settings.policy, Review(nb.review_actions()))

    store.rederive_incidents(derive)
    return store.counts()["incidents"]


def _size(path: Path) -> int:
    try:
        return max(1, path.stat().st_size)
    except OSError:
        return 1


