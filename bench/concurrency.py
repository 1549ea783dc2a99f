"""Benchmark of concurrent writers: N rounds of 2 and of 4 ingests at once, each compared with one writer.

    python bench/concurrency.py [--rounds N] [--backend sqlite|postgresql|both]

Each round starts its writers at the same instant on a fresh store (SQLite file,
or a fresh schema on the PostgreSQL server of ``CEASEFIRE_TEST_PG``), each with
about two thirds of the invented input files in its own order; then the store
must pass ``check()`` and equal (every table but the version history, whose order
follows arrival) the store one process makes of all the files. Extraction is done
once (spaCy) and the writers run the real ingest with its mentions (see
``tests/store/writers.py``). Prints how many runs were compared and how many were
identical; exits 1 when any differed.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.pg import connect_admin, pg_schema  # noqa: E402
from tests.store.writers import (  # noqa: E402
    Corpus,
    articles,
    current,
    extract,
    groups,
    ingest_precomputed,
    run_together,
    write_inputs,
)

from ceasefire.store import open_store  # noqa: E402


def _corpus(tmp: Path) -> Corpus:
    paths = write_inputs(tmp / "in", articles())
    table = tmp / "mentions.pickle"
    extract(paths, table)
    corpus = Corpus(paths, table, {})
    with open_store(str(tmp / "reference.db")) as ref:
        ingest_precomputed(ref, paths, corpus.mentions)
        return Corpus(paths, table, ref.snapshot())


@contextmanager
def _store(backend: str, tmp: Path, name: str, admin: Any) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp / f'{name}.db'}"
    else:
        with pg_schema(admin) as url:
            yield url


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=30, help="rounds per backend and number of writers")
    ap.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    args = ap.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    failed = 0
    admin = connect_admin() if "postgresql" in backends else None
    with tempfile.TemporaryDirectory(prefix="ceasefire-concurrency-") as name:
        tmp = Path(name)
        corpus = _corpus(tmp)
        reference = current(corpus.snapshot)
        print(f"{len(corpus.paths)} files, {len(reference['documents'])} articles, "
              f"{len(reference['incidents'])} incidents in the single-writer store", flush=True)
        for backend in backends:
            for writers in (2, 4):
                compared = identical = 0
                t0 = time.perf_counter()
                for n in range(args.rounds):
                    with _store(backend, tmp, f"{backend}-{writers}-{n}", admin) as url:
                        inputs = groups(corpus.paths, writers, random.Random(f"bench-{writers}-{n}"))
                        problems = run_together(url, corpus.table, inputs, tmp / "go")
                        with open_store(url) as store:
                            same = not problems and store.check() == [] and current(store.snapshot()) == reference
                        compared += 1
                        identical += same
                        if not same:
                            print(f"  round {n} differs: {problems[:1]}", file=sys.stderr)
                failed += compared - identical
                print(f"{backend:10s} {writers} writers: {compared} concurrent runs compared, {identical} identical "
                      f"({time.perf_counter() - t0:.0f} s)", flush=True)
    if admin is not None:
        admin.close()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
