"""Benchmark: the REST API's reads over a store of many incidents -- does a page cost the same deep in the list?

    python bench/api.py [--incidents N] [--db URL]

Writes N invented incidents (each with one report, one mention and its claims, spread
over countries, places, days and outlets) straight into a fresh store, then times
requests through the app (FastAPI's TestClient, in process): the first page, filtered
pages (bbox, country, text, source, actor, flag), the page after 80% of the list
reached by cursor, one incident, the CSV and GeoJSON exports of a filter. Prints the
median of five runs of each, in milliseconds. Nothing is read from elsewhere.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PLACES = [("Kharbek", "ZZ", 12.3, -45.5), ("Aleppo", "SY", 36.2, 37.16), ("Mosul", "IQ", 36.34, 43.12),
          ("Khartoum", "SD", 15.55, 32.53), ("Donetsk", "UA", 48.02, 37.8), ("Kandahar", "AF", 31.61, 65.71)]
OUTLETS = ["North Wire", "Desk Press", "Daily Ledger", "Evening Courier", "Valley Post"]


def build(db_url: str, n: int) -> None:
    from tests.store import factory as F

    from ceasefire.config import Settings
    from ceasefire.database import Database
    from ceasefire.model import Figures, Flag, Place, PlacePrecision

    incidents = []
    with Database(Settings(db_url=db_url)) as db:
        for k in range(n):
            name, cc, lat, lon = PLACES[k % len(PLACES)]
            text = F.TEXT + f" Report {k} from {name} by {OUTLETS[k % len(OUTLETS)]}."
            doc = F.document(text, origin=f"bench:{k}")
            rep = replace(F.report(doc, f"bench-{k}", text=text), outlet=OUTLETS[k % len(OUTLETS)])
            place = Place(name, cc, "North", lat + (k % 7) * 0.01, lon, None, "city", PlacePrecision.LOCALITY)
            day = date(2024, 1, 1) + timedelta(days=k % 365)
            m = replace(F.mention(rep), place=place)
            db.store.add_document(doc, [rep], [m])
            inc = F.incident(hashlib.sha256(str(k).encode()).hexdigest()[:16], (m,), day=day, country=cc)
            flags = (Flag("count_disagreement", "x"),) if k % 3 == 0 else ()
            incidents.append(replace(inc, place=place, flags=flags,
                                     figures={"killed": Figures(k % 40, k % 40, k % 40 + 3)}))
        db.store.replace_incidents(incidents)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--incidents", type=int, default=3000)
    ap.add_argument("--db", help="store URL (default: a SQLite file in a temporary directory)")
    args = ap.parse_args()
    from fastapi.testclient import TestClient

    from ceasefire.api import create_app
    from ceasefire.config import Settings
    from ceasefire.database import Database

    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        t0 = time.perf_counter()
        build(url, args.incidents)
        print(f"{args.incidents} incidents written in {time.perf_counter() - t0:.1f} s")
        with Database(Settings(db_url=url)) as db:
            client = TestClient(create_app(db))
            u = "/api/v1/incidents"
            deep = {"limit": 50, "sort": "-date"}
            for _ in range(int(args.incidents * 0.8) // 50):
                deep["cursor"] = client.get(u, params=deep).json()["next_cursor"]
            one = client.get(u, params={"limit": 1}).json()["incidents"][0]["href"]
            cases = {
                "first page (50)": (u, {"limit": 50}),
                "bbox": (u, {"bbox": "36,35,38,37"}),
                "country": (u, {"country": "IQ"}),
                "text q": (u, {"q": "monitoring group"}),
                "source": (u, {"source": "Valley Post"}),
                "actor": (u, {"actor": "North Army"}),
                "flag": (u, {"flag": "count_disagreement"}),
                "page at 80% by cursor": (u, deep),
                "one incident": (one, {}),
                "csv export, one country": (u, {"country": "SY", "format": "csv"}),
                "geojson export, one country": (u, {"country": "SY", "format": "geojson"}),
            }
            for label, (path, params) in cases.items():
                times = []
                for _ in range(5):
                    t = time.perf_counter()
                    r = client.get(path, params=params)
                    times.append(time.perf_counter() - t)
                    assert r.status_code == 200, r.text
                print(f"{label:30s} {statistics.median(times) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
