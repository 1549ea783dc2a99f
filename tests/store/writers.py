"""Concurrent and interrupted writers, for the store's fault tests and ``bench/concurrency.py``.

Invented articles (reports of a few events by several outlets, so that incidents
grow, merge and take new reports) are written to JSONL files. Extraction runs
once, with the real pipeline, and its mentions are pickled; each writer is then
a child process (``python -m tests.store.writers``) running the real ingest --
readers, store, incident updates, one transaction per document -- with a
pipeline that returns the pickled mentions instead of parsing again. That makes
many rounds of concurrent writers affordable; the CLI variant of the tests runs
``ceasefire ingest`` itself.

A child can be killed (SIGKILL, by itself) at its N-th SQL statement, counted
from the first statement it sends (migrations included): ``--kill-at N``;
:func:`counting` counts the statements of the same work done in this process.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

PLACES = [("Aleppo", "Syria"), ("Idlib", "Syria"), ("Mosul", "Iraq"), ("Kandahar", "Afghanistan"),
          ("Homs", "Syria"), ("Kirkuk", "Iraq")]
WEAPONS = [("shelling", "shells hit"), ("an air strike", "a missile struck"), ("a car bomb", "a car bomb exploded")]
SOURCES = ["the health ministry", "a local monitoring group", "police officials", "the provincial governor"]
OUTLETS = ["North Wire", "Desk Press", "Daily Ledger", "Evening Courier"]
WORDS = {7: "Seven", 9: "Nine", 11: "Eleven", 12: "Twelve", 14: "Fourteen", 16: "Sixteen", 18: "Eighteen"}


@dataclass(frozen=True)
class Corpus:
    paths: list[Path]  # the input files
    table: Path  # their mentions, pickled (see extract)
    snapshot: dict[str, list[tuple[Any, ...]]]  # the store after one process ingests every file in order

    @property
    def mentions(self) -> dict[str, Any]:
        return pickle.loads(self.table.read_bytes())


def articles(events: int = 8, seed: int = 0) -> list[dict[str, str]]:
    """Invented reports: per event a wire story, a second outlet's account, and follow-ups with a higher toll."""
    rng = random.Random(seed)
    out = []
    for e in range(events):
        place, country = PLACES[e % len(PLACES)]
        day = date(2021, 3, 1) + timedelta(days=2 * e)
        noun, verb = WEAPONS[e % len(WEAPONS)]
        toll = rng.choice(sorted(WORDS))
        weekday = day.strftime("%A")
        for k, outlet in enumerate(OUTLETS[: 2 + e % 3]):
            source = SOURCES[(e + k) % len(SOURCES)]
            if k == 0:
                text = (f"{place.upper()}, {country}, {day:%B} {day.day} ({outlet}) - {noun.capitalize()} killed at "
                        f"least {toll} people in {place} on {weekday}, {source} said.")
            elif k == 1:
                text = (f"{WORDS[toll]} people were killed when {verb} a market in {place}, {country} on "
                        f"{weekday}, according to {source}.")
            else:
                text = (f"The death toll from {weekday}'s {noun} in {place} rose to {toll + k + 1}, {source} said "
                        f"on {day + timedelta(days=1):%A}.")
            published = day if k < 2 else day + timedelta(days=1)
            out.append({"id": f"e{e}-{k}", "publication_date": published.isoformat(), "outlet": outlet,
                        "text": text})
    return out


def write_inputs(directory: Path, rows: Sequence[dict[str, str]], per_file: int = 2) -> list[Path]:
    """The articles as JSONL files of ``per_file`` lines each (a file is what writers share)."""
    directory.mkdir(parents=True, exist_ok=True)
    order = sorted(rows, key=lambda a: a["id"][::-1])  # spread each event's reports over several files
    paths = []
    for n in range(0, len(order), per_file):
        path = directory / f"part{n // per_file:02d}.jsonl"
        path.write_text("".join(json.dumps(a) + "\n" for a in order[n : n + per_file]), encoding="utf-8")
        paths.append(path)
    return paths


def extract(paths: Sequence[Path], table: Path) -> None:
    """Run the real pipeline (spaCy, dates, places) once over ``paths``; pickle report key -> mentions."""
    from ceasefire import ingest
    from ceasefire.config import Settings
    from ceasefire.model import Document
    from ceasefire.run import Pipeline

    pipeline = Pipeline(Settings.from_env())
    mentions: dict[str, Any] = {}
    for path in paths:
        docs = [d for d in ingest.read_input(path, max_bytes=1 << 20) if isinstance(d, Document)]
        reports = [r for d in docs for r in pipeline.reports(d)]
        for report, found in zip(reports, pipeline.mentions(reports), strict=True):
            mentions[report.key] = found
    table.write_bytes(pickle.dumps(mentions))


def ingest_precomputed(store: Any, paths: Sequence[Path], table: dict[str, Any]) -> None:
    """The real ingest of ``paths`` into ``store``, mentions taken from ``table`` (see :func:`extract`)."""
    from ceasefire.config import Settings
    from ceasefire.run import Pipeline, ingest_paths

    class Precomputed(Pipeline):
        def mentions(self, reports: Sequence[Any]) -> list[list[Any]]:
            return [table[r.key] for r in reports]

    settings = Settings.from_env()
    result = ingest_paths(paths, store, settings, pipeline=Precomputed(settings))
    if result.problems:
        raise RuntimeError("; ".join(map(str, result.problems)))


def groups(paths: Sequence[Path], writers: int, rng: random.Random) -> list[list[Path]]:
    """Overlapping inputs: each writer gets about two thirds of the files, in its own order; together all."""
    out: list[list[Path]] = [[] for _ in range(writers)]
    for path in paths:
        takers = rng.sample(range(writers), k=max(1, min(writers, round(writers * 2 / 3) + rng.randint(0, 1))))
        for w in takers:
            out[w].append(path)
    for mine in out:
        rng.shuffle(mine)
    return out


def current(snapshot: dict[str, list[tuple[Any, ...]]]) -> dict[str, list[tuple[Any, ...]]]:
    """A store snapshot without the version history (its order of changes depends on arrival order)."""
    return {name: rows for name, rows in snapshot.items() if name != "incident_versions"}


def _env() -> dict[str, str]:
    paths = [str(ROOT / "src"), str(ROOT), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}


def child(url: str, table: Path, paths: Sequence[Path], *, go: Path | None = None, kill_at: int | None = None,
          rebuild: str | None = None) -> subprocess.Popen[str]:
    """A writer process: ingests ``paths`` (or, with ``rebuild``, re-derives every incident under that policy).

    With ``go``, it prints ``ready`` once imported and waits for that file to exist before it opens the store.
    """
    args = [sys.executable, "-m", "tests.store.writers", url, str(table)]
    if go is not None:
        args += ["--go", str(go)]
    if kill_at is not None:
        args += ["--kill-at", str(kill_at)]
    if rebuild is not None:
        args += ["--rebuild", rebuild]
    return subprocess.Popen([*args, *map(str, paths)], cwd=ROOT, env=_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def run_together(url: str, table: Path, inputs: Sequence[Sequence[Path]], go: Path, timeout: float = 300) -> list[str]:
    """Run one writer per input list at once: each opens the store (the first run migrates it) and writes
    from the same instant, once all have started. Returns their failures (empty when all exited 0)."""
    go.unlink(missing_ok=True)
    procs = [child(url, table, paths, go=go) for paths in inputs]
    for proc in procs:
        assert proc.stdout is not None
        proc.stdout.readline()  # "ready" (or nothing, when it failed to start)
    go.touch()
    failures = []
    for proc in procs:
        _, err = proc.communicate(timeout=timeout)
        if proc.returncode != 0:
            failures.append(f"writer exited {proc.returncode}: {err.strip()[-2000:]}")
    return failures


@contextmanager
def counting(kill_at: int | None = None) -> Iterator[Callable[[], int]]:
    """Count the SQL statements this process sends inside the block; SIGKILL itself at the ``kill_at``-th."""
    from sqlalchemy import Engine, event

    sent = [0]

    def statement(*_: object) -> None:
        sent[0] += 1
        if sent[0] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    event.listen(Engine, "before_cursor_execute", statement)
    try:
        yield lambda: sent[0]
    finally:
        event.remove(Engine, "before_cursor_execute", statement)


def _main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="One writer of the concurrency and crash tests.")
    ap.add_argument("url")
    ap.add_argument("table", type=Path)
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--go", type=Path)
    ap.add_argument("--kill-at", type=int)
    ap.add_argument("--rebuild")
    args = ap.parse_intermixed_args(argv)

    from ceasefire.config import Settings
    from ceasefire.run import rebuild_incidents
    from ceasefire.store import open_store

    table = pickle.loads(args.table.read_bytes())
    if args.go is not None:  # then open (first runs migrate at once) and write
        print("ready", flush=True)
        while not args.go.exists():
            time.sleep(0.005)
    with counting(kill_at=args.kill_at), open_store(args.url) as store:
        if args.rebuild:
            rebuild_incidents(store, Settings.from_env().with_(policy=args.rebuild))
        else:
            ingest_precomputed(store, args.paths, table)


if __name__ == "__main__":
    _main()
