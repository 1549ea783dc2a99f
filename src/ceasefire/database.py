"""The Python API: one object over a store, used by the CLI and by programs alike.

    >>> import ceasefire
    >>> db = ceasefire.open("sqlite:///ceasefire.db")
    >>> result = db.ingest(["examples/"])
    >>> for incident in db.incidents():
    ...     print(incident.id, incident.date.start, incident.figures.get("killed"))
    >>> db.export("incidents.json")
"""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, Sequence

from . import agreements as agreements_
from .config import Settings
from .errors import ConfigError, InputError
from .model import (
    ActorSummary,
    Agreement,
    CheckFailure,
    DayCount,
    Document,
    Incident,
    IncidentFilter,
    IncidentOrder,
    IncidentPage,
    IncidentVersion,
    Mention,
    Report,
    SourceSummary,
    Violation,
    ViolationStatus,
    WatcherHealth,
)
from .run import IngestResult, Pipeline, ProgressCallback, ingest_documents, ingest_paths, rebuild_incidents
from .store import Store, open_store
from .store.engine import hide_secrets, is_memory, normalise_url, sqlite_file

if TYPE_CHECKING:
    from .brief.context import Brief
    from .geo.countries import CountryInfo
    from .review import Reviewer
    from .run.batch import ShardProgress
    from .users import Users

__all__ = [
    "Database",
    "check_paths",
    "check_servable",
    "hide_password",
    "open",
    "evaluate",
    "geocode",
    "normalize_dates",
    "build_gazetteer",
    "import_geonames",
    "actor_name",
]


def actor_name(name: str) -> str | None:
    """The canonical name of the actor ``name`` is in the actor registry (a name, alias or generic
    actor), else ``None``: how agreement files name their parties."""
    from .nlp.actors import default_actors

    actor = default_actors().canonical(name)
    return actor.name if actor is not None else None


def check_paths(paths: Sequence[str | Path]) -> None:
    """Refuse an empty or blank path (``ConfigError``): it would otherwise mean the current directory."""
    for path in paths:
        if not str(path).strip():
            raise ConfigError(f"empty path {str(path)!r}: name a file or directory ('.' for the current one)")


def check_servable(db_url: str) -> None:
    """Refuse (``ConfigError``) a store that cannot be served: in memory only, or a SQLite file that does not
    exist (opening it would create an empty one)."""
    url = normalise_url(db_url)
    if is_memory(url):
        raise ConfigError("the store is in memory only (--db ':memory:' or 'sqlite://'): there is nothing to serve; "
                          "give the path or URL of an ingested store")
    path = sqlite_file(url)
    if path is not None and not path.is_file():
        raise ConfigError(f"no store at {path}: ingest into it first (ceasefire --db {path} ingest ...)")


def hide_password(text: str, db_url: str) -> str:
    """``text`` with the password of the store URL ``db_url`` (as a user typed it) replaced by ``***``."""
    return hide_secrets(text, db_url)


class Database:
    """An open incident store and the pipeline that feeds it."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store: Store = open_store(settings.db_url, judge=agreements_.judge)
        self._pipeline: Pipeline | None = None

    # -- context manager
    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    @property
    def in_memory(self) -> bool:
        """Whether the store lives in memory only (``:memory:``, ``sqlite://``): gone when closed."""
        return self.store.in_memory

    @property
    def review(self) -> "Reviewer":
        """Review actions with audit: ``confirm``, ``correct``, ``merge``, ``split``, ``mark_wrong``
        (``ceasefire.review``)."""
        from .review import Reviewer

        return Reviewer(self)

    @property
    def users(self) -> "Users":
        """Who may review: ``add`` (returns a token), ``list``, ``revoke``, ``authenticate`` (``ceasefire.users``)."""
        from .users import Users

        return Users(self.store)

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline(self.settings)
        return self._pipeline

    # -- writing
    def ingest(self, paths: Sequence[str | Path], *, progress: ProgressCallback | None = None) -> IngestResult:
        """Ingest files and directories; bad inputs are listed in ``result.problems``, never raised.

        An empty or blank path is refused (``ConfigError``, see :func:`check_paths`)
        before anything is read.
        """
        check_paths(paths)
        return ingest_paths(paths, self.store, self.settings, progress=progress, pipeline=self.pipeline)

    def batch(
        self,
        paths: Sequence[str | Path],
        *,
        cluster: str,
        shards: str | Path,
        shard_size: int = 500,
        progress: "ShardProgress | None" = None,
    ) -> IngestResult:
        """Ingest like :meth:`ingest`, the extraction on a Dask cluster (``local:N`` or ``tcp://HOST:PORT``).

        Shards of ``shard_size`` input records are extracted on the cluster into Parquet
        under ``shards`` (``run.shards``); they are stored here in input order, so the store
        is the one :meth:`ingest` makes. Running it again with the same ``shards`` resumes.
        A cluster that cannot be started or reached is a ``ClusterError``.
        """
        from .run.batch import batch_paths

        check_paths(paths)
        return batch_paths(paths, self.store, self.settings, cluster=cluster, shards=Path(shards),
                           shard_size=shard_size, progress=progress)

    def ingest_documents(self, documents: Iterable[Document]) -> IngestResult:
        """Ingest documents already in memory (a fetched page, a feed item; see ``ingest.make_document``).

        Like :meth:`ingest`: one transaction per document, a stored one skipped, a bad
        one listed in ``result.problems`` under its origin.
        """
        return ingest_documents(documents, self.store, self.settings, pipeline=self.pipeline)

    def rebuild(self, *, policy: str | None = None) -> int:
        """Re-derive every incident from the stored mentions (e.g. under another policy)."""
        settings = self.settings if policy is None else self.settings.with_(policy=policy)
        return rebuild_incidents(self.store, settings)

    # -- reading
    def incidents(self, **filters: Any) -> list[Incident]:
        """Incidents, filtered by ``country``, ``since``, ``until``, ``limit``."""
        return self.store.incidents(**filters)

    def incident(self, incident_id: str) -> Incident:
        return self.store.incident(incident_id)

    def history(self, incident_id: str) -> list[IncidentVersion]:
        """Every version of an incident, oldest first: time, cause, and what it became."""
        versions = self.store.history(incident_id)
        if not versions:
            versions = self.store.history(self.store.incident(incident_id).id)
        return versions

    def successors(self, incident_id: str) -> tuple[str, ...]:
        """The incidents that carry on the mentions of an id merged away or split (empty for any other id)."""
        versions = self.store.history(incident_id)
        return versions[-1].successors if versions else ()

    def check(self) -> list[CheckFailure]:
        """Every broken invariant of the store, one ``CheckFailure`` each; empty when the store is sound.

        Checked: every mention belongs to one incident (a background mention to one
        or none); each incident's
        versions are numbered 1..n and the latest agrees with the live incident
        (a retired id is not live); incident rows agree with their mention links;
        every claim's quote is its report's text at its offsets; reports, mentions
        and claims belong to stored records.
        """
        return self.store.check()

    def reports(self) -> list[Report]:
        return self.store.reports()

    # -- searching (what the REST API reads)
    def find_incidents(
        self, where: IncidentFilter | None = None, order: IncidentOrder | None = None, *, limit: int = 100,
        cached: bool = True,
    ) -> IncidentPage:
        """One page of the incidents ``where`` keeps, sorted by ``order`` (default: newest first).

        Give the page's ``after`` back in ``IncidentOrder(after=...)`` for the next page;
        pages never repeat or skip an incident, even while others write.
        """
        if limit <= 0:
            raise ConfigError("limit must be positive")
        return self.store.find_incidents(where or IncidentFilter(), order or IncidentOrder(), limit, cached=cached)

    def each_incident(
        self, where: IncidentFilter | None = None, order: IncidentOrder | None = None, *, page: int = 200
    ) -> Iterator[Incident]:
        """Every incident ``where`` keeps, in ``order``, read a page at a time (in bounded memory: the pages'
        mentions do not go into the store's cache)."""
        order = order or IncidentOrder()
        while True:
            found = self.find_incidents(where, order, limit=page, cached=False)
            yield from found.incidents
            if found.after is None:
                return
            order = IncidentOrder(order.key, order.descending, found.after)

    def timeline(self, where: IncidentFilter | None = None) -> list[DayCount]:
        """The incidents ``where`` keeps, counted per start day and event type (undated ones last)."""
        return self.store.day_counts(where or IncidentFilter())

    def report(self, key: str) -> Report:
        """The report with this key (``<document sha256>#<part>``); ``NotFound`` when there is none."""
        return self.store.report(key)

    def report_mentions(self, key: str) -> list[Mention]:
        """The mentions found in one report, with their claims."""
        return self.store.report_mentions(key)

    def incident_ids_of(self, mention_keys: Sequence[str]) -> dict[str, str]:
        """The current incident of each mention."""
        return self.store.incident_ids_of(mention_keys)

    def sources(self) -> list[SourceSummary]:
        """Every claimant and carrying outlet, with how many claims and incidents they appear in."""
        return self.store.sources()

    def actors(self) -> list[ActorSummary]:
        """Every actor of the current incidents, per role, with how many incidents name it."""
        return self.store.actors()

    def counts(self) -> dict[str, int]:
        return self.store.counts()

    def watcher_health(self) -> WatcherHealth | None:
        """What a ``ceasefire watch`` on this store left in it: sources, last poll, lag, pending items and alerts,
        failing sources (``docs/watch.md``, Operations); ``None`` when no watcher ever polled a source here."""
        return self.store.watch.health()

    # -- agreements
    def add_agreement(self, path: str | Path) -> Agreement:
        """Add the agreement file at ``path`` (or a shipped agreement by its id, see :meth:`shipped_agreements`)
        and judge every incident against it, in one transaction.

        A bad file raises ``InputError`` with one line naming the file, the field and the line,
        and changes nothing. Adding a file with the id of a stored agreement replaces it.
        """
        check_paths([path])
        target = Path(path)
        if not target.exists():
            shipped = {p.stem: p for p in agreements_.shipped_paths()}
            if str(path) not in shipped:
                raise InputError(str(path), "no such file, nor a shipped agreement "
                                 f"({', '.join(sorted(shipped))})")
            target = shipped[str(path)]
        agreement = agreements_.read_agreement(target, actor_name)
        self.store.add_agreement(agreement, target.read_text(encoding="utf-8"))
        return agreement

    def agreements(self) -> list[Agreement]:
        """The stored agreements, by id."""
        return self.store.agreements()

    def agreement(self, agreement_id: str) -> Agreement:
        return self.store.agreement(agreement_id)

    @staticmethod
    def shipped_agreements() -> list[Path]:
        """The agreement files shipped with ceasefire (``data/agreements/``), to add by path or id."""
        return agreements_.shipped_paths()

    def violations(
        self,
        agreement_id: str,
        *,
        since: date | None = None,
        until: date | None = None,
        statuses: Sequence[str] = (),
    ) -> list[Violation]:
        """Every incident in the agreement's time and area as the check judged it (``docs/agreements.md``),
        each with its incident, by date; ``since``/``until`` keep incidents whose date range overlaps them,
        ``statuses`` (``possible_violation``, ``unattributed``, ``permitted``, ``out_of_scope``) those statuses."""
        known = [s.value for s in ViolationStatus]
        for status in statuses:
            if status not in known:
                raise ConfigError(f"unknown status {status!r}; choose from {', '.join(known)}")
        if since is not None and until is not None and until < since:
            raise ConfigError(f"--to {until} is before --from {since}")
        out = []
        for v in self.store.violations(agreement_id, statuses=statuses):
            d = v.incident.date if v.incident is not None else None
            if d is not None and since is not None and (d.end or d.start or since) < since:
                continue
            if d is not None and until is not None and (d.start or until) > until:
                continue
            out.append(v)
        return out

    def incident_violations(self, incident_id: str) -> list[Violation]:
        """The current judgement of one incident (its exact id) against each stored agreement, by agreement."""
        return self.store.verdicts_of(incident_id)

    def judgements(self, agreement_id: str, incident_id: str) -> list[Violation]:
        """Every stored judgement of one incident against one agreement, one per judged version, oldest
        first (without the incident attached); empty when it was never in the agreement's time and area."""
        return self.store.judgements(agreement_id, incident_id)

    def export_violations(
        self, agreement_id: str, output: str | Path | IO[str], *, format: str = "json", **filters: Any
    ) -> int:
        """Write :meth:`violations` (``filters``: ``since``, ``until``, ``statuses``) as ``json`` or ``csv``;
        returns how many were written."""
        from .export.violations import write_violations

        if format not in ("json", "csv"):
            raise ConfigError(f"unknown violations format {format!r}; choose json or csv")
        found = self.violations(agreement_id, **filters)
        write_violations(found, Path(output) if isinstance(output, (str, Path)) else output, format=format)
        return len(found)

    def brief(self, agreement_id: str, since: date, until: date, *, generated_on: date | None = None) -> "Brief":
        """The situation brief of an agreement for the days ``since`` to ``until`` (both included): every
        incident judged against it that starts in the period, and those of the period of the same length
        just before, for the headline's comparison (``docs/brief.md``). ``generated_on`` (default: today)
        is the issue date printed on it; everything else comes from the store, so the same store gives
        the same brief."""
        from .brief.build import brief_of

        if until < since:
            raise ConfigError(f"--to {until} is before --from {since}")
        agreement = self.agreement(agreement_id)
        days = (until - since).days + 1
        before = (since - timedelta(days=days), since - timedelta(days=1))

        def starting_in(lo: date, hi: date) -> list[Violation]:
            found = self.violations(agreement_id, since=lo, until=hi)
            return [v for v in found if v.incident is not None and v.incident.date.start is not None
                    and lo <= v.incident.date.start <= hi]

        now, earlier = starting_in(since, until), starting_in(*before)
        keys = {m.report_key for v in (*now, *earlier) if v.incident is not None for m in v.incident.mentions}
        articles = {}
        for key in sorted(keys):
            article = self.store.report(key).article
            articles[article.id] = article
        return brief_of(agreement, (since, until), now, earlier, articles, generated_on or date.today())

    def write_brief(
        self,
        agreement_id: str,
        since: date,
        until: date,
        output: str | Path,
        *,
        format: str | None = None,
        generated_on: date | None = None,
    ) -> list[Path]:
        """Render :meth:`brief` to ``output`` as ``html``, ``md`` or ``pdf`` (``format``, else the file's
        suffix); returns the files written (Markdown also writes its two pictures beside it)."""
        from .brief import write

        return write(self.brief(agreement_id, since, until, generated_on=generated_on), Path(output), format)

    # -- export
    def export(self, output: str | Path | IO[str], *, format: str = "json", history: bool = False,
               where: IncidentFilter | None = None) -> int:
        """Write the incidents ``where`` keeps (default: all) in ``format`` (``docs/export.md``: ``json``,
        ``csv``, ``geojson``, ``acled-csv``, ``ucdp-csv``, or ``parquet``: a directory of four tables), with
        each incident's versions when ``history`` (JSON only). Incidents stream a page at a time, oldest
        first, so memory stays bounded whatever the store's size. Returns how many were written."""
        from . import export as exporters

        if format not in exporters.FORMATS:
            raise ConfigError(f"unknown export format {format!r}; choose one of {', '.join(exporters.FORMATS)}")
        if history and format != "json":
            raise ConfigError(f"--history goes with the json format only, not {format}")
        where = where or IncidentFilter()
        if where.agreement is not None:
            self.agreement(where.agreement)  # NotFound before anything is written
        count = [0]

        def incidents() -> Iterator[Incident]:
            for inc in self.each_incident(where, IncidentOrder("date", descending=False)):
                count[0] += 1
                yield inc

        if format == "parquet":
            from .export.parquet import write_parquet

            if not isinstance(output, (str, Path)) or str(output) == "-":
                raise ConfigError("the parquet format writes a directory: give --output DIR")
            return write_parquet(incidents(), lambda: self.each_report(where), Path(output))
        target = Path(output) if isinstance(output, (str, Path)) else output
        if format == "json":
            chunks = exporters.json_chunks(incidents(), history=self.store.history if history else None)
        else:
            chunks = exporters.text_chunks(format, incidents(), self.countries())
        exporters.write_chunks(chunks, target)
        return count[0]

    def each_report(self, where: IncidentFilter | None = None, *, page: int = 200) -> Iterator[Report]:
        """Every report the incidents ``where`` keeps rest on, by key, read a page at a time."""
        after: str | None = None
        while True:
            found = self.store.find_reports(where or IncidentFilter(), after, page)
            yield from found
            if len(found) < page:
                return
            after = found[-1].key

    @staticmethod
    def countries() -> "Mapping[str, CountryInfo]":
        """ISO 3166-1 alpha-2 -> the country's name and codes (the gazetteer's table)."""
        from .geo.countries import countries

        return countries()

    def export_dict(self, *, history: bool = False) -> dict[str, Any]:
        from .export import incidents_document

        incidents = self.incidents()
        versions = {i.id: self.store.history(i.id) for i in incidents} if history else None
        return incidents_document(incidents, history=versions)


def open(db_url: str | None = None, **settings: Any) -> Database:  # noqa: A001 - the API's name
    """Open (and migrate) the store at ``db_url`` (default ``CEASEFIRE_DB`` or ``./ceasefire.db``)."""
    return Database(Settings.from_env(db_url=db_url, **settings))


def geocode(lines: Iterable[dict[str, Any]], *, find: bool = False, **settings: Any) -> Iterator[dict[str, Any]]:
    """Resolve the toponyms of ``{"id", "text", "toponyms": [{"start", "end", "name"}]}`` lines.

    Each toponym gets ``lat``, ``lon``, ``geonames_id``, ``country``, ``admin1``,
    ``precision`` and ``basis`` (nulls and ``unknown`` when unresolved). With
    ``find``, lines without toponyms have them found first (spaCy).
    """
    from . import geo

    cfg = Settings.from_env(**settings)
    finder = None
    if find:
        from .nlp import load_pipeline

        finder = load_pipeline(cfg.model).find_toponyms
    gazetteer = geo.open_gazetteer(cfg.gazetteer_path)
    try:
        yield from geo.geocode_lines(lines, gazetteer, find=finder)
    finally:
        gazetteer.close()


def normalize_dates(lines: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Fill each timex's TIMEX3 ``value`` (and ``basis``) in ``{"id", "dct", "text", "timexes"}`` lines."""
    from .dates import normalize_lines

    return normalize_lines(lines)


def build_gazetteer(path: str | Path | None = None, **settings: Any) -> Path:
    """Build the offline place index (at ``path``, else the configured one) and return where it is."""
    from . import geo

    return geo.build_gazetteer(Path(path) if path else Settings.from_env(**settings).gazetteer_path)


def import_geonames(dump: str | Path, *, progress: Callable[[int, int], None] | None = None, **settings: Any) -> int:
    """Add a GeoNames dump (``allCountries.zip`` or any GeoNames zip) to the place index; returns rows read."""
    from . import geo

    target = Settings.from_env(**settings).gazetteer_path
    geo.open_gazetteer(target).close()  # the bundled index first
    return geo.import_geonames_dump(Path(dump), target, progress=progress)


def evaluate(
    gold_path: str | Path,
    *,
    progress: ProgressCallback | None = None,
    export_to: str | Path | None = None,
    **settings: Any,
) -> dict[str, Any]:
    """Ingest a gold file's articles into a fresh temporary store, export, and score the export.

    Returns the metrics of ``gold-format.md`` as a dict (see ``ceasefire.evaluation``);
    with ``export_to``, the incident JSON that was scored is written there too (to
    score it again, e.g. with ``shared/eval/score.py``).
    """
    from .evaluation import article_lines, evaluate_export, read_gold

    gold = read_gold(Path(gold_path))
    with tempfile.TemporaryDirectory(prefix="ceasefire-eval-") as tmp:
        articles = Path(tmp) / "articles.jsonl"
        articles.write_text("\n".join(article_lines(gold)) + "\n", encoding="utf-8")
        cfg = Settings.from_env(**settings).with_(db_url=f"sqlite:///{Path(tmp) / 'eval.db'}")
        db = Database(cfg)
        try:
            result = db.ingest([articles], progress=progress)
            exported = db.export_dict()
            if export_to is not None:
                db.export(Path(export_to))
        finally:
            db.close()
    metrics = evaluate_export(gold, exported).as_dict()
    metrics["problems"] = [str(p) for p in result.problems]
    return metrics


