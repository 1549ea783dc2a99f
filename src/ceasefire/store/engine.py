"""Opening a database: URL rules, connection settings, and migrations to head.

* A bare path (no ``://``) is a SQLite file; ``postgresql://`` and
  ``postgres://`` mean PostgreSQL through psycopg 3.
* SQLite connections enforce foreign keys, use a WAL journal and wait up to
  :data:`BUSY_TIMEOUT_MS` for a lock. SQLAlchemy, not the ``sqlite3`` module,
  emits ``BEGIN`` so that every transaction (DDL included) is atomic; write
  transactions begin ``IMMEDIATE`` so concurrent writers wait instead of failing.
* Migrations are the Alembic scripts shipped in ``migrations/``, run on the
  engine's own connection with a config built here (no ``alembic.ini``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from ..errors import StoreError

__all__ = [
    "normalise_url",
    "display_url",
    "make_engine",
    "migrate",
    "current_revision",
    "head_revision",
    "first_line",
]

MIGRATIONS = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_MS = 30_000
CONNECT_TIMEOUT_S = 10
WRITE = "ceasefire_write"  # execution option: begin the transaction IMMEDIATE on SQLite


def normalise_url(url: str | os.PathLike[str]) -> URL:
    """The SQLAlchemy URL for what a user typed (a bare path is a SQLite file)."""
    text = os.fspath(url)
    if not text:
        raise StoreError("empty database URL")
    if text == ":memory:":
        text = "sqlite://"
    elif "://" not in text:
        text = "sqlite:///" + text
    try:
        parsed = make_url(text)
    except ArgumentError as exc:
        raise StoreError(f"invalid database URL {text!r}: {exc}") from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def display_url(url: URL) -> str:
    """The URL as shown to users: the password hidden."""
    return url.render_as_string(hide_password=True)


def _memory(url: URL) -> bool:
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def make_engine(url: URL) -> Engine:
    """An engine for ``url`` with ceasefire's connection settings (not yet connected)."""
    kwargs: dict[str, Any] = {}
    backend = url.get_backend_name()
    if backend == "sqlite" and _memory(url):
        kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    elif backend == "postgresql" and "connect_timeout" not in url.query:
        kwargs = {"connect_args": {"connect_timeout": CONNECT_TIMEOUT_S}}
    try:
        engine = create_engine(url, **kwargs)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise StoreError(f"cannot use {display_url(url)}: {exc}") from exc
    if backend == "sqlite":
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode=WAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get(WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str | None:
    """The newest revision shipped with this version of ceasefire."""
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (``None`` before the first migration)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine, shown: str) -> None:
    """Bring the database to the head revision; a no-op when it is there already."""
    config = _alembic_config()
    try:
        conn = engine.connect()
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot connect to {shown}: {first_line(exc)}") from exc
    try:
        with conn:
            conn = conn.execution_options(**{WRITE: True})
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            conn.commit()
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot migrate {shown}: {first_line(exc)}") from exc
    except CommandError as exc:  # e.g. the database is newer than this ceasefire
        raise StoreError(f"cannot migrate {shown}: {exc}") from exc


def first_line(exc: BaseException) -> str:
    """The first line of a (wrapped) database error, for one-line messages."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
