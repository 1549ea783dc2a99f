"""Who gives each figure: claimants, origins, outlet voice, hedging."""

from __future__ import annotations

import pytest

from ceasefire.model import SourceType

from .conftest import claims_of, make_report

pytestmark = pytest.mark.model


def one_claim(extractor, text: str, title: str | None = None, outlet: str | None = "Wire Daily"):
    claims = claims_of(extractor.extract([make_report(text, title=title, outlet=outlet)])[0])
    assert len(claims) == 1, claims
    return claims[0]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The provincial governor said 14 policemen were killed.", "provincial governor"),
        ("Nine guards were killed, said Colonel Amara Diallo.", "Colonel Amara Diallo"),
        ("According to the Kivu Security Tracker, the raid killed 22 villagers.", "Kivu Security Tracker"),
        ("A hospital director told Wire Daily that 31 people had died.", "hospital director"),
        ("The rebels claimed they had killed 40 soldiers.", "rebels"),
        ("The interior ministry said in a statement that 6 officers were wounded.", "interior ministry"),
        (
            "The strike was the deadliest, with the Sahel Monitoring Group reporting that 17 civilians were killed.",
            "Sahel Monitoring Group",
        ),
        (
            "Gunships raked the orchards on Tuesday, killing dozens of pickers, Norway and a rights group said.",
            "Norway and a rights group",
        ),
    ],
)
def test_claimant_constructions(extractor, text: str, source: str) -> None:
    claim = one_claim(extractor, text)
    assert source.lower() in claim.source.name.lower()
    assert claim.carried_by == "Wire Daily"


def test_cited_source_is_the_origin(extractor) -> None:
    claim = one_claim(
        extractor,
        "Citing a medical source at the ferry landing, the Syrian Observatory for Human Rights "
        "said that at least 80 boatmen had died.",
    )
    assert claim.source.name == "Syrian Observatory for Human Rights"
    assert claim.source.type == SourceType.MONITOR
    assert claim.origin is not None and "medical source" in claim.origin
    assert claim.figure.min == 80 and claim.figure.max is None


def test_canonical_names_and_alias(extractor) -> None:
    claim = one_claim(extractor, "Russia's defence ministry said 35 militants were killed.")
    assert claim.source.name == "Russian Defence Ministry"
    assert claim.source.as_written == "Russia's defence ministry"


def test_outlet_voice(extractor) -> None:
    claim = one_claim(extractor, "Twelve people were killed when a truck bomb went off near the court.")
    assert claim.source.name == "Wire Daily"
    assert claim.source.type == SourceType.OUTLET
    claim = one_claim(extractor, "Twelve people were killed when a truck bomb went off.", outlet=None)
    assert claim.source.name == "unknown outlet"


def test_headline_tail_attribution(extractor) -> None:
    rep = make_report("No body text here.", title="Drones Kill Dozens of Herders: Army, Monitor")
    (claim,) = claims_of(extractor.extract([rep])[0])
    assert claim.source.name == "Army, Monitor"
    assert claim.evidence.field == "title"


_RAID = "Raiders killed 14 herders near a border town in Tamble Province in northern Marsovia on Friday, the governor said."


@pytest.mark.parametrize(
    "title",
    [
        "Update: 14 herders killed in raid",  # a label of the story
        "Analysis: 14 herders killed in raid",
        "Marsovia: Raiders kill 14 herders near border town",  # a country the body names as a place
        "Tamble Province: 14 herders killed in raid",  # a province
    ],
)
def test_a_headline_s_topic_label_is_no_source_its_figure_is_the_outlet_s(extractor, title: str) -> None:
    rep = make_report(_RAID, title=title)
    (headline,) = [c for c in claims_of(extractor.extract([rep])[0]) if c.evidence.field == "title"]
    assert (headline.source.name, headline.source.type) == ("Wire Daily", SourceType.OUTLET)


def test_a_headline_s_speaker_before_its_colon_stays_the_source(extractor) -> None:
    rep = make_report(_RAID, title="Governor: 14 herders killed in raid")
    (headline,) = [c for c in claims_of(extractor.extract([rep])[0]) if c.evidence.field == "title"]
    assert headline.source.as_written == "Governor"


def test_short_reference_resolves_to_the_last_full_name(extractor) -> None:
    text = (
        "The Syrian Observatory for Human Rights said shelling hit the town on Friday. "
        "Mortars killed at least 11 civilians in the market, according to the Observatory. "
        "The Halvorsen Institute said fighting continued. The institute said 4 fighters died."
    )
    claims = claims_of(extractor.extract([make_report(text)])[0])
    names = {c.figure.min: c.source.name for c in claims}
    assert names[11] == "Syrian Observatory for Human Rights"
    assert names[4] == "Halvorsen Institute"


def test_pronoun_resolves_to_the_last_claimant(extractor) -> None:
    text = "Governor Mirza Khan said the raid was over. He said 8 police officers were killed."
    claims = claims_of(extractor.extract([make_report(text)])[0])
    assert [c.source.name for c in claims] == ["Mirza Khan"]
    assert claims[0].source.as_written == "He"


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("Police said 20 people were reportedly killed.", True),
        ("Officials said 10 miners may have been killed.", True),
        ("The army said 20 people were killed.", False),
    ],
)
def test_hedging(extractor, text: str, hedged: bool) -> None:
    assert one_claim(extractor, text).hedged is hedged


def test_quotation_over_several_sentences_keeps_its_speaker(extractor) -> None:
    text = (
        '"The ferry was full of families," Colonel Ruth Okafor said.\n'
        '"The shelling killed 40 passengers, and more are missing.\n'
        '"Our divers are still searching."'
    )
    claim = one_claim(extractor, text)
    assert claim.source.name == "Ruth Okafor" or "Okafor" in claim.source.name
    assert claim.figure.min == 40


def test_relative_speaker_climbs_to_the_named_one(extractor) -> None:
    text = (
        "Dana Pike, a teacher from the valley, said she phoned three pharmacists in the market, "
        "each of whom said that the rockets caused no deaths."
    )
    claims = claims_of(extractor.extract([make_report(text)])[0])
    assert claims and all("Dana Pike" in c.source.name for c in claims)


def test_an_aside_inside_a_subordinate_clause_gives_no_source(extractor) -> None:
    from .conftest import claims_of, make_report

    text = "A porter was killed on Friday when, witnesses say, he refused to stop at a checkpoint."
    (claim,) = claims_of(extractor.extract([make_report(text)])[0])
    assert claim.source.name == "Wire Daily"
    text = "Three porters were killed on Monday, police say, in the ambush."
    (claim,) = claims_of(extractor.extract([make_report(text)])[0])
    assert claim.source.name.lower() == "police"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The ministry said nine guards were confirmed dead at the depot.", "ministry"),  # not 'nine guards'
        ("One death was reported in the hamlet of Lomi.", "Wire Daily"),  # the figure is no claimant
        ("The blaze is said to have spread to nearby huts, killing six people.", "Wire Daily"),
        ("KANDA: Twelve guards manning a post were killed when gunmen attacked it.", "Wire Daily"),  # a dateline
        ("The northern province accused the militia of killing 19 herders.", "northern province"),
    ],
)
def test_spans_that_cannot_speak_are_no_claimants(extractor, text: str, source: str) -> None:
    assert one_claim(extractor, text).source.name == source


@pytest.mark.parametrize(
    "text",
    [
        "Gunboats shelled the harbour on Friday, killing at least 12 fishermen, hours after the rebels launched "
        "drones at what they said were supply barges.",
        "Twelve people were killed in strikes on two towns, when the army said it was attacking rebel depots.",
    ],
)
def test_a_speech_verb_inside_its_own_clause_speaks_for_it_alone(extractor, text: str) -> None:
    assert one_claim(extractor, text).source.name == "Wire Daily"


def test_martyring_is_killing(extractor) -> None:
    claims = claims_of(extractor.extract([make_report("A bomber struck the mosque, martyring 31 worshippers.")])[0])
    assert {(c.kind.value, c.figure.min) for c in claims} == {("killed", 31)}


def test_a_figure_is_never_the_claimant_of_another(extractor) -> None:
    text = (
        "At least 27 passengers were killed and 64 others injured when mortar rounds hit a bus depot "
        "in Lomi on Sunday, a relief charity and a clinic official said."
    )
    claims = claims_of(extractor.extract([make_report(text)])[0])
    assert {(c.kind.value, c.figure.min, c.figure.max) for c in claims} == {("killed", 27, None), ("wounded", 64, 64)}
    assert "64 others" not in {c.source.name for c in claims}


def test_a_passive_report_speaks_for_the_last_claimant(extractor) -> None:
    text = "The agency said two people were killed in Tarsa. Three deaths were reported at Molen on Friday."
    claims = claims_of(extractor.extract([make_report(text)])[0])
    assert [c.source.name.lower() for c in claims] == ["agency"] * 2
    text = "The agency said the shelling went on. Two deaths were reported in Molen."
    assert one_claim(extractor, text).source.name == "Wire Daily"  # no claim before it: the outlet's voice


def test_the_agent_of_a_passive_report_is_the_claimant(extractor) -> None:
    claim = one_claim(extractor, "Three deaths were reported by the coastguard on Sunday.")
    assert "coastguard" in claim.source.name.lower()


def test_the_agent_of_a_passive_toll_is_the_claimant(extractor) -> None:
    claim = one_claim(extractor, "The death toll was raised to 12 on Sunday by the port authority.")
    assert "port authority" in claim.source.name.lower()


def test_the_statement_speaks_for_its_issuer(extractor) -> None:
    text = (
        'The Kessa Relief Committee said in a statement that the market was shelled. "So far, 31 traders have '
        'been killed," the statement added.'
    )
    assert one_claim(extractor, text).source.name == "Kessa Relief Committee"


def test_we_in_a_quotation_is_the_last_claimant(extractor) -> None:
    text = 'The Lomi clinic said 12 people had died on Monday. "We have recorded four more bodies since then."'
    claims = claims_of(extractor.extract([make_report(text)])[0])
    assert {c.source.name for c in claims} == {"Lomi clinic"}


def test_a_paper_named_like_a_document_is_itself(extractor) -> None:
    text = "Mayor Ruiz said the square was calm. The Post says four bystanders were hurt."
    claim = one_claim(extractor, text)
    assert claim.source.name == "Post"
