"""Review with audit: the Python API of people's review actions (``db.review``; docs/incidents.md, "Review").

Each action is stored as its own record with who, when and why, and in the same
transaction the incidents it touches are derived again under every review action,
versioned (``kind`` ``review``) and judged again against the agreements. The CLI
(``ceasefire review ...``) and the REST API call these methods and nothing else.

    >>> db.review.correct("3f2a", "killed", {"low": 5, "best": 7, "high": 9}, by="ana", why="hospital list")
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Sequence

from .errors import ConfigError, InvalidParameter, NotFound
from .incidents.review import check_value
from .incidents.revise import revise
from .model import Incident, ReviewAction

if TYPE_CHECKING:
    from .database import Database

__all__ = ["Reviewer", "MAX_REASON"]

MAX_REASON = 2000


def _reason(why: str | None) -> str:
    text = (why or "").strip()
    if len(text) > MAX_REASON:
        raise InvalidParameter("reason", f"longer than {MAX_REASON} characters")
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in text):
        raise InvalidParameter("reason", "holds control characters")
    return text


class Reviewer:
    """Review actions on the incidents of one ``Database`` (use ``db.review``). Each returns the incident as
    it is after the action; ``by`` is who acts, ``why`` their reason (kept in the history)."""

    def __init__(self, db: "Database") -> None:
        self._db = db

    def _act(self, incidents: Sequence[Incident], action: str, by: str, why: str | None, **details: Any) -> Incident:
        if not by or not by.strip():
            raise ConfigError("say who reviews (by)")
        anchor = min(m.key for m in incidents[0].mentions)
        record = ReviewAction(0, action, incidents[0].id, details.pop("anchor", anchor), by.strip(),
                              datetime.now(timezone.utc), _reason(why), **details)
        store = self._db.store

        shown = store.review.act([i.id for i in incidents], record, revise)
        return store.incident(shown)

    def confirm(self, incident_id: str, *, by: str, why: str | None = None) -> Incident:
        """Confirm an incident as the machine derived it (or as corrected)."""
        return self._act([self._db.incident(incident_id)], "confirm", by, why)

    def correct(self, incident_id: str, field: str, value: Any, *, by: str, why: str | None = None) -> Incident:
        """Correct ``field`` (``killed``, ``wounded``, ``date``, ``place``, ``event_type``, ``actor``; see
        docs/incidents.md for the values). The machine's value stays in ``incident.review`` and the history."""
        from .agreements.load import taxonomy

        checked = check_value(field, value, taxonomy())
        if field == "actor":
            from .database import actor_name

            checked = {**checked, "name": actor_name(checked["name"]) or checked["name"]}
        return self._act([self._db.incident(incident_id)], "correct", by, why, field=field, value=checked)

    def merge(self, incident_ids: Sequence[str], *, by: str, why: str | None = None) -> Incident:
        """Merge two or more incidents into one; later machine merging keeps them together."""
        incidents = [self._db.incident(i) for i in incident_ids]
        if len({i.id for i in incidents}) < 2:
            raise InvalidParameter("ids", "give at least two different incidents")
        groups = (tuple(sorted(m.key for i in incidents for m in i.mentions)),)
        return self._act(incidents, "merge", by, why, groups=groups)

    def split(self, incident_id: str, mentions: Sequence[str], *, by: str, why: str | None = None) -> Incident:
        """Split the given mentions (keys) off an incident into one of their own; later machine merging
        keeps the two apart. Returns the incident that keeps the first mention."""
        incident = self._db.incident(incident_id)
        keys = {m.key for m in incident.mentions}
        part = set(mentions)
        if not part:
            raise InvalidParameter("mentions", "name at least one mention key of the incident")
        unknown = sorted(part - keys)
        if unknown:
            raise InvalidParameter("mentions", f"not a mention of incident {incident.id}: {unknown[0]}")
        if part == keys:
            raise InvalidParameter("mentions", "leave at least one mention in the incident")
        groups = (tuple(sorted(part)), tuple(sorted(keys - part)))
        return self._act([incident], "split", by, why, groups=groups)

    def mark_wrong(self, claim_id: str, *, by: str, why: str | None = None) -> Incident:
        """Mark a claim (its id, ``<mention key>/<n>``) wrong: it stays visible but leaves the ranges,
        flags and grade of its incident."""
        mention = self._db.store.review.claim_mention(claim_id)
        if mention is None:
            raise NotFound(f"no claim {claim_id}")
        owner = self._db.incident_ids_of([mention]).get(mention)
        if owner is None:
            raise NotFound(f"claim {claim_id} belongs to no current incident")
        return self._act([self._db.incident(owner)], "wrong", by, why, claim=claim_id, anchor=mention)

    def actions(self) -> tuple[ReviewAction, ...]:
        """Every review action, oldest first."""
        return self._db.store.review.actions()
