"""Where the product's seed page is: beside the repository in ../shared (required under CI)."""

from __future__ import annotations

from pathlib import Path

from tests.needs import SHARED, shared

SEED = SHARED / "data" / "seed-article.txt"


def seed_path() -> Path:
    return shared("data", "seed-article.txt")
