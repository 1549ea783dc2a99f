"""How well an incident is sourced, like Airwars' grades but stated as rules (see docs/incidents.md).

Sources are counted by independence, not by name:

* sources that share an alignment (``Source.aligned_with``: a government, its army
  and its state media) are one;
* an outlet speaking in its own voice counts once per distinct sentence: two outlets
  carrying the same wire story are one source;
* otherwise each named claimant is its own source;
* a report and its copies (``Mention.copy_of``: the same text in another container or
  from another outlet) are one report, and the outlets carrying it one voice
  (``IncidentTally.voices``), one with every other voice or claimant that shares one
  of their names: a copy never adds a source.

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

from ..model import Claim, Flag, IncidentTally, SourceType
from .partition import Partition

__all__ = ["grade", "source_group", "speakers", "DOCUMENTERS"]

DOCUMENTERS = frozenset({SourceType.MONITOR, SourceType.UN_AGENCY, SourceType.MEDICAL})


def source_group(c: Claim) -> str:
    """The independence group of a claim's source: its side, else its name; an outlet's own voice by sentence."""
    s = c.source
    if s.type is SourceType.OUTLET:
        return "voice:" + re.sub(r"\W+", " ", c.evidence.quote.lower()).strip()
    if s.aligned_with:
        return "side:" + s.aligned_with
    return "name:" + s.name.lower()


def speakers(tally: IncidentTally) -> int:
    """How many distinct sources the claims have: claimants by name, and the outlets carrying one report (with its
    copies) as one voice; voices and claimants sharing a name are one."""
    names = Partition()
    for name in tally.claimants:
        names.find(name)
    for _, outlets in tally.voices:
        for name in outlets:
            names.join(name, outlets[0])
    return names.groups


def grade(tally: IncidentTally, flags: Sequence[Flag]) -> str:
    """The grade of an incident with this tally and these flags (rules in the module docstring)."""
    kinds = {f.type for f in flags}
    named = tally.groups  # the outlets' own voices are left out of the tally's groups
    if kinds & {"responsibility_disputed", "control_disputed"} or ("count_disagreement" in kinds and len(named) > 1):
        return "contested"
    if len(named) >= 2 or tally.acknowledged:
        return "confirmed"
    several = len(tally.independent) >= 2
    if speakers(tally) >= 2 or (tally.documented and several):
        return "fair"
    if several or (tally.claims and tally.hedged == tally.claims):
        return "weak"
    return "single_source"
