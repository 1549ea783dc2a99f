"""Datelines at the start of a report, and page dates in a header."""

from __future__ import annotations

from datetime import date

import pytest

from ceasefire.ingest import find_page_date, parse_dateline

MON_19_SEP_2016 = date(2016, 9, 19)


@pytest.mark.parametrize(
    ("text", "published", "place", "when", "outlet"),
    [
        ("(September 18, 2016) — In the defense of", None, None, date(2016, 9, 18), None),
        ("(March 3rd, 2024) - Fighting", None, None, date(2024, 3, 3), None),
        ("BEIRUT, Sept 17 (Reuters) - Jets bombed", MON_19_SEP_2016, "BEIRUT", date(2016, 9, 17), "Reuters"),
        ("BEIRUT (Reuters) - Jets bombed", MON_19_SEP_2016, "BEIRUT", None, "Reuters"),
        ("SAN SALVADOR, 3 JAN 90 -- [REPORT] THE ARMY", None, "SAN SALVADOR", date(1990, 1, 3), None),
        ("WASHINGTON, April 10, 2007 — Officials", None, "WASHINGTON", date(2007, 4, 10), None),
        ("KABUL, Afghanistan (AP) — A bomb", None, "KABUL, Afghanistan", None, "Associated Press"),
        ("DEIR EZ-ZOR, Syria, Aug. 21 — An air strike", date(2022, 8, 21), "DEIR EZ-ZOR, Syria",
         date(2022, 8, 21), None),
        ("LEON (NICARAGUA), 14 FEB 88 (RADIO ESTRELLA) -- [TEXT]", None, "LEON, NICARAGUA",
         date(1988, 2, 14), "RADIO ESTRELLA"),
        ("BOGOTA, 27 APR 90 [TELEVISION] THE POLICE", None, "BOGOTA", date(1990, 4, 27), None),
        ("  GAZA CITY — Residents said", None, "GAZA CITY", None, None),
    ],
)  # fmt: skip
def test_dateline_formats(
    text: str, published: date | None, place: str | None, when: date | None, outlet: str | None
) -> None:
    found = parse_dateline(text, 0, published)

    assert found is not None
    assert (found.place, found.date, found.outlet) == (place, when, outlet)
    assert text[found.start : found.end] == found.as_written


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday, army gunners shelled the ridge.",
        "Officials said - without giving details - that",
        "Allied jets hit a fuel depot - the monitor said",
        "Idlib - a city in the north",
        "Still, the envoy warns that Halep is the riskiest front.",
    ],
)
def test_sentences_are_not_datelines(text: str) -> None:
    assert parse_dateline(text) is None


def test_month_and_day_take_the_year_on_or_before_publication() -> None:
    same_year = parse_dateline("BEIRUT, Sept 17 (Reuters) - x", 0, date(2016, 9, 19))
    new_year = parse_dateline("BEIRUT, Dec 30 (Reuters) - x", 0, date(2017, 1, 2))
    unknown = parse_dateline("BEIRUT, Dec 30 (Reuters) - x", 0, None)

    assert same_year is not None and same_year.date == date(2016, 9, 17)
    assert new_year is not None and new_year.date == date(2016, 12, 30)
    assert unknown is not None and unknown.date is None


def test_two_digit_years_take_the_century_nearest_publication() -> None:
    nineties = parse_dateline("LIMA, 5 FEB 99 -- x", 0, None)
    near_pub = parse_dateline("LIMA, 5 FEB 01 -- x", 0, date(1999, 12, 31))

    assert nineties is not None and nineties.date == date(1999, 2, 5)
    assert near_pub is not None and near_pub.date == date(2001, 2, 5)


def test_dateline_at_an_offset() -> None:
    text = "Headline\n\nKHARKIV, Ukraine, April 3 — A missile"

    found = parse_dateline(text, 10, date(2023, 4, 3))

    assert found is not None and found.start == 10 and found.date == date(2023, 4, 3)


def test_impossible_date_is_kept_as_a_dateline_without_a_date() -> None:
    found = parse_dateline("ALEPPO, Feb 30 (AFP) - x", 0, date(2020, 3, 1))

    assert found is not None and found.date is None and found.outlet == "AFP"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Page title\n\nSeptember 19th, 2016 - by admin\n\nA / B – 2016-09-19 02:02:02", date(2016, 9, 19)),
        ("Posted 2023-03-12 08:00", date(2023, 3, 12)),
        ("Updated 4 May 2019", date(2019, 5, 4)),
        ("A headline without any date", None),
        ("Since September 2014", None),
    ],
)
def test_page_dates(header: str, expected: date | None) -> None:
    assert find_page_date(header) == expected
