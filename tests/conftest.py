"""Shared fixtures.

``db_url``: a fresh, empty database URL, once for SQLite (a file in ``tmp_path``)
and once for PostgreSQL (``CEASEFIRE_TEST_PG``, default the local server). Each
PostgreSQL test gets its own schema ``t_<random>``, selected through the URL's
``options=-csearch_path=...`` and dropped afterwards. Without a reachable
server the PostgreSQL run skips, except under ``CI=true``, where it fails.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests import needs
from tests.pg import pg_schema


@pytest.fixture
def pg_admin() -> Iterator[object]:
    """An autocommit connection to the test server (skips without one, except under CI=true)."""
    with needs.pg_admin() as admin:
        yield admin


@pytest.fixture
def pg_url(pg_admin: object) -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped after the test."""
    with pg_schema(pg_admin) as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: os.PathLike[str]) -> Iterator[str]:
    """A fresh database URL: a SQLite file, then a PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{os.path.join(os.fspath(tmp_path), 'store.db')}"
    else:
        yield request.getfixturevalue("pg_url")
