"""Read one time expression against an anchor date: ``read_timex`` and ``normalize_timex``."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from .context import Context
from .explicit import read_explicit
from .finance import read_reporting
from .holidays import read_holiday
from .reading import Anchor, Reading
from .relative import read_relative
from .spelled import spell_years
from .words import words

__all__ = ["read_timex", "normalize_timex", "clean"]

_LEAD = re.compile(r"^(?:on|in|at|during|by|since|from|until|till|as of|of|over|early on|late on)\s+")
_NUMBER_UNIT = re.compile(r"(?:^|\s)(\d+|[a-z]+(?:[\s-][a-z]+)?)[\s-]+(days?|weeks?|months?|years?|decades?|hours?|"
                          r"minutes?|fortnight)(?:\s|$|-)")
# A clock time ("8:15 a.m.", "around 10 pm", "14:30", "0300 GMT", "at 1900", "9 o'clock") dates nothing by itself:
# it is cut from the expression, and an expression that was nothing else is no date.
_CLOCK = re.compile(r"\b(?:at\s+|around\s+|about\s+)?(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)"
                    r"|\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:hrs|hours|h)\b)?|\d{1,2}\s+o'clock"
                    r"|[0-2]\d[0-5]\d\s*(?:gmt|utc|hrs|hours|h|local time)\b)(?:\s*(?:local time|gmt|utc))?")
_AT_HOURS = re.compile(r"\bat\s+[0-2]\d[0-5]\d\b(?!s)")  # "at 1900" on a day: military hours, no year
_NOT_DURATION = ("ago", "earlier", "before", "later", "after", "from now", "since", "old")


def clean(text: str) -> str:
    """Lower-case, straighten quotes, collapse blanks, drop leading prepositions and edge punctuation."""
    t = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"\s+", " ", t.strip().lower()).strip(" .,;:()\"")
    t = re.sub(r"'s$", "", t)
    w = words()
    previous = None
    while previous != t:
        previous, t = t, _LEAD.sub("", t)
        for lead in w.leading_qualifiers:
            t = t[len(lead):] if t.startswith(lead) else t
        for trail in w.trailing_qualifiers:
            t = t[: -len(trail)] if t.endswith(trail) else t
    return t


def _is_duration(t: str) -> bool:
    w = words()
    if any(marker in f"{t} " for marker in w.duration_markers):
        return True
    if any(re.search(rf"\b{re.escape(k)}\b", t) for k in _NOT_DURATION):
        return False
    m = _NUMBER_UNIT.search(t)
    if not m:
        return False
    count = m.group(1)
    return count.isdigit() or count in w.numbers or count.split()[-1] in w.numbers or "past" in t or "last" in t


_PLURAL_PERIOD = re.compile(r"^(.*?)\s*\b(?:(?:days|weeks|months|quarters|years|decades)(?:\s+(?:and|or)\s+)?)+$")


def _read_ref(t: str) -> Reading | None:
    w = words()
    for value, table in (("PRESENT_REF", w.present_ref), ("PAST_REF", w.past_ref), ("FUTURE_REF", w.future_ref)):
        if t in table:
            return Reading.other(value, "ref", f"'{t}' is a vague reference ({value})")
    m = _PLURAL_PERIOD.match(t)  # "coming months", "the last few years": no count, a vague reference
    if m:
        for value, heads in (("FUTURE_REF", w.future_ref_heads), ("PAST_REF", w.past_ref_heads)):
            if m.group(1) in heads:
                return Reading.other(value, "ref", f"'{t}' is a vague reference ({value})")
    return None


def read_timex(
    text: str, anchor: Anchor | None, *, prefer: str = "past", context: Context | None = None
) -> Reading | None:
    """What ``text`` means relative to ``anchor``; ``None`` when it is not understood.

    Durations ("seven days", "all week") come back with ``kind == "duration"``
    and vague references ("recently") with ``kind == "ref"``: neither dates an
    event. Without an anchor only expressions that carry their own year are dated.
    ``context`` (see ``context_at``) carries the tense around the expression:
    a bare weekday or a year-less date in the future tense lies on or after the
    anchor, in the past tense on or before it; without a tense ``prefer`` decides.
    The basis quotes ``text`` as written.
    """
    reading = _read(text, anchor, prefer, context or Context())
    if reading is None:
        return None
    quoted = f"'{clean(text)}'"
    return replace(reading, basis=reading.basis.replace(quoted, f"'{text.strip()}'", 1))


def _read(text: str, anchor: Anchor | None, prefer: str, context: Context) -> Reading | None:
    t = spell_years(clean(_AT_HOURS.sub(" ", text.lower())))
    if _CLOCK.search(t):
        t = clean(_CLOCK.sub(" ", t))  # "8:15 a.m. sunday" is read as "sunday"; "8:15 a.m." is no date
    if not t:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t):
        d = date.fromisoformat(t)
        return Reading.day(d, f"explicit date: '{text}'")
    ref = _read_ref(t)
    if ref is not None:
        return ref
    if anchor is not None:
        reading = read_reporting(t, context.quarter, context.before) or _read_relative(t, anchor, context)
        if reading is not None:
            return reading
    holiday = read_holiday(t, anchor, context.tense)
    if holiday is not None:
        return holiday
    if _is_duration(t):
        return Reading.other(None, "duration", f"'{text}' is a duration, not a date")
    tense = None if context.forward and context.tense == "past" else context.tense
    reading = read_explicit(t, anchor, prefer={"future": "future", "past": "past"}.get(tense or "", prefer))
    if reading is not None and tense is not None and "year from" in reading.basis:
        reading = replace(reading, basis=f"{reading.basis} ({tense} tense: '{context.cue}')")
    return reading


def _read_relative(t: str, anchor: Anchor, context: Context) -> Reading | None:
    if context.modifier is not None and not t.startswith(context.modifier):
        widened = read_relative(f"{context.modifier} {t}", anchor, context.tense, context.cue)
        if widened is not None and widened.dated:
            return replace(widened, basis=f"{widened.basis} ('{context.modifier}' stands before it)")
    return read_relative(t, anchor, context.tense, context.cue)


def normalize_timex(text: str, dct: date, *, prefer: str = "nearest") -> tuple[str | None, str]:
    """The TIMEX3-style value of ``text`` relative to the document date ``dct``, and why.

    Values: "2016-09-17" (day), "2016-W37" (week), "2016-09" (month), "2016"
    (year), "2016-Q3", "2016-SU", "PAST_REF"/"PRESENT_REF"/"FUTURE_REF", or
    ``None`` (a duration, or not understood). ``prefer="current_period"`` puts
    year-less dates in the dct's year instead of on or before it.

    >>> normalize_timex("on Saturday", date(2016, 9, 19))
    ('2016-09-17', "'saturday' = weekday before document date 2016-09-19")
    """
    reading = read_timex(text, Anchor(dct), prefer=prefer)
    if reading is None:
        return None, f"'{text}' not understood"
    return reading.value, reading.basis
