"""From mentions to incidents: cluster, then derive what follows from each cluster."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date
from typing import Sequence

from ..model import ActorRole, DatePrecision, DateResolution, Incident, Mention, Place, PlacePrecision, StatementKind
from .flags import contradiction_flags
from .grade import counted_reports, grade
from .merge import NEAR_KM, REGION_KM, cluster_mentions, distance_km
from .ranges import derive_figures

__all__ = ["build_incidents", "incident_id"]

_DATE_RANK = {
    DatePrecision.DAY: 0,
    DatePrecision.WEEK: 1,
    DatePrecision.MONTH: 2,
    DatePrecision.YEAR: 3,
    DatePrecision.UNKNOWN: 4,
}
# "near X" is less telling than a named town: "in Hillsboro" beats "near Portland"
_PLACE_RANK = {
    PlacePrecision.POINT: 0,
    PlacePrecision.LOCALITY: 1,
    PlacePrecision.NEAR: 2,
    PlacePrecision.ADMIN2: 3,
    PlacePrecision.ADMIN1: 4,
    PlacePrecision.COUNTRY: 5,
    PlacePrecision.UNKNOWN: 6,
}


def incident_id(mentions: Sequence[Mention]) -> str:
    """Stable across runs for the same input: a hash of the cluster's first mention key."""
    first = min(m.key for m in mentions)
    return hashlib.sha1(first.encode("utf-8")).hexdigest()[:16]


def _best_date(mentions: Sequence[Mention]) -> DateResolution:
    """The most precise date, and among those the one most mentions give (those with claims first)."""
    votes = Counter(m.date for m in mentions)
    with_claims = {m.date for m in mentions if m.claims}
    return min(
        votes,
        key=lambda d: (
            _DATE_RANK[d.precision],
            -votes[d],
            d not in with_claims,
            d.start.toordinal() if d.start else 0,
            d.basis,
        ),
    )


_REGIONS = (PlacePrecision.ADMIN1, PlacePrecision.ADMIN2)


def _support(p: Place, places: Sequence[Place]) -> int:
    """How many of ``places`` agree with ``p``: the same name, within 30 km, or a region around it."""
    n = 0
    for q in places:
        d = distance_km(p, q)
        near = d is not None and (d <= NEAR_KM or (q.precision in _REGIONS and d <= REGION_KM))
        n += q.name == p.name or near
    return n


def _best_place(mentions: Sequence[Mention]) -> Place | None:
    """The place the mentions with claims agree on most, then all mentions (country-level places
    only when there is nothing finer), then the most specific."""
    usable = [(m.place, bool(m.claims)) for m in mentions if m.place is not None]
    usable = [(p, c) for p, c in usable if p.precision is not PlacePrecision.UNKNOWN]
    if not usable:
        return None
    fine = [(p, c) for p, c in usable if p.precision is not PlacePrecision.COUNTRY] or usable
    places = [p for p, _ in fine]
    claimed = [p for p, c in fine if c]
    return min(places, key=lambda p: (-_support(p, claimed), -_support(p, places), _PLACE_RANK[p.precision], p.name))


def _event_type(mentions: Sequence[Mention]) -> tuple[str | None, str | None]:
    typed = Counter((m.event_type, m.sub_event_type) for m in mentions if m.sub_event_type)
    if not typed:
        return None, None
    # most frequent; ties broken by the mention that carries claims, then alphabetically
    with_claims = {(m.event_type, m.sub_event_type) for m in mentions if m.claims and m.sub_event_type}
    return max(typed, key=lambda t: (typed[t], t in with_claims, str(t)))


def _actors(mentions: Sequence[Mention]) -> tuple[ActorRole, ...]:
    seen: dict[tuple[str, str], ActorRole] = {}
    for m in mentions:
        for a in m.actors:
            seen.setdefault((a.role, a.actor.name), a)
    return tuple(seen.values())


def _acknowledged(mentions: Sequence[Mention]) -> bool:
    return any(s.kind is StatementKind.ACKNOWLEDGMENT and not s.hedged for m in mentions for s in m.statements)


def build_incidents(mentions: Sequence[Mention], policy: str = "conservative") -> list[Incident]:
    """Incidents from all mentions, deterministic for the same set of mentions."""
    out: list[Incident] = []
    for group in cluster_mentions(mentions):
        in_order = sorted(group, key=lambda m: (m.reported_on or date.min, m.key))
        claims = [c for m in in_order for c in m.claims]
        flags = contradiction_flags(group)
        ev, sub = _event_type(group)
        counted, n_reports = counted_reports(group)  # a report and its copies count once
        out.append(
            Incident(
                id=incident_id(group),
                mentions=tuple(group),
                event_type=ev,
                sub_event_type=sub,
                date=_best_date(group),
                place=_best_place(group),
                actors=_actors(group),
                figures=derive_figures(claims, policy),
                flags=flags,
                grade=grade(counted, n_reports, flags, _acknowledged(group)),
                policy=policy,
            )
        )
    return out
