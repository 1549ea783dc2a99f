"""Render the seed article's week under the shipped 2016 Syria agreement into docs/: brief-example.{html,md,pdf},
the Markdown's two pictures, and brief-example-page1.png (the PDF's first page, so a reader sees it without running
anything).

    make brief-example            # or: PYTHONPATH=src:. .venv/bin/python scripts/brief_example.py

It ingests ``../shared/data/seed-article.txt`` into a temporary store (the spaCy model is needed), adds the shipped
agreement ``syria-2016-09`` and writes the brief of 12-18 September 2016, issued on 19 September 2016.
"""

from __future__ import annotations

import io
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

import pypdfium2  # noqa: E402  (after the path set-up: this runs as a script)

import ceasefire  # noqa: E402

DOCS = ROOT / "docs"
SEED = ROOT.parent / "shared" / "data" / "seed-article.txt"
AGREEMENT = "syria-2016-09"
WEEK = (date(2016, 9, 12), date(2016, 9, 18))
ISSUED = date(2016, 9, 19)


def main() -> None:
    if not SEED.exists():
        sys.exit(f"the seed page is not at {SEED}: ../shared must be beside the repository")
    with tempfile.TemporaryDirectory(prefix="ceasefire-brief-") as tmp, \
            ceasefire.open(f"sqlite:///{Path(tmp) / 'seed.db'}") as db:
        db.ingest([SEED])
        db.add_agreement(AGREEMENT)
        written = [p for fmt in ("html", "md", "pdf")
                   for p in db.write_brief(AGREEMENT, *WEEK, DOCS / f"brief-example.{fmt}", generated_on=ISSUED)]
    document = pypdfium2.PdfDocument((DOCS / "brief-example.pdf").read_bytes())
    try:
        image = document[0].render(scale=150 / 72).to_pil()
    finally:
        document.close()
    buf = io.BytesIO()
    image.save(buf, format="PNG", optimize=True)
    page1 = DOCS / "brief-example-page1.png"
    page1.write_bytes(buf.getvalue())
    for path in [*written, page1]:
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
