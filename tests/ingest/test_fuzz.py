"""Fuzz tests of the readers (hypothesis, no model): read_input never raises, yields only Documents or
problems, and every article it gives has clean strings and sound reports."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceasefire.errors import InputError
from ceasefire.ingest import read_input, split_reports, to_article
from ceasefire.model import Document, IngestProblem

from .fuzzing import Warc, article_is_clean, feeds, json_lines, warcs
from .helpers import assert_reports_sound

SUFFIXES = [".txt", ".html", ".jsonl", ".rss", ".atom", ".warc", ".warc.gz", ".dat"]
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_all(data: bytes, suffix: str, max_bytes: int = 50_000) -> tuple[list[Document], list[IngestProblem]]:
    """Everything read_input yields for ``data`` in a file with ``suffix``; it must never raise."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        items = list(read_input(path, max_bytes=max_bytes))
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, IngestProblem)]
    assert len(docs) + len(problems) == len(items)
    for problem in problems:
        assert problem.message and "\n" not in problem.message and "\x00" not in problem.message
    return docs, problems


def check_articles(docs: list[Document]) -> None:
    """Each document is an article with clean strings and sound reports, or an InputError; nothing else."""
    for doc in docs:
        try:
            article = to_article(doc)
        except InputError:
            continue
        assert article_is_clean(article), article
        assert article.text.strip()
        assert_reports_sound(article, split_reports(article, doc.sha256))


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_in_any_kind_of_file(data: bytes, suffix: str) -> None:
    docs, _ = read_all(data, suffix)
    check_articles(docs)


@FUZZ
@given(data=json_lines, max_bytes=st.sampled_from([60, 50_000]))
def test_json_shaped_lines(data: bytes, max_bytes: int) -> None:
    docs, problems = read_all(data, ".jsonl", max_bytes)
    lines = [ln for ln in data.removeprefix(b"\xef\xbb\xbf").split(b"\n") if ln.strip()]
    if not (len(problems) == 1 and problems[0].origin.endswith(".jsonl")):  # a file-wide problem (binary, empty)
        assert len(docs) + len(problems) == len(lines)  # else one outcome per line
    check_articles(docs)


@FUZZ
@given(data=feeds(), suffix=st.sampled_from([".rss", ".xml", ".atom", ".dat"]))
def test_rss_and_atom_shapes(data: bytes, suffix: str) -> None:
    docs, _ = read_all(data, suffix)
    check_articles(docs)


@settings(FUZZ, max_examples=120)
@given(warc=warcs(), suffix=st.sampled_from([".warc", ".warc.gz", ".dat"]))
def test_warc_shapes_never_store_a_damaged_payload(warc: Warc, suffix: str) -> None:
    docs, problems = read_all(warc.data, suffix)
    check_articles(docs)
    if suffix == ".dat" and not warc.data.startswith((b"WARC/", b"\x1f\x8b")):
        return  # sniffed as something else: a cut archive may no longer look like one
    if warc.mutation != "flip" or warc.digests:  # without a digest, a flipped byte inside a payload is invisible
        assert {d.raw for d in docs} <= warc.payloads, (warc.mutation, problems)
    if warc.mutation == "none":
        assert problems == [] and {d.raw for d in docs} == warc.payloads
    if warc.mutation == "length" or (warc.mutation == "truncate" and len(warc.data) not in warc.ends):
        assert problems, "damage must be named"
