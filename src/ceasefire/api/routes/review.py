"""The write routes of review (docs/api.md, "Writing"): confirm, correct, merge, split, mark a claim wrong.

Each needs ``Authorization: Bearer <token>`` of an editor or admin (``auth.editor``), is one
call into ``db.review`` (which writes the action, the new versions and the violation check
in one transaction), and answers the incident as ``GET /api/v1/incidents/{id}`` does.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse, Response

from ...database import Database
from ...model import User
from ..auth import editor
from ..deps import database
from ..params import checked_id
from ..schemas import WRITE_ERRORS, ConfirmBody, CorrectionBody, IncidentDetail, MergeBody, SplitBody, WrongBody
from ..views import incident_detail

router = APIRouter(tags=["review"])

Db = Annotated[Database, Depends(database)]
Editor = Annotated[User, Depends(editor)]


@router.post("/incidents/{incident_id}/confirm", response_model=IncidentDetail, responses=WRITE_ERRORS)
def confirm(incident_id: str, body: ConfirmBody, user: Editor, db: Db) -> Response:
    """Confirm an incident as it stands; a new version (who, when, why)."""
    inc = db.review.confirm(checked_id("incident_id", incident_id), by=user.name, why=body.reason)
    return JSONResponse(incident_detail(db, inc))


@router.post("/incidents/{incident_id}/corrections", response_model=IncidentDetail, responses=WRITE_ERRORS)
def correct(incident_id: str, body: CorrectionBody, user: Editor, db: Db) -> Response:
    """Correct a figure, the date, the place, the type or an actor; the machine's value stays visible."""
    inc = db.review.correct(checked_id("incident_id", incident_id), body.field, body.value, by=user.name,
                            why=body.reason)
    return JSONResponse(incident_detail(db, inc))


@router.post("/incidents/merge", response_model=IncidentDetail, responses=WRITE_ERRORS)
def merge(body: MergeBody, user: Editor, db: Db) -> Response:
    """Merge incidents into one; later machine merging keeps them together."""
    ids = [checked_id("ids", i) for i in body.ids]
    return JSONResponse(incident_detail(db, db.review.merge(ids, by=user.name, why=body.reason)))


@router.post("/incidents/{incident_id}/split", response_model=IncidentDetail, responses=WRITE_ERRORS)
def split(incident_id: str, body: SplitBody, user: Editor, db: Db) -> Response:
    """Split mentions off an incident into one of their own; later machine merging keeps them apart."""
    inc = db.review.split(checked_id("incident_id", incident_id), body.mentions, by=user.name, why=body.reason)
    return JSONResponse(incident_detail(db, inc))


@router.post("/claims/{claim_id:path}/wrong", response_model=IncidentDetail, responses=WRITE_ERRORS)
def mark_wrong(claim_id: str, body: WrongBody, user: Editor, db: Db) -> Response:
    """Mark a claim wrong (its ``id`` in the incident JSON): kept visible, left out of ranges and flags."""
    inc = db.review.mark_wrong(checked_id("claim_id", claim_id), by=user.name, why=body.reason)
    return JSONResponse(incident_detail(db, inc))
