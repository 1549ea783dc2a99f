"""Shared fixtures.

``db_url``: a fresh, empty database URL, once for SQLite (a file in ``tmp_path``)
and once for PostgreSQL (``CEASEFIRE_TEST_PG``, default the local server). Each
PostgreSQL test gets its own schema ``t_<random>``, selected through the URL's
``options=-csearch_path=...`` and dropped afterwards. Without a reachable
server the PostgreSQL run skips, except under ``CI=true``, where it fails.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from urllib.parse import quote

import pytest

PG_URL = os.environ.get("CEASEFIRE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _admin_dsn(url: str) -> str:
    """The libpq form of a SQLAlchemy PostgreSQL URL (driver suffix removed)."""
    scheme, rest = url.split("://", 1)
    return "postgresql://" + rest if scheme.startswith("postgres") else url


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL is required when CI=true: {reason}")
    pytest.skip(f"PostgreSQL not available: {reason}")


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped after the test."""
    import psycopg

    dsn = _admin_dsn(PG_URL)
    try:
        admin = psycopg.connect(dsn, autocommit=True, connect_timeout=5)
    except psycopg.Error as exc:
        _unavailable(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
    schema = f"t_{secrets.token_hex(6)}"
    with admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
        sep = "&" if "?" in PG_URL else "?"
        try:
            yield f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}', safe='')}"
        finally:
            admin.execute("SET lock_timeout = '10s'")
            admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: os.PathLike[str]) -> Iterator[str]:
    """A fresh database URL: a SQLite file, then a PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{os.path.join(os.fspath(tmp_path), 'store.db')}"
    else:
        yield request.getfixturevalue("pg_url")
