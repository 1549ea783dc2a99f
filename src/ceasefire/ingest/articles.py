"""A Document -> its Article (``interchange.md``), by media type."""

from __future__ import annotations

from ..errors import InputError
from ..model import Article, Document
from .documents import ARTICLE_JSON, FEED_ITEM_JSON, TEXT_HTML, TEXT_PLAIN, clean_article, decode_text
from .feeds import feed_article
from .html import html_article
from .jsonl import jsonl_article

__all__ = ["to_article"]


def _text_article(doc: Document) -> Article:
    try:
        text = decode_text(doc.raw)
    except UnicodeDecodeError as exc:
        raise InputError(doc.origin, f"invalid UTF-8 at byte offset {exc.start}") from exc
    if not text.strip():
        raise InputError(doc.origin, "empty text")
    return Article(id=doc.origin, text=text, url=doc.meta.get("url"))


def to_article(doc: Document) -> Article:
    """The Article in ``doc``; raises :class:`InputError` when it holds none (e.g. HTML without text).

    Plain text is kept as decoded (only a BOM is dropped) and then cleaned one
    character for one (:func:`clean_text`), so offsets count in the file's own
    text; its id is the origin (the path). Every string of every article is cleaned.
    """
    article = clean_article(_article(doc))
    if not article.text.strip():
        raise InputError(doc.origin, "no text (only control characters)")
    return article


def _article(doc: Document) -> Article:
    if doc.media_type == ARTICLE_JSON:
        return jsonl_article(doc)
    if doc.media_type == TEXT_PLAIN:
        return _text_article(doc)
    if doc.media_type == TEXT_HTML:
        return html_article(doc)
    if doc.media_type == FEED_ITEM_JSON:
        return feed_article(doc)
    raise InputError(doc.origin, f"unsupported media type {doc.media_type}")
