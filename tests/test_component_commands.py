"""The component commands: ceasefire dates and ceasefire geocode over JSON lines."""

from __future__ import annotations

import json
import subprocess
import sys


def run(*args: str, stdin: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ceasefire.cli", *args], input=stdin, capture_output=True,
                          text=True, timeout=300, check=False)


def test_dates_fills_values_and_names_bad_lines():
    lines = [
        {"id": "a", "dct": "2016-09-19", "text": "Jets struck on Saturday; talks will resume Wednesday.",
         "timexes": [{"start": 12, "end": 23, "text": "on Saturday"}, {"start": 43, "end": 52, "text": "Wednesday"}]},
        {"id": "b", "dct": "not a date", "text": "yesterday", "timexes": [{"start": 0, "end": 9}]},
    ]
    stdin = json.dumps(lines[0]) + "\n{oops\n" + json.dumps(lines[1]) + "\n"
    r = run("dates", stdin=stdin)
    assert r.returncode == 1 and "<stdin>:2" in r.stderr
    out = [json.loads(x) for x in r.stdout.splitlines()]
    assert [t["value"] for t in out[0]["timexes"]] == ["2016-09-17", "2016-09-21"]
    assert out[1]["timexes"][0]["value"] is None and "dct" in out[1]["timexes"][0]["basis"]


def test_geocode_resolves_given_spans_and_leaves_unknowns_unresolved():
    text = "Shelling near Deir al-Zor airport and in Idleb; a blast in Qwertzuiopville."
    line = {"id": "g", "text": text, "toponyms": [
        {"start": 14, "end": 33, "name": "Deir al-Zor airport"},
        {"start": 41, "end": 46, "name": "Idleb"},
        {"start": 59, "end": 74, "name": "Qwertzuiopville"},
    ]}
    r = run("geocode", stdin=json.dumps(line) + "\n")
    assert r.returncode == 0, r.stderr
    (out,) = [json.loads(x) for x in r.stdout.splitlines()]
    airport, idlib, unknown = out["toponyms"]
    assert airport["country"] == "SY" and airport["precision"] == "near"
    assert idlib["country"] == "SY" and abs(idlib["lat"] - 35.93) < 0.2 and idlib["geonames_id"]
    assert unknown["lat"] is None and unknown["precision"] == "unknown"


def test_geocode_find_finds_toponyms_itself():
    line = {"id": "f", "text": "Clashes erupted in Kharkiv on Monday, officials said."}
    r = run("geocode", "--find", stdin=json.dumps(line) + "\n")
    assert r.returncode == 0, r.stderr
    (out,) = [json.loads(x) for x in r.stdout.splitlines()]
    assert [(t["name"], t["country"]) for t in out["toponyms"]] == [("Kharkiv", "UA")]
