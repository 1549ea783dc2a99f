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


def _state(db: Path) -> object:
    from ceasefire.store import open_store

    with open_store(f"sqlite:///{db}") as store:
        return store.snapshot()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--clusters", default="1,2", help="comma-separated local cluster sizes; the first is the baseline")
    ap.add_argument("--shard-size", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    sizes = [int(w) for w in args.clusters.split(",")]
    rng = random.Random(20261204)
    with tempfile.TemporaryDirectory(prefix="ceasefire-dask-") as name:
        tmp = Path(name)
        src = tmp / "articles.jsonl"
        start = date(2021, 1, 1)
        src.write_text("".join(json.dumps(article(i, start + timedelta(days=i % 700), rng, "d")) + "\n"
                               for i in range(args.articles)), encoding="utf-8")
        single = tmp / "single.db"
        took = _command(single, "ingest", "--workers", "1", str(src))
        print(f"  ingest --workers 1: {took:6.1f} s   {args.articles / took:5.1f} articles/s   "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)
        times: dict[int, list[float]] = {w: [] for w in sizes}
        stores: list[Path] = []
        for n in range(args.repeat):
            for w in sizes:
                db = tmp / f"local{w}-{n}.db"
                took = _command(db, "batch", "--dask", f"local:{w}", "--shards", str(tmp / f"shards{w}-{n}"),
                                "--shard-size", str(args.shard_size), str(src))
                times[w].append(took)
                stores.append(db)
                print(f"  --dask local:{w}: {took:6.1f} s   {args.articles / took:5.1f} articles/s   "
                      f"load average {os.getloadavg()[0]:.1f}", flush=True)
        first = _state(single)
        same = all(_state(db) == first for db in stores)
    base = statistics.median(times[sizes[0]])
    print(f"{args.articles} invented articles, shards of {args.shard_size}, {os.cpu_count()} cores; "
          f"medians of {args.repeat} run(s):")
    for w in sizes:
        t = statistics.median(times[w])
        print(f"  --dask local:{w}: {t:.1f} s, {args.articles / t:.1f} articles/s, {base / t:.2f}x local:{sizes[0]}")
    print(f"  every store the one ingest --workers 1 makes: {'yes' if same else 'NO'}")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
