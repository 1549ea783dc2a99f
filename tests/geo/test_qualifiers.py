"""qualifier/offset_of: the phrase around a toponym that says near, outskirts, N km south of, province."""

import pytest

from ceasefire.geo.qualifiers import Offset, offset_of, qualifier


def q(text: str, name: str) -> str:
    start = text.index(name)
    return qualifier(text, start, start + len(name))


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("A car bomb exploded near Tal Abyad on Monday.", "Tal Abyad", "near"),
        ("Fighting on the outskirts of Marib killed four.", "Marib", "outskirts of"),
        ("The strike hit a village 12 km south of Hama.", "Hama", "12 km south of"),
        ("Shelling in the southern province of Daraa.", "Daraa", "province of"),
        ("Shelling in Daraa province overnight.", "Daraa", "province"),
        ("Troops entered Kobani yesterday.", "Kobani", ""),
    ],
)
def test_qualifiers(text: str, name: str, expected: str) -> None:
    assert q(text, name) == expected


def test_offsets_in_km_and_miles() -> None:
    assert offset_of("12 km south of") == Offset(12.0, "south")
    off = offset_of("5 miles north-west of")
    assert off is not None and off.direction == "northwest" and round(off.km, 1) == 8.0
    assert offset_of("near") is None
