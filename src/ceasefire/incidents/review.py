"""People's review actions as an overlay on what the machine derives (pure; docs/incidents.md, "Review").

The store keeps each action as its own record (:class:`~ceasefire.model.ReviewAction`);
whenever incidents are derived -- a new report, a re-clustering, ``rebuild``, a review
action -- the actions are applied again, so a later re-extraction never overwrites a
person's work:

* **corrections** and **confirmations** are anchored to a mention (the incident's
  smallest key when it was reviewed) and apply to the incident holding it; the latest
  correction of a field wins; the machine's value is kept beside it (``Correction.machine``);
* a **claim marked wrong** stays in its mention (visible) but is left out of the tally,
  so out of ranges, flags and grade;
* **merges** and **splits** become clustering constraints (:class:`Pins`): a merge's
  mentions must stay together (must-link), a split's parts must stay apart
  (cannot-link), and each part together; a later action overrides an earlier one on the
  mentions it covers.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from ..errors import InvalidParameter
from ..model import (
    CORRECTABLE,
    Actor,
    ActorRole,
    Correction,
    DatePrecision,
    DateResolution,
    Figures,
    IncidentHead,
    IncidentReview,
    Mention,
    Place,
    PlacePrecision,
    ReviewAction,
    ReviewMark,
    WrongClaim,
    claim_id,
)

__all__ = ["Review", "Pins", "check_value", "overlay", "without_wrong", "EMPTY"]

_ROLES = ("perpetrator", "target")


def _bad(message: str) -> InvalidParameter:
    return InvalidParameter("value", message)


def _count(value: Any, name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0 or value > 10_000_000:
        raise _bad(f"{name} must be a whole number from 0 to 10000000 or null")
    return value


def _figures(value: Any) -> dict[str, Any]:
    if not isinstance(value, Mapping) or set(value) - {"low", "best", "high"}:
        raise _bad('give {"low": n, "best": n, "high": n} (null for unknown)')
    low, best, high = (_count(value.get(k), k) for k in ("low", "best", "high"))
    known = [x for x in (low, best, high) if x is not None]
    if not known:
        raise _bad("give at least one of low, best, high")
    if known != sorted(known):
        raise _bad("low <= best <= high")
    return {"low": low, "best": best, "high": high}


def _day(value: Any, name: str) -> date:
    if not isinstance(value, str):
        raise _bad(f"{name} must be a date YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _bad(f"{name} must be a date YYYY-MM-DD, not {value!r}") from None


def _date(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        value = {"start": value}
    if not isinstance(value, Mapping) or "start" not in value or set(value) - {"start", "end"}:
        raise _bad('give {"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"} (end optional)')
    start = _day(value["start"], "start")
    end = _day(value["end"], "end") if value.get("end") is not None else start
    if end < start:
        raise _bad("end is before start")
    return {"start": start.isoformat(), "end": end.isoformat()}


def _text(value: Any, name: str, limit: int = 200) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise _bad(f"{name} must be a non-empty text of at most {limit} characters")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise _bad(f"{name} holds control characters")
    return value.strip()


def _place(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        value = {"name": value}
    if not isinstance(value, Mapping) or "name" not in value or set(value) - {"name", "lat", "lon", "country",
                                                                              "admin1"}:
        raise _bad('give a name or {"name", "lat", "lon", "country", "admin1"}')
    out: dict[str, Any] = {"name": _text(value["name"], "name")}
    lat, lon = value.get("lat"), value.get("lon")
    if (lat is None) != (lon is None):
        raise _bad("give both lat and lon, or neither")
    if lat is not None and lon is not None:
        if not all(isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x) for x in (lat, lon)):
            raise _bad("lat and lon must be numbers")
        if not (-90 <= float(lat) <= 90 and -180 <= float(lon) <= 180):
            raise _bad("lat must lie in [-90, 90], lon in [-180, 180]")
    out["lat"], out["lon"] = lat, lon
    country = value.get("country")
    if country is not None:
        if not isinstance(country, str) or len(country) != 2 or not country.isascii() or not country.isalpha():
            raise _bad("country must be an ISO 3166-1 alpha-2 code")
        country = country.upper()
    out["country"] = country
    out["admin1"] = _text(value["admin1"], "admin1") if value.get("admin1") is not None else None
    return out


def _event_type(value: Any, taxonomy: Mapping[str, str]) -> dict[str, Any]:
    """``taxonomy``: ACLED sub-event type -> event type."""
    if isinstance(value, str):
        value = {"sub_event_type": value} if value in taxonomy else {"event_type": value}
    if not isinstance(value, Mapping) or not value or set(value) - {"event_type", "sub_event_type"}:
        raise _bad('give an ACLED sub-event type, or {"event_type", "sub_event_type"}')
    sub, event = value.get("sub_event_type"), value.get("event_type")
    if sub is not None:
        if sub not in taxonomy:
            raise _bad(f"unknown sub-event type {sub!r}; see data/taxonomy.json")
        if event is not None and event != taxonomy[sub]:
            raise _bad(f"{sub!r} is a sub-event type of {taxonomy[sub]!r}, not {event!r}")
        return {"event_type": taxonomy[sub], "sub_event_type": sub}
    if event not in set(taxonomy.values()):
        raise _bad(f"unknown event type {event!r}; choose one of {', '.join(sorted(set(taxonomy.values())))}")
    return {"event_type": event, "sub_event_type": None}


def _actor(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        value = {"name": value}
    if not isinstance(value, Mapping) or "name" not in value or set(value) - {"name", "role", "type"}:
        raise _bad('give {"name", "role": "perpetrator"|"target", "type"}')
    role = value.get("role", "perpetrator")
    if role not in _ROLES:
        raise _bad("role must be perpetrator or target")
    kind = _text(value["type"], "type", 60) if value.get("type") is not None else "unknown"
    return {"name": _text(value["name"], "name"), "role": role, "type": kind}


def check_value(field: str, value: Any, taxonomy: Mapping[str, str]) -> dict[str, Any]:
    """A correction's value, checked and in its stored form; ``InvalidParameter`` naming ``field`` or ``value``."""
    if field not in CORRECTABLE:
        raise InvalidParameter("field", f"cannot correct {field!r}; choose one of {', '.join(CORRECTABLE)}")
    if field in ("killed", "wounded"):
        return _figures(value)
    if field == "date":
        return _date(value)
    if field == "place":
        return _place(value)
    if field == "event_type":
        return _event_type(value, taxonomy)
    return _actor(value)


# -- the overlay -------------------------------------------------------------------------------------------


def _machine(head: IncidentHead, field: str, value: Mapping[str, Any]) -> Any:
    """The machine's value of ``field``, as JSON (what the correction replaces)."""
    if field in ("killed", "wounded"):
        f = head.figures.get(field)
        return None if f is None else {"low": f.low, "best": f.best, "high": f.high}
    if field == "date":
        d = head.date
        return {"start": d.start.isoformat() if d.start else None, "end": d.end.isoformat() if d.end else None,
                "precision": d.precision.value}
    if field == "place":
        p = head.place
        return None if p is None else {"name": p.name, "lat": p.lat, "lon": p.lon, "country": p.country,
                                       "admin1": p.admin1, "precision": p.precision.value}
    if field == "event_type":
        return {"event_type": head.event_type, "sub_event_type": head.sub_event_type}
    return [{"name": a.actor.name, "role": a.role, "type": a.actor.type}
            for a in head.actors if a.role == value["role"]]


def _apply(head: IncidentHead, field: str, v: Mapping[str, Any]) -> IncidentHead:
    if field in ("killed", "wounded"):
        figures = {**head.figures, field: Figures(v["low"], v["best"], v["high"])}
        return dataclasses.replace(head, figures=figures)
    if field == "date":
        start, end = date.fromisoformat(v["start"]), date.fromisoformat(v["end"])
        days = (end - start).days
        span = (DatePrecision.DAY if days == 0 else DatePrecision.WEEK if days < 7
                else DatePrecision.MONTH if days < 31 else DatePrecision.YEAR)
        return dataclasses.replace(head, date=DateResolution(start, end, span, "corrected in review"))
    if field == "place":
        precision = PlacePrecision.POINT if v["lat"] is not None else PlacePrecision.UNKNOWN
        place = Place(v["name"], country=v["country"], admin1=v["admin1"], lat=v["lat"], lon=v["lon"],
                      precision=precision, basis="corrected in review")
        return dataclasses.replace(head, place=place)
    if field == "event_type":
        return dataclasses.replace(head, event_type=v["event_type"], sub_event_type=v["sub_event_type"])
    others = tuple(a for a in head.actors if a.role != v["role"])
    actor = ActorRole(Actor(v["name"], v["type"]), v["role"])
    return dataclasses.replace(head, actors=(*others, actor) if v["role"] == "target" else (actor, *others))


def overlay(head: IncidentHead, actions: Sequence[ReviewAction]) -> IncidentHead:
    """``head`` (the machine's) with the confirmations, corrections and wrong claims of ``actions`` applied,
    in the order they were made; ``head.review`` says what was done and keeps the machine's values."""
    confirmed = None
    corrections: dict[str, Correction] = {}
    wrong: dict[str, WrongClaim] = {}
    machine = head
    out = head
    for a in sorted(actions, key=lambda a: a.id):
        mark = ReviewMark(a.by, a.at, a.why)
        if a.action == "confirm":
            confirmed = mark
        elif a.action == "correct" and a.field is not None:
            corrections[a.field] = Correction(a.field, a.value, _machine(machine, a.field, a.value), mark)
            out = _apply(out, a.field, a.value)
        elif a.action == "wrong" and a.claim is not None:
            wrong[a.claim] = WrongClaim(a.claim, mark)
    if confirmed is None and not corrections and not wrong:
        return dataclasses.replace(out, review=None)
    order = {f: n for n, f in enumerate(CORRECTABLE)}
    review = IncidentReview(confirmed, tuple(sorted(corrections.values(), key=lambda c: order[c.field])),
                            tuple(sorted(wrong.values(), key=lambda w: w.claim)))
    return dataclasses.replace(out, review=review)


def without_wrong(mentions: Iterable[Mention], wrong: Collection[str]) -> list[Mention]:
    """The mentions with the claims marked wrong left out: what the tally (ranges, flags, grade) counts."""
    out = []
    for m in mentions:
        kept = tuple(c for seq, c in enumerate(m.claims) if claim_id(m.key, seq) not in wrong)
        out.append(m if len(kept) == len(m.claims) else dataclasses.replace(m, claims=kept))
    return out


# -- merge and split as clustering constraints --------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Pins:
    """Clustering constraints from people's merges and splits.

    ``together``: sets of mention keys that must be one incident; ``apart``: pairs of key
    sets no incident may hold members of both.
    """

    together: tuple[frozenset[str], ...] = ()
    apart: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.together or self.apart)

    @classmethod
    def of(cls, actions: Sequence[ReviewAction]) -> "Pins":
        together: list[frozenset[str]] = []
        apart: list[tuple[frozenset[str], frozenset[str]]] = []
        for a in sorted(actions, key=lambda a: a.id):
            if a.action == "merge":
                keys = frozenset(k for g in a.groups for k in g)
                apart = [(x, y) for x, y in apart if not (x & keys and y & keys)]
                together = [s for s in together if not s <= keys] + [keys]
            elif a.action == "split":
                parts = [frozenset(g) for g in a.groups]
                split = frozenset().union(*parts)
                together = [s - split for s in together if s - split] + parts  # the parts replace what they cut
                apart += [(parts[i], parts[j]) for i in range(len(parts)) for j in range(i + 1, len(parts))]
        return cls(tuple(together), tuple(apart))


@dataclasses.dataclass(frozen=True)
class Review:
    """Every stored review action, and what follows from them for deriving incidents."""

    actions: tuple[ReviewAction, ...] = ()

    @functools.cached_property
    def pins(self) -> Pins:
        return Pins.of(self.actions)

    @functools.cached_property
    def wrong(self) -> frozenset[str]:
        return frozenset(a.claim for a in self.actions if a.action == "wrong" and a.claim is not None)

    @functools.cached_property
    def overlaying(self) -> tuple[ReviewAction, ...]:
        """The actions that change an incident's fields (confirm, correct, wrong), each with its anchor."""
        return tuple(a for a in self.actions if a.action in ("confirm", "correct", "wrong"))

    @functools.cached_property
    def anchors(self) -> tuple[str, ...]:
        return tuple(sorted({a.anchor for a in self.overlaying}))

    def for_members(self, keys: Collection[str]) -> list[ReviewAction]:
        """The overlaying actions whose anchor is one of ``keys`` (an incident's mention keys)."""
        return [a for a in self.overlaying if a.anchor in keys]

    def derive(self, head: IncidentHead, keys: Collection[str]) -> IncidentHead:
        """The machine's ``head`` of the incident whose mentions are ``keys``, with its review applied."""
        return overlay(head, self.for_members(keys)) if self.actions else head


EMPTY = Review()
