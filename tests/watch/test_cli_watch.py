"""``ceasefire watch --once`` and ``ceasefire watch status`` (and its first name ``watch-status``) through the command line; watch_lag for /health."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

import ceasefire
from ceasefire.watch import watch_lag

SRC = Path(__file__).resolve().parents[2] / "src"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run([sys.executable, "-m", "ceasefire", "--db", str(cwd / "s.db"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300, env=env)


def test_watch_once_then_status_and_lag(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    config = tmp_path / "watch.yaml"
    config.write_text("sources:\n  - name: drop\n    folder: in\n    interval: 60\n"
                      "  - name: missing\n    folder: nowhere\n", encoding="utf-8")
    once = run("watch", str(config), "--once", "--log-json", cwd=tmp_path)
    assert once.returncode == 1, once.stderr  # the missing folder is a source error
    events = [json.loads(line) for line in once.stderr.splitlines()]
    assert {e["event"] for e in events} == {"poll", "error"}
    assert next(e for e in events if e["event"] == "error")["source"] == "missing"

    status = run("watch", "status", str(config), "--json", cwd=tmp_path)
    assert status.returncode == 0, status.stderr
    shown = json.loads(status.stdout)
    by_name = {s["name"]: s for s in shown["sources"]}
    assert by_name["drop"]["errors"] == 0 and by_name["drop"]["last_poll"] is not None
    assert by_name["missing"]["errors"] == 1 and "not a folder" in by_name["missing"]["last_error"]
    table = run("watch-status", cwd=tmp_path)
    assert table.returncode == 0 and "missing" in table.stdout and "1 in a row" in table.stdout
    again = run("watch", "run", str(config), "--once", cwd=tmp_path)  # 'watch CONFIG' is 'watch run CONFIG'
    assert again.returncode in (0, 1) and "source(s) polled" in again.stderr  # 1: the missing folder, if due

    with ceasefire.open(f"sqlite:///{tmp_path / 's.db'}") as db:
        nexts = sorted(s.next_poll_at for s in db.store.watch.sources() if s.next_poll_at is not None)
        assert len(nexts) == 2
        assert watch_lag(db.store.watch, nexts[0] - timedelta(seconds=1)) == 0.0
        assert watch_lag(db.store.watch, nexts[-1] + timedelta(hours=3)) >= 3 * 3600  # type: ignore[operator]


def test_a_bad_configuration_is_one_line_and_status_2(tmp_path: Path) -> None:
    config = tmp_path / "watch.yaml"
    config.write_text("sources:\n  - name: a\n    folder: in\n    interval: soon\n", encoding="utf-8")
    r = run("watch", str(config), "--once", cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip().splitlines() == [f"error: {config}:4: sources[0].interval: must be a number (seconds)"]
    assert not (tmp_path / "s.db").exists()  # refused before the store is opened


def test_a_running_watcher_logs_a_failed_round_and_goes_on(tmp_path: Path) -> None:
    import threading

    from ceasefire.watch import EventLog, Watcher, parse_config

    config = parse_config("sources: [{name: drop, folder: in, interval: 0.1}]\n", base=tmp_path)
    (tmp_path / "in").mkdir()
    stop = threading.Event()
    rounds: list[int] = []
    log = EventLog(quiet=True)
    with ceasefire.open(f"sqlite:///{tmp_path / 's.db'}") as db, Watcher(config, db, log=log) as w:
        real = w.round

        def flaky():  # type: ignore[no-untyped-def]
            rounds.append(1)
            if len(rounds) == 1:
                raise RuntimeError("the disk hiccuped")
            stop.set()
            return real()

        w.round = flaky  # type: ignore[method-assign]
        runner = threading.Thread(target=w.run, args=(stop,), daemon=True)
        runner.start()
        runner.join(timeout=60)
    assert not runner.is_alive() and len(rounds) == 2
    assert any(e["event"] == "error" and "round failed: RuntimeError: the disk hiccuped" in e["error"]
               for e in log.events)


def test_a_post_done_before_a_crash_kept_it_from_being_removed_is_removed_not_ingested(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import datetime, timezone

    from ceasefire.store.watch import ItemState
    from ceasefire.watch import Watcher, parse_config
    from ceasefire.watch.inbox import spool_post
    from ceasefire.watch.items import folder_items

    monkeypatch.setenv("WATCH_TEST_TOKEN", "t")
    config = parse_config("sources: [{name: inbox, inbox: '127.0.0.1:0', token_env: WATCH_TEST_TOKEN, spool: sp}]\n",
                          base=tmp_path)
    left = spool_post(tmp_path / "sp", b'{"id": "x", "text": "y"}\n')
    (item,) = folder_items(tmp_path / "sp")
    with ceasefire.open(f"sqlite:///{tmp_path / 's.db'}") as db, Watcher(config, db) as w:
        db.store.watch.record_items([ItemState("inbox", item.key, "done", 1)], datetime.now(timezone.utc))
        report = w.round()
        assert report.stored == 0 and report.new_items == 0 and db.counts()["documents"] == 0
    assert not left.exists()
