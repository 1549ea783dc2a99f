"""Benchmark: does an article cost more to ingest when the store already holds many?

    python bench/stored.py [--articles N] [--chunk C] [--per-day R] [--db URL] [--undated F] [--plot PNG] [--json OUT]

Generates N invented articles (``bench/corpus.py``: distinct incidents over 40 towns
in 8 countries and ten years, each told by one to three wire-length articles, with the
common small tolls -- "3 killed" -- many share) and ingests them C at a time through
the real ingest path (documents, reports, copies, the store transaction, incremental
merging) with the mentions made up here from each article's known facts instead of by
spaCy: extraction costs the same at any store size, so leaving it out measures what
the store size could change (and makes 100,000 articles a matter of an hour, not of
days). Prints, for each chunk, the articles stored before it, the time per article
(wall clock, and this process's CPU, which a shared machine disturbs less; SQLite
works in this process) and the process's peak memory so far, then the ratios of the
last chunk to the chunk after the first 1,000 articles. ``--per-day R`` makes the corpus a
news stream read in publication order, R articles a day (the news of a day as dense
after 100,000 articles as after 1,000: what the store's size alone changes); without it
the incidents' days are drawn from ten years, so the news of any day grows denser as
the run goes on (27 articles a day at 100,000), and with it the merge's neighbourhood
(the mentions of the same days, places and figures). ``--undated F`` makes that
fraction of articles undated (no publication date: docs/incidents.md, "The window").
``--plot`` draws the time per article against the store size to a PNG, ``--json`` keeps the figures; both are
written again after every chunk, so a run stopped early keeps what it measured.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any, Sequence

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]
import corpus  # noqa: E402


def _pipeline(settings: Any) -> Any:
    """The real pipeline with mentions made from each article's ``bench`` field instead of by spaCy."""
    from tests.factories import claim, mention

    from ceasefire.model import Mention, Place, PlacePrecision, Report, SourceType, Toponym
    from ceasefire.run import Pipeline

    class Invented(Pipeline):
        def mentions(self, reports: Sequence[Report]) -> list[list[Mention]]:
            out = []
            for r in reports:
                b = r.article.extra["bench"]
                text = r.article.text
                name, country, admin1, lat, lon = b["town"]
                place = Place(name, country, admin1, lat, lon, None, "city", PlacePrecision.LOCALITY, name)
                lead, end = b["lead"]
                figure = text.index(str(b["killed"]), lead)
                at = text.index(name, lead)
                found = claim("killed", b["killed"], b["killed"], b["source"], SourceType.GOVERNMENT, start=figure,
                              quote=str(b["killed"]))
                out.append([mention(r.article.id, r.part, lead, b["kind"][0],
                                    date.fromisoformat(b["day"]) if r.published else None, place, (found,),
                                    trigger=text[lead:end], event_type=b["kind"][1], report_key=r.key,
                                    toponyms=(Toponym(name, _evidence(at, name)),), reported_on=r.published)])
            return out

    return Invented(settings)


def _evidence(at: int, quote: str) -> Any:
    from ceasefire.model import Evidence

    return Evidence("text", at, at + len(quote), quote)


def _plot(path: Path, rows: list[tuple[int, int, float, float, float]], undated: float, loads: list[float],
          per_day: float, also: dict[str, Any] | None) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4), dpi=110)
    xs = [at + n / 2 for at, n, *_ in rows]
    ax.plot(xs, [1000 * r[2] for r in rows], marker="o", markersize=3, label="wall clock")
    ax.plot(xs, [1000 * r[3] for r in rows], marker=".", markersize=3, linestyle="--", label="CPU (this process)")
    if also:  # an earlier run's CPU line, to compare (e.g. the days drawn from ten years against a stream)
        ax.plot([at + n / 2 for at, n, *_ in also["chunks"]], [1000 * r[3] for r in also["chunks"]],
                marker=".", markersize=2, linestyle=":", color="grey", label=f"CPU, {_corpus(also.get('per_day', 0))}")
    ax.set_xlabel("articles stored (middle of each chunk)")
    ax.set_ylabel("ms per article (store and merge; no spaCy)")
    ax.set_ylim(bottom=0)
    ax.set_title(f"Time per article as the store grows (no spaCy; {_corpus(per_day)}; {undated:.0%} undated)\n"
                 f"load average {min(loads):.1f} to {max(loads):.1f} on 2 cores", fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)  # drawn after every chunk: a figure left open is memory (and collector work) kept for the run


def _corpus(per_day: float) -> str:
    return f"a stream of {per_day:g} articles a day" if per_day else "days drawn from ten years"


def _median_ms(rows: list[tuple[int, int, float, float, float]], column: int) -> float:
    return 1000 * statistics.median(r[column] for r in rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--chunk", type=int, default=500, help="articles per ingest (one timing each)")
    ap.add_argument("--db", help="store URL (default: a fresh SQLite file)")
    ap.add_argument("--undated", type=float, default=0.0, help="fraction of articles without any date")
    ap.add_argument("--per-day", type=float, default=0.0,
                    help="a stream of R articles a day in publication order (default: days drawn from ten years)")
    ap.add_argument("--plot", type=Path, help="write the time per article against the store size to this PNG")
    ap.add_argument("--json", type=Path, help="write every chunk's figures to this file")
    ap.add_argument("--also", type=Path, help="an earlier run's --json, drawn in the plot for comparison")
    args = ap.parse_args()

    from ceasefire.config import Settings
    from ceasefire.run import ingest_paths
    from ceasefire.store import open_store

    also = json.loads(args.also.read_text(encoding="utf-8")) if args.also else None  # read once, drawn each chunk
    made = corpus.iter_articles(args.articles, seed=11, undated=args.undated, per_day=args.per_day)
    rows: list[tuple[int, int, float, float, float]] = []  # stored before, articles, s/article, CPU s/article, MiB
    loads: list[float] = []
    with tempfile.TemporaryDirectory(prefix="ceasefire-stored-") as tmp:
        url = args.db or f"sqlite:///{tmp}/stored.db"
        settings = Settings(db_url=url, workers=1)
        pipeline = _pipeline(settings)
        path = Path(tmp) / "chunk.jsonl"
        with open_store(url) as store:
            for at in range(0, args.articles, args.chunk):
                corpus.write(path, (next(made) for _ in range(min(args.chunk, args.articles - at))))
                t0, c0 = time.perf_counter(), time.process_time()
                result = ingest_paths([path], store, settings, pipeline=pipeline)
                took, cpu = time.perf_counter() - t0, time.process_time() - c0
                if result.problems:
                    sys.exit(f"problems: {result.problems[:3]}")
                n = result.documents_added
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                rows.append((at, n, took / n, cpu / n, peak))
                loads.append(os.getloadavg()[0])
                print(f"  stored before: {at:7d}   {n} articles   {1000 * took / n:6.1f} ms/article "
                      f"({1000 * cpu / n:5.1f} ms of CPU)   {result.incidents} incidents   peak {peak:.0f} MiB   "
                      f"load {loads[-1]:.1f}", flush=True)
                if args.json:  # after every chunk: a run stopped early keeps what it measured
                    args.json.write_text(json.dumps({"undated": args.undated, "per_day": args.per_day, "chunks": rows,
                                                     "loads": loads}),
                                         encoding="utf-8")
                if args.plot:
                    _plot(args.plot, rows, args.undated, loads, args.per_day, also)
            counts = store.counts()
    print(f"{args.articles:,} invented articles ({args.undated:.0%} undated), {counts['incidents']:,} incidents, "
          f"load average {os.getloadavg()[0]:.1f}")
    base = next((r for r in rows if r[0] >= 1000), rows[0])
    last = rows[-1]
    print(f"  per article after {base[0]:,} stored: {1000 * base[2]:.1f} ms ({1000 * base[3]:.1f} ms CPU); "
          f"after {last[0]:,}: {1000 * last[2]:.1f} ms ({1000 * last[3]:.1f} ms CPU); "
          f"ratio {last[2] / base[2]:.2f}x ({last[3] / base[3]:.2f}x CPU)")
    early, late = [r for r in rows if 1000 <= r[0] < 6000], rows[-5:]
    if early:  # one chunk's time is noisy on a shared machine: five chunks' medians against each other as well
        print(f"  median of the five chunks after 1,000 stored: {_median_ms(early, 2):.1f} ms "
              f"({_median_ms(early, 3):.1f} ms CPU); of the last five: {_median_ms(late, 2):.1f} ms "
              f"({_median_ms(late, 3):.1f} ms CPU); ratio {_median_ms(late, 2) / _median_ms(early, 2):.2f}x "
              f"({_median_ms(late, 3) / _median_ms(early, 3):.2f}x CPU)")
    print(f"  median of all chunks {1000 * statistics.median(r[2] for r in rows):.1f} ms "
          f"({1000 * statistics.median(r[3] for r in rows):.1f} ms CPU)")
    print(f"  peak memory after {base[0] + base[1]:,} articles: {base[4]:.0f} MiB; at the end: {last[4]:.0f} MiB; "
          f"ratio {last[4] / base[4]:.2f}x")


if __name__ == "__main__":
    main()
