"""The CSV rows and GeoJSON features of the export, and the sentence around a span (pure, no store)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
from tests.factories import DARAA_PROVINCE, IDLIB
from tests.store.factory import incident

from ceasefire.export.evidence import sentence_span
from ceasefire.export.geojson import feature
from ceasefire.export.table import COLUMNS, csv_chunks
from ceasefire.model import Place, PlacePrecision


@pytest.mark.parametrize("place, point", [(IDLIB, True), (DARAA_PROVINCE, False),
                                          (replace(IDLIB, precision=PlacePrecision.COUNTRY), False),
                                          (replace(IDLIB, lat=None, lon=None), False)])
def test_only_a_precise_place_is_a_point(place: Place, point: bool) -> None:
    f = feature(replace(incident("i1", ()), place=place))
    if point:
        assert f["geometry"] == {"type": "Point", "coordinates": [place.lon, place.lat]}
    else:
        assert f["geometry"] is None
    assert f["properties"]["location_precision"] == place.precision.value
    assert f["properties"]["lat"] == place.lat  # the area's centre is kept, marked by its precision


def test_an_unplaced_incident_has_no_geometry_and_unknown_precision() -> None:
    f = feature(incident("i1", (), country=None))
    assert f["geometry"] is None and f["properties"]["location_precision"] == "unknown"


def test_csv_guards_text_a_spreadsheet_would_run_but_keeps_negative_numbers() -> None:
    inc = replace(incident("i1", ()), place=replace(IDLIB, name="=HYPERLINK(\"http://x\")", lon=-45.5))
    rows = list(csv.DictReader(io.StringIO("".join(csv_chunks([inc])))))
    assert tuple(rows[0]) == COLUMNS and len(rows) == 1
    assert rows[0]["place"].startswith("'=") and rows[0]["lon"] == "-45.5"
    assert rows[0]["flags"] == "count_disagreement" and rows[0]["killed_high"] == "15"


@pytest.mark.parametrize(
    "text, word, sentence",
    [
        ("A first one. Then shells hit the market. After.", "shells", "Then shells hit the market."),
        ("Title line\n\nShells hit the town on Sunday", "Shells", "Shells hit the town on Sunday"),
        ('He said "they fired." Shells fell? Yes.', "fell", "Shells fell?"),
        ("one sentence only", "only", "one sentence only"),
    ],
)
def test_sentence_span_is_the_sentence_around_the_word(text: str, word: str, sentence: str) -> None:
    at = text.index(word)
    start, end = sentence_span(text, at, at + len(word))
    assert text[start:end] == sentence


def test_the_python_api_exports_csv_and_geojson_files(tmp_path) -> None:
    from ceasefire.config import Settings
    from ceasefire.database import Database
    from ceasefire.errors import ConfigError

    with Database(Settings(db_url=f"sqlite:///{tmp_path / 's.db'}")) as db:
        db.store.replace_incidents([replace(incident("a1", ()), place=IDLIB), replace(incident("b2", ()), place=DARAA_PROVINCE)])
        assert db.export(tmp_path / "out.csv", format="csv") == 2
        assert db.export(tmp_path / "out.geojson", format="geojson") == 2
        with pytest.raises(ConfigError):
            db.export(tmp_path / "x.csv", format="csv", history=True)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8"), newline="")))
    assert [r["id"] for r in rows] == ["a1", "b2"]
    doc = json.loads((tmp_path / "out.geojson").read_text(encoding="utf-8"))
    assert [f["geometry"] is None for f in doc["features"]] == [False, True]
