"""Victims counted without a figure, victim lists summed, and zero figures (nlp/victims.py through the pipeline)."""

from __future__ import annotations

import pytest

from .conftest import claims_of, figures, make_report

pytestmark = pytest.mark.model


def found(extractor, text: str) -> set[tuple[str, int | None, int | None]]:
    return figures(extractor.extract([make_report(text)])[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A well-known reporter was killed when a car bomb went off.", {("killed", 1, 1)}),
        ("The mine killed a shepherd and a border guard near the ridge.", {("killed", 2, 2)}),
        (
            "Police said three girls and one boy died at the ferry pier.",
            {("killed", 4, 4), ("killed", 3, 3), ("killed", 1, 1)},
        ),
        ("Lena Markova was shot dead outside her flat on Tuesday.", {("killed", 1, 1)}),
        ("A sniper killed a cyclist on the ring road.", {("killed", 1, 1)}),
        (
            "Four porters died at the quarry and one more was wounded, medics say.",
            {("killed", 4, 4), ("wounded", 1, 1)},
        ),
        ("Six ferry crewmen lost their lives in the storm of shells.", {("killed", 6, 6)}),
        ("The mayor of the town, who was abducted on Monday, was found dead today.", {("killed", 1, 1)}),
        ("The attack killed 30 soldiers and 12 civilians.", {("killed", 42, 42), ("killed", 30, 30), ("killed", 12, 12)}),
        (
            "At least 3 soldiers and a medic were killed in the ambush.",
            {("killed", 4, None), ("killed", 3, None), ("killed", 1, 1)},
        ),
    ],
)
def test_victims_without_a_figure(extractor, text: str, expected: set) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The governor said no one was killed in the blast.", {("killed", 0, 0)}),
        ("A guard was shot dead; nobody else was injured.", {("killed", 1, 1), ("wounded", 0, 0)}),
        ("Nobody was hurt when the shell hit the school.", {("wounded", 0, 0)}),
        ("Luckily there were no casualties at the pumping station.", {("killed", 0, 0), ("wounded", 0, 0)}),
        ("The army reported no deaths among its troops.", {("killed", 0, 0)}),
    ],
)
def test_negation_is_a_zero(extractor, text: str, expected: set) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The rebels threatened to kill a journalist if the talks failed.",
        "The strike could have killed a soldier on guard.",
        "The guard injured his leg while climbing the wall.",
        "Prices rose after the siege killed trade.",
        "The gunman killed himself after the siege.",
        "The army did not kill a single protester, the minister said.",
    ],
)
def test_not_a_statement_of_casualties(extractor, text: str) -> None:
    assert found(extractor, text) == set()


def test_summed_list_keeps_its_victims(extractor) -> None:
    claims = claims_of(extractor.extract([make_report("Police said three girls and one boy died at the ferry pier.")])[0])
    (claim,) = [c for c in claims if c.scope == "total"]
    assert claim.victims == "three girls and one boy"
    assert claim.source.name == "Police"


@pytest.mark.parametrize(
    ("text", "parts", "total"),
    [
        ("Nine pupils and two teachers were killed when the shell struck.", {("pupils", 9), ("teachers", 2)}, 11),
        (
            "The mayor said 14 miners, five guards and a cook were killed at the pit.",
            {("miners", 14), ("guards", 5), ("cook", 1)},
            20,
        ),
        ("The raid killed seven herders and a veterinarian, the prefect said.", {("herders", 7), ("veterinarian", 1)}, 8),
    ],
)
def test_victims_listed_by_group_are_parts_and_their_sum(extractor, text: str, parts: set, total: int) -> None:
    claims = claims_of(extractor.extract([make_report(text)])[0])
    assert {(c.scope, c.figure.min) for c in claims if c.scope != "total"} == parts
    assert [(c.figure.min, c.figure.max) for c in claims if c.scope == "total"] == [(total, total)]
    assert len({c.source.name for c in claims}) == 1  # the parts are the same claimant's


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two men and a woman died when the roof fell in.", {("killed", 3, 3)}),  # a list by sex alone: its sum
        ("Had the bus been full, 30 people might have been killed, the driver said.", set()),
        ("The drone could have killed 12 guards at the gate.", set()),
    ],
)
def test_lists_by_sex_and_hypothetical_figures(extractor, text: str, expected: set) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The council condemned the murder of six monks and two cooks.",
            {("killed", 8, 8), ("killed", 6, 6), ("killed", 2, 2)},
        ),
        ("The raid caused the death of 10 dock workers.", {("killed", 10, 10)}),
        ("Rebels claimed the assassination of the district judge.", {("killed", 1, 1)}),
        (
            "The ministry condemned the assassination of mayor Tomas Brandt and of attorney Rosa Vallin.",
            {("killed", 2, 2)},
        ),
        ("The ferry captain remains in critical condition at the regional clinic.", {("wounded", 1, 1)}),
        ("A ferry clerk received minor injuries.", {("wounded", 1, 1)}),
        ("A ticket seller was treated at a clinic for burns.", {("wounded", 1, 1)}),
        ("The remaining herders managed to flee unharmed.", {("wounded", 0, 0)}),
        ("The bandits stabbed five travellers, killing two, the prefect said.", {("killed", 2, 2), ("wounded", 3, 3)}),
        (
            "A ferry clerk received minor injuries and the porter remains in critical condition.",
            {("wounded", 2, 2)},
        ),
        ("One porter died and another suffered burns.", {("killed", 1, 1), ("wounded", 1, 1)}),
    ],
)
def test_more_ways_to_count_victims(extractor, text: str, expected: set) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The death of the accord was mourned in both capitals.",
        "The execution of the plan took a week.",
        "Police are investigating the attempted murder of a judge.",
        "The economy is in critical condition.",
        "The suspect was treated as a flight risk.",
        "The hostages hoped to escape unharmed.",
        "The clinic treated another sustained injury.",
    ],
)
def test_more_non_claims(extractor, text: str) -> None:
    assert found(extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "parts", "total"),
    [
        ("A drone hit the school, killing 24 people, including 19 pupils, witnesses said.", {("pupils", 19)}, 24),
        ("The landslide killed six people, including two nurses and four children.", {("nurses", 2), ("children", 4)}, 6),
        ("Seven people, including a border guard, were killed in the shelling.", {("guard", 1)}, 7),
    ],
)
def test_victims_including_are_parts_of_the_stated_total(extractor, text: str, parts: set, total: int) -> None:
    claims = claims_of(extractor.extract([make_report(text)])[0])
    assert {(c.scope, c.figure.min) for c in claims if c.scope != "total"} == parts
    assert [c.figure.min for c in claims if c.scope == "total"] == [total]  # no sum beside the stated total


@pytest.mark.parametrize(
    "text",
    [
        "The strike killed 14 people -- nine pupils and five nurses -- at the school.",
        "Fourteen people (nine pupils and five nurses) were killed in the blast.",
    ],
)
def test_a_breakdown_set_off_by_dashes_is_parts_of_the_stated_figure(extractor, text: str) -> None:
    claims = claims_of(extractor.extract([make_report(text)])[0])
    assert {(c.scope, c.figure.min) for c in claims if c.scope != "total"} == {("pupils", 9), ("nurses", 5)}
    assert [c.figure.min for c in claims if c.scope == "total"] == [14]  # no sum beside the stated figure


def test_a_headline_list_is_parts_and_their_sum(extractor) -> None:
    report = make_report("The attack happened on Monday.", title="Militants Gun Down 9 Guards and a Driver at Border Post")
    claims = claims_of(extractor.extract([report])[0])
    assert {(c.scope, c.figure.min, c.figure.max) for c in claims} == {
        ("total", 10, 10),
        ("guards", 9, 9),
        ("driver", 1, 1),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At least a border guard, four customs officers and a ferry cook were among the dead.",
            [("guard", 1, None), ("officers", 4, 4), ("cook", 1, 1)],
        ),
        ("The ferry captain and two deckhands are among the killed passengers.", [("captain", 1, 1), ("deckhands", 2, 2)]),
        (
            "The dead included a schoolteacher, a nurse and two ferry porters.",
            [("schoolteacher", 1, 1), ("nurse", 1, 1), ("porters", 2, 2)],
        ),
        ("The dead included civilians, two porters and a ferry pilot.", [("porters", 2, 2), ("pilot", 1, 1)]),
    ],
)
def test_victims_among_the_dead_are_each_a_claim_without_a_sum(extractor, text: str, expected: list) -> None:
    claims = claims_of(extractor.extract([make_report(text)])[0])
    assert sorted((c.scope, c.figure.min, c.figure.max) for c in claims) == sorted(expected)
    assert all(c.kind.value == "killed" for c in claims)


def test_among_the_injured_counts_the_wounded(extractor) -> None:
    text = "A ferry clerk and three porters were among the injured, the harbour master said."
    assert found(extractor, text) == {("wounded", 1, 1), ("wounded", 3, 3)}


@pytest.mark.parametrize(
    "text",
    [
        "The mayor was not among the dead.",
        "Children were among the dead.",
        "A cook and a ferry pilot were among the wounded.",  # people named, no group counted
    ],
)
def test_among_the_dead_without_a_countable_victim(extractor, text: str) -> None:
    claims = claims_of(extractor.extract([make_report(text)])[0])
    assert not [c for c in claims if c.scope != "total"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A harbour pilot, a retired captain, is among the dead.", {("pilot", 1, 1)}),  # one victim, named alone
        ("The 12 dead included three guards.", {("total", 12, 12), ("guards", 3, 3)}),  # a part beside its total
    ],
)
def test_one_victim_among_the_dead_and_the_parts_of_a_stated_total(extractor, text: str, expected: set) -> None:
    claims = claims_of(extractor.extract([make_report(text)])[0])
    assert {(c.scope, c.figure.min, c.figure.max) for c in claims} == expected


def test_the_dead_included_reads_every_object_the_parse_gives(extractor) -> None:
    """A list the parser splits into two objects of 'included' ('striking dockers' and 'a clerk and two cooks')."""
    from spacy.tokens import Doc

    from ceasefire.nlp.components import CLAIMS_KEY

    words = ["The", "dead", "included", "striking", "dockers", ",", "a", "clerk", "and", "two", "cooks", "."]
    doc = Doc(
        extractor.nlp.vocab,
        words=words,
        heads=[1, 2, 2, 4, 2, 2, 7, 2, 7, 10, 7, 2],
        deps=["det", "nsubj", "ROOT", "amod", "dobj", "punct", "det", "dobj", "cc", "nummod", "conj", "punct"],
        tags=["DT", "JJ", "VBD", "JJ", "NNS", ",", "DT", "NN", "CC", "CD", "NNS", "."],
        pos=["DET", "ADJ", "VERB", "ADJ", "NOUN", "PUNCT", "DET", "NOUN", "CCONJ", "NUM", "NOUN", "PUNCT"],
        lemmas=["the", "dead", "include", "striking", "docker", ",", "a", "clerk", "and", "two", "cook", "."],
        sent_starts=[True] + [False] * (len(words) - 1),
    )
    doc = extractor.nlp.get_pipe("ceasefire_claims")(doc)
    found = [(s._.cf_claim.scope, s._.cf_claim.quantity.min, s._.cf_claim.quantity.max) for s in doc.spans[CLAIMS_KEY]]
    assert found == [("clerk", 1, 1), ("cooks", 2, 2)]
