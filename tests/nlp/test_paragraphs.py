"""Sentence starts at line breaks (the ceasefire_paragraphs component)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def starts(extractor, text: str) -> list[str]:
    return [s.text.strip().split()[0] for s in extractor.nlp(text).sents if s.text.strip()]


def test_time_stamp_line_over_a_paragraph(extractor) -> None:
    text = (
        "Tue 3 Jun 2031 08:40 GMT\n"
        "Four farmers were killed when a shell hit the grain store outside the village on Tuesday morning."
    )
    assert starts(extractor, text)[-1] == "Four"


def test_long_paragraph_without_full_stop(extractor) -> None:
    first = (
        "After three weeks of fighting along the river and with relief convoys stuck at the pass "
        "for a fifth day running"
    )
    text = first + "\nThe ministry said on Friday that its troops had withdrawn."
    assert starts(extractor, text) == ["After", "The"]


def test_wrapped_lines_and_headlines_stay_joined(extractor) -> None:
    wrapped = (
        "THE MAYOR OF THE TOWN, WHO WAS KIDNAPPED ON 5 JANUARY BY A GROUP OF ARMED MEN, WAS\n"
        "FOUND DEAD TODAY IN THE OUTSKIRTS OF THE CITY, ACCORDING TO THE LOCAL AUTHORITIES."
    )
    assert len(starts(extractor, wrapped)) == 1
    assert len(starts(extractor, "Jets Kill Dozens of\nSyrian Soldiers: Monitor")) == 1
