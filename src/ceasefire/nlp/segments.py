"""The texts of a report that the pipeline reads, and where they stand in the article.

Pure: a :class:`Segment` is a piece of one article field (``text`` or
``title``) with its offset, plus the text the model is given (a same-length
sentence-case copy when the piece is upper-case wire text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Report
from .casing import is_mostly_upper, sentence_case

__all__ = ["Segment", "report_segments", "MAX_SEGMENT_CHARS"]

# A segment is parsed as one Doc: this bounds the memory a Doc takes and the cost of every walk over one.
# No development report is this long, so a report of ordinary length is read as one piece.
MAX_SEGMENT_CHARS = 10_000


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


# A sentence's end: its closing mark (and quote or bracket), the white space after it, the next one's start.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")


def _cut(text: str, start: int, end: int) -> int:
    """Where to end the piece ``text[start:end]``: after its last paragraph break, else (in its second half,
    so that no piece is needlessly short) its last line break, sentence end or space, else at ``end``. The
    piece after it starts where the next paragraph, line or sentence does."""
    half = start + (end - start) // 2
    at = text.rfind("\n\n", start, end)
    if at > start:
        return at + 2
    at = text.rfind("\n", half, end)
    if at > start:
        return at + 1
    ends = [m.end() for m in _SENTENCE_END.finditer(text, half, end)]
    if ends:
        return ends[-1]
    at = text.rfind(" ", half, end)
    return at + 1 if at > start else end


def _chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """``text`` cut into pieces of at most ``limit`` characters, at paragraph breaks where it has them, else at
    line breaks, sentence ends or spaces (``_cut``): each piece costs the parser a bounded amount of time and
    memory, whatever the length of the text."""
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            end = _cut(text, start, end)
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


_BYLINE_LINE = 80  # a line this short that holds the byline is the byline, not prose


def _prose(report: Report) -> list[tuple[int, int]]:
    """The body's spans without its dateline ("(September 17, 2016) —") and byline line ("Jo Doe / Wire"): no
    prose, and a headline above them must not be read as one sentence with them."""
    a, b = report.body_start, report.body_end
    cuts = []
    d0, d1 = report.dateline_start, report.dateline_end
    if d0 is not None and d1 is not None and a <= d0 <= d1 <= b:
        cuts.append((d0, d1))
    line = _byline_line(report)
    if line is not None:
        cuts.append(line)
    spans, at = [], a
    for c0, c1 in sorted(cuts):
        if c0 >= at:
            spans.append((at, c0))
            at = c1
    spans.append((at, b))
    return [(x, y) for x, y in spans if y > x]


def _byline_line(report: Report) -> tuple[int, int] | None:
    """The body line that holds the report's byline, when it is short enough to be only that."""
    if not report.byline:
        return None
    text = report.article.text
    at = text.find(report.byline, report.body_start, report.body_end)
    if at < 0:
        return None
    newline = text.rfind("\n", report.body_start, at)
    start = newline + 1 if newline >= 0 else report.body_start
    end = text.find("\n", at, report.body_end)
    end = report.body_end if end < 0 else end
    if end - start > _BYLINE_LINE or (report.dateline_start is not None and start <= report.dateline_start < end):
        return None
    return start, end
