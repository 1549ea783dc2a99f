"""Article JSONL: each line one Document; a bad line is one problem and the rest goes on."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ceasefire.errors import InputError
from ceasefire.ingest import ARTICLE_JSON, to_article
from ceasefire.model import Document

from .helpers import read


def line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_each_line_is_a_document_with_its_own_bytes_and_origin(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    first = line(id="a1", text="DARAA, Syria (AP) — Three killed on Sunday, medics said.")
    second = line(id="a2", text="Two more were wounded, the Observatory said.")
    path.write_text(first + "\r\n\n" + second + "\n", encoding="utf-8")

    docs, problems = read(path)

    assert problems == []
    assert [d.origin for d in docs] == [f"{path}:1", f"{path}:3"]
    assert [d.raw for d in docs] == [first.encode(), second.encode()]
    assert {d.media_type for d in docs} == {ARTICLE_JSON}
    assert docs[0].sha256 != docs[1].sha256


def test_malformed_line_3_is_one_problem_and_lines_1_2_4_are_read(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    rows = [line(id=f"a{n}", text=f"Report {n}.") for n in (1, 2, 3, 4)]
    rows[2] = '{"id": "a3", "text": "unterminated'
    path.write_text("\n".join(rows) + "\n")

    docs, problems = read(path)

    assert [to_article(d).id for d in docs] == ["a1", "a2", "a4"]
    assert len(problems) == 1
    assert problems[0].origin == f"{path}:3"
    assert problems[0].message.startswith("line 3: invalid JSON (")


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (line(text="no id here"), "missing 'id'"),
        (line(id="a9", title="only a title"), "missing 'text' (or 'html')"),
        (line(id="a9", text="   "), "missing 'text' (or 'html')"),
        ('["a", "list"]', "not a JSON object"),
    ],
)
def test_lines_that_are_not_articles_name_their_line(tmp_path: Path, row: str, reason: str) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text(line(id="ok", text="Fine.") + "\n" + row + "\n")

    docs, problems = read(path)

    assert len(docs) == 1
    assert len(problems) == 1
    assert problems[0].origin == f"{path}:2"
    assert problems[0].message.startswith("line 2: ")
    assert reason in problems[0].message


def test_size_limit_and_bad_bytes_apply_per_line(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_bytes(
        line(id="a1", text="Short.").encode() + b"\n"
        + line(id="a2", text="x" * 300).encode() + b"\n"
        + b'{"id": "a3", "text": "caf\xe9"}\n'
        + line(id="a4", text="Also short.").encode() + b"\n"
    )  # fmt: skip

    docs, problems = read(path, max_bytes=200)

    assert [to_article(d).id for d in docs] == ["a1", "a4"]
    assert [p.origin for p in problems] == [f"{path}:2", f"{path}:3"]
    assert "over the limit of 200 bytes" in problems[0].message
    assert "invalid UTF-8 at byte offset 25" in problems[1].message


def test_binary_jsonl_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.jsonl"
    path.write_bytes(b"\x00\x01\x02" * 50)

    docs, problems = read(path)

    assert docs == []
    assert len(problems) == 1
    assert problems[0].origin == str(path)
    assert "binary" in problems[0].message


def test_article_fields_dates_and_unknown_fields(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text(
        "\n".join(
            [
                line(id="a1", text="Body.", title="Shelling in Donetsk", outlet="Steppe Herald",
                     url="https://example.org/a1", publication_date="2024-03-18T06:00:00+02:00",
                     desk="Europe", tags=["ukraine"]),
                line(id=7, text="Body.", publication_date="2024-03-18"),
                line(id="a3", text="Body.", publication_date="last Tuesday"),
            ]
        )  # fmt: skip
    )

    articles = [to_article(d) for d in read(path)[0]]

    first = articles[0]
    assert (first.id, first.text, first.title, first.outlet, first.url) == (
        "a1", "Body.", "Shelling in Donetsk", "Steppe Herald", "https://example.org/a1",
    )  # fmt: skip
    assert first.publication_date == date(2024, 3, 18)
    assert dict(first.extra) == {"desk": "Europe", "tags": ["ukraine"]}
    assert articles[1].id == "7" and articles[1].publication_date == date(2024, 3, 18)
    assert articles[2].publication_date is None
    assert articles[2].extra["publication_date"] == "last Tuesday"


def test_html_field_is_extracted_when_there_is_no_text(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Strike near Mosul</title></head><body><article><p>MOSUL, Iraq (AP) — A roadside "
        "bomb killed three soldiers south of Mosul on Tuesday, security sources said. The army said two "
        "other soldiers were wounded and taken to hospital in the city.</p></article></body></html>"
    )
    path = tmp_path / "articles.jsonl"
    path.write_text(line(id="h1", html=html, outlet="Tigris Times") + "\n")

    article = to_article(read(path)[0][0])

    assert article.id == "h1"
    assert "killed three soldiers" in article.text
    assert "<p>" not in article.text
    assert article.outlet == "Tigris Times"
    assert article.title == "Strike near Mosul"


def test_to_article_refuses_a_line_that_is_not_an_article() -> None:
    doc = Document("0" * 64, "x.jsonl:1", ARTICLE_JSON, b'{"text": "no id"}')

    with pytest.raises(InputError, match="x.jsonl:1"):
        to_article(doc)
