"""The CLI is a thin layer: exit codes, one-line errors, the commands' output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.run.test_pipeline import WIRE, write_jsonl
from tests.wire import OTHER, STORY, jsonl


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ceasefire.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def test_ingest_list_show_export(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", WIRE)
    db = str(tmp_path / "c.db")
    r = run("--db", db, "ingest", str(src), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "3 new document(s)" in r.stderr
    listing = run("--db", db, "incidents", cwd=tmp_path)
    assert listing.returncode == 0 and "incident(s)" in listing.stdout
    out = tmp_path / "out.json"
    assert run("--db", db, "export", "--format", "json", "--output", str(out), cwd=tmp_path).returncode == 0
    doc = json.loads(out.read_text())
    assert doc["schema"] == "ceasefire.incidents/1" and doc["incidents"]
    first = doc["incidents"][0]["id"]
    shown = run("--db", db, "show", first[:8], cwd=tmp_path)
    assert shown.returncode == 0 and first in shown.stdout


def test_bad_input_exits_1_naming_the_file_and_line(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", WIRE[:1])
    with src.open("a") as fh:
        fh.write("{oops\n")
    r = run("--db", str(tmp_path / "c.db"), "ingest", str(src), cwd=tmp_path)
    assert r.returncode == 1
    assert "a.jsonl:2" in r.stderr and "1 new document(s)" in r.stderr


def test_errors_are_one_line_with_status_2(tmp_path):
    r = run("--db", str(tmp_path / "c.db"), "show", "nope", cwd=tmp_path)
    assert r.returncode == 2 and r.stderr.startswith("error:") and len(r.stderr.strip().splitlines()) == 1
    r = run("--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", "incidents", cwd=tmp_path)
    assert r.returncode == 2 and r.stderr.startswith("error:")
    r = run("--db", str(tmp_path / "c.db"), "--policy", "median", "incidents", cwd=tmp_path)
    assert r.returncode == 2 and "policy" in r.stderr


def test_copies_are_counted_and_an_id_with_another_text_is_one_line(tmp_path):
    src = jsonl(tmp_path / "a.jsonl", [{"id": "w1", "text": STORY}, {"id": "w2", "text": STORY},
                                       {"id": "w1", "text": OTHER}])
    r = run("--db", str(tmp_path / "c.db"), "ingest", str(src), cwd=tmp_path)
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert lines[0] == (f"error: {src}:3: id 'w1' is already stored with a different text (first from {src}:1); "
                        "give the new version its own id")
    assert "2 report(s) (1 of them a copy of a stored report)" in lines[-1]
