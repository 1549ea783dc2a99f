"""The incident JSON of ``interchange.md``: every field present, ``null`` where unknown.

Fields may be added but never renamed: outside tools read this format.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Mapping, Sequence

from ..errors import OutputError
from ..model import (
    Claim,
    DateResolution,
    Figures,
    Incident,
    IncidentReview,
    IncidentVersion,
    Mention,
    Original,
    Place,
    ReviewMark,
    Statement,
    claim_id,
)

__all__ = [
    "SCHEMA",
    "claim_to_json",
    "date_to_json",
    "incident_to_json",
    "incidents_document",
    "json_chunks",
    "place_to_json",
    "review_to_json",
    "statement_to_json",
    "version_to_json",
    "write_json",
]

SCHEMA = "ceasefire.incidents/1"
_KINDS = ("killed", "wounded")  # always present; other kinds appear when claimed


def _figures(f: Figures | None) -> dict[str, int | None]:
    if f is None:
        return {"low": None, "best": None, "high": None}
    return {"low": f.low, "best": f.best, "high": f.high}


def _original(o: Original | None) -> dict[str, Any] | None:
    return None if o is None else {"report_id": o.article_id, "part": o.part}


def _copies(inc: Incident) -> list[dict[str, Any]]:
    """The incident's reports that carry another report again, once each, in mention order."""
    seen: dict[tuple[str, int], Original] = {}
    for m in inc.mentions:
        if m.copy_of is not None:
            seen.setdefault((m.article_id, m.part), m.copy_of)
    return [{"report_id": rid, "part": part, "copy_of": _original(o)} for (rid, part), o in seen.items()]


def claim_to_json(c: Claim, m: Mention, wrong: Mapping[str, ReviewMark] | None = None) -> dict[str, Any]:
    """A claim; ``id`` is ``<mention key>/<n>``; ``wrong`` says who marked it wrong (``wrong``: the
    incident's claims marked wrong, by id)."""
    cid = claim_id(m.key, next((n for n, x in enumerate(m.claims) if x is c), m.claims.index(c)))
    mark = (wrong or {}).get(cid)
    return {
        "id": cid,
        "kind": c.kind.value,
        "min": c.figure.min,
        "max": c.figure.max,
        "approx": c.figure.approx,
        "victims": c.victims,
        "scope": c.scope,
        "source": c.source.name,
        "source_type": c.source.type.value,
        "source_as_written": c.source.as_written,
        "origin": c.origin,
        "carried_by": c.carried_by,
        "report_id": m.article_id,
        "part": m.part,
        "field": c.evidence.field,
        "quote": c.evidence.quote,
        "start": c.evidence.start,
        "end": c.evidence.end,
        "hedged": c.hedged,
        "copy_of": _original(m.copy_of),
        "wrong": mark_to_json(mark) if mark is not None else None,
    }


def mark_to_json(mark: ReviewMark) -> dict[str, Any]:
    return {"by": mark.by, "at": mark.at.isoformat(), "why": mark.why}


def review_to_json(review: IncidentReview | None) -> dict[str, Any]:
    """What people did to an incident: ``confirmed`` (who, when, why, or null), ``corrections`` (each field
    with the value given and the machine's value), ``wrong`` (the claims marked wrong)."""
    if review is None:
        return {"confirmed": None, "corrections": [], "wrong": []}
    return {
        "confirmed": mark_to_json(review.confirmed) if review.confirmed is not None else None,
        "corrections": [{"field": c.field, "value": c.value, "machine": c.machine, **mark_to_json(c.mark)}
                        for c in review.corrections],
        "wrong": [{"claim": w.claim, **mark_to_json(w.mark)} for w in review.wrong],
    }


def statement_to_json(s: Statement, m: Mention) -> dict[str, Any]:
    return {
        "kind": s.kind.value,
        "about": s.about,
        "source": s.source.name,
        "source_type": s.source.type.value,
        "carried_by": s.carried_by,
        "report_id": m.article_id,
        "part": m.part,
        "field": s.evidence.field,
        "quote": s.evidence.quote,
        "start": s.evidence.start,
        "end": s.evidence.end,
        "hedged": s.hedged,
        "copy_of": _original(m.copy_of),
    }


def date_to_json(d: DateResolution) -> dict[str, Any]:
    """A date range as the incident JSON's ``date``."""
    return {
        "start": d.start.isoformat() if d.start else None,
        "end": d.end.isoformat() if d.end else None,
        "precision": d.precision.value,
        "basis": d.basis,
    }


def place_to_json(p: Place | None) -> dict[str, Any]:
    """A place as the incident JSON's ``location`` (precision ``unknown`` when there is none)."""
    return {
        "name": p.name if p else None,
        "country": p.country if p else None,
        "admin1": p.admin1 if p else None,
        "lat": p.lat if p else None,
        "lon": p.lon if p else None,
        "geonames_id": p.geonames_id if p else None,
        "precision": p.precision.value if p else "unknown",
        "basis": p.basis if p else "no place named",
    }


def incident_to_json(inc: Incident) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": inc.id,
        "event_type": inc.event_type,
        "sub_event_type": inc.sub_event_type,
        "date": date_to_json(inc.date),
        "location": place_to_json(inc.place),
        "actors": [{"name": a.actor.name, "role": a.role, "type": a.actor.type} for a in inc.actors],
    }
    for kind in _KINDS:
        out[kind] = _figures(inc.figures.get(kind))
    for kind in sorted(set(inc.figures) - set(_KINDS)):
        out[kind] = _figures(inc.figures[kind])
    wrong = {w.claim: w.mark for w in inc.review.wrong} if inc.review is not None else {}
    out["claims"] = [claim_to_json(c, m, wrong) for m in inc.mentions for c in m.claims]
    out["statements"] = [statement_to_json(s, m) for m in inc.mentions for s in m.statements]
    out["reports"] = list(inc.article_ids)
    out["copies"] = _copies(inc)
    out["flags"] = [{"type": f.type, "detail": f.detail} for f in inc.flags]
    out["grade"] = inc.grade
    out["policy"] = inc.policy
    out["review"] = review_to_json(inc.review)
    return out


def version_to_json(v: IncidentVersion) -> dict[str, Any]:
    return {
        "version": v.version,
        "recorded_at": v.recorded_at.isoformat() if v.recorded_at else None,
        "cause": v.cause,
        "successors": list(v.successors),
        "kind": v.kind,
        "by": v.by,
        "at": v.recorded_at.isoformat() if v.recorded_at else None,
        "why": v.why,
    }


History = Mapping[str, Sequence[IncidentVersion]]


def incidents_document(incidents: Sequence[Incident], history: History | None = None) -> dict[str, Any]:
    """The export; with ``history`` every incident also carries its versions (oldest first)."""
    out = []
    for inc in incidents:
        d = incident_to_json(inc)
        if history is not None:
            d["history"] = [version_to_json(v) for v in history.get(inc.id, ())]
        out.append(d)
    return {"schema": SCHEMA, "incidents": out}


def json_chunks(incidents: Iterable[Incident]) -> Iterator[str]:
    """The incident JSON document (without history) as text chunks, one incident at a time."""
    yield '{"schema": ' + json.dumps(SCHEMA) + ', "incidents": ['
    for n, inc in enumerate(incidents):
        yield ("," if n else "") + "\n" + json.dumps(incident_to_json(inc), ensure_ascii=False)
    yield "\n]}\n"


def write_json(incidents: Sequence[Incident], out: Path | IO[str], history: History | None = None) -> None:
    doc = incidents_document(incidents, history)
    if isinstance(out, Path):
        try:
            with out.open("w", encoding="utf-8") as fh:
                json.dump(doc, fh, ensure_ascii=False, indent=1)
                fh.write("\n")
        except OSError as exc:  # a missing directory, a directory given, no permission, disk full
            raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from exc
    else:
        json.dump(doc, out, ensure_ascii=False, indent=1)
        out.write("\n")
