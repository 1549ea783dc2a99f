"""``/api/v1/agreements``: the stored ceasefire agreements and the violation check's results."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse, Response

from ...database import Database
from ...errors import InvalidParameter
from ...model import ViolationStatus
from ..auth import reader
from ..deps import database
from ..params import checked_id
from ..schemas import ERRORS, AgreementList, AgreementView, ViolationList
from ..views import agreement_item, violation_item

router = APIRouter(tags=["agreements"], dependencies=[Depends(reader)])

Db = Annotated[Database, Depends(database)]


@router.get("/agreements", response_model=AgreementList, responses=ERRORS)
def list_agreements(db: Db) -> Response:
    """Every stored agreement: terms, parties, area, dates."""
    return JSONResponse({"agreements": [agreement_item(a) for a in db.agreements()]})


@router.get("/agreements/{agreement_id}", response_model=AgreementView, responses=ERRORS)
def get_agreement(agreement_id: str, db: Db) -> Response:
    """One agreement: terms, parties, area, dates, exemptions."""
    return JSONResponse(agreement_item(db.agreement(checked_id("agreement_id", agreement_id))))


@router.get("/agreements/{agreement_id}/violations", response_model=ViolationList, responses=ERRORS)
def list_violations(
    agreement_id: str,
    db: Db,
    status: Annotated[list[ViolationStatus] | None, Query(
        description="Statuses to list (any of several); default possible_violation.")] = None,
    from_: Annotated[date | None, Query(alias="from", description="Incidents on or after this day (overlap).")] = None,
    to: Annotated[date | None, Query(description="Incidents on or before this day (overlap).")] = None,
) -> Response:
    """The incidents judged against the agreement (by default the possible violations), each with its term,
    reason, accused, accusers and the incident, by date."""
    agreement_id = checked_id("agreement_id", agreement_id)
    if from_ is not None and to is not None and from_ > to:
        raise InvalidParameter("from", f"{from_} is after to={to}")
    statuses = sorted({s.value for s in status or [ViolationStatus.POSSIBLE_VIOLATION]})
    found = db.violations(agreement_id, since=from_, until=to, statuses=statuses)
    return JSONResponse({"agreement": agreement_id, "statuses": statuses, "total": len(found),
                         "violations": [violation_item(v) for v in found]})
