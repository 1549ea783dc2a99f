"""``/health`` beside a watcher: the web app reads the watcher's state from the store (SQLite and PostgreSQL)."""

from __future__ import annotations

import time
from pathlib import Path

from fastapi.testclient import TestClient

import ceasefire
from ceasefire.api import create_app
from ceasefire.watch import Watcher, parse_config, watch_lag
from ceasefire.watch.runner import RoundReport

CONFIG = """
sources:
  - {name: drop, folder: in, interval: 60}
  - {name: gone, folder: nowhere, interval: 60}
"""


def test_health_reports_the_watchers_lag_pending_work_and_failing_sources(tmp_path: Path, db_url: str) -> None:
    (tmp_path / "in").mkdir()
    config = parse_config(CONFIG, base=tmp_path)
    with ceasefire.open(db_url) as db:
        client = TestClient(create_app(db))
        assert "watcher" not in client.get("/health").json()  # no watcher ever polled into this store
        assert db.watcher_health() is None and watch_lag(db.store.watch) is None

        with Watcher(config, db) as w:
            w.round()
        watcher = client.get("/health").json()["watcher"]
        assert watcher["sources"] == 2 and watcher["errors"] == 1  # the missing folder
        assert watcher["pending_items"] == 0 and watcher["pending_alerts"] == 0
        assert watcher["lag_seconds"] == 0 and watcher["last_round_at"].startswith(time.strftime("%Y-"))

        # a watcher whose last round was ten minutes ago: its sources are overdue by about nine minutes
        report = RoundReport()
        with Watcher(config, db, clock=lambda: time.time() - 600) as w:
            w.poll(config.sources[0], report)
        assert report.polled == ["drop"]
        lag = client.get("/health").json()["watcher"]["lag_seconds"]
        assert 500 < lag < 600 and abs(lag - (watch_lag(db.store.watch) or 0)) < 5
