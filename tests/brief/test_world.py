"""The country outlines: shipped in the package, decoded offline, and what the build script makes from world-atlas."""

from __future__ import annotations

import importlib.util
import json
import os
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from ceasefire.brief.world import attribution, countries

ROOT = Path(__file__).resolve().parents[2]
ATLAS = ROOT / "node_modules" / "world-atlas" / "countries-50m.json"


def test_outlines_decode_into_closed_rings_with_iso_codes():
    all_countries = countries()
    assert len(all_countries) > 200
    by_code = {c.iso2: c for c in all_countries if c.iso2}
    syria = by_code["SY"]
    west, south, east, north = syria.bbox
    assert (35.6 < west < 36.0) and (42.2 < east < 42.5) and (32.2 < south < 32.4) and (37.2 < north < 37.4)
    for c in (syria, by_code["LB"], by_code["SS"]):
        for ring in c.rings:
            assert np.allclose(ring[0], ring[-1]) and len(ring) >= 4
    assert "Natural Earth" in attribution() and "world-atlas" in attribution()


def test_the_shipped_file_is_what_the_build_script_makes_from_the_pinned_world_atlas():
    if not ATLAS.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("node_modules/world-atlas is missing: `make setup` runs `npm ci`")
        pytest.skip("node_modules/world-atlas not installed (npm ci)")
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/world-atlas"]["version"] == "2.0.2"
    spec = importlib.util.spec_from_file_location("world_outline", ROOT / "scripts" / "world_outline.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    made = script.convert(json.loads(ATLAS.read_text(encoding="utf-8")), "2.0.2")
    shipped = resources.files("ceasefire").joinpath("data/brief_world.json.gz").read_bytes()
    assert made == shipped, "run `make world` to regenerate src/ceasefire/data/brief_world.json.gz"
