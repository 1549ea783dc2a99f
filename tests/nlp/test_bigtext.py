"""Big texts: bounded segments, mentions that store their own sentences, offsets that hold across segments.

The texts are invented by ``tests/bigtexts.py`` (seeded); timings are in ``bench/bigtext.py``.
"""

from __future__ import annotations

import tracemalloc

import pytest

from ceasefire.model import Mention
from ceasefire.nlp.records import CONTEXT_PLACES
from ceasefire.nlp.segments import MAX_SEGMENT_CHARS, report_segments
from ceasefire.nlp.statements import Statements
from tests.bigtexts import prose

from .conftest import make_report

SENTENCE = 600  # no invented sentence is near this long


def _pieces_cover(text: str, limit: int) -> list:
    segs = report_segments(make_report(text), limit=limit)
    assert all(len(s.text) <= limit for s in segs)
    assert "".join(s.text for s in segs) == text  # in order, nothing lost, nothing twice
    assert all(text[s.offset : s.offset + len(s.text)] == s.text for s in segs)
    return segs


def test_a_text_without_breaks_is_cut_at_sentence_ends() -> None:
    text = prose(60_000, seed=3, paragraphs=False)
    segs = _pieces_cover(text, 5_000)
    assert len(segs) >= 12
    for s in segs[:-1]:
        assert s.text.rstrip()[-1] in '.!?"', s.text[-40:]  # ends a sentence
        assert len(s.text) >= 2_500  # no needlessly short piece


def test_a_text_with_paragraphs_is_cut_at_paragraph_breaks() -> None:
    text = prose(60_000, seed=4)
    for s in _pieces_cover(text, 5_000)[:-1]:
        assert s.text.endswith("\n\n")


def test_a_text_without_sentence_ends_or_spaces_is_still_cut() -> None:
    _pieces_cover("x" * 25_001, 1_000)
    _pieces_cover(("word " * 5_000).strip(), 1_000)


def _peak(text: str) -> int:
    report = make_report(text)
    tracemalloc.start()
    try:
        report_segments(report)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_splitting_takes_memory_in_proportion_to_the_text() -> None:
    for size in (500_000, 2_000_000):
        text = prose(size, seed=5, paragraphs=False)
        assert _peak(text) < 4 * len(text)  # the body and its pieces, once each; nothing per pair of anything


def _quotes_hold(text: str, mentions: list[Mention]) -> None:
    for m in mentions:
        evidence = [m.trigger, *(c.evidence for c in m.claims), *(t.evidence for t in m.toponyms),
                    *(t.evidence for t in m.timexes), *(t.evidence for t in m.context_toponyms)]
        for e in evidence:
            assert e.field == "text" and text[e.start : e.end] == e.quote
            assert len(e.quote) <= SENTENCE  # a sentence at most, never a paragraph


@pytest.fixture(scope="module")
def long_flat() -> str:
    return prose(3 * MAX_SEGMENT_CHARS + 4_000, seed=6, paragraphs=False)


@pytest.mark.model
def test_mentions_of_a_long_text_without_breaks_store_their_own_sentences(extractor, long_flat: str) -> None:
    (mentions,) = extractor.extract([make_report(long_flat)])
    assert len(mentions) > 40
    _quotes_hold(long_flat, mentions)
    assert max(m.trigger.start for m in mentions) > 3 * MAX_SEGMENT_CHARS  # offsets hold past the segments
    assert all(len(m.context_toponyms) <= 2 * CONTEXT_PLACES for m in mentions)
    assert all(len({(t.name, t.context, t.within) for t in m.context_toponyms}) == len(m.context_toponyms)
               for m in mentions)


def _claims(mentions: list[Mention]) -> list[tuple]:
    found = sorted((c for m in mentions for c in m.claims), key=lambda c: (c.evidence.start, c.kind.value))
    return [(c.evidence.start, c.evidence.end, c.kind.value, c.figure.min, c.figure.max, c.source.name)
            for c in found]


@pytest.mark.model
def test_a_long_text_gives_the_claims_of_its_pieces_read_one_by_one(extractor, long_flat: str) -> None:
    """Each segment read as a report of its own: the same claims, once the repeats of one statement across
    pieces are dropped as the whole report drops them."""
    report = make_report(long_flat)
    (whole,) = extractor.extract([report])
    segs = report_segments(report)
    pieces = [make_report(long_flat, body_start=s.offset, body_end=s.offset + len(s.text)) for s in segs]
    per_piece = extractor.extract(pieces)
    statements = Statements()
    kept = [c for ms in per_piece for c in sorted((c for m in ms for c in m.claims), key=lambda c: c.evidence.start)
            if statements.keep(c)]
    assert _claims(whole) == _claims([Mention("r", "a1", 1, kept[0].evidence, claims=tuple(kept))])
