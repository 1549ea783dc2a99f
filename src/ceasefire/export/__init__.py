"""Exports of the incident store (the interchange formats of ``shared/spec/interchange.md``)."""

from .incident_json import SCHEMA, incident_to_json, incidents_document, json_chunks, write_json

__all__ = ["SCHEMA", "incident_to_json", "incidents_document", "json_chunks", "write_json", "FORMATS"]

FORMATS = ("json",)
