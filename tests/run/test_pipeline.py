"""End to end: files in, incidents out, through every stage and a real store."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.seed import seed_path

import ceasefire

WIRE = [
    ("w1", "2020-03-02", "Wire One",
     "IDLIB, Syria, March 2 (Wire One) - Government shelling killed at least 12 civilians in the town of Maarat "
     "al-Numan on Sunday, the Syrian Observatory for Human Rights said."),
    ("w2", "2020-03-02", "Wire Two",
     "Twelve civilians were killed when shells hit a market in Maarat al-Numan in Idlib province on Sunday, "
     "the Syrian Observatory for Human Rights reported."),
    ("w3", "2019-07-14", "Wire Three",
     "KABUL (Wire Three) - A car bomb killed 8 people in Kabul on Saturday, the interior ministry said."),
]


def write_jsonl(path: Path, rows) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for aid, day, outlet, text in rows:
            fh.write(json.dumps({"id": aid, "publication_date": day, "outlet": outlet, "text": text}) + "\n")
    return path


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    db = ceasefire.open(f"sqlite:///{tmp_path_factory.mktemp('seed') / 'seed.db'}")
    result = db.ingest([str(seed_path())])
    yield db, result
    db.close()


def test_seed_has_three_reports_with_their_own_outlets_and_dates(seed_db):
    db, result = seed_db
    assert result.ok and result.documents_added == 1
    reports = sorted(db.reports(), key=lambda r: r.part)
    assert [r.outlet for r in reports] == ["AntiWar.com", "Reuters", "AntiWar.com"]
    assert [str(r.dateline) for r in reports] == ["2016-09-18", "2016-09-17", "2016-09-18"]


def test_seed_export_holds_the_jebel_tharda_strike_with_attributed_claims(seed_db):
    db, _ = seed_db
    text = seed_path().read_text(encoding="utf-8")
    doc = db.export_dict()
    claims = [c for inc in doc["incidents"] for c in inc["claims"]]
    for c in claims:  # every claim points at its own sentence
        assert text[c["start"]:c["end"]] == c["quote"]

    def find(kind, lo, hi, source_word):
        return [c for c in claims if (c["kind"], c["min"], c["max"]) == (kind, lo, hi)
                and source_word in (c["source"] or "").lower()]

    assert find("killed", 83, None, "observatory")
    assert find("wounded", 120, 120, "observatory")
    assert find("killed", 61, None, "defen")
    # the Observatory's 83 and Russia's "more than 60" sit in one incident
    holding = [inc for inc in doc["incidents"]
               if any(c["min"] == 83 for c in inc["claims"]) and any(c["min"] == 61 for c in inc["claims"])]
    assert holding, "the 83 and the 61 should be one incident"


def test_reingesting_changes_nothing(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", WIRE)
    with ceasefire.open(str(tmp_path / "s.db")) as db:
        first = db.ingest([src])
        before = db.store.snapshot()
        again = db.ingest([src])
        assert again.documents_added == 0 and again.documents_skipped == len(WIRE)
        assert db.store.snapshot() == before
    assert first.documents_added == 3 and first.claims >= 3


def test_bad_lines_are_named_and_the_rest_is_ingested(tmp_path):
    src = tmp_path / "mixed.jsonl"
    write_jsonl(src, WIRE[:2])
    with src.open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    with ceasefire.open(str(tmp_path / "s.db")) as db:
        result = db.ingest([src])
    assert result.documents_added == 2
    assert len(result.problems) == 1 and result.problems[0].origin.endswith("mixed.jsonl:3")


def _cli(*args: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "ceasefire.cli", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_kill_9_midway_then_rerun_equals_one_clean_run(tmp_path):
    rows = [(f"k{i}", "2020-03-02", "Wire", WIRE[i % 3][3]) for i in range(120)]
    src = write_jsonl(tmp_path / "many.jsonl", rows)
    env = {**os.environ, "CEASEFIRE_BATCH_SIZE": "4"}
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"

    proc = _cli("--quiet", "--db", str(killed_db), "ingest", str(src), env=env)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if killed_db.exists():
            try:
                with ceasefire.open(str(killed_db)) as probe:
                    stored = probe.counts()["documents"]
            except ceasefire.StoreError:
                continue
            if stored >= 8:
                break
    assert proc.poll() is None, "the ingest finished before it could be killed; make the input larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with ceasefire.open(str(killed_db)) as db:
        partial = db.counts()
    assert 0 < partial["documents"] < len(rows)

    assert _cli("--quiet", "--db", str(killed_db), "ingest", str(src), env=env).wait() == 0
    assert _cli("--quiet", "--db", str(clean_db), "ingest", str(src), env=env).wait() == 0
    with ceasefire.open(str(killed_db)) as a, ceasefire.open(str(clean_db)) as b:
        assert a.store.snapshot() == b.store.snapshot()
        assert a.counts()["documents"] == len(rows)


def _km(a_lat, a_lon, b_lat, b_lon):
    import math

    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b_lon - a_lon) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def test_seed_incidents_fully(seed_db):
    """The seed page as issues 4 and 5 describe it: the strike, the takeover, the Daraa bombing."""
    db, _ = seed_db
    incidents = db.export_dict()["incidents"]
    strike = next(i for i in incidents if any(c["min"] == 83 for c in i["claims"]))
    figures = {(c["kind"], c["min"], c["max"]) for c in strike["claims"]}
    assert {("killed", 83, None), ("killed", 80, None), ("killed", 61, None), ("killed", 24, None),
            ("wounded", 120, 120)} <= figures
    assert sum(c["min"] == 24 for c in strike["claims"]) == 2  # the headline's dozens and the lead's
    assert strike["sub_event_type"] == "Air/drone strike" and strike["date"]["start"] == "2016-09-17"
    loc = strike["location"]
    assert _km(loc["lat"], loc["lon"], 35.285, 40.176) <= 25  # Deir ez-Zor airport
    actors = {(a["role"], a["name"]) for a in strike["actors"]}
    assert ("perpetrator", "US-led coalition") in actors and ("target", "Syrian army") in actors
    kinds = {s["kind"] for s in strike["statements"]}
    assert "responsibility_disputed" in [f["type"] for f in strike["flags"]] or "acknowledgment" in kinds
    assert strike["killed"]["high"] == 83 and strike["wounded"]["low"] == 120

    takeover = next(i for i in incidents if i["sub_event_type"] == "Non-state actor overtakes territory")
    assert takeover["id"] != strike["id"]
    assert "control_disputed" in [f["type"] for f in takeover["flags"]]

    daraa = next(i for i in incidents if any(c["min"] == 9 for c in i["claims"]))
    assert daraa["date"]["start"] == "2016-09-18" and daraa["location"]["admin1"] == "Daraa"


def test_an_event_told_a_day_before_another_is_its_own_incident_dated_from_it(tmp_path):
    """'The strike came a day after clashes in B ...': two incidents, the clashes a day before the strike."""
    text = ("At least nine villagers died on Tuesday when a drone hit a market in Kassala, elders said. "
            "The strike came a day after clashes between soldiers and a militia in nearby Gedaref left "
            "three soldiers dead, an officer said.")
    src = write_jsonl(tmp_path / "a.jsonl", [("t1", "2021-04-08", "Wire Four", text)])
    with ceasefire.open(str(tmp_path / "s.db")) as db:
        db.ingest([src])
        incidents = db.incidents()
    dated = sorted((str(i.date.start), sorted(c.figure.min for c in i.claims)) for i in incidents)
    assert dated == [("2021-04-05", [3]), ("2021-04-06", [9])]
