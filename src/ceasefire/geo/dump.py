"""Import a GeoNames dump (``allCountries.zip``, ``cities500.zip``, any GeoNames TSV in a zip) into the index.

The GeoNames "geoname" table format: 19 tab-separated columns (geonameid, name,
asciiname, alternatenames, latitude, longitude, feature class, feature code,
country code, cc2, admin1 code, admin2 code, admin3, admin4, population,
elevation, dem, timezone, modification date). Rows whose GeoNames id is already
in the index update that entry; others are added. The feature kind of each row
comes from ``data/geo_feature_codes.json``.
"""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable, Iterator

from ..errors import GazetteerError
from .gazetteer import SqliteGazetteer
from .names import normalize_name
from .sources import admin1_names, latin

__all__ = ["import_geonames_dump", "feature_of"]

Progress = Callable[[int, int], None]
_COLUMNS = 19
_BATCH = 50_000


@lru_cache(maxsize=1)
def _codes() -> tuple[dict[str, str], dict[str, str | None]]:
    raw = json.loads(resources.files("ceasefire").joinpath("data/geo_feature_codes.json").read_text("utf-8"))
    return dict(raw["codes"]), dict(raw["classes"])


def feature_of(feature_class: str, feature_code: str) -> str | None:
    """The index's feature kind for a GeoNames class and code (``None``: not imported)."""
    codes, classes = _codes()
    if f"{feature_class}.{feature_code}" in codes:
        return codes[f"{feature_class}.{feature_code}"]
    for prefix, kind in codes.items():
        if prefix.endswith("*") and f"{feature_class}.{feature_code}".startswith(prefix[:-1]):
            return kind
    return classes.get(feature_class)


def _member(archive: zipfile.ZipFile) -> zipfile.ZipInfo:
    tables = [m for m in archive.infolist() if m.filename.endswith(".txt") and "readme" not in m.filename.lower()]
    if not tables:
        raise GazetteerError(f"{archive.filename}: no GeoNames .txt table in the zip")
    return max(tables, key=lambda m: m.file_size)


def _rows(stream: io.TextIOWrapper, source: str) -> Iterator[list[str]]:
    for number, line in enumerate(stream, start=1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < _COLUMNS - 4:  # the last columns (elevation, dem, timezone, date) may be cut
            raise GazetteerError(f"{source}:{number}: not a GeoNames row ({len(cols)} columns)")
        yield cols


def import_geonames_dump(zip_path: Path, index: Path, *, progress: Progress | None = None) -> int:
    """Add or update the places of a GeoNames dump in the index at ``index``; return the rows imported.

    ``progress(done, total)`` is called now and then with the uncompressed bytes read
    and the member's size. Raises ``GazetteerError`` for a missing or malformed zip
    or index (the index is left as it was when a row is malformed).
    """
    zip_path, index = Path(zip_path), Path(index)
    SqliteGazetteer.open(index).close()  # checks that it is an index of this schema
    admin1 = admin1_names()
    try:
        archive = zipfile.ZipFile(zip_path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise GazetteerError(f"cannot read the GeoNames dump {zip_path}: {exc}") from exc
    con = sqlite3.connect(index)
    count = 0
    try:
        member = _member(archive)
        con.execute("CREATE INDEX IF NOT EXISTS place_geonames ON place (geonames_id)")
        with archive.open(member) as raw:
            stream = io.TextIOWrapper(raw, encoding="utf-8")
            for cols in _rows(stream, f"{zip_path.name}/{member.filename}"):
                kind = feature_of(cols[6], cols[7])
                if kind is None:
                    continue
                _upsert(con, cols, kind, admin1.get((cols[8], cols[10])))
                count += 1
                if progress is not None and count % _BATCH == 0:
                    progress(raw.tell() if hasattr(raw, "tell") else 0, member.file_size)
        meta = dict(con.execute("SELECT k, v FROM meta").fetchall())
        con.execute("INSERT OR REPLACE INTO meta VALUES ('places', ?)",
                    (str(con.execute("SELECT count(*) FROM place").fetchone()[0]),))
        con.execute("INSERT OR REPLACE INTO meta VALUES ('source', ?)",
                    (f"{meta.get('source', '')} + {zip_path.name}",))
        # open_gazetteer never rebuilds an index holding an import (that would drop it)
        imported = " + ".join(x for x in (meta.get("imported", ""), zip_path.name) if x)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('imported', ?)", (imported,))
        con.commit()
    except (sqlite3.Error, ValueError, IndexError, UnicodeDecodeError, OSError, zipfile.BadZipFile) as exc:
        con.rollback()
        raise GazetteerError(f"cannot import {zip_path} into {index}: {exc}") from exc
    except GazetteerError:
        con.rollback()
        raise
    finally:
        con.close()
        archive.close()
    if progress is not None:
        progress(member.file_size, member.file_size)
    return count


def _upsert(con: sqlite3.Connection, cols: list[str], kind: str, admin1: str | None) -> None:
    gid = int(cols[0])
    name, lat, lon, country = cols[1], float(cols[4]), float(cols[5]), cols[8] or None
    population = int(cols[14] or 0) if len(cols) > 14 else 0
    if kind == "admin1":
        admin1 = name
    row = con.execute("SELECT id, admin1 FROM place WHERE geonames_id = ?", (gid,)).fetchone()
    if row is not None:
        pid = row[0]
        con.execute("UPDATE place SET name = ?, country = ?, lat = ?, lon = ?, population = max(population, ?), "
                    "admin1 = coalesce(admin1, ?) WHERE id = ?", (name, country, lat, lon, population, admin1, pid))
    else:
        cur = con.execute("INSERT INTO place (name, country, admin1, lat, lon, geonames_id, feature, population) "
                          "VALUES (?,?,?,?,?,?,?,?)", (name, country, admin1, lat, lon, gid, kind, population))
        pid = cur.lastrowid
    names = {name, cols[2], *(a for a in cols[3].split(",") if latin(a))}
    keys = {normalize_name(n) for n in names if n} - {""}
    con.executemany("INSERT OR IGNORE INTO name VALUES (?, ?)", [(k, pid) for k in keys])


