"""Byline lines: author and outlet."""

from __future__ import annotations

import pytest

from ceasefire.ingest.bylines import Byline, parse_byline


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Marta Kovalenko / Steppe Herald", Byline("Marta Kovalenko", "Steppe Herald")),
        ("Omar al-Masri / Example.com", Byline("Omar al-Masri", "Example.com")),
        ("By Oleh Bondar, Crossroads News Agency", Byline("Oleh Bondar", "Crossroads News Agency")),
        ("By Sara Haddad (AP)", Byline("Sara Haddad", "Associated Press")),
        ("BY SARA HADDAD AND OMAR AL-MASRI, AFP", Byline("SARA HADDAD AND OMAR AL-MASRI", "AFP")),
        ("By Sara Haddad and Omar al-Masri, Reuters", Byline("Sara Haddad and Omar al-Masri", "Reuters")),
        ("By Layla Hassan", Byline("Layla Hassan", None)),
    ],
)
def test_bylines(line: str, expected: Byline) -> None:
    assert parse_byline(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Marta Kovalenko / Steppe Herald & Oleh Bondar / Crossroads – 2024-03-20 10:00:00",
        "Donetsk Toll Disputed as",
        "Both Sides Trade Blame: Monitor, Officials",
        "By the end of the day, the fighting had stopped.",
        "Shelling Kills Seven in Donetsk Suburb, Officials Say",
        "Input/Output",
        "",
    ],
)
def test_lines_that_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None
