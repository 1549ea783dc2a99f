"""Typed contradiction flags over an incident's claims (a first set: counts)."""

from __future__ import annotations

from typing import Sequence

from ..model import Claim, Flag

__all__ = ["contradiction_flags"]


def _lo(c: Claim) -> int | None:
    return c.figure.min


def _hi(c: Claim) -> int | None:
    return c.figure.max


def _describe(c: Claim) -> str:
    lo, hi = c.figure.min, c.figure.max
    fig = f"{lo}" if lo == hi else f"{lo if lo is not None else ''}..{hi if hi is not None else ''}"
    return f"{c.source.name}: {fig}"


def contradiction_flags(claims: Sequence[Claim]) -> tuple[Flag, ...]:
    """``count_disagreement`` when two total-scope claims of one kind have ranges that do not overlap."""
    flags: list[Flag] = []
    kinds = sorted({c.kind.value for c in claims})
    for kind in kinds:
        totals = [c for c in claims if c.kind.value == kind and c.scope == "total"]
        clashes: list[str] = []
        for i, a in enumerate(totals):
            for b in totals[i + 1 :]:
                a_hi, b_lo, a_lo, b_hi = _hi(a), _lo(b), _lo(a), _hi(b)
                if (a_hi is not None and b_lo is not None and a_hi < b_lo) or (
                    b_hi is not None and a_lo is not None and b_hi < a_lo
                ):
                    clashes.append(f"{_describe(a)} vs {_describe(b)}")
        if clashes:
            flags.append(Flag("count_disagreement", f"{kind}: " + "; ".join(dict.fromkeys(clashes))))
    return tuple(flags)
