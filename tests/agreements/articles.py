"""Invented wire reports for the shipped agreements other than Syria 2016, for the violation check.

Each agreement gets short reports, one event each, of the kinds the check must tell apart: a
party's act, an ally's act, an act just before the agreement starts, one outside its area, one
whose perpetrator is unknown, and one denied by the accused with no independent source. Places
and names are real so the gazetteer and the actor registry resolve them; the events are made up.
"""

from __future__ import annotations

import json
from pathlib import Path

#: agreement id -> its reports: (article id, publication date, text)
ARTICLES: dict[str, list[tuple[str, str, str]]] = {
    "minsk-ii-2015": [
        ("minsk-party", "2015-02-18",
         "(February 18, 2015) — Pro-Russian separatists shelled Ukrainian army positions in Avdiivka on Tuesday, "
         "killing two Ukrainian soldiers, the OSCE monitoring mission said."),
        ("minsk-before", "2015-02-16",
         "(February 16, 2015) — Rockets fired by separatists hit Mariupol on Saturday, hours before the ceasefire "
         "took effect, killing five civilians, city officials said."),
        ("minsk-outside", "2015-02-23",
         "(February 23, 2015) — A bomb exploded at a rally in Kharkiv on Sunday, killing two people, police said. "
         "No group said it had planted the bomb."),
    ],
    "south-sudan-2018": [
        ("ssd-unknown", "2018-07-05",
         "(July 5, 2018) — Unidentified gunmen attacked a village near Wau on Tuesday, killing seven civilians, "
         "local officials said."),
        ("ssd-denied", "2018-07-12",
         "(July 12, 2018) — SPLA-IO fighters shelled army positions in Yei on Monday, killing four soldiers, the "
         "army spokesman said. The SPLA-IO denied the accusation."),
    ],
    "yemen-truce-2022": [
        ("yemen-ally", "2022-04-09",
         "(April 9, 2022) — Saudi-led coalition warplanes struck a Houthi position in Marib on Friday, killing "
         "six fighters, a local medical source said."),
        ("yemen-start-day", "2022-04-03",
         "(April 3, 2022) — Houthi rebels fired a missile at an airport in Jizan on Saturday morning, wounding "
         "three workers, Saudi state media said."),
        ("yemen-outside", "2022-04-07",
         "(April 7, 2022) — Al-Shabaab militants shelled a military base in Mogadishu on Wednesday, killing nine "
         "soldiers, officials said."),
    ],
    "israel-hezbollah-2024": [
        ("lebanon-party", "2024-12-03",
         "(December 3, 2024) — An Israeli air strike hit a car in Nabatieh on Monday, killing two people, "
         "Lebanon's health ministry said."),
        ("lebanon-before", "2024-11-27",
         "(November 27, 2024) — Israeli air strikes hit buildings in Beirut on Tuesday, hours before the "
         "ceasefire took hold, killing 11 people, the health ministry said."),
        ("lebanon-outside", "2024-12-09",
         "(December 9, 2024) — Israeli air strikes hit a weapons depot near Damascus on Sunday, killing three "
         "fighters, a war monitor said."),
        ("lebanon-hezbollah", "2024-12-04",
         "(December 4, 2024) — Hezbollah fired two mortar rounds at an Israeli army position near Kiryat Shmona "
         "on Tuesday, the Israeli military said. No one was hurt."),
    ],
}


def write_articles(agreement_id: str, folder: Path) -> Path:
    """The reports of ``agreement_id`` as a JSONL file in ``folder``, one report a line."""
    path = folder / f"{agreement_id}.jsonl"
    lines = [json.dumps({"id": aid, "publication_date": day, "outlet": "Wire Fixture", "text": text})
             for aid, day, text in ARTICLES[agreement_id]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
