"""The one normalisation of stored strings (clean_text and friends), and clean origins and problems."""

from __future__ import annotations

import os

import pytest

from ceasefire.ingest import as_problem, clean_article, clean_text, clean_value, display_path
from ceasefire.model import Article


@pytest.mark.parametrize(
    ("char", "becomes"),
    [
        ("\x00", " "),
        ("\x01", " "),
        ("\x0b", " "),
        ("\x0c", " "),
        ("\x1f", " "),
        ("\x7f", " "),
        ("\x85", " "),
        ("\x9f", " "),
        ("\ud800", "\ufffd"),
        ("\udfff", "\ufffd"),
        ("\udce9", "\ufffd"),
        ("\ufdd0", "\ufffd"),
        ("\ufffe", "\ufffd"),
        ("\uffff", "\ufffd"),
        ("\U0001fffe", "\ufffd"),
        ("\U0010ffff", "\ufffd"),
    ],
)
def test_each_kind_of_non_text_is_replaced_by_one_character(char: str, becomes: str) -> None:
    text = f"Shelling{char} killed 3"
    cleaned = clean_text(text)
    assert cleaned == f"Shelling{becomes} killed 3"
    assert len(cleaned) == len(text)


@pytest.mark.parametrize("char", ["\t", "\n", "\r", " ", "\u00a0", "\u2028", "\ufeff", "\ue000", "\ufffd", "é", "😀"])
def test_text_and_line_breaks_are_kept(char: str) -> None:
    text = f"a{char}b"
    assert clean_text(text) == text


def test_offsets_hold_after_cleaning() -> None:
    text = "At\x00 least \ud83d 12 were\x07 killed in Ariha on Sunday."
    cleaned = clean_text(text)
    start = text.index("12 were")
    assert cleaned[start : start + 2] == "12"
    assert cleaned.index("killed") == text.index("killed")


def test_clean_text_returns_a_clean_string_unchanged() -> None:
    text = "Nothing to clean here.\n"
    assert clean_text(text) is text


def test_clean_value_cleans_every_string_and_key_recursively() -> None:
    value = {"a\x00": ["x\ud800", 3, 2.5, None, True, {"k\x01": ("t\x02",)}], "n": 7}
    assert clean_value(value) == {"a ": ["x\ufffd", 3, 2.5, None, True, {"k ": ("t ",)}], "n": 7}


def test_clean_article_cleans_every_field() -> None:
    article = Article(
        id="id\ud800",
        text="text\x00",
        title="title\x1b",
        outlet="out\x7f",
        url="https://example.org/\x00",
        extra={"author\x00": "A\ud801", "tags": ["x\x02"]},
    )
    cleaned = clean_article(article)
    assert cleaned == Article(
        id="id\ufffd",
        text="text ",
        title="title ",
        outlet="out ",
        url="https://example.org/ ",
        extra={"author ": "A\ufffd", "tags": ["x "]},
    )


def test_display_path_shows_undecodable_bytes_and_stays_on_one_line() -> None:
    path = os.fsdecode(b"/tmp/caf\xe9\nreport.txt")
    assert display_path(path) == "/tmp/caf\\xe9 report.txt"
    assert display_path("/tmp/plain.txt") == "/tmp/plain.txt"


def test_a_problem_is_one_clean_line() -> None:
    problem = as_problem("feed.xml#1\x00", "malformed feed (line 1\r\nwith \ud800 in it)")
    assert problem.origin == "feed.xml#1"
    assert problem.message == "malformed feed (line 1 with \ufffd in it)"
    assert as_problem("x", "\n").message == "unknown error"
