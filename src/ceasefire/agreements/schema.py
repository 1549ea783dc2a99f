"""The agreement file's schema (pydantic v2): what each field may hold, checked before anything is stored.

The models mirror ``docs/agreements.md``; :func:`ceasefire.agreements.load.parse_agreement`
validates a file against them and turns the result into the model types
(:class:`~ceasefire.model.Agreement` and its parts). Checks that need the actor registry
or the ACLED taxonomy are made there, where those are known.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = ["AgreementFile", "AreaFile", "PartyFile", "TermFile", "ExceptionFile", "Polygon", "when"]

_ID = r"^[a-z0-9][a-z0-9._-]*$"
_COUNTRY = re.compile(r"^[A-Z]{2}$")


def when(value: Any) -> date | datetime:
    """A date ("2016-09-12") or a datetime with its time zone ("2016-09-12T19:00:00+03:00")."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        return value
    elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return date.fromisoformat(value.strip())
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"{value!r} is not a date (YYYY-MM-DD) or a datetime with a time zone") from None
    else:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD) or a datetime with a time zone")
    if moment.tzinfo is None:
        raise ValueError(f"{value!r} has a time but no time zone (add one: +03:00, Z)")
    return moment


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Polygon(_Strict):
    """A GeoJSON Polygon: one closed ring of at least four ``[lon, lat]`` positions (holes are not used)."""

    type: Literal["Polygon"]
    coordinates: list[list[list[float]]] = Field(min_length=1)

    @field_validator("coordinates")
    @classmethod
    def _ring(cls, rings: list[list[list[float]]]) -> list[list[list[float]]]:
        for ring in rings:
            if len(ring) < 4:
                raise ValueError(f"a ring needs at least 4 positions, this one has {len(ring)}")
            for point in ring:
                if len(point) != 2:
                    raise ValueError(f"position {point} is not [lon, lat]")
                lon, lat = point
                if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                    raise ValueError(f"position {point} is not [lon, lat] in degrees")
            if ring[0] != ring[-1]:
                raise ValueError(f"the ring is not closed: it starts at {ring[0]} and ends at {ring[-1]}")
        return rings


class AreaFile(_Strict):
    countries: list[str] = []
    admin1: list[str | int] = []
    polygon: Polygon | None = None

    @field_validator("countries")
    @classmethod
    def _iso(cls, codes: list[str]) -> list[str]:
        for code in codes:
            if not _COUNTRY.match(code):
                raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code (SY, UA, ...)")
        return codes


class PartyFile(_Strict):
    name: str = Field(min_length=1)
    actor: str = Field(min_length=1)
    forces: list[str] = []
    allies: list[str] = []


class ProhibitsFile(_Strict):
    event_types: list[str] = []
    sub_event_types: list[str] = []

    @model_validator(mode="after")
    def _some(self) -> "ProhibitsFile":
        if not self.event_types and not self.sub_event_types:
            raise ValueError("a term prohibits at least one event type or sub-event type")
        return self


class TermFile(_Strict):
    ref: str = Field(min_length=1)
    text: str = Field(min_length=1)
    parties: list[str] = []
    prohibits: ProhibitsFile


class ExceptionFile(_Strict):
    ref: str = Field(min_length=1)
    text: str = Field(min_length=1)
    targets: list[str] = []
    area: AreaFile | None = None

    @model_validator(mode="after")
    def _some(self) -> "ExceptionFile":
        if not self.targets and self.area is None:
            raise ValueError("an exception names its targets or its area")
        return self


class AgreementFile(_Strict):
    id: str = Field(pattern=_ID)
    name: str = Field(min_length=1)
    source: str = ""
    start: date | datetime
    end: date | datetime | None = None
    area: AreaFile
    parties: list[PartyFile] = Field(min_length=1)
    excluded: list[str] = []
    terms: list[TermFile] = Field(min_length=1)
    exceptions: list[ExceptionFile] = []

    @field_validator("start", "end", mode="before")
    @classmethod
    def _when(cls, value: Any) -> Any:
        return None if value is None else when(value)
