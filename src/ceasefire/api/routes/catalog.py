"""``/api/v1/sources``, ``/api/v1/actors``: what the filters can name; ``/health``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response

from ... import __version__
from ...database import Database
from ..auth import reader
from ..deps import database
from ..schemas import ERRORS, ActorList, Health, SourceList

router = APIRouter(tags=["catalogue"], dependencies=[Depends(reader)])
health_router = APIRouter(tags=["health"])

Db = Annotated[Database, Depends(database)]


@router.get("/sources", response_model=SourceList, responses=ERRORS)
def list_sources(db: Db) -> Response:
    """Every claimant (with its source type) and every outlet that carried claims, most incidents first."""
    return JSONResponse(jsonable_encoder({"sources": db.sources()}))


@router.get("/actors", response_model=ActorList, responses=ERRORS)
def list_actors(db: Db) -> Response:
    """Every actor of the current incidents, per role, most incidents first."""
    return JSONResponse(jsonable_encoder({"actors": db.actors()}))


@health_router.get("/health", response_model=Health, responses={503: ERRORS[503]})
def health(db: Db) -> Response:
    """The server is up and its store answers: the number of current incidents; with ``watcher``, the state a
    ``ceasefire watch`` beside it left in the store (its lag, pending items and alerts, failing sources)."""
    body = {"status": "ok", "version": __version__, "incidents": db.find_incidents(limit=1).total}
    watcher = db.watcher_health()
    if watcher is not None:
        body["watcher"] = jsonable_encoder(watcher)
    return JSONResponse(body)
