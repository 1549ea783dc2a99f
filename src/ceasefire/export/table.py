"""Incidents as flat rows: the CSV export and the properties of the GeoJSON export (``docs/export.md``).

One row per incident; the columns are :data:`COLUMNS`, documented in ``docs/export.md``.
Lists (flags, actors, report ids) are joined with ``"; "``. Text cells that a
spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or
a carriage return) get a leading ``'``: article text is attacker-controlled.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from ..model import Incident
from .incident_json import date_to_json, place_to_json

__all__ = ["COLUMNS", "FORMULA_STARTS", "incident_row", "csv_chunks", "csv_rows", "safe_cell"]

COLUMNS = (
    "id",
    "event_type",
    "sub_event_type",
    "date_start",
    "date_end",
    "date_precision",
    "place",
    "country",
    "admin1",
    "lat",
    "lon",
    "location_precision",
    "killed_low",
    "killed_best",
    "killed_high",
    "wounded_low",
    "wounded_best",
    "wounded_high",
    "grade",
    "flags",
    "actors",
    "n_reports",
    "n_claims",
    "reports",
    "policy",
)

#: what a spreadsheet reads as the start of a formula: a text cell starting so gets a leading "'"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def incident_row(inc: Incident) -> dict[str, Any]:
    """The incident as one flat row of :data:`COLUMNS` (``None`` where unknown)."""
    d, p = date_to_json(inc.date), place_to_json(inc.place)
    row: dict[str, Any] = {
        "id": inc.id,
        "event_type": inc.event_type,
        "sub_event_type": inc.sub_event_type,
        "date_start": d["start"],
        "date_end": d["end"],
        "date_precision": d["precision"],
        "place": p["name"],
        **{k: p[k] for k in ("country", "admin1", "lat", "lon")},
        "location_precision": p["precision"],
    }
    for kind in ("killed", "wounded"):
        f = inc.figures.get(kind)
        for part in ("low", "best", "high"):
            row[f"{kind}_{part}"] = getattr(f, part) if f else None
    row.update(
        grade=inc.grade,
        flags="; ".join(f.type for f in inc.flags),
        actors="; ".join(f"{a.actor.name} ({a.role})" for a in inc.actors),
        n_reports=len({m.report_key for m in inc.mentions}),
        n_claims=len(inc.claims),
        reports="; ".join(inc.article_ids),
        policy=inc.policy,
    )
    return row


def safe_cell(value: Any) -> Any:
    """A CSV cell: ``None`` empty, text that a spreadsheet would take for a formula behind a ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def csv_rows(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """A CSV text (header, then one line per row, CRLF line ends), a line at a time, every cell made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    yield buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([safe_cell(row[c]) for c in columns])
        yield buffer.getvalue()


def csv_chunks(incidents: Iterable[Incident]) -> Iterator[str]:
    """The CSV export, a header line and then one line per incident, as text chunks."""
    return csv_rows(COLUMNS, (incident_row(inc) for inc in incidents))
