"""The bundled examples/ ingest cleanly and show what they promise (examples/README.md)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ceasefire.ingest import list_inputs

from .helpers import reports_of

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_examples_are_listed_and_read_without_problems() -> None:
    files, problems = list_inputs([EXAMPLES])

    assert problems == []
    assert sorted(f.name for f in files) == ["articles.jsonl", "compilation.txt", "report.html"]
    found = {article.id: reports for f in files for article, reports in reports_of(f)}
    assert {"ex-ariha-1", "ex-ariha-2", "ex-kharkiv-1", "ex-mosul-1"} <= found.keys()


def test_example_compilation_has_two_reports_from_two_outlets() -> None:
    [(_, reports)] = reports_of(EXAMPLES / "compilation.txt")

    assert [r.outlet for r in reports] == ["Steppe Herald", "Crossroads News Agency"]
    assert [r.dateline for r in reports] == [date(2024, 3, 18), date(2024, 3, 19)]


def test_example_html_has_its_metadata() -> None:
    [(article, [report])] = reports_of(EXAMPLES / "report.html")

    assert article.outlet == "Euphrates Observer"
    assert article.publication_date == date(2022, 8, 21)
    assert report.dateline == date(2022, 8, 21)
    assert "killing nine fighters" in report.body
