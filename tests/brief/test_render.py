"""Rendering: HTML, Markdown and PDF hold the same content, escape stored text, and are deterministic."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pypdfium2
import pytest

from ceasefire import brief
from ceasefire.brief import BriefRow, EvidenceLine, SourceFigure
from ceasefire.errors import ConfigError, OutputError
from ceasefire.model import Flag, Place, PlacePrecision
from tests.brief.example import GOV, OPP, day, example_brief

GOLDEN = Path(__file__).with_name("golden")
ROOT = Path(__file__).resolve().parents[2]
UPDATE = os.environ.get("CEASEFIRE_UPDATE_GOLDEN") == "1"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def example():
    return example_brief()


@pytest.fixture(scope="module")
def html(example) -> str:
    return brief.render(example, "html").decode("utf-8")


@pytest.fixture(scope="module")
def pdf(example) -> bytes:
    return brief.render(example, "pdf")


def _pdf_pages(data: bytes) -> list[str]:
    doc = pypdfium2.PdfDocument(data)
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def _images(html: str) -> dict[str, bytes]:
    return {m[2]: base64.b64decode(m[1]) for m in re.finditer(
        r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)" alt="([^"]*)"', html)}


def test_html_is_one_file_with_the_map_and_the_chart_inline(html):
    images = _images(html)
    assert len(images) == 2
    assert all(data.startswith(PNG) for data in images.values())
    alts = list(images)
    assert alts[0].startswith("Map of the 10 incidents") and alts[1].startswith("Chart of possible violations")
    assert 'id="map"' in html and 'id="daily"' in html
    assert not re.search(r'(src|href)="(?!data:|https://)', html)  # nothing to fetch but the evidence links
    assert "<script" not in html


def test_html_holds_every_possible_violation_with_its_evidence(example, html):
    for r in example.rows:
        if r.status in ("possible_violation", "unattributed"):
            for e in r.evidence:
                assert e.quote.replace("'", "&#39;") in html, e.quote
                assert f'href="{e.url}"' in html
    rows = re.findall(r'<tr id="row-(\d+)">', html)
    assert rows == [str(n) for n in range(1, 11)]
    violations = html.split('id="violations"')[1].split("</table>")[0]
    assert violations.count("<tr id=") == 6 and violations.count("Government forces") >= 4


def test_markdown_holds_every_row_and_names_its_pictures(example):
    md = brief.render(example, "md", image_stem="week").decode("utf-8")
    assert "![Map of the 10 incidents" in md and "(week-map.png)" in md and "(week-daily.png)" in md
    for n in range(1, 11):
        assert re.search(rf"^\| {n} \|", md, re.M), f"row {n}"
    for r in example.rows:
        if r.status in ("possible_violation", "unattributed"):
            for e in r.evidence:
                assert e.quote in md
    assert "**Art. 1**: Cessation of hostilities" in md


def test_the_pdf_has_the_same_content_on_numbered_pages(example, pdf):
    assert pdf.startswith(b"%PDF-")
    pages = _pdf_pages(pdf)
    assert len(pages) == 4
    text = " ".join(" ".join(pages).split())
    assert "Example truce (invented for illustration)" in pages[0] and "12–18 September 2016" in pages[0]
    for i in range(len(pages)):
        assert f"page {i + 1} of {len(pages)}" in pages[i]
        assert "Situation brief · example-truce" in pages[i]
    for r in example.rows:
        if r.status == "possible_violation":
            for e in r.evidence:
                assert " ".join(e.quote.split()) in text, e.quote


def test_more_rows_make_more_pages(example):
    many = tuple(dataclasses.replace(example.rows[i % 6], incident_id=f"n{i}") for i in range(40))
    pages = _pdf_pages(brief.render(dataclasses.replace(example, rows=many), "pdf"))
    assert len(pages) > 6


HOSTILE = "<script>alert(1)</script>"


def _hostile_brief():
    b = example_brief()
    evil = BriefRow(
        "evil", day(14), Place("<img src=x onerror=alert(1)>", "SY", "a|b", 35.0, 37.0, precision=PlacePrecision.LOCALITY),
        "possible_violation", "Attack *bold* [x](http://y.example)", "Art. 9 <b>", "{{ 7*7 }} & more", "$\\alpha$ </td> forces",
        ("Mr <i>X</i>",), (SourceFigure("A | B", "killed", 1, 2),), 1, 2, "single_source", (Flag("x", "<u>u</u>"),),
        (EvidenceLine(f"He said {HOSTILE} and | pipes\nand a new line", "Outlet & <Co>", "javascript:alert(1)", "r<1>",
                      "Src_name"),
         EvidenceLine("# not a heading", "Fine", "https://ok.example/a(b)c d", "r2")),
        "Reason with `code` and ~~strike~~",
    )
    return dataclasses.replace(b, agreement_name="Truce </title><script>x()</script>", rows=(*b.rows, evil),
                               parties=(*b.parties, "$\\alpha$ </td> forces"))


def test_stored_text_is_escaped_in_html_and_never_becomes_a_link_unless_http():
    html = brief.render(_hostile_brief(), "html").decode("utf-8")
    assert HOSTILE not in html and "<img src=x" not in html and "Art. 9 <b>" not in html and "<i>X</i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'href="javascript' not in html.lower()
    assert "javascript:alert(1) (not a web link)" in html
    assert "{{ 7*7 }} &amp; more" in html and "49" not in html.split('id="violations"')[1].split("</table>")[0]
    assert "<script" not in html.replace("&lt;script", "")


def test_stored_text_is_escaped_in_markdown_tables_stay_tables_and_links_are_http_only():
    md = brief.render(_hostile_brief(), "md").decode("utf-8")
    assert HOSTILE not in md and "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert "<img" not in md and "<i>" not in md and "<u>" not in md
    assert "](javascript" not in md.lower() and "javascript:alert(1) (not a web link)" in md
    assert "(https://ok.example/a%28b%29c%20d)" in md  # a URL cannot end its link early
    assert "\\*bold\\* \\[x\\](http://y.example)" in md and "\\`code\\`" in md and "\\~\\~strike\\~\\~" in md
    assert "“\\# not a heading”" in md
    header = next(line for line in md.splitlines() if line.startswith("| # | Date | Place | What | Term"))
    cells = header.count("|")
    for line in md.splitlines():
        if line.startswith("| ") and "onerror" in line:  # the hostile row: its pipes escaped, its new line gone
            assert len(re.findall(r"(?<!\\)\|", line)) == cells
            break
    else:
        pytest.fail("the hostile row is not in the table")


def test_hostile_text_renders_in_the_pdf_and_the_pictures_as_itself():
    pages = _pdf_pages(brief.render(_hostile_brief(), "pdf"))
    text = " ".join(" ".join(pages).split())
    assert HOSTILE in text and "$\\alpha$ </td> forces" in text


def test_same_input_same_bytes_in_this_process_and_in_another(example):
    first = {f: brief.render(example, f) for f in brief.FORMATS}
    again = {f: brief.render(example, f) for f in brief.FORMATS}
    assert first == again
    code = ("import hashlib, sys; from ceasefire import brief; from tests.brief.example import example_brief; "
            "b = example_brief(); print(*(hashlib.sha256(brief.render(b, f)).hexdigest() for f in brief.FORMATS))")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]), "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    assert out.stdout.split() == [hashlib.sha256(first[f]).hexdigest() for f in brief.FORMATS]


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed (CEASEFIRE_UPDATE_GOLDEN=1 rewrites it)"


def test_markdown_and_html_match_their_golden_files(example, html):
    _golden("example.md", brief.render(example, "md", image_stem="example").decode("utf-8"))
    _golden("example.html", re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "data:image/png;base64,…", html))


def test_write_picks_the_format_from_the_suffix_and_writes_markdown_pictures_beside(example, tmp_path):
    written = brief.write(example, tmp_path / "week.md")
    assert [p.name for p in written] == ["week.md", "week-map.png", "week-daily.png"]
    assert (tmp_path / "week-map.png").read_bytes().startswith(PNG)
    assert "(week-map.png)" in (tmp_path / "week.md").read_text(encoding="utf-8")
    assert brief.write(example, tmp_path / "brief.out", "html") == [tmp_path / "brief.out"]
    with pytest.raises(ConfigError, match="unknown brief format 'docx'"):
        brief.write(example, tmp_path / "week.docx")
    with pytest.raises(OutputError, match="cannot write"):
        brief.write(example, tmp_path / "missing" / "week.html")


def test_the_pictures_are_pngs_of_the_stated_size(example):
    from PIL import Image as PILImage

    pics = brief.render.__globals__["pictures"](example)
    for pic in (pics.map, pics.daily):
        with PILImage.open(io.BytesIO(pic.data)) as im:
            assert im.size == (pic.width, pic.height)
        assert b"Software" not in pic.data[:200]  # no version stamped into the file


def test_a_brief_with_no_rows_still_renders(example):
    empty = dataclasses.replace(example, rows=(), previous_rows=())
    html = brief.render(empty, "html").decode("utf-8")
    assert "No possible violation in the period." in html and len(_images(html)) == 2
    assert "0 possible violations" in html
    assert [GOV, OPP] == [x for x in (GOV, OPP) if x in html]
