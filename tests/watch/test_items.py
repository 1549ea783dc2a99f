"""What each kind of source lists, and the keys that say whether an item was seen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ceasefire.errors import InputError
from ceasefire.ingest import TEXT_HTML, TEXT_PLAIN
from ceasefire.watch.items import feed_items, folder_items, page_document, url_items
from tests.watch.fakes import rss

SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://news.example.org/a/1</loc><lastmod>2021-05-02</lastmod></url>
  <url><loc> https://news.example.org/a/2 </loc></url>
  <url><loc>https://news.example.org/a/1</loc></url>
</urlset>"""


def test_a_sitemap_and_a_plain_list_give_their_urls_once_each() -> None:
    assert [i.key for i in url_items(SITEMAP, "s")] == ["https://news.example.org/a/1", "https://news.example.org/a/2"]
    plain = b"# today\nhttps://news.example.org/a/3\n\nhttp://news.example.org/a/4\n"
    assert [i.url for i in url_items(plain, "s")] == ["https://news.example.org/a/3", "http://news.example.org/a/4"]
    with pytest.raises(InputError, match="malformed sitemap"):
        url_items(b"<urlset><url><loc>https://x</loc>", "s")
    with pytest.raises(InputError, match="not a URL: 'javascript:alert"):
        url_items(b"javascript:alert(1)\n", "s")


def test_feed_entries_are_keyed_by_id_and_link_to_their_pages() -> None:
    items = feed_items(rss("https://news.example.org", [("g1", "/p1"), ("g2", "/p2"), ("g1", "/p1")]), "f")
    assert [(i.key, i.url, i.document) for i in items] == [
        ("g1", "https://news.example.org/p1", None), ("g2", "https://news.example.org/p2", None)]
    own = feed_items(rss("https://news.example.org", [("g1", "/p1")]), "f", fetch_pages=False)
    assert own[0].document is not None and own[0].document.origin == "f#g1"
    with pytest.raises(InputError):
        feed_items(b"<<< not a feed >>>", "f")


def test_a_folder_lists_input_files_keyed_by_path_size_and_time(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.jsonl").write_text("{}\n", encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / ".c.jsonl").write_text("{}\n", encoding="utf-8")  # being written under a hidden name
    (tmp_path / "d.jsonl.tmp").write_text("{}\n", encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("x: 1\n", encoding="utf-8")
    first = {i.key.split("|")[0]: i.key for i in folder_items(tmp_path)}
    assert sorted(first) == ["a.jsonl", "sub/b.html"]
    (tmp_path / "a.jsonl").write_text('{"id": 1}\n', encoding="utf-8")
    os.utime(tmp_path / "a.jsonl", ns=(1, 10**18))
    again = {i.key.split("|")[0]: i.key for i in folder_items(tmp_path)}
    assert again["a.jsonl"] != first["a.jsonl"] and again["sub/b.html"] == first["sub/b.html"]
    with pytest.raises(InputError, match="not a folder"):
        folder_items(tmp_path / "nowhere")


def test_a_page_is_a_document_whose_origin_is_its_url() -> None:
    doc = page_document("https://news.example.org/a/1", b"<p>x</p>", "text/html; charset=ISO-8859-1", "wire")
    assert doc.origin == "https://news.example.org/a/1" and doc.media_type == TEXT_HTML
    assert doc.meta["charset"] == "iso-8859-1" and doc.meta["url"] == doc.origin
    assert page_document("https://x.example/t", b"plain", "text/plain", "wire").media_type == TEXT_PLAIN
