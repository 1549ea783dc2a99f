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

from tests.pg import connect_admin, pg_schema


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL is required when CI=true: {reason}")
    pytest.skip(f"PostgreSQL not available: {reason}")


@pytest.fixture
def pg_admin() -> Iterator[object]:
    """An autocommit connection to the test server (skips without one, except under CI=true)."""
    import psycopg

    try:
        admin = connect_admin()
    except psycopg.Error as exc:
        _unavailable(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
    with admin:
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
