"""kill -9 at random points of ingest and of rebuild, on both backends.

A writer (a child process running the real ingest or rebuild, see
``tests/store/writers.py``) kills itself with SIGKILL at its N-th SQL
statement, N drawn at random in each of a few equal slices of the statements a
whole run sends (so the migration, the document transactions and their incident
updates, and the rebuild are all hit). After each kill the store passes
``check()``, and running the same work again to completion leaves exactly the
store of a clean, uninterrupted run (every table, version history included); a
killed rebuild leaves all of its changes or none.
"""

from __future__ import annotations

import itertools
import os
import random
import signal

import pytest

from ceasefire.config import Settings
from ceasefire.run import rebuild_incidents
from ceasefire.store import open_store
from tests.store.writers import child, counting, ingest_precomputed

KILLS = int(os.environ.get("CEASEFIRE_TEST_KILLS", "4"))  # random kill points per backend and operation
SEED = int(os.environ.get("CEASEFIRE_TEST_SEED", random.SystemRandom().randrange(1 << 30)))
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _points(total: int, rng: random.Random) -> list[int]:
    """One statement number drawn at random in each of KILLS equal slices of 1..total."""
    edges = [1 + total * k // KILLS for k in range(KILLS + 1)]
    return [rng.randrange(lo, max(lo + 1, hi)) for lo, hi in itertools.pairwise(edges)]


def _killed(url: str, table, paths, at: int, rebuild: str | None = None) -> None:
    proc = child(url, table, paths, kill_at=at, rebuild=rebuild)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == -signal.SIGKILL, f"statement {at} (seed {SEED}): {err}"


@pytest.mark.parametrize("backend", BACKENDS)
def test_ingest_killed_anywhere_checks_and_reruns_to_the_clean_store(corpus, fresh_store, backend):
    rng = random.Random(f"{SEED}-ingest-{backend}")
    with fresh_store(backend) as url, counting() as sent:
        with open_store(url) as store:
            ingest_precomputed(store, corpus.paths, corpus.mentions)
        total = sent()
    for at in _points(total, rng):
        with fresh_store(backend) as url:
            _killed(url, corpus.table, corpus.paths, at)
            with open_store(url) as store:
                assert store.check() == [], f"after a kill at statement {at} of {total} (seed {SEED})"
                ingest_precomputed(store, corpus.paths, corpus.mentions)
                assert store.snapshot() == corpus.snapshot, f"kill at statement {at} of {total} (seed {SEED})"


@pytest.mark.parametrize("backend", BACKENDS)
def test_rebuild_killed_anywhere_changes_nothing_and_reruns_to_the_clean_store(corpus, fresh_store, backend):
    rng = random.Random(f"{SEED}-rebuild-{backend}")
    best = Settings.from_env().with_(policy="best")
    with fresh_store(backend) as url:
        with open_store(url) as store:
            ingest_precomputed(store, corpus.paths, corpus.mentions)
        with counting() as sent, open_store(url) as store:
            rebuild_incidents(store, best)
        total = sent()
        with open_store(url) as store:
            rebuilt = store.snapshot()
    assert rebuilt != corpus.snapshot, "the rebuild under another policy changes incidents"
    for at in _points(total, rng):
        with fresh_store(backend) as url:
            with open_store(url) as store:
                ingest_precomputed(store, corpus.paths, corpus.mentions)
            _killed(url, corpus.table, [], at, rebuild="best")
            with open_store(url) as store:
                assert store.check() == [], f"after a kill at rebuild statement {at} of {total} (seed {SEED})"
                after = store.snapshot()  # all of the rebuild or none of it
                assert after in (corpus.snapshot, rebuilt), f"rebuild killed at {at} left a part (seed {SEED})"
                rebuild_incidents(store, best)
                assert store.snapshot() == rebuilt, f"rebuild killed at {at} of {total} (seed {SEED})"
