"""The pure core of ``ceasefire dates``: TIMEX3 values for the timexes of JSON lines.

A line is ``{"id", "dct", "text", "timexes": [{"start", "end", "text"}]}``; each
timex comes back with ``value`` (TIMEX3 style, or ``None``) and ``basis`` (why).
The words around a timex in ``text`` (its tense, a "last" before it, whether
the report is one of quarterly results) are read when the offsets fit the text.
A line without a usable ``dct`` keeps going: every value is ``None`` and every
basis says why. Nothing here raises on bad input.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Iterable, Iterator, Mapping

from .context import Context, context_at
from .reading import Anchor
from .timex import read_timex

__all__ = ["normalize_line", "normalize_lines", "parse_dct"]


def parse_dct(raw: object) -> tuple[date | None, str | None]:
    """The document date of a line and ``None``, or ``None`` and why it is unusable."""
    if raw is None or raw == "":
        return None, "no document date (dct) on the line"
    if not isinstance(raw, str):
        return None, f"document date (dct) is not a string: {raw!r}"
    text = raw.strip()
    try:
        return date.fromisoformat(text[:10]), None
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date(), None
    except ValueError:
        return None, f"document date (dct) {raw!r} is not an ISO date"


def _span(timex: Mapping[str, Any], text: str) -> tuple[str | None, int | None, int | None]:
    start, end = timex.get("start"), timex.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        start = end = None
    written = timex.get("text")
    if not isinstance(written, str) or not written.strip():
        written = text[start:end] if start is not None and end is not None else None
    return written, start, end


def _normalize_timex(timex: object, text: str, dct: date | None, why_not: str | None) -> dict[str, Any]:
    if not isinstance(timex, Mapping):
        return {"value": None, "basis": f"not a timex object: {timex!r}"}
    out = dict(timex)
    written, start, end = _span(timex, text)
    if written is None:
        out.update(value=None, basis="no timex text and no offsets into the line's text")
        return out
    if dct is None:
        out.update(value=None, basis=f"'{written}' not resolved: {why_not}")
        return out
    context = Context()
    if start is not None and end is not None and text[start:end].strip():
        context = context_at(text, start, end, dct)
    reading = read_timex(written, Anchor(dct), prefer="nearest", context=context)
    if reading is None:
        out.update(value=None, basis=f"'{written}' not understood")
    else:
        out.update(value=reading.value, basis=reading.basis)
    return out


def normalize_line(line: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``line`` whose every timex has ``value`` and ``basis``; never raises on bad input."""
    out = dict(line)
    dct, why_not = parse_dct(line.get("dct"))
    raw_text = line.get("text")
    text = raw_text if isinstance(raw_text, str) else ""
    timexes = line.get("timexes")
    if not isinstance(timexes, list):
        out["timexes"] = []
        out["problem"] = "no 'timexes' list on the line" if timexes is None else "'timexes' is not a list"
        return out
    out["timexes"] = [_normalize_timex(t, text, dct, why_not) for t in timexes]
    return out


def normalize_lines(lines: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    """``normalize_line`` over ``lines``, lazily, one out per line in."""
    for line in lines:
        yield normalize_line(line)
