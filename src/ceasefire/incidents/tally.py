"""An incident's tally: what its derived fields are computed from, grown one report at a time (pure).

A tally (:class:`~ceasefire.model.IncidentTally`) holds counts and small sets
over an incident's mentions -- the dates, places and types they give and how
often, each source's figures, the statements about responsibility -- and
nothing that needs the other mentions to be read again. :func:`grow` adds the
mentions of a new document to a tally; :func:`tally_of` is ``grow`` from
nothing, so an incident grown report by report and one built from all its
mentions at once have equal tallies, whatever the order (every part is a count,
a set, a minimum or a maximum). The fields of an incident are then derived
from its tally alone (``build.head_of``).

The precondition of :func:`grow`: the new mentions' reports are not yet in the
tally (a document's mentions arrive together, once), so the report count is a sum.

:func:`conflicts_with` tells whether a mention conflicts with any mention of a
tallied incident -- another kind of event, days apart, places apart -- from the
tally's distinct types, dates and places alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Sequence

from ..model import (
    ActorRole,
    ActorVote,
    DateResolution,
    DateVote,
    FigureVote,
    Firsts,
    IncidentTally,
    Mention,
    Place,
    PlacePrecision,
    PlaceVote,
    SourceType,
    StatementKind,
    TypeVote,
)
from .grade import DOCUMENTERS, source_group
from .merge import dates_conflict, kinds_apart, places_conflict, weaponless

__all__ = ["EMPTY", "LIMIT", "tally_of", "grow", "conflicts_with", "TAKEN", "RETAKEN"]

LIMIT = 5  # texts a flag names on each side; the rest are counted
TAKEN = frozenset({"Non-state actor overtakes territory"})
RETAKEN = frozenset({"Government regains territory"})

EMPTY = IncidentTally(mentions=0, first="", reports=0, independent=())


def _where(m: Mention) -> str:
    """The report a mention is in, as flags name it."""
    return f"{m.article_id} part {m.part}"


def _family(m: Mention) -> str:
    """The report a mention counts as: its own, or the original its report is a copy of."""
    return m.copy_of.report_key if m.copy_of is not None else m.report_key


class _Firsts:
    """A mutable :class:`Firsts`: each text with the smallest key that gave it."""

    def __init__(self, frozen: Firsts) -> None:
        self.keys = {text: key for key, text in frozen.items}
        self.total = frozen.total

    def add(self, key: str, text: str) -> None:
        self.total += 1
        if text not in self.keys or key < self.keys[text]:
            self.keys[text] = key

    def freeze(self) -> Firsts:
        items = sorted((key, text) for text, key in self.keys.items())[:LIMIT]
        return Firsts(tuple(items), self.total)


@dataclass
class _Count:
    """How many mentions give something, how many of those have claims, and the first of them."""

    count: int = 0
    claimed: int = 0
    first: str = ""
    where: str = ""
    reports: _Firsts = field(default_factory=lambda: _Firsts(Firsts()))

    def add(self, m: Mention) -> None:
        self.count += 1
        self.claimed += bool(m.claims)
        if not self.first or m.key < self.first:
            self.first, self.where = m.key, _where(m)


class _Tally:
    """A tally being grown: dictionaries keyed by what is counted."""

    def __init__(self, t: IncidentTally) -> None:
        self.mentions, self.first, self.reports = t.mentions, t.first, t.reports
        self.independent = set(t.independent)
        self.types = {(v.event_type, v.sub_event_type, v.guessed): _Count(v.count, v.claimed) for v in t.types}
        self.dates = {v.date: _Count(v.count, v.claimed, reports=_Firsts(v.where)) for v in t.dates}
        self.places = {v.place: _Count(v.count, v.claimed, v.first, v.where) for v in t.places}
        self.actors = {(v.actor.role, v.actor.actor.name): (v.first, v.index, v.actor) for v in t.actors}
        self.figures = {(v.kind, v.source, v.min, v.max): (v.latest, v.source_type) for v in t.figures}
        self.sources, self.groups, self.claimants = set(t.sources), set(t.groups), set(t.claimants)
        self.voices = {family: set(outlets) for family, outlets in t.voices}
        self.claims, self.hedged, self.documented = t.claims, t.hedged, t.documented
        self.acknowledged = t.acknowledged
        self.lists = {name: _Firsts(getattr(t, name)) for name in ("taken", "retaken", "accusations", "denials")}

    def add(self, m: Mention) -> None:
        key = m.key
        self.mentions += 1
        self.first = key if not self.first or key < self.first else self.first
        self.independent.add(_family(m))
        if m.sub_event_type:
            self.types.setdefault((m.event_type, m.sub_event_type, weaponless(m)), _Count()).add(m)
        day = self.dates.setdefault(m.date, _Count())
        day.add(m)
        day.reports.add(key, _where(m))
        if m.place is not None and m.place.precision is not PlacePrecision.UNKNOWN:
            self.places.setdefault(m.place, _Count()).add(m)
        for index, role in enumerate(m.actors):
            actor_key = (role.role, role.actor.name)
            if actor_key not in self.actors or (key, index) < self.actors[actor_key][:2]:
                self.actors[actor_key] = (key, index, role)
        self._claims(m)
        self._statements(m)

    def _claims(self, m: Mention) -> None:
        anchor = (m.reported_on or date.min).isoformat()
        for seq, c in enumerate(m.claims):
            self.claims += 1
            self.hedged += c.hedged
            self.documented += c.source.type in DOCUMENTERS
            self.sources.add(c.source.name)
            if c.source.type is SourceType.OUTLET:  # the outlets carrying one report speak in one voice
                self.voices.setdefault(_family(m), set()).add(c.source.name)
            else:
                self.claimants.add(c.source.name)
                self.groups.add(source_group(c))
            if c.scope != "total" or (c.figure.min is None and c.figure.max is None):
                continue
            fig_key = (c.kind.value, c.source.name, c.figure.min, c.figure.max)
            latest = (anchor, m.key, seq)
            if fig_key not in self.figures or latest > self.figures[fig_key][0]:
                self.figures[fig_key] = (latest, c.source.type)

    def _statements(self, m: Mention) -> None:
        if m.sub_event_type in TAKEN:
            self.lists["taken"].add(m.key, f"'{m.trigger.quote}' ({_where(m)})")
        if m.sub_event_type in RETAKEN:
            self.lists["retaken"].add(m.key, f"'{m.trigger.quote}' ({_where(m)})")
        for s in m.statements:
            said = f"{s.source.name}: '{s.evidence.quote}'"
            if s.kind is StatementKind.ACCUSATION:
                self.lists["accusations"].add(m.key, said)
            elif s.kind is StatementKind.DENIAL:
                self.lists["denials"].add(m.key, said)
            elif not s.hedged:
                self.acknowledged = True

    def freeze(self) -> IncidentTally:
        return IncidentTally(
            mentions=self.mentions,
            first=self.first,
            reports=self.reports,
            independent=tuple(sorted(self.independent)[:2]),
            types=tuple(
                TypeVote(e, s, v.count, v.claimed, g) for (e, s, g), v in sorted(self.types.items(), key=_text)
            ),
            dates=tuple(
                DateVote(d, v.count, v.claimed, v.reports.freeze())
                for d, v in sorted(self.dates.items(), key=_date_order)
            ),
            places=tuple(
                PlaceVote(p, v.count, v.claimed, v.first, v.where) for p, v in sorted(self.places.items(), key=_first)
            ),
            actors=tuple(ActorVote(role, k, i) for k, i, role in sorted(self.actors.values(), key=_key_index)),
            figures=tuple(
                FigureVote(kind, source, lo, hi, stype, latest)
                for (kind, source, lo, hi), (latest, stype) in sorted(self.figures.items(), key=_text)
            ),
            sources=tuple(sorted(self.sources)),
            claimants=tuple(sorted(self.claimants)),
            voices=tuple((family, tuple(sorted(outlets))) for family, outlets in sorted(self.voices.items())),
            groups=tuple(sorted(self.groups)),
            claims=self.claims,
            hedged=self.hedged,
            documented=self.documented,
            acknowledged=self.acknowledged,
            **{name: f.freeze() for name, f in self.lists.items()},
        )


def _text(item: tuple[object, object]) -> str:
    return repr(item[0])


def _date_order(item: tuple[DateResolution, _Count]) -> tuple[str, str, str, str]:
    d = item[0]
    return (d.start.isoformat() if d.start else "", d.end.isoformat() if d.end else "", d.precision.value, d.basis)


def _first(item: tuple[Place, _Count]) -> tuple[str, str]:
    return (item[1].first, repr(item[0]))


def _key_index(value: tuple[str, int, ActorRole]) -> tuple[str, int]:
    return (value[0], value[1])


def grow(tally: IncidentTally, mentions: Iterable[Mention]) -> IncidentTally:
    """``tally`` with ``mentions`` added; their reports must not be in it yet (module docstring)."""
    t = _Tally(tally)
    reports = set()
    for m in mentions:
        t.add(m)
        reports.add(m.report_key)
    t.reports += len(reports)
    return t.freeze()


def tally_of(mentions: Sequence[Mention]) -> IncidentTally:
    """The tally of an incident made of ``mentions``."""
    return grow(EMPTY, mentions)


def _kinds_apart(m: Mention, v: TypeVote) -> bool:
    """``merge.kinds_apart`` of a new report's mention and the tallied mentions giving one type."""
    return kinds_apart(("new", m.sub_event_type, weaponless(m)), ("tallied", v.sub_event_type, v.guessed))


def conflicts_with(m: Mention, tally: IncidentTally) -> bool:
    """Whether ``m`` conflicts with any of the tallied mentions: another kind of event, days or places apart."""
    if m.sub_event_type and any(_kinds_apart(m, v) for v in tally.types):
        return True
    if any(dates_conflict(m.date, v.date) for v in tally.dates):
        return True
    return any(places_conflict(m.place, v.place) for v in tally.places)
