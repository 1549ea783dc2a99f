"""Article Parquet: one row per article, its columns the fields of article JSONL (``interchange.md``).

Each row becomes the JSON object of its non-null columns (dates and times as ISO
strings) and is then read exactly as that JSONL line would be: the same checks, the
same Document (``ARTICLE_JSON``), its origin ``path:ROW`` (rows count from 1). A bad
row is one problem; a file that is not Parquet is one problem. Rows are read a
record batch at a time, so memory is bounded by a batch, not the file.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any, BinaryIO, Iterator

from ..model import Document, IngestProblem
from .jsonl import article_document

__all__ = ["read_parquet", "PARQUET_MAGIC"]

PARQUET_MAGIC = b"PAR1"
_BATCH_ROWS = 256


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value


def read_parquet(stream: BinaryIO, name: str, *, max_bytes: int) -> Iterator[Document | IngestProblem]:
    """Each row of the Parquet file in ``stream`` (``name``: the file as shown) as a Document, or its problem."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(stream)
        batches = table.iter_batches(batch_size=_BATCH_ROWS)
        number = 0
        for batch in batches:
            for row in batch.to_pylist():
                number += 1
                origin = f"{name}:{number}"
                obj = {k: _plain(v) for k, v in row.items() if v is not None}
                try:
                    raw = json.dumps(obj, ensure_ascii=False).encode("utf-8")
                except (TypeError, ValueError) as exc:
                    yield IngestProblem(origin, f"row {number}: cannot read ({exc})")
                    continue
                if len(raw) > max_bytes:
                    yield IngestProblem(origin, f"row {number}: {len(raw)} bytes, over the limit of {max_bytes} bytes")
                    continue
                yield article_document(raw, origin, f"row {number}", {"path": name, "row": number})
    except (pa.ArrowException, OSError) as exc:
        lines = str(exc).strip().splitlines()
        yield IngestProblem(name, f"not a readable Parquet file ({lines[0] if lines else type(exc).__name__})")
        return
    if number == 0:
        yield IngestProblem(name, "empty file")
