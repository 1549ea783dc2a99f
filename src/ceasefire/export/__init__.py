"""Exports of the incident store: the incident JSON of ``shared/spec/interchange.md``, CSV and GeoJSON."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from ..errors import OutputError
from ..model import Incident
from .geojson import geojson_chunks
from .incident_json import SCHEMA, incident_to_json, incidents_document, json_chunks, write_json
from .table import csv_chunks

__all__ = [
    "SCHEMA",
    "incident_to_json",
    "incidents_document",
    "json_chunks",
    "write_json",
    "write_chunks",
    "FORMATS",
    "CHUNKS",
]

FORMATS = ("json", "csv", "geojson")
CHUNKS: dict[str, Callable[[Iterable[Incident]], Iterator[str]]] = {
    "json": json_chunks,
    "csv": csv_chunks,
    "geojson": geojson_chunks,
}


def write_chunks(chunks: Iterable[str], out: Path | IO[str]) -> None:
    """Write text chunks to a file (``OutputError`` when it cannot be written) or an open stream."""
    if not isinstance(out, Path):
        for chunk in chunks:
            out.write(chunk)
        return
    try:
        with out.open("w", encoding="utf-8", newline="") as fh:
            for chunk in chunks:
                fh.write(chunk)
    except OSError as exc:  # a missing directory, a directory given, no permission, disk full
        raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from exc
