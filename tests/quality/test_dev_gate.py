"""The regression gate: measured quality on the development gold sets must not fall.

Reads ``../shared/eval/dev/`` when it is there (it always is under CI, where a
missing folder fails). Each set is ingested into a fresh temporary store by
``ceasefire.evaluate`` -- the same path users take -- and every metric named in
``floors.json`` must stay within ``tolerance`` of the value recorded there.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

import ceasefire

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dev"
FLOORS = json.loads((Path(__file__).with_name("floors.json")).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def measured(name: str) -> dict[str, Any]:
    return ceasefire.evaluate(DEV / name)


def _value(metrics: dict[str, Any], dotted: str) -> float:
    group, field = dotted.split(".")
    value = metrics[group][field]
    return 0.0 if value is None else float(value)


CASES = [(name, metric, floor) for name, floors in FLOORS["sets"].items() for metric, floor in floors.items()]


@pytest.mark.parametrize(("name", "metric", "floor"), CASES, ids=[f"{n}:{m}" for n, m, _ in CASES])
def test_quality_does_not_regress(name: str, metric: str, floor: float) -> None:
    if not (DEV / name).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{DEV / name} is missing: CI must have ../shared beside the repository")
        pytest.skip(f"{DEV / name} is not beside this checkout")
    value = _value(measured(name), metric)
    tolerance = FLOORS["tolerance"]
    assert value >= floor - tolerance, f"{name} {metric} = {value:.4f}, floor {floor} (-{tolerance})"
