"""The query parameters of ``GET /api/v1/incidents``, checked and turned into an ``IncidentFilter``.

A parameter that FastAPI cannot read (a bad date, a limit out of range) and one
checked here (a bounding box, a country code, a reversed date range, control
characters) both answer 422 naming the parameter.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Annotated

from fastapi import Depends, Query

from ..database import Database
from ..errors import InvalidParameter
from ..model import SORT_KEYS, IncidentFilter, IncidentOrder, ViolationStatus
from . import cursor as cursors
from .deps import database

__all__ = [
    "IncidentQuery",
    "incident_filter",
    "incident_query",
    "MAX_LIMIT",
    "DEFAULT_LIMIT",
    "Sort",
    "Format",
    "checked_id",
]

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
MAX_TEXT = 200



class Sort(str, Enum):
    """A sort key (:data:`ceasefire.model.SORT_KEYS`); a leading '-' sorts descending."""

    date = "date"
    desc_date = "-date"
    killed = "killed"
    desc_killed = "-killed"
    wounded = "wounded"
    desc_wounded = "-wounded"
    reports = "reports"
    desc_reports = "-reports"
    sources = "sources"
    desc_sources = "-sources"
    id = "id"
    desc_id = "-id"


assert {s.value.lstrip("-") for s in Sort} == set(SORT_KEYS)


class Format(str, Enum):
    json = "json"
    geojson = "geojson"
    csv = "csv"


@dataclass(frozen=True)
class IncidentQuery:
    where: IncidentFilter
    order: IncidentOrder
    sort: str
    limit: int
    format: Format | None


def _text(name: str, value: str) -> str:
    if len(value) > MAX_TEXT:
        raise InvalidParameter(name, f"longer than {MAX_TEXT} characters")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise InvalidParameter(name, "holds control characters")
    return value.strip()


def _texts(name: str, values: list[str] | None) -> tuple[str, ...]:
    return tuple(sorted({v for v in (_text(name, x) for x in values or ()) if v}))


def checked_id(name: str, value: str) -> str:
    """A path id: no control characters, not empty (else 404-worthy ``InvalidParameter``)."""
    return _text(name, value)


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    parts = value.split(",")
    if len(parts) != 4:
        raise InvalidParameter("bbox", "give four numbers: minlon,minlat,maxlon,maxlat")
    try:
        min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
    except ValueError:
        raise InvalidParameter("bbox", "give four numbers: minlon,minlat,maxlon,maxlat") from None
    if not all(math.isfinite(x) for x in (min_lon, min_lat, max_lon, max_lat)):
        raise InvalidParameter("bbox", "the numbers must be finite")
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise InvalidParameter("bbox", "longitudes must lie in [-180, 180]")
    if not (-90 <= min_lat <= max_lat <= 90):
        raise InvalidParameter("bbox", "latitudes must lie in [-90, 90], minlat <= maxlat")
    return (min_lon, min_lat, max_lon, max_lat)


def _countries(values: list[str] | None) -> tuple[str, ...]:
    codes = _texts("country", values)
    for code in codes:
        if len(code) != 2 or not code.isascii() or not code.isalpha():
            raise InvalidParameter("country", f"{code!r} is not an ISO 3166-1 alpha-2 code (e.g. SY)")
    return tuple(sorted({c.upper() for c in codes}))


def incident_filter(
    from_: Annotated[date | None, Query(alias="from", description="Incidents on or after this day (overlap).")] = None,
    to: Annotated[date | None, Query(description="Incidents on or before this day (overlap).")] = None,
    bbox: Annotated[str | None, Query(description="minlon,minlat,maxlon,maxlat (WGS84 degrees).")] = None,
    country: Annotated[list[str] | None, Query(description="ISO 3166-1 alpha-2 code (any of several).")] = None,
    admin1: Annotated[list[str] | None, Query(description="First-level region name (any of several).")] = None,
    type: Annotated[list[str] | None, Query(description="Event or sub-event type (any of several).")] = None,
    actor: Annotated[list[str] | None, Query(description="An actor's name (any of several).")] = None,
    source: Annotated[list[str] | None, Query(description="A claimant or carrying outlet (any of several).")] = None,
    grade: Annotated[list[str] | None, Query(description="confirmed, fair, weak, contested, single_source.")] = None,
    flag: Annotated[list[str] | None, Query(description="A flag type, e.g. count_disagreement.")] = None,
    q: Annotated[str | None, Query(description="Text in claims' sentences, sources, victims, report titles.")] = None,
    agreement: Annotated[str | None, Query(max_length=200,
                                           description="Incidents judged against this agreement (its id).")] = None,
    status: Annotated[list[ViolationStatus] | None, Query(
        description="With agreement: the judgement's status (any of several).")] = None,
    db: Annotated[Database, Depends(database)] = None,  # type: ignore[assignment]  # always given by FastAPI
) -> IncidentFilter:
    """Read and check the filter parameters (``/incidents``, ``/timeline``)."""
    if from_ is not None and to is not None and from_ > to:
        raise InvalidParameter("from", f"{from_} is after to={to}")
    if status and agreement is None:
        raise InvalidParameter("status", "give the agreement too (agreement=ID)")
    if agreement is not None:
        agreement = _text("agreement", agreement)
        if agreement not in {a.id for a in db.agreements()}:
            raise InvalidParameter("agreement", f"no agreement {agreement!r} (see /api/v1/agreements)")
    return IncidentFilter(
        since=from_,
        until=to,
        bbox=_bbox(bbox),
        countries=_countries(country),
        admin1=_texts("admin1", admin1),
        types=_texts("type", type),
        actors=_texts("actor", actor),
        sources=_texts("source", source),
        grades=_texts("grade", grade),
        flags=_texts("flag", flag),
        text=_text("q", q) or None if q is not None else None,
        agreement=agreement,
        statuses=tuple(sorted({x.value for x in status or ()})),
    )


def incident_query(
    where: Annotated[IncidentFilter, Depends(incident_filter)],
    sort: Annotated[Sort, Query(description="Sort key; '-' for descending. Ties: id ascending.")] = Sort.desc_date,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Incidents per page.")] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=1000, description="next_cursor of the previous page.")] = None,
    format: Annotated[Format | None, Query(description="Export every match: json, geojson or csv.")] = None,
) -> IncidentQuery:
    """Read and check the incident search parameters: the filter, sort, page and format."""
    sort_text = str(sort.value)
    key, descending = sort_text.lstrip("-"), sort_text.startswith("-")
    after = None
    if cursor is not None:
        after = cursors.decode(cursor, key, cursors.digest(where, sort_text))
    order = IncidentOrder(key, descending, after)
    return IncidentQuery(where, order, sort_text, limit, format)
