"""The core of ``ceasefire geocode``: JSONL records with toponym spans in, the same records with places out.

Pure apart from the gazetteer passed in: each line is a dict ``{"id", "text",
"toponyms": [{"start", "end", "name"}]}``; every toponym gets ``lat``, ``lon``,
``geonames_id``, ``country``, ``admin1``, ``precision`` (and ``place``, the
gazetteer name, and ``basis``), resolved in the context of the article's other
toponyms. Unresolved toponyms get nulls and precision ``unknown``.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator

from ..model import Evidence, Place, PlacePrecision, Toponym
from .document import resolve_document
from .gazetteer import Gazetteer
from .qualifiers import container, qualifier

__all__ = ["geocode_lines", "Finder"]

Finder = Callable[[str], list[tuple[int, int, str]]]


def _toponyms(line: dict[str, Any], find: Finder | None) -> list[dict[str, Any]]:
    given = line.get("toponyms")
    if given:
        return [dict(t) for t in given]
    if find is None:
        return []
    return [{"start": a, "end": b, "name": name} for a, b, name in find(str(line.get("text") or ""))]


def _filled(span: dict[str, Any], place: Place | None) -> dict[str, Any]:
    if place is None:
        return {**span, "lat": None, "lon": None, "geonames_id": None, "country": None, "admin1": None,
                "place": None, "precision": PlacePrecision.UNKNOWN.value, "basis": "not in the gazetteer"}
    return {**span, "lat": place.lat, "lon": place.lon, "geonames_id": place.geonames_id, "country": place.country,
            "admin1": place.admin1, "place": place.name, "precision": place.precision.value, "basis": place.basis}


def geocode_lines(lines: Iterable[dict[str, Any]], gazetteer: Gazetteer, *,
                  find: Finder | None = None) -> Iterator[dict[str, Any]]:
    """Fill each toponym of each line with its place (see the module docstring).

    A line without ``toponyms`` (missing or empty) has them found first with
    ``find(text) -> [(start, end, name)]`` when ``find`` is given; otherwise it
    is passed through with ``"toponyms": []``. A toponym without ``name`` takes
    ``text[start:end]``. Other fields of the line and of each toponym are kept.
    """
    for line in lines:
        text = str(line.get("text") or "")
        spans = _toponyms(line, find)
        toponyms = []
        for span in spans:
            start, end = int(span["start"]), int(span["end"])
            name = str(span.get("name") or text[start:end])
            span["name"] = name
            toponyms.append(Toponym(name, Evidence("text", start, end, name), qualifier(text, start, end),
                                    container(text, start, end)))
        places = resolve_document(toponyms, gazetteer)
        yield {**line, "toponyms": [_filled(s, p) for s, p in zip(spans, places, strict=True)]}
