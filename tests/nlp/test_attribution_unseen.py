"""A battery of invented short reports for clause-level attribution, scored the way the gold is matched
(``evaluation.metrics.source_matches``: token overlap on the claimant's name; "the article itself" is the outlet's
own voice): reporting verbs at the end of the sentence or inverted, a source carried over from the sentence before or
across an open quote, descriptors and pronouns resolved to the named claimant, two claimants in one sentence, an
agency that relays a statement, social media posts, anonymous sources, and spans that cannot speak (a dateline, a
headline label, 'violence', 'the attack', a place, a date)."""

from __future__ import annotations

import pytest

from ceasefire.evaluation.metrics import source_matches
from tests.newsrun import incidents_of, pipeline

pytestmark = pytest.mark.model

OUTLET = "Test Wire"
OWN = "the article itself"

# (name, title or None, text, {(kind, lowest figure): source as the gold would write it})
CASES: list[tuple[str, str | None, str, dict[tuple[str, int], str]]] = [
    ("inverted: said the regional governor, X", None,
     "Artillery fire hit a bus station in Marvino on Monday, killing seven people and wounding 19, said the regional "
     "governor, Petro Halych.", {("killed", 7): "the regional governor, Petro Halych",
                                 ("wounded", 19): "the regional governor, Petro Halych"}),
    ("wrote on Telegram, a named governor", None,
     "Drones struck an apartment block in Zelenivka overnight, killing three residents, Governor Ivan Fedak wrote "
     "on Telegram.", {("killed", 3): "Governor Ivan Fedak"}),
    ("according to local officials", None,
     "A landmine blast tore through a minibus near the village of Kaldo on Sunday, killing 11 passengers, according "
     "to local officials.", {("killed", 11): "local officials"}),
    ("health officials told Reuters", None,
     "An air strike on a fuel depot in Tamsa killed at least eight people on Wednesday, health officials told "
     "Reuters.", {("killed", 8): "health officials (to Reuters)"}),
    ("the ministry told AFP", None,
     "Nine soldiers died when their patrol drove over a roadside bomb near Garoumi, the defence ministry told AFP on "
     "Thursday.", {("killed", 9): "the defence ministry (to AFP)"}),
    ("a medical source told AFP", None,
     "Shelling on a crowded street in Wad Hamid killed 16 civilians on Friday, a medical source told AFP.",
     {("killed", 16): "a medical source (to AFP)"}),
    ("the statement said: carried to its issuer", None,
     "The army said in a statement that its troops had repelled an attack on a base near Kulvar. Four soldiers were "
     "killed in the fighting, the statement said.", {("killed", 4): "the army (statement)"}),
    ("an open quote over paragraphs", None,
     "Gunmen burned homes in the village of Sabo on Monday.\n\n\"They came at dawn and shot everyone who ran,\" said "
     "Amina Yusuf, a village elder.\n\n\"Seventeen people were killed in our village. Many more are missing.\"",
     {("killed", 17): "Amina Yusuf, a village elder"}),
    ("a descriptor, then 'He added'", None,
     "Ahmed Bello, a spokesman for the state police, said gunmen killed nine farmers in Dutsin Kowa on Saturday. He "
     "added that 14 were hurt.", {("killed", 9): "Ahmed Bello, a spokesman for the state police",
                                  ("wounded", 14): "Ahmed Bello ('he added')"}),
    ("'the spokesman' after a named spokesman", None,
     "Police spokesman Musa Danjuma said five people were killed when a bomb went off at a bus park in Gombi. The "
     "spokesman said another 12 were injured.", {("killed", 5): "police spokesman Musa Danjuma",
                                                ("wounded", 12): "Musa Danjuma"}),
    ("'She said', a named doctor", None,
     "Dr. Leila Nasser, who runs the district hospital in Beit Amra, said 10 bodies were brought in after the strike "
     "on Tuesday. She said 31 wounded people were being treated.",
     {("killed", 10): "Dr. Leila Nasser", ("wounded", 31): "Leila Nasser"}),
    ("two claimants: 'while X put the toll at'", None,
     "Fighting raged for hours near Bandaro on Sunday. The army said 12 soldiers died in the clash, while the rebels "
     "put the toll at 30.", {("killed", 12): "the army", ("killed", 30): "the rebels"}),
    ("two claimants: 'but X said'", None,
     "Local officials said 15 people were killed in the raid on Marsa, but a rights group said 22 had died.",
     {("killed", 15): "local officials", ("killed", 22): "a rights group"}),
    ("two claimants: 'according to X; Y said'", None,
     "According to the Red Crescent, 17 people were killed in the shelling of Dovra; the government said nine.",
     {("killed", 17): "the Red Crescent"}),
    ("the outlet's own voice", None,
     "A suicide bomber killed at least 14 people at a wedding in the town of Bakara on Friday.", {("killed", 14): OWN}),
    ("a post on Facebook", None,
     "The regional administration said in a post on Facebook that four civilians were killed in the shelling of "
     "Ternivka on Monday.", {("killed", 4): "the regional administration (Facebook)"}),
    ("posted on X", None,
     "Mayor Olena Sirko posted on X that two people were killed and nine wounded when a missile hit a school in "
     "Horodok.", {("killed", 2): "Mayor Olena Sirko", ("wounded", 9): "Mayor Olena Sirko"}),
    ("a security source", None,
     "Seven police officers were killed in an ambush near Lake Dabo on Tuesday, a security source said.",
     {("killed", 7): "a security source"}),
    ("residents said", None,
     "Residents said at least 20 bodies were pulled from the rubble of the market in Kafr Sulma after the strike.",
     {("killed", 20): "residents"}),
    ("medics said, sentence-final", None,
     "An Israeli strike on a house in Deir Hanun killed 13 people, including five children, medics said.",
     {("killed", 13): "medics"}),
    ("a dateline with an agency does not speak", None,
     "KADUNA, Nigeria, May 3 (Test Wire) - Bandits killed 16 villagers in an overnight raid on a farming settlement "
     "in the north of the state.", {("killed", 16): OWN}),
    ("a headline label does not speak", "BREAKING: Suicide bomb kills 9 at army recruitment centre",
     "A suicide bomber blew himself up at an army recruitment centre in Dakhla on Monday, the military said.",
     {("killed", 9): OWN}),
    ("a place-led headline does not speak", "Lvovo: Drone strike kills four at railway station",
     "Four people were killed when a drone hit a railway station in Lvovo on Monday, regional officials said.",
     {("killed", 4): "regional officials"}),
    ("'the attack' does not speak", None,
     "Gunmen stormed a hotel in the capital on Saturday. The attack left 22 dead, the provincial governor said.",
     {("killed", 22): "the provincial governor"}),
    ("'fighting' does not speak", None,
     "Fighting in the hills around Tarsa killed at least 30 people on Sunday, a UN official said.",
     {("killed", 30): "a UN official"}),
    ("a date does not speak", None,
     "Sunday's attack on a mosque in Kolda killed 18 worshippers and wounded dozens.", {("killed", 18): OWN}),
    ("told reporters, a named colonel", None,
     "An ambush on a convoy near Menaka killed eight soldiers on Thursday, army spokesman Col. Amadou Sow told "
     "reporters.", {("killed", 8): "army spokesman Col. Amadou Sow"}),
    ("inverted: said the U.N. mission", None,
     "At least 25 civilians were killed in the attack on a camp near Bunia, said the U.N. mission in the country.",
     {("killed", 25): "the U.N. mission"}),
    ("a quote, then said X, a doctor", None,
     "\"At least 40 people were killed and dozens more were wounded,\" said Hassan Omar, a doctor at the main "
     "hospital in Bardale.", {("killed", 40): "Hassan Omar, a doctor at the main hospital"}),
    ("a militant group's own claim", None,
     "The militant group said in a statement on Telegram that its fighters killed 20 soldiers in an attack on a "
     "checkpoint near Tillia.", {("killed", 20): "the militant group (statement)"}),
    ("a statement from the ministry", None,
     "A statement from the health ministry said eight people were killed in the strike on a clinic in Harmal.",
     {("killed", 8): "the health ministry (statement)"}),
    ("witnesses told the BBC", None,
     "At least six protesters were shot dead by soldiers in the centre of Tamale on Saturday, witnesses told the BBC.",
     {("killed", 6): "witnesses (to the BBC)"}),
    ("a headline with a sentence-final source", "Blast kills 12 at bus station, police say",
     "A bomb exploded at a bus station in Garissa on Monday morning.", {("killed", 12): "police (headline)"}),
    ("'said so' the sentence after", None,
     "Two soldiers were killed and five wounded in shelling near Sivka overnight.\n\nMykola Hren, head of the "
     "district administration, said so on Tuesday.", {("killed", 2): "Mykola Hren", ("wounded", 5): "Mykola Hren"}),
    ("'is said to have' after an according-to", None,
     "According to the district commissioner, the gunmen arrived on motorbikes at dawn. The raid is said to have "
     "killed nine people.", {("killed", 9): "the district commissioner"}),
    ("an aside in mid-sentence", None,
     "Twelve people, police said, were killed when the blast ripped through the bus terminal in Kitale.",
     {("killed", 12): "police"}),
    ("speaking to reporters, the governor said", None,
     "Speaking to reporters in Garo on Wednesday, the governor said nine people were killed in the raid.",
     {("killed", 9): "the governor"}),
    ("the governor's office said", None,
     "The governor's office said four people were killed when a drone hit a petrol station in Malyn.",
     {("killed", 4): "the governor's office"}),
    ("in a video, the group claimed", None,
     "In a video posted on social media, the group claimed it had killed 15 soldiers in the raid on the base at "
     "Tessit.", {("killed", 15): "the group"}),
    ("present tense, officials say", None,
     "The death toll from Monday's bombing in the town of Rabda stands at 31, officials say.",
     {("killed", 31): "officials"}),
    ("the army denies, saying", None,
     "The rebels claimed to have killed 40 soldiers near Kambi. The army denied this, saying only three soldiers were "
     "wounded.", {("killed", 40): "the rebels", ("wounded", 3): "the army"}),
    ("a police officer on condition of anonymity", None,
     "A police officer who spoke on condition of anonymity said six people were killed in the attack on the "
     "checkpoint at Dera.", {("killed", 6): "a police officer"}),
    ("hospital sources said", None,
     "Hospital sources said 11 bodies and 40 wounded people had been brought in after the strike on Shamal camp.",
     {("killed", 11): "hospital sources", ("wounded", 40): "hospital sources"}),
    ("a headline: 'X say'", "Strike on school kills 20, health officials say",
     "An air strike hit a school sheltering displaced families in Beit Dala on Monday.",
     {("killed", 20): "health officials (headline)"}),
    ("a headline: 'X says'", "Mali army says 20 militants killed in raid near Gao",
     "The army said its troops raided a militant camp near Gao on Sunday.",
     {("killed", 20): "Mali army (headline)"}),
    ("according to a tally", None,
     "At least 23 people were killed in the raids on Tuesday, according to a tally by the local rights group Ruwad.",
     {("killed", 23): "the local rights group Ruwad"}),
    ("adding that, after a quote", None,
     "\"We counted 14 bodies in the square,\" Ali Hamdan, a local council member, said, adding that 30 more were "
     "wounded.", {("killed", 14): "Ali Hamdan", ("wounded", 30): "Ali Hamdan"}),
    ("a figure given by X", None,
     "Officials said five people died in the fire, far fewer than the 22 deaths recorded by the United Nations.",
     {("killed", 5): "officials", ("killed", 22): "the United Nations"}),
    ("a toll released by X", None,
     "The army disputed a toll of 31 dead released by the health ministry after the strike on Kadra.",
     {("killed", 31): "the health ministry"}),
    ("a long descriptor with a relative clause", None,
     "Abdullahi Garba, the chairman of the local council, who visited the scene on Sunday, told journalists that 23 "
     "people were killed.", {("killed", 23): "Abdullahi Garba, the chairman of the local council"}),
    ("according to a named governor with a descriptor", None,
     "A missile hit a hotel in Sivsk on Friday, killing four guests, according to Oleh Mazur, the governor of the "
     "region.", {("killed", 4): "Oleh Mazur, the governor of the region"}),
    ("according to in brackets", None,
     "The blast killed 12 people (according to police) and wounded 40 more, most of them traders.",
     {("killed", 12): "police"}),
    ("a possessive spokesman puts the toll", None,
     "The interior ministry's spokesman, Col. Ahmad Rami, put the death toll at 17.",
     {("killed", 17): "Col. Ahmad Rami"}),
    ("'They said' after residents spoke", None,
     "Residents of Kuro said the gunmen arrived on motorbikes at night. They said at least 30 people were killed.",
     {("killed", 30): "residents of Kuro"}),
    ("a headline with a dash tail", "Gunmen kill 12 in raid on village - army",
     "Gunmen on motorbikes raided the village of Tanko on Sunday.", {("killed", 12): "army (headline)"}),
    ("a headline: 'say medics'", "Air strike kills nine at market, say medics",
     "An air strike hit a busy market in Sulam on Monday.", {("killed", 9): "medics (headline)"}),
    ("a quote opened after a colon, over paragraphs", None,
     "Ali Rahimi, a farmer from Garmsir, said: \"The shells fell all night.\n\n\"My brother and four of his children "
     "were killed.\"", {("killed", 5): "Ali Rahimi"}),
    ("the group claimed the attack, saying", None,
     "The militants claimed the attack on the base at Kora, saying 20 soldiers died.",
     {("killed", 20): "the militants"}),
    ("local media reported", None,
     "Local media reported that 15 people were killed when a bus hit a landmine near Dalo.",
     {("killed", 15): "local media"}),
    ("state media, citing the police", None,
     "State television, citing the police, said 11 people were killed in the blast at the stadium in Kamal.",
     {("killed", 11): "state television (citing the police)"}),
    ("a colon statement", None,
     "The regional police said: \"Seven civilians were killed and 13 injured in the explosion at the bus stop.\"",
     {("killed", 7): "the regional police", ("wounded", 13): "the regional police"}),
    ("own voice after a closed quote", None,
     "\"We are devastated,\" said Yusuf Adamu, a village head.\n\nThe attack on the village killed 12 people, "
     "most of them women.", {("killed", 12): OWN}),
    ("'described as' is no reporting verb", None,
     "The blast killed 12 people in what officials described as a terrorist attack on the market in Kano.",
     {("killed", 12): OWN}),
    ("a headline: 'X say they killed'", "Rebels say they killed 40 soldiers in ambush",
     "Rebels ambushed an army convoy on the road to Bossa on Friday.", {("killed", 40): "rebels (headline)"}),
    ("a tribal elder told AFP by phone", None,
     "Eleven people were killed when a drone struck a wedding party in the Kalat valley, a tribal elder told AFP by "
     "phone.", {("killed", 11): "a tribal elder (to AFP)"}),
    ("a source in the administration", None,
     "A source in the regional administration said 6 people were killed by shelling in Chornoby on Sunday.",
     {("killed", 6): "a source in the regional administration"}),
    ("the ministry's toll rose", None,
     "Air strikes hit the town of Beit Dala on Friday. The health ministry's death toll from the strikes rose to 35 "
     "on Saturday.", {("killed", 35): "the health ministry"}),
    ("figures from X show", None,
     "Figures from the civil defence showed that 30 people were killed in the shelling of Kadra on Friday.",
     {("killed", 30): "the civil defence"}),
    ("a toll given by X rose", None,
     "A bomb went off in a crowded cafe in Siraj on Friday. The death toll given by the police rose to 14 on "
     "Saturday.", {("killed", 14): "the police"}),
    ("the strike's toll: an event does not speak", None,
     "The strike's toll rose to 19 on Saturday as rescuers pulled more bodies from the rubble in Kadra.",
     {("killed", 19): OWN}),
    ("'He said' after a role spoke without a figure", None,
     "The district commissioner said the attack on the market in Garba began at dawn. He said nine people were "
     "killed.", {("killed", 9): "the district commissioner"}),
    ("'It said' after an organisation named without speaking", None,
     "Amnesty International published a report on the raids on Monday. It said 40 people were killed in the village "
     "of Tora.", {("killed", 40): "Amnesty International"}),
    ("an aside after the figure's clause: the nearest subject speaks", None,
     "Israeli air strikes killed at least 31 Palestinians across the Gaza Strip on Tuesday, local health "
     "authorities said, "
     "including 14 in a school sheltering displaced families.", {("killed", 31): "local health authorities"}),
    ("'The source said' after a security source spoke", None,
     "A security source told Example Wire that gunmen ambushed a police convoy near Bauchi on Monday.\n\nThe "
     "source said eight officers were killed and four others were missing.", {("killed", 8): "a security source"}),
    ("a registered name keeps words the gold can match", None,
     "The World Health Organization said 12 health workers were killed in the strike on the hospital in Kadra.",
     {("killed", 12): "the World Health Organization"}),
    ("'X reported the deaths' the sentence after", None,
     "Shelling killed four people in the town of Lyman on Monday. Regional governor Vadym Fil reported the deaths on "
     "Telegram.", {("killed", 4): "Regional governor Vadym Fil"}),
    ("own voice after a speaker's sentence without a figure", None,
     "Police said the gunmen opened fire on worshippers as they left the church. Five people were killed.",
     {("killed", 5): OWN}),
    ("the outlet's voice, a building does not speak", None,
     "The ministry building in the centre of Sarva was hit by two rockets, and four guards died.",
     {("killed", 4): OWN}),
]


@pytest.fixture(scope="module")
def pipe():
    return pipeline()


def claims_by_figure(pipe, title: str | None, text: str) -> dict[tuple[str, int | None], list[dict[str, object]]]:
    out: dict[tuple[str, int | None], list[dict[str, object]]] = {}
    for inc in incidents_of(pipe, text, "2024-05-04", title):
        for c in inc.claims:
            shown = {"source": c.source.name, "source_type": c.source.type.value, "carried_by": c.carried_by}
            out.setdefault((c.kind.value, c.figure.min), []).append(shown)
    return out


@pytest.mark.parametrize(("title", "text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_figure_has_its_claimant(pipe, title: str | None, text: str, expected: dict[tuple[str, int], str]) -> None:
    got = claims_by_figure(pipe, title, text)
    wrong = {
        k: [c["source"] for c in got.get(k, [])]
        for k, gold in expected.items()
        if not any(source_matches(gold, c, OUTLET) for c in got.get(k, []))
    }
    assert not wrong, f"expected {expected}, got {wrong}"
