"""Alert rules over incident versions (pure): which rule fires for a change, and what the change was.

A change is one stored incident version and what came before it: the version before
(``previous``), or for an incident's first version the last state of the incidents it
took over (renamed or merged into it), else nothing (a new incident). Its description
lists what changed in words ("new incident", "new source: Valley Post", "killed raised
from 12 to 19", "grade changed from single_source to corroborated").

Rules (``on``):

* ``new_incident`` -- an incident matches the rule's filter for the first time (a new
  incident, or one whose toll has just reached ``killed_min``);
* ``incident_change`` -- every change to a matching incident that tells something:
  new, new source, a figure, its type, place, grade or flags;
* ``count_disagreement`` -- a count_disagreement flag appears on a matching incident,
  or the spread of the disputed figures widens;
* ``possible_violation`` -- an incident version whose violation result for an agreement
  (``rule.agreements``, or any) is ``possible_violation``, when it was not one before
  (new, or its status changed) or when it changed while remaining one (a new accuser,
  another accused party or term, or any change :func:`describe` tells: a new source, a
  toll raised). The results compared are the stored ones (``Change.verdicts``: each
  agreement's result at this version and the last one before it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import IncidentHead, IncidentVersion, Violation, ViolationStatus
from .config import RuleConfig

__all__ = ["Change", "Verdict", "describe", "fires", "fired_violations", "summary", "violation_summary",
           "new_sources"]

POSSIBLE = ViolationStatus.POSSIBLE_VIOLATION


@dataclass(frozen=True)
class Verdict:
    """One agreement's violation result at the change's version, and its last result before (if any)."""

    current: Violation
    previous: Violation | None = None


@dataclass(frozen=True)
class Change:
    """One incident version and what it is compared with."""

    version: IncidentVersion
    previous: IncidentHead | None
    merged_from: tuple[str, ...] = ()  # incidents taken over by this one (at its first version)
    new_sources: tuple[str, ...] = ()  # outlets and claimants of the reports that joined, not seen before
    verdicts: tuple[Verdict, ...] = ()  # the violation results at this version (possible_violation rules)

    @property
    def head(self) -> IncidentHead:
        assert self.version.incident is not None
        return self.version.incident

    @property
    def is_new(self) -> bool:
        return self.previous is None


def _figure(head: IncidentHead | None, kind: str) -> tuple[int | None, int | None, int | None]:
    f = head.figures.get(kind) if head is not None else None
    return (f.low, f.best, f.high) if f is not None else (None, None, None)


def _shown(f: tuple[int | None, int | None, int | None]) -> str:
    low, best, high = f
    if low is None and high is None:
        return "none" if best is None else str(best)
    if low == high:
        return str(low)
    return f"{low if low is not None else '?'}-{high if high is not None else '?'}"


def _flags(head: IncidentHead | None) -> set[str]:
    return {f.type for f in head.flags} if head is not None else set()


def describe(change: Change) -> list[str]:
    """What changed, one phrase each, in a stable order."""
    new, old = change.head, change.previous
    if old is None:
        return ["new incident"]
    out = []
    if change.merged_from:
        out.append(f"took over {', '.join(change.merged_from)}")
    if change.new_sources:
        out.append(f"new source{'s' if len(change.new_sources) > 1 else ''}: {', '.join(change.new_sources)}")
    for kind in sorted(set(new.figures) | set(old.figures)):
        before, after = _figure(old, kind), _figure(new, kind)
        if before == after:
            continue
        shown_b, shown_a = _shown(before), _shown(after)
        if shown_b == shown_a:
            continue
        pairs = [(-1 if b is None else b, -1 if a is None else a) for b, a in zip(before, after, strict=True)]
        if all(a >= b for b, a in pairs):
            word = "raised"
        elif all(a <= b for b, a in pairs):
            word = "lowered"
        else:
            word = "changed"
        out.append(f"{kind} {word} from {shown_b} to {shown_a}")
    for what, b, a in (
        ("type", old.sub_event_type, new.sub_event_type),
        ("place", old.place.name if old.place else None, new.place.name if new.place else None),
        ("grade", old.grade, new.grade),
    ):
        if b != a:
            out.append(f"{what} changed from {b or 'none'} to {a or 'none'}")
    for flag in sorted(_flags(new) - _flags(old)):
        out.append(f"flag raised: {flag}")
    for flag in sorted(_flags(old) - _flags(new)):
        out.append(f"flag cleared: {flag}")
    return out


def _matches(rule: RuleConfig, head: IncidentHead) -> bool:
    if rule.countries and (head.place is None or (head.place.country or "").upper() not in rule.countries):
        return False
    if rule.types:
        kinds = {(head.event_type or "").casefold(), (head.sub_event_type or "").casefold()}
        if not kinds & {t.casefold() for t in rule.types}:
            return False
    if rule.actors:
        names = [r.actor.name.casefold() for r in head.actors]
        if not any(a.casefold() in n for a in rule.actors for n in names):
            return False
    if rule.killed_min is not None:
        low = _figure(head, "killed")[0]
        if low is None or low < rule.killed_min:
            return False
    return True


def _spreads(head: IncidentHead | None) -> dict[str, int]:
    """For each disputed figure kind, how far apart its figures are (high minus low)."""
    if head is None:
        return {}
    out = {}
    for flag in head.flags:
        if flag.type != "count_disagreement":
            continue
        kind = flag.detail.split(":", 1)[0].strip()
        low, _, high = _figure(head, kind)
        out[kind] = (high or 0) - (low or 0) if low is not None and high is not None else 0
    return out


def fires(rule: RuleConfig, change: Change) -> list[str] | None:
    """The phrases of an alert when ``rule`` fires for ``change``, else None."""
    if change.version.incident is None or not _matches(rule, change.head):
        return None
    words = describe(change)
    if rule.on == "new_incident":
        if change.previous is not None and _matches(rule, change.previous):
            return None
        return words if change.is_new else ["now matches: " + "; ".join(words or ["changed"])]
    if rule.on == "incident_change":
        return words or None
    if rule.on == "count_disagreement":
        now, before = _spreads(change.head), _spreads(change.previous)
        wider = [
            f"{kind} disagreement {'appeared' if kind not in before else 'widened'}: "
            f"{_shown(_figure(change.previous, kind)) if kind in before else 'none'} -> "
            f"{_shown(_figure(change.head, kind))}"
            for kind in sorted(now)
            if kind not in before or now[kind] > before[kind]
        ]
        return [*wider, *(w for w in words if w != "flag raised: count_disagreement")] if wider else None
    if rule.on == "possible_violation":
        fired = fired_violations(rule, change)
        if not fired:
            return None
        out = [w for _, said in fired for w in said]
        return [*dict.fromkeys([*out, *words])]
    return None


def _accusers(v: Violation | None) -> list[str]:
    return [a.name for a in v.accusers] if v is not None else []


def _verdict_words(verdict: Verdict) -> list[str]:
    """How a possible violation is new or changed against its last result (empty: no change of its own)."""
    now, before = verdict.current, verdict.previous
    if before is None:
        return [f"new possible violation of {now.agreement_id}"]
    if before.status != POSSIBLE:
        return [f"status changed from {before.status.value} to {now.status.value} ({now.agreement_id})"]
    out = []
    if before.accused != now.accused:
        out.append(f"accused changed from {before.accused or 'none'} to {now.accused or 'none'}")
    if (before.term.ref if before.term else None) != (now.term.ref if now.term else None):
        out.append(f"term changed from {before.term.ref if before.term else 'none'} to "
                   f"{now.term.ref if now.term else 'none'}")
    fresh = [a for a in _accusers(now) if a not in _accusers(before)]
    if fresh:
        out.append(f"new accuser{'s' if len(fresh) > 1 else ''}: {', '.join(fresh)}")
    return out


def fired_violations(rule: RuleConfig, change: Change) -> list[tuple[Verdict, list[str]]]:
    """The possible violations a ``possible_violation`` rule alerts on for ``change``, each with its phrases."""
    if rule.on != "possible_violation" or change.version.incident is None or not _matches(rule, change.head):
        return []
    told = describe(change)
    out = []
    for verdict in change.verdicts:
        if verdict.current.status != POSSIBLE:
            continue
        if rule.agreements and verdict.current.agreement_id not in rule.agreements:
            continue
        own = _verdict_words(verdict)
        if own or told:
            out.append((verdict, own))
    return out


def violation_summary(verdict: Verdict, agreement_name: str | None = None) -> dict[str, Any]:
    """A possible violation as an alert shows it: the agreement, the term, the accused, the accusers."""
    v, before = verdict.current, verdict.previous
    return {
        "agreement": v.agreement_id,
        "agreement_name": agreement_name,
        "status": v.status.value,
        "previous_status": before.status.value if before is not None else None,
        "term": {"ref": v.term.ref, "text": v.term.text} if v.term is not None else None,
        "accused": v.accused,
        "perpetrator": v.perpetrator,
        "target": v.target,
        "accusers": _accusers(v),
        "denied_by": [d.source.name for d in v.denials],
        "acknowledged_by": [a.source.name for a in v.acknowledgments],
        "reason": v.reason,
    }


def summary(head: IncidentHead) -> dict[str, Any]:
    """The incident as an alert shows it: type, date, place, figures, grade, flags, actors."""
    return {
        "event_type": head.event_type,
        "sub_event_type": head.sub_event_type,
        "date": {"start": _iso(head.date.start), "end": _iso(head.date.end), "precision": head.date.precision.value},
        "place": head.place.name if head.place else None,
        "country": head.place.country if head.place else None,
        "figures": {k: {"low": f.low, "best": f.best, "high": f.high} for k, f in sorted(head.figures.items())},
        "grade": head.grade,
        "flags": [{"type": f.type, "detail": f.detail} for f in head.flags],
        "actors": [{"name": r.actor.name, "role": r.role} for r in head.actors],
        "sources": list(head.tally.sources) if head.tally is not None else [],
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def new_sources(added: Sequence[tuple[str | None, Sequence[str]]], known: Sequence[str] = ()) -> tuple[str, ...]:
    """The outlets (else claimants) of the reports that joined, each once, minus those ``known``."""
    seen = set(known)
    out: list[str] = []
    for outlet, claimants in added:
        for name in ([outlet] if outlet else list(claimants)):
            if name and name not in seen:
                seen.add(name)
                out.append(name)
    return tuple(out)
