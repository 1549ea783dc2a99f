"""Exports stream: a store of a few thousand incidents is read a keyset page at a time and written as it
is read, never loaded whole (correctness only; timings and memory figures are in bench/). Both backends."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from tests.store.factory import incident

import ceasefire
from ceasefire.export import TEXT_FORMATS
from ceasefire.export import parquet as parquet_module
from ceasefire.store.store import Store

N = 2000
PAGE = 200  # Database.each_incident's page


class _Recorder(io.StringIO):
    """A text stream that notes how many pages had been read when each line was written."""

    def __init__(self, pages: list[int]) -> None:
        super().__init__()
        self.pages = pages
        self.seen: list[int] = []

    def write(self, s: str) -> int:
        self.seen.append(len(self.pages))
        return super().write(s)


@pytest.fixture
def big(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    day = date(2020, 1, 1)
    with ceasefire.open(db_url) as db:
        db.store.replace_incidents([replace(incident(f"i{n:05d}", (), day=day + timedelta(days=n % 400)))
                                    for n in range(N)])
        pages: list[int] = []
        find = Store.find_incidents

        def spy(self: Store, where: Any, order: Any, limit: int, **kwargs: Any) -> Any:
            assert limit <= PAGE and kwargs == {"cached": False}  # a bulk read leaves the mention cache alone
            pages.append(limit)
            return find(self, where, order, limit, **kwargs)

        def whole(*args: Any, **kwargs: Any) -> Any:
            raise AssertionError("the export loaded every incident at once")

        monkeypatch.setattr(Store, "find_incidents", spy)
        monkeypatch.setattr(Store, "incidents", whole)
        yield db, pages


def test_every_export_writes_while_pages_are_read(big: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db, pages = big
    for fmt in TEXT_FORMATS:
        pages.clear()
        out = _Recorder(pages)
        assert db.export(out, format=fmt) == N
        assert len(pages) == -(-N // PAGE), fmt  # whole pages only
        assert out.seen[1] == 1 and out.seen[-1] == len(pages), fmt  # the first incident went out after one page
        assert out.getvalue().count("i0") >= N
        assert not db.store._mention_cache

    groups: list[tuple[str, int, int]] = []

    class Spy(pq.ParquetWriter):  # type: ignore[misc]
        def write_table(self, table: Any, *args: Any, **kwargs: Any) -> None:
            groups.append((Path(str(self.where)).stem, table.num_rows, len(pages)))
            super().write_table(table, *args, **kwargs)

    monkeypatch.setattr(pq, "ParquetWriter", Spy)
    pages.clear()
    assert db.export(tmp_path / "pq", format="parquet") == N
    incident_groups = [g for g in groups if g[0] == "incidents"]
    assert sum(rows for _, rows, _ in incident_groups) == N
    assert max(rows for _, rows, _ in incident_groups) <= parquet_module.BATCH
    assert incident_groups[0][2] < len(pages)  # the first row group was written before the last page was read
    assert pq.read_table(tmp_path / "pq" / "incidents.parquet").num_rows == N
