"""Relative expressions, resolved against an anchor by hand.

dateparser reads "on Saturday" relative to the wall clock and sometimes to the
following week; these rules read it the way a wire report means it: the most
recent such weekday on or before the dateline.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from ..model import DatePrecision, month_number
from .reading import Anchor, Reading, week_bounds
from .words import words

__all__ = ["read_relative", "read_counted_back", "WEEKDAYS"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WD = r"(mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
_PART = r"(?:\s+(morning|afternoon|evening|night|overnight|dawn|dusk|midday|noon|midnight))?"
_WEEKDAY = re.compile(
    r"^(?:the\s+)?(?:(last|this|next|past|previous|this past|this coming|coming|early|late|earlier|later|on|"
    rf"early on|late on)\s+)?{_WD}{_PART}$"
)
_WEEK_WORDS = r"(last|this|next|previous|the previous)\s+week"
_WEEKDAY_OF_WEEK = re.compile(  # "Tuesday of last week", "on Tuesday last week", "last week on Tuesday"
    rf"^{_WD}{_PART}\s+(?:of\s+)?{_WEEK_WORDS}$|^{_WEEK_WORDS},?\s+(?:on\s+)?{_WD}{_PART}$"
)
_NIGHT_OF = re.compile(rf"night of {_WD}\s+(?:to|into|and|-)\s+{_WD}")
_AGO = re.compile(r"^(?:about |some |nearly |almost |more than |over )?(.+?)\s+(\w+)\s+(ago|earlier|before)$")
_PERIOD = re.compile(
    r"^(?:(?:earlier|later|late|early|the end of|the beginning of|the start of|the middle of|mid)[\s-]+)?"
    r"(?:(this|last|next|previous|the current|current|the|the full|this past|the past|the last|the latest)\s+)"
    r"(?:fiscal\s+)?(week|weekend|month|year)$"
)
_SEASON = re.compile(
    r"^(?:(this|last|next|the|this past|early|late)\s+)?(spring|summer|autumn|fall|winter)(?:\s+of\s+(\d{4}))?$"
)
_ORDINAL_Q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_QUARTER = re.compile(
    r"^(?:(this|last|next) year's\s+)?(?:the\s+|its\s+)?(?:(\d{4})\s+)?(?:fiscal[\s-]+)?"
    r"(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter"
    r"(?:\s+of\s+(?:fiscal\s+)?(\d{4}))?$"
)
_THE_QUARTER = re.compile(r"^(?:the\s+)?(latest|last|this|current|the current|recent)?\s*(?:fiscal\s+)?quarter$")


def _weekday_index(token: str) -> int:
    return next(i for i, name in enumerate(WEEKDAYS) if name.startswith(token[:3]))


def _days_back(anchor: date, weekday: int, strictly_before: bool) -> int:
    delta = (anchor.weekday() - weekday) % 7
    return 7 if strictly_before and delta == 0 else delta


def _suffix(part: str | None) -> str:
    code = words().parts_of_day.get(part or "")
    return f"T{code}" if code else ""


def _weekday_of_week(text: str, anchor: Anchor) -> Reading | None:
    """'Tuesday of last week': that weekday of the week the words name."""
    m = _WEEKDAY_OF_WEEK.match(text)
    if not m:
        return None
    token, part, which = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(6), m.group(4))
    week = _read_period(f"{which.removeprefix('the ')} week", anchor)
    if week is None or week.start is None:
        return None
    d = week.start + timedelta(days=_weekday_index(token))
    return Reading.day(d, f"'{text}' = that weekday of {week.basis}", _suffix(part))


def _read_weekday(text: str, anchor: Anchor, tense: str | None, cue: str | None) -> Reading | None:
    of_week = _weekday_of_week(text, anchor)
    if of_week is not None:
        return of_week
    m = _NIGHT_OF.search(text)
    if m:
        first = _weekday_index(m.group(1))
        d = anchor.day - timedelta(days=_days_back(anchor.day, first, strictly_before=False))
        basis = (f"'{text}': dated to the {WEEKDAYS[first].title()} the night began, "
                 f"weekday on or before {anchor}")
        return Reading.day(d, basis, "TNI")
    m = _WEEKDAY.match(text)
    if not m:
        return None
    modifier, token, suffix = m.group(1), m.group(2), _suffix(m.group(3))
    wd = _weekday_index(token)
    if modifier in ("next", "this coming", "coming"):
        ahead = (wd - anchor.day.weekday()) % 7 or 7
        return Reading.day(anchor.day + timedelta(days=ahead), f"'{text}' = weekday after {anchor}", suffix)
    if tense == "future" and modifier in (None, "on", "this", "early", "late", "early on", "late on"):
        ahead = (wd - anchor.day.weekday()) % 7
        d = anchor.day + timedelta(days=ahead)
        where = f"{anchor.name} day {d.isoformat()}" if ahead == 0 else f"weekday after {anchor}"
        return Reading.day(d, f"'{text}' = {where} (future tense: '{cue}')", suffix)
    back = _days_back(anchor.day, wd, strictly_before=modifier in ("last", "past", "previous", "this past"))
    d = anchor.day - timedelta(days=back)
    if back == 0:
        basis = f"'{text}' = {anchor.name} day {d.isoformat()}"
    elif back == 7:
        basis = f"'{text}' = the same weekday one week before {anchor}"
    else:
        basis = f"'{text}' = weekday before {anchor}"
    return Reading.day(d, basis, suffix)


def is_weekday(text: str) -> bool:
    """'Tuesday', 'on Monday night': a bare weekday, with no 'last' or 'next'."""
    m = _WEEKDAY.match(text.strip().lower())
    return m is not None and m.group(1) in (None, "on", "early", "late", "early on", "late on")


def within_week(text: str, reading: Reading, week: Reading) -> Reading:
    """The reading of weekday ``text`` moved into the week a frame names ("three raids last week ... on Tuesday")."""
    if reading.start is None or week.start is None or week.end is None or week.start <= reading.start <= week.end:
        return reading
    d = week.start + timedelta(days=reading.start.weekday() - week.start.weekday())
    return Reading.day(d, f"'{text}' = that weekday of the week told before: {week.basis}")


def _read_day_word(text: str, anchor: Anchor) -> Reading | None:
    a = anchor.day
    parts = words().parts_of_day
    if text in ("today", "this day", "earlier today", "later today"):
        return Reading.day(a, f"'{text}' = {anchor.name} day {a.isoformat()}")
    if text == "tonight" or (text.startswith(("this ", "later this ", "earlier this ", "early this ", "late this "))
                             and text.split()[-1] in parts):
        return Reading.day(a, f"'{text}' = {anchor.name} day {a.isoformat()}", _suffix(text.split()[-1]))
    if text in ("last night", "overnight", "during the night", "late last night", "earlier last night"):
        d = a - timedelta(days=1)  # the night spans two calendar days: the evening before and the anchor's morning
        return replace(Reading.day(d, f"'{text}' = the night before {anchor}, from the evening {d.isoformat()} "
                                      f"to the morning {a.isoformat()}", "TNI"), end=a)
    m = re.match(r"^(?:early |late |earlier |later )?yesterday(?:'s)?(?:\s+(\w+))?$", text)
    if m and (m.group(1) is None or m.group(1) in parts):
        d = a - timedelta(days=1)
        return Reading.day(d, f"'{text}' = the day before {anchor}", _suffix(m.group(1)))
    if text in ("the day before yesterday", "two days ago"):
        d = a - timedelta(days=2)
        return Reading.day(d, f"'{text}' = two days before {anchor}")
    m = re.match(r"^tomorrow(?:\s+(\w+))?$", text)
    if m and (m.group(1) is None or m.group(1) in parts):
        d = a + timedelta(days=1)
        return Reading.day(d, f"'{text}' = the day after {anchor}", _suffix(m.group(1)))
    return None


def _count(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return words().numbers.get(token)


def _read_ago(text: str, anchor: Anchor) -> Reading | None:
    m = _AGO.match(text)
    if not m:
        return None
    return _counted_back(text, m.group(1), m.group(2), anchor)


def _counted_back(text: str, count: str, unit_word: str, anchor: Anchor) -> Reading | None:
    """``count`` ``unit_word``s before the anchor ("three days", "a week"); a vague count is a vague reference."""
    n, unit = _count(count), words().units.get(unit_word)
    if n is None or unit is None:
        return None
    if count in words().vague_counts:
        return Reading.other("PAST_REF", "ref", f"'{text}': an uncounted time ago is a vague reference (PAST_REF)")
    a, basis = anchor.day, f"'{text}' counted back from {anchor}"
    if isinstance(unit, int):
        d = a - timedelta(days=n * unit)
        if n * unit <= words().exact_distance_days:  # "a week ago": that day, as a reporter means it
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


_RELATIONS = frozenset({"earlier", "before", "prior", "after", "later", "ago", "previously"})
_PREVIOUS = frozenset({"the", "previous", "preceding", "prior"})


def read_counted_back(text: str, anchor: Anchor) -> Reading | None:
    """A distance back in time from ``anchor`` (an event's day, not the document's): "a week earlier", "two days
    after", "the previous day", "the day before" -- the caller knows it runs back ("the attack came a day after
    the clash": the clash was a day before the attack). ``None`` when ``text`` tells no counted distance ("days
    earlier" is a vague reference)."""
    tokens = text.lower().replace("\u2019", "'").strip(" .,;:").split()
    if tokens and tokens[-1] in _RELATIONS:
        tokens = tokens[:-1]
    while tokens and tokens[0] in _PREVIOUS:  # "the previous day", "the day before": one of them
        tokens = tokens[1:]
        if len(tokens) == 1:
            tokens = ["one", *tokens]
    if len(tokens) < 2 or tokens[-1] not in words().units:
        if len(tokens) == 1 and tokens[0] in words().units:  # "days earlier": uncounted
            return Reading.other("PAST_REF", "ref", f"'{text}': an uncounted distance is a vague reference")
        return None
    return _counted_back(text, " ".join(tokens[:-1]), tokens[-1], anchor)


def _read_period(text: str, anchor: Anchor) -> Reading | None:
    m = _PERIOD.match(text)
    if not m:
        return None
    which, unit = m.group(1), m.group(2)
    a = anchor.day
    step = -1 if which in ("last", "previous", "the latest") else 1 if which == "next" else 0
    if which in ("the past", "the last"):  # "the past year": the one before (a week or month stays a span)
        if unit in ("week", "month"):
            return None
        step = -1
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
    return Reading.quarter(year, q, basis)


def _read_quarter(text: str, anchor: Anchor) -> Reading | None:
    a = anchor.day
    current = (a.month - 1) // 3 + 1
    m = _QUARTER.match(text)
    if m:
        shift = {"this": 0, "last": -1, "next": 1}.get(m.group(1) or "this", 0)
        year = int(m.group(2) or m.group(4) or a.year + shift)
        return _quarter(year, _ORDINAL_Q[m.group(3)], f"'{text}', year from {anchor}")
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


_MONTH_REL = re.compile(
    r"^(?:(last|this|next|this past|past)\s+([a-z]+)\.?|([a-z]+)\.?\s+(?:of\s+)?(last|this|next)\s+year)$"
)


def _read_month_relative(text: str, anchor: Anchor) -> Reading | None:
    m = _MONTH_REL.match(text)
    if not m:
        return None
    name, which = (m.group(2), m.group(1)) if m.group(2) else (m.group(3), m.group(4) + " year")
    month = month_number(name)
    if month is None:
        return None
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


_YEAR_END = re.compile(r"^(?:the end of the year|year-end|year end|year's end|the year's end|the year-end)$")
_CENTURY = re.compile(r"^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+century$")
_DECADE_WORD = re.compile(r"^(?:the\s+)?(?:early |late |mid-)?(twenties|thirties|forties|fifties|sixties|seventies|"
                          r"eighties|nineties)$")
_LAST_DECADE = re.compile(r"^the (?:last|past|previous) decade$")


def _read_long(text: str, anchor: Anchor) -> Reading | None:
    """Year ends, centuries and decades: '199' is the 1990s and '19' the 20th century (TIMEX3)."""
    a = anchor.day
    if _YEAR_END.match(text):
        return Reading.year(a.year, f"'{text}' = the end of the year of {anchor}")
    m = _CENTURY.match(text)
    if m:
        return Reading.other(f"{int(m.group(1)) - 1:02d}", "date", f"'{text}': a century")
    m = _DECADE_WORD.match(text)
    if m:
        decade = words().ordinal_decades[m.group(1)]
        century = a.year // 100 if decade * 10 <= a.year % 100 else a.year // 100 - 1
        return Reading.other(f"{century:02d}{decade}", "date", f"'{text}': the decade, century from {anchor}")
    if _LAST_DECADE.match(text):
        return Reading.other(f"{a.year // 10 - 1:03d}", "date", f"'{text}' = the decade before {anchor}")
    return None


def read_relative(text: str, anchor: Anchor, tense: str | None = None, cue: str | None = None) -> Reading | None:
    """Read a relative expression (already lower-cased and trimmed), or ``None``.

    ``tense`` ("past", "future" or ``None``) is that of the verb around the
    expression (``cue`` the word that showed it): a bare weekday in the future
    tense is the one on or after the anchor.
    """
    reading = _read_weekday(text, anchor, tense, cue)
    if reading is not None:
        return reading
    for reader in (_read_day_word, _read_ago, _read_period, _read_quarter, _read_season, _read_month_relative,
                   _read_long):
        reading = reader(text, anchor)
        if reading is not None:
            return reading
    return None
