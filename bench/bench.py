"""Benchmark: the whole ceasefire pipeline vs. spaCy alone on the same texts, in one run.

    python bench/bench.py [ARTICLES.jsonl] [--repeat N]

Reports ratios, not absolute times (machines differ): ingest (read, split, parse,
extract, resolve, store, merge) over a bare ``nlp.pipe`` of the same report texts
with the same model. Defaults to the development articles of ../shared when they
are there (read only, never copied), else to the bundled examples.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "eval" / "dev" / "ecbplus_dev.jsonl"


def _articles(path: Path, repeat: int) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            a = json.loads(line)
            rows.append({k: a[k] for k in ("id", "text", "title", "outlet", "publication_date") if a.get(k)})
    return [{**a, "id": f"{a['id']}-r{r}", "text": a["text"] + ("\n" * r)} for r in range(repeat) for a in rows]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles", nargs="?", type=Path)
    ap.add_argument("--repeat", type=int, default=1, help="ingest each article N times (as distinct documents)")
    args = ap.parse_args()
    src = args.articles or (DEFAULT if DEFAULT.exists() else ROOT / "examples" / "articles.jsonl")
    articles = _articles(src, args.repeat)

    import spacy

    import ceasefire
    from ceasefire.config import Settings

    settings = Settings.from_env()
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "in.jsonl"
        jsonl.write_text("\n".join(json.dumps(a) for a in articles) + "\n", encoding="utf-8")
        with ceasefire.open(f"sqlite:///{tmp}/bench.db") as db:
            _ = (db.pipeline.extractor, db.pipeline.gazetteer)  # load both outside the timed part
            t0 = time.perf_counter()
            result = db.ingest([jsonl])
            ours = time.perf_counter() - t0
            texts = [r.body for r in db.reports()]
    nlp = spacy.load(settings.model)
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size):
        pass
    bare = time.perf_counter() - t0
    chars = sum(len(t) for t in texts)
    print(f"input: {src.name} x{args.repeat}: {len(articles)} articles, {len(texts)} reports, {chars} characters")
    print(f"claims found: {result.claims}, incidents: {result.incidents}")
    print(f"spaCy alone (nlp.pipe, {settings.model}): 1.00")
    print(f"ceasefire ingest (read, split, parse, extract, resolve, store, merge): {ours / bare:.2f} x spaCy alone")


if __name__ == "__main__":
    main()
