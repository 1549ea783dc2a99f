"""``/api/v1/incidents``: the search (pages or exports of the whole filter), one incident, its history;
``/api/v1/timeline``: the same filter counted per day."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response, StreamingResponse

from ...database import Database
from ...errors import NotFound
from ...export import MEDIA, text_chunks
from ...model import Incident, IncidentFilter, IncidentOrder
from .. import cursor as cursors
from ..auth import reader
from ..deps import database
from ..errors import error_response
from ..params import MAX_LIMIT, IncidentQuery, checked_id, incident_filter, incident_query
from ..schemas import ERRORS, IncidentDetail, IncidentHistory, IncidentList, IncidentsDocument, Timeline
from ..views import incident_detail, incident_item, version_item

router = APIRouter(tags=["incidents"], dependencies=[Depends(reader)])

Db = Annotated[Database, Depends(database)]


def _export(db: Database, query: IncidentQuery) -> Response:
    assert query.format is not None
    media, suffix = MEDIA[query.format.value]
    order = IncidentOrder(query.order.key, query.order.descending)  # every match: cursor and limit are ignored
    first = db.find_incidents(query.where, order, limit=MAX_LIMIT)  # errors surface before the answer starts

    def rest() -> Iterator[Incident]:
        if first.after is not None:
            yield from db.each_incident(
                query.where, IncidentOrder(order.key, order.descending, first.after), page=MAX_LIMIT
            )

    body = text_chunks(query.format.value, chain(first.incidents, rest()), db.countries())
    headers = {"content-disposition": f'attachment; filename="incidents.{suffix}"'}
    return StreamingResponse((c.encode("utf-8") for c in body), media_type=media, headers=headers)


@router.get(
    "/incidents",
    response_model=IncidentList | IncidentsDocument,
    responses={**ERRORS, 200: {"content": {"application/geo+json": {}, "text/csv": {}}}},
)
def list_incidents(request: Request, db: Db, query: Annotated[IncidentQuery, Depends(incident_query)]) -> Response:
    """Incidents matching the filters, a page at a time; with ``format``, every match as one download."""
    if query.format is not None:
        return _export(db, query)
    page = db.find_incidents(query.where, query.order, limit=query.limit)
    next_cursor = None
    links: dict[str, Any] = {"next": None}
    if page.after is not None:
        next_cursor = cursors.encode(page.after, cursors.digest(query.where, query.sort))
        links["next"] = str(request.url.include_query_params(cursor=next_cursor).remove_query_params("format"))
    body = {
        "incidents": [incident_item(i) for i in page.incidents],
        "total": page.total,
        "limit": query.limit,
        "sort": query.sort,
        "next_cursor": next_cursor,
        "links": links,
    }
    return JSONResponse(body)


@router.get("/timeline", response_model=Timeline, responses=ERRORS)
def timeline(db: Db, where: Annotated[IncidentFilter, Depends(incident_filter)]) -> Response:
    """The incidents matching the filters, counted per start day and event type, killed figures added up."""
    return JSONResponse(jsonable_encoder({"days": db.timeline(where)}))


@router.get("/incidents/{incident_id}", response_model=IncidentDetail, responses=ERRORS)
def get_incident(incident_id: str, db: Db) -> Response:
    """One incident: claims, mentions with their sentences, reports, flags, grade and history.

    An id merged into another incident or split is a 404 naming its ``successors``.
    """
    incident_id = checked_id("incident_id", incident_id)
    try:
        inc = db.incident(incident_id)
    except NotFound as exc:
        successors = db.successors(incident_id)
        if not successors:
            raise
        return error_response(404, "not_found", str(exc), successors=list(successors))
    return JSONResponse(incident_detail(db, inc))


@router.get("/incidents/{incident_id}/history", response_model=IncidentHistory, responses=ERRORS)
def get_history(incident_id: str, db: Db) -> Response:
    """Every version of an incident, oldest first, also for an id that is no longer current."""
    incident_id = checked_id("incident_id", incident_id)
    versions = db.history(incident_id)  # also a unique prefix of a current id; NotFound otherwise
    return JSONResponse({"id": versions[0].incident_id, "history": [version_item(v) for v in versions]})
