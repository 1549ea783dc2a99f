"""Per-shard Parquet of what extraction made of a run of input records (``ceasefire batch``).

A shard is a directory of four Parquet files, each carrying the schema version
:data:`SCHEMA` (metadata key ``ceasefire.shard``) and the shard's digest (key
``ceasefire.shard.digest``, :func:`digest`, which names the input records it holds):

* ``documents.parquet``: one row per input record, in input order (``doc`` = 0, 1, ...):
  the Document (``origin``, ``sha256``, ``media_type``, ``raw``, ``meta`` as JSON), or
  only ``origin`` and ``problem`` for a record that could not be read; ``problem`` also
  says why a document could not be split or extracted (``extracted`` is false then);
* ``reports.parquet``, ``mentions.parquet``, ``claims.parquet``: the export's columns of
  those tables (``export.parquet``, without ``incident_id``: incidents are merged later,
  by the one writer), each row with its document's ``doc``. Reports and mentions also
  hold ``record``, the whole object as the store's JSON codec writes it: what the load
  step reads back, so a stored mention is the one extraction made. The claims are
  inside their mention's record; their table is there to be queried.

A shard is written to a temporary directory and renamed into place, so a shard
directory that exists is whole.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..export.parquet import claim_record, mention_record, report_record, table_fields
from ..model import Document, IngestProblem, Mention, Report
from ..store.codec import from_json, to_json
from .local import Extracted

__all__ = ["SCHEMA", "FILES", "ShardItem", "digest", "shard_tables", "save_shard", "load_shard", "shard_name"]

SCHEMA = "ceasefire.shard/1"
FILES = ("documents", "reports", "mentions", "claims")
_VERSION_KEY = b"ceasefire.shard"
_DIGEST_KEY = b"ceasefire.shard.digest"


@dataclass(frozen=True)
class ShardItem:
    """One input record of a shard: the document read (or the problem reading it) and what extraction made
    of it (``None`` for a record that could not be read)."""

    record: Document | IngestProblem
    extracted: Extracted | None


def shard_name(index: int) -> str:
    return f"shard-{index:05d}"


def digest(records: Sequence[Document | IngestProblem]) -> str:
    """Names a shard's input records: their origins and content hashes (or problems), in order."""
    h = hashlib.sha256()
    for r in records:
        key = r.sha256 if isinstance(r, Document) else f"problem:{r.message}"
        h.update(f"{r.origin}\x00{key}\n".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _schemas(shard_digest: str) -> dict[str, Any]:
    import pyarrow as pa

    s, i, b = pa.string(), pa.int64(), pa.bool_()
    export = {name: [(c, t) for c, t in cols if c != "incident_id"] for name, cols in table_fields().items()}
    fields: dict[str, list[tuple[str, Any]]] = {
        "documents": [("doc", i), ("origin", s), ("sha256", s), ("media_type", s), ("raw", pa.binary()),
                      ("meta", s), ("problem", s), ("extracted", b)],
        "reports": [("doc", i), *export["reports"], ("record", s)],
        "mentions": [("doc", i), *export["mentions"], ("record", s)],
        "claims": [("doc", i), *export["claims"]],
    }
    meta = {_VERSION_KEY: SCHEMA.encode(), _DIGEST_KEY: shard_digest.encode()}
    return {name: pa.schema(cols, metadata=meta) for name, cols in fields.items()}


def _rows(items: Sequence[ShardItem]) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in FILES}
    for n, item in enumerate(items):
        rec, got = item.record, item.extracted
        problem = got.problem if got is not None else rec if isinstance(rec, IngestProblem) else None
        doc = rec if isinstance(rec, Document) else None
        rows["documents"].append({
            "doc": n, "origin": rec.origin, "sha256": doc.sha256 if doc else None,
            "media_type": doc.media_type if doc else None, "raw": doc.raw if doc else None,
            "meta": json.dumps(to_json(doc.meta)) if doc else None,
            "problem": problem.message if problem is not None else None,
            "extracted": got is not None and got.mentions is not None,
        })
        if got is None:
            continue
        for r in got.reports:
            rows["reports"].append({"doc": n, **report_record(r), "record": json.dumps(to_json(r))})
        for m in got.mentions or ():
            row = mention_record(m, None)
            del row["incident_id"]
            rows["mentions"].append({"doc": n, **row, "record": json.dumps(to_json(m))})
            for k, c in enumerate(m.claims):
                claim = claim_record(m, k, c, None)
                del claim["incident_id"]
                rows["claims"].append({"doc": n, **claim})
    return rows


def shard_tables(items: Sequence[ShardItem], shard_digest: str) -> dict[str, bytes]:
    """The shard's four Parquet files, as bytes (made where extraction ran, written by :func:`save_shard`)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schemas = _schemas(shard_digest)
    out = {}
    for name, rows in _rows(items).items():
        buf = io.BytesIO()
        pq.write_table(pa.Table.from_pylist(rows, schema=schemas[name]), buf)
        out[name] = buf.getvalue()
    return out


def save_shard(directory: Path, tables: dict[str, bytes]) -> None:
    """Write a shard's files into ``directory``, whole or not at all (a temporary directory renamed)."""
    tmp = directory.with_name(directory.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for name in FILES:
        (tmp / f"{name}.parquet").write_bytes(tables[name])
    shutil.rmtree(directory, ignore_errors=True)
    os.replace(tmp, directory)


def shard_version(directory: Path) -> tuple[str, str] | None:
    """(schema version, digest) of a whole shard directory, or ``None`` when there is none."""
    import pyarrow.parquet as pq

    path = directory / "documents.parquet"
    if not path.is_file():
        return None
    try:
        meta = pq.read_schema(path).metadata or {}
    except Exception:  # noqa: BLE001 -- an unreadable shard is made again
        return None
    return meta.get(_VERSION_KEY, b"").decode(), meta.get(_DIGEST_KEY, b"").decode()


def load_shard(directory: Path) -> list[ShardItem]:
    """The shard's records in input order, each with its reports and mentions as extraction made them."""
    import pyarrow.parquet as pq

    docs = pq.read_table(directory / "documents.parquet").to_pylist()
    reports: dict[int, list[Report]] = {}
    for row in pq.read_table(directory / "reports.parquet", columns=["doc", "record"]).to_pylist():
        reports.setdefault(row["doc"], []).append(from_json(Report, json.loads(row["record"])))
    mentions: dict[int, list[Mention]] = {}
    for row in pq.read_table(directory / "mentions.parquet", columns=["doc", "record"]).to_pylist():
        mentions.setdefault(row["doc"], []).append(from_json(Mention, json.loads(row["record"])))
    out = []
    for row in docs:
        n, problem = row["doc"], row["problem"]
        if row["sha256"] is None:
            out.append(ShardItem(IngestProblem(row["origin"], problem or "cannot read"), None))
            continue
        doc = Document(row["sha256"], row["origin"], row["media_type"], row["raw"], json.loads(row["meta"]))
        got = Extracted(
            tuple(reports.get(n, ())),
            tuple(mentions.get(n, ())) if row["extracted"] else None,
            IngestProblem(row["origin"], problem) if problem is not None else None,
        )
        out.append(ShardItem(doc, got))
    return out
