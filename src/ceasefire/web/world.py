"""The country layer of the map: the brief's Natural Earth outlines as one GeoJSON document, gzipped once."""

from __future__ import annotations

import gzip
import json
from functools import lru_cache

from ..brief.world import ATTRIBUTION, countries

__all__ = ["world_geojson", "ATTRIBUTION"]

DECIMALS = 2  # about a kilometre: finer than the 1:50m outlines themselves


def _ring(points: object) -> list[list[float]]:
    out: list[list[float]] = []
    for lon, lat in points:  # type: ignore[attr-defined]
        p = [round(float(lon), DECIMALS), round(float(lat), DECIMALS)]
        if not out or out[-1] != p:
            out.append(p)
    return out


@lru_cache(maxsize=1)
def world_geojson() -> bytes:
    """Every country as a Feature (``name``, ``iso2``; each ring a Polygon of a MultiPolygon), gzipped."""
    features = []
    for c in countries():
        rings = [r for r in (_ring(ring) for ring in c.rings) if len(r) >= 4]
        features.append({
            "type": "Feature",
            "properties": {"name": c.name, "iso2": c.iso2},
            "geometry": {"type": "MultiPolygon", "coordinates": [[r] for r in rings]},
        })
    doc = {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": features}
    return gzip.compress(json.dumps(doc, separators=(",", ":")).encode("utf-8"), mtime=0)
