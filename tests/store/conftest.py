"""Fixtures of the store tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ceasefire.store import Store, open_store


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """A fresh store on each backend of ``db_url``."""
    s = open_store(db_url)
    yield s
    s.close()
