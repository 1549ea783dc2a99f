"""Incidents as a GeoJSON FeatureCollection (RFC 7946), precision shown honestly (``docs/export.md``).

An incident placed at a point, near one, or in a town (``point``, ``near``,
``locality``) is a ``Point``. One known only to a district, a province or a country
(or not placed at all) has ``geometry: null``: a point would claim a precision the
reports do not give. Its area's centre, when known, stays in the ``lat``/``lon``
properties, and ``location_precision`` says what it is the centre of, so a map can
draw the area or mark it as approximate.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..model import Incident, PlacePrecision
from .incident_json import claim_to_json
from .table import incident_row

__all__ = ["POINT_PRECISIONS", "feature", "geojson_chunks"]

POINT_PRECISIONS = frozenset({PlacePrecision.POINT, PlacePrecision.NEAR, PlacePrecision.LOCALITY})


def feature(inc: Incident) -> dict[str, Any]:
    """One incident as a Feature: its flat row and its claims (as the incident JSON writes them) as
    properties, a Point only when the place is that precise."""
    p = inc.place
    geometry = None
    if p is not None and p.precision in POINT_PRECISIONS and p.lat is not None and p.lon is not None:
        geometry = {"type": "Point", "coordinates": [p.lon, p.lat]}
    properties = {**incident_row(inc), "claims": [claim_to_json(c, m) for m in inc.mentions for c in m.claims]}
    return {"type": "Feature", "id": inc.id, "geometry": geometry, "properties": properties}


def geojson_chunks(incidents: Iterable[Incident]) -> Iterator[str]:
    """The FeatureCollection as text chunks, one feature at a time."""
    yield '{"type": "FeatureCollection", "features": ['
    for n, inc in enumerate(incidents):
        yield ("," if n else "") + "\n" + json.dumps(feature(inc), ensure_ascii=False)
    yield "\n]}\n"
