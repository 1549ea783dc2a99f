"""Article JSONL (``interchange.md``): one JSON object per line, each line one Document.

A bad line is one :class:`IngestProblem` naming ``path:LINE``; the other lines go on.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO, Iterator

from ..errors import InputError
from ..model import Article, Document, IngestProblem
from .documents import ARTICLE_JSON, decode_text, make_document
from .html import extract_html

__all__ = ["read_jsonl", "jsonl_article", "parse_publication_date", "line_problem"]

KNOWN_FIELDS = ("id", "text", "title", "outlet", "url", "publication_date", "html")


def line_problem(obj: Any) -> str | None:
    """Why a parsed line is not an article (``None`` when it is one)."""
    if not isinstance(obj, dict):
        return f"not a JSON object (got {type(obj).__name__})"
    ident = obj.get("id")
    if ident is None or (isinstance(ident, str) and not ident.strip()):
        return "missing 'id'"
    if not isinstance(ident, (str, int)) or isinstance(ident, bool):
        return f"'id' must be a string, got {type(ident).__name__}"
    text, html = obj.get("text"), obj.get("html")
    has_text = isinstance(text, str) and text.strip() != ""
    has_html = isinstance(html, str) and html.strip() != ""
    if not (has_text or has_html):
        return "missing 'text' (or 'html')"
    return None


def read_jsonl(stream: BinaryIO, path: Path, *, max_bytes: int) -> Iterator[Document | IngestProblem]:
    """Each non-blank line of ``stream`` as a Document, or a problem for that line."""
    seen_any = False
    for number, line in enumerate(stream, start=1):
        origin = f"{path}:{number}"
        line = line.rstrip(b"\r\n")
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        seen_any = True
        if len(line) > max_bytes:
            yield IngestProblem(origin, f"line {number}: {len(line)} bytes, over the limit of {max_bytes} bytes")
            continue
        if b"\x00" in line:
            yield IngestProblem(origin, f"line {number}: binary content (NUL byte), not text")
            continue
        try:
            obj = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield IngestProblem(origin, f"line {number}: invalid UTF-8 at byte offset {exc.start} of the line")
            continue
        except json.JSONDecodeError as exc:
            yield IngestProblem(origin, f"line {number}: invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        reason = line_problem(obj)
        if reason is not None:
            yield IngestProblem(origin, f"line {number}: {reason}")
            continue
        yield make_document(line, origin, ARTICLE_JSON, {"path": str(path), "line": number})
    if not seen_any:
        yield IngestProblem(str(path), "empty file")


def parse_publication_date(value: Any) -> date | None:
    """An ISO date or datetime string as a date; ``None`` when it is not one."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


def jsonl_article(doc: Document) -> Article:
    """The Article of one JSONL line; without ``text``, the article is extracted from ``html``."""
    try:
        obj = json.loads(decode_text(doc.raw))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(doc.origin, f"invalid JSON ({exc})") from exc
    reason = line_problem(obj)
    if reason is not None:
        raise InputError(doc.origin, reason)
    extra = {k: v for k, v in obj.items() if k not in KNOWN_FIELDS}
    fields: dict[str, str | None] = {}
    for name in ("title", "outlet", "url"):
        value = obj.get(name)
        if value is None or isinstance(value, str):
            fields[name] = value
        else:
            fields[name] = None
            extra[name] = value
    published = parse_publication_date(obj.get("publication_date"))
    if published is None and obj.get("publication_date") not in (None, ""):
        extra["publication_date"] = obj["publication_date"]
    text = obj.get("text")
    if not (isinstance(text, str) and text.strip()):
        extracted = extract_html(obj["html"], origin=doc.origin, url=fields["url"])
        text = extracted.text
        fields["title"] = fields["title"] or extracted.title
        fields["outlet"] = fields["outlet"] or extracted.outlet
        published = published or extracted.publication_date
    return Article(
        id=str(obj["id"]),
        text=text,
        title=fields["title"],
        outlet=fields["outlet"],
        url=fields["url"],
        publication_date=published,
        extra=extra,
    )
