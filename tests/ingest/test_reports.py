"""split_reports: compilation pages split into reports, one report otherwise."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from ceasefire.ingest import split_reports, to_article
from ceasefire.model import Article

from ..seed import seed_path
from .helpers import assert_reports_sound, read, reports_of

PAGE = """Truce Under Strain After Weekend of Shelling in Daraa

June 4th, 2024 - posted by the desk

Hana Yousef / Southern Courier & Karim Aziz / Crossroads – 2024-06-04 07:30:00

Market Shelled in Daraa, Nine Dead

Market Shelled in Daraa, Nine Dead
Hana Yousef / Southern Courier

(June 2, 2024) — Shells struck the main market of Daraa al-Balad on Saturday, killing nine civilians and wounding 22, the provincial health directorate said.

Local officials blamed government artillery. The army did not comment.


Monitor Puts Daraa Toll
Lower, Army Denies Role

By Karim Aziz (Crossroads)

AMMAN, June 3 (Crossroads) — Seven people were killed in Saturday's shelling of a market in Daraa, the Syrian Observatory for Human Rights reported, adding that two of the dead were children.

The army said in a statement that it had not fired on the city.
"""


def page_article(text: str = PAGE, published: date | None = None) -> Article:
    return Article(id="page-1", text=text, publication_date=published)


def test_compilation_page_is_split_at_each_byline_with_a_dateline() -> None:
    article = page_article()

    reports = split_reports(article, "doc-sha")

    assert_reports_sound(article, reports)
    assert [r.part for r in reports] == [1, 2]
    assert [r.byline for r in reports] == ["Hana Yousef", "Karim Aziz"]
    assert [r.outlet for r in reports] == ["Southern Courier", "Crossroads"]
    assert [r.dateline for r in reports] == [date(2024, 6, 2), date(2024, 6, 3)]
    assert [r.published for r in reports] == [date(2024, 6, 4), date(2024, 6, 4)]  # page date from the header
    assert [r.key for r in reports] == ["doc-sha#1", "doc-sha#2"]


def test_part_1_holds_the_page_header_and_parts_meet_at_the_next_headline() -> None:
    reports = split_reports(page_article(), "doc-sha")

    assert reports[0].body.startswith("Truce Under Strain")
    assert reports[1].body.startswith("Monitor Puts Daraa Toll\nLower, Army Denies Role\n\nBy Karim Aziz")
    assert "The army did not comment." in reports[0].body
    assert reports[1].body.endswith("had not fired on the city.\n")


def test_headlines_a_repeated_line_counts_once_and_two_lines_are_one_span() -> None:
    reports = split_reports(page_article(), "doc-sha")

    first, second = (r.headline for r in reports)
    assert first is not None and second is not None
    assert (first.field, first.quote) == ("text", "Market Shelled in Daraa, Nine Dead")
    assert PAGE.index("Market Shelled") < first.start  # the copy next to the byline
    assert (second.field, second.quote) == ("text", "Monitor Puts Daraa Toll\nLower, Army Denies Role")


def test_publication_date_wins_over_the_page_date_and_anchors_datelines() -> None:
    reports = split_reports(page_article(published=date(2025, 1, 10)), "d")

    assert [r.published for r in reports] == [date(2025, 1, 10)] * 2
    assert reports[1].dateline == date(2024, 6, 3)  # "June 3": the year on or before publication


def test_windows_line_endings_split_the_same_way() -> None:
    crlf = PAGE.replace("\n", "\r\n")
    article = page_article(crlf)

    reports = split_reports(article, "d")

    assert_reports_sound(article, reports)
    assert [r.dateline for r in reports] == [date(2024, 6, 2), date(2024, 6, 3)]
    assert reports[1].headline is not None
    assert reports[1].headline.quote == "Monitor Puts Daraa Toll\r\nLower, Army Denies Role"


def test_same_page_as_text_file_and_as_jsonl_line(tmp_path: Path) -> None:
    txt = tmp_path / "page.txt"
    txt.write_text(PAGE, encoding="utf-8")
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text(json.dumps({"id": "p1", "text": PAGE, "outlet": "Aggregator"}) + "\n", encoding="utf-8")

    [(_, from_txt)] = reports_of(txt)
    [(_, from_jsonl)] = reports_of(jsonl)

    def summary(reports: list) -> list:
        return [(r.body_start, r.body_end, r.headline, r.byline, r.outlet, r.dateline) for r in reports]

    assert summary(from_txt) == summary(from_jsonl)
    assert len(from_txt) == 2


def test_single_article_is_one_report_with_the_title_as_headline() -> None:
    text = (
        "KHARKIV, Ukraine, April 3 — A missile struck an apartment building on Sunday, killing five people, "
        "the regional governor said.\n\nRescuers searched the rubble."
    )
    article = Article("k1", text, title="Missile kills five in Kharkiv", outlet="Eastern Desk",
                      publication_date=date(2023, 4, 3))  # fmt: skip

    [report] = split_reports(article, "d")

    assert_reports_sound(article, [report])
    assert (report.body_start, report.body_end) == (0, len(text))
    assert report.headline is not None
    assert (report.headline.field, report.headline.start, report.headline.end) == ("title", 0, 29)
    assert report.dateline == date(2023, 4, 3)
    assert report.outlet == "Eastern Desk"
    assert report.byline is None


def test_wire_dateline_outlet_and_byline_of_a_single_report() -> None:
    text = "Gaza Strikes Kill Four\n\nBy Sara Haddad\n\nGAZA CITY, Nov 2 (AFP) — Four people were killed.\n"
    article = Article("g1", text, outlet="Daily Digest", publication_date=date(2023, 11, 3))

    [report] = split_reports(article, "d")

    assert report.outlet == "AFP"  # the dateline's wire, before the article's outlet
    assert report.byline == "Sara Haddad"
    assert report.dateline == date(2023, 11, 2)
    assert report.headline is not None and report.headline.quote == "Gaza Strikes Kill Four"
    assert report.headline.field == "text"


def test_dateline_outlet_that_shortens_the_article_outlet_gives_way() -> None:
    article = Article("c1", "BEIRUT (Crossroads) — Eleven killed.", outlet="Crossroads News Agency")

    [report] = split_reports(article, "d")

    assert report.outlet == "Crossroads News Agency"


def test_bylines_without_datelines_do_not_split() -> None:
    text = (
        "Letters\n\nJane Roe / Reader\n\nI write about the market.\n\n"
        "Other Letter\nJohn Doe / Reader\n\nAnd I about the school.\n"
    )
    article = Article("l1", text)

    reports = split_reports(article, "d")

    assert len(reports) == 1
    assert reports[0].dateline is None


def test_text_without_anything_is_one_plain_report() -> None:
    article = Article("p1", "Two people were wounded on Friday, police said.")

    [report] = split_reports(article, "d")

    assert (report.part, report.headline, report.byline, report.dateline, report.published) == (
        1, None, None, None, None,
    )  # fmt: skip


def test_seed_compilation_page() -> None:
    docs, problems = read(seed_path())
    assert problems == []
    article = to_article(docs[0])

    reports = split_reports(article, docs[0].sha256)

    assert_reports_sound(article, reports)
    assert [r.outlet for r in reports] == ["AntiWar.com", "Reuters", "AntiWar.com"]
    assert [r.dateline for r in reports] == [date(2016, 9, 18), date(2016, 9, 17), date(2016, 9, 18)]
    assert [r.byline for r in reports] == ["Jason Ditz", "Angus McDowall", "Jason Ditz"]
    assert [r.published for r in reports] == [date(2016, 9, 19)] * 3
    assert reports[1].headline is not None
    assert reports[1].headline.quote == "US-led Jets Kill Dozens of\nSyrian Soldiers: Russia, Monitor"
