"""The phrase that qualifies a toponym in running text: "near X", "the outskirts of X",
"12 km south of X", "the province of X", "X province".

The words are data (``data/geo_words.json``: ``qualifier_before``, ``qualifier_after``,
``distance_units``, ``directions``). The result is kept as ``Toponym.context``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["qualifier", "Offset", "offset_of"]


@dataclass(frozen=True)
class Offset:
    """A stated distance and direction from the named place ("12 km south of")."""

    km: float
    direction: str


@dataclass(frozen=True)
class _Patterns:
    before: re.Pattern[str]
    distance: re.Pattern[str]
    after: re.Pattern[str]
    units: dict[str, float]


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    raw = json.loads(resources.files("ceasefire").joinpath("data/geo_words.json").read_text("utf-8"))
    directions = _alternatives(raw["directions"])
    units = _alternatives(raw["distance_units"])
    distance = (rf"(?P<n>\d+(?:[.,]\d+)?)\s*-?\s*(?P<unit>{units})\.?\s+(?:\w+\s+)?(?:to\s+the\s+)?"
                rf"(?P<dir>{directions})\s+of\s+(?:the\s+\w+\s+of\s+)?(?:the\s+)?$")
    return _Patterns(
        before=re.compile(rf"\b(?:{_alternatives(raw['qualifier_before'])})\s+(?:the\s+)?(?:\w+\s+)?$", re.I),
        distance=re.compile(distance, re.I),
        after=re.compile(rf"^\s+(?:{_alternatives(raw['qualifier_after'])})\b", re.I),
        units={"mile": 1.609, "miles": 1.609, "mi": 1.609, "m": 0.001, "metres": 0.001, "meters": 0.001},
    )


def qualifier(text: str, start: int, end: int) -> str:
    """The qualifying phrase around ``text[start:end]`` ("" when bare).

    >>> qualifier("clashes 12 km south of Hama on Friday", 23, 27)
    '12 km south of'
    >>> qualifier("shelling in Daraa province", 12, 17)
    'province'
    """
    p = _patterns()
    window = text[max(0, start - 80):start]
    parts = []
    m = p.distance.search(window) or p.before.search(window)
    if m:
        phrase = " ".join(m.group(0).split())
        parts.append(phrase)
    after = p.after.match(text[end:end + 30])
    if after:
        parts.append(after.group(0).strip().lower())
    return " ".join(parts)


def offset_of(context: str) -> Offset | None:
    """The distance and direction stated in a qualifier, if any."""
    m = _patterns().distance.search(context + " ")
    if not m:
        return None
    km = float(m.group("n").replace(",", ".")) * _patterns().units.get(m.group("unit").lower(), 1.0)
    return Offset(km, m.group("dir").lower().replace("-", ""))
