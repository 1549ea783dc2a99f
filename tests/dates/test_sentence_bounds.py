"""``sentence_bounds`` reads only the text near an expression, and finds what reading the whole text finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ceasefire.dates.context import _ABBREVIATION, _BOUNDARY, sentence_bounds
from tests.bigtexts import prose


def _whole(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds found by reading the text from its start and to its end."""
    left = 0
    for m in _BOUNDARY.finditer(text, 0, start):
        if not _ABBREVIATION.search(text[max(0, m.start() - 12):m.start()]):
            left = m.end()
    right = len(text)
    for m in _BOUNDARY.finditer(text, end):
        if not _ABBREVIATION.search(text[max(0, m.start() - 12):m.start()]):
            right = m.start()
            break
    return left, right


PIECES = ["Police said. ", "Mr. Smith left", " on Friday", ". ", "\n\n", "x" * 700, "; ", "Gen. ", "It rained",
          "? ", "7 Jan. ", "\"Yes.\" ", "A", " "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40), st.data())
def test_the_bounds_are_those_of_the_whole_text(parts: list[str], data: st.DataObject) -> None:
    text = "".join(parts)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert sentence_bounds(text, start, end) == _whole(text, start, end)


def test_the_bounds_in_long_prose_are_those_of_the_whole_text() -> None:
    text = prose(40_000, seed=8, paragraphs=False)
    for at in range(0, len(text), 997):
        assert sentence_bounds(text, at, at) == _whole(text, at, at)
