"""Shared helpers for the ingest tests."""

from __future__ import annotations

from pathlib import Path

from ceasefire.ingest import read_input, split_reports, to_article
from ceasefire.model import Article, Document, IngestProblem, Report

LIMIT = 1_000_000


def read(path: Path, max_bytes: int = LIMIT) -> tuple[list[Document], list[IngestProblem]]:
    docs: list[Document] = []
    problems: list[IngestProblem] = []
    for item in read_input(path, max_bytes=max_bytes):
        (problems if isinstance(item, IngestProblem) else docs).append(item)
    return docs, problems


def read_with_peak(path: Path, max_bytes: int) -> tuple[list[Document], list[IngestProblem], int]:
    """read(), and the peak of the memory Python allocated meanwhile (tracemalloc), in bytes."""
    import tracemalloc

    tracemalloc.start()
    try:
        docs, problems = read(path, max_bytes)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return docs, problems, peak


def assert_reports_sound(article: Article, reports: list[Report]) -> None:
    """Reports cover the text contiguously and every headline quote stands at its offsets."""
    assert reports, "always at least one report"
    assert reports[0].body_start == 0
    assert reports[-1].body_end == len(article.text)
    for before, after in zip(reports, reports[1:], strict=False):
        assert before.body_end == after.body_start
    for number, report in enumerate(reports, start=1):
        assert report.part == number
        assert report.body_start < report.body_end
        if report.headline is not None:
            h = report.headline
            assert article.field_text(h.field)[h.start : h.end] == h.quote


def reports_of(path: Path) -> list[tuple[Article, list[Report]]]:
    docs, problems = read(path)
    assert problems == []
    out = []
    for doc in docs:
        article = to_article(doc)
        reports = split_reports(article, doc.sha256)
        assert_reports_sound(article, reports)
        out.append((article, reports))
    return out
