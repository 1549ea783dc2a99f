"""Benchmark: one event reported again and again -- does the Nth report cost what the 10th did?

    python bench/growth.py [--reports N] [--db URL]

Generates N invented news reports of one market shelling (different outlets,
sources, tolls and wording, each several paragraphs long), ingests them one at a
time into a fresh store, and prints the time of the 10th, 50th and 100th report
(each also as the median of the five reports up to it), the ratio of the last to
the 10th, the store's size, and how the incident's versions were stored
(snapshots or diffs). The texts are invented here; nothing is read from elsewhere.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

OUTLETS = ["Northern Ledger", "Valley Post", "Coastal Wire", "Daily Meridian", "Observer Desk", "Frontier Times",
           "Evening Courier", "Harbour Herald"]
SOURCES = ["the provincial health directorate", "a local hospital director", "civil defence volunteers",
           "the regional governor", "a monitoring group", "residents", "the interior ministry", "medics at the scene",
           "a spokesman for the rescue service", "the city council"]
LEADS = [
    "At least {k} people were killed and {w} wounded when artillery shells struck the central market in Aleppo "
    "on Sunday, {s} said.",
    "Shelling on a crowded market in Aleppo on Sunday killed {k} people and injured {w}, according to {s}.",
    "{s} said {k} civilians died and {w} were hurt after shells hit the Aleppo market on Sunday morning.",
    "The death toll from Sunday's shelling of a market in Aleppo rose to {k}, {s} said, with {w} wounded.",
]
BODY = [
    "Witnesses described stalls in flames and {n} ambulances rushing to the scene.",
    "The market had reopened only {n} weeks earlier after months of closure.",
    "Rescue crews were still searching the rubble late in the evening, {s} said.",
    "A shopkeeper said he heard {n} explosions in quick succession.",
    "Hospitals in the city appealed for blood donations as the wounded arrived.",
    "No group claimed responsibility for the attack, which drew condemnation from aid agencies.",
    "Photographs showed a crater near the entrance where fruit sellers gather each morning.",
    "Officials said {n} of the wounded were in critical condition.",
    "The shelling came as talks on a local truce stalled, {s} said.",
    "Schools near the market were closed for the rest of the week.",
    "A vegetable seller who lost his brother said the first shell fell without warning.",
    "Power was cut to the surrounding streets for {n} hours.",
    "Volunteers set up a first-aid point in a mosque courtyard across the road.",
    "The governor ordered an inquiry and promised compensation for the families.",
    "Traders said the market had been crowded ahead of a public holiday.",
    "Two neighbouring buildings were badly damaged, {s} said.",
]


def article(i: int, rng: random.Random) -> dict[str, str]:
    s = rng.choice(SOURCES)
    lead = rng.choice(LEADS).format(k=12 + i % 7, w=30 + i, s=s)
    body = [rng.choice(BODY).format(n=rng.randint(2, 9), s=rng.choice(SOURCES)) for _ in range(10)]
    paras = [p[0].upper() + p[1:] for p in [lead, *body]]
    text = "\n\n".join(paras) + f"\n\nReporting by staff correspondent number {rng.randint(100, 999)} ({i})."
    return {"id": f"growth-{i:03d}", "text": text, "title": f"Market shelling toll rises to {12 + i % 7}",
            "outlet": OUTLETS[i % len(OUTLETS)], "publication_date": "2024-03-04"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reports", type=int, default=100)
    ap.add_argument("--db", help="store URL (default: a fresh SQLite file)")
    args = ap.parse_args()

    import ceasefire
    from ceasefire.store import tables

    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{tmp}/growth.db"
        files = []
        for i in range(1, args.reports + 1):
            path = Path(tmp) / f"report{i:03d}.jsonl"
            path.write_text(json.dumps(article(i, rng)) + "\n", encoding="utf-8")
            files.append(path)
        times: list[float] = []
        with ceasefire.open(url) as db:
            _ = (db.pipeline.extractor, db.pipeline.gazetteer)  # load both outside the timed part
            for path in files:
                t0 = time.perf_counter()
                db.ingest([path])
                times.append(time.perf_counter() - t0)
            incidents = db.incidents()
            biggest = max(incidents, key=lambda inc: len(inc.mentions))
            counts = db.counts()
            columns = [c.name for c in tables.incident_versions.columns if c.info.get("snapshot", True)]
            kind_at = columns.index("kind")
            kinds = [row[kind_at] for row in db.store.snapshot()["incident_versions"]]
        size = Path(tmp, "growth.db").stat().st_size if not args.db else None
    print(f"{args.reports} reports of one event, ingested one at a time ({counts['mentions']} mentions)")
    for n in sorted({10, 50, 100, args.reports}):
        if n <= len(times):
            window = statistics.median(times[max(0, n - 5) : n])
            print(f"  report {n:4d}: {times[n - 1]:.3f} s   (median of reports {max(1, n - 4)}-{n}: {window:.3f} s)")
    last = min(100, len(times))
    ratio = statistics.median(times[last - 5 : last]) / statistics.median(times[5:10])
    print(f"  report {last} / report 10 (medians of five): {ratio:.2f}x")
    print(f"  largest incident: {len(biggest.mentions)} mentions from {len(biggest.article_ids)} reports; "
          f"{len(incidents)} incident(s) in all")
    print("  versions stored: " + ", ".join(f"{kinds.count(k)} {k}" for k in ("diff", "snapshot", "retired")))
    if size is not None:
        print(f"  store: {size / 1e6:.1f} MB for {counts['reports']} reports")


if __name__ == "__main__":
    main()
