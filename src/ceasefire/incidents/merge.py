"""Which mentions are one incident.

Two mentions are compatible when nothing they say contradicts it: dates that
overlap (within a day of slack for each side's precision), places near each
other or in one admin1, the same kind of event (or one untyped), and -- across
different reports -- some positive evidence: a shared place or a shared figure.
Compatible mentions are joined transitively (union-find over all pairs), so the
result does not depend on the order the mentions arrive in.
"""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Sequence

from ..model import DatePrecision, Mention, Place, PlacePrecision

__all__ = ["cluster_mentions", "compatible", "distance_km"]

NEAR_KM = 30.0
REGION_KM = 150.0


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
    if a.country and b.country and a.country != b.country:
        return False
    if PlacePrecision.COUNTRY in (a.precision, b.precision):
        return None
    coarse = a.precision in _COARSE or b.precision in _COARSE
    if a.admin1 and b.admin1 and coarse:
        return a.admin1 == b.admin1
    d = distance_km(a, b)
    if d is None:
        return None
    return d <= (REGION_KM if coarse else NEAR_KM)


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
    if same_place is False:
        return False
    if a.report_key == b.report_key:
        # within one report, only mentions that name the same place or share a figure are one event
        return bool(same_place) or bool(_figures(a) & _figures(b))
    return bool(same_place) or bool(_figures(a) & _figures(b))


def _affinity(a: Mention, b: Mention) -> tuple[int, int]:
    """How strongly two compatible mentions belong together: shared figures, then a known same place."""
    return (len(_figures(a) & _figures(b)), int(bool(_places(a.place, b.place))))


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
