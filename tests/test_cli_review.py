"""``ceasefire review ...`` and ``ceasefire user ...``: the same actions as the Python API, from the shell."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import ceasefire
from ceasefire.model import Figures
from tests.reviewing import add_report


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ceasefire.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def test_review_and_user_commands(tmp_path: Path) -> None:
    url = str(tmp_path / "c.db")
    with ceasefire.open(url) as db:
        mention = add_report(db, 1)
        (inc,) = db.incidents()
    r = run("--db", url, "review", "correct", inc.id[:8], "killed", "20/22/?", "-r", "morgue list", "--by", "ana",
            cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == inc.id
    r = run("--db", url, "review", "wrong", f"{mention.key}/1", "--reason", "another strike", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("--db", url, "review", "correct", inc.id, "date", "not-a-date", cwd=tmp_path)
    assert r.returncode == 2 and r.stderr.startswith("error: value:") and len(r.stderr.strip().splitlines()) == 1
    r = run("--db", url, "show", inc.id, "--history", cwd=tmp_path)
    assert r.returncode == 0 and "morgue list" in r.stdout and "marked wrong" in r.stdout
    with ceasefire.open(url) as db:
        now = db.incident(inc.id)
        assert now.figures["killed"] == Figures(20, 22, None)
        assert [v.by for v in db.history(inc.id)][1:] == ["ana", db.history(inc.id)[-1].by]
    token = run("--db", url, "user", "add", "ana", "--role", "editor", cwd=tmp_path)
    assert token.returncode == 0 and token.stdout.strip().startswith("cf_")
    assert run("--db", url, "user", "revoke", "ana", cwd=tmp_path).returncode == 0
    listing = run("--db", url, "user", "list", cwd=tmp_path)
    assert "ana" in listing.stdout and "editor" in listing.stdout and token.stdout.strip() not in listing.stdout
