"""Years written out in words ("nineteen ninety-six", "the year two thousand"), rewritten as digits."""

from __future__ import annotations

import re
from functools import lru_cache

from .words import words

__all__ = ["spell_years"]


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    w = words()
    units = "|".join(sorted(w.spelled_units, key=len, reverse=True))
    tens = "|".join(sorted(w.spelled_tens, key=len, reverse=True))
    two_digits = rf"(?:(?:{tens})(?:[\s-](?:{units}))?|{units})"
    century = rf"\b({units})[\s-](hundred|(?:oh[\s-])?{two_digits})\b"
    millennium = rf"\btwo thousand(?:(?:\s+and)?[\s-]({two_digits}))?\b"
    return re.compile(century), re.compile(millennium)


def _value(phrase: str) -> int:
    w = words()
    total = 0
    for part in re.split(r"[\s-]+", phrase):
        total += w.spelled_tens.get(part, 0) + w.spelled_units.get(part, 0)
    return total


def _century(m: re.Match[str]) -> str:
    hundreds = words().spelled_units[m.group(1)]
    if hundreds < 10:
        return m.group(0)
    rest = m.group(2)
    return f"{hundreds * 100 + (0 if rest == 'hundred' else _value(rest)):04d}"


def spell_years(text: str) -> str:
    """``text`` (lower case) with years in words replaced by digits; other numbers are left alone."""
    century, millennium = _patterns()
    text = century.sub(_century, text)
    return millennium.sub(lambda m: str(2000 + (_value(m.group(1)) if m.group(1) else 0)), text)
