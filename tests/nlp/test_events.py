"""Event triggers, their ACLED types, and actors."""

from __future__ import annotations

import pytest

from .conftest import make_report

pytestmark = pytest.mark.model


def mentions(extractor, text: str):
    return extractor.extract([make_report(text)])[0]


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Warplanes carried out air strikes on the town on Monday.", "Air/drone strike"),
        ("Government artillery shelled the northern districts overnight.", "Shelling/artillery/missile attack"),
        ("A roadside bomb exploded next to an army truck.", "Remote explosive/landmine/IED"),
        ("A suicide bomber detonated his vest near the checkpoint.", "Suicide bomb"),
        ("Heavy clashes broke out between the two militias.", "Armed clash"),
        ("Militants overran an army outpost on the ridge.", "Non-state actor overtakes territory"),
        ("A gunman opened fire on worshippers at the mosque.", "Attack"),
        ("Armed men abducted six aid workers on the highway.", "Abduction/forced disappearance"),
        ("The council blamed the rebels for a drone attack on the clinic that killed five.", "Air/drone strike"),
        # no trigger word: the killing verb types it, its subject an actor the parser hung the verb under
        ("Members of a powerful gang killed at least 20 people in the town of Dorvel on Sunday.", "Attack"),
    ],
)
def test_trigger_types(extractor, text: str, sub_event_type: str) -> None:
    (m,) = mentions(extractor, text)
    assert m.sub_event_type == sub_event_type
    assert m.trigger.quote.lower() in text.lower()


def test_actors_from_the_trigger_verb(extractor) -> None:
    (m,) = mentions(extractor, "Rebel fighters overran the army base near the dam.")
    roles = {r.role: r.actor for r in m.actors}
    assert (roles["perpetrator"].name, roles["perpetrator"].type) == ("Rebels", "rebel")
    assert roles["target"].type == "state"  # "the army base": the army's


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        ("The Houthis fired a missile at an oil terminal in the port on Friday.", "Houthis"),
        ("Hamas militants launched rockets at the border town overnight.", "Hamas"),
        ("Hezbollah fired two mortar rounds at an army post near the fence on Monday.", "Hezbollah"),
    ],
)
def test_who_fires_a_weapon_is_its_perpetrator(extractor, text: str, perpetrator: str) -> None:
    (m,) = mentions(extractor, text)
    roles = {r.role: r.actor.name for r in m.actors}
    assert roles.get("perpetrator") == perpetrator


def test_a_weapon_fired_by_no_one_named_has_no_perpetrator(extractor) -> None:
    (m,) = mentions(extractor, "They fired a missile at an oil terminal in the port on Friday.")
    assert "perpetrator" not in {r.role for r in m.actors}


def test_agentive_trigger_is_the_perpetrator(extractor) -> None:
    (m,) = mentions(extractor, "Coalition jets bombed a militia position on Saturday.")
    roles = {r.role: r.actor for r in m.actors}
    assert roles["perpetrator"].type == "state"
    assert roles["target"].name == "Militia"
    assert m.sub_event_type == "Air/drone strike"


def test_unknown_actor_kept_as_written(extractor) -> None:
    (m,) = mentions(extractor, "The Blue Hand Brotherhood ambushed a convoy of the Acme Logistics company.")
    roles = {r.role: r.actor for r in m.actors}
    assert roles["perpetrator"].name == "The Blue Hand Brotherhood"
    assert roles["perpetrator"].type == "unknown"


def test_no_trigger_no_mention(extractor) -> None:
    assert mentions(extractor, "The talks resumed in Geneva on Monday.") == []


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("A strike on a market in Velmora killed at least 14 people on Tuesday, medics said.", "Air/drone strike"),
        ("Two strikes hit the outskirts of Dorvast overnight, wounding six.", "Air/drone strike"),
        ("A missile strike on an apartment block in Velmora killed nine on Friday.",
         "Shelling/artillery/missile attack"),
        ("An artillery strike on the village of Kessmar killed four.", "Shelling/artillery/missile attack"),
        ("A howitzer strike on a depot in Dorvast killed two soldiers.", "Shelling/artillery/missile attack"),
        ("A drone strike on a car near Kessmar killed three men.", "Air/drone strike"),
        ("A strike killed five in Dorvast as shelling pounded its outskirts on Monday.",
         "Shelling/artillery/missile attack"),  # the more specific trigger of the sentence wins
    ],
)
def test_a_bare_strike_is_an_air_strike_unless_its_sentence_names_the_weapon(
    extractor, text: str, sub_event_type: str
) -> None:
    (m,) = mentions(extractor, text)
    assert m.sub_event_type == sub_event_type


@pytest.mark.parametrize(
    "text",
    [
        "A general strike shut shops and schools across Velmora on Monday.",
        "The jailed activist entered the tenth day of a hunger strike in Dorvast.",
        "Shops in Kessmar stayed shut on Monday during an armed strike the insurgents had ordered.",
        "Insurgents enforced an armed strike across Velmora, and buses stayed off the roads.",
        "Dock workers in Kessmar began a strike on Monday over pay.",
        "Bus drivers in Velmora went on strike for a second day.",
        "The union staged a strike at the Dorvast steel plant.",
        "The two sides hope to strike a deal on the port of Kessmar this week.",
        "A 24-hour strike by teachers closed schools in Velmora.",
        "The navy moved a carrier strike group towards Dorvast.",
    ],
)
def test_a_labour_strike_or_a_verb_is_no_attack(extractor, text: str) -> None:
    assert mentions(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("A drone struck a funeral tent in Kessmar on Sunday, killing 12 mourners.", "Air/drone strike"),
        ("A helicopter gunship slammed into a convoy near Velmora, killing four.", "Air/drone strike"),
        ("A farmhouse in Dorvast was hit by a drone on Tuesday, leaving two dead.", "Air/drone strike"),
        ("A projectile landed on a school in Kessmar, wounding seven children.", "Shelling/artillery/missile attack"),
        ("A missile hit a market in Velmora on Monday, killing five.", "Shelling/artillery/missile attack"),
        ("Two shells landed near a clinic in Dorvast, killing a nurse.", "Shelling/artillery/missile attack"),
    ],
)
def test_a_weapon_that_strikes_is_an_event_of_its_kind(extractor, text: str, sub_event_type: str) -> None:
    (m,) = mentions(extractor, text)
    assert m.sub_event_type == sub_event_type


@pytest.mark.parametrize(
    "text",
    [
        "An earthquake struck the hills above Velmora on Monday.",
        "A military helicopter landed in Dorvast carrying the minister.",
        "Villagers in Kessmar said the storm hit their crops hard.",
    ],
)
def test_what_strikes_must_be_a_weapon(extractor, text: str) -> None:
    assert mentions(extractor, text) == []


def test_strikes_in_former_wars_are_recalled(extractor) -> None:
    text = "Talks in Velmora gained pace as bloody strikes on farms in former wars weighed on the envoys of Dorvast."
    (m,) = mentions(extractor, text)
    assert "recalled" in m.cues


@pytest.mark.parametrize(
    ("text", "trigger", "sub_event_type"),
    [
        ("Officials said Tuesday's attacks on the border town killed eight people.", "attacks", "Attack"),
        ("Yesterday's killing of three herders near the dam drew protests.", "killing", "Attack"),
        ("The March 3 raid left 12 villagers dead.", "raid", "Attack"),
        ("Monday night's assault on the prison freed 40 inmates.", "assault", "Attack"),
        ("Tuesday's shelling of the town killed two.", "shelling", "Shelling/artillery/missile attack"),
    ],
)
def test_a_plain_event_noun_dated_by_its_own_time_is_an_event(extractor, text: str, trigger: str,
                                                                sub_event_type: str) -> None:
    (m,) = mentions(extractor, text)
    assert m.trigger.quote.lower() == trigger
    assert m.sub_event_type == sub_event_type


@pytest.mark.parametrize(
    "text",
    [
        "The attacks on the border town drew condemnation.",  # no time of its own
        "Three people were killed in attacks on the town on Monday.",  # a time, but not on the noun
    ],
)
def test_a_plain_event_noun_without_its_own_time_is_none(extractor, text: str) -> None:
    # a toll still makes a mention of its own sentence, untyped
    assert all(m.sub_event_type is None for m in mentions(extractor, text))


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Four herders died in a Chilean attack on the upland pastures.", "attack"),
        ("A rebel raid on the granary left two guards dead.", "raid"),
    ],
)
def test_an_event_noun_an_actor_modifies_after_a_or_an_is_an_event(extractor, text: str, trigger: str) -> None:
    (m,) = mentions(extractor, text)
    assert m.trigger.quote.lower() == trigger
    assert m.sub_event_type == "Attack"


def test_plural_actor_modified_attacks_without_a_time_are_no_event(extractor) -> None:
    # "Chilean attacks" may be a whole campaign: no event word without a time of its own
    assert all(m.sub_event_type is None for m in mentions(extractor, "Five were killed in Chilean attacks on the coast."))


@pytest.mark.parametrize(
    "text",
    ["Wednesday's strike by dock workers shut the port.", "Monday's hunger strike at the jail entered a second week."],
)
def test_a_dated_labour_strike_is_no_attack(extractor, text: str) -> None:
    assert mentions(extractor, text) == []
