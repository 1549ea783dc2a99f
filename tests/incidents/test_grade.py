"""Grades count a report and its copies once (the tally's voices and independent reports), hand-built mentions."""

from __future__ import annotations

from dataclasses import replace

from tests.factories import claim, mention

from ceasefire.incidents import build_incidents
from ceasefire.incidents.grade import speakers
from ceasefire.incidents.tally import tally_of
from ceasefire.model import Mention, Original, SourceType

QUOTE = "At least 12 people were killed"


def _voice(doc: str, outlet: str) -> Mention:
    """A report of ``outlet`` in its own voice, with the wire's sentence."""
    return mention(doc, claims=(claim(lo=12, hi=None, source=outlet, stype=SourceType.OUTLET, quote=QUOTE),))


def _monitor(doc: str) -> Mention:
    return mention(doc, claims=(claim(lo=12, hi=None, source="Kharbek Monitor", stype=SourceType.MONITOR),))


def _copy(m: Mention, of: Mention) -> Mention:
    return replace(m, copy_of=Original(of.report_key, of.article_id, of.part))


def _one(ms: list[Mention]):
    (inc,) = build_incidents(ms)
    return inc


def test_a_report_and_its_copies_count_as_one_report_and_their_outlets_as_one_voice() -> None:
    a, b, c = _voice("a", "Wire One"), _voice("b", "Evening Lantern"), _voice("c", "Valley Post")
    copies = tally_of([a, _copy(b, a), _copy(c, a)])
    assert copies.independent == (a.report_key,) and copies.claims == 3  # every claim is kept
    assert speakers(copies) == 1
    apart = tally_of([a, b, c])
    assert len(apart.independent) == 2 and speakers(apart) == 3


def test_a_carrier_s_voice_is_named_after_an_outlet_counted_elsewhere_in_the_incident() -> None:
    a, b = _voice("a", "Wire One"), _voice("b", "Evening Lantern")
    own = mention("d", claims=(claim(lo=12, hi=None, source="Wire One", stype=SourceType.OUTLET,
                                     quote="Twelve died in the market"),))
    assert speakers(tally_of([a, _copy(b, a), own])) == 1
    assert _one([a, _copy(b, a), own]).grade == _one([a, own]).grade == "weak"


def test_a_copy_without_the_original_s_headline_keeps_the_grade() -> None:
    health = claim(lo=12, hi=None, source="regional health office", stype=SourceType.MEDICAL)
    headline = claim(lo=12, hi=12, source="Wire One", stype=SourceType.OUTLET, quote="Shells kill 12")
    line, text_file = mention("a", claims=(headline, health)), mention("b", claims=(health,))
    assert _one([line]).grade == "fair"  # a named claimant beside the outlet's own headline
    assert _one([line, _copy(text_file, line)]).grade == "fair"
    assert _one([_copy(line, text_file), text_file]).grade == "fair"


def test_two_outlets_carrying_one_wire_story_word_for_word_do_not_raise_the_grade() -> None:
    a, b = _voice("a", "Wire One"), _voice("b", "Evening Lantern")
    assert _one([a]).grade == "single_source"
    assert _one([a, b]).grade == "fair"  # unknown as copies: two outlets' names
    assert _one([a, _copy(b, a)]).grade == "single_source"


def test_a_documenter_carried_twice_is_not_several_reports() -> None:
    a, b = _monitor("a"), _monitor("b")
    assert _one([a, b]).grade == "fair"  # one documenter, two reports
    assert _one([a, _copy(b, a)]).grade == "single_source"


def test_another_article_on_the_same_event_raises_the_grade_as_before() -> None:
    a, b = _monitor("a"), _copy(_monitor("b"), _monitor("a"))
    other = mention("c", claims=(claim(lo=14, hi=None, source="district hospital", stype=SourceType.MEDICAL),))
    assert _one([a, b]).grade == "single_source"
    assert _one([a, b, other]).grade == "confirmed"
    assert _one([a, b, other]).grade == _one([a, other]).grade


def test_which_arrived_first_does_not_change_figures_or_grade() -> None:
    a, b = _voice("a", "Wire One"), _voice("b", "Evening Lantern")
    other = mention("c", claims=(claim(lo=14, hi=14, source="district hospital", stype=SourceType.MEDICAL),))
    first_a = _one([a, _copy(b, a), other])
    first_b = _one([_copy(a, b), b, other])
    assert first_a.grade == first_b.grade == _one([a, other]).grade
    assert first_a.figures == first_b.figures
    assert first_a.id == first_b.id


def test_a_copy_whose_original_is_elsewhere_still_counts_once() -> None:
    a = _voice("a", "Wire One")
    b, c = _copy(_voice("b", "Evening Lantern"), a), _copy(_voice("c", "Valley Post"), a)
    tally = tally_of([b, c])  # the original's mention is in another incident
    assert tally.independent == (a.report_key,) and speakers(tally) == 1
    assert _one([b, c]).grade == "single_source"
