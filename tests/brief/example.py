"""An invented week for the brief's tests and for ``docs/brief-example.*``.

The agreement, the parties, the sources, the outlets and every sentence are invented
for illustration; the places are real Syrian towns and provinces so the map has
something to show. ``make brief-example`` renders it into ``docs/``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from ceasefire.brief import Brief, BriefRow, EvidenceLine, SourceFigure
from ceasefire.model import DatePrecision, DateResolution, Flag, Place, PlacePrecision

GOV = "Government forces"
OPP = "Opposition coalition"
ALLY = "Allied air force"
AREA = (35.7, 32.3, 42.4, 37.3)


def day(d: int, month: int = 9) -> DateResolution:
    return DateResolution(date(2016, month, d), date(2016, month, d), DatePrecision.DAY, "dateline weekday")


def town(name: str, admin1: str, lat: float, lon: float, precision: PlacePrecision = PlacePrecision.LOCALITY) -> Place:
    return Place(name, "SY", admin1, lat, lon, None, "city", precision)


def province(name: str, lat: float, lon: float) -> Place:
    return Place(name, "SY", name, lat, lon, None, "admin1", PlacePrecision.ADMIN1)


def said(quote: str, source: str, n: int, kind: str = "claim", outlet: str = "Example Wire") -> EvidenceLine:
    slug = outlet.lower().replace(" ", "-")
    return EvidenceLine(quote, outlet, f"https://{slug}.example/2016/09/report-{n}", f"report-{n}", source, kind)


ART1 = ("Art. 1", "Cessation of hostilities: no attacks of any kind, including aerial bombardment and shelling.")
ART3 = ("Art. 3", "Humanitarian access: no obstruction of aid convoys or attacks on medical facilities.")


def rows_this_week() -> tuple[BriefRow, ...]:
    return (
        BriefRow(
            "inc-aleppo-13", day(13), town("Aleppo", "Aleppo", 36.20, 37.16), "possible_violation",
            "Air/drone strike", *ART1, GOV, ("Civil defence volunteers", "Opposition coalition"),
            (SourceFigure("Civil defence volunteers", "killed", 7, 9), SourceFigure("Health directorate", "killed", 6, 6),
             SourceFigure("Health directorate", "wounded", 20, 20)),
            6, 9, "confirmed", (Flag("count_disagreement", "killed: 6 (Health directorate) vs 7-9 (Civil defence volunteers)"),),
            (said("Civil defence volunteers said seven to nine people died when jets struck a market in the east of the city.", "Civil defence volunteers", 1),
             said("The health directorate counted six dead and twenty wounded after the raid.", "Health directorate", 2, outlet="Sample Daily"),
             said("A government spokesman said its aircraft had hit only a weapons depot.", "Government spokesman", 3, "denial")),
            "Government forces' aircraft are named as the perpetrator of an aerial strike on a market; Art. 1 prohibits aerial bombardment.",
            "Civilians",
        ),
        BriefRow(
            "inc-daraa-14", day(14), province("Daraa", 32.75, 36.13), "possible_violation",
            "Shelling/artillery/missile attack", *ART1, GOV, ("Local council",),
            (SourceFigure("Local council", "killed", 3, 3),), 3, 3, "single_source", (),
            (said("The local council said three people died in shelling of villages in the province.", "Local council", 4),),
            "Government forces are named as the perpetrator of shelling; the place is known only to the province.",
        ),
        BriefRow(
            "inc-mhardeh-15", day(15), town("Mhardeh", "Hama", 35.25, 36.57, PlacePrecision.POINT), "possible_violation",
            "Shelling/artillery/missile attack", *ART1, OPP, ("State news agency",),
            (SourceFigure("State news agency", "killed", 2, 2), SourceFigure("State news agency", "wounded", 5, 5)),
            2, 2, "single_source", (),
            (said("The state news agency said rockets fired by opposition fighters killed two people in the town.", "State news agency", 5),
             said("An opposition commander denied firing on the town.", "Opposition commander", 5, "denial")),
            "Only the state news agency names the Opposition coalition; the commander's denial is attached.",
        ),
        BriefRow(
            "inc-homs-16", day(16), town("Homs", "Homs", 34.73, 36.71), "possible_violation",
            "Attack", *ART3, GOV, ("Aid agency",), (), None, None, "single_source", (),
            (said("An aid agency said soldiers fired on its convoy at a checkpoint outside the city; no casualties were reported.", "Aid agency", 6, "accusation"),),
            "Government forces are accused of firing on an aid convoy; Art. 3 protects aid convoys.",
        ),
        BriefRow(
            "inc-deir-17", day(17), town("Deir ez-Zor", "Deir ez-Zor", 35.34, 40.14, PlacePrecision.NEAR), "possible_violation",
            "Air/drone strike", *ART1, ALLY, ("Monitoring group",),
            (SourceFigure("Monitoring group", "killed", 12, None),), 12, None, "single_source", (),
            (said("A monitoring group said at least twelve soldiers were killed in an air raid near the city.", "Monitoring group", 7, outlet="Sample Daily"),
             said("The allied air force said it may have struck the wrong position.", "Allied air force", 8, "acknowledgment")),
            "The Allied air force supports a party's side; the strike hit a party's forces, which Art. 1 prohibits.",
        ),
        BriefRow(
            "inc-syria-18", DateResolution(date(2016, 9, 18), date(2016, 9, 18), DatePrecision.DAY, "dateline"),
            Place("Syria", "SY", None, 35.0, 38.0, 163843, "country", PlacePrecision.COUNTRY), "possible_violation",
            "Air/drone strike", *ART1, GOV, ("Opposition coalition",), (), None, None, "single_source", (),
            (said("The opposition coalition accused the government of more than twenty air strikes across the country on Sunday.", "Opposition coalition", 9, "accusation"),),
            "The Opposition coalition accuses Government forces of air strikes; the place is known only to the country.",
        ),
        BriefRow(
            "inc-azaz-15", day(15), town("Azaz", "Aleppo", 36.59, 37.05), "unattributed",
            "Remote explosive/landmine/IED", None, None, None, (),
            (SourceFigure("Hospital director", "killed", 4, 5),), 4, 5, "single_source", (),
            (said("A car bomb killed four or five people near a bus station, the hospital director said.", "Hospital director", 10),),
            "No perpetrator is named: the incident could not be attributed.",
        ),
        BriefRow(
            "inc-hama-week", DateResolution(date(2016, 9, 12), date(2016, 9, 18), DatePrecision.WEEK, "this week"),
            province("Hama", 35.13, 36.75), "unattributed", "Armed clash", None, None, None, (),
            (SourceFigure("Monitoring group", "killed", 1, 3),), 1, 3, "single_source", (),
            (said("Clashes this week in the Hama countryside killed between one and three fighters, a monitoring group said.", "Monitoring group", 11),),
            "Both sides are named and each blames the other: it could not be attributed.",
        ),
        BriefRow(
            "inc-raqqa-16", day(16), Place("Raqqa", "SY", "Raqqa", 35.95, 39.01, None, "admin2", PlacePrecision.ADMIN2),
            "permitted", "Air/drone strike", None, None, None, (),
            (SourceFigure("Monitoring group", "killed", 10, 20),), 10, 20, "single_source", (),
            (said("Air strikes on positions of the excluded group around the city killed between ten and twenty of its fighters.", "Monitoring group", 12),),
            "The target is an excluded group: attacks on it are permitted.",
        ),
        BriefRow(
            "inc-damascus-14", day(14), town("Damascus", "Damascus", 33.51, 36.29), "out_of_scope",
            "Peaceful protest", None, None, None, (), (), None, None, "single_source", (),
            (said("Hundreds marched peacefully in the capital to support the truce.", "Example Wire", 13),),
            "A peaceful protest is not a prohibited act.",
        ),
    )


def rows_week_before() -> tuple[BriefRow, ...]:
    return (
        BriefRow("prev-1", day(6), town("Aleppo", "Aleppo", 36.20, 37.16), "possible_violation", "Air/drone strike",
                 *ART1, GOV, ("Civil defence volunteers",), (), 2, 4, "single_source"),
        BriefRow("prev-2", day(8), town("Idlib", "Idlib", 35.93, 36.63), "possible_violation", "Air/drone strike",
                 *ART1, GOV, ("Monitoring group",), (), 5, 5, "single_source"),
        BriefRow("prev-3", day(9), town("Mhardeh", "Hama", 35.25, 36.57), "possible_violation",
                 "Shelling/artillery/missile attack", *ART1, OPP, ("State news agency",), (), 1, 1, "single_source"),
        BriefRow("prev-4", day(10), town("Azaz", "Aleppo", 36.59, 37.05), "unattributed",
                 "Remote explosive/landmine/IED", None, None, None, (), (), None, None, "single_source"),
    )


def example_brief(rows: tuple[BriefRow, ...] | None = None) -> Brief:
    start = datetime(2016, 9, 12, 19, 0, tzinfo=timezone(timedelta(hours=3)))
    return Brief(
        agreement_id="example-truce",
        agreement_name="Example truce (invented for illustration)",
        agreement_start=start,
        agreement_end=None,
        period_from=date(2016, 9, 12),
        period_to=date(2016, 9, 18),
        rows=rows_this_week() if rows is None else rows,
        previous_rows=rows_week_before(),
        generated_on=date(2016, 9, 19),
        parties=(GOV, OPP),
        area=AREA,
    )
