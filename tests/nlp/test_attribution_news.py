"""Who gives each figure, clause by clause, through the whole pipeline on invented news: sentence-final and
inverted reporting verbs, 'according to', a source carried from the sentence before or across an open quote,
roles and pronouns resolved to the named claimant, two claimants in one sentence, and no source that cannot
speak (a dateline, 'violence', 'the attack', a place)."""

from __future__ import annotations

import pytest

from tests.newsrun import incidents_of, pipeline, sources

pytestmark = pytest.mark.model

OWN_VOICE = "Test Wire"  # the outlet: the article's own voice

# (name, text, {(kind, lowest figure): source name})
CASES = [
    ("sentence-final, the U.N.", "Fighting in the north of the country left 40 dead on Tuesday, the U.N. said.",
     {("killed", 40): "U.N"}),
    ("wrote on Telegram", "A missile struck a grain terminal in the Dorvik region on Tuesday, killing two workers and "
     "injuring five others, the governor wrote on Telegram.", {("killed", 2): "governor", ("wounded", 5): "governor"}),
    ("according to", "At least 18 people were killed in an air strike on a displacement camp in Tal Amsel on "
     "Tuesday, according to the Red Crescent.", {("killed", 18): "Red Crescent"}),
    ("it said, the sentence after", "An air strike hit a market in the town of Kesra on Tuesday. The local health "
     "office said 9 people were killed. It said another 20 were wounded.",
     {("killed", 9): "local health office", ("wounded", 20): "local health office"}),
    ("an open quote over paragraphs", "Gunmen attacked a village in the north on Tuesday, police said.\n\n\"We have "
     "recovered 23 bodies so far,\" said Yusuf Dalo, a police spokesman.\n\n\"Another 14 people were wounded and "
     "taken to the general hospital.\"", {("killed", 23): "Yusuf Dalo", ("wounded", 14): "Yusuf Dalo"}),
    ("the official: the governor named before", "Shelling hit the centre of Kestrel on Tuesday, Governor Oleksandr "
     "Marchuk said. The official said four civilians were killed and 11 wounded.",
     {("killed", 4): "Oleksandr Marchuk", ("wounded", 11): "Oleksandr Marchuk"}),
    ("two claimants, two figures", "Clashes broke out between the army and rebels near Ostrel on Tuesday. The army "
     "said 20 rebels were killed, while the rebels put the toll at 35 soldiers killed.",
     {("killed", 20): "army", ("killed", 35): "rebels"}),
    ("two claimants, 'according to' and 'said'", "A bomb blast at a mosque in Barsa on Tuesday killed 20 worshippers, "
     "according to hospital officials, while police said the toll was 24.",
     {("killed", 20): "hospital officials", ("killed", 24): "police"}),
    ("violence does not speak", "Violence in the region killed 12 people on Tuesday, a local official told "
     "reporters.", {("killed", 12): "a local official"}),
    ("a dateline does not speak", "GOMAR, Ruritania - At least 15 people were killed on Tuesday when rebels attacked "
     "a camp for displaced people.", {("killed", 15): OWN_VOICE}),
    ("a place in a dateline does not speak", "Velmar, Ruritania - Two people were killed in a missile attack on the "
     "city on Tuesday.", {("killed", 2): OWN_VOICE}),
    ("the attack does not speak", "A car bomb struck a police station in Kesra on Tuesday. The attack killed nine "
     "officers and wounded 20, said a senior police officer, Imran Dost.",
     {("killed", 9): "a senior police officer, Imran Dost", ("wounded", 20): "a senior police officer, Imran Dost"}),
    ("the ministry added", "A car bomb exploded in a market in Barsa on Tuesday, killing six people, the interior "
     "ministry said. The ministry added that 25 people were wounded.",
     {("killed", 6): "interior ministry", ("wounded", 25): "interior ministry"}),
    ("in a statement", "Fighters fired a missile at a ship off the coast on Tuesday, killing three crew members, the "
     "U.S. military said in a statement.", {("killed", 3): "U.S. military"}),
    ("he added, after a named head of council", "Mykola Dorosh, head of the regional council, said on Tuesday that a "
     "drone attack on Velmar had killed five people. He added that 16 were wounded.",
     {("killed", 5): "Mykola Dorosh", ("wounded", 16): "Mykola Dorosh"}),
    ("inverted: said Dr. X", "Strikes killed 13 people in Tal Amsel on Tuesday, said Dr. Marwan Haddad, director "
     "of the field hospitals.", {("killed", 13): "Dr. Marwan Haddad"}),
    ("an aside in mid-sentence", "Rebels shelled the town of Sakor on Tuesday. Ten civilians were killed, local "
     "authorities said, and 20 others were wounded.",
     {("killed", 10): "local authorities", ("wounded", 20): "local authorities"}),
    ("gave a death toll", "Rebels attacked the village of Mbela on Tuesday night. Jean Kasongo, who heads a "
     "farmers' union there, gave an early toll of 27.", {("killed", 27): "Jean Kasongo"}),
    ("revised the toll", "Gunmen stormed a church in Ostrel on Tuesday. The regional health office later revised "
     "the toll to 14 dead.", {("killed", 14): "regional health office"}),
    ("a surname after the full name", "At least 19 people died in the blast in Kesra on Tuesday, police spokesman "
     "Khalid Zarin said. Zarin added that 40 were wounded.",
     {("killed", 19): "police spokesman Khalid Zarin", ("wounded", 40): "Khalid Zarin"}),
]


@pytest.fixture(scope="module")
def pipe():
    return pipeline()


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_figure_has_its_claimant(pipe, text: str, expected: dict[tuple[str, int], str]) -> None:
    got = sources(incidents_of(pipe, text, "2024-03-06"))
    assert {k: got.get(k) for k in expected} == expected
