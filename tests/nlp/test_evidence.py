"""Every claim of every fixture quotes its field exactly: ``article[field][start:end] == quote``."""

from __future__ import annotations

import pytest

from . import test_attribution, test_claims, test_victims
from .conftest import claims_of, make_report

pytestmark = pytest.mark.model


def _texts() -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for module, name in (
        (test_claims, "test_casualty_constructions"),
        (test_victims, "test_victims_without_a_figure"),
        (test_victims, "test_negation_is_a_zero"),
        (test_attribution, "test_claimant_constructions"),
    ):
        marks = getattr(module, name).pytestmark
        params = next(m for m in marks if m.name == "parametrize").args[1]
        out.extend((p[0], None) for p in params)
    out.append(("THE ARMY SAID 14 SOLDIERS WERE KILLED\nAND 9 WOUNDED IN THE AMBUSH NEAR THE BORDER.", None))
    out.append(("Police said three people died in the blast.", "Three killed as bomb hits depot"))
    return out


@pytest.mark.parametrize(("text", "title"), _texts())
def test_every_claim_quotes_its_field(extractor, text: str, title: str | None) -> None:
    rep = make_report(text, title=title)
    claims = claims_of(extractor.extract([rep])[0])
    assert claims
    for c in claims:
        ev = c.evidence
        assert rep.article.field_text(ev.field)[ev.start : ev.end] == ev.quote
