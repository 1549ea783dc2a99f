"""import_geonames_dump: a GeoNames TSV dump in a zip adds and updates index entries."""

import zipfile
from pathlib import Path

import pytest

from ceasefire.errors import GazetteerError
from ceasefire.geo import SqliteGazetteer
from ceasefire.geo.dump import feature_of, import_geonames_dump
from ceasefire.geo.gazetteer import write_index

from .conftest import DEIR_CITY, SYRIA


def row(gid: int, name: str, alternates: str, lat: float, lon: float, fclass: str, fcode: str, cc: str,
        admin1: str, population: int) -> str:
    cols = [str(gid), name, name, alternates, str(lat), str(lon), fclass, fcode, cc, "", admin1, "", "", "",
            str(population), "", "300", "Asia/Damascus", "2024-01-01"]
    return "\t".join(cols)


def dump(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "allCountries.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "GeoNames dump")
        z.writestr("allCountries.txt", "\n".join(rows) + "\n")
    return path


def test_import_adds_new_places_and_updates_known_ones(tmp_path: Path) -> None:
    index = write_index(tmp_path / "g.sqlite", [(SYRIA, ()), (DEIR_CITY, ())])
    zipped = dump(
        tmp_path,
        row(9000001, "Tall Birak", "Tell Brak,تل براك", 36.67, 41.06, "P", "PPL", "SY", "01", 1200),
        row(9000002, "Jabal Bishri", "Jebel Bishri", 35.33, 39.33, "T", "MTS", "SY", "07", 0),
        row(170794, "Deir ez-Zor", "Dayr az Zawr,Deir Ezzor City", 35.34, 40.14, "P", "PPLA", "SY", "07", 300000),
        row(9000003, "Some Canyon Floor", "", 1.0, 1.0, "U", "CNYU", "SY", "", 0),
    )
    seen: list[tuple[int, int]] = []
    assert import_geonames_dump(zipped, index, progress=lambda done, total: seen.append((done, total))) == 3
    assert seen and seen[-1][0] == seen[-1][1]
    gaz = SqliteGazetteer.open(index)
    [brak] = gaz.lookup("Tell Brak")
    assert (brak.geonames_id, brak.feature, brak.population, brak.country) == (9000001, "city", 1200, "SY")
    assert gaz.lookup("Jebel Bishri")[0].feature == "mountain"
    [deir] = gaz.lookup("Deir Ezzor City")  # the new alternate of the known entry
    assert (deir.geonames_id, deir.population, deir.lat) == (170794, 300000, 35.34)
    assert gaz.lookup("Some Canyon Floor") == []  # undersea features are not imported
    assert int(gaz.meta()["places"]) == 4
    assert gaz.meta()["imported"] == "allCountries.zip"  # open_gazetteer will not rebuild it away
    gaz.close()


def test_malformed_dumps_are_gazetteer_errors(tmp_path: Path) -> None:
    index = write_index(tmp_path / "g.sqlite", [(SYRIA, ())])
    with pytest.raises(GazetteerError):
        import_geonames_dump(tmp_path / "missing.zip", index)
    bad = dump(tmp_path, "not\ta\tgeonames\trow")
    with pytest.raises(GazetteerError):
        import_geonames_dump(bad, index)
    assert SqliteGazetteer.open(index).lookup("Syria") == [SYRIA]  # left as it was


def test_feature_codes() -> None:
    assert feature_of("P", "PPLA2") == "city"
    assert feature_of("A", "ADM1") == "admin1"
    assert feature_of("A", "PCLI") == "country"
    assert feature_of("S", "AIRB") == "base"
    assert feature_of("A", "ADMD") is None
