"""Words that set a sentence's event apart from those its report told before it (nlp.apart), and what the
mentions make of them (nlp.records): another event, dated from the one told before when a distance is told."""

from __future__ import annotations

import pytest

from .conftest import make_report

pytestmark = pytest.mark.model


def cue(extractor, text: str):
    from ceasefire.nlp.apart import apart_in

    doc = extractor.nlp(text)
    (sent,) = list(doc.sents)
    found = apart_in(sent)
    if found is None:
        return None
    offset = text[found.offset[0] : found.offset[1]] if found.offset else None
    return found.cue, text[found.start : found.end], offset


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Separately, a mortar round hit a school in Vellmar, wounding two pupils.", "separate"),
        ("Elsewhere, militiamen torched a granary outside Oskel.", "separate"),
        ("In another attack, raiders shot dead three herders near Tarsk.", "separate"),
        ("Meanwhile, in Drosk, police fired tear gas at a crowd of traders.", "separate"),
        ("The convoy had come under fire near Tirsa a week earlier, when six guards died.", "earlier"),
        ("On the previous day, militiamen burned three houses in Karvi.", "earlier"),
    ],
)
def test_cues_that_open_another_event(extractor, text, expected) -> None:
    found = cue(extractor, text)
    assert found is not None and found[0] == expected and found[1] == text


@pytest.mark.parametrize(
    "text",
    [
        "Meanwhile, the ministry of the interior said the toll had risen.",
        "The grenade exploded by the door, then masked men opened fire on the guards.",
        "Police said on Friday that both guards had died of their wounds the day before.",
        "The toll climbed to 30, up from 25 a day earlier.",
        "Raiders returned to the hamlet they had looted a week earlier and shot five men.",
        "Masked men stormed the depot two days before voters went to the polls.",
    ],
)
def test_no_cue_for_one_story_told_on(extractor, text) -> None:
    assert cue(extractor, text) is None


def test_a_definite_event_that_came_some_time_after_another(extractor) -> None:
    text = "The raid came two days after insurgents killed three soldiers near Oskel."
    kind, part, offset = cue(extractor, text)
    assert kind == "earlier" and part.startswith("after insurgents") and offset == "two days after"
    assert cue(extractor, "The shelling came a week after the truce took hold.")[0] == "earlier"
    assert cue(extractor, "The report came two days after insurgents killed three soldiers near Oskel.") is None


def test_a_distance_after_a_time_of_the_sentence_counts_from_that_time(extractor) -> None:
    text = "Troops were sent to Marvel on Friday, two days after raiders shot dead four herders there."
    kind, part, offset = cue(extractor, text)
    assert kind == "earlier" and part.startswith("after raiders") and offset == "two days after"
    ms = _mentions(extractor, text)
    (base,) = [t for m in ms for t in m.timexes if t.base]
    assert base.text == "Friday"


def _mentions(extractor, text: str):
    return extractor.extract([make_report(text)])[0]


def test_the_older_event_after_came_is_a_mention_of_its_own(extractor) -> None:
    ms = _mentions(
        extractor,
        "At least nine villagers died on Tuesday when a drone hit a market in Varnholt, elders said. "
        "The strike came a day after clashes between the guard and the militia in nearby Pellow left "
        "three guards dead, an officer said.",
    )
    older = next(m for m in ms if "earlier" in m.cues)
    others = [m for m in ms if m is not older]
    assert {(c.kind.value, c.figure.min) for c in older.claims} == {("killed", 3)}
    assert any(("killed", 9) in {(c.kind.value, c.figure.min) for c in m.claims} for m in others)
    (offset,) = [t for t in older.timexes if t.offset]
    assert offset.text == "a day after"
    assert not any(t.text == "on Tuesday" for t in older.timexes)


def test_a_claim_told_a_week_earlier_starts_a_mention_with_its_own_type(extractor) -> None:
    ms = _mentions(
        extractor,
        "Insurgents killed 23 traders in a raid on a market in Kessa over the weekend, the governor said. "
        "Kessa, near the river crossing, had been the scene of an attack a week earlier in which "
        "seven guards were killed.",
    )
    assert len(ms) == 2
    lead, older = ms
    assert lead.sub_event_type == "Attack" and [c.figure.min for c in lead.claims] == [23]
    assert older.cues == ("earlier",) and [c.figure.min for c in older.claims] == [7]


def test_the_last_event_before_is_an_older_one(extractor) -> None:
    assert cue(extractor, "The last major raid by the group was in March, leaving 14 dead near Oskel.")[0] == "earlier"
    assert cue(extractor, "The previous attack on the depot killed five guards.")[0] == "earlier"
    assert cue(extractor, "The raid lasted until the last minute of the night.") is None
    ms = _mentions(
        extractor,
        "At least 20 people were killed on Sunday when rebels attacked a school in the town of Varn. "
        "Some pupils were kidnapped, a teacher said. "
        "The last major raid by the rebels was in March, leaving 14 dead near Oskel.",
    )
    assert [[c.figure.min for c in m.claims] for m in ms] == [[20], [14]]
    assert ms[1].cues == ("earlier",)


def test_a_marker_sets_its_mention_apart(extractor) -> None:
    ms = _mentions(
        extractor,
        "An air strike on a shelter in Dorvan killed 30 people on Sunday, medics said. "
        "Separately, at least eight people were killed in an air strike on a mosque in Dorvan, "
        "rescuers said.",
    )
    assert [m.cues for m in ms] == [(), ("separate",)]
    assert [[c.figure.min for c in m.claims] for m in ms] == [[30], [8]]


def test_the_parts_of_one_attack_stay_one_mention(extractor) -> None:
    ms = _mentions(
        extractor,
        "A car bomb exploded outside a barracks in Leddin on Monday, then gunmen stormed the compound, "
        "killing six soldiers.",
    )
    assert all(not m.cues for m in ms)
