"""The spaCy pipeline, loaded once per test session, and helpers for invented reports."""

from __future__ import annotations

import pytest

from ceasefire.model import Article, Evidence, Mention, Report


@pytest.fixture(scope="session")
def extractor():
    from ceasefire.nlp import load_pipeline

    return load_pipeline()


def make_report(
    text: str,
    title: str | None = None,
    outlet: str | None = "Wire Daily",
    article_id: str = "a1",
    body_start: int = 0,
    body_end: int | None = None,
) -> Report:
    article = Article(id=article_id, text=text, title=title, outlet=outlet)
    headline = Evidence("title", 0, len(title), title) if title else None
    end = len(text) if body_end is None else body_end
    return Report(article, "doc-" + article_id, 1, body_start, end, headline, outlet=outlet)


def claims_of(mentions: list[Mention]) -> list:
    return [c for m in mentions for c in m.claims]


def figures(mentions: list[Mention]) -> set[tuple[str, int | None, int | None]]:
    return {(c.kind.value, c.figure.min, c.figure.max) for c in claims_of(mentions)}
