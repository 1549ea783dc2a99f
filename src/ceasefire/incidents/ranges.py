"""Incident-level low / best / high per claim kind, derived from the claims by a named policy.

Only claims whose scope is the total count take part: a partial count (one
hospital's intake, "four of them are children") never becomes the total.

* ``low`` is the lowest figure any claim supports (its lower bound, else its upper bound);
* ``high`` is the highest figure any claim supports (its upper bound, else its lower bound);
* ``best`` depends on the policy:
  - ``conservative`` (ACLED): the lowest credible figure, i.e. ``low``;
  - ``best`` (UCDP-like): the figure of the most reliable source; a later claim of one
    source supersedes its earlier ones (claims come in the order they were reported);
  - ``max``: ``high``.

The figures are computed from an incident's tally (:class:`~ceasefire.model.FigureVote`:
each source's distinct total figures, and its latest claim in reporting order).
"""

from __future__ import annotations

from typing import Sequence

from ..model import Claim, Figures, FigureVote, SourceType

__all__ = ["derive_figures", "figures_of", "RELIABILITY"]

# Higher is more reliable for the ``best`` policy; independent documenters first.
RELIABILITY: dict[SourceType, int] = {
    SourceType.UN_AGENCY: 9,
    SourceType.MONITOR: 8,
    SourceType.MEDICAL: 7,
    SourceType.OUTLET: 6,
    SourceType.WITNESS: 5,
    SourceType.OFFICIAL: 4,
    SourceType.GOVERNMENT: 3,
    SourceType.MILITARY: 3,
    SourceType.STATE_MEDIA: 2,
    SourceType.BELLIGERENT: 1,
    SourceType.UNKNOWN: 0,
}


def _low(v: FigureVote) -> int | None:
    return v.min if v.min is not None else v.max


def _high(v: FigureVote) -> int | None:
    return v.max if v.max is not None else v.min


def figures_of(votes: Sequence[FigureVote], policy: str = "conservative") -> dict[str, Figures]:
    """``{kind: Figures}`` for every kind that has at least one total-count figure."""
    out: dict[str, Figures] = {}
    for kind in sorted({v.kind for v in votes}):
        totals = [v for v in votes if v.kind == kind and _low(v) is not None]
        if not totals:
            continue
        low = min(x for v in totals if (x := _low(v)) is not None)
        high = max(x for v in totals if (x := _high(v)) is not None)
        best: int | None
        if policy == "max":
            best = high
        elif policy == "best":
            latest: dict[str, FigureVote] = {}
            for v in totals:  # each source's latest figure supersedes its earlier ones
                if v.source not in latest or v.latest > latest[v.source].latest:
                    latest[v.source] = v
            chosen = max(latest.values(), key=lambda v: (RELIABILITY.get(v.source_type, 0), v.latest))
            best = _low(chosen)
        else:
            best = low
        out[kind] = Figures(low=low, best=best, high=high)
    return out


def derive_figures(claims: Sequence[Claim], policy: str = "conservative") -> dict[str, Figures]:
    """``{kind: Figures}`` of claims given in the order they were reported."""
    votes = [
        FigureVote(c.kind.value, c.source.name, c.figure.min, c.figure.max, c.source.type, ("", "", order))
        for order, c in enumerate(claims)
        if c.scope == "total"
    ]
    return figures_of(votes, policy)
