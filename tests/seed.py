"""Where the product's seed page is: beside the repository in ../shared (required under CI)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "seed-article.txt"


def seed_path() -> Path:
    if not SEED.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the seed page is missing at {SEED}; CI must have ../shared beside the repository")
        pytest.skip("../shared/data/seed-article.txt is not beside this checkout")
    return SEED
