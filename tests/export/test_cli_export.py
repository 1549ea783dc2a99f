"""``ceasefire export``: every format and filter from the command line; bad requests in one line, status 2."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from tests.seed import seed_path
from tests.test_cli import run

pytestmark = pytest.mark.model


def test_export_formats_and_filters_from_the_command_line(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    assert run("--db", db, "ingest", str(seed_path()), cwd=tmp_path).returncode == 0
    assert run("--db", db, "agreement", "add", "syria-2016-09", cwd=tmp_path).returncode == 0

    acled = run("--db", db, "export", "--format", "acled-csv", "--agreement", "syria-2016-09", "--status",
                "possible_violation", cwd=tmp_path)
    assert acled.returncode == 0, acled.stderr
    rows = list(csv.DictReader(io.StringIO(acled.stdout)))
    assert {r["location"] for r in rows} >= {"Jebel Tharda"} and all(r["country"] == "Syria" for r in rows)
    assert any("Syrian Observatory for Human Rights" in r["notes"] for r in rows)

    every = run("--db", db, "export", "-f", "ucdp-csv", "--country", "SY", "--from", "2016-09-17", "--to",
                "2016-09-17", "-o", str(tmp_path / "u.csv"), cwd=tmp_path)
    assert every.returncode == 0 and "incident(s) written" in every.stderr
    ucdp = list(csv.DictReader(io.StringIO((tmp_path / "u.csv").read_text("utf-8"), newline="")))
    assert ucdp and all(r["date_start"] <= "2016-09-17" <= r["date_end"] for r in ucdp)

    tables = run("--db", db, "export", "-f", "parquet", "-o", str(tmp_path / "pq"), cwd=tmp_path)
    assert tables.returncode == 0, tables.stderr
    assert pq.read_table(tmp_path / "pq" / "claims.parquet").num_rows >= 9


@pytest.mark.parametrize("args, says", [
    (("--status", "possible_violation"), "--status goes with --agreement"),
    (("--agreement", "no-such-agreement"), "no-such-agreement"),
    (("--format", "parquet"), "parquet"),
    (("--format", "xlsx"), "unknown export format"),
    (("--from", "yesterday"), "not a date"),
])
def test_a_bad_export_request_is_one_line(tmp_path: Path, args: tuple[str, ...], says: str) -> None:
    r = run("--db", str(tmp_path / "c.db"), "export", *args, cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0] and "Traceback" not in r.stderr
