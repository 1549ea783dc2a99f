"""Incidents, their mentions, claims and reports as four Parquet tables (``export --format parquet``).

A directory holds ``incidents.parquet``, ``mentions.parquet``, ``claims.parquet`` and
``reports.parquet``, keyed as ``docs/export.md`` documents: ``incident_id`` (incidents),
``mention_key`` (mentions, with their ``incident_id`` and ``report_key``), ``claim_key``
(claims, with their ``mention_key``, ``incident_id`` and ``report_key``) and
``report_key`` (reports). Every file carries the schema version :data:`SCHEMA` in its
metadata (key ``ceasefire.schema``). Rows are written in row groups as incidents
stream in, so memory stays bounded by a batch, not the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..errors import OutputError
from ..model import Claim, Incident, Mention, Report

__all__ = ["SCHEMA", "TABLES", "write_parquet", "table_fields", "incident_record", "mention_record",
           "mention_records", "claim_record", "claim_records", "report_record"]

SCHEMA = "ceasefire.parquet/1"
TABLES = ("incidents", "mentions", "claims", "reports")
BATCH = 500  # incidents (or reports) per row group


def table_fields() -> dict[str, list[tuple[str, Any]]]:
    """Each table's columns and their Arrow types, in order (also the columns of ``run.shards``)."""
    import pyarrow as pa

    s, i, f, d, b = pa.string(), pa.int64(), pa.float64(), pa.date32(), pa.bool_()
    actor = pa.struct([("name", s), ("type", s), ("role", s)])
    fields: dict[str, list[tuple[str, Any]]] = {
        "incidents": [
            ("incident_id", s), ("event_type", s), ("sub_event_type", s), ("date_start", d), ("date_end", d),
            ("date_precision", s), ("date_basis", s), ("place", s), ("country", s), ("admin1", s), ("lat", f),
            ("lon", f), ("geonames_id", i), ("location_precision", s), ("location_basis", s),
            ("killed_low", i), ("killed_best", i), ("killed_high", i),
            ("wounded_low", i), ("wounded_best", i), ("wounded_high", i),
            ("actors", pa.list_(actor)), ("flags", pa.list_(s)), ("grade", s), ("policy", s),
            ("n_reports", i), ("n_claims", i),
        ],
        "mentions": [
            ("mention_key", s), ("incident_id", s), ("report_key", s), ("article_id", s), ("part", i),
            ("event_type", s), ("sub_event_type", s), ("date_start", d), ("date_end", d), ("date_precision", s),
            ("place", s), ("country", s), ("lat", f), ("lon", f), ("location_precision", s),
            ("actors", pa.list_(actor)), ("trigger_field", s), ("trigger_start", i), ("trigger_end", i),
            ("trigger_quote", s), ("reported_on", d), ("copy_of_report_key", s),
        ],
        "claims": [
            ("claim_key", s), ("mention_key", s), ("incident_id", s), ("report_key", s), ("kind", s),
            ("min", i), ("max", i), ("approx", b), ("victims", s), ("scope", s), ("source", s),
            ("source_type", s), ("source_as_written", s), ("origin", s), ("carried_by", s), ("hedged", b),
            ("field", s), ("start", i), ("end", i), ("quote", s),
        ],
        "reports": [
            ("report_key", s), ("document_sha256", s), ("article_id", s), ("part", i), ("title", s),
            ("outlet", s), ("url", s), ("publication_date", d), ("byline", s), ("dateline", d), ("published", d),
            ("headline", s), ("body_start", i), ("body_end", i), ("copy_of_report_key", s), ("text", s),
        ],
    }
    return fields


def _schemas() -> dict[str, Any]:
    import pyarrow as pa

    meta = {b"ceasefire.schema": SCHEMA.encode()}
    return {name: pa.schema(cols, metadata=meta) for name, cols in table_fields().items()}


def _actors(inc_actors: Iterable[Any]) -> list[dict[str, str]]:
    return [{"name": a.actor.name, "type": a.actor.type, "role": a.role} for a in inc_actors]


def incident_record(inc: Incident) -> dict[str, Any]:
    p, d = inc.place, inc.date
    row: dict[str, Any] = {
        "incident_id": inc.id, "event_type": inc.event_type, "sub_event_type": inc.sub_event_type,
        "date_start": d.start, "date_end": d.end, "date_precision": d.precision.value, "date_basis": d.basis,
        "place": p.name if p else None, "country": p.country if p else None, "admin1": p.admin1 if p else None,
        "lat": p.lat if p else None, "lon": p.lon if p else None, "geonames_id": p.geonames_id if p else None,
        "location_precision": p.precision.value if p else "unknown", "location_basis": p.basis if p else None,
        "actors": _actors(inc.actors), "flags": [f.type for f in inc.flags], "grade": inc.grade,
        "policy": inc.policy, "n_reports": len({m.report_key for m in inc.mentions}), "n_claims": len(inc.claims),
    }
    for kind in ("killed", "wounded"):
        fig = inc.figures.get(kind)
        for part in ("low", "best", "high"):
            row[f"{kind}_{part}"] = getattr(fig, part) if fig else None
    return row


def mention_record(m: Mention, incident_id: str | None) -> dict[str, Any]:
    p, d = m.place, m.date
    return {
        "mention_key": m.key, "incident_id": incident_id, "report_key": m.report_key, "article_id": m.article_id,
        "part": m.part, "event_type": m.event_type, "sub_event_type": m.sub_event_type, "date_start": d.start,
        "date_end": d.end, "date_precision": d.precision.value, "place": p.name if p else None,
        "country": p.country if p else None, "lat": p.lat if p else None, "lon": p.lon if p else None,
        "location_precision": p.precision.value if p else "unknown", "actors": _actors(m.actors),
        "trigger_field": m.trigger.field, "trigger_start": m.trigger.start, "trigger_end": m.trigger.end,
        "trigger_quote": m.trigger.quote, "reported_on": m.reported_on,
        "copy_of_report_key": m.copy_of.report_key if m.copy_of else None,
    }


def mention_records(inc: Incident) -> list[dict[str, Any]]:
    return [mention_record(m, inc.id) for m in inc.mentions]


def claim_records(inc: Incident) -> list[dict[str, Any]]:
    """The incident's claims (:func:`claim_record`)."""
    return [claim_record(m, n, c, inc.id) for m in inc.mentions for n, c in enumerate(m.claims)]


def claim_record(m: Mention, n: int, c: Claim, incident_id: str | None) -> dict[str, Any]:
    """Claim ``n`` of mention ``m``; ``claim_key`` is the mention key and the claim's place in it (``...#0``)."""
    return {
        "claim_key": f"{m.key}#{n}", "mention_key": m.key, "incident_id": incident_id, "report_key": m.report_key,
        "kind": c.kind.value, "min": c.figure.min, "max": c.figure.max, "approx": c.figure.approx,
        "victims": c.victims, "scope": c.scope, "source": c.source.name, "source_type": c.source.type.value,
        "source_as_written": c.source.as_written, "origin": c.origin, "carried_by": c.carried_by,
        "hedged": c.hedged, "field": c.evidence.field, "start": c.evidence.start, "end": c.evidence.end,
        "quote": c.evidence.quote,
    }


def report_record(r: Report) -> dict[str, Any]:
    a = r.article
    return {
        "report_key": r.key, "document_sha256": r.document_id, "article_id": a.id, "part": r.part,
        "title": a.title, "outlet": r.outlet or a.outlet, "url": a.url, "publication_date": a.publication_date,
        "byline": r.byline, "dateline": r.dateline, "published": r.published,
        "headline": r.headline.quote if r.headline else None, "body_start": r.body_start, "body_end": r.body_end,
        "copy_of_report_key": r.copy_of.report_key if r.copy_of else None, "text": a.text,
    }


def write_parquet(incidents: Iterable[Incident], reports: Callable[[], Iterable[Report]], directory: Path) -> int:
    """Write the four tables into ``directory`` (created); ``reports`` gives the reports of the incidents
    written, read after them. Returns how many incidents were written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schemas = _schemas()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        writers = {name: pq.ParquetWriter(directory / f"{name}.parquet", schemas[name]) for name in TABLES}
    except OSError as exc:
        raise OutputError(f"cannot write {directory}: {exc.strerror or exc}") from exc
    batches: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}

    def flush() -> None:
        for name, rows in batches.items():
            if rows:
                writers[name].write_table(pa.Table.from_pylist(rows, schema=schemas[name]))
                rows.clear()

    n = 0
    try:
        for inc in incidents:
            n += 1
            batches["incidents"].append(incident_record(inc))
            batches["mentions"].extend(mention_records(inc))
            batches["claims"].extend(claim_records(inc))
            if n % BATCH == 0:
                flush()
        flush()
        for k, r in enumerate(reports(), 1):
            batches["reports"].append(report_record(r))
            if k % BATCH == 0:
                flush()
        flush()
    except OSError as exc:
        raise OutputError(f"cannot write {directory}: {exc.strerror or exc}") from exc
    finally:
        for w in writers.values():
            w.close()
    return n
