"""Time cues of a trigger (nlp.background): conflict-level, durative, recalled and generic wording."""

from __future__ import annotations

import pytest

from .conftest import make_report

pytestmark = pytest.mark.model


def cues(extractor, text: str, trigger: str) -> tuple[str, ...]:
    from ceasefire.nlp.components import EVENTS_KEY

    doc = extractor.nlp(text)
    (span,) = [s for s in doc.spans[EVENTS_KEY] if s.text == trigger]
    return span._.cf_event.cues


def mention_cues(extractor, text: str) -> list[tuple[str, ...]]:
    return [m.cues for m in extractor.extract([make_report(text)])[0]]


@pytest.mark.parametrize(
    ("text", "trigger", "cue"),
    [
        ("Northern militias have joined a campaign backed by Varnish jets and foreign air raids.",
         "air raids", "conflict"),
        ("The Zorvan army said its long campaign since May 2 has hit 400 sites and killed dozens of fighters, "
         "including senior rocket commanders.", "rocket", "conflict"),
        ("The heaviest fighting in the Tessel hills for four decades has emptied the valley towns.",
         "fighting", "durative"),
        ("The Red Hand has been fighting the council for more than 12 years, carrying out numerous bombings "
         "in the old port.", "bombings", "durative"),
        ("Only last month a nurse with the relief convoy was killed when a landmine hit her truck.",
         "landmine", "recalled"),
        ("Cattle raiders have troubled the upland districts, raiding farms and kidnapping traders for ransom.",
         "kidnapping", "generic"),
        ("Fighting has raged across two provinces of the Orrin plateau.", "Fighting", "generic"),
        ("The port of Velmar has been shelled almost daily since the invasion began.", "shelled", "durative"),
        ("Raiders have torched farms along the Tessel road since the rebellion started, the council said.",
         "torched", "durative"),
    ],
)
def test_background_wording_gives_its_cue(extractor, text: str, trigger: str, cue: str) -> None:
    assert cue in cues(extractor, text, trigger)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("A drone strike hit a wedding party in the village of Qarel on Tuesday, killing nine guests.",
         "drone strike"),
        ("Gunmen opened fire on a bus near Lemmit on Sunday morning.", "opened fire"),
        ("Shelling has killed 14 civilians in the town of Orsk, the monitor said.", "Shelling"),
        ("The depot, seized by the rebels two years ago, was shelled on Monday night.", "shelled"),
    ],
)
def test_news_has_no_background_cue(extractor, text: str, trigger: str) -> None:
    assert cues(extractor, text, trigger) == ()


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Rebels shelled the river port of Varnok on Sunday, the deadliest day since the truce began in May.",
         "shelled"),
        ("The army carried out the most intense shelling of Kelmar since March on Tuesday, killing four people.",
         "shelling"),
        ("The Orrin air force flew its heaviest air strikes on the plateau since January 9 on Friday.",
         "air strikes"),
        ("It was the heaviest bombardment of the harbour district since January.", "bombardment"),
        ("It was the deadliest bombardment of the harbour since the war began.", "bombardment"),
    ],
)
def test_a_since_that_completes_a_comparison_is_no_period(extractor, text: str, trigger: str) -> None:
    assert "durative" not in cues(extractor, text, trigger)


def test_a_since_without_a_comparison_still_tells_a_period(extractor) -> None:
    text = "Militia gunners have been shelling the Tessel hills since March 15, the monitor said."
    assert "durative" in cues(extractor, text, "shelling")


def test_a_mention_carries_its_cues_but_a_sentence_with_figures_is_no_general_statement(extractor) -> None:
    assert mention_cues(extractor, "Fighting has raged across two provinces of the Orrin plateau.") == [("generic",)]
    assert mention_cues(extractor, "Fighting has killed 30 soldiers across two provinces of the Orrin plateau.") == [()]
