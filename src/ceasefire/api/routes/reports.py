"""``/api/v1/reports/{key}``: one report, its text and every claim and mention span in it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse, Response

from ...database import Database
from ..auth import reader
from ..deps import database
from ..params import checked_id
from ..schemas import ERRORS, ReportView
from ..views import report_view

router = APIRouter(tags=["reports"], dependencies=[Depends(reader)])


@router.get("/reports/{key}", response_model=ReportView, responses=ERRORS)
def get_report(key: str, db: Annotated[Database, Depends(database)]) -> Response:
    """A report by its key (``<document sha256>#<part>``, URL-encoded: ``%23``), as every ``href`` gives it."""
    key = checked_id("key", key)
    report = db.report(key)
    mentions = db.report_mentions(key)
    incidents = db.incident_ids_of([m.key for m in mentions])
    return JSONResponse(report_view(report, mentions, incidents))
