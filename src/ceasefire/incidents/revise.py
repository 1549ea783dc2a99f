"""What one review action changes: the incidents it touches derived again under every review action (pure).

A confirmation, correction or claim marked wrong re-derives the one incident from its
own mentions; a merge or a split clusters the mentions of the incidents involved again
under the new constraints. Every version written is the reviewer's (``by``, ``why``):
``kind`` ``review`` in the history.
"""

from __future__ import annotations

import dataclasses
from typing import Sequence

from ..model import Incident, ReviewAction
from .build import derive_one
from .history import IncidentChanges, diff_incidents
from .incremental import MentionReader, recluster
from .review import Review

__all__ = ["revise"]


def revise(incidents: Sequence[Incident], action: ReviewAction, reader: MentionReader) -> tuple[IncidentChanges, str]:
    """The changes ``action`` (already among ``reader.review_actions()``) brings to ``incidents``, and the id
    of the incident to show: the one holding the action's anchor (the first incident's smallest mention key).

    A merge or split clusters again the closed neighbourhood of the incidents' mentions (as a new
    report would), so the result is what a rebuild would give."""
    review = Review(tuple(reader.review_actions()))
    if action.action in ("merge", "split"):
        mentions = [m for i in incidents for m in i.mentions]
        changes = recluster(mentions, reader, incidents[0].policy, review, whole_reports=False)
        after = list(changes.write)
    else:
        after = [derive_one(i.mentions, i.id, i.policy, review) for i in incidents]
        # an id may come back after it was merged away: its history goes on from its last version
        changes = diff_incidents(incidents, after, reader.latest_versions({i.id for i in incidents}))
    cause = _cause(action, incidents, after)
    versions = tuple(
        dataclasses.replace(v, by=action.by, why=action.why, cause=cause if v.incident is not None else v.cause)
        for v in changes.versions
    )
    shown = next((i.id for i in after if any(m.key == action.anchor for m in i.mentions)), incidents[0].id)
    return IncidentChanges(changes.write, changes.retire, versions, changes.grow), shown


def _cause(action: ReviewAction, before: Sequence[Incident], after: Sequence[Incident]) -> str:
    who = action.by
    if action.action == "confirm":
        return f"review: confirmed by {who}"
    if action.action == "correct":
        return f"review: {action.field} corrected by {who}"
    if action.action == "wrong":
        return f"review: claim {action.claim} marked wrong by {who}"
    if action.action == "merge":
        return f"review: formed by merging {', '.join(i.id for i in before)} (by {who})"
    return f"review: split from {before[0].id} into {', '.join(i.id for i in after)} (by {who})"
