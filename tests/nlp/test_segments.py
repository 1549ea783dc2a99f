"""Which texts of a report the pipeline reads, and where they stand (no model needed)."""

from __future__ import annotations

from ceasefire.model import Article, Evidence, Report
from ceasefire.nlp.segments import report_segments

from .conftest import make_report


def test_headline_in_title_then_body_with_its_offset() -> None:
    text = "PREAMBLE\n\nTwo people were killed on Friday."
    rep = make_report(text, title="Two killed", body_start=10)
    segs = report_segments(rep)
    assert [(s.field, s.offset, s.headline) for s in segs] == [("title", 0, True), ("text", 10, False)]
    assert segs[1].text == text[10:]


def test_headline_inside_the_body_is_not_read_twice() -> None:
    text = "Two killed in raid\n\nTwo people were killed on Friday."
    article = Article(id="x", text=text)
    rep = Report(article, "d", 1, 0, len(text), Evidence("text", 0, 18, text[:18]))
    assert [s.field for s in report_segments(rep)] == ["text"]


def test_long_bodies_are_cut_at_paragraphs() -> None:
    text = ("A sentence here.\n\n" * 50).strip()
    segs = report_segments(make_report(text), limit=100)
    assert all(len(s.text) <= 100 for s in segs)
    assert "".join(text[s.offset : s.offset + len(s.text)] for s in segs).replace("\n", "") == text.replace("\n", "")
    assert all(text[s.offset : s.offset + len(s.text)] == s.text for s in segs)


def test_upper_case_segments_get_a_case_normalised_copy() -> None:
    text = "PORT LEMAN, 4 MAR 91 -- TWELVE VILLAGERS WERE KILLED TODAY BY GUNMEN."
    (seg,) = report_segments(make_report(text))
    assert seg.text == text
    assert seg.model_text != text and len(seg.model_text) == len(text)


def test_the_byline_line_is_no_prose_and_parts_the_headline_from_the_body() -> None:
    text = "Shelling Kills Four in Tamble, Officials Say\nJo Marsh / Vale Herald\n\nShelling hit Tamble on Sunday."
    article = Article(id="x", text=text)
    rep = Report(article, "d", 1, 0, len(text), Evidence("text", 0, 44, text[:44]), byline="Jo Marsh")
    segs = report_segments(rep)
    assert all("Jo Marsh" not in s.text for s in segs)
    assert any(s.text.startswith("Shelling Kills Four") for s in segs) and any("Sunday" in s.text for s in segs)
    assert all(text[s.offset : s.offset + len(s.text)] == s.text for s in segs)
