"""The shard files of ``ceasefire batch`` give back exactly what extraction made (no model, no cluster)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pyarrow.parquet as pq
from tests.factories import claim, mention

from ceasefire import ingest
from ceasefire.ingest.documents import ARTICLE_JSON, make_document
from ceasefire.model import IngestProblem
from ceasefire.run import shards as S
from ceasefire.run.local import Extracted


def _items() -> list[S.ShardItem]:
    line = json.dumps({"id": "s1", "outlet": "Lakeside Gazette", "publication_date": "2020-02-11",
                       "text": "Three herders were killed when a mine exploded near a well on Sunday."})
    doc = make_document(line.encode(), "in.jsonl:1", ARTICLE_JSON, {"path": "in.jsonl", "line": 1})
    reports = ingest.split_reports(ingest.to_article(doc), doc.sha256)
    key = reports[0].key
    ms = tuple(replace(m, report_key=key) for m in (mention(doc="s1", claims=(claim(lo=3, hi=3, quote="Three herders"),)),
                                                     mention(doc="s1", start=40)))
    other = make_document(b'{"id": "s2", "text": "x"}', "in.jsonl:3", ARTICLE_JSON, {"path": "in.jsonl", "line": 3})
    return [
        S.ShardItem(doc, Extracted(tuple(reports), ms)),
        S.ShardItem(IngestProblem("in.jsonl:2", "line 2: invalid JSON (Expecting value at column 1)"), None),
        S.ShardItem(other, Extracted((), None, IngestProblem("in.jsonl:3", "cannot extract (ValueError: odd)"))),
    ]


def test_a_shard_round_trips(tmp_path: Path) -> None:
    items = _items()
    key = S.digest([i.record for i in items])
    where = tmp_path / S.shard_name(0)
    S.save_shard(where, S.shard_tables(items, key))
    assert S.shard_version(where) == (S.SCHEMA, key) == ("ceasefire.shard/1", key)
    assert S.load_shard(where) == items
    claims = pq.read_table(where / "claims.parquet").to_pylist()
    assert [(c["doc"], c["min"], c["quote"]) for c in claims] == [(0, 3, "Three herders")]
    assert claims[0]["claim_key"] == f"{claims[0]['mention_key']}#0"
    docs = pq.read_table(where / "documents.parquet").to_pylist()
    assert [(d["doc"], d["extracted"], d["problem"] is None) for d in docs] == [(0, True, True), (1, False, False),
                                                                                 (2, False, False)]
    assert not where.with_name(where.name + ".partial").exists()


def test_the_digest_names_the_records() -> None:
    records = [i.record for i in _items()]
    assert S.digest(records) == S.digest(list(records))
    assert S.digest(records) != S.digest(records[:2]) != S.digest(records[1:] + records[:1])
    assert S.shard_version(Path("/nonexistent/shard-00000")) is None
