"""Fresh PostgreSQL schemas for tests and benchmarks (``CEASEFIRE_TEST_PG``, default the local server).

Each schema ``t_<random>`` is selected through the URL's ``options=-csearch_path=...``
and dropped afterwards.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import quote

PG_URL = os.environ.get("CEASEFIRE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def admin_dsn(url: str = PG_URL) -> str:
    """The libpq form of a SQLAlchemy PostgreSQL URL (driver suffix removed)."""
    scheme, rest = url.split("://", 1)
    return "postgresql://" + rest if scheme.startswith("postgres") else url


def connect_admin() -> Any:
    """An autocommit psycopg connection to the test server (raises ``psycopg.Error`` when unreachable)."""
    import psycopg

    return psycopg.connect(admin_dsn(), autocommit=True, connect_timeout=5)


@contextmanager
def pg_schema(admin: Any) -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped on exit."""
    schema = f"t_{secrets.token_hex(6)}"
    admin.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}', safe='')}"
    finally:
        admin.execute("SET lock_timeout = '10s'")
        admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
