"""Model objects to table rows and back (pure: no connection, no SQL).

Queryable columns are projections of the object; what must come back exactly is
rebuilt from the row's own columns (documents, reports) or from the JSON payload
written by :mod:`ceasefire.store.codec` (mentions, claims, incidents).
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import datetime, timezone
from typing import Any, Iterable, Mapping, Sequence

from ..model import (
    Article,
    Document,
    Evidence,
    IncidentHead,
    IncidentTally,
    Mention,
    Original,
    Place,
    Report,
    ReviewAction,
    claim_id,
)
from .codec import from_json, to_json

__all__ = [
    "action_row",
    "action_from_row",
    "document_row",
    "document_from_row",
    "report_row",
    "report_from_row",
    "mention_row",
    "claim_rows",
    "mention_from_row",
    "incident_row",
    "incident_link_rows",
    "head_payload",
    "head_from_row",
    "claim_id",
]


def document_row(doc: Document, now: datetime) -> dict[str, Any]:
    return {
        "sha256": doc.sha256,
        "origin": doc.origin,
        "media_type": doc.media_type,
        "raw": bytes(doc.raw),
        "meta": to_json(doc.meta),
        "ingested_at": now,
    }


def document_from_row(row: Mapping[Any, Any]) -> Document:
    return Document(
        sha256=row["sha256"],
        origin=row["origin"],
        media_type=row["media_type"],
        raw=bytes(row["raw"]),
        meta=dict(row["meta"] or {}),
    )


def report_row(report: Report, body_hash: str | None = None) -> dict[str, Any]:
    article = report.article
    orig = report.copy_of
    return {
        "key": report.key,
        "document_sha256": report.document_id,
        "part": report.part,
        "article_id": article.id,
        "title": article.title,
        "text": article.text,
        "article_outlet": article.outlet,
        "url": article.url,
        "publication_date": article.publication_date,
        "extra": to_json(article.extra),
        "body_start": report.body_start,
        "body_end": report.body_end,
        "headline": to_json(report.headline),
        "outlet": report.outlet,
        "byline": report.byline,
        "dateline": report.dateline,
        "dateline_start": report.dateline_start,
        "dateline_end": report.dateline_end,
        "published": report.published,
        "body_hash": body_hash,
        "copy_of": orig.report_key if orig else None,
        "copy_of_id": orig.article_id if orig else None,
        "copy_of_part": orig.part if orig else None,
    }


def report_from_row(row: Mapping[Any, Any]) -> Report:
    article = Article(
        id=row["article_id"],
        text=row["text"],
        title=row["title"],
        outlet=row["article_outlet"],
        url=row["url"],
        publication_date=row["publication_date"],
        extra=dict(row["extra"] or {}),
    )
    headline = row["headline"]
    return Report(
        article=article,
        document_id=row["document_sha256"],
        part=row["part"],
        body_start=row["body_start"],
        body_end=row["body_end"],
        headline=None if headline is None else from_json(Evidence, headline),
        outlet=row["outlet"],
        byline=row["byline"],
        dateline=row["dateline"],
        dateline_start=row["dateline_start"],
        dateline_end=row["dateline_end"],
        published=row["published"],
        copy_of=None if row["copy_of"] is None else Original(row["copy_of"], row["copy_of_id"], row["copy_of_part"]),
    )


def _place_columns(place: Place | None) -> dict[str, Any]:
    if place is None:
        return {"place_name": None, "country": None, "admin1": None, "lat": None, "lon": None}
    return {
        "place_name": place.name,
        "country": place.country,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
    }


def mention_row(mention: Mention) -> dict[str, Any]:
    """The mention's row; its payload holds everything but the claims (see :func:`claim_rows`)."""
    payload = to_json(mention)
    payload.pop("claims")
    return {
        "key": mention.key,
        "report_key": mention.report_key,
        "article_id": mention.article_id,
        "part": mention.part,
        "event_type": mention.event_type,
        "sub_event_type": mention.sub_event_type,
        "date_start": mention.date.start,
        "date_end": mention.date.end,
        "date_precision": mention.date.precision.value,
        **_place_columns(mention.place),
        "payload": payload,
    }


def claim_rows(mention: Mention) -> list[dict[str, Any]]:
    """One row per claim, ``seq`` keeping the mention's order."""
    rows = []
    for seq, claim in enumerate(mention.claims):
        rows.append(
            {
                "id": claim_id(mention.key, seq),
                "mention_key": mention.key,
                "seq": seq,
                "kind": claim.kind.value,
                "min": claim.figure.min,
                "max": claim.figure.max,
                "approx": claim.figure.approx,
                "source": claim.source.name,
                "source_type": claim.source.type.value,
                "carried_by": claim.carried_by,
                "victims": claim.victims,
                "scope": claim.scope,
                "hedged": claim.hedged,
                "field": claim.evidence.field,
                "start": claim.evidence.start,
                "end": claim.evidence.end,
                "quote": claim.evidence.quote,
                "payload": to_json(claim),
            }
        )
    return rows


def mention_from_row(row: Mapping[Any, Any], claim_payloads: list[Any]) -> Mention:
    payload = dict(row["payload"])
    payload["claims"] = claim_payloads
    return from_json(Mention, payload)


def incident_row(head: IncidentHead, mentions: Sequence[Mention] | None = None) -> dict[str, Any]:
    """The incident's row: queryable columns, the derived fields as JSON, and its tally.

    Report and source counts come from the tally, else from ``mentions`` when given.
    """
    killed = head.figures.get("killed")
    wounded = head.figures.get("wounded")
    tally = head.tally
    if tally is not None:
        n_reports, n_sources = tally.reports, len(tally.sources)
    else:
        ms = mentions or ()
        n_reports = len({m.report_key for m in ms})
        n_sources = len({c.source.name for m in ms for c in m.claims})
    return {
        "id": head.id,
        "event_type": head.event_type,
        "sub_event_type": head.sub_event_type,
        "date_start": head.date.start,
        "date_end": head.date.end,
        "date_precision": head.date.precision.value,
        **_place_columns(head.place),
        "killed_low": killed.low if killed else None,
        "killed_best": killed.best if killed else None,
        "killed_high": killed.high if killed else None,
        "wounded_low": wounded.low if wounded else None,
        "wounded_best": wounded.best if wounded else None,
        "wounded_high": wounded.high if wounded else None,
        "n_reports": n_reports,
        "n_sources": n_sources,
        "grade": head.grade,
        "policy": head.policy,
        "payload": head_payload(head),
        "tally": to_json(tally) if tally is not None else None,
    }


def head_payload(head: IncidentHead) -> dict[str, Any]:
    """The derived fields of an incident as JSON (neither its tally nor its mentions)."""
    payload = {f.name: to_json(getattr(head, f.name)) for f in fields(IncidentHead) if f.name != "tally"}
    return payload


def incident_link_rows(incident_id: str, mention_keys: Iterable[str]) -> list[dict[str, Any]]:
    return [{"incident_id": incident_id, "mention_key": key} for key in dict.fromkeys(mention_keys)]


def head_from_row(payload: Mapping[str, Any], tally: Any = None) -> IncidentHead:
    """An incident's head from its row's payload (and tally column, when it has one)."""
    data = {k: v for k, v in payload.items() if k not in ("mentions", "tally")}
    head = from_json(IncidentHead, data)
    return replace(head, tally=from_json(IncidentTally, tally)) if tally is not None else head


def action_row(a: ReviewAction) -> dict[str, Any]:
    """A review action's row (its ``id`` is given by the database)."""
    payload = {"field": a.field, "value": a.value, "claim": a.claim, "groups": [list(g) for g in a.groups]}
    return {"action": a.action, "incident_id": a.incident_id, "anchor": a.anchor, "author": a.by,
            "reason": a.why, "payload": payload, "recorded_at": a.at}


def action_from_row(r: Any) -> ReviewAction:
    p = r["payload"]
    at = r["recorded_at"]
    if at.tzinfo is None:  # SQLite gives naive times back
        at = at.replace(tzinfo=timezone.utc)
    return ReviewAction(
        id=r["id"], action=r["action"], incident_id=r["incident_id"], anchor=r["anchor"], by=r["author"], at=at,
        why=r["reason"], field=p.get("field"), value=p.get("value"), claim=p.get("claim"),
        groups=tuple(tuple(g) for g in p.get("groups") or ()),
    )
