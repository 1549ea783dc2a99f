"""The texts of a report that the pipeline reads, and where they stand in the article.

Pure: a :class:`Segment` is a piece of one article field (``text`` or
``title``) with its offset, plus the text the model is given (a same-length
sentence-case copy when the piece is upper-case wire text).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Report
from .casing import is_mostly_upper, sentence_case

__all__ = ["Segment", "report_segments", "MAX_SEGMENT_CHARS"]

MAX_SEGMENT_CHARS = 100_000


@dataclass(frozen=True)
class Segment:
    field: str  # "text" or "title" of the input article
    offset: int  # where ``text`` starts in that field
    text: str  # the original characters: quotes are cut from here
    model_text: str  # what the pipeline reads; same length as ``text``
    headline: bool = False


def _segment(field: str, offset: int, text: str, headline: bool) -> Segment:
    model_text = sentence_case(text) if is_mostly_upper(text) else text
    return Segment(field, offset, text, model_text, headline)


def _chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """``text`` cut at paragraph breaks into pieces of at most ``limit`` characters (where it can be)."""
    if len(text) <= limit:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            cut = text.rfind("\n\n", start, end)
            if cut <= start:
                cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            end = cut if cut > start else end
        out.append((start, text[start:end]))
        start = end
    return out


def report_segments(report: Report, limit: int = MAX_SEGMENT_CHARS) -> list[Segment]:
    """Headline first (unless it stands inside the body), then the body in chunks."""
    segs: list[Segment] = []
    head = report.headline
    if head is not None and head.quote.strip():
        inside_body = head.field == "text" and report.body_start <= head.start and head.end <= report.body_end
        if not inside_body:
            segs.append(_segment(head.field, head.start, head.quote, headline=True))
    for start, end in _prose(report):
        for off, chunk in _chunks(report.article.text[start:end], limit):
            if chunk.strip():
                segs.append(_segment("text", start + off, chunk, headline=False))
    return segs


def _prose(report: Report) -> list[tuple[int, int]]:
    """The body's spans without its dateline ("(September 17, 2016) —" is no prose)."""
    a, b = report.body_start, report.body_end
    d0, d1 = report.dateline_start, report.dateline_end
    if d0 is None or d1 is None or not (a <= d0 <= d1 <= b):
        return [(a, b)]
    return [(x, y) for x, y in ((a, d0), (d1, b)) if y > x]
