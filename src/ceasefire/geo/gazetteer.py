"""The gazetteer interface, an in-memory version for tests and the SQLite index."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Protocol, Sequence

from ..errors import GazetteerError
from .names import fold, normalize_name, one_edit

__all__ = ["PlaceCandidate", "Gazetteer", "MemoryGazetteer", "SqliteGazetteer", "POINT_FEATURES", "SCHEMA_VERSION"]

SCHEMA_VERSION = "1"
# Features that are places of their own (not populated places or areas): curated points.
POINT_FEATURES = frozenset({"airport", "base", "mountain", "crossing", "camp", "dam", "port", "island", "point"})


@dataclass(frozen=True)
class PlaceCandidate:
    """One gazetteer entry a name may refer to."""

    name: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    geonames_id: int | None = None
    feature: str = "city"  # city, admin1, country, continent, or a curated feature (airport, mountain, ...)
    population: int = 0


class Gazetteer(Protocol):
    def lookup(self, name: str) -> list[PlaceCandidate]:
        """The candidates whose name or alternate name shares ``normalize_name(name)``."""
        ...

    def spelled_like(self, name: str, country: str) -> list[PlaceCandidate]:
        """The towns of ``country`` whose own name, as written, is one edit from ``name``."""
        ...


Entry = PlaceCandidate | tuple[PlaceCandidate, Iterable[str]]


class MemoryGazetteer:
    """A gazetteer held in memory: each candidate under its name and optional alternates."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._index: dict[str, list[PlaceCandidate]] = {}
        for entry in entries:
            candidate, alternates = (entry, ()) if isinstance(entry, PlaceCandidate) else entry
            for key in {normalize_name(n) for n in (candidate.name, *alternates)} - {""}:
                self._index.setdefault(key, []).append(candidate)

    def lookup(self, name: str) -> list[PlaceCandidate]:
        return list(self._index.get(normalize_name(name), ()))

    def spelled_like(self, name: str, country: str) -> list[PlaceCandidate]:
        key = normalize_name(name)
        return list({c: None for k, cs in self._index.items() if k == key or one_edit(key, k)
                     for c in cs if c.country == country and c.feature == "city" and _one_letter_apart(name, c)})


def _one_letter_apart(name: str, c: PlaceCandidate) -> bool:
    """The candidate's own name, as written (case and accents folded), is one edit from ``name``: the keys
    fold vowels together, so two keys one edit apart may be names further apart."""
    return one_edit(fold(name).replace(" ", ""), fold(c.name).replace(" ", ""))


_DDL = """
CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT, admin1 TEXT,
                    lat REAL NOT NULL, lon REAL NOT NULL, geonames_id INTEGER, feature TEXT NOT NULL,
                    population INTEGER NOT NULL);
CREATE TABLE name (key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
"""


def write_index(path: Path, entries: Iterable[tuple[PlaceCandidate, Iterable[str]]],
                meta: dict[str, str] | None = None) -> Path:
    """Write ``entries`` (a candidate and its alternate names) to a fresh SQLite index at ``path``."""
    path = Path(path)
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # a temporary file of this build alone: two builds at once never write into one file
        fd, name = tempfile.mkstemp(prefix=f"{path.name}.", suffix=f".{os.getpid()}.tmp", dir=path.parent)
        os.close(fd)
        tmp = Path(name)
        tmp.chmod(0o644)  # mkstemp makes it private; the index is an ordinary readable file
        con = sqlite3.connect(tmp)
        try:
            con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _DDL)
            places: list[tuple[object, ...]] = []
            names: list[tuple[str, int]] = []
            for pid, (c, alternates) in enumerate(entries, start=1):
                places.append((pid, c.name, c.country, c.admin1, c.lat, c.lon, c.geonames_id, c.feature,
                               c.population))
                names.extend((key, pid) for key in {normalize_name(n) for n in (c.name, *alternates)} if key)
            con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?)", places)
            names.sort()
            con.executemany("INSERT OR IGNORE INTO name VALUES (?,?)", names)
            rows = {"schema": SCHEMA_VERSION, "places": str(len(places)), **(meta or {})}
            con.executemany("INSERT INTO meta VALUES (?,?)", rows.items())
            con.commit()
            con.execute("VACUUM")
        finally:
            con.close()
        tmp.replace(path)  # atomic: readers see the old index or the new one, never half of one
    except (sqlite3.Error, OSError) as exc:
        raise GazetteerError(f"cannot write the gazetteer index {path}: {exc}") from exc
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
    return path


class SqliteGazetteer:
    """The place index: a read-only SQLite file (see ``build_gazetteer``)."""

    def __init__(self, con: sqlite3.Connection, path: Path) -> None:
        self._con = con
        self.path = path
        self.outdated = False  # set by open_gazetteer: built from other data or versions, kept for its import
        self._town_keys: dict[str, tuple[str, ...]] = {}  # per country, read on the first spelled_like there

    @classmethod
    def open(cls, path: Path) -> "SqliteGazetteer":
        path = Path(path)
        if not path.is_file():
            raise GazetteerError(f"no gazetteer index at {path}")
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            row = con.execute("SELECT v FROM meta WHERE k = 'schema'").fetchone()
        except sqlite3.Error as exc:
            raise GazetteerError(f"{path} is not a gazetteer index: {exc}") from exc
        if row is None or row[0] != SCHEMA_VERSION:
            con.close()
            raise GazetteerError(f"{path}: gazetteer schema {row[0] if row else '?'}, expected {SCHEMA_VERSION}; "
                                 "rebuild it")
        return cls(con, path)

    def meta(self) -> dict[str, str]:
        return dict(self._con.execute("SELECT k, v FROM meta").fetchall())

    def lookup(self, name: str) -> list[PlaceCandidate]:
        return self._by_key(normalize_name(name))

    def _by_key(self, key: str) -> list[PlaceCandidate]:
        if not key:
            return []
        try:
            rows: Sequence[tuple] = self._con.execute(
                "SELECT p.name, p.country, p.admin1, p.lat, p.lon, p.geonames_id, p.feature, p.population "
                "FROM name n JOIN place p ON p.id = n.place WHERE n.key = ?",
                (key,),
            ).fetchall()
        except sqlite3.Error as exc:
            raise GazetteerError(f"gazetteer lookup failed in {self.path}: {exc}") from exc
        return [PlaceCandidate(*row) for row in rows]

    def spelled_like(self, name: str, country: str) -> list[PlaceCandidate]:
        key = normalize_name(name)
        if not key:
            return []
        keys = self._town_keys.get(country)
        if keys is None:
            try:
                keys = tuple(k for (k,) in self._con.execute(
                    "SELECT DISTINCT n.key FROM name n JOIN place p ON p.id = n.place "
                    "WHERE p.country = ? AND p.feature = 'city'", (country,)))
            except sqlite3.Error as exc:
                raise GazetteerError(f"gazetteer lookup failed in {self.path}: {exc}") from exc
            self._town_keys[country] = keys
        return [c for k in keys if k == key or one_edit(key, k) for c in self._by_key(k)
                if c.country == country and c.feature == "city" and _one_letter_apart(name, c)]

    def close(self) -> None:
        self._con.close()
