"""What changed when incidents are re-derived: new, grown, merged, split -- as versions (pure).

Given the incidents a neighbourhood of mentions had before and after an update,
:func:`diff_incidents` says which incidents to write, which to retire, and the
version records that explain each change (time is added by the store). An
incident that only grew by a new document's mentions is a :class:`Growth`, and
:func:`grown` gives its version.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from ..model import Growth, Incident, IncidentHead, IncidentVersion, Mention
from .tally import LIMIT

__all__ = ["IncidentChanges", "diff_incidents", "describe", "grown"]


@dataclass(frozen=True)
class IncidentChanges:
    write: tuple[Incident, ...]  # new or re-derived incidents, written whole (row and every mention link)
    retire: tuple[str, ...]  # ids that no longer exist (merged into others, or split)
    versions: tuple[IncidentVersion, ...]
    grow: tuple[Growth, ...] = ()  # incidents that only gained a new document's mentions

    @property
    def empty(self) -> bool:
        return not (self.write or self.retire or self.grow)


def _figures(inc: IncidentHead) -> str:
    parts = []
    for kind, f in sorted(inc.figures.items()):
        parts.append(f"{kind} {f.low}/{f.best}/{f.high}")
    return ", ".join(parts) or "no figures"


def _named(items: Sequence[str]) -> str:
    shown = ", ".join(items[:LIMIT])
    return shown + (f" and {len(items) - LIMIT} more" if len(items) > LIMIT else "")


def describe(
    old: IncidentHead | None,
    new: IncidentHead,
    added: Sequence[Mention],
    absorbed: Sequence[str] = (),
    reports: Sequence[str] = (),
) -> str:
    """A human cause for the change from ``old`` to ``new`` (``old`` is None for a new incident).

    ``added`` are the mentions that joined; ``reports`` the article ids of a new
    incident (all of them).
    """
    n_claims = sum(len(m.claims) for m in added)
    n_mentions = new.tally.mentions if new.tally is not None else len(added)
    if old is None:
        what = f"created from {n_mentions} mention(s) in {_named(reports)}"
        if absorbed:
            what = f"formed by merging {', '.join(absorbed)}; {n_mentions} mention(s) in {_named(reports)}"
        return f"{what}; {n_claims} claim(s); {_figures(new)}"
    parts = []
    new_reports = list(dict.fromkeys(m.article_id for m in added))
    if new_reports:
        parts.append(f"new report(s) {_named(new_reports)}")
    if absorbed:
        parts.append(f"merged {', '.join(absorbed)}")
    if n_claims:
        parts.append(f"{n_claims} new claim(s)")
    if _figures(old) != _figures(new):
        parts.append(f"ranges {_figures(old)} -> {_figures(new)}")
    if [f.type for f in old.flags] != [f.type for f in new.flags]:
        parts.append(f"flags {[f.type for f in new.flags] or 'none'}")
    if old.grade != new.grade:
        parts.append(f"grade {old.grade} -> {new.grade}")
    if old.policy != new.policy:
        parts.append(f"policy {old.policy} -> {new.policy}")
    return "; ".join(parts) or "re-derived (date, place, type or actors changed)"


def grown(
    old: IncidentHead, growth: Growth, added: Sequence[Mention], versions: Mapping[str, int]
) -> list[IncidentVersion]:
    """The versions of an incident that gained ``added``: one, or two when its id changed with them."""
    new = growth.head
    keys = tuple(m.key for m in added)
    number = versions.get(new.id, 0) + 1
    if new.id == old.id:
        return [IncidentVersion(new.id, number, describe(old, new, added), new, added=keys)]
    reports = _named(list(dict.fromkeys(m.article_id for m in added)))
    cause = f"formed from {old.id} and {len(added)} new mention(s) in {reports}"
    return [
        IncidentVersion(new.id, number, f"{cause}; {_figures(new)}", new, added=keys),
        IncidentVersion(old.id, versions.get(old.id, 0) + 1, f"merged into {new.id}", None, (new.id,)),
    ]


def diff_incidents(
    before: Sequence[Incident], after: Sequence[Incident], versions_so_far: Mapping[str, int]
) -> IncidentChanges:
    """The writes, retirements and version records that turn ``before`` into ``after``.

    ``versions_so_far`` gives the latest version number of each existing incident id.
    An incident equal to its old self is left alone (no version).
    """
    old_by_id = {i.id: i for i in before}
    new_by_id = {i.id: i for i in after}
    owner_after = {m.key: i.id for i in after for m in i.mentions}
    owner_before = {m.key: i.id for i in before for m in i.mentions}
    write: list[Incident] = []
    versions: list[IncidentVersion] = []

    def next_version(incident_id: str) -> int:
        return versions_so_far.get(incident_id, 0) + 1

    for inc in sorted(after, key=lambda i: i.id):
        old = old_by_id.get(inc.id)
        if old == inc:
            continue
        had = {m.key for m in old.mentions} if old is not None else set()
        has = {m.key for m in inc.mentions}
        added = [m for m in inc.mentions if m.key not in had]
        absorbed = sorted({owner_before[k] for k in has if k in owner_before} - {inc.id})
        cause = describe(old.head if old else None, inc.head, added, absorbed, inc.article_ids)
        write.append(inc)
        versions.append(
            IncidentVersion(
                inc.id, next_version(inc.id), cause, inc.head, added=tuple(sorted(has - had)),
                removed=tuple(sorted(had - has)),
            )
        )
    retire = sorted(set(old_by_id) - set(new_by_id))
    for incident_id in retire:
        members = tuple(sorted(m.key for m in old_by_id[incident_id].mentions))
        successors = tuple(sorted({owner_after[k] for k in members if k in owner_after}))
        how = "merged into" if len(successors) == 1 else "split into"
        cause = f"{how} {', '.join(successors)}" if successors else "retired: its mentions are gone"
        versions.append(
            IncidentVersion(incident_id, next_version(incident_id), cause, None, successors, removed=members)
        )
    return IncidentChanges(tuple(write), tuple(retire), tuple(versions))
