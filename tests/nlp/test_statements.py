"""One claim per statement (nlp/statements.py), pure, and through the pipeline."""

from __future__ import annotations

import pytest

from ceasefire.model import Claim, ClaimKind, Evidence, Quantity, Source, SourceType
from ceasefire.nlp.statements import Statements

from .conftest import claims_of, make_report


def claim(n: int, source: str, victims: str | None = None, field: str = "text", sentence: int = 0) -> Claim:
    return Claim(
        ClaimKind.KILLED,
        Quantity(n, n),
        Source(source, SourceType.UNKNOWN),
        Evidence(field, sentence, sentence + 1, "x"),
        victims,
    )


def test_same_figure_same_source_is_one_statement() -> None:
    s = Statements()
    assert s.keep(claim(9, "the Observatory"))
    assert not s.keep(claim(9, "Observatory"))
    assert s.keep(claim(9, "Police"))  # another source: another claim
    assert s.keep(claim(9, "the Observatory"), headline=True)  # a headline's figure is its own claim


def test_the_same_figure_twice_in_one_sentence_is_two_statements() -> None:
    s = Statements()
    assert s.keep(claim(2, "the ministry"), at=10)
    assert s.keep(claim(2, "the ministry"), at=60)  # another phrase of the same sentence
    assert not s.keep(claim(2, "the ministry", sentence=90), at=95)  # repeated in a later sentence: one statement


@pytest.mark.model
def test_two_strikes_with_the_same_toll_in_one_sentence(extractor) -> None:
    text = (
        "The ministry said a strike on Varna killed six people and wounded three while another strike on Molen "
        "killed two and wounded three."
    )
    claims = claims_of(extractor.extract([make_report(text)])[0])
    assert sorted((c.kind.value, c.figure.min) for c in claims) == [
        ("killed", 2),
        ("killed", 6),
        ("wounded", 3),
        ("wounded", 3),
    ]


def test_two_named_victims_stay_two_claims() -> None:
    s = Statements()
    assert s.keep(claim(1, "Wire", "Ana Silva"))
    assert s.keep(claim(1, "Wire", "Jon Berg"))
    assert not s.keep(claim(1, "Wire", "Silva"))


@pytest.mark.model
def test_repeated_figure_in_a_report(extractor) -> None:
    text = "Police said 14 miners were killed in the blast.\n\nThe 14 miners killed were buried on Sunday, police said."
    claims = claims_of(extractor.extract([make_report(text)])[0])
    assert [(c.figure.min, c.source.name) for c in claims] == [(14, "Police")]
