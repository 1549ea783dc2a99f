"""Benchmark: from a file dropped into a watched folder to its incident readable through the Python API.

    python bench/latency.py [--background N] [--drops K] [--interval S] [--db URL] [--keep DIR] [--build-only]

Builds a store of N invented background reports (bulk ingest, not timed; with --keep, a
store kept in DIR is reused: the same reports every run, an interrupted build resumes),
starts ``ceasefire watch`` in a process of its own on a folder, with two alert rules so a
round also decides alerts, drops two reports not timed (the model's load, the alert
baseline), then drops K invented reports into the folder one at a time (written under a
hidden name, then renamed, as a tool should). For each, this process polls the store
every 10 ms for the document (an index probe), then reads the report's incident through
the Python API (``db.incidents(since=, until=)`` around its day holding a mention of that
article) and its violation result: the three are written in one transaction.

Prints the load average, and p50, p95 and max of the latency and of its parts: the
watcher noticing the file, its ingest (of which committing), and the rest until the
read returned (the watcher's wrap-up, the reader's poll and one read), from the watcher's
JSON log. The texts are invented here.

    python bench/latency.py --background 10000 --keep /tmp/latency-store --build-only   # once
    python bench/latency.py --background 10000 --drops 40 --keep /tmp/latency-store
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
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
        (root / "watch.yaml").write_text(
            f"sources: [{{name: drop, folder: in, interval: {args.interval}}}]\n"
            "channels: [{name: file, jsonl: alerts.jsonl}]\n"
            "alerts: [{name: big, on: new_incident, killed_min: 10}, {name: breach, on: possible_violation}]\n",
            encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
        log = root / "watch.log"
        watcher = subprocess.Popen(  # the watcher as deployed: a process of its own beside the reader
            [sys.executable, "-m", "ceasefire", "--db", url, "watch", str(root / "watch.yaml"), "--log-json"],
            env=env, stdout=subprocess.DEVNULL, stderr=log.open("w"),
        )
        drops: list[Drop] = []
        loads = [os.getloadavg()[0]]
        try:
            with ceasefire.open(url) as reader:
                before = reader.counts()
                warm = date(2016, 9, 13)  # two drops not timed, waited for in the log only: the first loads
                for k in (-1, -2):  # the model, and its round sets the alert baseline (every stored version)
                    drop_file(root, k, article(k, warm, rng, tag=run, towns=SYRIA, kinds=DROP_KINDS))
                    wait_logged(log, f"drop{k}.jsonl", watcher)
                cpu = cpu_seconds(watcher.pid)
                for k in range(args.drops):
                    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))  # Syrian, in the agreement's time
                    a = article(k, day, rng, tag=run, towns=SYRIA, kinds=DROP_KINDS)
                    drops.append(timed_drop(reader, root, k, a, day, args.agreement, log))
                    loads.append(os.getloadavg()[0])
                    time.sleep(rng.uniform(0.05, 0.3))  # drops arrive at random moments of the poll cycle
                cpu = cpu_seconds(watcher.pid) - cpu  # the watcher's CPU over the timed drops (nan off Linux)
        finally:
            watcher.send_signal(signal.SIGTERM)  # it finishes its round (or its start-up) first
            try:
                watcher.wait(timeout=600)
            except subprocess.TimeoutExpired:
                watcher.kill()
                watcher.wait()
        report(drops, log, root, url, args, before, loads)
        print(f"the watcher's CPU time per timed drop (polls, ingest, alerts; less disturbed by the load): "
              f"{cpu / max(len(drops), 1) * 1000:.0f} ms")


@dataclass
class Drop:
    """One timed drop: wall-clock moments (``time.time()``) and what the watcher logged of its ingest."""

    name: str
    dropped: float  # renamed into the folder
    read: float  # its incident read through the API
    judged: bool  # its violation result was read with it
    ingest: float = float("nan")  # seconds the watcher's ingest of the file took
    commit: float = float("nan")  # of which committing
    ingested: float = float("nan")  # when the watcher logged the ingest done


def cpu_seconds(pid: int) -> float:
    """The user and system CPU seconds of process ``pid`` so far (Linux's /proc; nan elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def drop_file(root: Path, k: int, a: dict[str, str]) -> float:
    """Write the report under a hidden name, then rename it into the folder (as a tool should); the moment."""
    hidden = root / "in" / f".drop{k}.jsonl"
    hidden.write_text(json.dumps(a) + "\n", encoding="utf-8")
    moment = time.time()
    os.replace(hidden, root / "in" / f"drop{k}.jsonl")
    return moment


def logged(log: Path) -> dict[str, dict[str, Any]]:
    """The watcher's ``new`` events by file name."""
    events = []
    for line in log.read_text(errors="replace").splitlines():
        try:
            events.append(json.loads(line))
        except json.JSONDecodeError:  # not an event, or the line being written
            continue
    return {e["item"].split("|")[0]: e for e in events if e.get("event") == "new" and "item" in e}


def wait_logged(log: Path, name: str, watcher: subprocess.Popen[bytes], timeout: float = 600) -> None:
    """Wait until the watcher has ingested ``name`` (the first drop: warming and the model's load)."""
    began = time.perf_counter()
    while name not in logged(log):
        if watcher.poll() is not None or time.perf_counter() - began > timeout:
            tail = log.read_text(errors="replace").splitlines()[-15:]
            raise SystemExit(f"the watcher did not ingest {name}; its log ends:\n" + "\n".join(tail))
        time.sleep(0.2)


def timed_drop(reader: Any, root: Path, k: int, a: dict[str, str], day: date, agreement: str,
               log: Path) -> Drop:
    """Drop one report; poll the store every 10 ms for its document (an index probe, so that the polling
    costs the watcher little of the machine); once stored, read its incident through the Python API
    (``db.incidents(since=, until=)`` around its day holding a mention of that article) and its violation
    result. The document, its incident and the violation result are written in one transaction, so the
    moment that read returns is the moment the incident was readable, plus one read."""
    line = json.dumps(a).encode("utf-8")
    hashes = {hashlib.sha256(line).hexdigest(), hashlib.sha256(line + b"\n").hexdigest()}  # the line's document
    t0 = drop_file(root, k, a)
    while True:
        if not any(reader.store.has_document(h) for h in hashes) and time.time() - t0 < 60:
            time.sleep(0.01)
            continue
        found = reader.incidents(since=day - timedelta(days=3), until=day + timedelta(days=3))
        mine = [i for i in found if any(m.article_id == a["id"] for m in i.mentions)]
        if mine:  # the incident and its violation result are written in one transaction
            read = time.time()
            judged = bool(agreement and reader.judgements(agreement, mine[0].id))
            return Drop(f"drop{k}.jsonl", t0, read, judged)
        if time.time() - t0 > 120:
            tail = log.read_text(errors="replace").splitlines()[-15:]
            raise SystemExit(f"drop {k} not readable after 120 s; the watcher's log ends:\n" + "\n".join(tail))
        time.sleep(0.01)


def pct(values: list[float], q: float) -> float:
    """The ``q`` quantile, nearest rank (p95 of 40 values: the 38th)."""
    ordered = sorted(values)
    return ordered[max(0, int(round(q * len(ordered))) - 1)]


def report(drops: list[Drop], log: Path, root: Path, url: str, args: argparse.Namespace,
           before: dict[str, int], loads: list[float]) -> None:
    """Print the store, the load, and p50/p95/max of the latency and of its parts."""
    events = logged(log)
    for d in drops:
        e = events.get(d.name)
        if e is not None:
            d.ingest, d.commit = e["seconds"], e.get("commit", float("nan"))
            d.ingested = datetime.fromisoformat(e["time"]).timestamp()
    alerts = root / "alerts.jsonl"
    lines = alerts.read_text().splitlines() if alerts.exists() else []
    breaches = sum(1 for x in lines if '"possible_violation"' in x)
    print(f"store before the drops: {before['documents']} documents, {before['incidents']} incidents, "
          f"{before['incident_versions']} versions ({url.split(':')[0]}); poll interval {args.interval} s")
    print(f"load average (1 min) during the drops: {statistics.median(loads):.1f} median, "
          f"{min(loads):.1f}-{max(loads):.1f}")
    print(f"drops: {len(drops)}, violation result read with the incident for {sum(d.judged for d in drops)}, "
          f"{breaches} possible_violation alert(s) (the warm-up drops included)")
    timed = [d for d in drops if d.ingested == d.ingested]  # the log's times have millisecond precision
    parts = {
        "drop -> incident readable": [d.read - d.dropped for d in drops],
        "  watcher noticing (drop -> ingest began)": [d.ingested - d.ingest - d.dropped for d in timed],
        "  ingest of the file (watcher's measure)": [d.ingest for d in timed],
        "    of which committing": [d.commit for d in timed if d.commit == d.commit],
        "  reader (ingest done -> read)": [d.read - d.ingested for d in timed],
    }
    print(f"{'':44} {'p50':>7} {'p95':>7} {'max':>7}  (ms)")
    for name, values in parts.items():
        if values:
            print(f"{name:44} {statistics.median(values) * 1000:7.0f} {pct(values, 0.95) * 1000:7.0f} "
                  f"{max(values) * 1000:7.0f}")


if __name__ == "__main__":
    main()
