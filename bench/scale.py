"""Benchmark: the whole pipeline at scale on an invented news corpus (issue 13, item 6).

    python bench/scale.py [--sizes 1000,10000] [--chunks 10] [--spacy-at 1000] [--workers-at 1000]
                          [--plot PNG] [--json OUT]

For each size N, generates N invented wire-length articles (``bench/corpus.py``:
distinct incidents over 40 towns, 8 countries and ten years, several paragraphs
each) and, each in a child process of its own (so its peak memory is its own):

- ingests them into a fresh SQLite store through the real pipeline (read, parse,
  extract, resolve, store, merge) in one process, in ``--chunks`` equal chunks, with
  the stage timers on (``ceasefire.timing``): articles per second, seconds per stage,
  the time per article of the first and last chunk (the store empty, then holding
  nine tenths of the corpus), peak resident memory;
- runs spaCy alone, ``nlp.pipe`` of the same model over the same article texts
  (batch size as the pipeline's), and prints the ratio of the two throughputs (model
  loading left out of both), wall clock and by CPU time (``--spacy-at``: on these
  sizes only);

then, on the ``--workers-at`` corpus, runs the real command ``ceasefire ingest
--workers 1`` and ``--workers 2`` (start and model loading included, as a user sees
it) and prints the speed-up and whether both stores hold the same incidents.
``--plot`` draws the time per article against the store size (every chunk of every
size) to a PNG. The load average is printed with every figure: on a shared machine
read them with it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402

STAGES = ["read", "parse", "extract", "resolve", "store", "merge"]


def _parts(src: Path, chunks: int) -> list[Path]:
    """``src`` cut into ``chunks`` files of (nearly) equal numbers of articles, named by the articles before."""
    lines = src.read_text(encoding="utf-8").splitlines(keepends=True)
    size = -(-len(lines) // chunks)
    parts = []
    for at in range(0, len(lines), size):
        part = src.parent / f"{src.stem}-part{at:07d}.jsonl"
        part.write_text("".join(lines[at : at + size]), encoding="utf-8")
        parts.append(part)
    return parts


def _pipeline_child(db: Path, paths: list[Path]) -> dict[str, Any]:
    """Ingest the files in turn into a fresh store, stage timers on (run in a child process)."""
    from ceasefire import timing
    from ceasefire.config import Settings
    from ceasefire.run import Pipeline, ingest_paths
    from ceasefire.store import open_store

    parts = [(int(p.stem.rsplit("-part", 1)[1]), p) for p in paths]
    url = f"sqlite:///{db}"
    settings = Settings(db_url=url, workers=1)
    pipeline = Pipeline(settings)
    t0 = time.perf_counter()
    _ = (pipeline.extractor, pipeline.gazetteer)
    load = time.perf_counter() - t0
    rows, problems = [], 0
    with open_store(url) as store, timing.collect() as stages:
        total = total_cpu = 0.0
        for at, part in parts:
            t0, c0 = time.perf_counter(), time.process_time()
            result = ingest_paths([part], store, settings, pipeline=pipeline)
            took, cpu = time.perf_counter() - t0, time.process_time() - c0
            total += took
            total_cpu += cpu
            problems += len(result.problems)
            rows.append({"stored": at, "articles": result.documents_added, "seconds": took, "cpu": cpu,
                         "load": os.getloadavg()[0]})
        counts = store.counts()
    return {"load_model": load, "seconds": total, "cpu": total_cpu, "chunks": rows, "stages": stages.seconds,
            "stages_cpu": stages.cpu, "problems": problems,
            "incidents": counts["incidents"], "mentions": counts.get("mentions"),
            "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _spacy_child(src: Path) -> dict[str, Any]:
    """spaCy alone over the articles' texts: the model the pipeline uses, its batch size (run in a child)."""
    import spacy

    from ceasefire.config import Settings

    settings = Settings()
    texts = [json.loads(line)["text"] for line in src.read_text(encoding="utf-8").splitlines() if line.strip()]
    t0 = time.perf_counter()
    nlp = spacy.load(settings.model)
    load = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size):
        pass
    return {"load_model": load, "seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0,
            "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _child(kind: str, *args: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, "--child", kind, *args], check=True, capture_output=True,
                         text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _workers(src: Path, tmp: Path) -> tuple[float, float, bool]:
    """Wall time of the real command with --workers 1 and 2 into fresh stores, and whether the stores agree."""
    from workers import _run, _state

    one, _, db1 = _run(tmp, src, 1, 0)
    two, _, db2 = _run(tmp, src, 2, 0)
    return one, two, _state(db1) == _state(db2)


def _plot(path: Path, runs: dict[int, dict[str, Any]]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4), dpi=110)
    for n, run in sorted(runs.items()):
        rows = run["pipeline"]["chunks"]
        xs = [r["stored"] + r["articles"] / 2 for r in rows]
        ax.plot(xs, [1000 * r["seconds"] / r["articles"] for r in rows], marker="o", label=f"{n:,} articles, wall")
        ax.plot(xs, [1000 * r["cpu"] / r["articles"] for r in rows], marker=".", linestyle="--",
                label=f"{n:,} articles, CPU")
    ax.set_xlabel("articles stored (middle of each chunk)")
    ax.set_ylabel("ms per article")
    ax.set_ylim(bottom=0)
    loads = [r["load"] for run in runs.values() for r in run["pipeline"]["chunks"]]
    ax.set_title("Time per article as the store grows (real pipeline, one process)\n"
                 f"load average {min(loads):.1f} to {max(loads):.1f} on 2 cores", fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path)


def _per_article(row: dict[str, Any]) -> str:
    return f"{1000 * row['seconds'] / row['articles']:.1f} ms ({1000 * row['cpu'] / row['articles']:.1f} ms CPU)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="corpus sizes, comma-separated")
    ap.add_argument("--chunks", type=int, default=10, help="ingests per size (one timing each)")
    ap.add_argument("--spacy-at", default="", help="corpus sizes of the spaCy-alone runs (default: every size)")
    ap.add_argument("--workers-at", type=int, default=1000, help="corpus size of the --workers 1 vs 2 runs (0: none)")
    ap.add_argument("--plot", type=Path, help="write the time per article against the store size to this PNG")
    ap.add_argument("--json", type=Path, help="write every figure to this file")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "pipeline":
            print(json.dumps(_pipeline_child(Path(rest[0]), [Path(p) for p in rest[1:]])))
        else:
            print(json.dumps(_spacy_child(Path(rest[0]))))
        return

    sizes = [int(s) for s in args.sizes.split(",")]
    spacy_at = {int(s) for s in args.spacy_at.split(",")} if args.spacy_at else set(sizes)
    runs: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="ceasefire-scale-") as name:
        tmp = Path(name)
        for n in sorted(set(sizes) | spacy_at | ({args.workers_at} if args.workers_at else set())):
            src = corpus.write(tmp / f"corpus-{n}.jsonl", corpus.articles(n), bench_field=False)
            run: dict[str, Any] = {"chars": sum(len(json.loads(x)["text"]) for x in src.read_text().splitlines())}
            if n in sizes:
                print(f"{n:,} articles ({run['chars'] / n:,.0f} characters each on average), load average "
                      f"{os.getloadavg()[0]:.1f}: the pipeline ...", flush=True)
                parts = [str(p) for p in _parts(src, args.chunks)]
                run["pipeline"] = _child("pipeline", str(tmp / f"scale-{n}.db"), *parts)
                print(f"  ... {run['pipeline']['seconds']:.0f} s; load average {os.getloadavg()[0]:.1f}", flush=True)
            if n in spacy_at:
                print(f"{n:,} articles: spaCy alone ...", flush=True)
                run["spacy"] = _child("spacy", str(src))
                print(f"  ... {run['spacy']['seconds']:.0f} s; load average {os.getloadavg()[0]:.1f}", flush=True)
            if n == args.workers_at:
                print(f"{n:,} articles: ceasefire ingest --workers 1, then 2 ...", flush=True)
                one, two, same = _workers(src, tmp)
                run["workers"] = {"one": one, "two": two, "same": same, "load": os.getloadavg()[0]}
            runs[n] = run
        if args.json:
            args.json.write_text(json.dumps(runs, indent=1), encoding="utf-8")
        if args.plot:
            _plot(args.plot, {n: r for n, r in runs.items() if "pipeline" in r})
    _summary(runs)


def _summary(runs: dict[int, dict[str, Any]]) -> None:
    print(f"\nSummary ({os.cpu_count()} cores, load average now {os.getloadavg()[0]:.1f}; SQLite store):")
    for n, run in sorted(runs.items()):
        if "pipeline" in run:
            p = run["pipeline"]
            ours = n / p["seconds"]
            first, last = p["chunks"][0], p["chunks"][-1]
            staged = sum(p["stages"].values())
            stage_list = ", ".join(f"{k} {p['stages'].get(k, 0.0):.1f} s ({p['stages_cpu'].get(k, 0.0):.1f} s CPU)"
                                   for k in STAGES)
            print(f"- {n:,} articles, one process: {ours:.1f} articles/s ({p['seconds']:.0f} s, {p['cpu']:.0f} s CPU; "
                  f"model load {p['load_model']:.1f} s apart), {p['incidents']:,} incidents, {p['problems']} problems")
            print(f"  stages: {stage_list}, other {p['seconds'] - staged:.1f} s")
            print(f"  per article: first chunk (store empty) {_per_article(first)}; last chunk "
                  f"({last['stored']:,} stored) {_per_article(last)}; ratio "
                  f"{last['seconds'] / last['articles'] / (first['seconds'] / first['articles']):.2f}x "
                  f"({last['cpu'] / last['articles'] / (first['cpu'] / first['articles']):.2f}x by CPU)")
            print(f"  peak memory {p['peak_mib']:.0f} MiB")
        if "pipeline" in run and "spacy" in run:
            p, s = run["pipeline"], run["spacy"]
            ours, bare = n / p["seconds"], n / s["seconds"]
            print(f"  spaCy alone (nlp.pipe, same model, same texts): {bare:.1f} articles/s ({s['cpu']:.0f} s CPU); "
                  f"end-to-end throughput / spaCy alone: {ours / bare:.2f}x (by CPU time {s['cpu'] / p['cpu']:.2f}x); "
                  f"spaCy alone's peak memory {s['peak_mib']:.0f} MiB")
        if "workers" in run:
            w = run["workers"]
            print(f"- {n:,} articles, ceasefire ingest (start and model load included): --workers 1 "
                  f"{w['one']:.1f} s ({n / w['one']:.1f}/s), --workers 2 {w['two']:.1f} s ({n / w['two']:.1f}/s): "
                  f"{w['one'] / w['two']:.2f}x; same store: {'yes' if w['same'] else 'NO'}")
    sizes = sorted(n for n, r in runs.items() if "pipeline" in r)
    if len(sizes) > 1:
        a, b = runs[sizes[0]]["pipeline"], runs[sizes[-1]]["pipeline"]
        la, lb = a["chunks"][-1], b["chunks"][-1]
        print(f"- peak memory {sizes[-1]:,} vs {sizes[0]:,} articles: {b['peak_mib'] / a['peak_mib']:.2f}x; "
              f"time per article, last chunk of {sizes[-1]:,} vs last chunk of {sizes[0]:,}: "
              f"{lb['seconds'] / lb['articles'] / (la['seconds'] / la['articles']):.2f}x "
              f"({lb['cpu'] / lb['articles'] / (la['cpu'] / la['articles']):.2f}x by CPU)")


if __name__ == "__main__":
    main()
