"""Denials of responsibility (the ceasefire_denials component): who denies, and what."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def denials(extractor, text: str) -> list[tuple[str, str | None, str | None]]:
    doc = extractor.nlp(text)
    out = []
    for span in doc.spans["cf_denials"]:
        d = span._.cf_denial
        who = doc.text[d.denier[0] : d.denier[1]] if d.denier else None
        what = doc.text[d.denied[0] : d.denied[1]] if d.denied else None
        out.append((d.cue, who, what))
    return out


def test_denial_verb(extractor) -> None:
    ((cue, who, what),) = denials(extractor, "The defence ministry denied that its jets had struck the market.")
    assert cue == "deny" and who == "The defence ministry" and "struck the market" in what


def test_denial_phrase_under_a_speech_verb(extractor) -> None:
    ((cue, who, what),) = denials(extractor, "The coalition said it would not intentionally strike army positions.")
    assert cue == "would not intentionally" and who == "The coalition" and "strike army positions" in what


def test_rejected_claims(extractor) -> None:
    ((cue, who, _),) = denials(extractor, "Rebel commanders rejected the claims on Sunday.")
    assert cue == "reject" and who == "Rebel commanders"


def test_no_denial(extractor) -> None:
    assert denials(extractor, "Jets struck the market on Friday, killing 12 people.") == []
