"""Article Parquet: each row read as the JSONL line of the same fields would be."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ceasefire.ingest import list_inputs, read_input, to_article
from ceasefire.model import Document, IngestProblem


def _write(path: Path) -> None:
    table = pa.table({
        "id": ["p1", None, "p3"],
        "text": ["Two fishermen were wounded by gunfire off the coast on Monday.", "no id here", ""],
        "outlet": ["Harbour Post", None, "Harbour Post"],
        "publication_date": [date(2021, 3, 2), None, None],
    })
    pq.write_table(table, path, row_group_size=2)


def test_rows_are_documents_and_bad_rows_problems(tmp_path: Path) -> None:
    path = tmp_path / "articles.parquet"
    _write(path)
    assert list_inputs([tmp_path])[0] == [path]
    items = list(read_input(path, max_bytes=1 << 20))
    assert [type(i) for i in items] == [Document, IngestProblem, IngestProblem]
    doc = items[0]
    assert isinstance(doc, Document) and doc.origin.endswith("articles.parquet:1")
    article = to_article(doc)
    assert article.id == "p1" and article.outlet == "Harbour Post" and article.publication_date == date(2021, 3, 2)
    assert "row 2: missing 'id'" in str(items[1]) and "row 3: missing 'text'" in str(items[2])


def test_a_file_that_is_not_parquet_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1 this is not a parquet file at all")
    items = list(read_input(path, max_bytes=1 << 20))
    assert len(items) == 1 and isinstance(items[0], IngestProblem) and "not a readable Parquet file" in str(items[0])
