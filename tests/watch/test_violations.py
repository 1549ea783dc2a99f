"""Possible-violation alerts: the seed's three reports dropped into a watched folder one at a time,
with the shipped Syria 2016 agreement in the store (issue 14's done-when), on SQLite and PostgreSQL.

The watcher is started afresh for every drop (a restart between rounds): no alert is lost or
told twice across restarts, and a round with nothing new queues nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import ceasefire
from ceasefire.watch import Watcher, parse_config
from tests.seed import seed_path

pytestmark = pytest.mark.model

SYRIA = "syria-2016-09"
CONFIG = """
alerts_from: start
incident_url: "https://monitor.example.org/incidents/{id}"
sources: [{name: drop, folder: in, interval: 0.1}]
channels: [{name: file, jsonl: alerts.jsonl}]
alerts:
  - {name: breach, on: possible_violation, agreement: syria-2016-09}
  - {name: elsewhere, on: possible_violation, agreement: minsk-ii-2015}
"""


def seed_reports() -> list[str]:
    """The seed page cut at its report boundaries (two blank lines before each report's headline)."""
    text = seed_path().read_text(encoding="utf-8")
    parts = [p for p in text.split("\n\n\n") if p.strip()]
    assert len(parts) == 3
    return parts


def _alerts(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def _at(alerts: list[dict[str, Any]], place: str) -> list[dict[str, Any]]:
    return [a for a in alerts if place in str(a["summary"]["place"])]


def test_the_seed_reports_dropped_one_at_a_time_alert_on_its_possible_violations(
    tmp_path: Path, db_url: str
) -> None:
    (tmp_path / "in").mkdir()
    config = parse_config(CONFIG, base=tmp_path)
    with ceasefire.open(db_url) as db:
        db.add_agreement(SYRIA)
    rounds: list[list[dict[str, Any]]] = []
    for n, part in enumerate(seed_reports()):
        (tmp_path / "in" / f"report{n}.txt").write_text(part, encoding="utf-8")
        with ceasefire.open(db_url) as db, Watcher(config, db) as w:  # a watcher started afresh each time
            w.round()
        rounds.append(_alerts(tmp_path / "alerts.jsonl")[sum(len(r) for r in rounds):])
    every = [a for r in rounds for a in r]
    assert {a["rule"] for a in every} == {"breach"}  # the Minsk rule watches an agreement not in the store

    # the first report: the Jebel Tharda strike, a new possible violation by the United States
    (strike,) = _at(rounds[0], "Jebel Tharda")
    assert strike["changes"][:2] == [f"new possible violation of {SYRIA}", "new incident"]
    assert strike["url"] == f"https://monitor.example.org/incidents/{strike['incident']}"
    (v,) = strike["violations"]
    assert v["agreement"] == SYRIA and v["agreement_name"].startswith("US-Russia cessation of hostilities")
    assert v["term"]["ref"].startswith("CoH terms") and v["term"]["text"]
    assert v["accused"] == "United States" and v["previous_status"] is None
    assert "Syrian Observatory for Human Rights" in v["accusers"]

    # the second (Reuters): the same strike, a new source, new accusers and the toll changed
    (later,) = _at(rounds[1], "Jebel Tharda")
    assert later["incident"] == strike["incident"] and later["version"] > strike["version"]
    assert "new source: Reuters" in later["changes"]
    assert any(c.startswith("killed ") and " from 83 to " in c for c in later["changes"])
    assert any(c.startswith("new accuser") and "Russian Defence Ministry" in c for c in later["changes"])
    assert not any(c.startswith("new possible violation") for c in later["changes"])
    (v,) = later["violations"]
    assert v["previous_status"] == "possible_violation" and "Russian Defence Ministry" in v["accusers"]

    # the third: the Daraa bombing by Syrian forces, a new possible violation by the Syrian government
    (daraa,) = _at(rounds[2], "Daraa")
    assert daraa["changes"][:2] == [f"new possible violation of {SYRIA}", "new incident"]
    (v,) = daraa["violations"]
    assert v["accused"] == "Syrian government" and v["accusers"] == ["Syrian Observatory for Human Rights"]
    assert daraa["summary"]["figures"]["killed"]["low"] == 9

    # exactly once: one alert per (rule, incident, version), and nothing more from a quiet restart
    assert len({a["alert"] for a in every}) == len(every)
    with ceasefire.open(db_url) as db, Watcher(config, db) as w:
        assert w.round().alerts_queued == 0
        assert db.store.watch.outbox_counts() == {"sent": len(every)}
    assert len(_alerts(tmp_path / "alerts.jsonl")) == len(every)


def test_possible_violation_rules_follow_versions_only_in_the_agreement(tmp_path: Path) -> None:
    """The agreement filter and the country filter both hold; without the agreement stored, nothing fires."""
    (tmp_path / "in").mkdir()
    config = parse_config(CONFIG.replace("agreement: minsk-ii-2015", "country: UA"), base=tmp_path)
    (tmp_path / "in" / "seed.txt").write_text(seed_reports()[2], encoding="utf-8")
    with ceasefire.open(f"sqlite:///{tmp_path / 's.db'}") as db, Watcher(config, db) as w:
        assert w.round().alerts_queued == 0  # the Syria agreement is not stored yet
    assert _alerts(tmp_path / "alerts.jsonl") == []
