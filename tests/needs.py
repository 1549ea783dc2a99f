"""What some tests need from the machine: the PostgreSQL server, and ``../shared`` beside the repository.

On a laptop without them such a test is skipped, saying why; under ``CI=true`` it fails instead,
so CI never passes by skipping.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, NoReturn

import pytest

from tests.pg import connect_admin

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def unavailable(reason: str) -> NoReturn:
    """Skip the test for ``reason``, or fail it under ``CI=true``."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"required when CI=true: {reason}")
    pytest.skip(reason)


def shared(*parts: str) -> Path:
    """A path under ``../shared`` (``shared("eval", "score.py")``), which must exist."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        unavailable(f"{path} is missing: ../shared must be beside the repository")
    return path


def pg_admin() -> Any:
    """An autocommit connection to the PostgreSQL test server."""
    import psycopg

    try:
        return connect_admin()
    except psycopg.Error as exc:
        unavailable(f"PostgreSQL not available: {str(exc).strip().splitlines()[0] if str(exc).strip() else exc}")
