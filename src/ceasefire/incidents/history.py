"""What changed when incidents are re-derived: new, grown, merged, split -- as versions (pure).

Given the incidents a neighbourhood of mentions had before and after an update,
:func:`diff_incidents` says which incidents to write, which to retire, and the
version records that explain each change (time is added by the store).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from ..model import Incident, IncidentVersion

__all__ = ["IncidentChanges", "diff_incidents", "describe"]


@dataclass(frozen=True)
class IncidentChanges:
    write: tuple[Incident, ...]  # new or changed incidents
    retire: tuple[str, ...]  # ids that no longer exist (merged into others, or split)
    versions: tuple[IncidentVersion, ...]

    @property
    def empty(self) -> bool:
        return not (self.write or self.retire)


def _mention_keys(inc: Incident) -> set[str]:
    return {m.key for m in inc.mentions}


def _claims(inc: Incident) -> set[tuple[str, str, int, str]]:
    return {(c.kind.value, c.source.name, c.evidence.start, c.evidence.field) for c in inc.claims}


def _figures(inc: Incident) -> str:
    parts = []
    for kind, f in sorted(inc.figures.items()):
        parts.append(f"{kind} {f.low}/{f.best}/{f.high}")
    return ", ".join(parts) or "no figures"


def describe(old: Incident | None, new: Incident, absorbed: Sequence[str] = ()) -> str:
    """A human cause for the change from ``old`` to ``new`` (``old`` is None for a new incident)."""
    if old is None:
        reports = ", ".join(new.article_ids)
        what = f"created from {len(new.mentions)} mention(s) in {reports}"
        if absorbed:
            what = f"formed by merging {', '.join(absorbed)}; {len(new.mentions)} mention(s) in {reports}"
        return f"{what}; {len(new.claims)} claim(s); {_figures(new)}"
    parts = []
    added_reports = [a for a in new.article_ids if a not in old.article_ids]
    if added_reports:
        parts.append(f"new report(s) {', '.join(added_reports)}")
    if absorbed:
        parts.append(f"merged {', '.join(absorbed)}")
    gone = _mention_keys(old) - _mention_keys(new)
    if gone:
        parts.append(f"split: {len(gone)} mention(s) moved out")
    new_claims = len(_claims(new) - _claims(old))
    if new_claims:
        parts.append(f"{new_claims} new claim(s)")
    if _figures(old) != _figures(new):
        parts.append(f"ranges {_figures(old)} -> {_figures(new)}")
    if [f.type for f in old.flags] != [f.type for f in new.flags]:
        parts.append(f"flags {[f.type for f in new.flags] or 'none'}")
    if old.grade != new.grade:
        parts.append(f"grade {old.grade} -> {new.grade}")
    if old.policy != new.policy:
        parts.append(f"policy {old.policy} -> {new.policy}")
    return "; ".join(parts) or "re-derived (date, place, type or actors changed)"


def diff_incidents(
    before: Sequence[Incident], after: Sequence[Incident], versions_so_far: Mapping[str, int]
) -> IncidentChanges:
    """The writes, retirements and version records that turn ``before`` into ``after``.

    ``versions_so_far`` gives the latest version number of each existing incident id.
    An incident equal to its old self is left alone (no version).
    """
    old_by_id = {i.id: i for i in before}
    new_by_id = {i.id: i for i in after}
    owner_after = {k: i.id for i in after for k in _mention_keys(i)}
    owner_before = {k: i.id for i in before for k in _mention_keys(i)}
    write: list[Incident] = []
    versions: list[IncidentVersion] = []

    def next_version(incident_id: str) -> int:
        return versions_so_far.get(incident_id, 0) + 1

    for inc in sorted(after, key=lambda i: i.id):
        old = old_by_id.get(inc.id)
        if old == inc:
            continue
        absorbed = sorted(
            {owner_before[k] for k in _mention_keys(inc) if k in owner_before} - {inc.id}
        )
        write.append(inc)
        versions.append(IncidentVersion(inc.id, next_version(inc.id), describe(old, inc, absorbed), inc))
    retire = sorted(set(old_by_id) - set(new_by_id))
    for incident_id in retire:
        successors = tuple(sorted({owner_after[k] for k in _mention_keys(old_by_id[incident_id]) if k in owner_after}))
        how = "merged into" if len(successors) == 1 else "split into"
        cause = f"{how} {', '.join(successors)}" if successors else "retired: its mentions are gone"
        versions.append(IncidentVersion(incident_id, next_version(incident_id), cause, None, successors))
    return IncidentChanges(tuple(write), tuple(retire), tuple(versions))
