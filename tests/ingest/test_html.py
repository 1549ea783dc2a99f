"""HTML pages: trafilatura extraction of text and metadata."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ceasefire.errors import InputError
from ceasefire.ingest import to_article
from ceasefire.ingest.html import html_to_text

from .helpers import read

PAGE = """<!DOCTYPE html>
<html><head>
<title>Shelling kills 11 in Ariha | Crossroads News Agency</title>
<meta property="og:title" content="Shelling kills 11 in Ariha">
<meta property="og:site_name" content="Crossroads News Agency">
<meta property="article:published_time" content="2023-03-12T09:30:00Z">
<link rel="canonical" href="https://example.org/crossroads/ariha">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Shelling kills 11 in Ariha</h1>
<p>BEIRUT (Crossroads) — Eleven civilians were killed on Saturday when shells hit a market in Ariha, in
Idlib province, the Syrian Observatory for Human Rights reported.</p>
<p>The monitor said three children were among the dead and at least 25 people were wounded.</p>
</article>
<footer>All rights reserved.</footer>
</body></html>
"""


def test_html_article_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "ariha.html"
    path.write_text(PAGE)

    article = to_article(read(path)[0][0])

    assert article.id == str(path)
    assert article.title == "Shelling kills 11 in Ariha"
    assert article.outlet == "Crossroads News Agency"
    assert article.publication_date == date(2023, 3, 12)
    assert article.url == "https://example.org/crossroads/ariha"
    assert "Eleven civilians were killed on Saturday" in article.text
    assert "\n\nThe monitor said three children" in article.text  # paragraphs split by blank lines
    assert "All rights reserved" not in article.text
    assert "Home" not in article.text


def test_html_without_text_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "empty-page.html"
    path.write_text("<html><head><title>Nothing</title></head><body><script>var x = 1;</script></body></html>")

    docs, problems = read(path)
    assert problems == []
    with pytest.raises(InputError, match="no article text"):
        to_article(docs[0])


def test_html_fragment_to_text_keeps_paragraphs() -> None:
    fragment = "<p>KHARKIV (AP) — Five killed.</p><p>Fourteen&nbsp;wounded,<br>the governor said.</p>"

    assert html_to_text(fragment) == "KHARKIV (AP) — Five killed.\n\nFourteen wounded,\n\nthe governor said."
    assert html_to_text("plain   words") == "plain words"
