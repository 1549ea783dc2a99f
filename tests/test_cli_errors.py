"""Arguments and errors through the real console script: one line on stderr, the documented status, no
traceback unless --debug asks for it, and never the password of the store URL."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.run.test_pipeline import WIRE, write_jsonl

SCRIPT = Path(sys.executable).with_name("ceasefire")
SECRET = "s3cr3tpw"


def ceasefire(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), *args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


def one_line_error(r: subprocess.CompletedProcess[str], status: int) -> str:
    assert r.returncode == status, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert SECRET not in r.stderr + r.stdout
    return lines[0]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--bogus", "incidents"], "No such option: --bogus"),
        (["incidents", "--bogus"], "No such option: --bogus"),
        (["show"], "Missing argument"),
        (["incidents", "--limit", "abc"], "Invalid value for '--limit'"),
        (["frob"], "No such command 'frob'"),
        (["--db"], "requires an argument"),
        (["export", "--format"], "requires an argument"),
        (["ingest"], "Missing argument"),
    ],
)
def test_usage_errors_are_one_line_and_status_2(tmp_path, args, says):
    line = one_line_error(ceasefire(*args, cwd=tmp_path), 2)
    assert line.startswith("error: ") and says in line


def test_the_command_alone_prints_its_help(tmp_path):
    r = ceasefire(cwd=tmp_path)
    assert r.returncode == 2 and "ingest" in r.stderr + r.stdout and "Traceback" not in r.stderr


@pytest.mark.parametrize("path", ["", " ", "\t"])
def test_an_empty_path_is_refused_not_taken_for_the_current_directory(tmp_path, path):
    write_jsonl(tmp_path / "here.jsonl", WIRE[:1])  # what "." would ingest
    line = one_line_error(ceasefire("--db", str(tmp_path / "c.db"), "ingest", path, cwd=tmp_path), 2)
    assert "empty path" in line
    assert not (tmp_path / "c.db").exists()


@pytest.mark.parametrize("db", ["", " ", ":memory:", "sqlite://", "sqlite:///:memory:"])
@pytest.mark.parametrize("command", [["ingest", "a.jsonl"], ["rebuild"]])
def test_writing_to_no_store_or_a_throwaway_one_is_refused(tmp_path, db, command):
    write_jsonl(tmp_path / "a.jsonl", WIRE[:1])
    line = one_line_error(ceasefire("--db", db, *command, cwd=tmp_path), 2)
    assert ("empty database URL" if not db.strip() else "in memory only") in line
    line = one_line_error(ceasefire(*command, cwd=tmp_path, env={"CEASEFIRE_DB": db} if db.strip() else {
        "CEASEFIRE_DB": ":memory:"}), 2)
    assert "in memory only" in line


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql://u:{SECRET}@h:abc/db",
        f"postgresql://u:{SECRET}@h:99999/db",
        f"post gres://u:{SECRET}@h/db",
        f"postgresql://u:{SECRET}@[::1/db",
        f"postgresql://u:{SECRET}@127.0.0.1:{_free_port()}/db",
        f"postgresql://someone:{SECRET}@127.0.0.1:1/db?sslmode=bogus",
        f"postgresql://someone:{SECRET}@127.0.0.1:1/db?connect_timeout=abc",
        f"postgresql://someone@127.0.0.1:1/db?password={SECRET}",
        f"nosuchdriver://u:{SECRET}@h/db",
    ],
)
def test_a_bad_store_url_is_one_line_without_its_password(tmp_path, url):
    for args, env in ((["--db", url, "incidents"], None), (["incidents"], {"CEASEFIRE_DB": url})):
        line = one_line_error(ceasefire(*args, cwd=tmp_path, env=env), 2)
        assert line.startswith("error: ")


@pytest.mark.postgres
def test_a_server_error_does_not_show_the_password(tmp_path, pg_url):
    from sqlalchemy.engine import make_url

    url = make_url(pg_url).set(password=SECRET, database="no_such_database_here").render_as_string(False)
    line = one_line_error(ceasefire("--db", url, "incidents", cwd=tmp_path), 2)
    assert "no_such_database_here" in line and "***" in line


def test_export_into_a_missing_directory_is_one_line(tmp_path):
    line = one_line_error(ceasefire("--db", str(tmp_path / "c.db"), "export", "-o", str(tmp_path / "no" / "x.json"),
                                    cwd=tmp_path), 2)
    assert line == f"error: cannot write {tmp_path / 'no' / 'x.json'}: No such file or directory"


BUGS = {  # what a bug could do: a foreign exception from deep inside, one that echoes the store URL
    "keyerror": "d.Database.check = lambda self: {}['boom']",
    "echo": "def init(self, settings):\n    raise RuntimeError(f'cannot handle {settings.db_url}')\n"
            "d.Database.__init__ = init",
}


def _planted(tmp_path: Path, bug: str) -> dict[str, str]:
    """A sitecustomize that plants ``bug`` in ``ceasefire.database`` (the environment to run with)."""
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(f"import ceasefire.database as d\n{BUGS[bug]}\n", encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}


def test_an_unexpected_error_is_one_line_and_its_own_status(tmp_path):
    r = ceasefire("--db", str(tmp_path / "c.db"), "check", cwd=tmp_path, env=_planted(tmp_path, "keyerror"))
    line = one_line_error(r, 70)
    assert line == "internal error: KeyError: 'boom'; run with --debug for the traceback"


@pytest.mark.parametrize("url", [f"postgresql://u:{SECRET}@127.0.0.1:1/x", f"postgresql://u@h/x?password={SECRET}"])
def test_an_unexpected_error_never_shows_the_password(tmp_path, url):
    for args, env in ((["--db", url], {}), ([], {"CEASEFIRE_DB": url})):
        r = ceasefire(*args, "check", cwd=tmp_path, env={**_planted(tmp_path, "echo"), **env})
        line = one_line_error(r, 70)
        assert line.startswith("internal error: RuntimeError: cannot handle postgresql://u") and "***" in line


@pytest.mark.parametrize("how", ["--debug", "CEASEFIRE_DEBUG=1"])
def test_debug_shows_the_traceback(tmp_path, how):
    env = _planted(tmp_path, "keyerror")
    args = ["--db", str(tmp_path / "c.db"), "check"]
    if how == "--debug":
        r = ceasefire("--debug", *args, cwd=tmp_path, env=env)
    else:
        r = ceasefire(*args, cwd=tmp_path, env={**env, "CEASEFIRE_DEBUG": "1"})
    assert r.returncode == 70
    assert "Traceback" in r.stderr and r.stderr.strip().splitlines()[-1].startswith("internal error: KeyError")


@pytest.mark.model
def test_check_exits_0_on_a_sound_store_and_1_naming_each_failure(tmp_path):
    db = tmp_path / "c.db"
    assert ceasefire("--db", str(db), "ingest", str(write_jsonl(tmp_path / "a.jsonl", WIRE)), cwd=tmp_path).returncode == 0
    ok = ceasefire("--db", str(db), "check", cwd=tmp_path)
    assert ok.returncode == 0 and ok.stdout == "" and "0 failure(s)" in ok.stderr
    with sqlite3.connect(db) as conn:
        (key,) = conn.execute("SELECT mention_key FROM incident_mentions ORDER BY mention_key LIMIT 1").fetchone()
        conn.execute("DELETE FROM incident_mentions WHERE mention_key = ?", (key,))
    bad = ceasefire("--db", str(db), "check", cwd=tmp_path)
    assert bad.returncode == 1
    assert f"mentions: {key}: belongs to no incident" in bad.stdout.splitlines()
