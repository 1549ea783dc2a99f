"""Benchmark: one big report -- do time, memory and store size grow linearly with its length?

    python bench/bigtext.py [--sizes 100k-flat,1m,10m] [--seed N] [--max-chars N] [--src DIR]

For each size, invents one news report of that many characters (``tests/bigtexts.py``:
varied sentences with tolls, places, dates and attributions; ``-flat`` means one run
of text without a single line break, else paragraphs), writes it as a .txt file and
runs ``ceasefire ingest`` on it into a fresh SQLite file in a child process. Prints
the wall time, the child's CPU time (user + system: steadier than the wall time on a
shared machine), its peak resident memory and the store's size. ``--src`` measures the
package of another checkout (e.g. ``../main/src``, for a before/after). The texts are
invented here; nothing is read from elsewhere.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.bigtexts import prose  # noqa: E402 -- the generator the tests use

_UNITS = {"k": 1000, "m": 1_000_000}


def _size(spec: str) -> tuple[int, bool]:
    """'100k-flat' -> (100000, no paragraph breaks); '10m' -> (10000000, paragraphs)."""
    name, _, flat = spec.partition("-")
    return int(name[:-1]) * _UNITS[name[-1].lower()], flat != "flat"


def run(spec: str, seed: int, env: dict[str, str]) -> tuple[float, float, int, int, str]:
    """(seconds, CPU seconds, peak RSS in bytes, store bytes, the run's last line) for one ingest of a generated
    text."""
    chars, paragraphs = _size(spec)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"big-{spec}.txt"
        path.write_text(prose(chars, seed=seed, paragraphs=paragraphs), encoding="utf-8")
        db = Path(tmp) / "big.db"
        cmd = [sys.executable, "-m", "ceasefire", "--db", f"sqlite:///{db}", "ingest", str(path)]
        log = Path(tmp) / "ingest.log"
        t0 = time.perf_counter()
        with log.open("w") as sink:
            child = subprocess.Popen(cmd, env=env, stdout=sink, stderr=subprocess.STDOUT)
            _, _, usage = os.wait4(child.pid, 0)  # the child's own peak memory, not the largest so far
        seconds = time.perf_counter() - t0
        peak = usage.ru_maxrss * 1024  # kilobytes on Linux
        size = db.stat().st_size if db.exists() else 0
        lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    last = (lines or ["(no output)"])[-1]
    return seconds, usage.ru_utime + usage.ru_stime, peak, size, last


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100k-flat,1m,10m", help="comma-separated: 100k-flat, 1m, 10m, ...")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-chars", type=int, help="CEASEFIRE_MAX_CHARS for the runs (default: the setting's)")
    ap.add_argument("--src", type=Path, default=ROOT / "src", help="the package to measure (default: this checkout's)")
    args = ap.parse_args()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(args.src.resolve()), env.get("PYTHONPATH", "")) if p)
    if args.max_chars:
        env["CEASEFIRE_MAX_CHARS"] = str(args.max_chars)
    print("one generated report per size, `ceasefire ingest` into a fresh SQLite store")
    print(f"  {'text':>10}  {'time':>9}  {'CPU':>9}  {'peak RSS':>10}  {'store':>9}  last line")
    for spec in args.sizes.split(","):
        seconds, cpu, peak, size, last = run(spec.strip(), args.seed, env)
        print(f"  {spec:>10}  {seconds:7.1f} s  {cpu:7.1f} s  {peak / 1e6:7.0f} MB  {size / 1e6:6.1f} MB  {last}",
              flush=True)


if __name__ == "__main__":
    main()
