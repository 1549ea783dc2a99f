"""What each mention is to its report: reported, secondary, or background (pure).

The report's mentions arrive resolved (dates, places) with the cues their words gave
(``Mention.cues``, from ``nlp.background``); the rules and thresholds are the data of
``data/incidents_roles.json``:

* **background, conflict-level** -- a cue of a standing activity, a period or a
  general statement ("the fighting has raged for years", "a campaign of air raids"):
  whatever it carries;
* **older** -- a recalled event ("an earlier airstrike", "only last month"), or a
  mention whose own date ends well before the report's date: background when it
  carries no figure, else secondary (a concrete older incident told with its toll:
  "13 were killed in shelling on 17 October" keeps its incident and its claims);
* **secondary** -- a concrete mention dated to another day than the report's lead;
* **reported** -- the rest.

A background mention is stored with its claims but makes no incident of its own
(``build.build_incidents``): it joins one only when it is clustered with a concrete
mention (of another report, typically: a later report that tells that older event
as its news).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Sequence

from ..model import DatePrecision, Mention, MentionRole

__all__ = ["assign_roles", "role_of", "RoleRules", "role_rules"]


@dataclass(frozen=True)
class RoleRules:
    older_days: dict[DatePrecision, int]
    conflict_cues: frozenset[str]
    older_cues: frozenset[str]
    secondary_days: int


@lru_cache(maxsize=1)
def role_rules() -> RoleRules:
    raw = json.loads(resources.files("ceasefire").joinpath("data/incidents_roles.json").read_text(encoding="utf-8"))
    return RoleRules(
        older_days={DatePrecision(k): int(v) for k, v in raw["older_days"].items()},
        conflict_cues=frozenset(raw["conflict_cues"]),
        older_cues=frozenset(raw["older_cues"]),
        secondary_days=int(raw["secondary_days"]),
    )


def _older(m: Mention, rules: RoleRules) -> str | None:
    """Why ``m`` tells an older event, or ``None``."""
    cue = next((c for c in m.cues if c in rules.older_cues), None)
    if cue is not None:
        return f"{cue} wording"
    d, anchor = m.date, m.reported_on
    if anchor is None or not d.known or d.inherited or d.last is None:
        return None
    days = rules.older_days.get(DatePrecision.DAY if d.stated else d.precision)  # a statement's day is a day
    if days is not None and d.last < anchor - timedelta(days=days):
        return f"dated {d.start}..{d.last} ({d.precision.value}), over {days} days before the report's {anchor}"
    return None


def role_of(m: Mention, lead: date | None, rules: RoleRules | None = None) -> tuple[MentionRole, str]:
    """The role of ``m`` and why; ``lead``: the day of its report's lead (``None``: unknown)."""
    rules = rules or role_rules()
    conflict = [c for c in m.cues if c in rules.conflict_cues]
    if conflict:
        return MentionRole.BACKGROUND, f"conflict-level ({', '.join(conflict)} wording)"
    older = _older(m, rules)
    if older is not None:
        if m.claims:
            return MentionRole.SECONDARY, f"older event told with its figures: {older}"
        return MentionRole.BACKGROUND, f"older event: {older}"
    day = m.date.day
    if lead is not None and day is not None and not m.date.inherited:
        if abs((day - lead).days) >= rules.secondary_days:
            return MentionRole.SECONDARY, f"dated {day}, another day than the report's lead ({lead})"
    return MentionRole.REPORTED, ""


def _lead_day(mentions: Sequence[Mention], rules: RoleRules) -> date | None:
    """The day of the report's first mention that dates itself to a day (or a statement's day bounds) and is no
    background."""
    for m in mentions:
        day = m.date.day
        if day is not None and not m.date.inherited:
            if not any(c in rules.conflict_cues for c in m.cues) and _older(m, rules) is None:
                return day
    return None


def assign_roles(mentions: Sequence[Mention]) -> list[Mention]:
    """One report's resolved mentions (headline first, then body), each with its role and the reason."""
    rules = role_rules()
    lead = _lead_day(mentions, rules)
    out = []
    for m in mentions:
        role, basis = role_of(m, lead, rules)
        out.append(m if (role, basis) == (m.role, m.role_basis) else replace(m, role=role, role_basis=basis))
    return out
