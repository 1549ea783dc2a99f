"""Event typing and status from the parse: context types, non-events, anaphora, report coherence."""

from __future__ import annotations

import pytest

from .conftest import make_report

pytestmark = pytest.mark.model


def mentions(extractor, text: str):
    return extractor.extract([make_report(text)])[0]


def types(extractor, text: str) -> list[str | None]:
    return [m.sub_event_type for m in mentions(extractor, text)]


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Government warplanes bombed the village of Kafr Suda on Tuesday.", "Air/drone strike"),
        ("Ruritanian forces bombed rebel positions in the north on Monday.", "Air/drone strike"),
        ("A bomb exploded outside the post office in Port Leman on Monday.", "Remote explosive/landmine/IED"),
        ("Militants planted a bomb under a bridge near Dalmia on Friday.", "Remote explosive/landmine/IED"),
        ("Rebels shot down an army helicopter over the valley on Sunday.", "Armed clash"),
        ("A gunman shot three shoppers at the market on Sunday.", "Attack"),
        ("Police clashed with protesters in the capital on Monday.", "Violent demonstration"),
        ("Riots broke out in the port city on Friday night.", "Violent demonstration"),
        ("Syrian troops recaptured the town of Kafr Suda on Monday.", "Government regains territory"),
        ("Islamic State fighters seized the town of Kafr Suda on Monday.", "Non-state actor overtakes territory"),
        ("A suicide bomber blew himself up at a checkpoint on Monday.", "Suicide bomb"),
        ("Police arrested six men in Port Leman on Tuesday.", "Arrests"),
        ("A gunman shot a police officer outside the station in Dalmia on Friday.", "Armed clash"),
        ("Police shot a teenager in Port Leman on Saturday night.", "Attack"),
    ],
)
def test_context_types(extractor, text: str, sub_event_type: str) -> None:
    assert types(extractor, text) == [sub_event_type]


@pytest.mark.parametrize(
    "text",
    [
        "The alliance has been flying air strikes over the hills since 2014.",
        "The army said it would never knowingly shell a school.",
        "The militia threatened to bomb the bridge.",
        "Officials discussed a new coordinated bombing campaign.",
        "There were no air strikes in the province on Monday.",
        "If the shelling was a mistake, it was a grave one.",
        "Thousands of people have fled fighting in the border region.",
        "Riot police stood by the parliament.",
        "More than 300 villagers had sheltered in the school from the fighting near their farms.",
    ],
)
def test_no_concrete_event(extractor, text: str) -> None:
    assert mentions(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The Orrin air force flew its heaviest air strikes on the plateau since January 9 on Friday.",
        "Jets bombed the grain market in Dreslo on Friday, the first air strike on the city since 2019.",
    ],
)
def test_a_comparison_since_a_date_is_no_standing_activity(extractor, text: str) -> None:
    assert [m.sub_event_type for m in mentions(extractor, text)] == ["Air/drone strike"]


def test_attributive_trigger_is_no_new_event(extractor) -> None:
    text = "Warplanes hit the base on Monday. Militants overran the bombed army base on Tuesday."
    assert types(extractor, text) == ["Air/drone strike", "Non-state actor overtakes territory"]


def test_a_definite_reference_joins_its_antecedent(extractor) -> None:
    text = (
        "Government warplanes bombed a market in Dalmia on Monday, killing 12 people. "
        "The air strike was condemned by the opposition."
    )
    (m,) = mentions(extractor, text)
    assert m.sub_event_type == "Air/drone strike"


def test_an_untyped_bombing_takes_the_reports_explosive_type(extractor) -> None:
    text = (
        "Military aircraft dropped bombs on a camp in Dalmia on Thursday. "
        "Aid workers said 7 people were killed in Thursday's bombing."
    )
    ms = mentions(extractor, text)
    assert {m.sub_event_type for m in ms} == {"Air/drone strike"}


def test_arrests_in_a_story_of_violence_make_no_mention_of_their_own(extractor) -> None:
    text = "A gunman shot two guards at the bank in Dalmia on Monday. Police arrested the gunman hours later."
    assert types(extractor, text) == ["Attack"]


def test_perpetrator_from_the_trigger_modifier(extractor) -> None:
    (m,) = mentions(extractor, "Israeli air strikes hit a house in Khan Younis on Monday.")
    perp = next(r.actor for r in m.actors if r.role == "perpetrator")
    assert (perp.name, perp.type, perp.country) == ("Israel Defense Forces", "state", "IL")


def test_a_recalled_event_keeps_its_own_claims_but_not_the_next_ones(extractor) -> None:
    text = (
        "Militia shelling hit a school in Dalmia on Monday, killing 9 pupils. "
        "In an earlier air strike, three farmers were killed. "
        "Doctors said 4 more pupils died overnight."
    )
    ms = mentions(extractor, text)
    shelling = next(m for m in ms if m.sub_event_type == "Shelling/artillery/missile attack")
    air = next(m for m in ms if m.sub_event_type == "Air/drone strike")
    assert sorted(c.figure.min for c in shelling.claims) == [4, 9]
    assert [c.figure.min for c in air.claims] == [3]


def test_a_definite_reference_skips_an_event_recalled_from_another_year(extractor) -> None:
    text = (
        "Militia shelling hit a school in Dalmia on Monday, killing 9 pupils. "
        "In the 2006 war, a shelling killed 30 people in Port Leman. "
        "The shelling was condemned by the United Nations."
    )
    ms = mentions(extractor, text)
    assert len(ms) == 2
    assert ms[0].trigger.quote.lower() == "shelling" and ms[0].trigger.start == 8


def test_munitions_held_or_seized_are_no_attack(extractor) -> None:
    text = "A gunman shot two guards in Dalmia on Monday. Upon arrest, police seized a rifle and several shells."
    assert types(extractor, text) == ["Attack"]


def test_goods_counted_in_a_measure_are_no_territory_taken(extractor) -> None:
    text = "Customs officers seized 300 kilograms of heroin and two rifles at the port of Dalmia on Monday."
    assert "Non-state actor overtakes territory" not in types(extractor, text)
    assert "Government regains territory" not in types(extractor, text)


def test_people_captured_are_no_territory_taken(extractor) -> None:
    text = "Gunmen stormed a hotel in Port Leman on Friday. Troops shot four attackers and seized a second one as he fled."
    assert "Non-state actor overtakes territory" not in types(extractor, text)
    assert "Government regains territory" not in types(extractor, "Soldiers captured two of the gunmen near Dalmia.")
    assert types(extractor, "Rebels captured one of the villages near Dalmia on Sunday.") == [
        "Non-state actor overtakes territory"
    ]


def test_a_fire_set_by_rioters_is_a_riot_and_one_set_by_no_one_named_takes_the_report_s_type(extractor) -> None:
    assert types(extractor, "Rioters set fire to a pharmacy in Port Leman on Wednesday.") == ["Violent demonstration"]
    text = "Police clashed with protesters in Port Leman on Monday. Two shops were set on fire, injuring four."
    assert set(types(extractor, text)) == {"Violent demonstration"}


def test_a_fire_set_by_rioters_with_a_petrol_bomb_takes_the_bomb_s_type(extractor) -> None:
    text = (
        "Rioters set fire to a pharmacy in Port Leman on Wednesday, killing two clerks. "
        "Police clashed with protesters near the harbour. "
        "A masked man had thrown a Molotov cocktail into the shop."
    )
    assert types(extractor, text)[0] == "Remote explosive/landmine/IED"
    assert "Violent demonstration" in types(extractor, text)


def test_after_the_shooting_refers_back_and_its_places_stay_out(extractor) -> None:
    text = (
        "A gunman shot two guards at a bank in Dalmia on Monday. "
        "Hours after the shooting, officers got a tip from a driver in Port Leman."
    )
    (m,) = mentions(extractor, text)
    assert [t.name for t in m.toponyms] == ["Dalmia"]


def test_the_attack_came_after_refers_back_and_its_places_stay_out(extractor) -> None:
    text = (
        "A bomb exploded at a chapel in Dalmia on Sunday, killing nine worshippers. "
        "The bombing incident came days after talks on a new charter stalled in the Upper Vale region."
    )
    (m,) = mentions(extractor, text)
    assert [t.name for t in m.toponyms] == ["Dalmia"]
    other = (
        "A bomb exploded at a chapel in Dalmia on Sunday, killing nine worshippers. "
        "The bombing came weeks after a sniper shot and wounded five workers at a depot in Port Leman."
    )
    assert len(mentions(extractor, other)) == 2  # the clause tells an event of its own


def test_responsibility_for_the_attack_refers_back_and_its_times_stay_out(extractor) -> None:
    text = (
        "A bomb exploded at a market in Dalmia on Monday, killing 30 shoppers. "
        "The Vale Front took responsibility for the bombing and said it avenged a leader who was slain "
        "in Port Leman last spring."
    )
    (m,) = mentions(extractor, text)
    assert [t.name for t in m.toponyms] == ["Dalmia"]


def test_what_usually_happens_is_no_event(extractor) -> None:
    text = "A gunman shot two guards in Dalmia on Monday. Such shootings rarely happen in the old town, experts say."
    assert types(extractor, text) == ["Attack"]
