"""One incident judged against one agreement (pure): a :class:`~ceasefire.model.Violation`, or ``None``.

The rules, in the order they apply (``docs/agreements.md`` documents them):

1. *Time and area.* An incident whose date range ends before the agreement starts (or
   starts after it ends), whose date is unknown, or whose place is outside the area or
   unknown is not judged: ``None`` -- except one dated before the start but reported once
   the agreement was in force, which is ``out_of_scope`` with a reason saying so. An
   incident whose date range holds the start (a week,
   or the start day itself when the agreement starts at a time of day) *straddles* it; so
   does a place known only to its country when the area is a region. It is judged, and
   the reason says it may fall outside.
2. *Prohibited act.* No term prohibits the incident's ACLED type: ``out_of_scope``.
3. *Perpetrator.* The incident's first perpetrator is the one judged. None, or an
   unidentified one: ``unattributed``. An excluded group: ``out_of_scope`` (the agreement
   does not bind it). An actor that is no party's actor, force or ally: ``out_of_scope``.
   A party bound by no term prohibiting the act: ``out_of_scope``.
4. *Target.* A target that is an excluded group or an exception's target, or a place in an
   exception's area: ``permitted``.
5. *Disputed attribution.* Denied by the accused's side, acknowledged by no one, and
   attributed only by partisan sources (governments, militaries, state media, belligerents,
   officials, unknown voices; no monitor, UN agency, medical source, witness or outlet):
   ``unattributed`` -- it could not be attributed, as a monitoring mission would record it.
6. Otherwise: ``possible_violation`` of the most specific term (one naming the sub-event
   type before one naming the event type).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Collection, Literal

from ..model import (
    MONTHS,
    Accuser,
    Actor,
    Agreement,
    Claim,
    DatePrecision,
    DateResolution,
    Exemption,
    Incident,
    Party,
    SourceType,
    Statement,
    StatementKind,
    Term,
    Violation,
    ViolationStatus,
)
from .area import where

__all__ = ["judge", "timing", "party_of", "terms_for", "accusers_of", "INDEPENDENT"]

#: Source types whose attribution does not come from one side of the conflict.
INDEPENDENT = frozenset(
    {SourceType.MONITOR, SourceType.UN_AGENCY, SourceType.MEDICAL, SourceType.WITNESS, SourceType.OUTLET}
)

Timing = Literal["before", "inside", "straddles", "straddles_end", "after", "unknown"]


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _partial(value: date | datetime) -> bool:
    """Whether ``value`` falls inside its day (a time other than midnight)."""
    return isinstance(value, datetime) and (value.hour, value.minute, value.second) != (0, 0, 0)


def _moment(value: date | datetime) -> str:
    if isinstance(value, datetime):
        zone = value.strftime("%z")
        return f"{_date_text(value.date())} at {value.strftime('%H:%M')} (UTC{zone[:3]}:{zone[3:]})"
    return _date_text(value)


def _date_text(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _dated(d: DateResolution) -> str:
    if d.start is None:
        return "undated"
    if d.end is None or d.end == d.start:
        return f"dated {_date_text(d.start)}"
    return f"dated {_date_text(d.start)} to {_date_text(d.end)} ({d.precision.value} precision)"


def timing(agreement: Agreement, d: DateResolution) -> Timing:
    """Where an incident's date range stands against the agreement's time."""
    if d.start is None or d.precision is DatePrecision.UNKNOWN:
        return "unknown"
    first, last = d.start, d.end or d.start
    start = _day(agreement.start)
    if last < start:
        return "before"
    if agreement.end is not None:
        end = _day(agreement.end)
        if first > end or (first == end and isinstance(agreement.end, datetime) and not _partial(agreement.end)):
            return "after"
        if last > end or (last == end and _partial(agreement.end)):
            return "straddles_end"
    if first < start or (first == start and _partial(agreement.start)):
        return "straddles"
    return "inside"


def party_of(agreement: Agreement, actor: str) -> Party | None:
    """The party ``actor`` acts for: the party it is the actor of, else whose force, else whose ally it is."""
    for members in (lambda p: (p.actor,), lambda p: p.forces, lambda p: p.allies):
        for party in agreement.parties:
            if actor in members(party):
                return party
    return None


def terms_for(agreement: Agreement, party: Party | None, event_type: str | None, sub_event_type: str | None
              ) -> list[Term]:
    """The terms binding ``party`` (any party when ``None``) that prohibit the act, most specific first."""
    binding = [t for t in agreement.terms if party is None or not t.parties or party.name in t.parties]
    specific = [t for t in binding if sub_event_type is not None and sub_event_type in t.sub_event_types]
    general = [t for t in binding if event_type is not None and event_type in t.event_types and t not in specific]
    return specific + general


def _statements(incident: Incident, kind: StatementKind) -> tuple[Statement, ...]:
    seen: dict[tuple[str, str], Statement] = {}
    for m in incident.mentions:
        for s in m.statements:
            if s.kind is kind:
                seen.setdefault((s.source.name, s.evidence.quote), s)
    return tuple(seen.values())


def accusers_of(incident: Incident, perpetrators: Collection[str]) -> tuple[Accuser, ...]:
    """The sources that attribute the incident to one of ``perpetrators`` (an actor, or a party's members):
    the claimants of the mentions that name one as perpetrator, and the authors of accusations, each
    with its claims and accusations."""
    claims: dict[str, list[Claim]] = {}
    accusations: dict[str, list[Statement]] = {}
    types: dict[str, SourceType] = {}
    for m in incident.mentions:
        attributes = any(r.role == "perpetrator" and r.actor.name in perpetrators for r in m.actors)
        for c in m.claims if attributes else ():
            claims.setdefault(c.source.name, []).append(c)
            types.setdefault(c.source.name, c.source.type)
        for s in m.statements:
            if s.kind is StatementKind.ACCUSATION:
                accusations.setdefault(s.source.name, []).append(s)
                types.setdefault(s.source.name, s.source.type)
    names = sorted(set(claims) | set(accusations))
    return tuple(Accuser(n, types[n], tuple(claims.get(n, ())), tuple(accusations.get(n, ()))) for n in names)


def _unidentified(actor: Actor) -> bool:
    return actor.type == "unknown" or actor.name.startswith("Unidentified")


def _exemption(agreement: Agreement, incident: Incident, targets: list[Actor]) -> tuple[Exemption, str] | None:
    for x in agreement.exemptions:
        hit = next((t.name for t in targets if t.name in x.targets), None)
        if hit is not None:
            return x, f"its target, {hit}, is one the agreement's exception {x.ref} permits acts against"
        if x.area is not None and incident.place is not None and where(incident.place, x.area) == "inside":
            return x, f"it took place in {incident.place.name}, inside the area of the agreement's exception {x.ref}"
    return None


def judge(agreement: Agreement, incident: Incident, version: int) -> Violation | None:
    """``incident`` (at ``version``) judged against ``agreement``; ``None`` when outside its time or area."""
    when = timing(agreement, incident.date)
    place = where(incident.place, agreement.area)
    reported = max((m.reported_on for m in incident.mentions if m.reported_on is not None), default=None)
    early = when == "before" and reported is not None and reported >= _day(agreement.start)
    if (when in ("before", "after", "unknown") and not early) or place == "outside":
        return None
    what = incident.sub_event_type or incident.event_type or "incident"
    at = f" in {incident.place.name}" if incident.place is not None else ""
    act = f"The {what.lower()}{at} {_dated(incident.date)}"
    if early and reported is not None:  # reported once the agreement was in force, dated before it
        return Violation(agreement.id, incident.id, version, ViolationStatus.OUT_OF_SCOPE,
                         f"{act} ({incident.date.precision.value} precision) predates the agreement, in force from "
                         f"{_moment(agreement.start)}, though reported on {_date_text(reported)}: judged by its "
                         "date, it is outside the agreement's time.", grade=incident.grade, flags=incident.flags)
    caveats = []
    if when == "straddles":
        caveats.append(f"judged by its date ({incident.date.precision.value} precision), which holds the "
                       f"agreement's start, {_moment(agreement.start)}: it may predate the agreement")
    elif when == "straddles_end" and agreement.end is not None:
        caveats.append(f"judged by its date ({incident.date.precision.value} precision), which holds the "
                       f"agreement's end, {_moment(agreement.end)}: it may postdate the agreement")
    if place == "straddles":
        caveats.append("its place is known only to the country, so it may lie outside the agreement's area")
    note = "".join(f"; {c}" for c in caveats)
    perpetrators = [r.actor for r in incident.actors if r.role == "perpetrator"]
    targets = [r.actor for r in incident.actors if r.role == "target"]
    named = [t for t in targets if t.type != "unknown"] or targets  # "the base" names no one
    denials = _statements(incident, StatementKind.DENIAL)
    acks = _statements(incident, StatementKind.ACKNOWLEDGMENT)
    base = dict(
        agreement_id=agreement.id, incident_id=incident.id, version=version, grade=incident.grade,
        flags=incident.flags, denials=denials, acknowledgments=acks, straddles=bool(caveats),
        target=named[0].name if named else None,
    )

    def result(status: ViolationStatus, reason: str, **more: object) -> Violation:
        return Violation(status=status, reason=reason + note + ".", **base, **more)  # type: ignore[arg-type]

    if not terms_for(agreement, None, incident.event_type, incident.sub_event_type):
        return result(ViolationStatus.OUT_OF_SCOPE, f"{act} is not an act any term of {agreement.id} prohibits")
    if not perpetrators or _unidentified(perpetrators[0]):
        term = terms_for(agreement, None, incident.event_type, incident.sub_event_type)[0]
        who = (f"its perpetrator is named only as {perpetrators[0].name!r}" if perpetrators
               else "no report names its perpetrator")
        return result(ViolationStatus.UNATTRIBUTED, f"{act} could not be attributed: {who}", term=term)
    actor = perpetrators[0]
    party = party_of(agreement, actor.name)
    accusers = accusers_of(incident, party.members if party is not None else (actor.name,))
    if actor.name in agreement.excluded:
        return result(ViolationStatus.OUT_OF_SCOPE, f"{act} was carried out by {actor.name}, a group the "
                      "agreement excludes and does not bind", perpetrator=actor.name, accusers=accusers)
    if party is None:
        return result(ViolationStatus.OUT_OF_SCOPE, f"{act} was carried out by {actor.name}, which is neither a "
                      "party nor a force or ally of one", perpetrator=actor.name, accusers=accusers)
    terms = terms_for(agreement, party, incident.event_type, incident.sub_event_type)
    side = f"{actor.name} ({party.name})" if actor.name != party.name else actor.name
    more = dict(perpetrator=actor.name, accused=party.name, accusers=accusers)
    if not terms:
        return result(ViolationStatus.OUT_OF_SCOPE, f"{act} was carried out by {side}, which no term "
                      f"prohibiting a {what.lower()} binds", **more)
    term = terms[0]
    hit = next((t.name for t in targets if t.name in agreement.excluded), None)
    if hit is not None:
        return result(ViolationStatus.PERMITTED, f"{act} by {side} was aimed at {hit}, a group the agreement "
                      "excludes", term=term, **more)
    exempt = _exemption(agreement, incident, targets)
    if exempt is not None:
        return result(ViolationStatus.PERMITTED, f"{act} by {side} is permitted: {exempt[1]}", term=term, **more)
    independent = [a.name for a in accusers if a.type in INDEPENDENT]
    if denials and not acks and not independent:
        by = ", ".join(a.name for a in accusers) or "no named source"
        return result(ViolationStatus.UNATTRIBUTED, f"{act} is attributed to {side} only by {by} and denied by "
                      f"{', '.join(sorted({d.source.name for d in denials}))}; it could not be attributed",
                      term=term, **more)
    against = f" against {named[0].name}" if named else ""
    by = ", ".join(a.name for a in accusers) or "the reports"
    return result(ViolationStatus.POSSIBLE_VIOLATION, f"{act} was carried out by {side}{against}, an act "
                  f"{term.ref} prohibits, according to {by}", term=term, **more)
