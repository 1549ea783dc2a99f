"""``ceasefire batch`` on a Dask LocalCluster of two processes stores what one process does."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ceasefire.cli import app
from ceasefire.config import Settings
from ceasefire.errors import ClusterError
from ceasefire.run import batch, shards
from ceasefire.run.local import ingest_paths
from ceasefire.store import open_store

PLACES = ["Kismayo", "Baidoa", "Gao", "Mopti", "Kidal"]


def _articles(n: int) -> list[dict[str, str]]:
    """Invented wire items: a few events, each told by two outlets a day apart."""
    out = []
    for i in range(n):
        e = i % (n // 2)
        day = date(2022, 9, 3) + timedelta(days=4 * e)
        text = (f"Militants attacked an army post near {PLACES[e % len(PLACES)]} on {day.strftime('%A')}, "
                f"killing {4 + e} soldiers, a military spokesman said. Desk note {i}.")
        out.append({"id": f"b{i}", "publication_date": (day + timedelta(days=1 + i % 2)).isoformat(),
                    "outlet": f"Wire {i % 2}", "text": text})
    return out


def _inputs(tmp: Path) -> list[Path]:
    tmp.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(a) for a in _articles(8)]
    lines.insert(3, '{"id": "broken", "text": ')  # a bad record: one problem, the batch goes on
    lines.insert(6, lines[1])  # the same document twice: stored once
    (tmp / "a.jsonl").write_text("\n".join(lines[:5]) + "\n", encoding="utf-8")
    (tmp / "b.jsonl").write_text("\n".join(lines[5:]) + "\n", encoding="utf-8")
    return [tmp / "a.jsonl", tmp / "b.jsonl"]


def _settings(url: str) -> Settings:
    return Settings(db_url=url, batch_size=2, workers=1)


@pytest.mark.model
def test_local_cluster_stores_what_one_process_does(tmp_path: Path) -> None:
    paths = _inputs(tmp_path / "in")
    with open_store(f"sqlite:///{tmp_path / 'one.db'}") as store:
        one = ingest_paths(paths, store, _settings(""))
        expected = store.snapshot()
    seen: list[tuple[int, int, bool]] = []
    url = f"sqlite:///{tmp_path / 'dask.db'}"
    with open_store(url) as store:
        got = batch.batch_paths(paths, store, _settings(url), cluster="local:2", shards=tmp_path / "shards",
                                shard_size=3, progress=lambda *a: seen.append(a))
        assert store.check() == []
        assert store.snapshot() == expected
    assert [s[0] for s in seen] == [0, 1, 2, 3] and all(s[2] for s in seen)
    assert sorted(map(str, got.problems)) == sorted(map(str, one.problems)) and len(got.problems) == 1
    counts = ("documents_added", "documents_skipped", "reports", "mentions", "claims", "incidents")
    assert [getattr(got, c) for c in counts] == [getattr(one, c) for c in counts]
    assert one.documents_added == 8 and one.documents_skipped == 1 and one.incidents < 8

    meta = shards.shard_version(tmp_path / "shards" / "shard-00000")
    assert meta is not None and meta[0] == shards.SCHEMA == "ceasefire.shard/1"
    import pyarrow.parquet as pq

    claims = pq.read_table(tmp_path / "shards" / "shard-00000" / "claims.parquet")
    assert "claim_key" in claims.column_names and claims.num_rows > 0

    seen.clear()  # again, as after an interruption: whole shards are reused, the lost one made again
    shutil.rmtree(tmp_path / "shards" / "shard-00002")
    (tmp_path / "shards" / "shard-00002.partial").mkdir()
    with open_store(url) as store:
        again = batch.batch_paths(paths, store, _settings(url), cluster="local:1", shards=tmp_path / "shards",
                                  shard_size=3, progress=lambda *a: seen.append(a))
        assert store.snapshot() == expected
    assert [s[2] for s in seen] == [False, False, True, False]
    assert again.documents_added == 0 and again.documents_skipped == 9 and len(again.problems) == 1


def test_an_unreachable_scheduler_is_one_error(tmp_path: Path) -> None:
    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        with batch.connect("tcp://127.0.0.1:9"):
            pass
    with pytest.raises(ClusterError, match="local:N"):
        with batch.connect("local:zero"):
            pass
    r = subprocess.run([sys.executable, "-m", "ceasefire", "--db", str(tmp_path / "x.db"), "batch", "--dask",
                        "tcp://127.0.0.1:9", "--shards", str(tmp_path / "shards"), str(tmp_path)],
                       capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:9 ("), lines
    assert not (tmp_path / "shards").exists()


@pytest.mark.model
def test_cli_batch_on_a_local_cluster(tmp_path: Path) -> None:
    paths = _inputs(tmp_path / "in")
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(app, ["--db", str(db), "batch", "--dask", "local:1", "--shards",
                                      str(tmp_path / "shards"), "--shard-size", "4", *map(str, paths)])
    assert result.exit_code == 1, result.output  # the bad line
    assert "8 new document(s), 1 already stored" in result.output
