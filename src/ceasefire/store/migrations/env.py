"""Alembic environment for the ceasefire store.

Run programmatically by :func:`ceasefire.store.engine.migrate`, which passes an
open connection in ``config.attributes["connection"]`` (so an in-memory SQLite
database or a PostgreSQL ``search_path`` is the one migrated). Without one,
``sqlalchemy.url`` from the config is used (for ``alembic`` on the command line).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from ceasefire.store.tables import metadata

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        # SQLAlchemy emits BEGIN on SQLite too (see ceasefire.store.engine): the whole upgrade is atomic
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    try:
        with engine.connect() as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
