"""The SQLite index: built from candidates, opened, looked up; the real index when it exists."""

import os
import sqlite3
import time
from pathlib import Path

import pytest

from ceasefire.config import Settings
from ceasefire.errors import GazetteerError
from ceasefire.geo import SqliteGazetteer, open_gazetteer, resolve_place
from ceasefire.geo.build import build_gazetteer, curated_places
from ceasefire.geo.gazetteer import write_index
from ceasefire.model import Evidence, PlacePrecision, Toponym

from .conftest import AIRPORT, DEIR_CITY, SYRIA


def top(name: str, context: str = "") -> Toponym:
    return Toponym(name, Evidence("text", 0, len(name), name), context)


def test_sqlite_index_from_a_tiny_candidate_list(tmp_path: Path) -> None:
    path = write_index(tmp_path / "g.sqlite", [(SYRIA, ("Syrian",)), (DEIR_CITY, ("Dayr az Zawr",)),
                                               (AIRPORT, ("Deir al-Zor airport",))])
    gaz = SqliteGazetteer.open(path)
    assert gaz.lookup("Deir el-Zour") == [DEIR_CITY]
    assert gaz.lookup("Syrian") == [SYRIA]
    assert gaz.lookup("Nowhere") == []
    place = resolve_place([top("Deir Ezzor airport", "near")], gaz)
    assert place is not None and place.precision is PlacePrecision.NEAR
    gaz.close()


def test_open_errors_are_gazetteer_errors(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError):
        open_gazetteer(tmp_path / "missing.sqlite", build_if_missing=False)
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"not a database at all" * 100)
    with pytest.raises(GazetteerError):
        SqliteGazetteer.open(bogus)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE x (y)").connection.close()
    with pytest.raises(GazetteerError):
        SqliteGazetteer.open(other)


def test_curated_places_are_well_formed() -> None:
    rows = curated_places()
    names = {c.name for c, _, _ in rows}
    assert {"Jebel Tharda", "Deir ez-Zor Airport", "Daraa Governorate", "Donetsk Oblast"} <= names
    for candidate, _, seat in rows:
        assert -90 <= candidate.lat <= 90 and -180 <= candidate.lon <= 180, candidate
        assert candidate.feature != "admin1" or seat, candidate.name


def _real_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = Path(os.environ["CEASEFIRE_GAZETTEER"]) if os.environ.get("CEASEFIRE_GAZETTEER") else (
        Settings.from_env().gazetteer_path)
    if path.exists():
        open_gazetteer(path).close()  # rebuilt here when built by another version of the package
        return path
    if os.environ.get("CI") == "true":
        pytest.fail(f"the gazetteer index must be built before the tests under CI (expected at {path})")
    built = tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite"
    started = time.monotonic()
    build_gazetteer(built)
    assert time.monotonic() - started < 60
    return built


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> SqliteGazetteer:
    return open_gazetteer(_real_index(tmp_path_factory), build_if_missing=False)


def test_real_index_resolves_the_seed_places(real: SqliteGazetteer) -> None:
    assert int(real.meta()["places"]) > 200_000
    tharda = resolve_place([top("Jebel Tharda"), top("Deir al-Zor airport", "near")], real)
    assert tharda is not None
    assert (tharda.name, tharda.precision, tharda.admin1, tharda.country) == (
        "Jebel Tharda", PlacePrecision.POINT, "Deir ez-Zor", "SY")
    daraa = resolve_place([top("Daraa Province")], real)
    assert daraa is not None and (daraa.precision, daraa.country) == (PlacePrecision.ADMIN1, "SY")
    city = resolve_place([top("Deir Ezzor")], real)
    assert city is not None and (city.geonames_id, city.admin1) == (170794, "Deir ez-Zor")
    aleppo = resolve_place([top("Aleppo")], real)
    assert aleppo is not None and (aleppo.country, aleppo.precision) == ("SY", PlacePrecision.LOCALITY)
    assert resolve_place([top("Syria")], real).precision is PlacePrecision.COUNTRY


def test_real_index_uses_context_between_georgias(real: SqliteGazetteer) -> None:
    us = resolve_place([top("Georgia"), top("Atlanta")], real)
    assert us is not None and us.country == "US"
    alone = resolve_place([top("Georgia"), top("Tbilisi")], real)
    assert alone is not None and alone.country == "GE"


def test_real_index_has_regions_airports_and_city_admin1(real: SqliteGazetteer) -> None:
    tamil = resolve_place([top("Tamil Nadu")], real)
    assert tamil is not None and (tamil.country, tamil.precision) == ("IN", PlacePrecision.ADMIN1)
    bc = resolve_place([top("BC"), top("Vancouver")], real)
    assert bc is not None and bc.country == "CA"
    county = resolve_place([top("Morris County")], real)
    assert county is not None and (county.country, county.precision) == ("US", PlacePrecision.ADMIN2)
    heathrow = resolve_place([top("Heathrow Airport")], real)
    assert heathrow is not None and (heathrow.country, heathrow.feature) == ("GB", "airport")
    ny = resolve_place([top("New York")], real)
    assert ny is not None and ny.precision is PlacePrecision.LOCALITY  # the city, not the state
    chennai = resolve_place([top("Chennai")], real)
    assert chennai is not None and chennai.admin1 == "Tamil Nādu"
    assert resolve_place([top("West")], real) is None  # a direction word is not a town


def test_real_index_has_world_features_demonym_regions_and_former_states(real: SqliteGazetteer) -> None:
    english = resolve_place([top("English")], real)
    assert english is not None and (english.name, english.country, english.precision) == (
        "England", "GB", PlacePrecision.ADMIN1)
    soviet = resolve_place([top("Soviet Union")], real)
    assert soviet is not None and (soviet.country, soviet.precision) == ("RU", PlacePrecision.COUNTRY)
    atlantic = resolve_place([top("Atlantic")], real)
    assert atlantic is not None and (atlantic.feature, atlantic.lat, atlantic.lon) == ("water", 10.0, -25.0)
    kurdish = resolve_place([top("Kurdish")], real)
    assert kurdish is not None and kurdish.name == "Kurdistan"
    bc = resolve_place([top("British Columbia")], real)
    assert bc is not None and (bc.lat, bc.lon) == (54.0, -125.0)  # data/geo_admin1.tsv, not the cities' middle
