"""Incremental merging: what a new document's mentions change, without re-reading the store (pure).

Two ways, one result -- always the clustering a full rebuild of the same mentions
would give (``merge.cluster_mentions``), whatever order the documents came in:

* **Growth** (the usual case, cost proportional to the new document): the new
  mentions' compatible stored mentions are found through the reader (index
  lookups) and mapped to their incidents. Clustering only ever joins groups along
  ties between compatible mentions, and only when no member of one conflicts with
  a member of the other; so when the new mentions tie to no more than one stored
  incident and conflict with none of its mentions (checked on its tally), the
  rebuild's answer is that incident with the new mentions added, and every other
  incident unchanged. The incident is then re-derived from its stored tally grown
  by the new mentions (``tally.grow``); its other mentions are never read. A stored
  background mention in no incident (``roles``) belongs to a cluster of background
  mentions that makes no incident: a new mention compatible with one re-clusters,
  one compatible with none leaves that cluster as it is.
* **Re-clustering** (a new mention bridges two incidents, or conflicts with part
  of one): the new mentions' neighbourhood is explored -- every stored mention
  compatible with a mention already reached, and every mention sharing an
  incident with one, until nothing new turns up -- and clustering is redone on
  that closed neighbourhood only.
"""

from __future__ import annotations

from typing import Callable, Collection, Iterable, Protocol, Sequence

from ..model import Growth, Incident, IncidentHead, IncidentVersion, Mention, ReviewAction
from .build import build_incidents, head_of, id_of_key
from .history import IncidentChanges, diff_incidents, grown
from .merge import any_conflicting, candidate_pairs, compatible
from .partition import Partition
from .review import EMPTY, Review, without_wrong
from .tally import conflicts_with, grow

__all__ = ["MentionReader", "update_for", "recluster", "rebuild_all", "MemoryReader"]

LIMIT = 5000  # a re-clustered neighbourhood larger than this is cut (the change is still consistent, if not global)
_CHUNK = 64  # stored mentions decoded at a time while looking for a tie into an incident


class MentionReader(Protocol):
    def candidates(self, mention: Mention, skip_reports: Collection[str] = ()) -> list[str]:
        """Keys of stored mentions that could be compatible with ``mention`` (a superset), leaving out those
        of ``skip_reports`` (the new document's own: its mentions are compared among themselves in memory)."""
        ...

    def mentions(self, keys: Iterable[str]) -> list[Mention]: ...

    def incident_ids(self, mention_keys: Iterable[str]) -> dict[str, str]:
        """The incident each stored mention belongs to."""
        ...

    def heads(self, incident_ids: Iterable[str]) -> dict[str, IncidentHead]: ...

    def incidents_of(self, mention_keys: Iterable[str]) -> list[Incident]: ...

    def latest_versions(self, incident_ids: Iterable[str]) -> dict[str, int]: ...

    def review_actions(self) -> Sequence[ReviewAction]:
        """People's review actions, oldest first, laid over every incident derived (``review.Review``)."""
        ...


def update_for(new: Sequence[Mention], reader: MentionReader, policy: str) -> IncidentChanges:
    """The incident changes that ``new`` (a new document's mentions) brings; ``reader`` need not hold them yet
    (the store derives before writing them), and never answers them as candidates."""
    review = Review(tuple(reader.review_actions()))
    return _grow(new, reader, policy, review) or recluster(new, reader, policy, review)


def _tied(m: Mention, reader: MentionReader, exclude: set[str], skip: frozenset[str]) -> set[str] | None:
    """The stored incidents ``m`` is compatible with a mention of (None: ``m`` is compatible with a stored
    mention in no incident -- a background mention, whose cluster it may make concrete: re-cluster)."""
    keys = [k for k in reader.candidates(m, skip) if k not in exclude]
    owners = reader.incident_ids(keys)
    unlinked = [k for k in keys if k not in owners]
    for at in range(0, len(unlinked), _CHUNK):
        if any(compatible(m, x) for x in reader.mentions(unlinked[at : at + _CHUNK])):
            return None
    keys = [k for k in keys if k in owners]
    by_incident: dict[str, list[str]] = {}
    for key in sorted(keys):
        by_incident.setdefault(owners[key], []).append(key)
    hit = set()
    for incident_id, members in sorted(by_incident.items()):
        for at in range(0, len(members), _CHUNK):
            if any(compatible(m, x) for x in reader.mentions(members[at : at + _CHUNK])):
                hit.add(incident_id)
                break
    return hit


def _components(new: Sequence[Mention], ties: dict[str, set[str]]) -> list[tuple[list[Mention], set[str]]]:
    """The new mentions grouped by what ties them (each other, or a stored incident), with those incidents."""
    parts = Partition()
    for m in new:
        parts.find("m:" + m.key)
        for incident_id in ties[m.key]:
            parts.join("m:" + m.key, "i:" + incident_id)
    ordered = sorted(new, key=lambda m: m.key)
    for i, j in candidate_pairs(ordered):  # the pairs clustering would compare, and no others
        a, b = ordered[i], ordered[j]
        if compatible(a, b):
            parts.join("m:" + a.key, "m:" + b.key)
    groups: dict[str, tuple[list[Mention], set[str]]] = {}
    for m in new:
        members, incidents = groups.setdefault(parts.find("m:" + m.key), ([], set()))
        members.append(m)
        incidents.update(ties[m.key])
    return list(groups.values())


def _grow(new: Sequence[Mention], reader: MentionReader, policy: str, review: Review) -> IncidentChanges | None:
    """The changes when each group of new mentions joins at most one incident without conflict; else None."""
    exclude = {m.key for m in new}
    skip = frozenset(m.report_key for m in new)
    ties: dict[str, set[str]] = {}
    for m in new:
        hit = _tied(m, reader, exclude, skip)
        if hit is None:
            return None
        ties[m.key] = hit
    components = _components(new, ties)
    if any(len(incidents) > 1 for _, incidents in components):
        return None
    joined = sorted({i for _, incidents in components for i in incidents})
    heads = reader.heads(joined)
    alone: list[Mention] = []
    plans: list[tuple[IncidentHead, list[Mention]]] = []
    for members, incidents in components:
        if not incidents:
            alone.extend(members)
            continue
        head = heads.get(next(iter(incidents)))
        tally = head.tally if head is not None else None
        if head is None or tally is None or any(conflicts_with(m, tally) for m in members):
            return None
        if any_conflicting(members):
            return None
        plans.append((head, sorted(members, key=lambda m: m.key)))
    growths = []
    owners = reader.incident_ids(review.anchors) if review.actions else {}
    for head, members in plans:
        tally = grow(head.tally, without_wrong(members, review.wrong))  # type: ignore[arg-type]
        grown_head = head_of(tally, id_of_key(tally.first), policy)
        if review.actions:  # the anchors it holds: those it held before (growth only adds mentions)
            grown_head = review.derive(grown_head, {k for k, i in owners.items() if i == head.id})
        growths.append((head, Growth(head.id, grown_head, tuple(m.key for m in members)), members))
    created = build_incidents(alone, policy, review) if alone else []
    ids = {i.id for i in created} | {g.head.id for _, g, _ in growths} | {h.id for h, _, _ in growths}
    versions_so_far = reader.latest_versions(ids)
    versions: list[IncidentVersion] = list(diff_incidents([], created, versions_so_far).versions)
    for head, growth, members in growths:
        versions.extend(grown(head, growth, members, versions_so_far))
    return IncidentChanges(tuple(created), (), tuple(versions), tuple(g for _, g, _ in growths))


def recluster(
    new: Sequence[Mention], reader: MentionReader, policy: str, review: Review, *, whole_reports: bool = True
) -> IncidentChanges:
    """Cluster again the closed neighbourhood of ``new``: every stored mention compatible with one reached,
    and every mention sharing an incident with one. ``whole_reports``: ``new`` holds every mention of its
    reports (a new document), so their other mentions need not be looked up."""
    reached: dict[str, Mention] = {m.key: m for m in new}
    old: dict[str, Incident] = {}
    frontier = list(new)
    skip = frozenset(m.report_key for m in new) if whole_reports else frozenset()
    while frontier and len(reached) < LIMIT:
        m = frontier.pop()
        keys = [k for k in reader.candidates(m, skip) if k not in reached]
        found = [n for n in reader.mentions(keys) if compatible(m, n)]
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
    after = build_incidents(list(reached.values()), policy, review)
    # an id may come back after it was merged away: its history goes on from its last version
    return diff_incidents(before, after, reader.latest_versions(set(old) | {i.id for i in after}))


def rebuild_all(
    mentions: Sequence[Mention],
    incidents: Sequence[Incident],
    latest_versions: Callable[[Iterable[str]], dict[str, int]],
    policy: str,
    review: Review = EMPTY,
) -> IncidentChanges:
    """Re-derive every incident (e.g. under another policy), recording what changed; people's review
    actions (``review``) are applied again, so a rebuild keeps them."""
    after = build_incidents(mentions, policy, review)
    versions = latest_versions({i.id for i in incidents} | {i.id for i in after})
    return diff_incidents(incidents, after, versions)


class MemoryReader:
    """A :class:`MentionReader` over dictionaries, for tests and small batches; ``add`` is what the store does."""

    def __init__(self, mentions: Sequence[Mention] = (), incidents: Sequence[Incident] = ()) -> None:
        self.stored = {m.key: m for m in mentions}
        self.incidents = {i.id: i for i in incidents}
        self.versions: dict[str, int] = {}
        self.reviewed: tuple[ReviewAction, ...] = ()

    def candidates(self, mention: Mention, skip_reports: Collection[str] = ()) -> list[str]:
        return [k for k in sorted(self.stored) if k != mention.key and self.stored[k].report_key not in skip_reports]

    def mentions(self, keys: Iterable[str]) -> list[Mention]:
        return [self.stored[k] for k in sorted(set(keys)) if k in self.stored]

    def incident_ids(self, mention_keys: Iterable[str]) -> dict[str, str]:
        keys = set(mention_keys)
        return {m.key: i.id for i in self.incidents.values() for m in i.mentions if m.key in keys}

    def heads(self, incident_ids: Iterable[str]) -> dict[str, IncidentHead]:
        return {i: self.incidents[i].head for i in incident_ids if i in self.incidents}

    def incidents_of(self, mention_keys: Iterable[str]) -> list[Incident]:
        keys = set(mention_keys)
        return [i for _, i in sorted(self.incidents.items()) if keys & {m.key for m in i.mentions}]

    def latest_versions(self, incident_ids: Iterable[str]) -> dict[str, int]:
        return {i: self.versions[i] for i in incident_ids if i in self.versions}

    def review_actions(self) -> Sequence[ReviewAction]:
        return self.reviewed

    def add(self, new: Sequence[Mention], policy: str = "conservative") -> IncidentChanges:
        """Store ``new`` and apply the changes they bring (what the store does in one transaction)."""
        new = [m for m in new if m.key not in self.stored]
        self.stored.update((m.key, m) for m in new)
        return self.apply(update_for(new, self, policy))

    def apply(self, changes: IncidentChanges) -> IncidentChanges:
        """Write ``changes`` (what the store's ``apply_changes`` does)."""
        for incident_id in changes.retire:
            self.incidents.pop(incident_id, None)
        for inc in changes.write:
            self.incidents[inc.id] = inc
        for g in changes.grow:
            old = self.incidents.pop(g.previous)
            members = tuple(sorted((*old.mentions, *(self.stored[k] for k in g.added)), key=lambda m: m.key))
            self.incidents[g.head.id] = Incident.of(g.head, members)
        for v in changes.versions:
            self.versions[v.incident_id] = v.version
        return changes
