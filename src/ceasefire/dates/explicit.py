"""Explicit calendar dates ("17 September 2016", "Sept. 17", "2016-09-17"), read by dateparser."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from dateparser.date import DateDataParser

from .reading import Anchor, Reading

__all__ = ["read_explicit", "has_year"]

_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d{2}(?!\d)|'\d{2}\b")
_MODIFIER = re.compile(r"^(?:early|late|mid|the end of|the beginning of|the start of|the middle of|end of|"
                       r"beginning of|start of|middle of|around|about|until|till|by|since|from|before|after|"
                       r"(?:the )?(?:first|second|third|fourth|last|final|opening|closing) (?:week|days|fortnight) of)"
                       r"[\s-]+")  # "the first week of May": within May
_PLAIN_YEAR = re.compile(r"^(?:the year |fiscal |calendar |the fiscal year |fiscal year )?((?:1[5-9]|20)\d{2})$")
_DECADE = re.compile(r"^(?:the\s+)?(?:early |late |mid-)?((?:1[5-9]|20)\d)0'?s$")
_NUMERIC = re.compile(r"^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$")
_ORDINAL_DAY = re.compile(r"^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)$")  # "the 14th": a day of a month not named
_NO_DATE = re.compile(r"^\d{1,3}$|\d+[\s-]*(?:year|month|week|day)s?[\s-]*old\b")  # "47", "a 63-year-old"


def has_year(text: str) -> bool:
    return bool(_YEAR.search(text))


@lru_cache(maxsize=4)
def _parser(base: date, prefer: str) -> DateDataParser:
    settings: dict[str, Any] = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": prefer,
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": False,
    }
    return DateDataParser(languages=["en"], settings=settings)


_WEEKDAY = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b")
_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _nearest_year(d: date, base: date, weekday: int | None = None) -> date:
    options = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            options.append(d.replace(year=year))
        except ValueError:  # 29 February
            continue
    fitting = [c for c in options if weekday is None or c.weekday() == weekday]
    return min(fitting or options, key=lambda c: abs((c - base).days))


def _day_of_month(day: int, anchor: Anchor, prefer: str, text: str) -> Reading | None:
    """'the 28th' with no month: that day of the anchor's month or of one next to it -- the latest on or before
    the anchor (``prefer="past"``), the first on or after it (``"future"``), the anchor's month
    (``"current_period"``) or the nearest (``"nearest"``)."""
    a = anchor.day
    options = []
    for step in (-1, 0, 1):
        y, m = divmod(a.year * 12 + a.month - 1 + step, 12)
        try:
            options.append(date(y, m + 1, day))
        except ValueError:  # the 31st of a short month, the 0th
            continue
    if prefer == "past":
        options = [d for d in options if d <= a]
    elif prefer == "future":
        options = [d for d in options if d >= a]
    elif prefer == "current_period":
        options = [d for d in options if d.month == a.month]
    if not options:
        return None
    d = min(options, key=lambda c: abs((c - a).days))
    rule = {"past": "on or before it", "future": "on or after it"}.get(prefer, "nearest to it")
    return Reading.day(d, f"day of the month, month from {anchor} ({rule}): '{text}'")


def read_explicit(text: str, anchor: Anchor | None, *, prefer: str = "past") -> Reading | None:
    """Read a written date; without a year it is placed by ``prefer`` relative to the anchor.

    ``prefer="past"``: the date on or before the anchor (an event already reported);
    ``prefer="future"``: on or after it (a date in the future tense);
    ``prefer="current_period"``: the anchor's own year; ``prefer="nearest"``: the
    year that puts it nearest the anchor (the TIMEX3 annotation habit).
    """
    m = _PLAIN_YEAR.match(text)
    if m:
        return Reading.year(int(m.group(1)), f"explicit year '{text}'")
    m = _DECADE.match(text)
    if m:
        return Reading.other(m.group(1), "date", f"explicit decade '{text}'")
    core = _MODIFIER.sub("", text).strip()
    ordinal = _ORDINAL_DAY.match(core)
    if ordinal is not None:
        return _day_of_month(int(ordinal.group(1)), anchor, prefer, text) if anchor is not None else None
    if _NO_DATE.search(core.lower()):  # a bare number or an age is no date
        return None
    if not re.search(r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", core):
        return None
    written_year = has_year(core)
    if anchor is None and not written_year:
        return None
    base = anchor.day if anchor is not None else date(2000, 1, 1)
    data = _parser(base, "current_period" if prefer == "nearest" else prefer).get_date_data(core)
    if data.date_obj is None:
        return None
    d = data.date_obj.date()
    named_day = _WEEKDAY.search(core)
    weekday = _DAY_NAMES.index(named_day.group(1)) if named_day else None
    if not written_year and (prefer == "nearest" or (weekday is not None and d.weekday() != weekday)):
        d = _nearest_year(d, base, weekday)
    if written_year:
        basis = "explicit date"
    elif named_day is not None and d.weekday() == weekday:
        basis = f"explicit date, year from {anchor} (the nearest year it falls on a {named_day.group(0)})"
    else:
        rules = {"past": "on or before it", "future": "on or after it", "nearest": "nearest to it"}
        rule = rules.get(prefer, "same year")
        basis = f"explicit date, year from {anchor} ({rule})"
    basis = f"{basis}: '{text}'"
    period = data.period or "day"
    if period == "year":
        return Reading.year(d.year, basis)
    if period == "month":
        return Reading.month(d.year, d.month, basis)
    if _NUMERIC.match(core) and int(re.split(r"[/.]", core)[0]) <= 12 and int(re.split(r"[/.]", core)[1]) <= 12:
        basis += " (day/month order ambiguous)"
        if prefer == "past" and anchor is not None and d > anchor.day and d.day <= 12:
            swapped = date(d.year, d.day, d.month)  # "12/03/2024" in a report of 12 March 2024: day first
            if swapped <= anchor.day:
                d, basis = swapped, basis.replace("ambiguous)", "ambiguous; day first: the other is after the report)")
    return Reading.day(d, basis)
