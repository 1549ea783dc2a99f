"""Benchmark: ``ceasefire ingest --workers N`` against one worker on the same invented articles.

    python bench/workers.py [--articles N] [--workers 1,2] [--repeat R]

Writes N invented articles (the generator of ``bench/latency.py``: a few sentences
each, over 30 towns and two years) to one JSONL file and runs the real command
(``python -m ceasefire ingest --workers W``, model loading and process start
included) into a fresh SQLite store for each W, R times in turn; prints each run's
wall time, articles per second, CPU time (the command and its workers) and the load
average, the speed-up of each W over
the first, and whether every store holds the same incidents and history as the first.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from latency import article  # noqa: E402


def _run(tmp: Path, src: Path, workers: int, n: int) -> tuple[float, float, Path]:
    """Wall time and CPU time (the command and its workers) of one ingest into a fresh store."""
    db = tmp / f"w{workers}-{n}.db"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ceasefire", "--quiet", "--db", str(db), "ingest", "--workers",
                    str(workers), str(src)], check=True)
    took = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return took, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, db


def _state(db: Path) -> object:
    from ceasefire.store import open_store

    with open_store(f"sqlite:///{db}") as store:
        return store.snapshot()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts; the first is the baseline")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    counts = [int(w) for w in args.workers.split(",")]
    rng = random.Random(20261203)
    with tempfile.TemporaryDirectory(prefix="ceasefire-workers-") as name:
        tmp = Path(name)
        src = tmp / "articles.jsonl"
        start = date(2021, 1, 1)
        src.write_text("".join(json.dumps(article(i, start + timedelta(days=i % 700), rng, "w")) + "\n"
                               for i in range(args.articles)), encoding="utf-8")
        times: dict[int, list[float]] = {w: [] for w in counts}
        stores: list[Path] = []
        for n in range(args.repeat):
            for w in counts:
                took, cpu, db = _run(tmp, src, w, n)
                times[w].append(took)
                stores.append(db)
                print(f"  --workers {w}: {took:6.1f} s   {args.articles / took:5.1f} articles/s   "
                      f"{cpu:5.1f} s of CPU   load average {os.getloadavg()[0]:.1f}", flush=True)
        first = _state(stores[0])
        same = all(_state(db) == first for db in stores[1:])
    base = statistics.median(times[counts[0]])
    print(f"{args.articles} invented articles, {os.cpu_count()} cores; medians of {args.repeat} run(s):")
    for w in counts:
        t = statistics.median(times[w])
        print(f"  --workers {w}: {t:.1f} s, {args.articles / t:.1f} articles/s, {base / t:.2f}x --workers {counts[0]}")
    print(f"  every store the same: {'yes' if same else 'NO'}")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
