"""Typed contradiction flags of an incident, from its tally (pure).

* ``count_disagreement`` -- two total-count figures of one kind whose ranges do not overlap;
* ``date_disagreement`` -- the mentions date the event to different days;
* ``place_disagreement`` -- the mentions place it in different localities more than 10 km apart;
* ``control_disputed`` -- one side reports territory taken, another that it was retaken;
* ``responsibility_disputed`` -- one side accuses (an accusation, or a perpetrator named
  in the reports) and the accused side denies.

Each flag's detail names the figures, reports or statements on each side: the first
few (by mention key), and how many there are in all when there are more.
"""

from __future__ import annotations

from datetime import date
from itertools import combinations

from ..model import DatePrecision, FigureVote, Firsts, Flag, IncidentTally, PlacePrecision
from .merge import distance_km
from .tally import LIMIT

__all__ = ["contradiction_flags"]

_FINE = (PlacePrecision.POINT, PlacePrecision.NEAR, PlacePrecision.LOCALITY)
PLACE_KM = 10.0


def _listed(items: list[str], total: int | None = None, sep: str = "; ") -> str:
    """The first few items, and how many there are in all when some are left out."""
    total = len(items) if total is None else total
    shown = items[:LIMIT]
    more = f" ({total} in all)" if total > len(shown) else ""
    return sep.join(shown) + more


def _firsts(f: Firsts, sep: str = "; ") -> str:
    return _listed([text for _, text in f.items], f.total, sep)


def _describe(v: FigureVote) -> str:
    lo, hi = v.min, v.max
    fig = f"{lo}" if lo == hi else f"{lo if lo is not None else ''}..{hi if hi is not None else ''}"
    return f"{v.source}: {fig}"


def _apart(a: FigureVote, b: FigureVote) -> bool:
    return (a.max is not None and b.min is not None and a.max < b.min) or (
        b.max is not None and a.min is not None and b.max < a.min
    )


def _count_flags(t: IncidentTally) -> list[Flag]:
    flags = []
    for kind in sorted({v.kind for v in t.figures}):
        totals = [v for v in t.figures if v.kind == kind]
        clashes = [f"{_describe(a)} vs {_describe(b)}" for a, b in combinations(totals, 2) if _apart(a, b)]
        if clashes:
            flags.append(Flag("count_disagreement", f"{kind}: " + _listed(list(dict.fromkeys(clashes)))))
    return flags


def _date_flag(t: IncidentTally) -> list[Flag]:
    days: dict[date, tuple[dict[str, str], int]] = {}
    for v in t.dates:
        d = v.date
        if d.precision is DatePrecision.DAY and d.start is not None and d.start == d.end:
            keys, total = days.get(d.start, ({}, 0))
            for key, text in v.where.items:
                keys[text] = min(key, keys.get(text, key))
            days[d.start] = (keys, total + v.where.total)
    if len(days) < 2:
        return []
    sides = []
    for day, (keys, total) in sorted(days.items()):
        who = [text for _, text in sorted((k, text) for text, k in keys.items())]
        sides.append(f"{day.isoformat()}: " + _listed(who, max(total, len(who)), sep=", "))
    return [Flag("date_disagreement", "; ".join(sides))]


def _place_flag(t: IncidentTally) -> list[Flag]:
    named: dict[str, tuple[str, str, object]] = {}  # place name -> (first mention key, its report, the place)
    for v in t.places:
        if v.place.precision in _FINE and (v.place.name not in named or v.first < named[v.place.name][0]):
            named[v.place.name] = (v.first, v.where, v.place)
    ordered = sorted(named.values(), key=lambda x: x[0])
    clashes = []
    for (_, wa, a), (_, wb, b) in combinations(ordered, 2):
        d = distance_km(a, b)  # type: ignore[arg-type]
        if d is not None and d > PLACE_KM:
            clashes.append(f"{a.name} ({wa}) vs {b.name} ({wb}), {d:.0f} km")  # type: ignore[attr-defined]
    return [Flag("place_disagreement", _listed(clashes))] if clashes else []


def _control_flag(t: IncidentTally) -> list[Flag]:
    if not (t.taken.total and t.retaken.total):
        return []
    return [Flag("control_disputed", f"taken: {_firsts(t.taken)} -- retaken: {_firsts(t.retaken)}")]


def _responsibility_flag(t: IncidentTally) -> list[Flag]:
    if not t.denials.total:
        return []
    perpetrators = sorted({v.actor.actor.name for v in t.actors if v.actor.role == "perpetrator"})
    if not t.accusations.total and not perpetrators:
        return []
    accused = _firsts(t.accusations) or f"reported perpetrator(s): {_listed(perpetrators, sep=', ')}"
    return [Flag("responsibility_disputed", f"accused -- {accused} -- denied -- {_firsts(t.denials)}")]


def contradiction_flags(t: IncidentTally) -> tuple[Flag, ...]:
    """Every flag the tallied mentions raise, in a fixed order."""
    return tuple(_count_flags(t) + _date_flag(t) + _place_flag(t) + _control_flag(t) + _responsibility_flag(t))
