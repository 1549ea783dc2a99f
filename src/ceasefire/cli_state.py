"""What every command of the CLI shares: the global options' state, the consoles, the database handle."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator, Optional

from rich.console import Console

from . import database
from .config import Settings
from .errors import ConfigError

__all__ = ["out", "err", "state", "_db"]

out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class _State:
    db: Optional[str] = None
    model: Optional[str] = None
    policy: Optional[str] = None
    quiet: bool = False
    debug: bool = False
    workers: Optional[int] = None  # ingest's --workers

    def settings(self) -> Settings:
        return Settings.from_env(db_url=self.db, model=self.model, policy=self.policy, workers=self.workers)


state = _State()


@contextmanager
def _db(*, writes: bool = False) -> Iterator[database.Database]:
    """The database; a command that ``writes`` refuses an in-memory store (its work would be lost at exit)."""
    db = database.Database(state.settings())
    try:
        if writes and db.in_memory:
            raise ConfigError(
                "the store is in memory only (--db ':memory:' or 'sqlite://'): everything written would be lost "
                "when the command ends; give a SQLite file path or a database URL"
            )
        yield db
    finally:
        db.close()
