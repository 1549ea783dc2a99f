"""Outlet names as written in bylines and datelines -> the names ceasefire records.

The table is ``data/ingest_outlets.tsv`` (documented at its top), loaded once.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

__all__ = ["canonical_outlet"]


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    text = resources.files("ceasefire.data").joinpath("ingest_outlets.tsv").read_text(encoding="utf-8")
    rows = csv.reader((line for line in text.splitlines() if line and not line.startswith("#")), delimiter="\t")
    next(rows)  # header
    return {row[0].strip().casefold(): row[1].strip() for row in rows if len(row) >= 2}


def canonical_outlet(as_written: str) -> str:
    """The recorded name of an outlet (``AP`` -> ``Associated Press``); unknown names as written."""
    name = " ".join(as_written.split())
    return _table().get(name.casefold(), name)
