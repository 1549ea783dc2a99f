"""Where a span stands in its text: the sentence around it (pure, for showing a trigger in context)."""

from __future__ import annotations

import re

__all__ = ["sentence_span"]

# a sentence ends at . ! ? (and closing quotes or brackets) followed by white space, or at a line break
_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n")


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The ``(start, end)`` of the sentence holding ``text[start:end]``, trimmed of white space.

    Sentences end at ``.``, ``!`` or ``?`` before white space, and at line breaks; a
    span crossing a sentence end gets every sentence it touches.
    """
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    begin = 0
    for m in _END.finditer(text):
        if m.end() > start:
            break
        begin = m.end()
    stop = len(text)
    after = _END.search(text, max(end, start + 1) - 1 if end > start else end)
    if after is not None:
        stop = after.end() if text[after.start()] != "\n" else after.start()
    while begin < start and text[begin].isspace():
        begin += 1
    while stop > end and text[stop - 1].isspace():
        stop -= 1
    return begin, stop
