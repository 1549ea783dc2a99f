"""The brief of the seed's week against the shipped Syria agreement, through the Python API and the CLI."""

from __future__ import annotations

import base64
from datetime import date
from pathlib import Path

import pypdfium2
import pytest

import ceasefire
from ceasefire.errors import ConfigError
from tests.seed import seed_path
from tests.test_cli import run

pytestmark = pytest.mark.model

SYRIA = "syria-2016-09"
WEEK = (date(2016, 9, 12), date(2016, 9, 18))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "s.db"
    with ceasefire.open(f"sqlite:///{path}") as db:
        db.ingest([seed_path()])
        db.add_agreement(SYRIA)
    return path


def test_the_brief_holds_every_possible_violation_of_the_week(store: Path) -> None:
    with ceasefire.open(f"sqlite:///{store}") as db:
        made = db.brief(SYRIA, *WEEK, generated_on=date(2016, 9, 19))
        possible = [v for v in db.violations(SYRIA, since=WEEK[0], until=WEEK[1])
                    if v.status.value == "possible_violation"]
    assert (made.agreement_id, made.period_from, made.period_to) == (SYRIA, *WEEK)
    assert made.previous_from == date(2016, 9, 5) and made.previous_rows == ()
    rows = {r.incident_id: r for r in made.rows}
    assert {v.incident_id for v in possible} <= rows.keys() and len(possible) >= 2
    places = {rows[v.incident_id].place.name for v in possible if rows[v.incident_id].place is not None}
    assert "Jebel Tharda" in places
    tharda = next(r for r in made.rows if r.place is not None and r.place.name == "Jebel Tharda")
    assert tharda.accused == "United States" and tharda.term_ref and tharda.accusers
    assert any(e.kind == "denial" and e.source == "US officials" for e in tharda.evidence)
    assert made.parties[0] == "Syrian government" and made.area is not None  # Syria's outline box


def test_html_markdown_and_pdf_of_the_week(store: Path, tmp_path: Path) -> None:
    with ceasefire.open(f"sqlite:///{store}") as db:
        possible = [v for v in db.violations(SYRIA, statuses=["possible_violation"])]
        html = db.write_brief(SYRIA, *WEEK, tmp_path / "week.html", generated_on=date(2016, 9, 19))
        md = db.write_brief(SYRIA, *WEEK, tmp_path / "week.md", generated_on=date(2016, 9, 19))
        pdf = db.write_brief(SYRIA, *WEEK, tmp_path / "week.pdf", generated_on=date(2016, 9, 19))
    text = html[0].read_text(encoding="utf-8")
    images = text.count("data:image/png;base64,")
    assert images >= 2  # the map and the daily chart, inline
    assert "Possible violations (" in text
    for v in possible:
        assert v.incident_id[:10] in text or (v.incident is not None and v.incident.place is not None
                                              and v.incident.place.name in text)
    assert [p.name for p in md] == ["week.md", "week-map.png", "week-daily.png"]
    assert all(p.read_bytes()[:8] == base64.b64decode("iVBORw0KGgo=") for p in md[1:])
    document = pypdfium2.PdfDocument(pdf[0].read_bytes())
    try:
        assert 2 <= len(document) <= 6
    finally:
        document.close()


def test_a_period_that_ends_before_it_starts_is_refused(store: Path) -> None:
    with ceasefire.open(f"sqlite:///{store}") as db, pytest.raises(ConfigError, match="before"):
        db.brief(SYRIA, WEEK[1], WEEK[0])


def test_the_brief_command(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.pdf"
    r = run("--db", str(store), "brief", "--agreement", SYRIA, "--from", "2016-09-12", "--to", "2016-09-18",
            "--output", str(out), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(b"%PDF") and "brief written" in r.stderr
    bad = run("--db", str(store), "brief", "--agreement", "no-such", "--from", "2016-09-12", "--to", "2016-09-18",
              "--output", str(out), cwd=tmp_path)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
