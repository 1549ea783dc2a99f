"""Country outlines for the brief's map, from the file ``scripts/world_outline.py`` made at build time.

``data/brief_world.json.gz`` holds Natural Earth's 1:50m admin-0 countries (public
domain, taken from the npm package ``world-atlas``) as a quantized topology: shared
arcs, delta-encoded. This module decodes it once into rings of (lon, lat) degrees.
Nothing is fetched at run time.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

__all__ = ["Country", "countries", "attribution", "ATTRIBUTION"]

ATTRIBUTION = "Country outlines: Natural Earth (public domain)"


@dataclass(frozen=True)
class Country:
    """One country: its name, ISO alpha-2 code (when it has one), rings of (lon, lat) and bounding box."""

    name: str
    iso2: str | None
    rings: tuple[np.ndarray, ...]  # each an (n, 2) array, closed (first point == last)
    bbox: tuple[float, float, float, float]  # west, south, east, north

    def meets(self, box: tuple[float, float, float, float]) -> bool:
        """Whether its bounding box meets ``box`` (west, south, east, north)."""
        w, s, e, n = self.bbox
        return not (e < box[0] or w > box[2] or n < box[1] or s > box[3])


def _raw() -> dict[str, object]:
    data = resources.files("ceasefire").joinpath("data/brief_world.json.gz").read_bytes()
    return json.loads(gzip.decompress(data))  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def attribution() -> str:
    """Where the outlines come from (the file's ``source``)."""
    return str(_raw()["source"])


def _arcs(raw: dict[str, object]) -> list[np.ndarray]:
    scale = np.asarray(raw["scale"], dtype=float)
    translate = np.asarray(raw["translate"], dtype=float)
    out = []
    for flat in raw["arcs"]:  # type: ignore[attr-defined]
        quantized = np.asarray(flat, dtype=np.int64).reshape(-1, 2).cumsum(axis=0)
        out.append(quantized * scale + translate)
    return out


def _ring(arcs: list[np.ndarray], indices: list[int]) -> np.ndarray:
    parts = []
    for k, i in enumerate(indices):
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        parts.append(arc if k == 0 else arc[1:])
    return np.concatenate(parts)


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every country of the outline file, decoded (once per process)."""
    raw = _raw()
    arcs = _arcs(raw)
    out = []
    for c in raw["countries"]:  # type: ignore[attr-defined]
        rings = tuple(_ring(arcs, ring) for polygon in c["polygons"] for ring in polygon)
        points = np.concatenate(rings)
        lo, hi = points.min(axis=0), points.max(axis=0)
        out.append(Country(c["name"], c["iso2"], rings, (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))))
    return tuple(out)
