"""The shapes of the API's answers, for the OpenAPI schema (``/openapi.json``).

The catalogues, the timeline and the watcher's health are the model's own records
(``SourceSummary``, ``ActorSummary``, ``DayCount``, ``WatcherHealth``), field for field.

Lists and the error body are described field by field; an incident is the incident
JSON of ``interchange.md`` (described in prose there and in ``docs/api.md``), so it
is an open object here.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..model import ActorSummary, DayCount, SourceSummary, WatcherHealth

__all__ = [
    "ERRORS",
    "ErrorBody",
    "ErrorResponse",
    "IncidentList",
    "IncidentsDocument",
    "IncidentDetail",
    "IncidentHistory",
    "ReportView",
    "SourceList",
    "ActorList",
    "Timeline",
    "Health",
    "WRITE_ERRORS",
    "AgreementList",
    "AgreementView",
    "ViolationList",
    "ConfirmBody",
    "CorrectionBody",
    "MergeBody",
    "SplitBody",
    "WrongBody",
]


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ParameterProblem(BaseModel):
    name: str
    message: str
    model_config = ConfigDict(extra="allow")


class ErrorBody(_Open):
    code: str
    message: str
    parameters: list[ParameterProblem] | None = None
    successors: list[str] | None = None


class ErrorResponse(BaseModel):
    error: ErrorBody


ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "No such record"},
    422: {"model": ErrorResponse, "description": "A parameter is invalid (named in error.parameters)"},
    503: {"model": ErrorResponse, "description": "The store cannot be reached"},
}


WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "The body is not JSON"},
    401: {"model": ErrorResponse, "description": "No token, or not a valid one ('Authorization: Bearer <token>')"},
    403: {"model": ErrorResponse, "description": "A revoked token, or a role that may not do this"},
    **ERRORS,
}


class Links(BaseModel):
    next: str | None


class IncidentList(BaseModel):
    incidents: list[dict[str, Any]]
    total: int
    limit: int
    sort: str
    next_cursor: str | None
    links: Links


class IncidentsDocument(BaseModel):
    """The incident JSON document of interchange.md (``?format=json``)."""

    model_config = ConfigDict(populate_by_name=True)
    schema_: str = Field(alias="schema")
    incidents: list[dict[str, Any]]


class IncidentDetail(_Open):
    id: str
    href: str
    claims: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    report_details: list[dict[str, Any]]
    history: list[dict[str, Any]]
    flags: list[dict[str, Any]]
    grade: str


class IncidentHistory(BaseModel):
    id: str
    history: list[dict[str, Any]]


class ReportView(_Open):
    key: str
    report_id: str
    part: int
    text: str
    title: str | None
    mentions: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    statements: list[dict[str, Any]]


class SourceList(BaseModel):
    sources: list[SourceSummary]


class ActorList(BaseModel):
    actors: list[ActorSummary]


class Timeline(BaseModel):
    days: list[DayCount]


class Health(BaseModel):
    status: str
    version: str
    incidents: int


class AgreementView(_Open):
    """An agreement as its file states it (``docs/agreements.md``) and its links."""

    id: str
    name: str
    href: str
    violations: str
    start: str
    end: str | None
    area: dict[str, Any]
    parties: list[dict[str, Any]]
    terms: list[dict[str, Any]]


class AgreementList(BaseModel):
    agreements: list[AgreementView]


class ViolationList(BaseModel):
    agreement: str
    statuses: list[str]
    total: int
    violations: list[dict[str, Any]]


_REASON = Field("", max_length=2000, description="Why: kept with the new version (who and when are added).")


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ConfirmBody(_Body):
    reason: str = _REASON


class CorrectionBody(_Body):
    field: Literal["killed", "wounded", "date", "place", "event_type", "actor"]
    value: Any = Field(description="killed/wounded {low, best, high}; date {start, end}; place a name or "
                       "{name, lat, lon, country, admin1}; event_type an ACLED (sub-)event type or {event_type, "
                       "sub_event_type}; actor a name or {name, role, type}")
    reason: str = _REASON


class MergeBody(_Body):
    ids: list[str] = Field(min_length=2, max_length=50, description="The incidents to merge (ids or unique prefixes).")
    reason: str = _REASON


class SplitBody(_Body):
    mentions: list[str] = Field(min_length=1, max_length=1000,
                                description="Keys of the mentions that become an incident of their own.")
    reason: str = _REASON


class WrongBody(_Body):
    reason: str = _REASON

    watcher: WatcherHealth | None = Field(
        None, description="present when a `ceasefire watch` has polled sources into this store (docs/watch.md)")
