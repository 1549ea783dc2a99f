"""Relative expressions, resolved against an anchor by hand.

dateparser reads "on Saturday" relative to the wall clock and sometimes to the
following week; these rules read it the way a wire report means it: the most
recent such weekday on or before the dateline.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..model import DatePrecision
from .reading import Anchor, Reading, week_bounds
from .words import words

__all__ = ["read_relative", "WEEKDAYS"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WD = r"(mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
_PART = r"(?:\s+(morning|afternoon|evening|night|overnight|dawn|dusk|midday|noon|midnight))?"
_WEEKDAY = re.compile(rf"^(?:(last|this|next|past|previous|early|late|earlier|later|on|early on)\s+)?{_WD}{_PART}$")
_NIGHT_OF = re.compile(rf"night of {_WD}\s+(?:to|into|and|-)\s+{_WD}")
_AGO = re.compile(r"^(?:about |some |nearly |almost |more than |over )?(.+?)\s+(\w+)\s+(ago|earlier|before)$")
_PERIOD = re.compile(
    r"^(?:(?:earlier|later|late|early|the end of|the beginning of|the start of|the middle of|mid)[\s-]+)?"
    r"(?:(this|last|next|previous|the current|current|the|the full|this past)\s+)(week|weekend|month|year)$"
)
_SEASON = re.compile(
    r"^(?:(this|last|next|the|this past|early|late)\s+)?(spring|summer|autumn|fall|winter)(?:\s+of\s+(\d{4}))?$"
)
_ORDINAL_Q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_QUARTER = re.compile(
    r"^(?:the\s+)?(?:(\d{4})\s+)?(?:fiscal\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter"
    r"(?:\s+of\s+(?:fiscal\s+)?(\d{4}))?$"
)
_THE_QUARTER = re.compile(r"^(?:the\s+)?(latest|last|this|current|the current|recent)?\s*(?:fiscal\s+)?quarter$")


def _weekday_index(token: str) -> int:
    return next(i for i, name in enumerate(WEEKDAYS) if name.startswith(token[:3]))


def _days_back(anchor: date, weekday: int, strictly_before: bool) -> int:
    delta = (anchor.weekday() - weekday) % 7
    return 7 if strictly_before and delta == 0 else delta


def _read_weekday(text: str, anchor: Anchor) -> Reading | None:
    m = _NIGHT_OF.search(text)
    if m:
        first = _weekday_index(m.group(1))
        d = anchor.day - timedelta(days=_days_back(anchor.day, first, strictly_before=False))
        basis = (f"'{text}': dated to the {WEEKDAYS[first].title()} the night began, "
                 f"weekday on or before {anchor}")
        return Reading.day(d, basis)
    m = _WEEKDAY.match(text)
    if not m:
        return None
    modifier, token = m.group(1), m.group(2)  # group 3, a part of the day, keeps the day
    wd = _weekday_index(token)
    if modifier == "next":
        ahead = (wd - anchor.day.weekday()) % 7 or 7
        return Reading.day(anchor.day + timedelta(days=ahead), f"'{text}' = weekday after {anchor}")
    back = _days_back(anchor.day, wd, strictly_before=modifier in ("last", "past", "previous"))
    d = anchor.day - timedelta(days=back)
    if back == 0:
        basis = f"'{text}' = {anchor.name} day {d.isoformat()}"
    elif back == 7:
        basis = f"'{text}' = the same weekday one week before {anchor}"
    else:
        basis = f"'{text}' = weekday before {anchor}"
    return Reading.day(d, basis)


def _read_day_word(text: str, anchor: Anchor) -> Reading | None:
    a = anchor.day
    parts = words().parts_of_day
    if text in ("today", "this day", "tonight", "earlier today", "later today") or (
        text.startswith("this ") and text[5:] in parts
    ):
        return Reading.day(a, f"'{text}' = {anchor.name} day {a.isoformat()}")
    if text in ("last night", "overnight", "during the night", "late last night", "earlier last night"):
        d = a - timedelta(days=1)
        return Reading.day(d, f"'{text}' = the night before {anchor}, dated to the evening {d.isoformat()}")
    m = re.match(r"^(?:early |late )?yesterday(?:'s)?(?:\s+(\w+))?$", text)
    if m and (m.group(1) is None or m.group(1) in parts):
        d = a - timedelta(days=1)
        return Reading.day(d, f"'{text}' = the day before {anchor}")
    if text in ("the day before yesterday", "two days ago"):
        d = a - timedelta(days=2)
        return Reading.day(d, f"'{text}' = two days before {anchor}")
    m = re.match(r"^tomorrow(?:\s+(\w+))?$", text)
    if m and (m.group(1) is None or m.group(1) in parts):
        d = a + timedelta(days=1)
        return Reading.day(d, f"'{text}' = the day after {anchor}")
    return None


def _count(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return words().numbers.get(token)


def _read_ago(text: str, anchor: Anchor) -> Reading | None:
    m = _AGO.match(text)
    if not m:
        return None
    n, unit = _count(m.group(1)), words().units.get(m.group(2))
    if n is None or unit is None:
        return None
    a, basis = anchor.day, f"'{text}' counted back from {anchor}"
    if isinstance(unit, int):
        d = a - timedelta(days=n * unit)
        if unit == 1:
            return Reading.day(d, basis)
        half = timedelta(days=3 * n)
        return Reading(d.isoformat(), d - half, min(d + half, a), DatePrecision.WEEK, basis + " (approximate)")
    if unit == "month":
        y, mo = divmod(a.year * 12 + a.month - 1 - n, 12)
        return Reading.month(y, mo + 1, basis)
    if unit == "year":
        return Reading.year(a.year - n, basis)
    if unit == "decade":
        return Reading.other(f"{(a.year - 10 * n) // 10:03d}", "date", basis)
    return None


def _read_period(text: str, anchor: Anchor) -> Reading | None:
    m = _PERIOD.match(text)
    if not m:
        return None
    which, unit = m.group(1), m.group(2)
    a = anchor.day
    step = -1 if which in ("last", "previous") else 1 if which == "next" else 0
    basis = f"'{text}' relative to {anchor}"
    if unit == "week":
        monday, _ = week_bounds(a)
        return Reading.week(monday + timedelta(weeks=step), basis)
    if unit == "weekend":
        saturday = a - timedelta(days=(a.weekday() - 5) % 7)
        if step:
            saturday += timedelta(weeks=step)
        return Reading(
            f"{saturday.isocalendar()[0]:04d}-W{saturday.isocalendar()[1]:02d}-WE", saturday,
            saturday + timedelta(days=1), DatePrecision.WEEK, basis,
        )
    if unit == "month":
        y, mo = divmod(a.year * 12 + a.month - 1 + step, 12)
        return Reading.month(y, mo + 1, basis)
    return Reading.year(a.year + step, basis)


def _quarter(year: int, q: int, basis: str) -> Reading:
    start = date(year, 3 * q - 2, 1)
    end = date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1) - timedelta(days=1)
    return Reading(f"{year:04d}-Q{q}", start, end, DatePrecision.YEAR, basis + " (a quarter)")


def _read_quarter(text: str, anchor: Anchor) -> Reading | None:
    a = anchor.day
    current = (a.month - 1) // 3 + 1
    m = _QUARTER.match(text)
    if m:
        year = int(m.group(1) or m.group(3) or a.year)
        return _quarter(year, _ORDINAL_Q[m.group(2)], f"'{text}', year from {anchor}")
    m = _THE_QUARTER.match(text)
    if m:
        if m.group(1) in ("this", "current", "the current"):
            return _quarter(a.year, current, f"'{text}' = the quarter of {anchor}")
        y, q = (a.year, current - 1) if current > 1 else (a.year - 1, 4)
        return _quarter(y, q, f"'{text}' = the last full quarter before {anchor}")
    return None


def _read_season(text: str, anchor: Anchor) -> Reading | None:
    m = _SEASON.match(text)
    if not m:
        return None
    year = int(m.group(3)) if m.group(3) else anchor.day.year - (m.group(1) == "last") + (m.group(1) == "next")
    return Reading.other(f"{year:04d}-{words().seasons[m.group(2)]}", "date", f"'{text}', year from {anchor}")


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_REL = re.compile(
    r"^(?:(last|this|next|this past|past)\s+([a-z]+)\.?|([a-z]+)\.?\s+(?:of\s+)?(last|this|next)\s+year)$"
)


def _read_month_relative(text: str, anchor: Anchor) -> Reading | None:
    m = _MONTH_REL.match(text)
    if not m:
        return None
    name, which = (m.group(2), m.group(1)) if m.group(2) else (m.group(3), m.group(4) + " year")
    if name[:3] not in _MONTHS or (len(name) > 3 and not any(
        full.startswith(name) for full in ("january", "february", "march", "april", "may", "june", "july",
                                           "august", "september", "october", "november", "december", "sept")
    )):
        return None
    month = _MONTHS.index(name[:3]) + 1
    a = anchor.day
    if which.endswith("year"):
        year = a.year + {"last year": -1, "this year": 0, "next year": 1}[which]
    elif which in ("last", "past", "this past"):
        year = a.year if month < a.month else a.year - 1
    elif which == "next":
        year = a.year if month > a.month else a.year + 1
    else:
        year = a.year
    return Reading.month(year, month, f"'{text}' relative to {anchor}")


def read_relative(text: str, anchor: Anchor) -> Reading | None:
    """Read a relative expression (already lower-cased and trimmed), or ``None``."""
    for reader in (
        _read_day_word, _read_weekday, _read_ago, _read_period, _read_quarter, _read_season, _read_month_relative,
    ):
        reading = reader(text, anchor)
        if reading is not None:
            return reading
    return None
