"""The map: precise places are dots, imprecise ones areas (never a pin), the view fits, a scale and a legend."""

from __future__ import annotations

import numpy as np
from matplotlib.collections import PathCollection
from matplotlib.patches import Ellipse, PathPatch
from matplotlib.text import Annotation

from ceasefire.brief import BriefRow
from ceasefire.brief.mapfig import how_drawn, map_figure, view_box
from ceasefire.brief.summary import ordered
from ceasefire.model import Place, PlacePrecision
from tests.brief.example import AREA, day, example_brief


def _figure(rows, area=AREA):
    numbered = list(enumerate(ordered(rows), 1))
    return numbered, map_figure(numbered, area=area, title="Incidents")


def _dots(ax) -> np.ndarray:
    offsets = [c.get_offsets() for c in ax.collections if isinstance(c, PathCollection)]
    return np.concatenate(offsets) if offsets else np.zeros((0, 2))


def test_places_known_only_to_a_district_or_province_are_hatched_circles_and_never_dots():
    numbered, fig = _figure(example_brief().rows)
    ax = fig.axes[0]
    dots = _dots(ax)
    areas = [r for _, r in numbered if r.place is not None and r.place.precision in (PlacePrecision.ADMIN1,
                                                                                      PlacePrecision.ADMIN2)]
    assert len(areas) == 3
    ellipses = [p for p in ax.patches if isinstance(p, Ellipse)]
    for r in areas:
        assert how_drawn(r) == "area"
        here = [e for e in ellipses if np.allclose(e.center, (r.place.lon, r.place.lat))]
        assert len(here) == 1 and here[0].get_hatch() == "////", r.incident_id
        assert not np.any(np.all(np.isclose(dots, (r.place.lon, r.place.lat)), axis=1)), f"a pin for {r.incident_id}"
    admin1 = next(e for e in ellipses if np.allclose(e.center, (36.13, 32.75)))
    admin2 = next(e for e in ellipses if np.allclose(e.center, (39.01, 35.95)))
    assert admin1.height > admin2.height  # a province is drawn wider than a district


def test_a_place_known_only_to_its_country_is_the_hatched_country():
    numbered, fig = _figure(example_brief().rows)
    ax = fig.axes[0]
    hatched = [p for p in ax.patches if isinstance(p, PathPatch) and p.get_hatch()]
    assert len(hatched) == 1
    west, south = hatched[0].get_path().vertices.min(axis=0)
    east, north = hatched[0].get_path().vertices.max(axis=0)
    assert 35.5 < west < 36.2 and 41.9 < east < 42.6 and 32.0 < south < 32.6 and 37.0 < north < 37.5  # Syria
    country = next(r for _, r in numbered if r.place is not None and r.place.precision is PlacePrecision.COUNTRY)
    assert not np.any(np.all(np.isclose(_dots(ax), (country.place.lon, country.place.lat)), axis=1))


def test_precise_places_are_dots_and_every_drawn_row_has_its_number():
    numbered, fig = _figure(example_brief().rows)
    ax = fig.axes[0]
    dots = _dots(ax)
    for _, r in numbered:
        if how_drawn(r) == "point":
            assert np.any(np.all(np.isclose(dots, (r.place.lon, r.place.lat)), axis=1)), r.incident_id
    labels = " ".join(t.get_text() for t in ax.texts if isinstance(t, Annotation))
    assert sorted(int(n) for n in labels.replace(",", " ").split()) == [n for n, _ in numbered]


def test_rows_without_coordinates_are_left_off():
    rows = (
        BriefRow("nowhere", day(13), None, "possible_violation", "Attack", accused="A"),
        BriefRow("unresolved", day(13), Place("Somewhere", precision=PlacePrecision.UNKNOWN), "possible_violation",
                 "Attack", accused="A"),
        BriefRow("aleppo", day(14), Place("Aleppo", "SY", "Aleppo", 36.2, 37.16, precision=PlacePrecision.LOCALITY),
                 "possible_violation", "Attack", accused="A"),
    )
    numbered, fig = _figure(rows)
    assert [how_drawn(r) for _, r in numbered] == ["none", "none", "point"]
    labels = [t.get_text() for t in fig.axes[0].texts if isinstance(t, Annotation)]
    assert labels == ["3"]


def test_the_view_holds_every_incident_and_the_area_with_a_margin():
    rows = example_brief().rows
    west, south, east, north = view_box(rows, AREA, 1.4)
    assert west < AREA[0] and east > AREA[2] and south < AREA[1] and north > AREA[3]
    far = (BriefRow("far", day(13), Place("Mosul", "IQ", "Nineveh", 36.34, 43.13, precision=PlacePrecision.LOCALITY),
                    "possible_violation", "Attack"),)
    assert view_box(far, AREA, 1.4)[2] > 43.13
    one = view_box(far, None, 1.4)  # a single place: at least the smallest span around it
    assert one[0] < 43.13 < one[2] and one[1] < 36.34 < one[3] and (one[3] - one[1]) * 110 > 150


def test_the_map_has_a_scale_a_legend_and_the_outline_source():
    _, fig = _figure(example_brief().rows)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert any(t.endswith(" km") for t in texts)
    assert any("Natural Earth" in t for t in texts)
    legend = [t.get_text() for lg in fig.legends for t in lg.get_texts()]
    assert "Possible violation" in legend and "Could not be attributed" in legend
    assert any("district" in t for t in legend) and any("country" in t for t in legend)
    assert any("killed" in t for t in legend)
