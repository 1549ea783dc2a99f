"""How well an incident is sourced, like Airwars' grades but stated as rules (see docs/incidents.md).

Sources are counted by independence, not by name:

* sources that share an alignment (``Source.aligned_with``: a government, its army
  and its state media) are one;
* an outlet speaking in its own voice counts once per distinct sentence: two outlets
  carrying the same wire story are one source;
* otherwise each named claimant is its own source;
* a report and its copies (``Mention.copy_of``: the same text in another container or
  from another outlet) are one report, and the outlets carrying it one voice
  (:func:`counted_reports`).

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
from dataclasses import replace
from typing import Sequence

from ..model import Claim, Flag, Mention, SourceType

__all__ = ["counted_reports", "grade", "independent_sources"]

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


def _family(m: Mention) -> str:
    return m.copy_of.report_key if m.copy_of is not None else m.report_key


def counted_reports(mentions: Sequence[Mention]) -> tuple[list[Claim], int]:
    """The claims as the grade counts them, and the number of reports.

    A copy carries its original again, so a report and its copies (a *family*) are
    one report, and the outlets that carry it speak in one voice: the outlet-voice
    claims of a family with several outlets count under one name -- one of its
    outlets that a claim outside the family names too (the first by name), else its
    first outlet by name. Named claimants are counted as they are (a copy repeats
    them). Nothing here depends on which member arrived first.
    """
    families: dict[str, list[Mention]] = {}
    for m in mentions:
        families.setdefault(_family(m), []).append(m)
    users: dict[str, set[str]] = {}  # a claimant's name -> the families whose claims name it
    for root, members in families.items():
        for c in (c for m in members for c in m.claims):
            users.setdefault(c.source.name, set()).add(root)
    out: list[Claim] = []
    for root, members in families.items():
        claims = [c for m in members for c in m.claims]
        outlets = sorted({c.source.name for c in claims if c.source.type is SourceType.OUTLET})
        if len(outlets) > 1:
            shared = [name for name in outlets if users[name] - {root}]
            voice = (shared or outlets)[0]
            claims = [
                replace(c, source=replace(c.source, name=voice)) if c.source.type is SourceType.OUTLET else c
                for c in claims
            ]
        out.extend(claims)
    return out, len(families)


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
