"""RSS and Atom feeds (feedparser lives here): one Document per item.

An item's raw bytes are a canonical JSON of what the feed says about it (title,
link, id, published, summary, content, feed title), so its hash is stable. The
strings in it are cleaned first (:func:`clean_value`): a character reference
such as ``&#0;`` or ``&#xD800;`` in the feed does not reach the store.
"""

from __future__ import annotations

import calendar
import json
import re
from datetime import date, datetime, timezone
from typing import Any, Iterator

import feedparser

from ..errors import InputError
from ..model import Article, Document, IngestProblem
from .documents import FEED_ITEM_JSON, clean_value, make_document
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


_REFERENCE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,16})|([0-9]{1,20}));")


def _safe_reference(match: re.Match[bytes]) -> bytes:
    hexa, decimal = match.groups()
    code = int(hexa, 16) if hexa else int(decimal)
    return b"&#xFFFD;" if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF else match.group(0)


def read_feed(raw: bytes, name: str) -> Iterator[Document | IngestProblem]:
    """The items of an RSS/Atom feed (``name``: the file as shown), or one problem when it is not a readable feed.

    A character reference to no character (``&#xD800;``, past U+10FFFF) is read as U+FFFD.
    """
    try:
        parsed = feedparser.parse(_REFERENCE.sub(_safe_reference, raw))
    except (ValueError, TypeError, LookupError, OverflowError) as exc:  # what feedparser lets escape
        yield IngestProblem(name, f"malformed feed ({type(exc).__name__}: {exc})")
        return
    if not parsed.entries:
        if parsed.get("bozo"):
            reason = (str(parsed.get("bozo_exception", "")).splitlines() or ["unknown error"])[0]
            yield IngestProblem(name, f"malformed feed ({reason})")
        elif not parsed.get("version"):
            yield IngestProblem(name, "not an RSS or Atom feed")
        else:
            yield IngestProblem(name, "feed has no items")
        return
    for number, entry in enumerate(parsed.entries, start=1):
        item = clean_value(_item(entry, parsed.feed))
        body = json.dumps(item, sort_keys=True, ensure_ascii=False).encode("utf-8")
        yield make_document(body, f"{name}#{number}", FEED_ITEM_JSON, {"path": name, "item": number})


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
