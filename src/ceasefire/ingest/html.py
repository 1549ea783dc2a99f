"""HTML pages and fragments to text (trafilatura and lxml live here and only here)."""

from __future__ import annotations

import re
from datetime import date

import lxml.html
import trafilatura
from lxml.etree import ParserError

from ..errors import InputError
from ..model import Article, Document
from .documents import declared_charset, decode_text

__all__ = ["extract_html", "html_article", "html_to_text"]

_BLOCK_END = re.compile(r"(?i)<br\s*/?>|</(?:p|div|li|h[1-6]|blockquote|tr|section|article)\s*>")
_SPACES = re.compile(r"[ \t\u00a0]+")


def _paragraphs(text: str) -> str:
    """One paragraph per line becomes paragraphs split by blank lines (interchange.md)."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _iso_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _author(result: object) -> str | None:
    """Trafilatura's author, without the site name it sometimes appends ("Jane Doe; Site")."""
    value = getattr(result, "author", None)
    if not isinstance(value, str):
        return None
    site = (getattr(result, "sitename", None) or "").casefold()
    names = [n.strip() for n in value.split(";") if n.strip() and n.strip().casefold() != site]
    return "; ".join(names) or None


def extract_html(html: str, *, origin: str, url: str | None = None) -> Article:
    """The article in an HTML page: text, title, site name (outlet), date, url.

    Raises :class:`InputError` when the page has no extractable text.
    """
    try:
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except (ValueError, TypeError, ParserError) as exc:
        raise InputError(origin, f"cannot parse HTML ({exc})") from exc
    text = _paragraphs(getattr(result, "text", None) or "") if result is not None else ""
    if not text:
        raise InputError(origin, "no article text could be extracted from the HTML")
    assert result is not None
    return Article(
        id=origin,
        text=text,
        title=getattr(result, "title", None) or None,
        outlet=getattr(result, "sitename", None) or None,
        url=url or getattr(result, "url", None) or None,
        publication_date=_iso_date(getattr(result, "date", None)),
        extra={"author": author} if (author := _author(result)) else {},
    )


def html_article(doc: Document) -> Article:
    """The Article of an HTML Document (a file or a WARC record)."""
    charset = doc.meta.get("charset") or declared_charset(doc.raw)
    try:
        html = decode_text(doc.raw, charset=charset)
    except UnicodeDecodeError as exc:
        raise InputError(doc.origin, f"invalid {charset or 'UTF-8'} at byte offset {exc.start}") from exc
    return extract_html(html, origin=doc.origin, url=doc.meta.get("url"))


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed summaries), paragraphs split by blank lines."""
    if "<" not in fragment:
        return _paragraphs(fragment)
    marked = _BLOCK_END.sub(lambda m: m.group(0) + "\n", fragment)
    try:
        tree = lxml.html.fragment_fromstring(marked, create_parent="div")
    except (ParserError, ValueError):
        return _paragraphs(re.sub(r"<[^>]+>", " ", fragment))
    return _paragraphs(tree.text_content())
