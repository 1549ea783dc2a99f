"""How well an incident is sourced, like Airwars' grades but stated as rules (see docs/incidents.md).

Sources are counted by independence, not by name:

* sources that share an alignment (``Source.aligned_with``: a government, its army
  and its state media) are one;
* an outlet speaking in its own voice counts once per distinct sentence: two outlets
  carrying the same wire story are one source;
* otherwise each named claimant is its own source.

Grades, first match wins:

* ``contested`` -- responsibility or control is disputed, or independent sources give
  counts that do not overlap;
* ``confirmed`` -- two or more independent named claimants, or the accused side
  acknowledges it;
* ``fair`` -- two or more sources, not independent of each other, or one independent
  documenter (monitor, UN agency, medical) with outlets reporting it;
* ``weak`` -- several reports, but only outlets in their own voice, or only hedged claims;
* ``single_source`` -- one source.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..model import Claim, Flag, SourceType

__all__ = ["grade", "independent_sources"]

_DOCUMENTERS = {SourceType.MONITOR, SourceType.UN_AGENCY, SourceType.MEDICAL}


def _group(c: Claim) -> str:
    s = c.source
    if s.type is SourceType.OUTLET:
        return "voice:" + re.sub(r"\W+", " ", c.evidence.quote.lower()).strip()
    if s.aligned_with:
        return "side:" + s.aligned_with
    return "name:" + s.name.lower()


def independent_sources(claims: Sequence[Claim]) -> set[str]:
    """The independence groups of the claims' sources."""
    return {_group(c) for c in claims}


def grade(claims: Sequence[Claim], reports: int, flags: Sequence[Flag], acknowledged: bool = False) -> str:
    kinds = {f.type for f in flags}
    groups = independent_sources(claims)
    named = {g for g in groups if not g.startswith("voice:")}
    if kinds & {"responsibility_disputed", "control_disputed"} or ("count_disagreement" in kinds and len(named) > 1):
        return "contested"
    if len(named) >= 2 or acknowledged:
        return "confirmed"
    documenters = {c.source.name for c in claims if c.source.type in _DOCUMENTERS}
    names = {c.source.name for c in claims}
    if len(names) >= 2 or (documenters and reports >= 2):
        return "fair"
    if reports >= 2 or (claims and all(c.hedged for c in claims)):
        return "weak"
    return "single_source"
