"""How a brief draws and names things, read once from ``data/brief.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Mapping, Sequence

__all__ = ["Style", "style", "party_colours"]


@dataclass(frozen=True)
class Style:
    """The constants of ``data/brief.json`` (its ``_doc`` explains each)."""

    status_labels: Mapping[str, str]
    status_colours: Mapping[str, str]
    party_colours: tuple[str, ...]
    unattributed_colour: str
    area_radius_km: Mapping[str, float]
    marker_base: float
    marker_per_killed: float
    marker_max: float
    min_span_km: float
    margin: float
    dpi: int

    def marker_area(self, killed: int | None) -> float:
        """A point's area in points² for ``killed`` (``None``: the base size)."""
        return min(self.marker_max, self.marker_base + self.marker_per_killed * (killed or 0))


@lru_cache(maxsize=1)
def style() -> Style:
    raw = json.loads(resources.files("ceasefire").joinpath("data/brief.json").read_text("utf-8"))
    statuses = raw["statuses"]
    return Style(
        status_labels={k: v["label"] for k, v in statuses.items()},
        status_colours={k: v["colour"] for k, v in statuses.items()},
        party_colours=tuple(raw["party_colours"]),
        unattributed_colour=raw["unattributed_colour"],
        area_radius_km={k: float(v) for k, v in raw["area_radius_km"].items()},
        marker_base=float(raw["marker"]["base"]),
        marker_per_killed=float(raw["marker"]["per_killed"]),
        marker_max=float(raw["marker"]["max"]),
        min_span_km=float(raw["map"]["min_span_km"]),
        margin=float(raw["map"]["margin"]),
        dpi=int(raw["dpi"]),
    )


def party_colours(parties: Sequence[str | None]) -> dict[str | None, str]:
    """A colour for each party, in the given order (``None``, not attributed, is grey); cycles past the palette."""
    s = style()
    out: dict[str | None, str] = {}
    named = [p for p in parties if p is not None]
    for i, party in enumerate(named):
        out[party] = s.party_colours[i % len(s.party_colours)]
    out[None] = s.unattributed_colour
    return out
