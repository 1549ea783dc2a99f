"""How well an incident is sourced (first rules; see docs/incidents.md).

* ``single_source``: every claim comes from one source (or there are no claims and one report);
* ``weak``: several sources, but they are outlets speaking in their own voice only;
* ``fair``: two or more distinct named claimants;
* ``confirmed``: two or more distinct named claimants of different types (e.g. a monitor and a ministry),
  with no contradiction flag;
* ``contested``: a contradiction flag is raised.
"""

from __future__ import annotations

from typing import Sequence

from ..model import Claim, Flag, SourceType

__all__ = ["grade"]


def grade(claims: Sequence[Claim], reports: int, flags: Sequence[Flag]) -> str:
    if flags:
        return "contested"
    sources = {c.source.name for c in claims}
    if len(sources) <= 1 and reports <= 1:
        return "single_source"
    named = {c.source.name: c.source.type for c in claims if c.source.type is not SourceType.OUTLET}
    if len(named) >= 2 and len(set(named.values())) >= 2:
        return "confirmed"
    if len(named) >= 2:
        return "fair"
    if len(sources) >= 2 or reports >= 2:
        return "weak"
    return "single_source"
