"""Invented wire stories for the tests of copies: one story, its carriers, and another story of the same event."""

from __future__ import annotations

import json
from pathlib import Path

# the story as the wire sent it
STORY = (
    "SARAQIB, Syria, March 3 (Wire One) - At least 12 people were killed when shells hit a crowded vegetable market in "
    "the town of Saraqib in Idlib province on Sunday, the regional health office said.\n\n"
    "The shelling began shortly after dawn, as traders were setting out their stalls along the main road, "
    "residents said. Several buildings around the market square were badly damaged, and fire crews worked for "
    "hours to put out the flames in a grain store.\n\n"
    "A local monitoring group said the shells had been fired from positions held by government forces in the hills "
    "west of the town. The army did not respond to a request for comment.\n\n"
    "The town has been shelled repeatedly since the front line moved closer in the autumn, and many families have "
    "already left for the coast.\n"
)

# another outlet carries it: its own byline, a dateline without the date, a credit line at the end
CARRIED = (
    "By Mara Telling, Evening Lantern\n\n"
    + STORY.replace("SARAQIB, Syria, March 3 (Wire One) -", "SARAQIB (Wire One) -")
    + "\nReporting by Wire One staff; editing by the Evening Lantern desk.\n"
)

# a reporter of another outlet on the same shelling, in her own words
OTHER = (
    "SARAQIB, Syria, March 3 (Valley Post) - Fourteen people were killed and more than 30 wounded when shells struck "
    "the covered market in Saraqib on Sunday, doctors at the district hospital said.\n\n"
    "Stallholders described a first shell landing near the bus stop before several more struck the covered hall "
    "where grain and vegetables are sold. One trader said he had lost two brothers.\n\n"
    "Civil defence volunteers were still searching the rubble of a collapsed shop in the evening. The hospital "
    "director appealed for blood donors and for fuel for the generators.\n"
)


def jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path
