"""Whether a place lies in an agreement's area (pure).

A place is ``inside`` when it is in one of the area's countries (if any are listed) and,
when admin1 regions or a polygon are given, in one of those regions (by name or GeoNames
id) or its point in the polygon. A place known only to a coarser level than the area is
drawn at (a country, when the area lists regions; no coordinates, when the area is a
polygon) ``straddles`` it: it may or may not be inside. Otherwise it is ``outside``.
"""

from __future__ import annotations

import re
from typing import Literal

from ..model import Area, Place

__all__ = ["Where", "where", "in_polygon", "same_region"]

Where = Literal["inside", "straddles", "outside"]

_REGION_WORDS = re.compile(r"\b(oblast|province|governorate|region|state|county|district|muhafazat)\b")


def _region_key(name: str) -> str:
    folded = _REGION_WORDS.sub(" ", name.casefold().replace("'", "").replace("’", ""))
    return " ".join(folded.split())


def same_region(a: str, b: str) -> bool:
    """Whether two admin1 names name one region: equal once folded and stripped of "Oblast",
    "Province", "Governorate", ... ("Donetsk" and "Donetsk Oblast"), or one the other's
    adjectival form ("Donetsk" and "Donetska oblast")."""
    x, y = _region_key(a), _region_key(b)
    if not x or not y:
        return False
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 2


def in_polygon(lon: float, lat: float, ring: tuple[tuple[float, float], ...]) -> bool:
    """Whether ``(lon, lat)`` lies inside the closed ring (even-odd rule)."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        if (y1 > lat) != (y2 > lat):
            x = x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
            if lon < x:
                inside = not inside
    return inside


def where(place: Place | None, area: Area) -> Where:
    """Whether ``place`` is inside ``area``, outside it, or known too coarsely to tell (``straddles``)."""
    if place is None:  # an incident with no place cannot be put in an area
        return "inside" if area == Area() else "outside"
    if area.countries and place.country not in area.countries:
        return "outside" if place.country is not None else "straddles"
    regional = bool(area.admin1 or area.geonames_ids or area.polygon)
    if not regional:
        return "inside"
    if place.geonames_id is not None and place.geonames_id in area.geonames_ids:
        return "inside"
    if place.admin1 is not None and any(same_region(place.admin1, name) for name in area.admin1):
        return "inside"
    if area.polygon and place.lat is not None and place.lon is not None:
        return "inside" if in_polygon(place.lon, place.lat, area.polygon) else "outside"
    if place.admin1 is None and not (area.polygon and place.lat is not None):
        return "straddles"
    return "outside"
