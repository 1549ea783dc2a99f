"""Concurrent writers: two and four ingests at once on overlapping inputs leave the store one process leaves.

Each round starts its writers at the same instant on a fresh store (so they also
migrate it at once), gives each about two thirds of the input files in its own
order, and compares the result with a single-process ingest of all the files:
every table identical (``Store.snapshot()``, which leaves out times and
surrogate ids) except the version history, whose order of changes follows the
order of arrival -- and ``check()`` finds nothing (versions numbered 1..n, the
latest one the live incident, every mention in exactly one incident).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest

from ceasefire.store import open_store
from ceasefire.store import tables as T
from ceasefire.store.engine import current_revision, head_revision, make_engine, normalise_url
from tests.store.writers import ROOT, child, current, groups, ingest_precomputed, run_together

ROUNDS = int(os.environ.get("CEASEFIRE_TEST_ROUNDS", "3"))  # per backend and number of writers
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _same_as_one_writer(url: str, reference: dict) -> None:
    with open_store(url) as store:
        assert store.check() == []
        assert current(store.snapshot()) == reference


def test_the_corpus_grows_merges_and_keeps_apart(corpus):
    incidents = current(corpus.snapshot)["incidents"]
    n_reports = [c.name for c in T.incidents.columns].index("n_reports")
    assert len(incidents) >= 6
    assert sum(row[n_reports] >= 3 for row in incidents) >= 2, "incidents of three reports or more"
    assert len(corpus.snapshot["incident_versions"]) > len(incidents), "incidents changed as reports came"


@pytest.mark.parametrize("writers", [2, 4])
@pytest.mark.parametrize("backend", BACKENDS)
def test_writers_at_once_leave_the_store_one_writer_leaves(corpus, fresh_store, backend, writers, tmp_path):
    reference = current(corpus.snapshot)
    for n in range(ROUNDS):
        inputs = groups(corpus.paths, writers, random.Random(f"{writers}-{n}"))
        with fresh_store(backend) as url:
            assert run_together(url, corpus.table, inputs, tmp_path / f"go{n}") == []
            _same_as_one_writer(url, reference)


@pytest.mark.parametrize("backend", BACKENDS)
def test_check_while_writers_write_finds_nothing(corpus, fresh_store, backend):
    with fresh_store(backend) as url:
        open_store(url).close()
        procs = [child(url, corpus.table, mine) for mine in groups(corpus.paths, 2, random.Random(2))]
        checks = 0
        with open_store(url) as store:
            while checks < 3 or any(p.poll() is None for p in procs):
                assert store.check() == []  # one consistent snapshot, whatever is committed meanwhile
                checks += 1
        for proc in procs:
            _, err = proc.communicate(timeout=300)
            assert proc.returncode == 0, err
        _same_as_one_writer(url, current(corpus.snapshot))


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_rebuild_misses_no_ingest_committed_before_it_takes_the_lock(corpus, fresh_store, backend, monkeypatch):
    """The rebuild is held just before its transaction while an ingest commits: it must read that work."""
    import threading

    from ceasefire.config import Settings
    from ceasefire.run import rebuild_incidents
    from ceasefire.store.store import Store

    first, rest = corpus.paths[: len(corpus.paths) // 2], corpus.paths[len(corpus.paths) // 2 :]
    held, resume = threading.Event(), threading.Event()
    real = Store._transaction

    def transaction(self, work):  # the rebuild thread stops once, before its transaction begins
        if threading.current_thread().name == "rebuild" and not held.is_set():
            held.set()
            assert resume.wait(60)
        return real(self, work)

    monkeypatch.setattr(Store, "_transaction", transaction)
    with fresh_store(backend) as url, open_store(url) as store:
        ingest_precomputed(store, first, corpus.mentions)
        best = Settings.from_env().with_(policy="best")
        rebuild = threading.Thread(target=rebuild_incidents, args=(store, best), name="rebuild")
        rebuild.start()
        assert held.wait(60)
        ingest_precomputed(store, rest, corpus.mentions)  # commits while the rebuild waits to begin
        resume.set()
        rebuild.join(60)
        assert store.check() == []  # the rebuild saw the new mentions: none is left without an incident
        rebuild_incidents(store, Settings.from_env().with_(policy="conservative"))
        assert current(store.snapshot()) == current(corpus.snapshot)


def _cli(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen([sys.executable, "-m", "ceasefire.cli", "--quiet", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.model
@pytest.mark.parametrize("backend", BACKENDS)
def test_cli_ingests_at_once_with_the_model_equal_one_ingest(corpus, fresh_store, backend, tmp_path):
    one = _cli("--db", str(tmp_path / "one.db"), "ingest", *map(str, corpus.paths))
    _, err = one.communicate(timeout=300)
    assert one.returncode == 0, err
    with open_store(str(tmp_path / "one.db")) as store:
        reference = current(store.snapshot())
    with fresh_store(backend) as url:
        procs = [_cli("--db", url, "ingest", *map(str, mine)) for mine in groups(corpus.paths, 2, random.Random(1))]
        for proc in procs:
            _, err = proc.communicate(timeout=300)
            assert proc.returncode == 0, err
        _same_as_one_writer(url, reference)


@pytest.mark.parametrize("backend", BACKENDS)
def test_first_runs_at_once_do_not_race_on_the_migration(corpus, fresh_store, backend, tmp_path):
    for n in range(ROUNDS):
        with fresh_store(backend) as url:
            assert run_together(url, corpus.table, [[] for _ in range(4)], tmp_path / f"go{n}") == []
            engine = make_engine(normalise_url(url))
            try:
                assert current_revision(engine) == head_revision()
            finally:
                engine.dispose()
            with open_store(url) as store:
                assert all(v == 0 for v in store.counts().values())
