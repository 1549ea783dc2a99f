"""Place resolution: rank a toponym's gazetteer candidates, then choose the mention's place.

Pure: the gazetteer is passed in (``MemoryGazetteer`` in tests, the SQLite index in runs).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Mapping, Sequence

from ..model import Place, PlacePrecision, Toponym
from .countries import country_code
from .gazetteer import POINT_FEATURES, Gazetteer, PlaceCandidate
from .names import fold, normalize_name

__all__ = ["resolve_place", "resolve_toponym", "country_context", "precision_of"]

_SPECIFICITY = {
    PlacePrecision.POINT: 0, PlacePrecision.NEAR: 1, PlacePrecision.LOCALITY: 2, PlacePrecision.ADMIN2: 3,
    PlacePrecision.ADMIN1: 4, PlacePrecision.COUNTRY: 5, PlacePrecision.UNKNOWN: 6,
}
_FEATURE_BONUS = {"country": 4.0, "continent": 4.0, "admin1": 0.5, "city": 0.0}


@dataclass(frozen=True)
class _Words:
    admin1: tuple[str, ...]
    locality: tuple[str, ...]
    near: re.Pattern[str]
    min_letters: int
    short_letters: int
    short_min_population: int


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw = json.loads(resources.files("ceasefire").joinpath("data/geo_words.json").read_text("utf-8"))
    near = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in raw["near_words"]) + r")\b")
    return _Words(tuple(raw["admin1_words"]), tuple(raw["locality_words"]), near, int(raw["min_letters"]),
                  int(raw["short_name_letters"]), int(raw["short_name_min_population"]))


def precision_of(candidate: PlaceCandidate, near: bool = False) -> PlacePrecision:
    if candidate.feature == "country":
        return PlacePrecision.COUNTRY
    if candidate.feature == "admin1":
        return PlacePrecision.ADMIN1
    if candidate.feature in ("continent", "area"):
        return PlacePrecision.UNKNOWN  # wider than a country: a continent, a sea, "the Middle East"
    if candidate.feature == "region":
        return PlacePrecision.ADMIN2  # a named part of a province or country: Eastern Ghouta, Donbas
    if near:
        return PlacePrecision.NEAR
    return PlacePrecision.POINT if candidate.feature in POINT_FEATURES else PlacePrecision.LOCALITY


def _wanted(name: str, context: str) -> tuple[str, str | None]:
    """The name without a generic word ("Daraa Province" -> "Daraa") and the kind it asks for."""
    w = _words()
    tokens = fold(name).split()
    for kind, vocabulary in (("admin1", w.admin1), ("city", w.locality)):
        if len(tokens) > 1 and tokens[-1] in vocabulary:
            return " ".join(name.split()[:-1]), kind
        if len(tokens) > 2 and tokens[0] in vocabulary and tokens[1] == "of":
            return " ".join(name.split()[2:]), kind
        if any(re.search(rf"\b{v}\b", fold(context)) for v in vocabulary):
            return name, kind
    return name, None


def _votes(toponym: Toponym, gazetteer: Gazetteer) -> Counter[str]:
    """One vote spread over the countries of the toponym's candidates, in proportion to their size.

    "Atlanta" votes US almost wholly; "Georgia" splits between the country and the US state.
    """
    mass: Counter[str] = Counter()
    for c in gazetteer.lookup(toponym.name):
        if c.country:
            mass[c.country] += max(c.population, 1000) * (3 if c.feature == "country" else 1)
    total = sum(mass.values())
    return Counter({code: m / total for code, m in mass.items()}) if total else Counter()


def _normalised(weights: Counter[str]) -> dict[str, float]:
    top_weight = max((w for w in weights.values() if w > 0), default=0.0)
    return {code: w / top_weight for code, w in weights.items() if w > 1e-9} if top_weight else {}


def country_context(toponyms: Sequence[Toponym], gazetteer: Gazetteer, hint: str | None = None,
                    *, exclude: int | None = None) -> dict[str, float]:
    """Weights (0..1) of the countries the toponyms point to (the hint counts twice).

    ``exclude``: the index of a toponym whose own vote is left out (its context is the others).
    """
    weights: Counter[str] = Counter({hint: 2.0} if hint else {})
    for i, toponym in enumerate(toponyms):
        if i != exclude:
            weights.update(_votes(toponym, gazetteer))
    return _normalised(weights)


def _score(c: PlaceCandidate, literal: str, key: str, wanted: str | None, context: Mapping[str, float],
           hint: str | None, big_city_named: bool) -> float:
    s = 2.0 if fold(c.name) == literal else 1.0 if normalize_name(c.name) == key else 0.0
    s += 0.6 * math.log10(c.population + 10)
    s += _FEATURE_BONUS.get(c.feature, 3.0)  # curated point features: 3
    if wanted == "admin1":
        s += 6.0 if c.feature == "admin1" else 0.0
    elif wanted == "city":
        s += 3.0 if c.feature == "city" else 0.0
    elif c.feature == "admin1" and big_city_named:
        s -= 2.0  # "Aleppo" alone is the city, not the governorate named after it
    if hint and c.country == hint:
        s += 3.0
    s += 4.0 * context.get(c.country or "", 0.0)
    return s


def resolve_toponym(toponym: Toponym, gazetteer: Gazetteer, *, context: Mapping[str, float] | None = None,
                    country_hint: str | None = None) -> Place | None:
    """The best gazetteer entry for one toponym, or ``None`` (unknown, or too short/common to guess)."""
    context = context or {}
    w = _words()
    name, wanted = _wanted(toponym.name.strip(), toponym.context)
    letters = re.sub(r"[^a-z]", "", fold(name))
    if not any(ch.isupper() for ch in name) and country_code(name) is None:
        return None  # a lower-case word is not a place name
    candidates = {c: None for c in gazetteer.lookup(name)}
    if name != toponym.name.strip():
        candidates.update({c: None for c in gazetteer.lookup(toponym.name)})
    if len(letters) < w.min_letters:  # "US", "EU": only as a country, continent or state abbreviation
        candidates = {c: None for c in candidates if c.feature in ("country", "continent", "admin1")}
    if not candidates:
        return None
    literal, key = fold(name), normalize_name(name)
    big_city = any(c.feature == "city" and c.population >= 50000 and fold(c.name) == literal for c in candidates)
    ranked = sorted(candidates, key=lambda c: -_score(c, literal, key, wanted, context, country_hint, big_city))
    best = ranked[0]
    supported = best.country is not None and (best.country == country_hint or context.get(best.country, 0) > 0)
    if best.feature == "city" and not supported:
        if len(letters) <= w.short_letters and best.population < w.short_min_population:
            return None
        if fold(best.name) != literal and normalize_name(best.name) != key and best.population < 1000:
            return None
    near = bool(w.near.search(fold(toponym.context)))
    precision = precision_of(best, near)
    same_country = [c for c in ranked if c.country == best.country]
    if best.feature in POINT_FEATURES:
        why = f"curated feature ({best.feature})"
    elif best.feature in ("country", "continent", "area"):
        why = f"{best.feature} name"
    elif len(ranked) == 1:
        why = "only candidate"
    else:
        why = f"best of {len(ranked)} candidates ({len(same_country)} in {best.country}) by country context and size"
    basis = f"{'near ' if near else ''}'{toponym.name}': {why}"
    return Place(
        name=best.name, country=best.country, admin1=best.admin1 or (best.name if best.feature == "admin1" else None),
        lat=best.lat, lon=best.lon, geonames_id=best.geonames_id, feature=best.feature, precision=precision,
        as_written=toponym.name, basis=basis,
    )


def resolve_place(toponyms: Sequence[Toponym], gazetteer: Gazetteer, *,
                  country_hint: str | None = None) -> Place | None:
    """The mention's location: the most specific resolved toponym consistent with the others.

    Each toponym is resolved in the country context of the others (and the hint);
    the places that share the dominant country are kept, and of those the most
    specific (point, near, locality, admin1, country) that comes first in the text
    wins. ``None`` when no toponym resolves: the caller records "unresolved".
    """
    votes = [_votes(t, gazetteer) for t in toponyms]
    total: Counter[str] = Counter({country_hint: 2.0} if country_hint else {})
    for v in votes:
        total.update(v)
    places = []
    for toponym, own in zip(toponyms, votes, strict=True):
        rest = Counter(total)
        rest.subtract(own)
        place = resolve_toponym(toponym, gazetteer, context=_normalised(rest), country_hint=country_hint)
        if place is not None:
            places.append(place)
    if not places:
        return None
    weight = _normalised(total)
    support: dict[str, float] = {}
    for p in places:
        if p.country:
            support[p.country] = support.get(p.country, weight.get(p.country, 0.0)) + 1.0
    dominant = country_hint or (max(support, key=lambda code: support[code]) if support else None)
    consistent = [p for p in places if p.country in (None, dominant)] or places
    chosen = min(enumerate(consistent), key=lambda ip: (_SPECIFICITY[ip[1].precision], ip[0]))[1]
    others = [p.as_written for p in consistent if p is not chosen and p.as_written]
    basis = chosen.basis
    if others:
        basis += "; most specific of " + ", ".join(f"'{o}'" for o in [chosen.as_written, *others])
    if chosen.admin1 is None:
        admin1 = next((p.admin1 for p in consistent if p.precision is PlacePrecision.ADMIN1 and p.admin1), None)
        if admin1:
            chosen = Place(**{**chosen.__dict__, "admin1": admin1})
    return Place(**{**chosen.__dict__, "basis": basis})
