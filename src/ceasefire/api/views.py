"""The JSON of the API's answers, built from the model and the incident JSON of ``interchange.md``.

Field names are those of ``export/incident_json.py``; what the API adds is listed in
``docs/api.md``: ``href`` links, an incident's ``mentions`` (trigger and sentence),
``report_details``, ``history``; a report's text with every claim and mention span.
"""

from __future__ import annotations

import dataclasses
from typing import Any
from urllib.parse import quote

from fastapi.encoders import jsonable_encoder

from ..database import Database
from ..export import incident_to_json
from ..export.evidence import sentence_span
from ..export.incident_json import (
    claim_to_json,
    date_to_json,
    place_to_json,
    statement_to_json,
    version_to_json,
)
from ..export.violations import violation_to_json
from ..model import (
    Agreement,
    Evidence,
    Incident,
    IncidentVersion,
    Mention,
    Original,
    Report,
    Violation,
)

__all__ = [
    "PREFIX",
    "incident_href",
    "report_href",
    "incident_item",
    "incident_detail",
    "version_item",
    "report_view",
    "agreement_item",
    "verdict_item",
    "violation_item",
]

PREFIX = "/api/v1"
_HEAD_ONLY = ("claims", "statements", "reports", "copies")  # empty in a version's incident: it has no mentions


def incident_href(incident_id: str) -> str:
    return f"{PREFIX}/incidents/{quote(incident_id, safe='')}"


def report_href(key: str) -> str:
    return f"{PREFIX}/reports/{quote(key, safe='')}"


def _span(ev: Evidence) -> dict[str, Any]:
    return {"field": ev.field, "start": ev.start, "end": ev.end, "quote": ev.quote}


def _original(o: Original | None) -> dict[str, Any] | None:
    return None if o is None else {"report_id": o.article_id, "part": o.part, "key": o.report_key}


def incident_item(inc: Incident) -> dict[str, Any]:
    """An incident in a list: the incident JSON and its link."""
    return {**incident_to_json(inc), "href": incident_href(inc.id)}


def mention_item(m: Mention, report: Report | None, incident_id: str | None) -> dict[str, Any]:
    """A mention: its trigger, the sentence around it (when its report is at hand) and its incident."""
    sentence = None
    if report is not None:
        text = report.article.field_text(m.trigger.field)
        start, end = sentence_span(text, m.trigger.start, m.trigger.end)
        sentence = {"field": m.trigger.field, "start": start, "end": end, "quote": text[start:end]}
    return {
        "key": m.key,
        "report_id": m.article_id,
        "part": m.part,
        "report": report_href(m.report_key),
        "event_type": m.event_type,
        "sub_event_type": m.sub_event_type,
        "date": date_to_json(m.date),
        "location": place_to_json(m.place),
        "trigger": _span(m.trigger),
        "sentence": sentence,
        "claims": len(m.claims),
        "incident": None if incident_id is None else incident_href(incident_id),
        "incident_id": incident_id,
        "copy_of": _original(m.copy_of),
    }


def report_item(r: Report) -> dict[str, Any]:
    """A report's facts without its text."""
    a = r.article
    return {
        "key": r.key,
        "report_id": a.id,
        "part": r.part,
        "href": report_href(r.key),
        "title": a.title,
        "outlet": r.outlet or a.outlet,
        "url": a.url,
        "publication_date": a.publication_date.isoformat() if a.publication_date else None,
        "published": r.published.isoformat() if r.published else None,
        "dateline": r.dateline.isoformat() if r.dateline else None,
        "byline": r.byline,
        "copy_of": _original(r.copy_of),
    }


def version_item(v: IncidentVersion) -> dict[str, Any]:
    """A version: the export's fields, the mentions it added and removed, and what the incident became."""
    became = None
    if v.incident is not None:
        became = {k: x for k, x in incident_to_json(Incident.of(v.incident, ())).items() if k not in _HEAD_ONLY}
    return {**version_to_json(v), "added": list(v.added), "removed": list(v.removed), "incident": became}


def incident_detail(db: Database, inc: Incident) -> dict[str, Any]:
    """One incident with everything it rests on: claims, mentions with their sentences, reports, history,
    and its judgement against each stored agreement."""
    reports = {key: db.report(key) for key in dict.fromkeys(m.report_key for m in inc.mentions)}
    return {
        **incident_item(inc),
        "mentions": [mention_item(m, reports.get(m.report_key), inc.id) for m in inc.mentions],
        "report_details": [report_item(r) for r in reports.values()],
        "history": [version_item(v) for v in db.history(inc.id)],
        "violations": [verdict_item(dataclasses.replace(v, incident=inc)) for v in db.incident_violations(inc.id)],
    }


def agreement_href(agreement_id: str) -> str:
    return f"{PREFIX}/agreements/{quote(agreement_id, safe='')}"


def agreement_item(a: Agreement) -> dict[str, Any]:
    """An agreement as its file states it, with its links."""
    body = jsonable_encoder(a)
    return {**body, "href": agreement_href(a.id), "violations": agreement_href(a.id) + "/violations"}


def verdict_item(v: Violation) -> dict[str, Any]:
    """A judgement without its incident: status, term, reason, accused, accusers..., and the agreement's link."""
    body = {k: x for k, x in violation_to_json(v).items() if k != "incident"}
    return {**body, "incident_id": v.incident_id, "agreement_href": agreement_href(v.agreement_id)}


def violation_item(v: Violation) -> dict[str, Any]:
    """A judgement with its incident (the incident JSON) and the incident's link."""
    return {**violation_to_json(v), "incident_id": v.incident_id, "href": incident_href(v.incident_id)}


def _evidence_of(m: Mention, incident_id: str | None) -> dict[str, list[dict[str, Any]]]:
    """A mention's claims and statements as the incident JSON has them, with their mention and incident."""
    where = {"mention": m.key, "incident_id": incident_id}
    return {
        "claims": [{**claim_to_json(c, m), **where} for c in m.claims],
        "statements": [{**statement_to_json(s, m), **where} for s in m.statements],
    }


def report_view(report: Report, mentions: list[Mention], incidents: dict[str, str]) -> dict[str, Any]:
    """A report with its text and title and every claim, statement and mention span in them."""
    a = report.article
    evidence = [_evidence_of(m, incidents.get(m.key)) for m in mentions]
    return {
        **report_item(report),
        "text": a.text,
        "article_outlet": a.outlet,
        "body": {"start": report.body_start, "end": report.body_end},
        "headline": None if report.headline is None else _span(report.headline),
        "dateline_span": None if report.dateline_start is None else {
            "start": report.dateline_start, "end": report.dateline_end},
        "mentions": [mention_item(m, report, incidents.get(m.key)) for m in mentions],
        "claims": [c for e in evidence for c in e["claims"]],
        "statements": [s for e in evidence for s in e["statements"]],
    }
