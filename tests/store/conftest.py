"""Fixtures of the store tests: a fresh store, the writers' corpus, and fresh stores on demand."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest

from ceasefire.store import Store, open_store
from tests.pg import pg_schema
from tests.store.writers import Corpus, articles, extract, ingest_precomputed, write_inputs


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """A fresh store on each backend of ``db_url``."""
    s = open_store(db_url)
    yield s
    s.close()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """Invented input files, their mentions (extracted once, pickled), and the store one process makes of them."""
    d = tmp_path_factory.mktemp("writers")
    paths = write_inputs(d / "in", articles())
    table = d / "mentions.pickle"
    extract(paths, table)
    with open_store(str(d / "reference.db")) as ref:
        ingest_precomputed(ref, paths, pickle.loads(table.read_bytes()))
        assert ref.check() == []
        snapshot = ref.snapshot()
    return Corpus(paths, table, snapshot)


FreshStore = Callable[[str], AbstractContextManager[str]]


@pytest.fixture
def fresh_store(request: pytest.FixtureRequest, tmp_path: Path) -> FreshStore:
    """``fresh_store(backend)``: a context giving the URL of a new, empty store on that backend."""
    made = [0]

    @contextmanager
    def fresh(backend: str) -> Iterator[str]:
        made[0] += 1
        if backend == "sqlite":
            yield f"sqlite:///{tmp_path / f'store{made[0]}.db'}"
        else:
            admin: Any = request.getfixturevalue("pg_admin")
            with pg_schema(admin) as url:
                yield url

    return fresh
