"""An Article -> its Reports: a compilation page is split where reports start (pure).

A report start is a byline line (``Author Name / Outlet``, ``By Author Name, Outlet``,
``By Author (Outlet)``) preceded by its headline lines (the non-empty lines directly
above it, up to a blank line; a repeated headline counts once) and followed by a
paragraph that opens with a dateline. With two or more starts the text is split,
contiguously: part 1 runs from offset 0 (a page header belongs to it) to where
part 2's headline starts, and so on; otherwise the whole text is one report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..model import Article, Evidence, Report
from .bylines import Byline, parse_byline
from .datelines import Dateline, find_page_date, parse_dateline

__all__ = ["split_reports"]

_LINE = re.compile(r"[^\n]*\n|[^\n]+")
MAX_HEADLINE_LINES = 3
MAX_HEADLINE_CHARS = 160
MAX_HEADER_LINES = 6  # short lines looked at for a page date or a byline when nothing splits
LONG_PARAGRAPH = 200


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # without the line break
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class _Start:
    region_start: int  # where the report's part begins (a repeated headline included)
    headline: Evidence | None
    byline: Byline
    dateline_at: int  # offset of the paragraph that opens with the dateline


def _lines(text: str) -> list[_Line]:
    lines = []
    for match in _LINE.finditer(text):
        body = match.group(0).rstrip("\n").rstrip("\r")
        lines.append(_Line(match.start(), match.start() + len(body), body))
    return lines


def _block_above(lines: list[_Line], index: int) -> tuple[int, int] | None:
    """The run of non-empty lines ending just above ``index`` (blank lines skipped): (first, last)."""
    last = index - 1
    while last >= 0 and lines[last].blank:
        last -= 1
    if last < 0:
        return None
    first = last
    while first > 0 and not lines[first - 1].blank:
        first -= 1
    return first, last


def _headline(text: str, lines: list[_Line], index: int) -> tuple[int, Evidence] | None:
    """(region start, headline Evidence) for the byline at ``lines[index]``, if it has a headline."""
    block = _block_above(lines, index)
    if block is None:
        return None
    first, last = block
    if last - first + 1 > MAX_HEADLINE_LINES * 2:
        return None
    head = [lines[i] for i in range(first, last + 1)]
    region_start = head[0].start
    while len(head) > 1 and head[0].text.strip() == head[1].text.strip():  # "X\nX": counts once
        head.pop(0)
    if len(head) > MAX_HEADLINE_LINES or any(len(h.text.strip()) > MAX_HEADLINE_CHARS for h in head):
        return None
    if head[-1].text.rstrip().endswith("."):
        return None  # the end of a paragraph, not a headline
    above = _block_above(lines, first)
    if above is not None:  # the same headline printed again above, after a blank line
        copy = [lines[i].text.strip() for i in range(above[0], above[1] + 1)]
        if copy == [h.text.strip() for h in head]:
            region_start = lines[above[0]].start
    start, end = head[0].start, head[-1].end
    return region_start, Evidence("text", start, end, text[start:end])


def _next_nonblank(lines: list[_Line], index: int) -> int | None:
    for j in range(index + 1, len(lines)):
        if not lines[j].blank:
            return j
    return None


def _find_starts(text: str, lines: list[_Line]) -> list[_Start]:
    starts: list[_Start] = []
    for i, line in enumerate(lines):
        byline = parse_byline(line.text)
        if byline is None:
            continue
        j = _next_nonblank(lines, i)
        if j is None or parse_dateline(text, lines[j].start) is None:
            continue
        found = _headline(text, lines, i)
        region_start, headline = found if found is not None else (line.start, None)
        if starts and region_start <= starts[-1].dateline_at:
            region_start, headline = line.start, None
        starts.append(_Start(region_start, headline, byline, lines[j].start))
    return starts


def _header_lines(lines: list[_Line]) -> list[_Line]:
    """The short lines at the top of a text, before its first long paragraph."""
    top: list[_Line] = []
    for line in lines:
        if len(line.text) > LONG_PARAGRAPH or len(top) >= MAX_HEADER_LINES * 2:
            break
        top.append(line)
    return [line for line in top if not line.blank][:MAX_HEADER_LINES]


def _first_dateline(text: str, lines: list[_Line], published: date | None) -> Dateline | None:
    """A dateline opening one of the first three paragraphs of an unsplit text."""
    paragraphs = [ln for i, ln in enumerate(lines) if not ln.blank and (i == 0 or lines[i - 1].blank)]
    for line in paragraphs[:3]:
        found = parse_dateline(text, line.start, published)
        if found is not None:
            return found
    return None


def _outlet(byline: Byline | None, dateline: Dateline | None, article: Article) -> str | None:
    """The byline's outlet, else the dateline's "(Reuters)", else the article's outlet.

    A dateline outlet that is the article's own outlet, shortened ("Crossroads" for
    "Crossroads News Agency"), gives way to the article's fuller name.
    """
    if byline is not None and byline.outlet:
        return byline.outlet
    if dateline is not None and dateline.outlet:
        if article.outlet and article.outlet.casefold().startswith(dateline.outlet.casefold()):
            return article.outlet
        return dateline.outlet
    return article.outlet


def _author(article: Article) -> str | None:
    """An author the source named outside the text (HTML metadata, a JSONL ``author`` field)."""
    author = article.extra.get("author")
    return author.strip() or None if isinstance(author, str) else None


def split_reports(article: Article, document_id: str) -> list[Report]:
    """The Reports in ``article``: several for a compilation page, else one. Never empty."""
    text = article.text
    lines = _lines(text)
    starts = _find_starts(text, lines)
    header = text[: starts[0].region_start] if starts else "\n".join(h.text for h in _header_lines(lines))
    published = article.publication_date or find_page_date(header)
    title_headline = (
        Evidence("title", 0, len(article.title), article.title) if article.title else None
    )

    if len(starts) < 2:
        if starts:
            byline: Byline | None = starts[0].byline
            dateline = parse_dateline(text, starts[0].dateline_at, published)
            headline = title_headline or starts[0].headline
        else:
            dateline = _first_dateline(text, lines, published)
            limit = dateline.start if dateline else len(text)
            candidates = (parse_byline(h.text) for h in _header_lines(lines) if h.start < limit)
            byline = next((b for b in candidates if b is not None), None)
            headline = title_headline
        outlet = _outlet(byline, dateline, article)
        return [
            Report(
                article, document_id, 1, 0, len(text), headline=headline, outlet=outlet,
                byline=byline.author if byline else _author(article),
                dateline=dateline.date if dateline else None,
                published=published,
                dateline_start=dateline.start if dateline else None,
                dateline_end=dateline.end if dateline else None,
            )
        ]

    reports = []
    for part, start in enumerate(starts, start=1):
        begin = 0 if part == 1 else start.region_start
        end = starts[part].region_start if part < len(starts) else len(text)
        dateline = parse_dateline(text, start.dateline_at, published)
        assert dateline is not None  # found by _find_starts
        reports.append(
            Report(
                article, document_id, part, begin, end, headline=start.headline,
                outlet=_outlet(start.byline, dateline, article), byline=start.byline.author,
                dateline=dateline.date, published=published,
                dateline_start=dateline.start, dateline_end=dateline.end,
            )
        )
    return reports
