"""The regression gate for the component commands: geocoding (GeoWebNews) and dates (TempEval-3).

Oracle mode: the gold spans are given, our code fills coordinates / values, and
the accuracy is computed here (our own code, from the data's own fields):
geocoding is right within 161 km of the gold point; a DATE timex is right when
its TIMEX3 value equals the gold value. Floors live in ``floors.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.needs import unavailable

from ceasefire import geo
from ceasefire.config import Settings
from ceasefire.dates import normalize_lines
from ceasefire.model import km_between

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dev"
FLOORS = json.loads(Path(__file__).with_name("floors.json").read_text(encoding="utf-8"))


def _lines(path: Path) -> list[dict]:
    if not path.exists():
        unavailable(f"{path} is missing: ../shared must be beside the repository")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def geocoding_accuracy(path: Path) -> float:
    gold = _lines(path)
    given = [{"id": a["id"], "text": a["text"],
              "toponyms": [{"start": t["start"], "end": t["end"], "name": t["name"]} for t in a["toponyms"]]}
             for a in gold]
    gazetteer = geo.open_gazetteer(Settings.from_env().gazetteer_path)
    ok = n = 0
    for g, p in zip(gold, geo.geocode_lines(given, gazetteer), strict=True):
        for gt, pt in zip(g["toponyms"], p["toponyms"], strict=True):
            if gt.get("lat") is None:
                continue
            n += 1
            ok += pt.get("lat") is not None and km_between(gt["lat"], gt["lon"], pt["lat"], pt["lon"]) <= 161
    return ok / n


def date_accuracy(path: Path) -> float:
    gold = [a for a in _lines(path) if a.get("split", "dev") == "dev"]
    given = [{"id": a["id"], "dct": a["dct"], "text": a["text"],
              "timexes": [{"start": t["start"], "end": t["end"], "text": t["text"]} for t in a["timexes"]]}
             for a in gold]
    ok = n = 0
    for g, p in zip(gold, normalize_lines(given), strict=True):
        for gt, pt in zip(g["timexes"], p["timexes"], strict=True):
            if gt.get("type") != "DATE":
                continue
            n += 1
            ok += pt.get("value") == gt.get("value")
    return ok / n


def test_geocoding_does_not_regress():
    floor = FLOORS["components"]["geo/gwn.jsonl:acc161"]
    value = geocoding_accuracy(DEV / "geo" / "gwn.jsonl")
    assert value >= floor, f"GeoWebNews acc@161 km = {value:.4f}, floor {floor}"


def test_dates_do_not_regress():
    floor = FLOORS["components"]["dates/tempeval3_dev.jsonl:date_value"]
    value = date_accuracy(DEV / "dates" / "tempeval3_dev.jsonl")
    assert value >= floor, f"TempEval-3 DATE value accuracy = {value:.4f}, floor {floor}"
