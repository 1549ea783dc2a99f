"""RSS and Atom feeds (feedparser lives here): one Document per item.

An item's raw bytes are a canonical JSON of what the feed says about it (title,
link, id, published, summary, content, feed title), so its hash is stable.
"""

from __future__ import annotations

import calendar
import json
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Iterator

import feedparser

from ..errors import InputError
from ..model import Article, Document, IngestProblem
from .documents import FEED_ITEM_JSON, make_document
from .html import html_to_text

__all__ = ["read_feed", "feed_article", "looks_like_feed"]


def looks_like_feed(head: str) -> bool:
    """Whether the start of an XML text is an RSS, RDF or Atom document."""
    lowered = head.lower()
    return any(tag in lowered for tag in ("<rss", "<feed", "<rdf:rdf", "<channel"))


def _iso(parsed: Any) -> str | None:
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc).isoformat()


def _item(entry: Any, feed: Any) -> dict[str, Any]:
    content = entry.get("content") or []
    return {
        "id": entry.get("id"),
        "title": entry.get("title"),
        "link": entry.get("link"),
        "published": _iso(entry.get("published_parsed") or entry.get("updated_parsed")),
        "published_as_written": entry.get("published") or entry.get("updated"),
        "summary": entry.get("summary"),
        "content": content[0].get("value") if content else None,
        "feed_title": feed.get("title"),
        "feed_link": feed.get("link"),
    }


def read_feed(raw: bytes, path: Path) -> Iterator[Document | IngestProblem]:
    """The items of an RSS/Atom feed, or one problem when it is not a readable feed."""
    parsed = feedparser.parse(raw)
    if not parsed.entries:
        if parsed.get("bozo"):
            reason = str(parsed.get("bozo_exception", "unknown error")).splitlines()[0]
            yield IngestProblem(str(path), f"malformed feed ({reason})")
        elif not parsed.get("version"):
            yield IngestProblem(str(path), "not an RSS or Atom feed")
        else:
            yield IngestProblem(str(path), "feed has no items")
        return
    for number, entry in enumerate(parsed.entries, start=1):
        item = _item(entry, parsed.feed)
        body = json.dumps(item, sort_keys=True, ensure_ascii=False).encode("utf-8")
        yield make_document(body, f"{path}#{number}", FEED_ITEM_JSON, {"path": str(path), "item": number})


def _date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


def feed_article(doc: Document) -> Article:
    """The Article of a feed item: content (else summary) as text, link, title, date, feed title."""
    try:
        item = json.loads(doc.raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(doc.origin, f"invalid feed item ({exc})") from exc
    body = item.get("content") or item.get("summary") or ""
    text = html_to_text(body) if isinstance(body, str) else ""
    if not text:
        raise InputError(doc.origin, "feed item has no summary or content")
    known = {"id", "title", "link", "published", "summary", "content", "feed_title"}
    return Article(
        id=str(item.get("id") or item.get("link") or doc.origin),
        text=text,
        title=item.get("title") or None,
        outlet=item.get("feed_title") or None,
        url=item.get("link") or None,
        publication_date=_date(item.get("published")),
        extra={k: v for k, v in item.items() if k not in known and v is not None},
    )
