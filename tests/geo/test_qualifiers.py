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
    assert offset_of("12 km south of") == Offset(12.0, "south", "12 km south")
    off = offset_of("5 miles north-west of")
    assert off is not None and off.direction == "northwest" and round(off.km, 1) == 8.0 and off.bearing == 315.0
    assert offset_of("near") is None


@pytest.mark.parametrize(
    ("text", "name", "km", "bearing"),
    [
        ("a camp at Oddo, 35 kilometres (22 miles) northeast of the capital Tarsk, was hit", "Tarsk", 35.0, 45.0),
        ("raiders struck Ulme, 18 km to the south of the border town of Kessel, at dawn", "Kessel", 18.0, 180.0),
        ("the hamlet of Brisk, some 50 miles south-east of Vorn, burned", "Vorn", 80.45, 135.0),
        ("a convoy 8km west of Halden city was ambushed", "Halden", 8.0, 270.0),
    ],
)
def test_offsets_with_a_second_unit_and_words_before_the_name(text: str, name: str, km: float, bearing: float) -> None:
    off = offset_of(q(text, name))
    assert off is not None and round(off.km, 2) == km and off.bearing == bearing


def test_a_distance_without_a_bearing_is_no_offset() -> None:
    assert offset_of(q("gunmen raided Pella, 15 km from the border town of Kessel, at night", "Kessel")) is None
