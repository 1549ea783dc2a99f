"""Article JSONL: each line one Document; a bad line is one problem and the rest goes on."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ceasefire.errors import InputError
from ceasefire.ingest import ARTICLE_JSON, to_article
from ceasefire.model import Document

from .helpers import read, read_with_peak


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


def test_a_lone_surrogate_or_nul_in_a_line_is_cleaned_and_the_lines_around_it_are_read(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    rows = [
        line(id="a1", text="Shelling killed 3 in Ariha on Sunday."),
        '{"id": "a2\\ud800", "text": "Bombs \\ud83d killed 2\\u0000 people\\u0007 on Monday.", "x\\u0000": ["\\udfff"]}',
        line(id="a3", text="An air strike killed 5 in Maarat on Tuesday."),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")

    docs, problems = read(path)

    assert problems == []
    articles = [to_article(d) for d in docs]
    assert [a.id for a in articles] == ["a1", "a2\ufffd", "a3"]
    odd = articles[1]
    assert odd.text == "Bombs \ufffd killed 2  people  on Monday."
    assert odd.extra == {"x ": ["\ufffd"]}
    assert docs[1].raw == rows[1].encode()  # the bytes are kept as they came
    start = odd.text.index("killed 2")
    assert json.loads(rows[1])["text"][start : start + 8] == "killed 2"  # offsets count the same


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ('{"id": "a9", "text": "Fine.", "score": NaN}', "invalid JSON (NaN is not a JSON value)"),
        ('{"id": "a9", "text": "Fine.", "score": -Infinity}', "invalid JSON (-Infinity is not a JSON value)"),
        ('{"id": "a9", "text": "Fine.", "deep": ' + "[" * 70 + "]" * 70 + "}", "JSON nested deeper than 64 levels"),
        ('{"id": "a9", "text": "Fine.", "deep": ' + "[" * 5000 + "]" * 5000 + "}", "JSON nested deeper than 64"),
        ('{"id": ' + "7" * 5000 + ', "text": "Fine."}', "invalid JSON (Exceeds the limit"),
        ('{"id": "\\u0000", "text": "Fine."}', "missing 'id'"),
        ('{"id": "a9", "text": "\\u0000\\u0001"}', "missing 'text' (or 'html')"),
    ],
)
def test_json_we_cannot_store_safely_is_a_problem_for_its_line(tmp_path: Path, row: str, reason: str) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text(row + "\n" + line(id="ok", text="Fine.") + "\n")

    docs, problems = read(path)

    assert [to_article(d).id for d in docs] == ["ok"]
    assert [p.origin for p in problems] == [f"{path}:1"]
    assert problems[0].message.startswith(f"line 1: {reason}")


def test_html_with_a_nul_is_cleaned_before_extraction(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    page = "<html><body><article><p>Shelling\u0000 killed 12 people in Ariha on Saturday, the ministry said. " * 3
    path.write_text(line(id="h1", html=page + "</p></article></body></html>") + "\n")

    docs, problems = read(path)

    assert problems == []
    article = to_article(docs[0])
    assert "killed 12 people" in article.text and "\x00" not in article.text


def test_a_line_far_over_the_limit_is_skipped_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    big = 30 * 1024 * 1024
    with path.open("wb") as fh:
        fh.write(line(id="a1", text="Short.").encode() + b"\n")
        fh.write(b'{"id": "huge", "text": "' + b"x" * big + b'"}\r\n')
        fh.write(line(id="a3", text="Also short.").encode() + b"\n")

    docs, problems, peak = read_with_peak(path, 1024 * 1024)

    assert [to_article(d).id for d in docs] == ["a1", "a3"]
    length = big + len('{"id": "huge", "text": ""}')
    assert [(p.origin, p.message) for p in problems] == [
        (f"{path}:2", f"line 2: {length} bytes, over the limit of 1048576 bytes")
    ]
    assert peak < 8 * 1024 * 1024  # a few pieces of the line, never the line


@pytest.mark.parametrize("ending", [b"\n", b"\r\n", b""])
def test_the_line_limit_counts_the_line_without_its_end(tmp_path: Path, ending: bytes) -> None:
    path = tmp_path / "edge.jsonl"
    at_limit = line(id="a", text="x" * 60).encode()
    over = line(id="b", text="x" * 61).encode()
    path.write_bytes(at_limit + ending + b"\n" + over + ending)

    docs, problems = read(path, max_bytes=len(at_limit))

    assert [to_article(d).id for d in docs] == ["a"]
    assert [p.message for p in problems] == [
        f"line {3 if ending else 2}: {len(over)} bytes, over the limit of {len(at_limit)} bytes"
    ]
