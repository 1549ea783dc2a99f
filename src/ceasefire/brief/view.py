"""The template context: a :class:`View` of a :class:`Brief`, every value already worded.

The HTML and Markdown templates lay out the fields of :class:`View` and nothing else
(a test checks every name they use is one of its fields); all wording and arithmetic
is here, in plain functions, so both formats say the same. Stored text stays text:
the HTML template escapes it (autoescape), the Markdown one through its ``finalize``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Iterable, Mapping, Sequence
from urllib.parse import urlsplit

from ..model import MONTHS, DatePrecision, PlacePrecision
from .context import Brief, BriefRow, EvidenceLine
from .mapfig import how_drawn
from .style import party_colours, style
from .summary import HeadlineLine, PartyTotal, headline, ordered, party_order
from .world import attribution

__all__ = [
    "ImageRef",
    "EvidenceView",
    "RowView",
    "LineView",
    "TermView",
    "StatusCount",
    "View",
    "build_view",
    "brief_colours",
    "day_label",
    "period_label",
    "figure_range",
    "safe_link",
]

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
KIND_LABELS = {"claim": "Claim", "accusation": "Accusation", "denial": "Denial", "acknowledgment": "Acknowledgment"}
PLACE_NOTES = {
    PlacePrecision.NEAR: "near the place named",
    PlacePrecision.ADMIN2: "known only to its district",
    PlacePrecision.ADMIN1: "known only to its province",
    PlacePrecision.COUNTRY: "known only to its country",
    PlacePrecision.UNKNOWN: "place uncertain",
}
DATE_NOTES = {
    DatePrecision.WEEK: "dated only to the week",
    DatePrecision.MONTH: "dated only to the month",
    DatePrecision.YEAR: "dated only to the year",
    DatePrecision.UNKNOWN: "date unknown",
}


@dataclass(frozen=True)
class ImageRef:
    """A picture as a template shows it: ``src`` (a data URI, or a file name beside a Markdown file), its text."""

    src: str
    alt: str
    width: int  # pixels
    height: int


@dataclass(frozen=True)
class EvidenceView:
    """An evidence sentence as printed: its kind, the quote, who says it, the outlet and a link (http/https only)."""

    kind: str
    kind_label: str
    quote: str
    source: str
    outlet: str
    link: str | None  # the report's URL when it is an http(s) URL: only these become links
    url_text: str | None  # any other URL, shown as text, never as a link
    report_id: str


@dataclass(frozen=True)
class RowView:
    """One numbered row as printed (``row`` is the :class:`BriefRow` itself)."""

    number: int
    row: BriefRow
    status_label: str
    colour: str
    date: str
    date_note: str
    place: str
    place_note: str
    drawn: str  # how the map draws it: point, area, country or none
    what: str
    term: str
    accused: str
    accusers: str
    figures: tuple[str, ...]
    killed: str
    grade: str
    flags: tuple[str, ...]
    evidence: tuple[EvidenceView, ...]
    reason: str


@dataclass(frozen=True)
class TermView:
    """A term of the agreement that a row may breach: its reference and text, listed once under the table."""

    ref: str
    text: str


@dataclass(frozen=True)
class LineView:
    """One headline line: a party's possible violations and killed, now and in the previous period."""

    party: str
    colour: str
    now: int
    before: int
    change: str
    killed_now: str
    killed_before: str


@dataclass(frozen=True)
class StatusCount:
    """How many incidents of the period (and of the one before) have a status."""

    status: str
    label: str
    colour: str
    now: int
    before: int


@dataclass(frozen=True)
class View:
    """The template context of a brief (see ``docs/brief.md``, "Template context")."""

    title: str
    agreement_name: str
    agreement_id: str
    in_force: str
    period: str
    previous_period: str
    generated_on: str
    summary: str
    headline: tuple[LineView, ...]
    status_counts: tuple[StatusCount, ...]
    violations: tuple[RowView, ...]
    terms: tuple[TermView, ...]  # the terms the possible violations may breach, in the order first cited
    unattributed: tuple[RowView, ...]
    others: tuple[RowView, ...]
    unmapped: tuple[RowView, ...]
    undated: tuple[RowView, ...]  # counted rows the daily chart leaves out (first day not in the period)
    map: ImageRef
    daily: ImageRef
    attribution: str
    running: str  # the line at the foot of every PDF page


def day_label(d: date, *, weekday: bool = False, year: bool = True, short: bool = False) -> str:
    """``13 September 2016`` (``Tue 13 September 2016`` with ``weekday``, ``13 Sep`` ``short``); no locale is read."""
    text = f"{d.day} {MONTHS[d.month - 1][: 3 if short else None]}" + (f" {d.year}" if year else "")
    return f"{WEEKDAYS[d.weekday()]} {text}" if weekday else text


def period_label(first: date, last: date, *, short: bool = False) -> str:
    """``12–18 September 2016``, ``29 August – 4 September 2016``, or both dates in full (``short``: ``Sep``)."""
    if first == last:
        return day_label(first, short=short)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{day_label(last, short=short)}"
    if first.year == last.year:
        return f"{day_label(first, year=False, short=short)} – {day_label(last, short=short)}"
    return f"{day_label(first, short=short)} – {day_label(last, short=short)}"


def _moment(value: date | datetime) -> str:
    if isinstance(value, datetime):
        text = f"{day_label(value.date())}, {value:%H:%M}"
        offset = value.strftime("%z")
        return text + (f" (UTC{offset[:3]}:{offset[3:]})" if offset else "")
    return day_label(value)


def figure_range(low: int | None, high: int | None) -> str:
    """``6–9``, ``6``, ``12+`` (no upper bound), ``up to 9``, or ``—`` (no figure)."""
    if low is None and high is None:
        return "—"
    if high is None:
        return f"{low}+"
    if low is None:
        return f"up to {high}"
    return str(low) if low == high else f"{low}–{high}"


def _total(t: PartyTotal) -> str:
    if not t.incidents:
        return "—"
    text = figure_range(t.killed_low, t.killed_high) if t.incidents > t.unknown else "—"
    if t.unknown:
        text += f" ({t.unknown} without a figure)"
    return text


def safe_link(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL, else ``None``: nothing else becomes a link."""
    if not url:
        return None
    parts = urlsplit(url)
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc and url == url.strip() else None


def _date(row: BriefRow) -> tuple[str, str]:
    w = row.when
    if w.start is None:
        return "date unknown", ""
    if w.precision is DatePrecision.DAY:
        if w.end is None or w.end == w.start:
            return day_label(w.start, weekday=True, short=True), ""
        return period_label(w.start, w.end, short=True), "between these days"
    if w.precision is DatePrecision.MONTH:
        return f"{MONTHS[w.start.month - 1]} {w.start.year}", DATE_NOTES[w.precision]
    if w.precision is DatePrecision.YEAR:
        return str(w.start.year), DATE_NOTES[w.precision]
    span = period_label(w.start, w.end, short=True) if w.end is not None else day_label(w.start, short=True)
    return span, DATE_NOTES.get(w.precision, "")


def _place(row: BriefRow) -> tuple[str, str]:
    p = row.place
    if p is None:
        return "place unknown", ""
    if p.precision is PlacePrecision.COUNTRY:
        parts = [p.name]
    else:
        parts = [p.name] + [x for x in (p.admin1, p.country) if x and x != p.name]
    note = PLACE_NOTES.get(p.precision, "")
    if how_drawn(row) == "none":
        note = (note + "; " if note else "") + "not on the map"
    return ", ".join(parts), note


def _figures(row: BriefRow) -> tuple[str, ...]:
    by_source: dict[str, list[str]] = {}
    for f in row.figures:
        by_source.setdefault(f.source, []).append(f"{f.kind} {figure_range(f.min, f.max)}")
    return tuple(f"{source}: {', '.join(items)}" for source, items in by_source.items())


def _evidence(e: EvidenceLine) -> EvidenceView:
    link = safe_link(e.url)
    return EvidenceView(e.kind, KIND_LABELS[e.kind], e.quote, e.source or "", e.outlet or "", link,
                        e.url if e.url and link is None else None, e.report_id)


def _terms(rows: Iterable[BriefRow]) -> tuple[TermView, ...]:
    seen: dict[tuple[str, str], TermView] = {}
    for r in rows:
        if r.term_ref and r.term_text:
            seen.setdefault((r.term_ref, r.term_text), TermView(r.term_ref, r.term_text))
    return tuple(seen.values())


def _row(number: int, row: BriefRow) -> RowView:
    st = style()
    date_text, date_note = _date(row)
    place_text, place_note = _place(row)
    return RowView(
        number=number,
        row=row,
        status_label=st.status_labels[row.status],
        colour=st.status_colours[row.status],
        date=date_text,
        date_note=date_note,
        place=place_text,
        place_note=place_note,
        drawn=how_drawn(row),
        what=row.what,
        term=row.term_ref or row.term_text or "",
        accused=row.accused or "not attributed",
        accusers=", ".join(row.accusers),
        figures=_figures(row),
        killed=figure_range(row.killed_low, row.killed_high),
        grade=row.grade.replace("_", " "),
        flags=tuple(f"{f.type.replace('_', ' ')}: {f.detail}" for f in row.flags),
        evidence=tuple(_evidence(e) for e in row.evidence),
        reason=row.reason,
    )


def _line(line: HeadlineLine, colours: Mapping[str | None, str]) -> LineView:
    change = line.change
    return LineView(
        party=line.party if line.party is not None else "Not attributed",
        colour=colours[line.party],
        now=line.now.incidents,
        before=line.before.incidents,
        change=f"+{change}" if change > 0 else ("±0" if change == 0 else f"−{-change}"),
        killed_now=_total(line.now),
        killed_before=_total(line.before),
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _summary(brief: Brief, lines: Sequence[HeadlineLine]) -> str:
    named = [x for x in lines if x.party is not None]
    now = sum(x.now.incidents for x in named)
    before = sum(x.before.incidents for x in named)
    text = (f"{_plural(now, 'possible violation')} in {period_label(brief.period_from, brief.period_to)}, "
            f"against {before} in the {_plural(brief.days, 'day')} before.")
    accused = [f"{x.party} {x.now.incidents}" for x in named if x.now.incidents]
    if accused:
        text += " Accused: " + "; ".join(accused) + "."
    unattributed = next((x for x in lines if x.party is None), None)
    if unattributed is not None:
        text += f" {_plural(unattributed.now.incidents, 'incident')} could not be attributed " \
                f"(previous period: {unattributed.before.incidents})."
    return text


def brief_colours(brief: Brief) -> dict[str | None, str]:
    """Each accused party's colour, the same in the headline and the chart (over both periods)."""
    return party_colours(party_order(brief.parties, [*brief.rows, *brief.previous_rows]))


def build_view(brief: Brief, map_image: ImageRef, daily_image: ImageRef, *, undated: Sequence[BriefRow] = ()) -> View:
    """The context the templates render: ``brief`` worded, its rows numbered, and its two pictures."""
    st = style()
    numbered = [_row(i, r) for i, r in enumerate(ordered(brief.rows), 1)]
    lines = headline(brief.parties, brief.rows, brief.previous_rows)
    colours = brief_colours(brief)
    period = period_label(brief.period_from, brief.period_to)
    in_force = f"in force from {_moment(brief.agreement_start)}"
    in_force += f" to {_moment(brief.agreement_end)}" if brief.agreement_end is not None else ", no end date"
    counts = tuple(
        StatusCount(s, st.status_labels[s], st.status_colours[s], sum(r.status == s for r in brief.rows),
                    sum(r.status == s for r in brief.previous_rows))
        for s in st.status_labels
    )
    undated_ids = {r.incident_id for r in undated}
    return View(
        title=f"Situation brief: {brief.agreement_name}",
        agreement_name=brief.agreement_name,
        agreement_id=brief.agreement_id,
        in_force=in_force,
        period=period,
        previous_period=period_label(brief.previous_from, brief.previous_to),
        generated_on=day_label(brief.generated_on),
        summary=_summary(brief, lines),
        headline=tuple(_line(x, colours) for x in lines),
        status_counts=counts,
        violations=tuple(r for r in numbered if r.row.status == "possible_violation"),
        terms=_terms(r.row for r in numbered if r.row.status == "possible_violation"),
        unattributed=tuple(r for r in numbered if r.row.status == "unattributed"),
        others=tuple(r for r in numbered if r.row.status in ("permitted", "out_of_scope")),
        unmapped=tuple(r for r in numbered if r.drawn == "none"),
        undated=tuple(r for r in numbered if r.row.incident_id in undated_ids),
        map=map_image,
        daily=daily_image,
        attribution=f"Country outlines: {attribution()}.",
        running=f"Situation brief · {brief.agreement_id} · {period} · issued {day_label(brief.generated_on)}",
    )
