"""Event dates through the whole pipeline, on invented news in the styles of wire services and local outlets:
the date of the incident an article reports, told apart from the dates of statements, funerals and inquiries,
from clock times, and from other events; relative days against the report's date at week boundaries."""

from __future__ import annotations

from datetime import date

import pytest

from ceasefire.incidents import build_incidents
from tests.newsrun import event_days, incidents_of, mentions_of, pipeline

pytestmark = pytest.mark.model

# (name, published, headline, text, the day of the incident; None: no single day is given)
CASES = [
    ("early weekday, dateline", "2024-03-06", None,
     "VELMAR, Ruritania (Wire One) - Missiles struck an apartment block in Velmar early Tuesday, killing at least "
     "seven people, the regional governor said.\n\nRescuers searched the rubble through the night, officials said.",
     date(2024, 3, 5)),
    ("statement day, then the event's possessive day", "2024-03-09", None,
     "The health ministry said on Saturday that Friday's air strike on a market in Port Amsel killed 14 people."
     "\n\nFunerals were held on Saturday afternoon.", date(2024, 3, 8)),
    ("the attack, which happened early Sunday", "2024-03-04", None,
     "Gunmen opened fire on worshippers at a mosque in the town of Kombo, killing nine people. The attack, which "
     "happened early Sunday, was claimed by no group, police said on Monday.", date(2024, 3, 3)),
    ("the ambush happened at dawn, a sentence later", "2024-03-04", None,
     "Three soldiers were killed in an ambush on a patrol near the town of Ostrel, the army said. The ambush "
     "happened at dawn on Saturday, a security source told Wire One.", date(2024, 3, 2)),
    ("a clock time beside the day", "2024-03-05", None,
     "At least 11 people were killed when a roadside bomb hit a minibus near Kesra at 8:15 a.m. on Monday, "
     "provincial police spokesman Ahmad Nazari said.", date(2024, 3, 4)),
    ("a clock time alone is no date", "2024-03-05", None,
     "A drone strike hit a house in the village of Tal Saqr around 22:00 local time, killing four members of one "
     "family, a local monitor said.", None),
    ("a time in GMT", "2024-03-06", None,
     "A car bomb exploded at around 3 a.m. (0000 GMT) on Tuesday outside a police station in Dorvik, killing "
     "two officers, the governor's office said.", date(2024, 3, 5)),
    ("Sunday's bombing, a funeral to come", "2024-03-04", None,
     "Sunday's bombing at a bus station in Harran killed 12 people, police said. An investigation has been "
     "opened, and the victims' funerals will be held on Tuesday.", date(2024, 3, 3)),
    ("funerals held for Saturday's victims", "2024-03-06", None,
     "Funerals were held on Tuesday for the victims of Saturday's bombing at a bus station in Qalat Dun, where "
     "a suicide bomber blew himself up among waiting passengers.", date(2024, 3, 2)),
    ("an investigation opened into Monday's shooting", "2024-03-06", None,
     "Police said on Wednesday they had opened an investigation into Monday's shooting at a bar in the town of "
     "Riverton, in which four people were killed.", date(2024, 3, 4)),
    ("day month", "2024-03-04", "Car bomb kills 8 in Harran on 3 March",
     "A car bomb exploded outside a hotel in Harran on 3 March, killing eight people, police said.\n\nThe "
     "militant group claimed responsibility in a statement on Monday.", date(2024, 3, 3)),
    ("month ordinal day", "2024-03-05", None,
     "A suicide bomber blew himself up at a checkpoint in Kesra on March 3rd, killing six soldiers, the defence "
     "ministry said.", date(2024, 3, 3)),
    ("numeric date", "2024-03-12", None,
     "DORVIK (Wire) - A missile strike on the port of Dorvik killed five people on 03/03/2024, the navy said.",
     date(2024, 3, 3)),
    ("day and month in figures", "2024-03-12", None,
     "BARSA (Wire) - A drone strike on a car in the south killed two men on 03/03, state media reported.",
     date(2024, 3, 3)),
    ("day first: month first would be after the report", "2024-03-12", None,
     "Shelling of the village of Nikor killed an elderly man on 11/03/2024, the district council said.",
     date(2024, 3, 11)),
    ("overnight, statement the next day", "2024-03-06", None,
     "Shelling killed two civilians in Kestrel overnight, the regional military administration said on "
     "Wednesday.", date(2024, 3, 5)),
    ("early yesterday, on Telegram", "2024-03-05", None,
     "Two people were killed early yesterday when a missile hit a village near Sumor, the governor wrote on "
     "Telegram.", date(2024, 3, 4)),
    ("Friday night, said on Saturday, mourning on Monday", "2024-03-11", None,
     "ZAVRIK, Ruritania - A drone attack on Friday night killed three people in Zavrik, the regional governor "
     "said on Saturday.\n\nThe city held a day of mourning on Monday.", date(2024, 3, 8)),
    ("last week, said on Monday", "2024-03-04", None,
     "BARSA, March 4 (Wire) - A bomb exploded in a crowded market in eastern Barsa last week, killing 15 "
     "people, security sources said on Monday.", None),
    ("the statement's Monday a day of the dateline", "2024-03-04", None,
     "KESRA, March 4 (Wire) - A bomb exploded at a wedding hall in Kesra on Monday, killing 11 guests, police "
     "said.", date(2024, 3, 4)),
    ("a Monday before a Sunday report", "2024-03-03", None,
     "A drone strike on Monday killed four fighters near the border, the militia said.", date(2024, 2, 26)),
    ("said on Monday, killed on Sunday", "2024-03-11", None,
     "An air strike on a school sheltering displaced families in Deir Amsel killed 22 people on Sunday, the civil "
     "defence agency said. The army said on Monday it had targeted militants inside the compound.",
     date(2024, 3, 10)),
    ("the night of a month day", "2024-03-05", None,
     "On the night of March 3, troops attacked the city of Velmar with drones, killing two residents, the "
     "regional prosecutor's office reported.", date(2024, 3, 3)),
    ("a day and a clock time, local style", "2024-03-05", None,
     "On March 3, at about 22:40, the enemy shelled the village of Bilozir, wounding three civilians, the "
     "regional administration said.", date(2024, 3, 3)),
    ("weekday with the date in brackets", "2025-01-27", None,
     "Troops fired on families going back to hill villages on Sunday (Jan 26), wounding seven, the "
     "health office said.", date(2025, 1, 26)),
    ("the early hours of", "2024-03-04", None,
     "Gunmen killed eight villagers in the early hours of Sunday in the village of Gora in Plateau state, a local "
     "leader said.", date(2024, 3, 3)),
    ("late on Friday, said on Sunday", "2024-03-04", None,
     "Late on Friday, militants stormed a military base in the north, killing 23 soldiers, the army said on "
     "Sunday.", date(2024, 3, 1)),
    ("weekday, day month", "2024-03-05", None,
     "Two people were killed when a missile hit a five-storey building in Velmar on Sunday, 3 March, the "
     "regional governor said.", date(2024, 3, 3)),
    ("Friday night's shelling", "2024-03-09", None,
     "Friday night's shelling of the town of Ostrel killed three civilians, officials said on Saturday.",
     date(2024, 3, 8)),
    ("the shelling took place overnight, a sentence later", "2024-03-06", None,
     "Shelling killed a woman in the town of Nikor, the regional governor said on Telegram. The shelling took "
     "place overnight, he said, and also damaged a gas pipeline.", date(2024, 3, 5)),
    ("a dated headline", "2024-03-04", "Sunday, March 3, 2024: Airstrikes kill 17 in Tal Amsel",
     "Airstrikes killed 17 people in Tal Amsel, the health ministry said.", date(2024, 3, 3)),
    ("a headline's day", "2024-03-05", "Airstrikes kill 17 in Tal Amsel on Sunday",
     "Airstrikes killed 17 people in Tal Amsel, the health ministry said.", date(2024, 3, 3)),
    ("a day told on another verb, the strike's own day on its noun", "2024-03-06", None,
     "Rescuers on Tuesday were still searching the rubble of a block of flats in Velmar after Sunday's missile "
     "strike, which killed 12 people.", date(2024, 3, 3)),
    ("the month day of the massacre, a later arrival", "2024-03-06", None,
     "Troops reached the village of Nikor on Tuesday, two days after the March 3 massacre in which gunmen "
     "killed 30 villagers.", date(2024, 3, 3)),
    ("a possessive day on a plain noun", "2024-03-06", None,
     "Regional officials said Monday's attacks on the river port of Kesra killed 17 people and wounded 40.",
     date(2024, 3, 4)),
    ("yesterday's killing", "2024-03-06", None,
     "Yesterday's killing of four shepherds near the village of Tal Saqr drew condemnation from the governor.",
     date(2024, 3, 5)),
    ("the month day on a plain noun", "2024-03-09", None,
     "The March 5 raid on the village of Nikor by militiamen left 11 men dead, elders said on Friday.",
     date(2024, 3, 5)),
    ("a letter's date and the killings' date", "2024-03-06", None,
     "In a letter dated March 5, the bar council condemned the March 2 killings of nine farmers in Ostrel.",
     date(2024, 3, 2)),
    ("the worst since an older event", "2019-10-14", None,
     "Gunmen ambushed a police convoy near the town of Kerrin, killing 14 officers, the state prosecutor said on "
     "Monday, in the worst attack on the force since the new governor was sworn in last December.",
     date(2019, 10, 14)),
]


@pytest.fixture(scope="module")
def pipe():
    return pipeline()


@pytest.mark.parametrize(("published", "title", "text", "day"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_incident_has_the_event_day(pipe, published: str, title: str | None, text: str, day: date | None) -> None:
    incidents = incidents_of(pipe, text, published, title)
    assert incidents
    days = event_days([i for i in incidents if i.claims] or incidents)
    assert days == {day}


def test_a_statement_s_day_yields_to_another_report_s_day_of_the_event(pipe) -> None:
    # one report dates only the telling ("said on Tuesday"), another the killings themselves: one incident, on
    # the day the second tells; the statement's Tuesday bounds the first report's event to the week up to it
    said = mentions_of(pipe, "Rights groups said on Tuesday that soldiers massacred 14 villagers in the village "
                             "of Kombo.", "2024-03-06", article_id="a1")
    told = mentions_of(pipe, "Gunmen killed 14 villagers in Kombo on Saturday, local officials said.", "2024-03-06",
                       article_id="a2")
    assert [m.date.day for m in said] == [date(2024, 3, 5)] and said[0].date.stated
    (inc,) = build_incidents(said + told)
    assert inc.article_ids == ("a1", "a2")
    assert event_days([inc]) == {date(2024, 3, 2)}
    # alone, the first report's incident is dated to the statement's day, its best guess
    assert event_days(build_incidents(said)) == {date(2024, 3, 5)}


def test_an_event_named_by_its_day_beside_the_report_s_event_is_another_incident(pipe) -> None:
    # the later sentence has no trigger word but its noun dated by its own day: an event of its own, with its toll
    text = ("A missile struck the central market of Velmar on Wednesday, killing nine shoppers, the governor said. "
            "Separately, Tuesday's raid on a fuel depot outside the city left three guards dead and 12 hurt, police "
            "said.")
    incidents = incidents_of(pipe, text, "2024-03-06")
    by_day = {i.date.start: {(c.kind.value, c.figure.min) for c in i.claims} for i in incidents}
    assert by_day == {date(2024, 3, 6): {("killed", 9)}, date(2024, 3, 5): {("killed", 3), ("wounded", 12)}}
