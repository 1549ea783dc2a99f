"""Opening a database: URL rules, connection settings, and migrations to head.

* A bare path (no ``://``) is a SQLite file; ``postgresql://`` and
  ``postgres://`` mean PostgreSQL through psycopg 3.
* SQLite connections enforce foreign keys, use a WAL journal and wait up to
  :data:`BUSY_TIMEOUT_MS` for a lock. The journal is synced to disk at its
  checkpoints, not at every commit (``synchronous=NORMAL``): a committed
  transaction survives the process being killed or crashing; a power cut or an
  operating-system crash may lose the last few commits, never corrupt the store
  (a commit costs well under a millisecond instead of a disk flush: one per ingested
  document). SQLAlchemy, not the ``sqlite3`` module,
  emits ``BEGIN`` so that every transaction (DDL included) is atomic; write
  transactions begin ``IMMEDIATE`` so concurrent writers wait instead of failing.
* Migrations are the Alembic scripts shipped in ``migrations/``, run on the
  engine's own connection with a config built here (no ``alembic.ini``).
* Concurrent writers: every write transaction takes the store's write lock first
  (:func:`lock_writes`: ``BEGIN IMMEDIATE`` on SQLite, a transaction-scoped
  advisory lock on PostgreSQL), so incident updates run one at a time and each
  reads all committed work; a transient failure (serialization failure, deadlock,
  lock timeout, SQLite busy) is retried a few times (:func:`transient`,
  :func:`backoff`). Migrations run under a session-level advisory lock on
  PostgreSQL (``BEGIN IMMEDIATE`` on SQLite), so two first runs cannot race.
* Connection pool (PostgreSQL, a team server): ``pool_size``, ``max_overflow``,
  ``pool_timeout`` and ``pool_recycle`` may be given as query parameters of the URL
  (``postgresql://ceasefire@db/ceasefire?pool_size=10&max_overflow=5``); they set
  SQLAlchemy's pool and are not passed to the driver. Connections are checked before
  use (``pool_pre_ping``), so a restarted server costs no failed request.
* Passwords never reach a message: :func:`display_url` hides them and
  :func:`first_line` scrubs them from driver errors.
"""

from __future__ import annotations

import os
import random
import re
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from ..errors import StoreError

__all__ = [
    "normalise_url",
    "display_url",
    "is_memory",
    "make_engine",
    "pool_options",
    "lock_writes",
    "transient",
    "backoff",
    "migrate",
    "current_revision",
    "head_revision",
    "first_line",
    "hide_secrets",
    "url_secrets",
]

MIGRATIONS = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_MS = 30_000
CONNECT_TIMEOUT_S = 10
WRITE = "ceasefire_write"  # execution option: begin the transaction IMMEDIATE on SQLite
# PostgreSQL advisory lock keys (64-bit, ASCII "cf-write" and "cf-migr8"): one for every write
# transaction (held until it ends), one around migrations (held by the session until released)
WRITE_LOCK = 0x63662D7772697465
MIGRATION_LOCK = 0x63662D6D69677238
POOL_OPTIONS = ("pool_size", "max_overflow", "pool_timeout", "pool_recycle")  # URL query -> the engine's pool
RETRIES = 6  # attempts of one write transaction on a transient failure
RETRYABLE_SQLSTATES = frozenset({"40001", "40P01", "55P03"})  # serialization failure, deadlock, lock not available


def normalise_url(url: str | os.PathLike[str]) -> URL:
    """The SQLAlchemy URL for what a user typed (a bare path is a SQLite file)."""
    given = os.fspath(url)
    if not given.strip():
        raise StoreError("empty database URL: give a SQLite path or a database URL")
    if given == ":memory:":
        given = "sqlite://"
    elif "://" not in given:
        given = "sqlite:///" + given
    try:
        parsed = make_url(given)
        _ = parsed.port  # a port that is not a number fails here, not at connect
    except (ArgumentError, ValueError) as exc:  # the text may hold a password: never echoed
        scheme = given.split("://", 1)[0]
        raise StoreError(f"invalid database URL (scheme {scheme!r}): {_url_problem(exc)}") from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _url_problem(exc: Exception) -> str:
    if isinstance(exc, ValueError) and "int()" in str(exc):
        return "the port is not a number"
    return "it cannot be parsed (expected e.g. postgresql://user@host:5432/name or a file path)"


def display_url(url: URL) -> str:
    """The URL as shown to users: the password hidden (also one given as a ``password`` query parameter)."""
    if "password" in url.query:
        url = url.update_query_dict({"password": "***"})
    return url.render_as_string(hide_password=True)


def is_memory(url: URL) -> bool:
    """Whether ``url`` is an in-memory SQLite store (gone when the process ends)."""
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite store on disk (``None`` for another backend or an in-memory store)."""
    if url.get_backend_name() != "sqlite" or is_memory(url):
        return None
    return Path(str(url.database))


def pool_options(url: URL) -> tuple[URL, dict[str, int]]:
    """``url`` without its pool settings (:data:`POOL_OPTIONS`), and those settings as integers."""
    found = {name: url.query[name] for name in POOL_OPTIONS if name in url.query}
    values: dict[str, int] = {}
    for name, raw in found.items():
        text_ = raw[-1] if isinstance(raw, tuple) else raw
        try:
            values[name] = int(text_)
        except ValueError:
            raise StoreError(f"{name} in the database URL must be a whole number, not {text_!r}") from None
        if values[name] < (-1 if name in ("max_overflow", "pool_recycle") else 0):
            raise StoreError(f"{name} in the database URL cannot be {values[name]}")
    return (url.difference_update_query(list(found)) if found else url), values


def make_engine(url: URL) -> Engine:
    """An engine for ``url`` with ceasefire's connection settings (not yet connected)."""
    kwargs: dict[str, Any] = {}
    backend = url.get_backend_name()
    url, pool = pool_options(url)
    if backend == "sqlite" and is_memory(url):
        kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    elif backend == "postgresql":
        kwargs = {"pool_pre_ping": True, **pool}
        if "connect_timeout" not in url.query:
            kwargs["connect_args"] = {"connect_timeout": CONNECT_TIMEOUT_S}
    if pool and backend != "postgresql":
        raise StoreError(f"{', '.join(sorted(pool))}: pool settings apply to PostgreSQL only, "
                         f"not to {display_url(url)}")
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
            cursor.execute("PRAGMA synchronous=NORMAL")  # a commit syncs at checkpoints, not each time
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
    """Bring the database to the head revision; a no-op when it is there already.

    A transient failure -- a SQLite file another first run is setting up (its WAL
    journal, its schema), a lock timeout -- is retried like a write transaction.
    """
    for attempt in range(1, RETRIES + 1):
        try:
            _upgrade(engine, shown)
            return
        except StoreError as exc:
            if attempt == RETRIES or not transient(exc.__cause__ or exc):
                raise
        time.sleep(backoff(attempt))


def _upgrade(engine: Engine, shown: str) -> None:
    config = _alembic_config()
    try:
        conn = engine.connect()
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot connect to {shown}: {first_line(exc, engine.url)}") from exc
    try:
        with conn:
            conn = conn.execution_options(**{WRITE: True})
            locked = _lock_migrations(conn)
            try:
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
                conn.commit()
            finally:
                if locked:
                    conn.rollback()  # a failed upgrade leaves the transaction aborted
                    conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
                    conn.commit()
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot migrate {shown}: {first_line(exc, engine.url)}") from exc
    except CommandError as exc:  # e.g. the database is newer than this ceasefire
        raise StoreError(f"cannot migrate {shown}: {exc}") from exc


def _lock_migrations(conn: Connection) -> bool:
    """Take the migration lock (PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` is one); True when taken.

    A second first run waits here until the first has committed the schema, then finds it at head.
    """
    if conn.dialect.name != "postgresql":
        return False
    conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
    conn.commit()  # the lock is the session's; the upgrade gets a transaction of its own
    return True


def lock_writes(conn: Connection) -> None:
    """Take the store's write lock as the first statement of a write transaction.

    On PostgreSQL a transaction-scoped advisory lock: writers that change
    incidents run one at a time, and each one's reads (after the lock, under
    READ COMMITTED) see every transaction committed before it. On SQLite the
    transaction began ``BEGIN IMMEDIATE``, which is that lock already.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})


def transient(exc: BaseException) -> bool:
    """Whether a database error is worth retrying the whole transaction for."""
    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in RETRYABLE_SQLSTATES:
        return True
    message = str(orig).lower()
    return "database is locked" in message or "database table is locked" in message


def backoff(attempt: int) -> float:
    """Seconds to wait before retry ``attempt`` (1, 2, ...): exponential, jittered, capped."""
    return min(2.0, 0.05 * 2 ** (attempt - 1)) * random.uniform(0.5, 1.5)


def first_line(exc: BaseException, url: URL | None = None) -> str:
    """The first line of a (wrapped) database error, for one-line messages; ``url``'s password scrubbed."""
    orig = getattr(exc, "orig", None)
    message = str(orig if orig is not None else exc).strip()
    line = message.splitlines()[0] if message else type(exc).__name__
    return hide_secrets(line, url) if url is not None else line


def hide_secrets(text: str, url: URL | str) -> str:
    """``text`` with every password ``url`` carries replaced by ``***`` (see :func:`url_secrets`)."""
    for secret in url_secrets(url):
        text = text.replace(secret, "***")
    return text


def url_secrets(url: URL | str) -> list[str]:
    """The passwords a store URL carries (after ``user:`` or as a ``password`` parameter), each as given and
    percent-encoded (a driver may quote either); a URL that cannot be parsed is read leniently."""
    found: list[Any] = []
    if isinstance(url, URL):
        found = [url.password, url.query.get("password")]
    elif "://" in url:
        try:
            parts = urlsplit(url)
            found = [parts.password, *parse_qs(parts.query).get("password", [])]
        except ValueError:  # e.g. unbalanced brackets: take what stands between "user:" and "@"
            found = re.findall(r"://[^/@:]*:([^@]*)@", url)
    out = []
    for secret in found:
        if isinstance(secret, str) and secret:
            out += [secret, quote(secret, safe=""), unquote(secret)]
    return sorted(set(out), key=len, reverse=True)
