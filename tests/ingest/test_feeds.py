"""RSS and Atom feeds: one Document per item, with a stable hash."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ceasefire.ingest import FEED_ITEM_JSON, to_article

from .helpers import read

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Levant Wire Service</title><link>https://example.org/levant</link><description>News</description>
<item>
  <title>Shelling kills 12 in Ariha</title>
  <link>https://example.org/levant/ariha</link>
  <guid>levant-ariha-1</guid>
  <pubDate>Sun, 12 Mar 2023 08:00:00 GMT</pubDate>
  <description>&lt;p&gt;IDLIB, Syria, March 12 — At least 12 people were killed on Saturday, the health
  ministry said.&lt;/p&gt;&lt;p&gt;Thirty were wounded.&lt;/p&gt;</description>
</item>
<item>
  <title>Convoy hit near Mayadin</title>
  <link>https://example.org/levant/mayadin</link>
  <pubDate>Sun, 21 Aug 2022 07:00:00 GMT</pubDate>
  <description>Nine fighters were killed on Saturday, the Observatory said.</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Steppe Herald</title>
  <id>urn:example:steppe</id>
  <updated>2024-03-18T10:00:00Z</updated>
  <entry>
    <title>Seven killed in Donetsk shelling</title>
    <id>urn:example:steppe:1</id>
    <link href="https://example.org/steppe/donetsk"/>
    <updated>2024-03-18T09:00:00Z</updated>
    <summary>Summary only.</summary>
    <content type="html">&lt;p&gt;Shelling killed seven civilians on Sunday, officials said.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_rss_items_become_documents_and_articles(tmp_path: Path) -> None:
    path = tmp_path / "levant.rss"
    path.write_text(RSS)

    docs, problems = read(path)

    assert problems == []
    assert [d.origin for d in docs] == [f"{path}#1", f"{path}#2"]
    assert {d.media_type for d in docs} == {FEED_ITEM_JSON}
    first, second = (to_article(d) for d in docs)
    assert first.id == "levant-ariha-1"
    assert first.title == "Shelling kills 12 in Ariha"
    assert first.url == "https://example.org/levant/ariha"
    assert first.outlet == "Levant Wire Service"
    assert first.publication_date == date(2023, 3, 12)
    assert first.text.startswith("IDLIB, Syria, March 12 — At least 12 people were killed on Saturday")
    assert first.text.endswith("\n\nThirty were wounded.")
    assert second.id == "https://example.org/levant/mayadin"  # no guid: the link


def test_feed_item_hash_is_stable_across_reads(tmp_path: Path) -> None:
    one, two = tmp_path / "a.xml", tmp_path / "b.xml"
    one.write_text(RSS)
    two.write_text(RSS)

    assert [d.sha256 for d in read(one)[0]] == [d.sha256 for d in read(two)[0]]


def test_atom_entry_prefers_content_to_summary(tmp_path: Path) -> None:
    path = tmp_path / "steppe.atom"
    path.write_text(ATOM)

    docs, problems = read(path)

    assert problems == []
    article = to_article(docs[0])
    assert article.id == "urn:example:steppe:1"
    assert article.text == "Shelling killed seven civilians on Sunday, officials said."
    assert article.outlet == "Steppe Herald"
    assert article.publication_date == date(2024, 3, 18)


def test_malformed_feed_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>Cut off")

    docs, problems = read(path)

    assert docs == []
    assert len(problems) == 1
    assert problems[0].origin == str(path)
    assert "feed" in problems[0].message


def test_xml_that_is_not_a_feed_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "config.xml"
    path.write_text('<?xml version="1.0"?><settings><colour>blue</colour></settings>')

    docs, problems = read(path)

    assert docs == []
    assert len(problems) == 1
    assert "feed" in problems[0].message


def test_character_references_to_nul_and_surrogates_are_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "odd.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire&#0;</title>'
        "<item><title>One&#0;x&#xD800;</title><link>https://example.org/1</link>"
        "<description>Shelling&#0; killed 3 people&#1; in Ariha&#xDFFF; on Sunday.</description></item>"
        "<item><title>Two</title><link>https://example.org/2</link>"
        "<description>An air strike killed 5 in Maarat on Monday.</description></item>"
        "</channel></rss>"
    )

    docs, problems = read(path)

    assert problems == []
    assert len(docs) == 2
    for doc in docs:
        assert b"\\u0000" not in doc.raw and b"\x00" not in doc.raw
        doc.raw.decode("utf-8")  # the item's canonical JSON is valid UTF-8
    first = to_article(docs[0])
    assert "killed 3 people" in first.text
    strings = [first.id, first.text, first.title or "", first.outlet or ""]
    assert not any(c in s for s in strings for c in ("\x00", "\x01", "\ud800", "\udfff"))
    assert to_article(docs[1]).text == "An air strike killed 5 in Maarat on Monday."
