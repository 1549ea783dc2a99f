"""The shapes of the API's answers, for the OpenAPI schema (``/openapi.json``).

The catalogues, the timeline and the watcher's health are the model's own records
(``SourceSummary``, ``ActorSummary``, ``DayCount``, ``WatcherHealth``), field for field.

Lists and the error body are described field by field; an incident is the incident
JSON of ``interchange.md`` (described in prose there and in ``docs/api.md``), so it
is an open object here.
"""

from __future__ import annotations

from typing import Any

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
    watcher: WatcherHealth | None = Field(
        None, description="present when a `ceasefire watch` has polled sources into this store (docs/watch.md)")
