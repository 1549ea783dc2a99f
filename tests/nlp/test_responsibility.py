"""Statements about responsibility: denials, acknowledgments, accusations, attached to their event."""

from __future__ import annotations

from ceasefire.model import StatementKind
from tests.nlp.conftest import make_report


def _statements(extractor, text):
    (mentions,) = extractor.extract([make_report(text)])
    return [(m.sub_event_type, s) for m in mentions for s in m.statements]


def test_denial_with_its_speaker(extractor):
    text = ("Warplanes bombed a market in the town of Ariha on Monday, killing 12 people. "
            "The defence ministry denied that its jets had struck the market.")
    ((sub, s),) = _statements(extractor, text)
    assert s.kind is StatementKind.DENIAL and "ministry" in s.source.name.lower()
    assert text[s.evidence.start:s.evidence.end] == s.evidence.quote
    assert sub == "Air/drone strike"


def test_acknowledgment_hedged_or_not(extractor):
    text = ("A drone strike hit a wedding party near the village on Friday, killing 9 guests. "
            "The army expressed regret for the deaths. "
            "Officials said the drone may have hit the wrong house.")
    got = [s for _, s in _statements(extractor, text)]
    kinds = [(s.kind, s.hedged) for s in got]
    assert (StatementKind.ACKNOWLEDGMENT, False) in kinds
    assert (StatementKind.ACKNOWLEDGMENT, True) in kinds


def test_accusation(extractor):
    text = ("Shelling killed four civilians in the city on Sunday. "
            "The governor accused rebel forces of shelling residential areas.")
    ((_, s),) = _statements(extractor, text)
    assert s.kind is StatementKind.ACCUSATION and "governor" in s.source.name.lower()


def test_plain_reporting_is_no_statement(extractor):
    text = "Clashes killed five fighters near the border on Tuesday, a monitoring group said."
    assert _statements(extractor, text) == []
