"""Benchmark: does an article cost more to ingest when the store already holds many?

    python bench/stored.py [--articles N] [--chunk C] [--db URL] [--undated F]

Generates N invented articles (distinct incidents spread over 40 towns in 8
countries and ten years, each told by one to three articles, with the common small
tolls -- "3 killed" -- many share) and ingests them C at a time through the real
ingest path (documents, reports, copies, the store transaction, incremental merging)
with the mentions made up here instead of by spaCy: extraction costs the same at any
store size, so leaving it out measures what the store size could change. Prints, for
each chunk, the articles stored before it and the time per article (wall clock, and
this process's CPU, which a shared machine disturbs less; SQLite works in this
process), then the ratio of the last chunk to the chunk after the first 1,000 articles. ``--undated F`` makes
that fraction of articles undated (no publication date: docs/incidents.md, "The
window"). The texts are invented here; nothing is read from elsewhere.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Sequence

# (name, country, admin1, lat, lon): towns the invented events happen in
TOWNS = [
    ("Aleppo", "SY", "Aleppo", 36.20, 37.16), ("Idlib", "SY", "Idlib", 35.93, 36.63),
    ("Homs", "SY", "Homs", 34.73, 36.71), ("Daraa", "SY", "Daraa", 32.62, 36.10),
    ("Raqqa", "SY", "Raqqa", 35.95, 39.01), ("Mosul", "IQ", "Nineveh", 36.34, 43.13),
    ("Kirkuk", "IQ", "Kirkuk", 35.47, 44.39), ("Ramadi", "IQ", "Anbar", 33.42, 43.30),
    ("Basra", "IQ", "Basra", 30.51, 47.78), ("Tikrit", "IQ", "Salah ad-Din", 34.60, 43.68),
    ("Kabul", "AF", "Kabul", 34.53, 69.17), ("Kandahar", "AF", "Kandahar", 31.61, 65.71),
    ("Herat", "AF", "Herat", 34.35, 62.20), ("Kunduz", "AF", "Kunduz", 36.73, 68.86),
    ("Jalalabad", "AF", "Nangarhar", 34.43, 70.45), ("Sanaa", "YE", "Sanaa", 15.35, 44.21),
    ("Taiz", "YE", "Taiz", 13.58, 44.02), ("Aden", "YE", "Aden", 12.78, 45.04),
    ("Hodeidah", "YE", "Hodeidah", 14.80, 42.95), ("Marib", "YE", "Marib", 15.46, 45.33),
    ("Benghazi", "LY", "Benghazi", 32.12, 20.09), ("Tripoli", "LY", "Tripoli", 32.89, 13.19),
    ("Misrata", "LY", "Misrata", 32.38, 15.09), ("Sirte", "LY", "Sirte", 31.21, 16.59),
    ("Sabha", "LY", "Sabha", 27.04, 14.43), ("Maiduguri", "NG", "Borno", 11.85, 13.16),
    ("Kaduna", "NG", "Kaduna", 10.52, 7.44), ("Jos", "NG", "Plateau", 9.90, 8.86),
    ("Yola", "NG", "Adamawa", 9.21, 12.48), ("Makurdi", "NG", "Benue", 7.73, 8.52),
    ("Goma", "CD", "North Kivu", -1.68, 29.23), ("Bunia", "CD", "Ituri", 1.56, 30.25),
    ("Beni", "CD", "North Kivu", 0.49, 29.47), ("Bukavu", "CD", "South Kivu", -2.51, 28.86),
    ("Uvira", "CD", "South Kivu", -3.40, 29.14), ("Gao", "ML", "Gao", 16.27, -0.04),
    ("Mopti", "ML", "Mopti", 14.49, -4.18), ("Timbuktu", "ML", "Tombouctou", 16.77, -3.01),
    ("Kidal", "ML", "Kidal", 18.44, 1.41), ("Menaka", "ML", "Menaka", 15.92, 2.40),
]
KINDS = [("shelling hit", "Shelling/artillery/missile attack", "Explosions/Remote violence"),
         ("gunmen attacked", "Attack", "Violence against civilians"),
         ("a bomb exploded", "Remote explosive/landmine/IED", "Explosions/Remote violence"),
         ("clashes broke out", "Armed clash", "Battles")]
SYLLABLES = ["ka", "lo", "mi", "ru", "te", "sa", "po", "ne", "vi", "da", "go", "fu", "ze", "ha", "ji", "bo", "qu",
             "we", "xi", "ly"]
FIRST = date(2015, 1, 1)
DAYS = 3650


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def _toll(rng: random.Random) -> int:
    return rng.choice([1, 1, 2, 2, 3, 3, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 30, 45])


def articles(n: int, rng: random.Random, undated: float = 0.0) -> list[dict[str, Any]]:
    """``n`` invented articles; each event is told by one to three of them, a day or two apart."""
    out: list[dict[str, Any]] = []
    event = 0
    while len(out) < n:
        event += 1
        town = rng.choice(TOWNS)
        day = FIRST + timedelta(days=rng.randrange(DAYS))
        kind = rng.choice(KINDS)
        killed = _toll(rng)
        for _ in range(min(rng.choice([1, 1, 2, 3]), n - len(out))):
            i = len(out)
            said = killed + rng.choice([0, 0, 0, 1])
            lead = f"In {town[0]} {kind[0]} and {said} people were killed, officials said."
            filler = " ".join(_word(rng) for _ in range(60))
            line: dict[str, Any] = {"id": f"stored-{i}", "outlet": f"Outlet {i % 17}",
                                    "text": f"{lead}\n\n{filler.capitalize()} (event {event}, article {i}).",
                                    "bench": {"town": town, "day": (day + timedelta(days=rng.choice([0, 0, 1])))
                                              .isoformat(), "kind": list(kind), "killed": said}}
            if rng.random() >= undated:
                line["publication_date"] = (day + timedelta(days=1)).isoformat()
            out.append(line)
    return out


def _pipeline(settings: Any) -> Any:
    """The real pipeline with mentions made from each article's ``bench`` field instead of by spaCy."""
    from ceasefire.model import (
        Claim,
        ClaimKind,
        DatePrecision,
        DateResolution,
        Evidence,
        Mention,
        Place,
        PlacePrecision,
        Quantity,
        Report,
        Source,
        SourceType,
        Toponym,
    )
    from ceasefire.run import Pipeline

    def ev(text: str, quote: str) -> Evidence:
        at = text.index(quote)
        return Evidence("text", at, at + len(quote), quote)

    class Invented(Pipeline):
        def mentions(self, reports: Sequence[Report]) -> list[list[Mention]]:
            out = []
            for r in reports:
                b = r.article.extra["bench"]
                text = r.article.text
                name, country, admin1, lat, lon = b["town"]
                place = Place(name, country, admin1, lat, lon, None, "city", PlacePrecision.LOCALITY, name)
                if r.published is None:
                    when = DateResolution.unknown("no dateline or publication date")
                else:
                    day = date.fromisoformat(b["day"])
                    when = DateResolution(day, day, DatePrecision.DAY, "invented")
                quote = f"{b['killed']} people were killed"
                claim = Claim(ClaimKind.KILLED, Quantity(b["killed"], b["killed"]),
                              Source("officials", SourceType.GOVERNMENT), ev(text, quote))
                out.append([Mention(r.key, r.article.id, r.part, ev(text, b["kind"][0]), b["kind"][2], b["kind"][1],
                                    when, place, claims=(claim,), toponyms=(Toponym(name, ev(text, name)),),
                                    reported_on=r.published)])
            return out

    return Invented(settings)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--chunk", type=int, default=500, help="articles per ingest (one timing each)")
    ap.add_argument("--db", help="store URL (default: a fresh SQLite file)")
    ap.add_argument("--undated", type=float, default=0.0, help="fraction of articles without any date")
    args = ap.parse_args()

    from ceasefire.config import Settings
    from ceasefire.run import ingest_paths
    from ceasefire.store import open_store

    rng = random.Random(11)
    lines = articles(args.articles, rng, args.undated)
    rows = []
    with tempfile.TemporaryDirectory(prefix="ceasefire-stored-") as tmp:
        url = args.db or f"sqlite:///{tmp}/stored.db"
        settings = Settings(db_url=url)
        pipeline = _pipeline(settings)
        with open_store(url) as store:
            for at in range(0, len(lines), args.chunk):
                path = Path(tmp) / f"chunk{at:07d}.jsonl"
                path.write_text("".join(json.dumps(a) + "\n" for a in lines[at : at + args.chunk]), encoding="utf-8")
                t0, c0 = time.perf_counter(), time.process_time()
                result = ingest_paths([path], store, settings, pipeline=pipeline)
                took, cpu = time.perf_counter() - t0, time.process_time() - c0
                if result.problems:
                    sys.exit(f"problems: {result.problems[:3]}")
                n = result.documents_added
                rows.append((at, n, took / n, cpu / n))
                print(f"  stored before: {at:7d}   {n} articles   {1000 * took / n:6.1f} ms/article "
                      f"({1000 * cpu / n:5.1f} ms of CPU)   {result.incidents} incidents   "
                      f"load {os.getloadavg()[0]:.1f}", flush=True)
            counts = store.counts()
    print(f"{len(lines)} invented articles ({args.undated:.0%} undated), {counts['incidents']} incidents, "
          f"load average {os.getloadavg()[0]:.1f}")
    base = next((r for r in rows if r[0] >= 1000), rows[0])
    last = rows[-1]
    print(f"  per article after {base[0]:,} stored: {1000 * base[2]:.1f} ms ({1000 * base[3]:.1f} ms CPU); "
          f"after {last[0]:,}: {1000 * last[2]:.1f} ms ({1000 * last[3]:.1f} ms CPU); "
          f"ratio {last[2] / base[2]:.2f}x ({last[3] / base[3]:.2f}x CPU)")
    print(f"  median of all chunks {1000 * statistics.median(r[2] for r in rows):.1f} ms "
          f"({1000 * statistics.median(r[3] for r in rows):.1f} ms CPU)")


if __name__ == "__main__":
    main()
