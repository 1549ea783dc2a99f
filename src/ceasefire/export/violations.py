"""The violation check's results as JSON and CSV (``docs/agreements.md``, "Output").

Each result is ``{"status", "term", "reason", "accused", "accusers", "denials", "grade",
"incident"}`` plus the fields that make it checkable (``agreement``, ``version``,
``perpetrator``, ``target``, ``acknowledgments``, ``flags``, ``straddles``); ``incident``
is the incident as ``interchange.md`` writes it, and claims and statements are written as
they are there.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import IO, Any, Sequence

from ..errors import OutputError
from ..model import Claim, Incident, Mention, Statement, Violation
from .incident_json import claim_to_json, incident_to_json, statement_to_json

__all__ = ["violation_to_json", "violations_document", "violations_csv", "write_violations", "CSV_COLUMNS",
           "VIOLATION_FORMATS"]

VIOLATION_FORMATS = ("table", "json", "csv")

CSV_COLUMNS = ("incident_id", "version", "date_start", "date_end", "date_precision", "place", "country", "status",
               "term", "accused", "perpetrator", "target", "accusers", "denials", "acknowledgments", "grade",
               "flags", "killed_low", "killed_high", "reason")


def _mention_of(incident: Incident | None, item: Claim | Statement) -> Mention | None:
    for m in incident.mentions if incident is not None else ():
        if item in (m.claims if isinstance(item, Claim) else m.statements):
            return m
    return None


def _claim(c: Claim, incident: Incident | None) -> dict[str, Any]:
    m = _mention_of(incident, c)
    if m is not None:
        return claim_to_json(c, m)
    return {"kind": c.kind.value, "min": c.figure.min, "max": c.figure.max, "source": c.source.name,
            "quote": c.evidence.quote}


def _statement(s: Statement, incident: Incident | None) -> dict[str, Any]:
    m = _mention_of(incident, s)
    if m is not None:
        return statement_to_json(s, m)
    return {"kind": s.kind.value, "source": s.source.name, "quote": s.evidence.quote}


def violation_to_json(v: Violation) -> dict[str, Any]:
    inc = v.incident
    return {
        "agreement": v.agreement_id,
        "status": v.status.value,
        "term": {"ref": v.term.ref, "text": v.term.text} if v.term is not None else None,
        "reason": v.reason,
        "accused": v.accused,
        "perpetrator": v.perpetrator,
        "target": v.target,
        "accusers": [
            {"name": a.name, "source_type": a.type.value, "claims": [_claim(c, inc) for c in a.claims],
             "accusations": [_statement(s, inc) for s in a.accusations]}
            for a in v.accusers
        ],
        "denials": [_statement(s, inc) for s in v.denials],
        "acknowledgments": [_statement(s, inc) for s in v.acknowledgments],
        "grade": v.grade,
        "flags": [{"type": f.type, "detail": f.detail} for f in v.flags],
        "straddles": v.straddles,
        "version": v.version,
        "incident": incident_to_json(inc) if inc is not None else {"id": v.incident_id},
    }


def violations_document(violations: Sequence[Violation]) -> list[dict[str, Any]]:
    return [violation_to_json(v) for v in violations]


def _csv_row(v: Violation) -> dict[str, Any]:
    inc = v.incident
    killed = inc.figures.get("killed") if inc is not None else None
    return {
        "incident_id": v.incident_id,
        "version": v.version,
        "date_start": inc.date.start.isoformat() if inc is not None and inc.date.start else "",
        "date_end": inc.date.end.isoformat() if inc is not None and inc.date.end else "",
        "date_precision": inc.date.precision.value if inc is not None else "",
        "place": inc.place.name if inc is not None and inc.place is not None else "",
        "country": (inc.place.country or "") if inc is not None and inc.place is not None else "",
        "status": v.status.value,
        "term": v.term.ref if v.term is not None else "",
        "accused": v.accused or "",
        "perpetrator": v.perpetrator or "",
        "target": v.target or "",
        "accusers": "; ".join(a.name for a in v.accusers),
        "denials": "; ".join(dict.fromkeys(s.source.name for s in v.denials)),
        "acknowledgments": "; ".join(dict.fromkeys(s.source.name for s in v.acknowledgments)),
        "grade": v.grade,
        "flags": "; ".join(f.type for f in v.flags),
        "killed_low": "" if killed is None or killed.low is None else killed.low,
        "killed_high": "" if killed is None or killed.high is None else killed.high,
        "reason": v.reason,
    }


def violations_csv(violations: Sequence[Violation]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for v in violations:
        writer.writerow(_csv_row(v))
    return out.getvalue()


def write_violations(violations: Sequence[Violation], out: Path | IO[str], *, format: str = "json") -> None:
    """Write ``violations`` as ``json`` (a list) or ``csv`` to a path or an open text stream."""
    if format == "json":
        text = json.dumps(violations_document(violations), ensure_ascii=False, indent=1) + "\n"
    elif format == "csv":
        text = violations_csv(violations)
    else:
        raise OutputError(f"cannot write violations as {format!r}; choose json or csv")
    if isinstance(out, Path):
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from exc
    else:
        out.write(text)
