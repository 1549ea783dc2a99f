"""From mentions to incidents: cluster, then derive what follows from each cluster."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date
from typing import Sequence

from ..model import (
    DatePrecision,
    DateResolution,
    DateVote,
    Incident,
    IncidentHead,
    IncidentTally,
    Mention,
    Place,
    PlacePrecision,
    PlaceVote,
)
from .flags import contradiction_flags
from .grade import grade
from .merge import NEAR_KM, REGION_KM, cluster_mentions, distance_km
from .ranges import figures_of
from .review import EMPTY, Review, without_wrong
from .tally import tally_of

__all__ = ["build_incidents", "concrete", "derive_one", "head_of", "incident_id", "id_of_key"]

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


def id_of_key(first: str) -> str:
    """The id of an incident whose smallest mention key is ``first``."""
    return hashlib.sha1(first.encode("utf-8")).hexdigest()[:16]


def incident_id(mentions: Sequence[Mention]) -> str:
    """Stable across runs for the same input: a hash of the cluster's first mention key."""
    return id_of_key(min(m.key for m in mentions))


def _best_date(t: IncidentTally) -> DateResolution:
    """The most precise date; among those the day most mentions tell of this event, then most mentions in all.

    Votes are counted per date range, whatever wording gave it (three reports' "Tuesday", "Oct. 28" and
    "yesterday" are one vote of three), and a date a mention only took from its report's earlier event
    counts after the dates mentions tell of themselves. A statement's day that bounds a mention's date ("the
    ministry said on Monday that ...", ``DateResolution.stated``) stands for that day, and counts after the
    days mentions tell of the event itself: one report's "the February 3 killings" wins over another's
    "said on Tuesday". Within the winning range the wording most mentions used is shown (those with claims
    first).
    """
    if not t.dates:
        return DateResolution.unknown("no mentions")
    told: Counter[tuple[date | None, date | None, DatePrecision]] = Counter()
    every: Counter[tuple[date | None, date | None, DatePrecision]] = Counter()
    claimed: Counter[tuple[date | None, date | None, DatePrecision]] = Counter()
    votes = [(_as_voted(v.date), v) for v in t.dates]
    for d, v in votes:
        span = (d.start, d.end, d.precision)
        every[span] += v.count
        claimed[span] += v.claimed
        if not d.inherited and not d.stated:
            told[span] += v.count

    def rank(vote: tuple[DateResolution, DateVote]) -> tuple[object, ...]:
        d, v = vote
        span = (d.start, d.end, d.precision)
        return (
            _DATE_RANK[d.precision], -told[span], -every[span], not claimed[span],
            d.start.toordinal() if d.start else 0, d.inherited, d.stated, -v.count, not v.claimed, d.basis,
        )

    return min(votes, key=rank)[0]


def _as_voted(d: DateResolution) -> DateResolution:
    """A statement's day that bounds a date votes for that day: the best guess of the event's day when nothing
    else dates it (the basis keeps how it was read)."""
    if not d.stated or d.day is None:
        return d
    return DateResolution(d.day, d.day, DatePrecision.DAY, f"{d.basis}; taken as the event's day")


_REGIONS = (PlacePrecision.ADMIN1, PlacePrecision.ADMIN2)


def _agrees(p: Place, q: Place) -> bool:
    """Whether ``q`` supports ``p``: the same name, within 30 km, or a region around it."""
    d = distance_km(p, q)
    return q.name == p.name or (d is not None and (d <= NEAR_KM or (q.precision in _REGIONS and d <= REGION_KM)))


def _best_place(t: IncidentTally) -> Place | None:
    """The place the mentions with claims agree on most, then all mentions (country-level places
    only when there is nothing finer), then the one in the country the other mentions name (a village
    resolved to its namesake abroad loses to the one in the story's country), then the most specific;
    ties go to the first mention's."""
    countries = [v for v in t.places if v.place.precision is PlacePrecision.COUNTRY]
    votes = [v for v in t.places if v.place.precision is not PlacePrecision.COUNTRY] or countries
    if not votes:
        return None

    def support(v: PlaceVote) -> tuple[int, int]:
        agreeing = [w for w in votes if _agrees(v.place, w.place)]
        return sum(w.claimed for w in agreeing), sum(w.count for w in agreeing)

    def named(v: PlaceVote) -> int:
        return sum(w.count for w in countries if w.place.country == v.place.country)

    def rank(v: PlaceVote) -> tuple[int, int, int, int, str, str]:
        claimed, everyone = support(v)
        return (-claimed, -everyone, -named(v), _PLACE_RANK[v.place.precision], v.place.name, v.first)

    return min(votes, key=rank).place


def _event_type(t: IncidentTally) -> tuple[str | None, str | None]:
    if not t.types:
        return None, None
    # most frequent of those not guessed ("a strike" names no weapon); ties broken by the type of a mention with
    # claims, then alphabetically
    votes = [v for v in t.types if not v.guessed] or list(t.types)
    best = max(votes, key=lambda v: (v.count, v.claimed > 0, str((v.event_type, v.sub_event_type))))
    return best.event_type, best.sub_event_type


def head_of(tally: IncidentTally, incident_id: str, policy: str = "conservative") -> IncidentHead:
    """Everything derived about an incident, from its tally alone."""
    flags = contradiction_flags(tally)
    ev, sub = _event_type(tally)
    return IncidentHead(
        id=incident_id,
        event_type=ev,
        sub_event_type=sub,
        date=_best_date(tally),
        place=_best_place(tally),
        actors=tuple(v.actor for v in tally.actors),
        figures=figures_of(tally.figures, policy),
        flags=flags,
        grade=grade(tally, flags),
        policy=policy,
        tally=tally,
    )


def build_incidents(
    mentions: Sequence[Mention], policy: str = "conservative", review: Review = EMPTY
) -> list[Incident]:
    """Incidents from all mentions, deterministic for the same set of mentions (and review actions).

    ``review``: people's merges and splits constrain the clustering, their corrections
    and confirmations are laid over each incident, claims marked wrong leave its tally.

    A cluster of background mentions only (``Mention.role``) makes no incident: its
    mentions stay in the store unlinked, with their claims, until a concrete mention
    joins their cluster (``docs/incidents.md``, "Roles").
    """
    out: list[Incident] = []
    for group in cluster_mentions(mentions, review.pins if review.actions else None):
        if concrete(group):
            out.append(derive_one(group, incident_id(group), policy, review))
    return out


def concrete(group: Sequence[Mention]) -> bool:
    """Whether a cluster makes an incident: one of its mentions is no background."""
    return any(not m.background for m in group)


def derive_one(group: Sequence[Mention], incident_id: str, policy: str, review: Review = EMPTY) -> Incident:
    """One incident from its mentions (already clustered), under ``review``."""
    tally = tally_of(without_wrong(group, review.wrong) if review.actions else group)
    head = review.derive(head_of(tally, incident_id, policy), {m.key for m in group})
    return Incident.of(head, tuple(sorted(group, key=lambda m: m.key)))
