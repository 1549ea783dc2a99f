import os
import socket

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from ceasefire.errors import StoreError
from ceasefire.store import open_store
from ceasefire.store.engine import current_revision, head_revision, make_engine, normalise_url
from ceasefire.store.tables import metadata

TABLES = {"documents", "reports", "mentions", "claims", "mention_blocks", "incidents", "incident_mentions", "problems"}


def _engine(url: str) -> sa.Engine:
    return make_engine(normalise_url(url))


def test_migrations_create_the_schema_at_head(db_url: str) -> None:
    open_store(db_url).close()
    engine = _engine(db_url)
    try:
        names = set(sa.inspect(engine).get_table_names())
        assert TABLES | {"alembic_version"} <= names
        assert current_revision(engine) == head_revision() == "0009"
    finally:
        engine.dispose()


def test_migrated_schema_matches_the_table_definitions(db_url: str) -> None:
    open_store(db_url).close()
    engine = _engine(db_url)
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(ctx, metadata) == []
    finally:
        engine.dispose()


def test_running_migrations_twice_is_a_no_op(db_url: str) -> None:
    with open_store(db_url) as store:
        store.record_problem("a.html", "binary file")
        before = store.snapshot()
    with open_store(db_url) as store:
        assert store.snapshot() == before
    engine = _engine(db_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
    finally:
        engine.dispose()


def test_bare_path_is_a_sqlite_file(tmp_path: os.PathLike[str]) -> None:
    path = os.path.join(os.fspath(tmp_path), "x.db")
    with open_store(path) as store:
        assert store.url == f"sqlite:///{path}"
    assert os.path.exists(path)


def test_sqlite_connections_enforce_foreign_keys_and_use_wal(tmp_path: os.PathLike[str]) -> None:
    url = f"sqlite:///{os.fspath(tmp_path)}/x.db"
    open_store(url).close()
    engine = _engine(url)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one() > 0
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar_one() == 1  # NORMAL: synced at checkpoints
    finally:
        engine.dispose()


def test_memory_store_works() -> None:
    with open_store(":memory:") as store:
        assert store.counts()["documents"] == 0


def test_postgres_url_without_driver_uses_psycopg() -> None:
    assert normalise_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert normalise_url("postgres://u@h/db").drivername == "postgresql+psycopg"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_unreachable_postgres_is_a_one_line_store_error() -> None:
    url = f"postgresql://someone:secret@127.0.0.1:{_free_port()}/nothing"
    with pytest.raises(StoreError) as info:
        open_store(url)
    message = str(info.value)
    assert message.startswith("cannot connect to postgresql+psycopg://someone:***@127.0.0.1:")
    assert "secret" not in message
    assert "\n" not in message


@pytest.mark.parametrize("url", ["nosuchdialect://x/y", "sqlite:////no/such/dir/at/all/x.db", ""])
def test_bad_urls_raise_store_error(url: str) -> None:
    with pytest.raises(StoreError):
        open_store(url)


def test_a_database_newer_than_this_code_is_refused(tmp_path: os.PathLike[str]) -> None:
    url = f"sqlite:///{os.fspath(tmp_path)}/x.db"
    open_store(url).close()
    engine = _engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match="cannot migrate"):
        open_store(url)


@pytest.mark.parametrize("url", ["", " ", "\t"])
def test_an_empty_url_is_refused(url: str) -> None:
    with pytest.raises(StoreError, match="empty database URL"):
        normalise_url(url)


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("postgresql://u:s3cr3t@h:abc/db", "the port is not a number"),
        ("post gres://u:s3cr3t@h/db", "cannot be parsed"),
        ("://u:s3cr3t@h/db", "cannot be parsed"),
    ],
)
def test_an_unparseable_url_is_one_line_without_its_password(url: str, why: str) -> None:
    with pytest.raises(StoreError) as info:
        normalise_url(url)
    assert why in str(info.value) and "s3cr3t" not in str(info.value) and "\n" not in str(info.value)


def test_passwords_are_hidden_in_urls_and_scrubbed_from_driver_errors() -> None:
    from ceasefire.store.engine import display_url, first_line

    url = normalise_url("postgresql://u:pa%2Fss@h/db?password=other")
    assert "pa" not in display_url(url).replace("password", "") and "other" not in display_url(url)
    error = RuntimeError("auth failed for pa/ss and pa%2Fss and other\nsecond line")
    assert first_line(error, url) == "auth failed for *** and *** and ***"


@pytest.mark.parametrize("url", [":memory:", "sqlite://", "sqlite:///:memory:"])
def test_in_memory_urls_are_known(url: str, tmp_path) -> None:
    from ceasefire.store.engine import is_memory

    assert is_memory(normalise_url(url))
    assert not is_memory(normalise_url(str(tmp_path / "x.db")))
    with open_store(url) as store:
        assert store.in_memory


@pytest.mark.parametrize(
    ("url", "password"),
    [
        ("postgresql://u:s3cr3t@h:abc/db", "s3cr3t"),
        ("postgresql://u:s3cr3t@[::1/db", "s3cr3t"),
        ("postgresql://u@h/db?password=s3cr3t", "s3cr3t"),
        ("postgresql://u:s3cr%2F3t@h/db", "s3cr/3t"),
    ],
)
def test_a_typed_url_s_password_is_hidden_even_when_it_cannot_be_parsed(url: str, password: str) -> None:
    from ceasefire.store.engine import hide_secrets

    hidden = hide_secrets(f"failed on {url} with {password}", url)
    assert "s3cr" not in hidden and hidden.endswith("with ***")


def test_a_first_run_waits_while_another_sets_up_a_fresh_sqlite_file(tmp_path, monkeypatch) -> None:
    import sqlite3
    import threading

    from ceasefire.store import engine as engine_module

    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr(engine_module, "backoff", lambda attempt: 0.1)
    path = tmp_path / "fresh.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN EXCLUSIVE")  # another first run, mid-way through setting the file up
    release = threading.Timer(0.4, other.commit)
    release.start()
    try:
        with open_store(str(path)) as store:  # its journal mode and schema wait, then retry
            assert store.counts()["documents"] == 0
    finally:
        release.join()
        other.close()


def test_pool_settings_in_a_postgresql_url_size_the_pool_and_are_not_sent_to_the_driver(pg_url: str) -> None:
    engine = _engine(f"{pg_url}{'&' if '?' in pg_url else '?'}pool_size=3&max_overflow=2&pool_timeout=7")
    try:
        assert engine.pool.size() == 3  # type: ignore[attr-defined]
        assert engine.pool._max_overflow == 2  # type: ignore[attr-defined]
        assert engine.pool._timeout == 7  # type: ignore[attr-defined]
        assert "pool_size" not in engine.url.query
        with engine.connect() as conn:  # the driver would refuse an unknown option
            assert conn.execute(sa.text("select 1")).scalar() == 1
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("query", "why"),
    [("pool_size=many", "pool_size in the database URL must be a whole number"),
     ("pool_size=-2", "pool_size in the database URL cannot be -2")],
)
def test_a_bad_pool_setting_is_one_line_naming_it(query: str, why: str) -> None:
    with pytest.raises(StoreError, match=why):
        _engine(f"postgresql://u:secret@127.0.0.1:1/db?{query}")


def test_pool_settings_are_refused_for_sqlite(tmp_path: os.PathLike[str]) -> None:
    with pytest.raises(StoreError, match="PostgreSQL only"):
        _engine(f"sqlite:///{os.fspath(tmp_path)}/x.db?pool_size=3")
