"""Typed contradiction flags over an incident's mentions and claims (pure).

* ``count_disagreement`` -- two total-count claims of one kind whose ranges do not overlap;
* ``date_disagreement`` -- the mentions date the event to different days;
* ``place_disagreement`` -- the mentions place it in different localities more than 10 km apart;
* ``control_disputed`` -- one side reports territory taken, another that it was retaken;
* ``responsibility_disputed`` -- one side accuses (an accusation, or a perpetrator named
  in the reports) and the accused side denies.

Each flag's detail names the claims or mentions on each side.
"""

from __future__ import annotations

from typing import Sequence

from ..model import Claim, DatePrecision, Flag, Mention, PlacePrecision, StatementKind
from .merge import distance_km

__all__ = ["contradiction_flags", "TAKEN", "RETAKEN"]

TAKEN = frozenset({"Non-state actor overtakes territory"})
RETAKEN = frozenset({"Government regains territory"})
_FINE = (PlacePrecision.POINT, PlacePrecision.NEAR, PlacePrecision.LOCALITY)
PLACE_KM = 10.0


def _describe(c: Claim) -> str:
    lo, hi = c.figure.min, c.figure.max
    fig = f"{lo}" if lo == hi else f"{lo if lo is not None else ''}..{hi if hi is not None else ''}"
    return f"{c.source.name}: {fig}"


def _count_flags(claims: Sequence[Claim]) -> list[Flag]:
    flags = []
    for kind in sorted({c.kind.value for c in claims}):
        totals = [c for c in claims if c.kind.value == kind and c.scope == "total"]
        clashes: list[str] = []
        for i, a in enumerate(totals):
            for b in totals[i + 1 :]:
                if (a.figure.max is not None and b.figure.min is not None and a.figure.max < b.figure.min) or (
                    b.figure.max is not None and a.figure.min is not None and b.figure.max < a.figure.min
                ):
                    clashes.append(f"{_describe(a)} vs {_describe(b)}")
        if clashes:
            flags.append(Flag("count_disagreement", f"{kind}: " + "; ".join(dict.fromkeys(clashes))))
    return flags


def _where(m: Mention) -> str:
    return f"{m.article_id} part {m.part}"


def _date_flag(mentions: Sequence[Mention]) -> list[Flag]:
    days: dict[str, list[str]] = {}
    for m in mentions:
        d = m.date
        if d.precision is DatePrecision.DAY and d.start is not None and d.start == d.end:
            days.setdefault(d.start.isoformat(), []).append(_where(m))
    if len(days) < 2:
        return []
    sides = "; ".join(f"{day}: {', '.join(dict.fromkeys(who))}" for day, who in sorted(days.items()))
    return [Flag("date_disagreement", sides)]


def _place_flag(mentions: Sequence[Mention]) -> list[Flag]:
    fine = [m for m in mentions if m.place is not None and m.place.precision in _FINE]
    clashes = []
    for i, a in enumerate(fine):
        for b in fine[i + 1 :]:
            if a.place.name == b.place.name:  # type: ignore[union-attr]
                continue
            d = distance_km(a.place, b.place)  # type: ignore[arg-type]
            if d is not None and d > PLACE_KM:
                clashes.append(f"{a.place.name} ({_where(a)}) vs {b.place.name} ({_where(b)}), {d:.0f} km")  # type: ignore[union-attr]
    return [Flag("place_disagreement", "; ".join(dict.fromkeys(clashes)))] if clashes else []


def _control_flag(mentions: Sequence[Mention]) -> list[Flag]:
    taken = [m for m in mentions if m.sub_event_type in TAKEN]
    retaken = [m for m in mentions if m.sub_event_type in RETAKEN]
    if not (taken and retaken):
        return []
    a = "; ".join(f"'{m.trigger.quote}' ({_where(m)})" for m in taken)
    b = "; ".join(f"'{m.trigger.quote}' ({_where(m)})" for m in retaken)
    return [Flag("control_disputed", f"taken: {a} -- retaken: {b}")]


def _responsibility_flag(mentions: Sequence[Mention]) -> list[Flag]:
    statements = [s for m in mentions for s in m.statements]
    denials = [s for s in statements if s.kind is StatementKind.DENIAL]
    if not denials:
        return []
    accusers = [f"{s.source.name}: '{s.evidence.quote}'" for s in statements if s.kind is StatementKind.ACCUSATION]
    perpetrators = sorted({a.actor.name for m in mentions for a in m.actors if a.role == "perpetrator"})
    if not accusers and not perpetrators:
        return []
    accused = "; ".join(accusers) or f"reported perpetrator(s): {', '.join(perpetrators)}"
    denied = "; ".join(f"{s.source.name}: '{s.evidence.quote}'" for s in denials)
    return [Flag("responsibility_disputed", f"accused -- {accused} -- denied -- {denied}")]


def contradiction_flags(mentions: Sequence[Mention]) -> tuple[Flag, ...]:
    claims = [c for m in mentions for c in m.claims]
    return tuple(
        _count_flags(claims)
        + _date_flag(mentions)
        + _place_flag(mentions)
        + _control_flag(mentions)
        + _responsibility_flag(mentions)
    )
