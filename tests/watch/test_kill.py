"""A watcher killed with SIGKILL mid-round, then restarted, loses and doubles nothing (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import ceasefire
from ceasefire.watch import Watcher, load_config

SRC = Path(__file__).resolve().parents[2] / "src"

# invented one-line reports, each of another event in another town
TOWNS = ["Kabul", "Kandahar", "Herat", "Mosul", "Aleppo", "Homs", "Taiz", "Sanaa"]


def _article(n: int, town: str) -> dict[str, str]:
    return {
        "id": f"k{n}",
        "publication_date": f"2021-06-{n + 1:02d}",
        "outlet": f"Wire {n}",
        "text": f"{town.upper()} (Wire {n}) - A roadside bomb killed {n + 3} people in {town} on Tuesday, "
                f"police said.",
    }


def test_kill_9_mid_round_then_restart_loses_and_doubles_nothing(tmp_path: Path, db_url: str) -> None:
    incoming = tmp_path / "in"
    incoming.mkdir()
    for n, town in enumerate(TOWNS):
        (incoming / f"k{n}.jsonl").write_text(json.dumps(_article(n, town)) + "\n", encoding="utf-8")
    config = tmp_path / "watch.yaml"
    config.write_text(
        "alerts_from: start\n"
        "sources:\n  - name: drop\n    folder: in\n    interval: 0.2\n"
        "channels:\n  - name: file\n    jsonl: alerts.jsonl\n"
        "alerts:\n  - name: all\n    on: incident_change\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(SRC), "CEASEFIRE_DEBUG": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "ceasefire", "--db", db_url, "watch", str(config), "--log-json"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env, text=True,
    )
    seen: list[dict[str, object]] = []
    try:
        assert proc.stderr is not None
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            if line.startswith("{"):
                seen.append(json.loads(line))
                if seen[-1]["event"] == "new":  # one file stored; others on their way
                    break
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
        if proc.stderr is not None:
            proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert any(e["event"] == "new" for e in seen), seen

    with ceasefire.open(db_url) as db:
        before = db.counts()["documents"]
        assert 1 <= before <= len(TOWNS)
        with Watcher(load_config(config), db) as watcher:
            watcher.round()
            watcher.round()  # nothing left for a second round
        counts = db.counts()
        items = db.store.watch.items("drop")
        outbox = db.store.watch.outbox_counts()
        undecided = db.store.watch.undecided()
        check = db.check()
        incidents = db.incidents()
    assert counts["documents"] == len(TOWNS) and counts["reports"] == len(TOWNS)
    assert len(items) == len(TOWNS) and {s.state for s in items.values()} == {"done"}
    assert check == [] and undecided == []
    lines = [json.loads(x) for x in (tmp_path / "alerts.jsonl").read_text(encoding="utf-8").splitlines()]
    ids = [a["alert"] for a in lines]
    assert len(ids) == len(set(ids))  # none twice
    assert outbox == {"sent": len(ids)}  # none lost: every queued alert delivered
    assert {a["incident"] for a in lines if a["changes"] == ["new incident"]} >= {i.id for i in incidents}
