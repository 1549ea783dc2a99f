"""Which mentions are one incident.

Two mentions are compatible when nothing they say contradicts it -- dates that
overlap (within a day of slack for each side's precision), places near each
other or in one admin1, the same kind of event (or one untyped) -- and
something ties them:

* a shared place (within 30 km for points, 50 km for towns, the same admin1 for regions);
* or, when a place cannot tell, shared figures that are distinctive enough
  (``killed 1`` alone is not: many events share it);
* or, inside one report, a mention of the same type that names neither place nor
  figure (an anaphoric "the shooting"), or that repeats one of its figures.

A place known only to country level is weak evidence (it is often an actor:
"Israel", "Russia"); it neither ties nor separates mentions.
"""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Sequence

from ..model import DatePrecision, Mention, Place, PlacePrecision

__all__ = ["cluster_mentions", "compatible", "distance_km"]

NEAR_KM = 30.0  # points and "near" places
TOWN_KM = 50.0  # localities: a town and its suburb
REGION_KM = 150.0
_POINTS = {PlacePrecision.POINT, PlacePrecision.NEAR}


def distance_km(a: Place, b: Place) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)  # type: ignore[arg-type]
    dp = p2 - p1
    dl = math.radians(b.lon - a.lon)  # type: ignore[operator]
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


_COARSE = {PlacePrecision.ADMIN1, PlacePrecision.ADMIN2, PlacePrecision.COUNTRY}


def _places(a: Place | None, b: Place | None) -> bool | None:
    """True: same place; False: different places; None: cannot tell."""
    if a is None or b is None or a.precision is PlacePrecision.UNKNOWN or b.precision is PlacePrecision.UNKNOWN:
        return None
    if PlacePrecision.COUNTRY in (a.precision, b.precision):
        return None
    if a.country and b.country and a.country != b.country:
        return False
    coarse = a.precision in _COARSE or b.precision in _COARSE
    if a.admin1 and b.admin1 and coarse:
        return a.admin1 == b.admin1
    d = distance_km(a, b)
    if d is None:
        return None
    if coarse:
        return d <= REGION_KM
    return d <= (NEAR_KM if a.precision in _POINTS and b.precision in _POINTS else TOWN_KM)


def _dates(a: Mention, b: Mention) -> bool | None:
    da, db = a.date, b.date
    if None in (da.start, db.start) or DatePrecision.UNKNOWN in (da.precision, db.precision):
        return None
    slack = timedelta(days=1)
    a_end = da.end or da.start
    b_end = db.end or db.start
    return da.start - slack <= b_end and db.start - slack <= a_end  # type: ignore[operator]


def _figures(m: Mention) -> set[tuple[str, int | None, int | None]]:
    return {(c.kind.value, c.figure.min, c.figure.max) for c in m.claims}


def _weight(fig: tuple[str, int | None, int | None]) -> float:
    """How much a shared figure says: 1 or 0 is common to many events, 40 is not."""
    n = fig[1] if fig[1] is not None else fig[2]
    if n is None or n <= 1:
        return 0.0
    return 0.5 if n < 5 else 1.0


def _shared_figures(a: Mention, b: Mention) -> float:
    return sum(_weight(f) for f in _figures(a) & _figures(b))


def _bare(m: Mention) -> bool:
    """Names neither a place nor a figure: an anaphoric mention ("the shooting")."""
    return (m.place is None or m.place.precision is PlacePrecision.UNKNOWN) and not m.claims


# Sub-event types that can describe one event from different sides (taken / retaken).
_KIN = [frozenset({"Non-state actor overtakes territory", "Government regains territory",
                   "Non-violent transfer of territory"})]


def _same_kind(a: str | None, b: str | None) -> bool:
    if not a or not b or a == b:
        return True
    return any(a in kin and b in kin for kin in _KIN)


def compatible(a: Mention, b: Mention) -> bool:
    """Whether two mentions can be one incident (see the module docstring)."""
    if not _same_kind(a.sub_event_type, b.sub_event_type):
        return False
    if _dates(a, b) is False:
        return False
    same_place = _places(a.place, b.place)
    if same_place is not None:
        return same_place
    if _shared_figures(a, b) >= 1.0:
        return True
    if a.report_key == b.report_key and a.sub_event_type == b.sub_event_type:
        # in one report, an unplaced mention of the same type with a shared figure, or none at all
        return _bare(a) or _bare(b) or bool(_figures(a) & _figures(b))
    return False


def _affinity(a: Mention, b: Mention) -> tuple[float, int]:
    """How strongly two compatible mentions belong together: shared figures, then a known same place."""
    return (_shared_figures(a, b), int(bool(_places(a.place, b.place))))


def _candidate_pairs(ordered: Sequence[Mention]) -> set[tuple[int, int]]:
    """Pairs that could be compatible at all: they share a country or a figure (blocking, to avoid n*n)."""
    buckets: dict[object, list[int]] = {}
    for i, m in enumerate(ordered):
        if m.place is not None and m.place.country and m.place.precision is not PlacePrecision.UNKNOWN:
            buckets.setdefault(("country", m.place.country), []).append(i)
        for fig in _figures(m):
            buckets.setdefault(("figure", fig), []).append(i)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                pairs.add((i, j) if i < j else (j, i))
    return pairs


def cluster_mentions(mentions: Sequence[Mention]) -> list[list[Mention]]:
    """Groups of mutually compatible mentions, each sorted by key, groups sorted by their first key.

    Complete linkage: two groups join only when every mention of one is compatible
    with every mention of the other, so a chain of near neighbours cannot join two
    strikes a week apart. Pairs are taken strongest first, ties by key, over the
    mentions sorted by key -- the result depends on the set of mentions, never on
    the order they arrived in.
    """
    ordered = sorted(mentions, key=lambda m: m.key)
    ok: set[tuple[int, int]] = set()
    ranked = []
    for i, j in _candidate_pairs(ordered):
        if compatible(ordered[i], ordered[j]):
            ok.add((i, j))
            strength = _affinity(ordered[i], ordered[j])
            ranked.append((-strength[0], -strength[1], i, j))
    group_of = list(range(len(ordered)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}
    for _s0, _s1, i, j in sorted(ranked):
        gi, gj = group_of[i], group_of[j]
        if gi == gj or not all((min(x, y), max(x, y)) in ok for x in members[gi] for y in members[gj]):
            continue
        for y in members[gj]:
            group_of[y] = gi
        members[gi].extend(members.pop(gj))
    groups = [sorted((ordered[i] for i in idx), key=lambda m: m.key) for idx in members.values()]
    return sorted(groups, key=lambda g: g[0].key)
