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
"""

from __future__ import annotations

from typing import Sequence

from ..model import Claim, Figures, SourceType

__all__ = ["derive_figures", "RELIABILITY"]

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


def _point(c: Claim) -> int | None:
    return c.figure.min if c.figure.min is not None else c.figure.max


def derive_figures(claims: Sequence[Claim], policy: str = "conservative") -> dict[str, Figures]:
    """``{kind: Figures}`` for every kind that has at least one total-scope claim."""
    out: dict[str, Figures] = {}
    kinds = sorted({c.kind.value for c in claims})
    for kind in kinds:
        totals = [c for c in claims if c.kind.value == kind and c.scope == "total" and _point(c) is not None]
        if not totals:
            continue
        lows = [c.figure.min if c.figure.min is not None else c.figure.max for c in totals]
        highs = [c.figure.max if c.figure.max is not None else c.figure.min for c in totals]
        low, high = min(x for x in lows if x is not None), max(x for x in highs if x is not None)
        best: int | None
        if policy == "max":
            best = high
        elif policy == "best":
            latest: dict[str, tuple[int, Claim]] = {}
            for order, c in enumerate(totals):  # in reporting order: later claims supersede
                latest[c.source.name] = (order, c)
            _, chosen = max(latest.values(), key=lambda oc: (RELIABILITY.get(oc[1].source.type, 0), oc[0]))
            best = _point(chosen)
        else:
            best = low
        out[kind] = Figures(low=low, best=best, high=high)
    return out
