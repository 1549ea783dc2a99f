"""Reading the word lists of ``ceasefire/data/`` (once, at factory time)."""

from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import ConfigError

__all__ = ["load_json", "load_tsv", "word_set"]


def _read(name: str) -> str:
    try:
        return resources.files("ceasefire.data").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(f"data file {name!r} is missing from the ceasefire package") from exc


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    """A JSON data file of the package (cached; callers must not mutate it)."""
    try:
        return json.loads(_read(name))
    except json.JSONDecodeError as exc:
        raise ConfigError(f"data file {name!r} is not valid JSON: {exc}") from exc


@lru_cache(maxsize=None)
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """A TSV data file with a header row; lines starting with '#' are comments."""
    lines = [ln for ln in _read(name).splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "").strip() for k, v in row.items()} for row in reader)


def word_set(raw: dict[str, Any], key: str) -> frozenset[str]:
    """The list ``raw[key]`` of a parsed word-list file, lower-cased (``KeyError`` when it is missing)."""
    return frozenset(w.lower() for w in raw[key])
