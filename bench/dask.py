"""Benchmark: ``ceasefire batch --dask local:N`` for N = 1 and 2 on the same invented articles.

    python bench/dask.py [--articles N] [--clusters 1,2] [--shard-size S] [--repeat R]

Writes N invented articles (the generator of ``bench/latency.py``) to one JSONL file
and runs the real command (``python -m ceasefire batch --dask local:W``: cluster
start, model loading in each worker, shards written and stored, all included) into a
fresh SQLite store and a fresh shard directory for each W, R times in turn; prints
each run's wall time, articles per second and the load average, the speed-up of each
W over the first, and whether every store holds what ``ingest --workers 1`` stores.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from latency import article  # noqa: E402


def _command(db: Path, *args: str) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ceasefire", "--quiet", "--db", str(db), *args], check=True)
    return time.perf_counter() - t0


def _say(label: str, seconds: float, articles: int, note: str) -> None:
    print(f"  {label}: {seconds:6.1f} s   {articles / seconds:5.1f} articles/s   {note}", flush=True)


def _load() -> str:
    return f"load average {os.getloadavg()[0]:.1f}"


def _corpus(path: Path, count: int) -> None:
    rng, start = random.Random(20261204), date(2021, 1, 1)
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            out.write(json.dumps(article(i, start + timedelta(days=i % 700), rng, "d")) + "\n")


def _all_equal(baseline: Path, others: list[Path]) -> bool:
    """Whether every store in ``others`` holds what ``baseline`` holds (every table, times left out)."""
    from ceasefire.store import open_store

    with open_store(f"sqlite:///{baseline}") as store:
        first = store.snapshot()
    for db in others:
        with open_store(f"sqlite:///{db}") as store:
            if store.snapshot() != first:
                return False
    return True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--clusters", default="1,2", help="comma-separated local cluster sizes; the first is the baseline")
    ap.add_argument("--shard-size", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    sizes = [int(w) for w in args.clusters.split(",")]
    with tempfile.TemporaryDirectory(prefix="ceasefire-dask-") as name:
        tmp = Path(name)
        src = tmp / "articles.jsonl"
        _corpus(src, args.articles)
        single = tmp / "single.db"
        took = _command(single, "ingest", "--workers", "1", str(src))
        _say("ingest --workers 1", took, args.articles, _load())
        times: dict[int, list[float]] = {w: [] for w in sizes}
        stores: list[Path] = []
        for n in range(args.repeat):
            for w in sizes:
                db = tmp / f"local{w}-{n}.db"
                took = _command(db, "batch", "--dask", f"local:{w}", "--shards", str(tmp / f"shards{w}-{n}"),
                                "--shard-size", str(args.shard_size), str(src))
                times[w].append(took)
                stores.append(db)
                _say(f"--dask local:{w}", took, args.articles, _load())
        same = _all_equal(single, stores)
    base = statistics.median(times[sizes[0]])
    print(f"{args.articles} invented articles, shards of {args.shard_size}, {os.cpu_count()} cores; "
          f"medians of {args.repeat} run(s):")
    for w in sizes:
        _say(f"--dask local:{w}", statistics.median(times[w]), args.articles,
             f"{base / statistics.median(times[w]):.2f}x local:{sizes[0]}")
    print(f"  every store the one ingest --workers 1 makes: {'yes' if same else 'NO'}")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
