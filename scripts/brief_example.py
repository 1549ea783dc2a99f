"""Render the invented example week into docs/: brief-example.{html,md,pdf}, the Markdown's two pictures, and
brief-example-page1.png (the PDF's first page, so a reader sees it without running anything).

    make brief-example            # or: PYTHONPATH=src:. .venv/bin/python scripts/brief_example.py

The week is invented (tests/brief/example.py). Once the violation check is merged, the
example is to be made from the seed's week instead.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

import pypdfium2  # noqa: E402  (after the path set-up: this runs as a script)
from tests.brief.example import example_brief  # noqa: E402

from ceasefire import brief  # noqa: E402

DOCS = ROOT / "docs"


def main() -> None:
    example = example_brief()
    written = [p for fmt in brief.FORMATS for p in brief.write(example, DOCS / f"brief-example.{fmt}")]
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
