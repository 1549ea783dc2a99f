"""Reports of quarterly results: the reported quarter and the year-ago comparisons.

TimeBank annotators read "a year ago", "year-earlier" and "the year-ago period"
in an earnings report as the same quarter of the previous year ("net rose to
$5 million from $3 million a year earlier", in a report of October 1989 on the
third quarter: 1988-Q3), and "the latest period" as the reported quarter itself.
A report is one of quarterly results when it names a quarter at least twice;
the reported quarter is the nearest one it names before the expression (else
the first after it), else the last full quarter before the document date.
"""

from __future__ import annotations

import re
from datetime import date

from .reading import Reading
from .words import context_words

__all__ = ["reported_quarter", "read_reporting", "is_quarterly", "ORDINAL_QUARTER"]

ORDINAL_QUARTER = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_NAMED = re.compile(r"\b(?:fiscal[\s-]+)?(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter",
                    re.IGNORECASE)


def is_quarterly(text: str) -> bool:
    lowered = text.lower()
    return sum(lowered.count(marker) for marker in context_words().quarterly_markers) >= 2


def _reported(m: re.Match[str], text: str, current: int) -> bool:
    """A named quarter can be reported unless it is the running one ("fourth-quarter earnings will ...")."""
    return ORDINAL_QUARTER[m.group(1).lower()] != current or "ended" in text[m.end():m.end() + 12]


def reported_quarter(text: str, position: int, dct: date) -> tuple[int, int] | None:
    """The (year, quarter) a report of quarterly results is about at ``position``, or ``None``."""
    if not is_quarterly(text):
        return None
    current = (dct.month - 1) // 3 + 1
    named = [m for m in _NAMED.finditer(text) if _reported(m, text, current)]
    before = [m for m in named if m.end() <= position]
    chosen = before[-1] if before else next(iter(named), None)
    if chosen is None:
        return (dct.year, current - 1) if current > 1 else (dct.year - 1, 4)
    q = ORDINAL_QUARTER[chosen.group(1).lower()]
    return (dct.year, q) if q <= current else (dct.year - 1, q)


_THE_YEAR_PERIOD = re.compile(r"^(?:the |its )?(\d{4}) (?:fiscal )?(?:quarter|period|three months)$")


def read_reporting(text: str, quarter: tuple[int, int] | None, before: str) -> Reading | None:
    """Year-ago and latest-period expressions of a report of quarterly ``quarter``; ``None`` for any other."""
    if quarter is None:
        return None
    w = context_words()
    year, q = quarter
    if text in w.year_ago and not any(marker in before for marker in w.whole_period):
        return Reading.quarter(year - 1, q, f"'{text}' in a report of quarterly results: "
                                            f"the reported quarter {year}-Q{q} a year earlier")
    if text in w.this_quarter:
        return Reading.quarter(year, q, f"'{text}' in a report of quarterly results: the reported quarter")
    m = _THE_YEAR_PERIOD.match(text)
    if m and int(m.group(1)) in (year, year - 1):
        y = int(m.group(1))
        return Reading.quarter(y, q, f"'{text}' in a report of quarterly results: quarter {q} of {y}")
    return None
