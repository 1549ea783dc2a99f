"""The one great-circle distance and the one month table (model.py)."""

from __future__ import annotations

import pytest

from ceasefire.model import MONTHS, km_between, month_number, point_from


@pytest.mark.parametrize(
    ("word", "number"),
    [("January", 1), ("jan", 1), ("Sept", 9), ("sep.", 9), ("DEC", 12), ("Decem", 12), ("May", 5), ("mar", 3)],
)
def test_a_month_by_its_name_or_a_start_of_it(word: str, number: int) -> None:
    assert month_number(word) == number


@pytest.mark.parametrize("word", ["", "ma", "ju", "Mayday", "Octopus", "spring", "12"])
def test_no_month(word: str) -> None:
    assert month_number(word) is None


def test_months_in_order() -> None:
    assert [month_number(m) for m in MONTHS] == list(range(1, 13))


def test_distances_on_the_globe() -> None:
    assert km_between(10.0, 20.0, 10.0, 20.0) == 0.0
    assert km_between(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.19, abs=0.01)  # a degree on the equator
    assert km_between(0.0, 0.0, 0.0, 180.0) == pytest.approx(20015.1, abs=0.1)  # half the globe
    assert km_between(51.5, -0.13, 48.86, 2.35) == pytest.approx(km_between(48.86, 2.35, 51.5, -0.13))


@pytest.mark.parametrize(("bearing", "km"), [(0.0, 30.0), (90.0, 120.0), (225.0, 40.0), (180.0, 5.0)])
def test_a_point_at_a_distance_and_bearing_is_that_far(bearing: float, km: float) -> None:
    lat, lon = point_from(14.2, 1.45, km, bearing)
    assert km_between(14.2, 1.45, lat, lon) == pytest.approx(km, rel=1e-6)
    assert lat > 14.2 if bearing == 0.0 else lat < 14.2 if bearing >= 180.0 else lon > 1.45
    assert point_from(0.0, 179.9, 111.19, 90.0)[1] == pytest.approx(-179.1, abs=0.01)  # across the date line
