"""The seed page's three reports dropped into a watched folder one at a time: the alerts a desk would get."""

from __future__ import annotations

import json
from pathlib import Path

import ceasefire
from ceasefire.watch import Watcher, parse_config
from tests.seed import seed_path


def test_the_seed_reports_dropped_one_at_a_time_alert_on_jebel_tharda_then_its_new_source_then_daraa(
    tmp_path: Path,
) -> None:
    text = seed_path().read_text(encoding="utf-8")
    first, _, rest = text.partition("\n\n\n")
    parts = [first, *rest.split("\n\n\n")]
    assert len(parts) == 3
    (tmp_path / "in").mkdir()
    config = parse_config("""
alerts_from: start
incident_url: "https://monitor.example.org/incidents/{id}"
sources: [{name: drop, folder: in, interval: 0.1}]
channels: [{name: file, jsonl: alerts.jsonl}]
alerts: [{name: syria, on: incident_change, country: SY}]
""", base=tmp_path)
    rounds: list[list[dict[str, object]]] = []
    with ceasefire.open(f"sqlite:///{tmp_path / 's.db'}") as db, Watcher(config, db) as w:
        for n, part in enumerate(parts):
            (tmp_path / "in" / f"report{n}.txt").write_text(part, encoding="utf-8")
            w.round()
            lines = (tmp_path / "alerts.jsonl").read_text(encoding="utf-8").splitlines()
            rounds.append([json.loads(x) for x in lines[sum(len(r) for r in rounds):]])

    def at(alerts: list[dict[str, object]], place: str) -> list[dict[str, object]]:
        return [a for a in alerts if a["summary"]["place"] == place]  # type: ignore[index]

    struck = [a for a in at(rounds[0], "Jebel Tharda") if a["summary"]["figures"]]  # type: ignore[index]
    assert struck and struck[0]["changes"] == ["new incident"]
    strike = struck[0]["incident"]
    assert struck[0]["url"] == f"https://monitor.example.org/incidents/{strike}"
    (later,) = [a for a in rounds[1] if a["incident"] == strike]
    assert "new source: Reuters" in later["changes"]  # type: ignore[operator]
    assert any(str(c).startswith("killed ") for c in later["changes"])  # type: ignore[union-attr]
    daraa = [a for a in rounds[2] if "Daraa" in str(a["summary"]["place"])]  # type: ignore[index]
    assert daraa and daraa[0]["changes"] == ["new incident"]


def test_alerts_from_now_are_quiet_about_what_the_store_held_before(tmp_path: Path) -> None:
    from tests.watch.fakes import CAR_BOMB, SHELLING

    (tmp_path / "in").mkdir()
    before = tmp_path / "before.jsonl"
    before.write_text(json.dumps({"id": "b1", "publication_date": "2021-05-02", "text": SHELLING}) + "\n",
                      encoding="utf-8")
    config = parse_config("""
sources: [{name: drop, folder: in, interval: 0.1}]
channels: [{name: file, jsonl: alerts.jsonl}]
alerts: [{name: all, on: incident_change}]
""", base=tmp_path)
    with ceasefire.open(f"sqlite:///{tmp_path / 's.db'}") as db:
        db.ingest([before])
        with Watcher(config, db) as w:
            assert w.round().alerts_queued == 0  # the stored incident is the baseline
            (tmp_path / "in" / "new.jsonl").write_text(
                json.dumps({"id": "n1", "publication_date": "2021-05-02", "text": CAR_BOMB}) + "\n", encoding="utf-8")
            assert w.round().alerts_queued == 1
    (alert,) = [json.loads(x) for x in (tmp_path / "alerts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert alert["changes"] == ["new incident"] and alert["summary"]["place"] == "Kabul"
