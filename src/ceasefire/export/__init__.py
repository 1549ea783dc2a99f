"""Exports of the incident store, one module per format, registered by name here (``docs/export.md``).

``json`` (the incident JSON of ``shared/spec/interchange.md``), ``csv`` (ceasefire's flat
rows), ``geojson`` (RFC 7946), ``acled-csv`` and ``ucdp-csv`` (the fields' own columns) are
text, written a chunk per incident; ``parquet`` is a directory of four tables. The CLI, the
Python API and the REST API all read :data:`FORMATS` and :func:`text_chunks`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from ..errors import OutputError
from ..model import Incident
from .acled import acled_chunks
from .geojson import geojson_chunks
from .incident_json import SCHEMA, incident_to_json, incidents_document, json_chunks, write_json
from .maps import Countries
from .table import csv_chunks
from .ucdp import ucdp_chunks

__all__ = [
    "SCHEMA",
    "incident_to_json",
    "incidents_document",
    "json_chunks",
    "write_json",
    "write_chunks",
    "text_chunks",
    "FORMATS",
    "TEXT_FORMATS",
    "MEDIA",
]

#: text formats: how each writes its chunks
_CHUNKS: dict[str, Callable[[Iterable[Incident], Countries | None], Iterator[str]]] = {
    "json": lambda incidents, countries: json_chunks(incidents),
    "csv": lambda incidents, countries: csv_chunks(incidents),
    "geojson": lambda incidents, countries: geojson_chunks(incidents),
    "acled-csv": acled_chunks,
    "ucdp-csv": ucdp_chunks,
}
TEXT_FORMATS = tuple(_CHUNKS)
FORMATS = (*TEXT_FORMATS, "parquet")
#: a text format's media type and file name suffix, for downloads
MEDIA: dict[str, tuple[str, str]] = {
    "json": ("application/json", "json"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "geojson": ("application/geo+json", "geojson"),
    "acled-csv": ("text/csv; charset=utf-8", "acled.csv"),
    "ucdp-csv": ("text/csv; charset=utf-8", "ucdp.csv"),
}


def text_chunks(format: str, incidents: Iterable[Incident], countries: Countries | None = None) -> Iterator[str]:
    """The text export ``format`` of ``incidents``, a chunk at a time (``countries`` names the countries
    for the field formats)."""
    return _CHUNKS[format](incidents, countries)


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
