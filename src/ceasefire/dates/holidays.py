"""Named days ("Thanksgiving", "Election Day", "Easter week"), from ``data/dates_holidays.json``."""

from __future__ import annotations

import calendar
import json
import re
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

from dateutil.easter import easter

from .reading import Anchor, Reading

__all__ = ["read_holiday", "holiday_in"]

_PHRASE = re.compile(r"^(?:(last|this|next|this past|this coming|the)\s+)?(.+?)(\s+week)?(?:\s+(\d{4}))?$")


@lru_cache(maxsize=1)
def _rules() -> dict[str, dict[str, Any]]:
    raw = json.loads(resources.files("ceasefire").joinpath("data/dates_holidays.json").read_text("utf-8"))
    return {name: rule for name, rule in raw.items() if not name.startswith("_")}


def holiday_in(name: str, year: int) -> date | None:
    """The date of the named day in ``year``, or ``None`` when the name is not known."""
    rule = _rules().get(name)
    if rule is None:
        return None
    if "easter" in rule:
        return easter(year) + timedelta(days=rule["easter"])
    month = rule["month"]
    if "day" in rule:
        return date(year, month, rule["day"])
    days = [d for d in calendar.Calendar().itermonthdates(year, month)
            if d.month == month and d.weekday() == rule["weekday"]]
    if "after_first" in rule:
        first_monday = next(d for d in calendar.Calendar().itermonthdates(year, month)
                            if d.month == month and d.weekday() == 0)
        return first_monday + timedelta(days=1 + rule["after_first"])
    nth: int = rule["nth"]
    return days[nth - 1] if nth > 0 else days[nth]


def read_holiday(text: str, anchor: Anchor | None, direction: str | None) -> Reading | None:
    """A named day; without a year, the one on or before the anchor (``direction`` "future": on or after)."""
    m = _PHRASE.match(text)
    if m is None or m.group(2) not in _rules():
        return None
    which, name, week, year = m.group(1), m.group(2), m.group(3), m.group(4)
    if year:
        d = holiday_in(name, int(year))
        basis = f"'{text}': {name} of {year}"
    elif anchor is not None:
        a = anchor.day
        this_year = holiday_in(name, a.year)
        assert this_year is not None
        ahead = which in ("next", "this coming") or (direction == "future" and which != "last")
        behind = which in ("last", "this past") or direction == "past"
        after = this_year if this_year >= a else holiday_in(name, a.year + 1)
        before = this_year if this_year <= a else holiday_in(name, a.year - 1)
        if which == "last" and before == a:
            before = holiday_in(name, a.year - 1)
        if ahead or behind:
            d, rule = (after, "on or after") if ahead else (before, "on or before")
        else:
            assert after is not None and before is not None
            d, rule = min((after, before), key=lambda c: abs((c - a).days)), "nearest to"
        basis = f"'{text}': the {name} {rule} {anchor}"
    else:
        return None
    assert d is not None
    if week:
        return Reading.week(d - timedelta(days=d.weekday()), basis)
    return Reading.day(d, basis)
