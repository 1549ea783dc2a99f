"""The word lists of date resolution, read once from ``data/dates_words.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Words", "words"]


@dataclass(frozen=True)
class Words:
    numbers: dict[str, int]
    units: dict[str, int | str]
    duration_markers: tuple[str, ...]
    past_ref: frozenset[str]
    present_ref: frozenset[str]
    future_ref: frozenset[str]
    parts_of_day: dict[str, str]
    seasons: dict[str, str]


@lru_cache(maxsize=1)
def words() -> Words:
    raw = json.loads(resources.files("ceasefire").joinpath("data/dates_words.json").read_text("utf-8"))
    return Words(
        numbers=dict(raw["numbers"]),
        units=dict(raw["units"]),
        duration_markers=tuple(raw["duration_markers"]),
        past_ref=frozenset(raw["past_ref"]),
        present_ref=frozenset(raw["present_ref"]),
        future_ref=frozenset(raw["future_ref"]),
        parts_of_day=dict(raw["parts_of_day"]),
        seasons=dict(raw["seasons"]),
    )
