"""Incremental merging: what a new document's mentions change, without re-reading the store (pure).

The new mentions' neighbourhood is explored through a reader (the store, or an
in-memory one in tests): every stored mention compatible with a mention already
reached, and every mention sharing an incident with one, until nothing new
turns up. Clustering is then redone on that closed neighbourhood only. Because
clustering links only compatible mentions, the closed neighbourhood clusters
exactly as it would inside the whole store: the result is the same as a full
rebuild, whatever order the documents came in.
"""

from __future__ import annotations

from typing import Callable, Iterable, Protocol, Sequence

from ..model import Incident, Mention
from .build import build_incidents
from .history import IncidentChanges, diff_incidents
from .merge import compatible

__all__ = ["MentionReader", "update_for", "rebuild_all", "MemoryReader"]

LIMIT = 5000  # a neighbourhood larger than this is cut (and the change is still consistent, if not global)


class MentionReader(Protocol):
    def neighbours(self, mention: Mention) -> list[Mention]: ...

    def incidents_of(self, mention_keys: Iterable[str]) -> list[Incident]: ...

    def latest_versions(self, incident_ids: Iterable[str]) -> dict[str, int]: ...


def update_for(new: Sequence[Mention], reader: MentionReader, policy: str) -> IncidentChanges:
    """The incident changes that ``new`` (already stored) brings to its neighbourhood."""
    reached: dict[str, Mention] = {m.key: m for m in new}
    old: dict[str, Incident] = {}
    frontier = list(new)
    while frontier and len(reached) < LIMIT:
        m = frontier.pop()
        found = [n for n in reader.neighbours(m) if n.key not in reached and compatible(m, n)]
        for n in found:
            reached[n.key] = n
        frontier.extend(found)
        for inc in reader.incidents_of([m.key, *(n.key for n in found)]):
            if inc.id in old:
                continue
            old[inc.id] = inc
            for member in inc.mentions:
                if member.key not in reached:
                    reached[member.key] = member
                    frontier.append(member)
    before = sorted(old.values(), key=lambda i: i.id)
    after = build_incidents(list(reached.values()), policy)
    # an id may come back after it was merged away: its history goes on from its last version
    return diff_incidents(before, after, reader.latest_versions(set(old) | {i.id for i in after}))


def rebuild_all(
    mentions: Sequence[Mention],
    incidents: Sequence[Incident],
    latest_versions: Callable[[Iterable[str]], dict[str, int]],
    policy: str,
) -> IncidentChanges:
    """Re-derive every incident (e.g. under another policy), recording what changed."""
    after = build_incidents(mentions, policy)
    versions = latest_versions({i.id for i in incidents} | {i.id for i in after})
    return diff_incidents(incidents, after, versions)


class MemoryReader:
    """A :class:`MentionReader` over lists, for tests and small batches."""

    def __init__(self, mentions: Sequence[Mention] = (), incidents: Sequence[Incident] = ()) -> None:
        self.mentions = {m.key: m for m in mentions}
        self.incidents = {i.id: i for i in incidents}
        self.versions: dict[str, int] = {}

    def neighbours(self, mention: Mention) -> list[Mention]:
        return [m for k, m in sorted(self.mentions.items()) if k != mention.key]

    def incidents_of(self, mention_keys: Iterable[str]) -> list[Incident]:
        keys = set(mention_keys)
        return [i for _, i in sorted(self.incidents.items()) if keys & {m.key for m in i.mentions}]

    def latest_versions(self, incident_ids: Iterable[str]) -> dict[str, int]:
        return {i: self.versions[i] for i in incident_ids if i in self.versions}

    def add(self, new: Sequence[Mention], policy: str = "conservative") -> IncidentChanges:
        """Store ``new`` and apply the changes they bring (what the store does in one transaction)."""
        self.mentions.update((m.key, m) for m in new)
        changes = update_for(new, self, policy)
        for incident_id in changes.retire:
            self.incidents.pop(incident_id, None)
        for inc in changes.write:
            self.incidents[inc.id] = inc
        for v in changes.versions:
            self.versions[v.incident_id] = v.version
        return changes
