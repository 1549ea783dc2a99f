"""Reports that tell their attack only with a finite verb ("rebels attacked", "the convoy was raided"), typed by
the doer and the target (nlp.attack_verbs, the verb rows of data/nlp_events.tsv); and the verbs said of words,
games and deals, which tell no event. Invented one-to-three-sentence reports."""

from __future__ import annotations

import pytest

from .conftest import make_report

pytestmark = pytest.mark.model

CLASH = "Armed clash"
ATTACK = "Attack"
AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
ABDUCTION = "Abduction/forced disappearance"


NOT_ATTACKS = [  # verbs said of words, games, deals, searches and nature
    "The opposition attacked the government's decision to raise fuel prices on Monday.",
    "The minister stormed out of the meeting in Nairobi on Tuesday.",
    "The two parties struck a deal on a new constitution in Khartoum on Sunday.",
    "Critics attacked the plan as reckless, saying it would hurt farmers.",
    "The murder trial of a former police officer opened in Lagos on Monday.",
    "Arsenal attacked relentlessly in the second half and struck twice in five minutes.",
    "The senator attacked his rival during a televised debate on Thursday.",
    "The president attacked the media on Twitter on Sunday, calling reporters liars.",
    "Lightning struck a house in Chiang Mai on Monday, killing two people.",
    "An earthquake struck eastern Turkey early on Monday, killing at least 12 people.",
    "The striker struck twice as Kano Pillars beat Enyimba 2-0 in the league on Sunday.",
    "Police raided the offices of an opposition newspaper in Harare on Friday.",
    "Police raided a warehouse in Mombasa and seized 200 kilograms of cocaine.",
]


def mentions(extractor, text: str):
    return extractor.extract([make_report(text)])[0]


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Rebels attacked an army base near the town of Beni on Sunday, killing 12 soldiers, the army said.", CLASH),
        ("Militants stormed a police station in the Sinai on Tuesday, killing four officers.", CLASH),
        ("Armed men raided a market in the town of Gao on Friday and killed nine traders, local officials said.",
         ATTACK),
        ("Suspected jihadists raided a church in Burkina Faso during Sunday mass, killing 14 worshippers.", ATTACK),
        ("Al-Shabaab fighters attacked a military base in Lower Shabelle on Friday. The army said 9 soldiers were "
         "killed.", CLASH),
        ("Taliban insurgents attacked a checkpoint in Helmand province overnight, killing six police officers, "
         "officials said.", CLASH),
        ("Insurgents attacked a bus carrying pilgrims near Jalalabad on Monday, killing 11 passengers.", ATTACK),
        ("Bandits attacked the village of Kurmin Dogo in Kaduna state late on Saturday, killing 16 people, a "
         "lawmaker said.", ATTACK),
        ("The army base in Tessalit was attacked overnight by separatist fighters, a military source said. Four "
         "soldiers died.", CLASH),
        ("Israeli troops raided the Nur Shams refugee camp on Wednesday, killing three Palestinians, the health "
         "ministry said.", ATTACK),
        ("Russian forces struck an apartment block in Sumy on Thursday, killing four people, the governor said.",
         AIR),
        ("Houthi forces struck a commercial vessel in the Red Sea on Tuesday, the ship's operator said.", ATTACK),
        ("A local journalist was murdered in Culiacan on Monday, prosecutors said.", ATTACK),
        ("A prominent human rights lawyer was assassinated in Cali on Friday, police said.", ATTACK),
        ("A village chief was gunned down outside his home in Maguindanao on Sunday.", ATTACK),
        ("Gunmen attack church in Ondo, kill 20 worshippers", ATTACK),
        ("Unidentified assailants opened fire on a police checkpoint in Peshawar on Monday, killing two "
         "constables.", CLASH),
        ("Government forces shelled residential areas of Maarat on Monday, killing three children, rescuers "
         "said.", SHELLING),
        ("An army convoy was ambushed near Menaka on Wednesday, leaving seven soldiers dead.", CLASH),
        ("Herders torched a village in Benue state on Saturday, killing 11 people, officials said.", ATTACK),
        ("Three aid workers were abducted by armed men in West Darfur on Wednesday, the UN said.", ABDUCTION),
        ("They attacked a checkpoint outside Velda at dawn on Saturday, the ministry said.", ATTACK),
        ("The village of Orlu was attacked on Sunday night, residents said.", ATTACK),
        ("The Blue Hand Brotherhood attacked a convoy near Tarsk on Friday.", ATTACK),
        ("Protesters stormed the regional governor's office in Oskel on Monday and set cars on fire.",
         "Violent demonstration"),
    ],
)
def test_an_attack_told_by_its_verb_is_typed(extractor, text: str, sub_event_type: str) -> None:
    (m,) = mentions(extractor, text)
    assert m.sub_event_type == sub_event_type


@pytest.mark.parametrize("text", NOT_ATTACKS)
def test_verbs_said_of_words_games_and_deals_tell_no_event(extractor, text: str) -> None:
    assert [m.sub_event_type for m in mentions(extractor, text) if m.sub_event_type is not None] == []


def test_the_doer_and_the_target_of_the_verb_are_the_actors(extractor) -> None:
    (m,) = mentions(extractor, "Rebels attacked an army base near Beni on Sunday, killing 12 soldiers.")
    roles = {r.role: r.actor for r in m.actors}
    assert roles["perpetrator"].type == "rebel" and roles["target"].type == "state"


def test_a_campaign_under_way_is_no_attack(extractor) -> None:
    ms = mentions(extractor, "The army said it was attacking dozens of rebel targets across the north on Tuesday.")
    assert [m.sub_event_type for m in ms if m.sub_event_type is not None] == []


def test_a_noun_trigger_of_the_sentence_keeps_its_place(extractor) -> None:
    (m,) = mentions(extractor, "Militants attacked the town of Varn with mortars on Friday, killing five residents.")
    assert m.sub_event_type == SHELLING


def test_a_verb_naming_no_place_or_day_tells_a_part_of_the_attack(extractor) -> None:
    ms = mentions(
        extractor,
        "Masked gunmen attacked a bus station in Quetta on Friday, killing seven travellers. "
        "Three more people were shot as they fled, and two were kidnapped.",
    )
    assert len(ms) == 1
    assert {(c.kind.value, c.figure.min) for c in ms[0].claims} == {("killed", 7)}


def test_the_victims_of_its_toll_verb_type_an_attack_on_no_known_target(extractor) -> None:
    (m,) = mentions(extractor, "Monday's attack on a checkpoint near Garissa killed four police officers, officials said.")
    assert m.sub_event_type == CLASH


def test_the_target_of_opened_fire_is_what_it_was_opened_on(extractor) -> None:
    (m,) = mentions(extractor, "Unidentified assailants opened fire on a police patrol in Peshawar on Monday.")
    roles = {r.role: r.actor for r in m.actors}
    assert roles["target"].type == "state" and m.sub_event_type == CLASH
