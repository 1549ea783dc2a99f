"""Place resolution: rank a toponym's gazetteer candidates, and choose a mention's place among its resolved ones.

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

from ..model import Place, PlacePrecision, Toponym, km_between
from .countries import country_code, demonym_of
from .gazetteer import POINT_FEATURES, Gazetteer, PlaceCandidate
from .names import articled, fold, normalize_name
from .qualifiers import offset_of

__all__ = ["resolve_toponym", "country_context", "precision_of", "Query", "query_of", "score",
           "acceptable", "village_abroad", "place_of", "choose", "foreign", "by_demonym"]

_SPECIFICITY = {
    PlacePrecision.POINT: 0, PlacePrecision.NEAR: 1, PlacePrecision.LOCALITY: 2, PlacePrecision.ADMIN2: 3,
    PlacePrecision.ADMIN1: 4, PlacePrecision.COUNTRY: 5, PlacePrecision.UNKNOWN: 6,
}
_FEATURE_BONUS = {"country": 4.0, "continent": 4.0, "admin1": 0.5, "admin2": 0.0, "city": 0.0, "airport": 0.0,
                  "base": 0.0, "point": 0.0, "water": 0.5, "island": 1.0}
_CONTEXT = 4.0  # weight of the article's country context
_SIZE = 1.0  # weight of log10(population)
_PROMINENCE = 1.0  # extra weight of each tenfold of a city's population above _PROMINENT
_PROMINENT = 100_000
_ARTICLE = 2.0  # a candidate that, like the name written, opens with an article ("Al ...", "Ad ...")
_WORLD_CITY = 500_000  # a city this large is meant by its bare name even over a same-named area elsewhere
# Curated features without a population are scored as if this populous: a sea or a region
# named in text is a large, well-known place, not a hamlet.
_NOMINAL_POPULATION = {"continent": 50_000_000, "area": 50_000_000, "water": 50_000_000, "region": 2_000_000,
                       "island": 100_000}
_AREAS = ("admin1", "admin2")


@dataclass(frozen=True)
class _Words:
    admin1: tuple[str, ...]
    admin2: tuple[str, ...]
    locality: tuple[str, ...]
    airport: tuple[str, ...]
    generic: frozenset[str]
    near: re.Pattern[str]
    min_letters: int
    short_letters: int
    short_min_population: int
    parts: frozenset[str]
    seat_km: float
    seat_min_population: int
    villages: tuple[str, ...]
    village_population: int


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw = json.loads(resources.files("ceasefire").joinpath("data/geo_words.json").read_text("utf-8"))
    near = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in raw["near_words"]) + r")\b")
    return _Words(tuple(raw["admin1_words"]), tuple(raw["admin2_words"]), tuple(raw["locality_words"]),
                  ("airport", "airbase", "airfield", "air base"), frozenset(raw["generic_names"]), near,
                  int(raw["min_letters"]), int(raw["short_name_letters"]), int(raw["short_name_min_population"]),
                  frozenset(fold(d) for d in raw["part_words"]), float(raw["seat_km"]),
                  int(raw["seat_min_population"]), tuple(fold(v) for v in raw["village_words"]),
                  int(raw["village_abroad_max_population"]))


def precision_of(candidate: PlaceCandidate, near: bool = False) -> PlacePrecision:
    if candidate.feature == "country":
        return PlacePrecision.COUNTRY
    if candidate.feature == "admin1":
        return PlacePrecision.ADMIN1
    if candidate.feature == "admin2":
        return PlacePrecision.ADMIN2
    if candidate.feature in ("continent", "area"):
        return PlacePrecision.UNKNOWN  # wider than a country: a continent, a sea, "the Middle East"
    if candidate.feature in ("region", "water"):
        return PlacePrecision.ADMIN2  # a named part of a province or country: Eastern Ghouta, Donbas
    if near:
        return PlacePrecision.NEAR
    return PlacePrecision.POINT if candidate.feature in POINT_FEATURES else PlacePrecision.LOCALITY


@lru_cache(maxsize=4096)
def _wanted(name: str, context: str) -> tuple[str, str | None]:
    """The name without a generic word ("Daraa Province" -> "Daraa") and the kind it asks for (a report's names
    are resolved again and again: each name and context is read once while it recurs)."""
    w = _words()
    tokens = fold(name).split()
    folded_context = fold(context)
    if any(re.search(rf"\b{v}\b", fold(name)) for v in w.airport):
        return name, "airport"
    kinds = (("admin1", w.admin1), ("admin2", w.admin2), ("city", w.locality))
    for kind, vocabulary in kinds:
        for v in vocabulary:
            n = len(v.split())
            if len(tokens) > n and " ".join(tokens[-n:]) == v:
                return " ".join(name.split()[:-n]), kind
            if len(tokens) > n + 1 and " ".join(tokens[:n]) == v and tokens[n] == "of":
                return " ".join(name.split()[n + 1:]), kind
    for kind, vocabulary in kinds:
        if any(re.search(rf"\b{v}\b", folded_context) for v in vocabulary):
            return name, kind
    if offset_of(context) is not None:
        return name, "city"  # "30 km south of X": a town to measure from, not the province named after it
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


@dataclass(frozen=True)
class Query:
    """A toponym prepared for ranking: its name keys, the kind it asks for, its candidates."""

    toponym: Toponym
    name: str  # without the generic word
    literal: str
    key: str
    full: str  # folded full name as written
    wanted: str | None
    candidates: tuple[PlaceCandidate, ...]
    letters: int


def _generic(folded: str) -> bool:
    """A direction or a kind of place, alone or after a direction ("west", "the west coast"), not a
    town named with such words ("Bay City")."""
    words = folded.removeprefix("the ").split()
    w = _words()
    return all(word in w.generic for word in words) and (len(words) == 1 or words[0] in w.parts)


def query_of(toponym: Toponym, gazetteer: Gazetteer) -> Query:
    """The candidates of a toponym: by its full name, and by its name without a generic word."""
    w = _words()
    written = toponym.name.strip()
    name, wanted = _wanted(written, toponym.context)
    found = {c: None for c in gazetteer.lookup(written)}
    if name != written and name:
        found.update({c: None for c in gazetteer.lookup(name)})
    first, _, rest = name.partition(" ")
    own = any(normalize_name(c.name) == normalize_name(written) or c.feature in ("country", "continent", "area")
              for c in found)
    if not own and rest and fold(first) in w.parts:
        # "Northeast Vale City", "northern Vale": a part of a large place named (not "West Wing"); only
        # when no place bears the whole name ("South Vale" is not "Vale")
        part = {c: None for c in gazetteer.lookup(rest) if c.feature != "city" or c.population >= _PROMINENT}
        name = rest if part and not found else name
        found.update(part)
    letters = len(re.sub(r"[^a-z]", "", fold(name)))
    if not any(ch.isupper() for ch in name) and country_code(name) is None:
        found = {}  # a lower-case word is not a place name
    if _generic(fold(written)):
        # "West", "Central", "the West Coast": a direction or a kind of place, not a town; a province
        # so named ("North West") only in a country of the article (see ``foreign``)
        found = {c: None for c in found if c.feature in ("area", "continent", "country", "water", "admin1")
                 and (c.feature != "admin1" or " " in fold(written))}
    if letters < w.min_letters:  # "US", "EU": only as a country, continent or state abbreviation
        abbreviation = name.isupper() or written.endswith(".")  # not a word such as "Up" or "No"
        found = {c: None for c in found if abbreviation and c.feature in ("country", "continent", "admin1")}
    return Query(toponym, name, fold(name), normalize_name(name), fold(written), wanted, tuple(found), letters)


def _inside(city: PlaceCandidate, area: PlaceCandidate) -> bool:
    """Whether a city may lie in an admin area: same country and (when both are known) same province, or
    close to the area's centre (a governorate named after its seat that the data files under another province)."""
    if city.country != area.country:
        return False
    if city.admin1 is None or area.admin1 is None or city.admin1 == area.admin1:
        return True
    return km_between(city.lat, city.lon, area.lat, area.lon) <= _words().seat_km


def _seat(city: PlaceCandidate, area: PlaceCandidate) -> bool:
    """A town of some size near the centre of an area, both found by one name: the area's seat (a bare
    "Jenin" is the town, not the governorate around it)."""
    w = _words()
    return city.country == area.country and city.population >= w.seat_min_population and km_between(
        city.lat, city.lon, area.lat, area.lon) <= w.seat_km


def _generic_suffix(candidate: str, written: str, words: Sequence[str]) -> bool:
    """True when ``candidate`` is ``written`` followed by one of ``words`` ("atlantic county", "atlantic")."""
    return any(candidate == f"{written} {w}" for w in words)


def score(c: PlaceCandidate, q: Query, context: Mapping[str, float], hint: str | None) -> float:
    """How well a candidate fits a toponym: name match, size, kind asked for, country context."""
    cname = fold(c.name)
    s = 1.2 if cname == q.full else 1.0 if cname == q.literal else 0.6 if normalize_name(c.name) == q.key else 0.0
    s += _SIZE * math.log10((c.population or _NOMINAL_POPULATION.get(c.feature, 0)) + 10)
    if c.feature == "city" and c.population > _PROMINENT and cname in (q.full, q.literal):
        # a world city beats its small namesakes (by its own name, not one of its alternate names)
        s += _PROMINENCE * math.log10(c.population / _PROMINENT)
    s += _FEATURE_BONUS.get(c.feature, 3.0)  # curated point features: 3
    if q.wanted in ("admin1", "admin2"):
        s += 6.0 if c.feature == q.wanted else 4.5 if c.feature in _AREAS else 0.0
    elif q.wanted == "city":
        s += 3.0 if c.feature == "city" else 0.0
    elif q.wanted == "airport":
        s += 6.0 if c.feature in ("airport", "base") else 0.0
    elif c.feature in _AREAS and any(o.feature == "city" and (
            (o.population >= max(50000, c.population // 20) and (_inside(o, c) or o.population >= _WORLD_CITY))
            or _seat(o, c)) for o in q.candidates):
        # "Aleppo" alone is the city, not the governorate named after it; "Washington" alone is the
        # capital, but "Wyoming" is the state, not a town of that name in another one
        s -= 3.0
    if q.wanted is None and c.feature == "admin2" and _generic_suffix(cname, q.literal, _words().admin2):
        s -= 3.0  # "Atlantic" alone is not "Atlantic County": a county is named with its word
    if articled(q.toponym.name) and articled(c.name):
        s += _ARTICLE  # "Ad Dali'": the namesake written with its article, not a larger "Dali" elsewhere
    if hint and c.country == hint:
        s += 3.0
    if c.feature == "water" and not c.country:
        s += _CONTEXT * max(context.values(), default=0.0)  # an ocean borders every article's countries
    else:
        s += _CONTEXT * context.get(c.country or "", 0.0)
    return s


def by_alternate(c: PlaceCandidate, q: Query) -> bool:
    """True when the candidate matched only by one of its alternate names: neither its own name (in any
    spelling) nor its name with a generic word ("Atlantic" for "Atlantic Ocean") is what was written."""
    cname = fold(c.name)
    if cname in (q.full, q.literal) or normalize_name(c.name) in (q.key, normalize_name(q.toponym.name)):
        return False
    return f" {q.literal} " not in f" {cname} "


def foreign(c: PlaceCandidate, q: Query, context: Mapping[str, float], hint: str | None) -> bool:
    """An alternate-name match in a country the rest of the article never points to (a camp's name
    that is also an old name of a city abroad: a report about the camp's country means the camp), or a
    province named with generic words only ("West Coast") there, also when nothing else is named (a
    "North West Region" could be one of many countries'): not to be taken."""
    if c.feature in ("country", "continent", "area", "water") or not c.country:
        return False
    if c.feature == "admin1" and q.toponym.name.isupper():
        return False  # "NSW": a province's abbreviation
    unsupported = c.country != hint and context.get(c.country, 0.0) <= 0.0
    if not context:
        return unsupported and c.feature == "admin1" and _generic(q.full)
    return unsupported and (by_alternate(c, q) or _generic(q.full))


def acceptable(best: PlaceCandidate, q: Query, context: Mapping[str, float], hint: str | None) -> bool:
    """False for a guess too weak to make: a small town far from the article's countries."""
    w = _words()
    supported = best.country is not None and (best.country == hint or context.get(best.country, 0) > 0)
    if best.feature in ("city", "admin2", "airport", "base") and not supported and q.wanted != "airport":
        if q.letters <= w.short_letters and best.population < w.short_min_population:
            return False
        if fold(best.name) != q.literal and normalize_name(best.name) != q.key and best.population < 1000:
            return False
    return not village_abroad(best, q, context, hint)


def village_abroad(best: PlaceCandidate, q: Query, context: Mapping[str, float], hint: str | None) -> bool:
    """A name the text calls a village ("the village of X"), found only as small towns outside the country the
    report points to most: a village the gazetteer lacks, not a namesake abroad (it takes its sentence's
    country instead)."""
    w = _words()
    if not any(v in fold(q.toponym.context) for v in w.villages) or best.feature != "city":
        return False
    home = hint or (max(context, key=lambda k: context[k]) if context else None)
    if home is None:
        return False
    towns = [c for c in q.candidates if c.feature == "city"]  # a county of the name is no village's namesake
    return all(c.country != home and c.population < w.village_population for c in towns)


def place_of(best: PlaceCandidate, q: Query, ranked_count: int, same_country: int, extra: str = "") -> Place:
    """The ``Place`` of a chosen candidate, with precision and basis."""
    near = bool(_words().near.search(fold(q.toponym.context)))
    if best.feature in POINT_FEATURES:
        why = f"curated feature ({best.feature})"
    elif best.feature in ("country", "continent", "area"):
        why = f"{best.feature} name"
    elif ranked_count == 1:
        why = "only candidate"
    else:
        why = f"best of {ranked_count} candidates ({same_country} in {best.country}) by country context and size"
    context = q.toponym.context.strip()
    basis = f"{context + ' ' if near and context else ''}'{q.toponym.name}': {why}{extra}"
    return Place(
        name=best.name, country=best.country, admin1=best.admin1 or (best.name if best.feature == "admin1" else None),
        lat=best.lat, lon=best.lon, geonames_id=best.geonames_id, feature=best.feature,
        precision=precision_of(best, near), as_written=q.toponym.name, basis=basis,
    )


def resolve_toponym(toponym: Toponym, gazetteer: Gazetteer, *, context: Mapping[str, float] | None = None,
                    country_hint: str | None = None) -> Place | None:
    """The best gazetteer entry for one toponym, or ``None`` (unknown, or too short/common to guess)."""
    context = context or {}
    q = query_of(toponym, gazetteer)
    if not q.candidates:
        return None
    ranked = sorted((c for c in q.candidates if not foreign(c, q, context, country_hint)),
                    key=lambda c: -score(c, q, context, country_hint))
    if not ranked:
        return None
    best = ranked[0]
    if not acceptable(best, q, context, country_hint):
        return None
    return place_of(best, q, len(ranked), sum(c.country == best.country for c in ranked))


def by_demonym(p: Place) -> bool:
    """A country place written as its demonym ("Turkish", "Iraqis"), not its name."""
    return p.feature == "country" and p.as_written is not None and demonym_of(p.as_written) == p.country


def _rank(p: Place) -> float:
    """Specificity for choosing among a mention's places: "near" a point feature is as good as a point,
    but "near" a town says less than a town named outright ("in Hillsboro, near Portland")."""
    if p.precision is PlacePrecision.NEAR and p.feature not in POINT_FEATURES:
        return _SPECIFICITY[PlacePrecision.LOCALITY] + 0.5
    return _SPECIFICITY[p.precision]


def choose(places: Sequence[Place], weight: Mapping[str, float], country_hint: str | None = None) -> Place | None:
    """The mention's place among its resolved toponyms' places (in text order).

    The dominant country is the hint, else the one the places and the article's
    country ``weight`` support most; of the places in it the most specific (point,
    near, locality, admin2, admin1, country) that comes first in the text wins, and
    takes the admin1 of a province named beside it when it has none. Only a country
    name there gives way to a finer place in another country ("Ruritania shelled
    Port Leman"): the country names an actor more often than the place. A country
    written only as a demonym ("in Ruritanian strikes on two villages in northern
    Marsovia", "two Ruritanian soldiers") names who did it or who was hit, not where:
    it is taken only when the mention names no other place (``by_demonym``).
    """
    if not places:
        return None
    places = [p for p in places if not by_demonym(p)] or list(places)
    support: dict[str, float] = {}
    for p in places:
        if p.country:
            support[p.country] = support.get(p.country, weight.get(p.country, 0.0)) + 1.0
    dominant = country_hint or (max(support, key=lambda code: support[code]) if support else None)
    consistent = [p for p in places if p.country in (None, dominant)] or list(places)
    if all(p.precision is PlacePrecision.COUNTRY for p in consistent):
        # "Ruritania shelled Port Leman": the country is the actor; a finer place, even in another country, is where
        finer = next((p for p in places if p.precision is not PlacePrecision.COUNTRY and p.country), None)
        if finer is not None:
            consistent = [p for p in places if p.country == finer.country]
    chosen = min(enumerate(consistent), key=lambda ip: (_rank(ip[1]), ip[0]))[1]
    others = [p.as_written for p in consistent if p is not chosen and p.as_written]
    basis = chosen.basis
    if others:
        basis += "; most specific of " + ", ".join(f"'{o}'" for o in [chosen.as_written, *others])
    if chosen.admin1 is None:
        admin1 = next((p.admin1 for p in consistent if p.precision is PlacePrecision.ADMIN1 and p.admin1), None)
        if admin1:
            chosen = Place(**{**chosen.__dict__, "admin1": admin1})
    return Place(**{**chosen.__dict__, "basis": basis})
