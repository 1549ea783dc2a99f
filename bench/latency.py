"""Benchmark: from a file dropped into a watched folder to its incident readable through the Python API.

    python bench/latency.py [--background N] [--drops K] [--interval S] [--db URL] [--keep DIR] [--build-only]

Builds a store of N invented background reports (bulk ingest, not timed), starts
``ceasefire watch`` in a process of its own on a folder, with one alert rule so a
round also decides alerts, drops one report to load the model (not timed), then drops
K invented reports into the folder one at a time (written under a hidden name, then
renamed, as a tool should) and, from this process, polls the Python API every 10 ms
until the report's incident is readable (``db.incidents(since=, until=)`` around its
day holding a mention of that article).
Prints p50, p95 and max of the latencies. The texts are invented here.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

TOWNS = ["Aleppo", "Idlib", "Homs", "Hama", "Raqqa", "Deir ez-Zor", "Daraa", "Latakia", "Tartus", "Qamishli",
         "Douma", "Palmyra", "Manbij", "Jisr al-Shughur", "Saraqib", "Maarat al-Numan", "Khan Shaykhun", "Azaz",
         "Al-Bab", "Bosra", "Nawa", "Quneitra", "Salamiyah", "Tadmur", "Hasakah",
         "Mosul", "Kirkuk", "Fallujah", "Ramadi", "Tikrit", "Basra", "Kabul", "Kandahar", "Herat", "Jalalabad",
         "Kunduz", "Sanaa", "Taiz", "Aden", "Hodeidah", "Marib", "Benghazi", "Tripoli", "Misrata", "Sirte"]
SYRIA = ["Idlib", "Homs", "Hama", "Raqqa", "Latakia", "Tartus", "Qamishli", "Jisr al-Shughur",
         "Maarat al-Numan", "Khan Shaykhun", "Azaz", "Salamiyah", "Tadmur", "Hasakah"]  # placed in Syria
OUTLETS = ["Northern Ledger", "Valley Post", "Coastal Wire", "Daily Meridian", "Frontier Times", "Harbour Herald",
           "Evening Courier", "Plains Observer", "River Gazette", "Summit Chronicle"]
SOURCES = ["the health ministry", "a local hospital director", "civil defence volunteers", "police",
           "a monitoring group", "the provincial governor", "residents", "a medical charity"]
KINDS = ["A roadside bomb killed {k} people in {t} on {d}, {s} said.",
         "Shelling on a market in {t} on {d} killed {k} civilians and wounded {w}, according to {s}.",
         "An air strike on a village near {t} killed {k} people on {d}, {s} said.",
         "Gunmen killed {k} people at a checkpoint in {t} on {d}, {s} said.",
         "Government forces shelled {t} on {d}, killing {k} civilians, {s} said.",
         "Rebels fired mortars at {t} on {d}, killing {k} people and wounding {w}, {s} said.",
         "Syrian army helicopters dropped barrel bombs on {t} on {d}, killing {k} people, {s} said.",
         "Clashes between the army and rebels near {t} on {d} left {k} fighters dead, {s} said."]
EXTRAS = ["Residents said the area had been calm for {n} weeks.",
          "It was the {o} attack on the district this month, a local council member said.",
          "Aid workers said {m} families had left the neighbourhood since the spring.",
          "The road to the provincial capital was closed for {n} hours after the attack.",
          "Nobody claimed responsibility by the evening; {m} people were treated for light wounds.",
          "A school and {n} shops nearby were damaged, footage shared online showed."]
DROP_KINDS = [*KINDS[:4],  # and, half the time, a possible violation of the agreement (its accused named)
              "Syrian forces bombed rebel sites in {t} on {d}, killing at least {k} civilians, according to {s}.",
              "Russian jets struck a rebel-held district of {t} on {d}, killing {k} civilians, {s} said.",
              "Syrian government aircraft bombed a market in {t} on {d}, killing {k} people, {s} said.",
              "Rebel fighters shelled army positions near {t} on {d}, killing {k} soldiers, {s} said."]
FIRST_DAY = date(2016, 9, 14)  # after the shipped Syria 2016 agreement began: Syrian incidents are judged
DAYS = 2900  # background days spread over about eight years: few reports share a place and a day


def article(i: int, day: date, rng: random.Random, tag: str = "bg", towns: list[str] = TOWNS,
            kinds: list[str] = KINDS) -> dict[str, str]:
    """One invented short report: a place, a day, figures, a source; varied wording."""
    town = rng.choice(towns)
    lead = rng.choice(kinds).format(k=rng.randint(2, 40), w=rng.randint(3, 60), t=town,
                                    d=day.strftime("%A, %B %-d"), s=rng.choice(SOURCES))
    extra = (rng.choice(EXTRAS).format(n=rng.randint(2, 9), m=rng.randint(10, 400),
                                       o=rng.choice(["second", "third", "fourth", "fifth"]))
             + f" Reporting by correspondent {rng.randint(100, 999)} ({tag}-{i}).")
    return {"id": f"bench-{tag}-{i}", "publication_date": day.isoformat(), "outlet": rng.choice(OUTLETS),
            "text": f"{town.upper()} ({rng.choice(OUTLETS)}) - {lead}\n\n{extra}"}


def background(db: Any, root: Path, count: int, agreement: str | None, chunk: int = 500) -> None:
    """Fill the store with ``count`` invented reports (the same ones on every run: a kept store is reused,
    and an interrupted build resumes, stored documents being skipped), the agreement added first."""
    if agreement and agreement not in {a.id for a in db.agreements()}:
        db.add_agreement(agreement)
    have = db.counts()["documents"]
    rng = random.Random(20261203)
    rows = [article(i, FIRST_DAY + timedelta(days=(i * 7919) % DAYS), rng) for i in range(count)]
    if have >= count:
        print(f"background: {have} documents stored already")
        return
    t = time.perf_counter()
    for n in range(0, count, chunk):
        part = root / f"background-{n}.jsonl"
        part.write_text("".join(json.dumps(r) + "\n" for r in rows[n:n + chunk]), encoding="utf-8")
        result = db.ingest([part])
        print(f"background: {min(n + chunk, count)} of {count} ({result.documents_added} new), "
              f"{time.perf_counter() - t:.0f} s", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--background", type=int, default=2000, help="invented reports in the store first")
    ap.add_argument("--drops", type=int, default=40, help="reports dropped and timed")
    ap.add_argument("--interval", type=float, default=0.05, help="the folder's poll interval (seconds)")
    ap.add_argument("--db", help="store URL (default: a SQLite file in a temporary folder)")
    ap.add_argument("--keep", type=Path, help="a folder for the store, kept: a second run reuses its background")
    ap.add_argument("--agreement", default="syria-2016-09",
                    help="agreement added first (a shipped id or a file; '' for none): every incident is judged")
    ap.add_argument("--build-only", action="store_true", help="build (or complete) the background store and stop")
    args = ap.parse_args()

    import ceasefire

    run = f"drop{int(time.time())}"  # a second run over a kept store drops reports of its own
    rng = random.Random(run)  # other reports than the last run's: they would join its incidents
    with tempfile.TemporaryDirectory(prefix="ceasefire-latency-") as tmp:
        root = Path(tmp)
        url = args.db or f"sqlite:///{(args.keep or root) / 'store.db'}"
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        with ceasefire.open(url) as db:
            background(db, root, args.background, args.agreement or None)
            counts = db.counts()
        print(f"background: {counts['documents']} documents, {counts['incidents']} incidents, "
              f"{time.perf_counter() - t:.0f} s")
        if args.build_only:
            return

        (root / "in").mkdir()
        latencies = []
        (root / "watch.yaml").write_text(
            f"sources: [{{name: drop, folder: in, interval: {args.interval}}}]\n"
            "channels: [{name: file, jsonl: alerts.jsonl}]\n"
            "alerts: [{name: big, on: new_incident, killed_min: 10}, {name: breach, on: possible_violation}]\n",
            encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
        watcher = subprocess.Popen(  # the watcher as deployed: a process of its own beside the reader
            [sys.executable, "-m", "ceasefire", "--db", url, "watch", str(root / "watch.yaml"), "--log-json"],
            env=env, stdout=subprocess.DEVNULL, stderr=(root / "watch.log").open("w"),
        )
        judged = 0
        try:
            with ceasefire.open(url) as reader:
                before = reader.counts()

                def drop(k: int, a: dict[str, str], day: date) -> float:
                    nonlocal judged
                    hidden = root / "in" / f".drop{k}.jsonl"
                    hidden.write_text(json.dumps(a) + "\n", encoding="utf-8")
                    t0 = time.perf_counter()
                    os.replace(hidden, root / "in" / f"drop{k}.jsonl")
                    while True:
                        found = reader.incidents(since=day - timedelta(days=3), until=day + timedelta(days=3))
                        mine = [i for i in found if any(m.article_id == a["id"] for m in i.mentions)]
                        if mine:  # the incident and its violation result are written in one transaction
                            if args.agreement and reader.judgements(args.agreement, mine[0].id):
                                judged += 1
                            return time.perf_counter() - t0
                        if time.perf_counter() - t0 > 120:
                            raise SystemExit(f"drop {k} not readable after 120 s")
                        time.sleep(0.01)

                warm = date(2016, 9, 13)  # the first drop loads the model: not timed
                drop(-1, article(-1, warm, rng, tag=run, towns=SYRIA, kinds=DROP_KINDS), warm)
                for k in range(args.drops):
                    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))  # Syrian, in the agreement's time
                    latencies.append(drop(k, article(k, day, rng, tag=run, towns=SYRIA, kinds=DROP_KINDS), day))
                    time.sleep(rng.uniform(0.05, 0.3))  # drops arrive at random moments of the poll cycle
        finally:
            watcher.send_signal(signal.SIGTERM)
            watcher.wait(timeout=120)
        latencies.sort()
        p95 = latencies[max(0, int(round(0.95 * len(latencies))) - 1)]
        print(f"store before the drops: {before['documents']} documents, {before['incidents']} incidents, "
              f"{before['incident_versions']} versions; load average {os.getloadavg()[0]:.1f}")
        alerts = root / "alerts.jsonl"
        lines = alerts.read_text().splitlines() if alerts.exists() else []
        breaches = sum(1 for x in lines if '"possible_violation"' in x)
        print(f"drops: {len(latencies)}, poll interval {args.interval} s, store {url.split(':')[0]}, "
              f"violation result read with the incident for {judged} of {len(latencies) + 1}, "
              f"{breaches} possible_violation alert(s)")
        events = [json.loads(x) for x in (root / "watch.log").read_text().splitlines() if x.startswith("{")]
        ingest = sorted([e["seconds"] for e in events if e["event"] == "new"][1:])  # the first loaded the model
        if ingest:
            p95_ingest = ingest[max(0, int(round(0.95 * len(ingest))) - 1)]
            print(f"of which ingesting the file (the watcher's own measure): "
                  f"p50 {statistics.median(ingest) * 1000:.0f} ms, p95 {p95_ingest * 1000:.0f} ms")
        print(f"latency drop -> incident readable: p50 {statistics.median(latencies) * 1000:.0f} ms, "
              f"p95 {p95 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
