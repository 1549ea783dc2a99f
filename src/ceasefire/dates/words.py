"""The word lists of date resolution, read once from ``data/dates_words.json`` and ``data/dates_context.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["Words", "words", "ContextWords", "context_words"]


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
    spelled_units: dict[str, int]
    spelled_tens: dict[str, int]
    future_ref_heads: tuple[str, ...]
    past_ref_heads: tuple[str, ...]
    vague_counts: frozenset[str]
    leading_qualifiers: tuple[str, ...]
    trailing_qualifiers: tuple[str, ...]
    ordinal_decades: dict[str, int]
    exact_distance_days: int


@dataclass(frozen=True)
class ContextWords:
    """The cues of ``dates/context.py`` (documented in ``data/dates_context.json``)."""

    future_aux: frozenset[str]
    future_verbs: frozenset[str]
    modal_perfect: frozenset[str]
    skip: frozenset[str]
    past_words: frozenset[str]
    not_past: frozenset[str]
    present_words: frozenset[str]
    forward_words: frozenset[str]
    left_only: frozenset[str]
    before_modifiers: tuple[str, ...]
    quarterly_markers: tuple[str, ...]
    year_ago: frozenset[str]
    this_quarter: frozenset[str]
    whole_period: tuple[str, ...]


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.files("ceasefire").joinpath(f"data/{name}").read_text("utf-8"))
    return data


@lru_cache(maxsize=1)
def words() -> Words:
    raw = _load("dates_words.json")
    return Words(
        numbers=dict(raw["numbers"]),
        units=dict(raw["units"]),
        duration_markers=tuple(raw["duration_markers"]),
        past_ref=frozenset(raw["past_ref"]),
        present_ref=frozenset(raw["present_ref"]),
        future_ref=frozenset(raw["future_ref"]),
        parts_of_day=dict(raw["parts_of_day"]),
        seasons=dict(raw["seasons"]),
        spelled_units=dict(raw["spelled_units"]),
        spelled_tens=dict(raw["spelled_tens"]),
        future_ref_heads=tuple(raw["future_ref_heads"]),
        past_ref_heads=tuple(raw["past_ref_heads"]),
        vague_counts=frozenset(raw["vague_counts"]),
        leading_qualifiers=tuple(raw["leading_qualifiers"]),
        trailing_qualifiers=tuple(raw["trailing_qualifiers"]),
        ordinal_decades=dict(raw["ordinal_decades"]),
        exact_distance_days=int(raw["exact_distance_days"]),
    )


@lru_cache(maxsize=1)
def context_words() -> ContextWords:
    raw = _load("dates_context.json")
    return ContextWords(
        future_aux=frozenset(raw["future_aux"]),
        future_verbs=frozenset(raw["future_verbs"]),
        modal_perfect=frozenset(raw["modal_perfect"]),
        skip=frozenset(raw["skip"]),
        past_words=frozenset(raw["past_words"]),
        not_past=frozenset(raw["not_past"]),
        present_words=frozenset(raw["present_words"]),
        forward_words=frozenset(raw["forward_words"]),
        left_only=frozenset(raw["left_only"]),
        before_modifiers=tuple(sorted(raw["before_modifiers"], key=len, reverse=True)),
        quarterly_markers=tuple(raw["quarterly_markers"]),
        year_ago=frozenset(raw["year_ago"]),
        this_quarter=frozenset(raw["this_quarter"]),
        whole_period=tuple(raw["whole_period"]),
    )
