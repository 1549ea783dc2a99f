"""The date of an event: choose the timex that dates it and resolve it against the anchor."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Sequence

from ..model import INHERITED_DATE, NAMED_TIME, STATEMENT_DAY, DatePrecision, DateResolution, Timex
from .context import Context, context_at
from .reading import Anchor, Reading
from .relative import is_weekday, read_counted_back, within_week
from .timex import read_timex

__all__ = ["resolve_date", "date_from_text", "date_before", "anchor_for"]


def anchor_for(dateline: date | None, published: date | None) -> Anchor | None:
    """The dateline if there is one, else the publication date."""
    if dateline is not None:
        return Anchor(dateline, "dateline")
    if published is not None:
        return Anchor(published, "publication date")
    return None


def _context(timex: Timex, text: str | None, anchor: Anchor | None) -> Context:
    ev = timex.evidence
    if text is None or ev.field != "text" or text[ev.start:ev.end] != timex.text:
        return Context()
    return context_at(text, ev.start, ev.end, anchor.day if anchor is not None else None)


def date_from_text(
    timexes: Sequence[Timex], *, dateline: date | None, published: date | None, text: str | None = None
) -> DateResolution | None:
    """The date the mention's own time expressions give, or ``None`` when none of them dates it.

    The first expression that names a day wins; failing that, the first that
    names a week, month or year. Durations ("seven days") and vague references
    ("recently") never date an event. With ``text`` (the article text the
    timexes' evidence points into) the words around each expression are read:
    one in the future tense ("talks will resume on Monday") lies after the
    anchor and does not date a reported event. A statement's time ("the
    ministry said on Monday that ...", ``Timex.statement``) is read only when no
    other expression dates the event, and bounds it: a statement's day gives the
    week that ends on it (``DateResolution.stated``). A distance back told with the
    time of its sentence it counts from (``Timex.base``) is dated from that time. A date told by a time that
    names the event ("Oct. 4's attacks", ``Timex.named``) says so in its basis
    (``DateResolution.named``).
    """
    anchor = anchor_for(dateline, published)
    frame = _frame([t for t in timexes if t.frame], anchor)
    counted = _counted_from_base(timexes, anchor, frame, text)
    if counted is not None:
        return counted
    own_first = _first(_readings(
        [t for t in timexes if not (t.frame or t.statement or t.offset or t.base)], anchor, frame, text
    ))
    if own_first is not None:
        timex, own = own_first
        basis = f"{own.basis}, {NAMED_TIME}" if timex.named else own.basis  # "Oct. 4's attacks"
        return DateResolution(own.start, own.end, own.precision, basis)
    stated_first = _first(_readings([t for t in timexes if t.statement], anchor, frame, text))
    stated = stated_first[1] if stated_first is not None else None
    if stated is None or stated.start is None:
        return None
    if stated.precision is not DatePrecision.DAY:
        return DateResolution(stated.start, stated.end, stated.precision, f"{stated.basis} (a statement's time)")
    return _week_before(stated.start, f"{stated.basis}, {STATEMENT_DAY}: the event fell in the week up to it")


def _counted_from_base(
    timexes: Sequence[Timex], anchor: Anchor | None, frame: Reading | None, text: str | None
) -> DateResolution | None:
    """A distance back counted from a time of its own sentence (``Timex.base``: "on Monday, a day after gunmen
    killed eight" is the Sunday), when that time names a day."""
    offsets = [t for t in timexes if t.offset]
    based = _first(_readings([t for t in timexes if t.base], anchor, frame, text)) if offsets else None
    if based is None or based[1].precision is not DatePrecision.DAY or based[1].start is None:
        return None
    base = based[1]
    return date_before(
        offsets, DateResolution(base.start, base.end, base.precision, base.basis), "the time of its sentence"
    )


def date_before(
    timexes: Sequence[Timex], event: DateResolution, what: str = "the event told before"
) -> DateResolution | None:
    """The date of an event told as older than ``event`` (the report's event told before it) by a distance
    (``Timex.offset``: "a week earlier", "the previous day", "the attack came a day after" this one): ``event``'s
    range moved back by it, at the coarser of the two precisions. ``None`` when no offset counts a distance
    ("days earlier") or ``event`` is unknown. ``what``: what ``event`` is, for the basis."""
    if not event.known or event.start is None:
        return None
    for timex in timexes:
        if not timex.offset:
            continue
        first = read_counted_back(timex.text, Anchor(event.start, what))
        last = read_counted_back(timex.text, Anchor(event.last or event.start, what))
        if first is None or last is None or not first.dated or first.start is None:
            continue
        basis = f"{first.basis} ({event.start}..{event.last}: {event.basis})"
        if first.start == last.start and first.end == last.end:
            return DateResolution(first.start, first.end, first.precision, basis)
        coarse = max(first.precision, event.precision, key=_PRECISIONS.index)
        return DateResolution(first.start, last.end or last.start, coarse, basis)
    return None


_PRECISIONS = (DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.YEAR, DatePrecision.UNKNOWN)


def _week_before(day: date, basis: str) -> DateResolution:
    """The week that ends on ``day``, at week precision: when an event happened if all that is known is that it
    was told of on ``day``."""
    return DateResolution(day - timedelta(days=6), day, DatePrecision.WEEK, basis)


def _readings(
    timexes: Sequence[Timex], anchor: Anchor | None, frame: Reading | None, text: str | None
) -> list[tuple[Timex, Reading]]:
    """The expressions that date a past event, each with its reading, in order (a weekday inside the ``frame``
    week when one is told)."""
    out: list[tuple[Timex, Reading]] = []
    for timex in timexes:
        reading = read_timex(timex.text, anchor, context=_context(timex, text, anchor))
        if reading is None or not reading.dated or reading.start is None:
            continue
        if anchor is not None and reading.start > anchor.day:
            continue  # a date after the report: what is planned, not what happened
        if frame is not None and is_weekday(timex.text):
            reading = within_week(timex.text, reading, frame)
        out.append((timex, reading))
    return out


def _first(readings: Sequence[tuple[Timex, Reading]]) -> tuple[Timex, Reading] | None:
    """The first reading that names a day, else the first of all (with its expression). A time naming the event
    (first when there is one) names a day only through a day within it ("last week's fighting peaked on
    Thursday"); a day outside it dates something else ("on Monday, officials raised the toll of last week's
    bombing")."""
    days = [r for r in readings if r[1].precision is DatePrecision.DAY]
    if readings and readings[0][0].named:
        days = [r for r in days if _within(r[1], readings[0][1])]
    chosen = next(iter(days), None)
    if chosen is None and readings:
        chosen = readings[0]
    return chosen if chosen is not None and chosen[1].start is not None else None


def _within(inner: Reading, outer: Reading) -> bool:
    """``inner`` lies inside ``outer``'s range."""
    if inner.start is None or outer.start is None:
        return False
    return outer.start <= inner.start <= (outer.end or outer.start)


def _frame(frames: Sequence[Timex], anchor: Anchor | None) -> Reading | None:
    """The week a frame names ("last week"), when one does."""
    for timex in frames:
        reading = read_timex(timex.text, anchor)
        if reading is not None and reading.precision is DatePrecision.WEEK and reading.start is not None:
            return reading
    return None


def resolve_date(
    timexes: Sequence[Timex],
    *,
    dateline: date | None,
    published: date | None,
    inherited: DateResolution | None = None,
    text: str | None = None,
) -> DateResolution:
    """The event's date range, precision and basis from the mention's time expressions.

    With nothing usable in the mention's own sentences, the date of the report's
    earlier event (``inherited``, when the caller gives one) is taken, and the
    basis says so; else the anchor itself at week precision (the event lies
    within the week before it), and the basis says so; with no anchor either,
    the date is unknown. ``text`` is passed to ``date_from_text``.
    """
    own = date_from_text(timexes, dateline=dateline, published=published, text=text)
    if own is not None:
        return own
    skipped = [t.text for t in timexes if not t.frame]  # a frame only places weekdays
    what = "no date in the text" if not skipped else "no usable date in the text (" + ", ".join(
        f"'{s}'" for s in skipped
    ) + " not the date of a past event)"
    if inherited is not None and inherited.start is not None:
        return DateResolution(
            inherited.start, inherited.end, inherited.precision,
            f"{what} of this event; {INHERITED_DATE}: {inherited.basis}",
        )
    anchor = anchor_for(dateline, published)
    if anchor is None:
        return DateResolution.unknown(f"{what}; no dateline or publication date")
    return _week_before(anchor.day, f"{what}; {anchor}: the event is taken to fall in the week before it")
