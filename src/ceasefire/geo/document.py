"""Resolve every toponym of one article (``resolve_document``) or one mention (``resolve_place``) together.

Two passes: first each toponym alone in the country context of the others; then
again with a bonus for candidates close to the places the other toponyms took
(a "Franklin" beside New Orleans is the one near it). A name keeps one sense in
an article. A street, building or organisation missing from the gazetteer is
placed at the place its name holds ("University of Manitoba" -> Manitoba), else
at the town named before it (or the article's main town). Any other name the
gazetteer lacks is taken to lie around that town too (precision admin2: the
area, not the town itself; the basis says so); with no town named, it stays
unresolved.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping, Sequence

from ..model import Place, PlacePrecision, Toponym, km_between, point_from
from .countries import demonym_of
from .gazetteer import POINT_FEATURES, Gazetteer, PlaceCandidate
from .names import fold, normalize_name
from .qualifiers import offset_of
from .resolve import (
    Query,
    _normalised,
    _votes,
    acceptable,
    by_alternate,
    choose,
    foreign,
    place_of,
    query_of,
    score,
    village_abroad,
)

__all__ = ["resolve_document", "resolve_place"]

_ANCHOR_FEATURES = frozenset({"city", "admin2", "airport", "base", "mountain", "crossing", "camp", "point"})
_PROXIMITY = 3.0  # score bonus for a candidate at an anchor, decaying with distance
_SCALE_KM = 150.0
_IN_ADMIN1 = 1.5  # score bonus for a candidate inside a province the article names
_BIG_CITY = 100_000  # a town this large named inside a site's name needs no other support
_REFERENCE_FEATURES = POINT_FEATURES | {"city"}  # "30 km south of X": a point to measure from, not an area


@lru_cache(maxsize=1)
def _geo_words() -> dict[str, Any]:
    """``data/geo_words.json``, read once."""
    return json.loads(resources.files("ceasefire").joinpath("data/geo_words.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _site_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    raw = _geo_words()
    plain = frozenset(raw["generic_names"]) | {"the", "of", "and", "for", "at", "in", "on", "de", "la", "le"}
    return frozenset(raw["facility_words"]), frozenset(raw["institution_words"]), plain



@dataclass(frozen=True)
class _Around:
    """What the article's other toponyms resolved to: points to be near, admin1 regions to be in."""

    points: tuple[tuple[float, float], ...] = ()
    admin1: frozenset[tuple[str | None, str]] = frozenset()

    def near(self, lat: float, lon: float) -> float:
        return min((km_between(lat, lon, a, b) for a, b in self.points), default=math.inf)


_NOWHERE = _Around()


def _around(places: Sequence[Place | None]) -> _Around:
    return _Around(
        tuple((p.lat, p.lon) for p in places if p is not None and p.feature in _ANCHOR_FEATURES
              and p.lat is not None and p.lon is not None),
        frozenset((p.country, p.admin1) for p in places if p is not None and p.admin1),
    )


def _rank(q: Query, context: Mapping[str, float], hint: str | None,
          around: _Around, area: Place | None = None) -> list[tuple[float, PlaceCandidate]]:
    """The candidates by score; a candidate inside ``area``, where the text puts the name, is never foreign."""
    out = []
    for c in q.candidates:
        if foreign(c, q, context, hint) and not (area is not None and _holds(area, c)):
            continue
        s = score(c, q, context, hint)
        if c.feature not in ("country", "continent"):
            s += _PROXIMITY * math.exp(-around.near(c.lat, c.lon) / _SCALE_KM)
            if c.admin1 and c.feature != "admin1" and (c.country, c.admin1) in around.admin1:
                s += _IN_ADMIN1
        out.append((s, c))
    out.sort(key=lambda sc: -sc[0])
    return out


def _choose(q: Query, context: Mapping[str, float], hint: str | None, around: _Around) -> Place | None:
    found = _best(q, context, hint, around)
    return found[0] if found else None


def _best(q: Query, context: Mapping[str, float], hint: str | None,
          around: _Around) -> tuple[Place, PlaceCandidate] | None:
    ranked = _rank(q, context, hint, around)
    if not ranked:
        return None
    best = ranked[0][1]
    if village_abroad(best, q, context, hint):
        return None  # even beside the article's other places: the text calls it a village of its own country
    if not acceptable(best, q, context, hint) and not around.near(best.lat, best.lon) < _SCALE_KM:
        return None
    return place_of(best, q, len(ranked), sum(c.country == best.country for _, c in ranked)), best


def _is_site(name: str) -> bool:
    facility, institution, _ = _site_words()
    tokens = fold(name).split()
    return len(tokens) > 1 and (tokens[-1] in facility or any(t in institution for t in tokens))


def _supported(c: PlaceCandidate, context: Mapping[str, float], hint: str | None, around: _Around) -> bool:
    """A place named inside a longer name is taken only when the article supports it."""
    if c.feature in ("country", "admin1"):
        return True
    if around.near(c.lat, c.lon) < _SCALE_KM:
        return True
    return bool(c.country) and (c.country == hint or context.get(c.country or "", 0.0) >= 0.5) and (
        (c.country, c.admin1) in around.admin1 or c.population >= _BIG_CITY)


def _embedded(t: Toponym, gazetteer: Gazetteer, context: Mapping[str, float], hint: str | None,
              around: _Around) -> Place | None:
    """The place a site's name holds: the longest run of its words that resolves ("Lagos Cathedral" -> Lagos)."""
    facility, institution, plain = _site_words()
    words = t.name.split()
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size + 1):
            part = words[i:i + size]
            if all(fold(w) in facility or fold(w) in institution or fold(w) in plain or not w[:1].isupper()
                   for w in part):
                continue
            sub = Toponym(" ".join(part), t.evidence, t.context)
            found = _best(query_of(sub, gazetteer), context, hint, around)
            if found is None:
                continue
            place, candidate = found
            if place.feature != "continent" and _supported(candidate, context, hint, around):
                precision = PlacePrecision.LOCALITY if place.precision is PlacePrecision.POINT else place.precision
                return replace(place, as_written=t.name, precision=precision,
                               basis=f"'{t.name}': named after {place.name} ({place.basis})")
    return None


def _site(toponym: Toponym, gazetteer: Gazetteer, context: Mapping[str, float], hint: str | None) -> Place | None:
    """A site or institution the gazetteer lacks, placed by the province, country or large town its name holds
    ("University of Manitoba" -> Manitoba); ``None`` when it is no site or holds no such place."""
    if not _is_site(toponym.name):
        return None
    return _embedded(toponym, gazetteer, context, hint, _Around())


def resolve_place(toponyms: Sequence[Toponym], gazetteer: Gazetteer, *,
                  country_hint: str | None = None) -> Place | None:
    """The mention's location: the most specific resolved toponym consistent with the others.

    The toponyms are resolved together (``resolve_document`` without guesses at
    names the gazetteer lacks); the places that share the dominant country are
    kept, and of those the most specific (point, near, locality, admin1, country)
    that comes first in the text wins. A site the gazetteer lacks is placed by the
    province or large town its name holds ("University of Manitoba"). ``None`` when
    no toponym resolves: the caller records "unresolved".
    """
    found, contexts, total = _resolved(toponyms, gazetteer, country_hint)
    found = _held(toponyms, found, contexts, gazetteer, country_hint)
    places = [_offset(t, p) if p is not None else _site(t, gazetteer, ctx, country_hint)
              for t, p, ctx in zip(toponyms, found, contexts, strict=True)]
    return choose([p for p in places if p is not None], _normalised(total), country_hint)


def _offset(t: Toponym, place: Place) -> Place:
    """An event told at a distance and bearing from a town ("in X, 30 km south of Y", X unknown or named
    elsewhere): that point, precision near (a town named outright still wins, ``choose``). Only a town or a
    site is a reference point; a toponym so qualified keeps its own place in ``resolve_document``, which
    geocodes the name itself, not the event."""
    offset = offset_of(t.context)
    if offset is None or place.lat is None or place.lon is None or place.feature not in _REFERENCE_FEATURES:
        return place
    lat, lon = point_from(place.lat, place.lon, offset.km, offset.bearing)
    return replace(place, name=f"{offset.written} of {place.name}", lat=round(lat, 5), lon=round(lon, 5),
                   geonames_id=None, precision=PlacePrecision.NEAR,
                   basis=f"moved {offset.written} of {place.name}, as the text puts the event; {place.basis}")


def resolve_document(toponyms: Sequence[Toponym], gazetteer: Gazetteer, *,
                     country_hint: str | None = None, fill: bool = True) -> list[Place | None]:
    """A place (or ``None``) for each toponym, resolved in the context of all of them.

    ``fill=False``: names the gazetteer lacks stay ``None`` (no site or nearby-town guesses), unless
    they hold a province's name ("University of X State") or the text puts them in a place ("X, Y").
    """
    places, contexts, _ = _resolved(toponyms, gazetteer, country_hint)
    if not fill:
        return _held(toponyms, places, contexts, gazetteer, country_hint)
    return _fill_sites(toponyms, places, contexts, gazetteer, country_hint)


def _resolved(toponyms: Sequence[Toponym], gazetteer: Gazetteer, country_hint: str | None,
              ) -> tuple[list[Place | None], list[dict[str, float]], Counter[str]]:
    """Each toponym's place in two passes with containment; each one's country context; the country votes."""
    queries = [query_of(t, gazetteer) for t in toponyms]
    votes = [_votes(t, gazetteer) for t in toponyms]
    total: Counter[str] = Counter({country_hint: 2.0} if country_hint else {})
    for v in votes:
        total.update(v)
    written = queries
    queries = [_respelled(q, gazetteer, country_hint, total) for q in queries]
    keys = [(q.key, q.wanted) for q in queries]
    contexts = []
    for key in keys:
        rest = Counter(total)
        for k, v in zip(keys, votes, strict=True):
            if k == key:
                rest.subtract(v)
        contexts.append(_normalised(rest))
    first = {key: _choose(q, ctx, country_hint, _NOWHERE) for key, q, ctx in zip(keys, queries, contexts, strict=True)}
    second: dict[tuple[str, str | None], Place | None] = {}
    for key, q, ctx in zip(keys, queries, contexts, strict=True):
        if key not in second:
            second[key] = _choose(q, ctx, country_hint, _around([p for k, p in first.items() if k != key]))
    # one sense per name, but each occurrence keeps its own qualifier ("near X") and spelling
    places = [_occurrence(second[key], q) for key, q in zip(keys, queries, strict=True)]
    places = _contained(queries, places, contexts, gazetteer, country_hint)
    places = [p if p is None or q is w or p.feature != "city" else
              replace(p, basis=f"{p.basis}; spelled one letter from {p.name}")
              for p, q, w in zip(places, queries, written, strict=True)]
    return places, contexts, total


def _story_country(q: Query, gazetteer: Gazetteer, hint: str | None, total: Counter[str]) -> str | None:
    """The country a name the gazetteer lacks is in: the one the text puts it in ("X, eastern Y"), else
    the hint, else the country the article's names point to clearly most (twice the next)."""
    if q.toponym.within and not demonym_of(q.toponym.within):
        inside = [c for c in query_of(Toponym(q.toponym.within, q.toponym.evidence), gazetteer).candidates
                  if c.feature in ("country", "admin1") and c.country]
        if len({c.country for c in inside}) == 1:
            return inside[0].country
    if hint:
        return hint
    ranked = total.most_common(2)
    if ranked and ranked[0][1] >= 0.5 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0][0]
    return None


def _respelled(q: Query, gazetteer: Gazetteer, hint: str | None, total: Counter[str]) -> Query:
    """A town name the gazetteer lacks, long enough to be a name of its own: the towns of the story's country
    spelled one letter apart ("Avdiyvika" for "Avdiyivka"), ranked as its candidates; else as it was."""
    name = q.toponym.name
    if q.candidates or q.letters < _respell_letters() or not name[:1].isupper() or _is_site(name):
        return q
    country = _story_country(q, gazetteer, hint, total)
    if country is None:
        return q
    found = gazetteer.spelled_like(q.name, country)
    return replace(q, candidates=tuple(dict.fromkeys(found))) if found else q


def _respell_letters() -> int:
    return int(_geo_words()["respell_min_letters"])


def _held(toponyms: Sequence[Toponym], places: list[Place | None], contexts: list[dict[str, float]],
          gazetteer: Gazetteer, hint: str | None) -> list[Place | None]:
    """Unresolved names that hold a state or province ("the University of Vale State's campus"): that
    province, stated by the name itself (no guess at a town)."""
    around = _around(places)
    out = list(places)
    for i, (t, place) in enumerate(zip(toponyms, places, strict=True)):
        if place is None and len(t.name.split()) > 1:
            bare = Toponym(re.sub(r"['\u2019]s\b", "", t.name), t.evidence, t.context, t.within)  # "X State's"
            held = _embedded(bare, gazetteer, contexts[i], hint, around)
            if held is not None and held.feature == "admin1" and _written_in(held.name, bare.name):
                out[i] = held
    return out


def _written_in(province: str, name: str) -> bool:
    """The province's own name is written in the longer name ("Vale" in "University of Vale State"), not only
    one of its alternate names or abbreviations ("Miss" in "Miss Jabal")."""
    return normalize_name(province) in normalize_name(name)


_CONTAINERS = frozenset({"country", "admin1", "admin2", "city", "region"})
_AREAS = ("admin1", "admin2")  # a name the text calls a province, region or district is never one abroad
_INSIDE_KM = {"admin2": 80.0, "city": 30.0, "region": 200.0}


def _holds(area: Place, c: PlaceCandidate) -> bool:
    """Whether candidate ``c`` may lie in the place ``area``."""
    if c.country != area.country:
        return False
    if area.feature == "country":
        return True
    if area.feature == "admin1" and c.admin1 and area.admin1:
        return fold(c.admin1) == fold(area.admin1)
    limit = _INSIDE_KM.get(area.feature or "", 400.0)
    return area.lat is not None and area.lon is not None and km_between(c.lat, c.lon, area.lat, area.lon) <= limit


def _container(q: Query, named: Mapping[str, Place], context: Mapping[str, float], hint: str | None,
               gazetteer: Gazetteer) -> Place | None:
    """The place the text puts a toponym in ("the X camp in Y State", "X, Calif."), if it resolves to an area
    or a town: as the article's own toponym of that name, else looked up alone."""
    within = q.toponym.within
    if not within or demonym_of(within):
        return None  # "a city in the Ruritanian-held part of X": a demonym is who holds it, not a place
    place = named.get(fold(within))
    if place is None:
        sub = query_of(Toponym(within, q.toponym.evidence), gazetteer)
        place = _choose(sub, context, hint, _NOWHERE)
    return place if place is not None and place.feature in _CONTAINERS else None


def _other_area(q: Query, area: Place, context: Mapping[str, float], hint: str | None,
                gazetteer: Gazetteer) -> tuple[Place, list[tuple[float, PlaceCandidate]]] | None:
    """Another sense of the container's name (a state or country) that holds a candidate of ``q`` by its
    own name, when the sense first chosen holds none."""
    sub = query_of(Toponym(q.toponym.within, q.toponym.evidence), gazetteer)
    ranked = [c for _, c in _rank(sub, context, hint, _NOWHERE) if c.feature in ("country", "admin1")]
    for c in ranked:
        if (c.name, c.country, c.feature) == (area.name, area.country, area.feature):
            continue
        candidate = place_of(c, sub, len(ranked), 1)
        inside = [(s, o) for s, o in _rank(q, context, hint, _NOWHERE)
                  if _holds(candidate, o) and not by_alternate(o, q)]
        if inside:
            return candidate, inside
    return None


def _next_named(queries: Sequence[Query], i: int) -> int | None:
    """The toponym written as query ``i``'s container, right after it in the text."""
    t = queries[i].toponym
    after = [(q.toponym.evidence.start, j) for j, q in enumerate(queries)
             if fold(q.toponym.name) == fold(t.within) and 0 <= q.toponym.evidence.start - t.evidence.end <= 40]
    return min(after)[1] if after else None


def _contained(queries: Sequence[Query], places: list[Place | None], contexts: list[dict[str, float]],
               gazetteer: Gazetteer, hint: str | None) -> list[Place | None]:
    """Honour "X in Y" and "X, Y": X takes its best candidate inside Y; with none inside, a name matched
    only by another place's alternate name (or not found at all) is placed at Y itself, the text's word
    for where it is. A place found by its own name elsewhere keeps it ("refugees from X in Y"), unless the text
    calls it a town or village in Y ("the town of X in Y", "X, a village in Y"): then it too is placed at Y."""
    named = {fold(q.toponym.name): p for q, p in zip(queries, places, strict=True) if p is not None}
    out = list(places)
    for i, (q, place) in enumerate(zip(queries, places, strict=True)):
        if place is not None and place.feature in ("country", "continent", "area", "water"):
            continue
        area = _container(q, named, contexts[i], hint, gazetteer)
        if area is None or (place is not None and place.name == area.name and place.country == area.country):
            continue
        inside = [(s, c) for s, c in _rank(q, contexts[i], hint, _NOWHERE, area) if _holds(area, c)]
        if not inside:
            other = _other_area(q, area, contexts[i], hint, gazetteer)
            if other is not None:  # "Tacoma, Washington": the state, not the capital
                area, inside = other
                j = _next_named(queries, i)
                if j is not None:
                    out[j] = replace(area, as_written=queries[j].toponym.name,
                                     basis=f"'{queries[j].toponym.name}': the {area.feature} that holds "
                                           f"'{q.toponym.name}' named before it")
        if inside:
            best = inside[0][1]
            own = place_of(best, q, len(inside), len(inside))
            out[i] = replace(own, admin1=own.admin1 or area.admin1,
                             basis=f"{own.basis.split(': ', 1)[0]}: best of {len(inside)} candidates "
                                   f"in {area.name}, where the text puts it")
            continue
        current = next((c for c in q.candidates if place is not None and (c.name, c.lat, c.lon) == (
            place.name, place.lat, place.lon)), None)
        if current is not None and _as_written(current, q) and q.wanted not in ("city", *_AREAS):
            continue  # "refugees from X in Y"; but "the town of X in Y", "X, a village in Y", "Y's X province" is in Y
        if place is None and len(q.toponym.name.split()) > 1:
            held = _embedded(q.toponym, gazetteer, contexts[i], hint, _around(places))
            if held is not None and held.lat is not None and held.lon is not None and _holds(area, PlaceCandidate(
                    held.name, held.country, held.admin1, held.lat, held.lon, feature=held.feature or "city")):
                out[i] = held  # "the X River in Y": named after a town of Y
                continue
        precision = area.precision
        if area.feature == "city":
            precision = PlacePrecision.LOCALITY if _is_site(q.toponym.name) else PlacePrecision.ADMIN2
        out[i] = replace(area, as_written=q.toponym.name, precision=precision,
                         basis=f"'{q.toponym.name}': not in the gazetteer in {area.name}; placed in "
                               f"{area.name}, where the text puts it ({area.basis})")
    return out


def _as_written(c: PlaceCandidate, q: Query) -> bool:
    """The candidate bears the name as the text spells it (accents aside), not only a respelling of it that the
    name keys fold together ("Al-Awda" for a town "Odda" abroad): a name put in a place ("the X hospital in Y")
    keeps a namesake elsewhere only so spelled."""
    return not by_alternate(c, q) and fold(c.name) in (q.full, q.literal, fold(q.toponym.name))


def _occurrence(place: Place | None, q: Query) -> Place | None:
    """The place a name took, for one occurrence of it: precision and basis from this occurrence's context."""
    if place is None:
        return None
    candidate = next((c for c in q.candidates if (c.name, c.lat, c.lon, c.feature) == (
        place.name, place.lat, place.lon, place.feature)), None)
    if candidate is None:
        return place
    why = place.basis.split(": ", 1)[1] if ": " in place.basis else place.basis
    own = place_of(candidate, q, 1, 1)
    return replace(own, admin1=place.admin1, basis=f"{own.basis.rsplit(': ', 1)[0]}: {why}")


def _fill_sites(toponyms: Sequence[Toponym], places: list[Place | None], contexts: list[dict[str, float]],
                gazetteer: Gazetteer, hint: str | None) -> list[Place | None]:
    """Unresolved multi-word names (streets, buildings, bodies, districts): the place their name holds,
    else the town named last before them, else the article's most named town. A one-word name the
    gazetteer lacks stays unresolved: it may be a place anywhere."""
    towns = Counter(p.name for p in places if p is not None and p.feature == "city")
    main = None
    if towns:
        top = max(towns.values())
        main = next(p for p in places if p is not None and p.feature == "city" and towns[p.name] == top)
    around = _around(places)
    order = sorted(range(len(toponyms)), key=lambda i: toponyms[i].evidence.start)
    out: list[Place | None] = list(places)
    last: Place | None = None
    for i in order:
        t, place = toponyms[i], places[i]
        if place is None:
            if len(t.name.split()) > 1:
                place = _embedded(t, gazetteer, contexts[i], hint, around)
            town = last or main
            site = _is_site(t.name)
            # a one-word name the gazetteer lacks is not guessed: it may be a place anywhere
            if place is None and town is not None and any(ch.isupper() for ch in t.name) and (
                site or len(t.name.split()) > 1
            ):
                what = "a street, building or body" if site else "a name the gazetteer lacks"
                place = replace(town, as_written=t.name,
                                precision=PlacePrecision.LOCALITY if site else PlacePrecision.ADMIN2,
                                basis=f"'{t.name}': {what} taken to be in {town.name}, "
                                      f"the town the article names {'before it' if last else 'most'}")
        elif place is not None and place.feature == "city":
            last = place
        out[i] = place
    return out
