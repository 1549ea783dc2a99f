"""Casualty figures found through the parse (the claims component), on invented sentences."""

from __future__ import annotations

import pytest

from .conftest import claims_of, figures, make_report

pytestmark = pytest.mark.model


def found(extractor, text: str, title: str | None = None) -> set[tuple[str, int | None, int | None]]:
    return figures(extractor.extract([make_report(text, title=title)])[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The raid killed 12 villagers near the river.", {("killed", 12, 12)}),
        ("Thirty-one fighters were killed in the clashes on Tuesday.", {("killed", 31, 31)}),
        ("Gunmen stormed the market, killing at least nine civilians.", {("killed", 9, None)}),
        (
            "The bombardment killed at least 40 soldiers and wounded 75 others, the ministry said.",
            {("killed", 40, None), ("wounded", 75, 75)},
        ),
        ("The death toll rose to 57 on Sunday.", {("killed", 57, 57)}),
        ("The governor put the death toll at 20.", {("killed", 20, 20)}),
        ("The explosion left 120 wounded.", {("wounded", 120, 120)}),
        ("At least seven civilians dead after the mortar attack, residents said.", {("killed", 7, None)}),
        ("At the depot, mortar rounds left at least five people dead and 17 others injured.", {("killed", 5, None), ("wounded", 17, 17)}),
        ("Eleven people died when the bridge was hit.", {("killed", 11, 11)}),
        ("Two guards were hurt in the shooting.", {("wounded", 2, 2)}),
        ("The fighting has claimed more than 300 lives since March.", {("killed", 301, None)}),
        ("Rockets killed dozens of recruits at the base.", {("killed", 24, None)}),
        ("Nearly 40 people were killed in the ambush.", {("killed", None, 40)}),
        ("The strike killed between 20 and 30 people.", {("killed", 20, 30)}),
        ("The attack caused 14 casualties, police said.", {("casualties", 14, 14)}),
        ("A gunman shot and killed two customers on Friday.", {("killed", 2, 2)}),
        ("Bandits raided a hamlet near the ridge and killed six herders.", {("killed", 6, 6)}),
        ("Raiders overran the depot at dawn and wounded three guards.", {("wounded", 3, 3)}),
    ],
)
def test_casualty_constructions(extractor, text: str, expected: set) -> None:
    assert found(extractor, text) == expected


def test_headline_figures_are_claims_of_their_own(extractor) -> None:
    rep = make_report(
        "Police said three people died in the blast at the depot.", title="Three killed as shell lands on fuel depot"
    )
    claims = claims_of(extractor.extract([rep])[0])
    by_field = {(c.evidence.field, c.kind.value, c.figure.min) for c in claims}
    assert ("title", "killed", 3) in by_field
    assert ("text", "killed", 3) in by_field


@pytest.mark.parametrize(
    "text",
    [
        "The ceasefire began on 12 September 2016 and was meant to last seven days.",
        "Three Mi-8s and a pair of Tu-22s flew five sorties over the plain.",
        "The council adopted Resolution 2254 by 15 votes.",
        "The government pledged $40 million to rebuild 300 homes.",
        "Prices rose 30 percent after the siege killed trade.",
        "About 2,000 people protested in the capital on Friday.",
        "The army has 12 brigades in the province.",
    ],
)
def test_numbers_that_are_not_casualty_figures(extractor, text: str) -> None:
    assert found(extractor, text) == set()


def test_an_age_is_no_figure_but_the_victim_counts_one(extractor) -> None:
    assert found(extractor, "The 46-year-old commander was killed in the raid.") == {("killed", 1, 1)}


def test_figures_in_a_sentence_with_other_numbers(extractor) -> None:
    text = "The ministry said gunships had killed more than 60 militiamen in five sorties flown by three Mi-24s."
    assert found(extractor, text) == {("killed", 61, None)}


def test_victims_are_kept(extractor) -> None:
    (claim,) = claims_of(extractor.extract([make_report("The raid killed at least 64 Malian troops.")])[0])
    assert claim.victims == "Malian troops"
    (claim,) = claims_of(extractor.extract([make_report("The shelling killed dozens of farm workers.")])[0])
    assert claim.victims == "farm workers"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The sniper took the lives of three herders.", {("killed", 3, 3)}),
        ("The shelling has claimed the lives of 12 villagers.", {("killed", 12, 12)}),
        ("The ambush raised to 14 the number of medics who have been killed.", {("killed", 14, 14)}),
        ("The number of dead rose to 40 on Monday.", {("killed", 40, 40)}),
    ],
)
def test_lives_of_and_number_of(extractor, text: str, expected: set) -> None:
    assert found(extractor, text) == expected


def test_number_of_something_else_is_no_toll(extractor) -> None:
    assert found(extractor, "The number of students rose to 400 this year.") == set()


def test_lives_verb_is_not_a_speech_verb(extractor) -> None:
    (claim,) = claims_of(extractor.extract([make_report("The shelling has claimed the lives of 12 villagers.")])[0])
    assert claim.source.name == "Wire Daily"  # not "shelling", the subject of "claimed"
    (claim,) = claims_of(extractor.extract([make_report("The ministry reported 12 deaths in the port.")])[0])
    assert claim.source.name.lower().endswith("ministry")


@pytest.mark.parametrize(
    "text",
    [
        "Now in its second decade, the revolt in the hills has claimed more than 30,000 lives since 2012.",
        "Since the start of the offensive in May, at least 2,300 civilians have been killed, the monitor says.",
        "Shelling of the valley has gone on for months and has since left at least 900 people dead.",
        "Aid agencies say more than 9,000 fighters and civilians have died in the conflict so far.",
        "The war that broke out eight years ago in the south has left more than 50,000 dead.",
        "During this six-year-long war, 30,000 people have died and the harvests have failed.",
        "Their two-month-long siege has left 1,200 people dead.",
        "So far this year, about 80 people have been killed in raids on the border villages.",
        "Militias have killed 40 farmers in the last three years, the union said.",
        "The rebel offensive has resulted in 2,000 casualties, according to the army.",
        "More than 300 teachers have been murdered since 1994, the union said.",
        "At least 40 herders have been killed along the valley road since 2019.",
        "The largest union says more than 300 teachers have been murdered since 1994.",
        "The newest tally from the rights group says some 9,000 villagers have died in the uplands since 1988.",
        "The first clashes broke out in 2012, and some 6,000 townspeople have been killed there since 2013.",
        "Over a 12-year period the feud between the clans killed 600 people.",
        "During 2011, nearly 400 people were killed in the northern districts.",
        "More than 9,000 villagers have been killed since the war began in March 2021, the ministry says.",
        "Some 700 herders have died on the plateau since the rebels seized the mines, according to the union.",
        "The heaviest fighting in the valley, which has left 700 dead in the past month, shows no sign of ending.",
    ],
)
def test_war_and_period_totals_are_no_incident_claims(extractor, text: str) -> None:
    assert found(extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No raid had been deadlier since a rocket barrage killed 13 people at the port in May.", {("killed", 13, 13)}),
        ("Drone strikes have killed at least nine commanders since last June, officials say.", {("killed", 9, None)}),
        ("The new deaths take to 14 the count of people killed since the truce began.", {("killed", 14, 14)}),
        ("The bomb killed 19 shoppers in the deadliest attack on the city since 2015.", {("killed", 19, 19)}),
        ("Militants killed 15 soldiers in their deadliest raid since 2019.", {("killed", 15, 15)}),
        (
            "Fourteen guards were shot dead at the mine, police said, in one of the bloodiest raids against miners "
            "since the governor took office.",
            {("killed", 14, 14)},
        ),
        ("Nine miners died in the deadliest attack on the pit since the war began.", {("killed", 9, 9)}),
        ("Rebels killed six guards in their first attack on the depot since 2012.", {("killed", 6, 6)}),
        ("Eight dockers were killed in the first such bombing in the port since 2012.", {("killed", 8, 8)}),
        ("So far, 12 villagers have been killed and 30 others injured.", {("killed", 12, None), ("wounded", 30, 30)}),
        ("Shelling killed 14 people in the past two days, medics said.", {("killed", 14, 14)}),
        ("Last year, gunmen killed 9 miners at the pit.", {("killed", 9, 9)}),
        ("In the 1999 border war, 40 villagers were killed in a bombing of the market.", {("killed", 40, 40)}),
        (
            "Earlier this year, a clerk was charged over a raid on the depot that left four guards dead.",
            {("killed", 4, 4)},
        ),
        ("With the insurgency now having taken more than 900 lives, donors met in Geneva.", {("killed", 901, None)}),
    ],
)
def test_figures_beside_since_that_stay_claims(extractor, text: str, expected: set) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The clinic has received more than 17 bodies from the market.", {("killed", 18, None)}),
        ("Rescuers later pulled nine other bodies from the river.", {("killed", 9, 9)}),
        ("Medics carried three dead bodies out of the ruins.", {("killed", 3, 3)}),
        ("Villagers said they had buried 14 corpses near the well.", {("killed", 14, 14)}),
        ("The ministry said nine guards were confirmed dead and two injured.", {("killed", 9, 9), ("wounded", 2, 2)}),
        ("No casualties were reported after the blast at the checkpoint.", set()),
        ("Three government bodies will review the case.", set()),
    ],
)
def test_bodies_predicates_and_absent_reports(extractor, text: str, expected: set) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"So far we count 17 pupils killed and 20 injured," the headmaster told reporters.',
            {("killed", 17, None), ("wounded", 20, 20)},  # the bound opens the first figure only
        ),
        ('"Up to now, 22 villagers have died," a nurse said.', {("killed", 22, None)}),
        ("So far the medics have counted 31 bodies at the clinic.", {("killed", 31, None)}),
    ],
)
def test_so_far_before_a_figure_opens_it(extractor, text: str, expected: set) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Bandits Gun Down 9 Truckers on Desert Highway", {("killed", 9, 9)}),
        ("Province police confirm 27 died in rebel attack on a market", {("killed", 27, 27)}),
        ("Gunmen Shoot Dead 4 Miners at Quarry", {("killed", 4, 4)}),
    ],
)
def test_headline_styles(extractor, title: str, expected: set) -> None:
    assert found(extractor, "The attack happened on Monday.", title=title) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Overnight, four wounded porters succumbed in a field hospital.", {("killed", 4, 4)}),
        ("Medics were treating three other wounded villagers.", {("wounded", 3, 3)}),
        ("The troops came under fire.\n\nEleven recruits were killed in the ambush.", {("killed", 11, 11)}),
        ("Mortars hit the depot on Kell St. Fourteen others were injured there.", {("wounded", 14, 14)}),
        ("Doctors said nine more patients were admitted to intensive care overnight.", {("wounded", 9, 9)}),
    ],
)
def test_modifiers_succumbing_and_care(extractor, text: str, expected: set) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Shelling killed two herders near Tarsa, three near Molen and one near Kasso, the agency said.",
            [("killed", 2), ("killed", 3), ("killed", 1)],
        ),
        ("Police said five guards died in Tarsa and two in Molen.", [("killed", 5), ("killed", 2)]),
        ("Rebels killed three soldiers in Tarsa, police said, and 20 in Molen fled.", [("killed", 3)]),
        ("Two bodies each were found at Molen and Kasso on Friday.", [("killed", 2)] * 2),
    ],
)
def test_gapped_figures_and_each_place(extractor, text: str, expected: list) -> None:
    claims = claims_of(extractor.extract([make_report(text)])[0])
    assert sorted((c.kind.value, c.figure.min) for c in claims) == sorted(expected)
    assert len({c.source.name for c in claims}) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Twelve of the dead were guards.", {("killed", 12, 12)}),
        ("Four porters were among the people killed at the depot.", {("killed", 4, 4)}),
        ("Three of the injured were children.", {("wounded", 3, 3)}),
        ("Two of the candidates were among the favourites.", set()),
    ],
)
def test_among_the_dead(extractor, text: str, expected: set) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The cartel threatened to kill 20 officials for every arrest.",
        "The smugglers carried enough explosives to kill 100 people.",
    ],
)
def test_a_killing_in_the_infinitive_is_no_claim(extractor, text: str) -> None:
    assert found(extractor, text) == set()


def test_a_conjoined_casualty_verb_with_its_own_subject_lends_no_kind(extractor) -> None:
    assert found(extractor, "The blast damaged three kiosks and two vans, but nobody was hurt.") == {("wounded", 0, 0)}
    assert found(extractor, "A gunman shot and killed two guards.") == {("killed", 2, 2)}


def test_an_ordinal_victim_counts_one(extractor) -> None:
    text = "The gunman shot dead two of the clerks and wounded a third in the leg, police said."
    assert found(extractor, text) == {("killed", 2, 2), ("wounded", 1, 1)}


def test_units_and_posts_are_no_victims(extractor) -> None:
    text = "Gunmen attacked a police patrol and killed two officers near the bridge."
    assert found(extractor, text) == {("killed", 2, 2)}


def test_one_victim_named_again_by_a_definite_description_is_one_claim(extractor) -> None:
    text = (
        "Judge Ana Ortiz was shot dead outside her home in Veldra on Monday. "
        "The judge was killed by two men on a motorbike as she left for the court."
    )
    claims = claims_of(extractor.extract([make_report(text)])[0])
    assert [(c.kind.value, c.figure.min) for c in claims] == [("killed", 1)]
