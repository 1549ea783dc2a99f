"""The headline of a brief: possible violations and killed per accused party, this period and the one before (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from .context import STATUSES, BriefRow

__all__ = ["COUNTED", "PartyTotal", "HeadlineLine", "accused_of", "party_order", "party_totals", "headline", "ordered"]

#: The statuses the headline and the daily chart count, by accused party (unattributed: under no party).
COUNTED = ("possible_violation", "unattributed")


@dataclass(frozen=True)
class PartyTotal:
    """One accused party's possible violations in a period, and their killed range summed.

    ``party`` ``None`` stands for the incidents that could not be attributed.
    ``killed_high`` is ``None`` when a figure has no upper bound ("at least 12");
    ``unknown`` counts the incidents with no killed figure at all (they add nothing
    to the sums: unknown is not zero, and the brief says how many there are).
    """

    party: str | None
    incidents: int
    killed_low: int
    killed_high: int | None
    unknown: int


@dataclass(frozen=True)
class HeadlineLine:
    """A party's totals in the period (``now``) and in the period before (``before``)."""

    party: str | None
    now: PartyTotal
    before: PartyTotal

    @property
    def change(self) -> int:
        return self.now.incidents - self.before.incidents


def _counted(row: BriefRow) -> bool:
    return row.status in COUNTED


def accused_of(row: BriefRow) -> str | None:
    """The party a row counts for: its accused when it is a possible violation, else ``None``."""
    return row.accused if row.status == "possible_violation" else None


def party_order(parties: Sequence[str], rows: Iterable[BriefRow]) -> list[str | None]:
    """The agreement's parties in its order, then other accused names sorted, then ``None`` (not attributed)."""
    others = sorted({p for r in rows if _counted(r) and (p := accused_of(r)) is not None and p not in parties})
    return [*parties, *others, None]


def party_totals(rows: Iterable[BriefRow], party: str | None) -> PartyTotal:
    """``party``'s possible violations among ``rows`` (``None``: the unattributed incidents)."""
    mine = [r for r in rows if _counted(r) and accused_of(r) == party]
    low = sum(r.killed_low or 0 for r in mine)
    open_ended = any(r.killed_low is not None and r.killed_high is None for r in mine)
    high = None if open_ended else sum(r.killed_high or 0 for r in mine)
    unknown = sum(1 for r in mine if r.killed_low is None and r.killed_high is None)
    return PartyTotal(party, len(mine), low, high, unknown)


def headline(
    parties: Sequence[str], rows: Sequence[BriefRow], previous: Sequence[BriefRow]
) -> tuple[HeadlineLine, ...]:
    """One line per party (see :func:`party_order`, over both periods); the unattributed line only when non-empty."""
    lines = []
    for party in party_order(parties, [*rows, *previous]):
        line = HeadlineLine(party, party_totals(rows, party), party_totals(previous, party))
        if party is None and not (line.now.incidents or line.before.incidents):
            continue
        lines.append(line)
    return tuple(lines)


def ordered(rows: Iterable[BriefRow]) -> list[BriefRow]:
    """Rows in the brief's order: by status (possible violations first), then date, place and id.

    A row's number in the brief is its position here, from 1; the map labels use it.
    """

    def key(r: BriefRow) -> tuple[int, str, str, str]:
        day = r.when.start.isoformat() if r.when.start else "9999-99-99"
        return (STATUSES.index(r.status), day, r.place.name if r.place else "", r.incident_id)

    return sorted(rows, key=key)
