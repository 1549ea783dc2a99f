"""The agreement commands: add, list, show, and violations as table, JSON and CSV; bad files in one line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.seed import seed_path
from tests.test_cli import run

pytestmark = pytest.mark.model


def test_agreement_commands_and_violations(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    assert run("--db", db, "ingest", str(seed_path()), cwd=tmp_path).returncode == 0
    added = run("--db", db, "agreement", "add", "syria-2016-09", cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    assert "agreement syria-2016-09 added" in added.stderr and "possible violation(s)" in added.stderr
    listing = run("--db", db, "agreement", "list", cwd=tmp_path)
    assert listing.returncode == 0 and "syria-2016-09" in listing.stdout
    shipped = run("agreement", "list", "--shipped", cwd=tmp_path)
    assert shipped.returncode == 0 and "minsk-ii-2015" in shipped.stdout
    shown = run("--db", db, "agreement", "show", "syria-2016-09", cwd=tmp_path)
    assert shown.returncode == 0 and "excluded: Islamic State, Nusra Front" in shown.stdout
    table = run("--db", db, "violations", "--agreement", "syria-2016-09", "--status", "possible_violation",
                cwd=tmp_path)
    assert table.returncode == 0 and "Jebel Tharda" in table.stdout and "out_of_scope" not in table.stdout
    out = tmp_path / "v.json"
    as_json = run("--db", db, "violations", "--agreement", "syria-2016-09", "--format", "json", "--output",
                  str(out), "--from", "2016-09-17", "--to", "2016-09-18", cwd=tmp_path)
    assert as_json.returncode == 0, as_json.stderr
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert rows and all(  # the incidents whose date range overlaps the days asked for (docs/cli.md)
        (r["incident"]["date"]["end"] or r["incident"]["date"]["start"]) >= "2016-09-17"
        and r["incident"]["date"]["start"] <= "2016-09-18" for r in rows)
    as_csv = run("--db", db, "violations", "--agreement", "syria-2016-09", "--format", "csv", cwd=tmp_path)
    parsed = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert {r["status"] for r in parsed} >= {"possible_violation", "out_of_scope"}


def test_a_bad_agreement_file_is_one_line_with_status_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nname: X\nstart: 2020-01-01\nend: 2019-01-01\narea: {countries: [SY]}\n"
                   "parties: [{name: A, actor: Syrian army}]\nterms: [{ref: '1', text: t, prohibits: "
                   "{event_types: [Battles]}}]\n", encoding="utf-8")
    r = run("--db", str(tmp_path / "c.db"), "agreement", "add", str(bad), cwd=tmp_path)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad.yaml: line 4: end" in lines[0]
    unknown = run("--db", str(tmp_path / "c.db"), "violations", "--agreement", "nope", cwd=tmp_path)
    assert unknown.returncode == 2 and "no agreement 'nope'" in unknown.stderr
