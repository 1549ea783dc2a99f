"""The quality gate on the development gold sets, and the check that our scorer is the reference's.

Reads ``../shared/eval/dev/`` when it is there (it always is under CI, where a
missing folder fails). Each set is ingested into a fresh temporary store by
``ceasefire.evaluate`` -- the same path users take -- and every metric named in
``floors.json`` must reach the value recorded there (precision and recall both; no
tolerance: a floor is what the project reached, or the target it must meet). The
export that was scored is scored again by ``../shared/eval/score.py``; every figure
must be the same.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from tests.needs import shared

import ceasefire

FLOORS = json.loads((Path(__file__).with_name("floors.json")).read_text(encoding="utf-8"))
SETS = sorted(FLOORS["sets"])


@lru_cache(maxsize=None)
def measured(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Our metrics for one dev set, and the reference scorer's on the same export."""
    gold = shared("eval", "dev", name)
    with tempfile.TemporaryDirectory(prefix="ceasefire-gate-") as tmp:
        export = Path(tmp) / "export.json"
        ours = ceasefire.evaluate(gold, export_to=export)
        run = subprocess.run([sys.executable, str(shared("eval", "score.py")), "score", str(gold), str(export), "--json"],
                             capture_output=True, text=True, check=True)
    return ours, json.loads(run.stdout)


def _value(metrics: dict[str, Any], dotted: str) -> float:
    group, field = dotted.split(".")
    value = metrics[group][field]
    return 0.0 if value is None else float(value)


def numbers(metrics: dict[str, Any]) -> dict[str, float]:
    """Every number of a metrics dict, by dotted name (``claims_figure.f1``)."""
    out: dict[str, float] = {}
    for key, value in metrics.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            out[key] = value
        elif isinstance(value, dict):
            for field, x in value.items():
                if isinstance(x, (int, float)) and not isinstance(x, bool):
                    out[f"{key}.{field}"] = x
    return out


CASES = [(name, metric, floor) for name, floors in FLOORS["sets"].items() for metric, floor in floors.items()]


@pytest.mark.parametrize(("name", "metric", "floor"), CASES, ids=[f"{n}:{m}" for n, m, _ in CASES])
def test_quality_reaches_its_floor(name: str, metric: str, floor: float) -> None:
    ours, _ = measured(name)
    value = _value(ours, metric)
    assert value >= floor, f"{name} {metric} = {value:.4f}, below its floor {floor}"


@pytest.mark.parametrize("name", SETS)
def test_evaluate_agrees_with_the_reference_scorer(name: str) -> None:
    ours, reference = measured(name)
    want = numbers(reference)
    got = numbers(ours)
    assert want, "the reference scorer gave no figures"
    differ = {k: (v, got.get(k)) for k, v in want.items() if got.get(k) != v}
    assert not differ, f"{name}: figures (reference, ours) that differ: {differ}"
    assert ours["unknown_report_ids"] == reference["unknown_report_ids"]


def test_every_set_gates_precision_and_recall() -> None:
    for name, floors in FLOORS["sets"].items():
        for group in {m.split(".")[0] for m in floors if m.startswith("claims_figure")}:
            assert {f"{group}.precision", f"{group}.recall"} <= floors.keys(), f"{name} {group}"
