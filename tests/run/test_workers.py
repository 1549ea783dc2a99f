"""Extraction in worker processes: the store is the one a single process makes, whatever the number of workers."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

from typer.testing import CliRunner

from ceasefire.cli import app
from ceasefire.config import Settings
from ceasefire.run import workers
from ceasefire.run.local import ingest_paths
from ceasefire.store import open_store

TOWNS = ["Aleppo", "Idlib", "Mosul", "Kirkuk", "Kandahar", "Taiz"]
LEADS = ["A roadside bomb killed {k} people in {t} on {d}, police said.",
         "Shelling on a market in {t} on {d} killed {k} civilians, a local hospital said.",
         "Gunmen killed {k} people at a checkpoint in {t} on {d}, the governor said."]


def _articles(n: int) -> list[dict[str, str]]:
    """Invented reports: a few events told by two or three outlets each, on dates a few days apart."""
    rng = random.Random(5)
    events = [(rng.choice(TOWNS), date(2023, 4, 1) + timedelta(days=3 * e), rng.choice(LEADS), rng.randint(3, 30))
              for e in range(n // 2)]
    out = []
    for i in range(n):
        town, day, lead, killed = events[i % len(events)]
        text = lead.format(k=killed, t=town, d=day.strftime("%A")) + f" Reporter {i} filed from the scene."
        out.append({"id": f"w{i}", "publication_date": (day + timedelta(days=1)).isoformat(),
                    "outlet": f"Outlet {i % 3}", "text": text})
    return out


def _inputs(tmp: Path) -> list[Path]:
    tmp.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(a) for a in _articles(14)]
    lines.insert(5, "{not json")  # a bad line: one problem, the same with any number of workers
    lines.insert(9, json.dumps({"id": "long", "text": "word " * 400}))  # over max_chars: refused while read
    a = tmp / "a.jsonl"
    a.write_text("\n".join(lines[:10]) + "\n", encoding="utf-8")
    b = tmp / "b.jsonl"
    b.write_text("\n".join(lines[10:]) + "\n", encoding="utf-8")
    return [a, b]


def _run(url: str, paths: list[Path], n: int) -> tuple[dict, list[str], tuple[int, ...]]:  # type: ignore[type-arg]
    settings = Settings(db_url=url, batch_size=2, workers=n, max_chars=1000)
    with open_store(url) as store:
        r = ingest_paths(paths, store, settings)
        assert store.check() == []
        return (store.snapshot(), sorted(str(p) for p in r.problems),
                (r.documents_added, r.documents_skipped, r.reports, r.mentions, r.claims, r.incidents))


def test_two_workers_store_what_one_does(tmp_path: Path, db_url: str, monkeypatch) -> None:
    paths = _inputs(tmp_path / "in")
    one = _run(f"sqlite:///{tmp_path / 'one.db'}", paths, 1)
    pooled = []
    real = workers._pooled

    def spy(batches, remote, settings):  # type: ignore[no-untyped-def]
        for batch, out in real(batches, remote, settings):
            pooled.append(len(batch))
            yield batch, out

    monkeypatch.setattr(workers, "_pooled", spy)
    two = _run(db_url, paths, 2)
    assert sum(pooled) == 15, "every document went through the worker processes"
    assert two == one
    assert one[2][0] == 14 and one[2][-1] < 14, "incidents merge reports of one event"
    assert len(one[1]) == 2


def test_the_pool_is_used_only_beyond_one_batch(monkeypatch) -> None:
    used: list[int] = []

    def pooled(batches, remote, settings):  # type: ignore[no-untyped-def]
        used.append(settings.workers)
        return ((b, remote(b)) for b in batches)

    monkeypatch.setattr(workers, "_pooled", pooled)
    double = Settings(workers=2)
    assert list(workers.in_order(iter([[1, 2]]), len, double, str)) == [([1, 2], 2)]  # one batch: here
    assert not used
    assert list(workers.in_order(iter([[1], [2, 3]]), len, double, str)) == [([1], "[1]"), ([2, 3], "[2, 3]")]
    assert used == [2]
    assert list(workers.in_order(iter([[1], [2]]), len, Settings(workers=1), str)) == [([1], 1), ([2], 1)]


def test_cli_workers_option(tmp_path: Path) -> None:
    paths = _inputs(tmp_path / "in")
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(app, ["--db", str(db), "ingest", "--workers", "2", *map(str, paths)],
                                env={"CEASEFIRE_BATCH_SIZE": "4", "CEASEFIRE_MAX_CHARS": "1000"})
    assert result.exit_code == 1, result.output  # the two bad lines
    assert "14 new document(s)" in result.output
    bad = CliRunner().invoke(app, ["--db", str(db), "ingest", "--workers", "0", str(paths[0])])
    assert bad.exit_code == 2
