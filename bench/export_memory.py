"""Benchmark: exports stream -- peak memory and time of each export format over stores of growing size.

    python bench/export_memory.py [--sizes 2000,8000] [--formats json,acled-csv,parquet,...]

Builds one store per size with ``bench/api.py``'s invented incidents (each with one
report, one mention and its claims) in a child process (so no connection of the builder
stays open), then runs ``ceasefire export`` for each format in a child process and reads
that child's peak resident memory (``wait4``'s ``ru_maxrss``).
Constant memory shows as the same peak whatever the size; time grows with it.
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
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def _run(db_url: str, fmt: str, out: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MiB) of one export in a child process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "ceasefire", "--quiet", "--db", db_url, "export", "-f", fmt, "-o", str(out)]
    t = time.perf_counter()
    child = subprocess.Popen(cmd, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({child.returncode})")
    return time.perf_counter() - t, usage.ru_maxrss / 1024


def main() -> None:
    if sys.argv[1:2] == ["--build"]:  # the child that builds a store
        from api import build  # bench/api.py

        build(sys.argv[2], int(sys.argv[3]))
        return
    from ceasefire.export import FORMATS

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="2000,8000")
    ap.add_argument("--formats", default=",".join(FORMATS))
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    formats = args.formats.split(",")
    print(f"{'incidents':>9s} {'format':10s} {'seconds':>8s} {'peak MiB':>9s}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            url = f"sqlite:///{Path(tmp) / f'store-{n}.db'}"
            subprocess.run([sys.executable, __file__, "--build", url, str(n)], check=True)
            for fmt in formats:
                seconds, peak = _run(url, fmt, Path(tmp) / f"out-{n}-{fmt}")
                print(f"{n:9d} {fmt:10s} {seconds:8.1f} {peak:9.0f}", flush=True)


if __name__ == "__main__":
    main()
