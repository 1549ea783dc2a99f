"""Event dates of reports never seen, through the whole pipeline: a date anywhere in the report linked to the event
it dates, the reporting or follow-up day told apart from the event's, nights across midnight, weekdays across a
week boundary and the publication day, weeks and months that name no day, clock times that are no dates, days of
the month without the month, and older events counted back from the event told before them. Each case: the days
of the report's incidents (a night counts as the day it began), ``None`` for an incident dated to no single day.
June 2025: Monday 2, Monday 9, Monday 16."""

from __future__ import annotations

from datetime import date

import pytest

from tests.newsrun import event_days, incidents_of, pipeline

pytestmark = pytest.mark.model

# (name, published, headline, text, the days of the report's incidents)
CASES = [
    ("early yesterday, a sentence later", "2025-06-03", None,
     "VELMAR, June 3 (Wire One) - A missile struck a railway depot in Velmar, killing six workers, the regional "
     "governor said on Tuesday. The attack happened early yesterday, shortly after the night shift began, he said.",
     {date(2025, 6, 2)}),
    ("the strike, on Tuesday night", "2025-06-05", None,
     "The strike, on Tuesday night, destroyed a clinic in the hill town of Arvani and killed four nurses, the "
     "health office said.", {date(2025, 6, 3)}),
    ("said on Saturday that Friday's attack", "2025-06-09", None,
     "The interior ministry said on Saturday that Friday's attack on a fuel convoy near Kesra killed nine drivers.",
     {date(2025, 6, 6)}),
    ("officials raised the toll of last week's bombing", "2025-06-10", None,
     "On Monday, officials raised the toll of last week's bombing at the central bus terminal in Dorvik to 31.",
     {None}),
    ("overnight into Sunday", "2025-06-08", None,
     "Drones attacked the river port of Ostrel overnight into Sunday, killing two dock workers, the mayor said.",
     {date(2025, 6, 7)}),
    ("late on Saturday, reported Sunday", "2025-06-08", None,
     "Gunmen killed five farmers late on Saturday in the village of Mbeli, a local official said on Sunday.",
     {date(2025, 6, 7)}),
    ("Monday report, on Sunday", "2025-06-09", None,
     "GOMA (AFP) - Rebels attacked a camp for displaced people outside Goma on Sunday, killing 12 people, the "
     "army said.", {date(2025, 6, 8)}),
    ("Monday report, on Monday", "2025-06-09", None,
     "Goma (AFP) – A bomb went off in a crowded market in Beni on Monday, killing three people, police said.",
     {date(2025, 6, 9)}),
    ("Tuesday report, on Wednesday past", "2025-06-10", None,
     "An air strike on Wednesday hit a wedding party in the village of Qaryat Noor, killing 17 guests, a rights "
     "group said in a report released on Tuesday.", {date(2025, 6, 4)}),
    ("last week, no day", "2025-06-10", None,
     "Militants ambushed an army patrol near Tarsk last week, killing eight soldiers, the defence ministry said.",
     {None}),
    ("earlier this month, no day", "2025-06-20", None,
     "At least 20 villagers were killed in an attack on Mbeli earlier this month, a rights group said in a report.",
     {None}),
    ("clock time alone", "2025-06-10", None,
     "A shell hit a bakery in Nikor at 10:30, killing two customers, the local council said.", {None}),
    ("clock time and weekday", "2025-06-10", None,
     "A car bomb exploded at 10:30 on Monday outside the town hall in Dorvik, killing three guards, police said.",
     {date(2025, 6, 9)}),
    ("GMT time and weekday", "2025-06-08", None,
     "KESRA, June 8 (Reuters) - Gunmen stormed a police post in Kesra at about 1900 GMT on Saturday, killing four "
     "officers, a security source said.", {date(2025, 6, 7)}),
    ("ordinal day without month", "2025-06-20", None,
     "A drone hit a minibus near Tal Saqr on the 14th, killing five passengers, a local monitor said on Friday.",
     {date(2025, 6, 14)}),
    ("ordinal day of the previous month", "2025-07-03", None,
     "Relatives said the raid on the village of Gora on the 28th left 11 men dead.", {date(2025, 6, 28)}),
    ("a week earlier, an older attack", "2025-06-09", None,
     "A suicide bomber killed 14 people at a mosque in Harran on Sunday, police said. A week earlier, a car bomb "
     "in the same district had killed six.", {date(2025, 6, 1), date(2025, 6, 8)}),
    ("three days before, an older attack", "2025-06-05", None,
     "Militiamen killed nine herders near Mbeli on Wednesday, a local leader said. Three days before, gunmen had "
     "shot dead four traders on the road to the town.", {date(2025, 6, 1), date(2025, 6, 4)}),
    ("last month's attack recalled", "2025-06-10", None,
     "Gunmen killed seven worshippers at a church in Kombo on Monday, police said. The town was still mourning "
     "the 22 people killed in last month's attack on its market.", {date(2025, 6, 9), None}),
    ("the day before, older", "2025-06-10", None,
     "An air strike killed five fighters at a checkpoint outside Arvani on Monday, the militia said. The day "
     "before, shelling had killed a shepherd near the same village.", {date(2025, 6, 8), date(2025, 6, 9)}),
    ("late last night, dateline", "2025-06-05", None,
     "DORVIK, June 5 (Wire One) - Rockets hit a residential quarter of Dorvik late last night, killing three "
     "children, the city's mayor said.", {date(2025, 6, 4)}),
    ("in the early hours of Thursday, reported Friday", "2025-06-06", None,
     "Two soldiers were killed in the early hours of Thursday when their vehicle struck a mine near the border, "
     "the army said in a statement on Friday.", {date(2025, 6, 5)}),
    ("night of Friday to Saturday", "2025-06-09", None,
     "During the night of Friday to Saturday, attackers set fire to houses in the village of Lumbi, killing 14 "
     "residents, the provincial governor told reporters on Monday.", {date(2025, 6, 6)}),
    ("the toll rose on Wednesday, Monday's blast", "2025-06-11", None,
     "The toll from Monday's blast at a fuel depot in Ostrel rose to 40 on Wednesday, health officials said.",
     {date(2025, 6, 9)}),
    ("month day explicit, said later", "2025-06-12", None,
     "The attack, which took place on June 7, killed 16 people in the village of Nadu, the United Nations said on "
     "Wednesday.", {date(2025, 6, 7)}),
    ("two days ago", "2025-06-12", None,
     "Security forces said they had killed 13 militants in a raid near Tarsk two days ago.", {date(2025, 6, 10)}),
    ("on Sunday evening, published Sunday", "2025-06-08", None,
     "At least nine people were killed on Sunday evening when a rocket struck a cafe in Velmar, emergency "
     "services said.", {date(2025, 6, 8)}),
    ("yesterday's shelling, weekday statement", "2025-06-04", None,
     "The governor said on Wednesday that yesterday's shelling of Nikor killed two pensioners and wounded eight.",
     {date(2025, 6, 3)}),
    ("a weekday of a frame week", "2025-06-11", None,
     "Last week's fighting in Kombo peaked on Thursday, when rebels overran an army post and killed 19 soldiers, "
     "the ministry said.", {date(2025, 6, 5)}),
    ("three weeks earlier, older", "2025-06-20", None,
     "A landmine killed four children near Arvani on Thursday, officials said. Three weeks earlier, a similar "
     "blast had killed two farmers nearby.", {date(2025, 6, 19), None}),
    ("Saturday 14 June style", "2025-06-16", None,
     "On Saturday 14 June, soldiers opened fire on protesters in Lumbi, killing six, a rights group said on "
     "Monday.", {date(2025, 6, 14)}),
    ("a week ago told to the reporter", "2025-06-16", None,
     "Residents said the militia raided the village of Nadu a week ago, killing 10 men.", {date(2025, 6, 9)}),
    ("dateline day before publication", "2025-06-07", None,
     "DORVIK, June 6 (Wire One) - Gunmen killed four police officers at a checkpoint outside Dorvik on Thursday, "
     "officials said.", {date(2025, 6, 5)}),
    ("at 2300 on Saturday", "2025-06-09", None,
     "Rebels shelled the market town of Lumbi at 2300 on Saturday, killing three traders, a local official said.",
     {date(2025, 6, 7)}),
    ("at 10.30am on Wednesday", "2025-06-12", None,
     "A bomb hidden in a motorbike exploded at 10.30am on Wednesday near a school in Kesra, killing two pupils, "
     "police said.", {date(2025, 6, 11)}),
    ("shortly before midnight on Saturday", "2025-06-09", None,
     "Shortly before midnight on Saturday, a drone struck a house in Arvani, killing a mother and her two sons, "
     "relatives said.", {date(2025, 6, 7)}),
    ("in the small hours of Sunday", "2025-06-10", None,
     "Militants raided a border post in the small hours of Sunday and killed six guards, the interior ministry "
     "said on Monday.", {date(2025, 6, 8)}),
    ("this morning", "2025-06-12", None,
     "NIKOR, June 12 (Wire One) - A missile hit a bus station in Nikor this morning, killing five people, the "
     "mayor said.", {date(2025, 6, 12)}),
    ("last Sunday, published Tuesday", "2025-06-10", None,
     "Soldiers killed seven civilians in the village of Nadu last Sunday, a rights group said.", {date(2025, 6, 8)}),
    ("the 2 June attack", "2025-06-10", None,
     "Police arrested two suspects on Monday over the 2 June attack on a church in Kombo that killed nine "
     "worshippers.", {date(2025, 6, 2)}),
    ("on June 3rd at 1900 GMT", "2025-06-10", None,
     "The strike hit the fuel depot in Ostrel on June 3rd at 1900 GMT, killing four workers, the company said.",
     {date(2025, 6, 3)}),
    ("Friday 6 June", "2025-06-09", None,
     "On Friday 6 June, gunmen on motorbikes killed 11 villagers in Mbeli, a local official said.",
     {date(2025, 6, 6)}),
    ("the previous evening, older", "2025-06-10", None,
     "A car bomb killed three soldiers in Tarsk on Monday, the army said. The previous evening, a roadside bomb "
     "had killed a police officer on the same road.", {date(2025, 6, 8), date(2025, 6, 9)}),
    ("at dawn on Friday, funerals Sunday", "2025-06-09", None,
     "Troops killed 14 herders at dawn on Friday near the village of Lumbi, elders said. The victims were buried "
     "on Sunday.", {date(2025, 6, 6)}),
    ("died of wounds on Sunday after Friday's shelling", "2025-06-09", None,
     "A second child died on Sunday of wounds suffered in Friday's shelling of Nikor, which killed five people, "
     "doctors said.", {date(2025, 6, 6)}),
    ("Goma AFP dateline, yesterday", "2025-06-12", None,
     "Goma (AFP) – Attackers killed 18 civilians yesterday in the village of Mapasa, local sources said.",
     {date(2025, 6, 11)}),
    ("a fortnight ago", "2025-06-20", None,
     "Villagers said militiamen killed 12 men in Nadu a fortnight ago.", {None}),
    ("earlier on Monday, published Monday", "2025-06-09", None,
     "Earlier on Monday, a drone hit a car near Arvani, killing its driver, the army said.", {date(2025, 6, 9)}),
    ("late Friday or early Saturday", "2025-06-09", None,
     "Gunmen killed five miners late Friday or early Saturday near the village of Gora, police said.",
     {date(2025, 6, 6)}),
    ("said Thursday, died Tuesday night", "2025-06-06", None,
     "Officials said on Thursday that 12 people had died in an attack on a bus station in Kesra on Tuesday night.",
     {date(2025, 6, 3)}),
    ("2 am Sunday (2300 GMT Saturday)", "2025-06-09", None,
     "The attack took place around 2 a.m. on Sunday (2300 GMT Saturday), when gunmen killed six guards at a dam "
     "near Arvani, officials said.", {date(2025, 6, 8)}),
    ("late Tuesday, said Wednesday, published Thursday", "2025-06-05", None,
     "In an attack late Tuesday, militants killed nine soldiers near the border, the ministry said on Wednesday.",
     {date(2025, 6, 3)}),
    ("on the 3rd, said on the 5th", "2025-06-06", None,
     "The rebels killed 21 civilians in the village of Nadu on the 3rd, the UN said in a statement on the 5th.",
     {date(2025, 6, 3)}),
    ("Sunday report, Saturday", "2025-06-08", None,
     "KOMBO, June 8 (Wire One) - Suspected jihadists killed 13 soldiers in an ambush in northern Kombo on "
     "Saturday, the army said in a statement on Sunday.", {date(2025, 6, 7)}),
    ("yesterday's, dateline day", "2025-06-05", None,
     "DORVIK, June 4 (Wire One) - Yesterday's drone strike on the power plant in Dorvik killed two engineers, the "
     "operator said.", {date(2025, 6, 3)}),
    ("two weeks ago", "2025-06-20", None,
     "Relatives said soldiers shot dead four fishermen on the lake near Lumbi two weeks ago.", {None}),
    ("Monday published, Friday told", "2025-06-09", None,
     "Armed men killed 30 people in an attack on a cattle camp in Gora on Friday, local authorities said on "
     "Monday.", {date(2025, 6, 6)}),
    ("a week after an older attack with no toll: background", "2025-06-16", None,
     "Gunmen abducted and killed three aid workers near Nadu on Friday, a week after a similar attack in the same "
     "area.", {date(2025, 6, 13)}),
    ("on 5 June, a statement on 7 June", "2025-06-10", None,
     "A statement issued on 7 June said that a strike on 5 June had killed 11 fighters near Ostrel.",
     {date(2025, 6, 5)}),
    ("Tuesday of last week", "2025-06-11", None,
     "Gunmen killed six traders on the road to Nadu on Tuesday of last week, a local chief said.", {date(2025, 6, 3)}),
    ("on Tuesday last week", "2025-06-11", None,
     "Rebels shelled a school in Lumbi on Tuesday last week, killing four pupils, teachers said.", {date(2025, 6, 3)}),
    ("last Tuesday, published Tuesday", "2025-06-10", None,
     "A bomb killed five people at a bus stop in Kesra last Tuesday, police said.", {date(2025, 6, 3)}),
    ("early this morning", "2025-06-12", None,
     "A drone struck a market in Arvani early this morning, killing three women, the mayor said.", {date(2025, 6, 12)}),
    ("in the early hours of June 4", "2025-06-10", None,
     "In the early hours of June 4, militants stormed a prison in Tarsk, killing seven guards, officials said.",
     {date(2025, 6, 4)}),
    ("Sunday, June 8", "2025-06-10", None,
     "On Sunday, June 8, soldiers opened fire on a crowd in Kombo, killing nine, witnesses said.", {date(2025, 6, 8)}),
    ("mid-afternoon on Friday", "2025-06-09", None,
     "The blast ripped through a cafe in Dorvik in mid-afternoon on Friday, killing 12, officials said.",
     {date(2025, 6, 6)}),
    ("dateline date 'today'", "2025-06-13", None,
     "MBELI, June 12 (Wire One) - Gunmen killed seven farmers in Mbeli today, a local official said.",
     {date(2025, 6, 12)}),
    ("the 1st of June", "2025-06-10", None,
     "The massacre of 40 villagers in Nadu on the 1st of June was carried out by a militia, a UN report said.",
     {date(2025, 6, 1)}),
    ("said Monday, a day after gunmen killed", "2025-06-10", None,
     "Police deployed reinforcements to Mbeli on Monday, a day after gunmen killed eight villagers there.",
     {date(2025, 6, 8)}),
    ("three days after, told back", "2025-06-12", None,
     "Militiamen killed 16 villagers in Gora on Wednesday, three days after an army raid on the village killed four of "
     "their fighters, residents said.", {date(2025, 6, 8), date(2025, 6, 11)}),
]

# Shapes still read wrongly: a distance counted from a statement's time in the same sentence (the event is no older
# one: it must not be set apart), and a night across two days of a month, which the NER does not take as a date.
OPEN = [
    ("on the night of June 3 to 4", "2025-06-10", None,
     "On the night of June 3 to 4, drones hit an oil depot in Ostrel, killing two workers, the governor said.",
     {date(2025, 6, 3)}),
    ("the night before, said Wednesday", "2025-06-12", None,
     "On Wednesday, the army said its soldiers had repelled an assault on their base near Tarsk the night before, "
     "killing 15 attackers.", {date(2025, 6, 10)}),
]


@pytest.fixture(scope="module")
def pipe():
    return pipeline()


@pytest.mark.parametrize(("published", "title", "text", "days"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_incident_has_the_day_a_careful_coder_gives(pipe, published, title, text, days) -> None:
    assert _days(pipe, published, title, text) == days


@pytest.mark.xfail(strict=True, reason="not read yet (see OPEN)")
@pytest.mark.parametrize(("published", "title", "text", "days"), [c[1:] for c in OPEN], ids=[c[0] for c in OPEN])
def test_shapes_still_open(pipe, published, title, text, days) -> None:
    assert _days(pipe, published, title, text) == days


def _days(pipe, published: str, title: str | None, text: str) -> set[date | None]:
    incidents = incidents_of(pipe, text, published, title)
    return event_days([i for i in incidents if i.claims] or incidents)
