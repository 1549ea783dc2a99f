"""Article JSONL (``interchange.md``): one JSON object per line, each line one Document.

A bad line is one :class:`IngestProblem` naming ``path:LINE``; the other lines go on.
Lines are read with a bounded ``readline``: a line over the size limit is skipped
in pieces, never held whole in memory. JSON is read strictly (no ``NaN`` or
``Infinity``, at most ``MAX_DEPTH`` levels of nesting) and every string in it is
cleaned (:func:`clean_value`) before it is used; the line's bytes are kept as they are.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any, BinaryIO, Iterator

from ..errors import InputError
from ..model import Article, Document, IngestProblem
from .documents import ARTICLE_JSON, clean_value, decode_text, make_document
from .html import extract_html

__all__ = ["read_jsonl", "article_document", "jsonl_article", "parse_publication_date", "line_problem", "MAX_DEPTH"]

KNOWN_FIELDS = ("id", "text", "title", "outlet", "url", "publication_date", "html")
MAX_DEPTH = 64  # nested objects and arrays in one line; deeper lines are refused
_PIECE = 1 << 16  # what is read at a time while skipping a line over the limit


class _LineError(ValueError):
    """Why one line's bytes are not a JSON value we read."""


def _reject_constant(name: str) -> Any:
    raise _LineError(f"invalid JSON ({name} is not a JSON value)")


def _depth(value: Any) -> int:
    """How deeply objects and arrays nest in a parsed JSON value (iteratively)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in item)
    return deepest


def _load(line: bytes) -> Any:
    """The JSON value of one line's bytes, every string in it cleaned; raises :class:`_LineError`."""
    try:
        value = json.loads(decode_text(line), parse_constant=_reject_constant)
    except UnicodeDecodeError as exc:
        raise _LineError(f"invalid UTF-8 at byte offset {exc.start} of the line") from exc
    except json.JSONDecodeError as exc:
        raise _LineError(f"invalid JSON ({exc.msg} at column {exc.colno})") from exc
    except _LineError:
        raise
    except ValueError as exc:  # e.g. an integer of more digits than Python converts
        raise _LineError(f"invalid JSON ({exc})") from exc
    except RecursionError as exc:
        raise _LineError(f"JSON nested deeper than {MAX_DEPTH} levels") from exc
    if _depth(value) > MAX_DEPTH:
        raise _LineError(f"JSON nested deeper than {MAX_DEPTH} levels")
    return clean_value(value)


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(number, line without its end, length): ``None`` for a line over ``max_bytes``, read in pieces."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 2)  # room for the line and its CRLF
        if not line:
            return
        number += 1
        length = len(line)
        if line.endswith(b"\n") or length < max_bytes + 2:
            body = line.rstrip(b"\r\n")
            yield number, (body if len(body) <= max_bytes else None), len(body)
            continue
        tail = line[-2:]
        while not tail.endswith(b"\n"):
            line = stream.readline(_PIECE)
            if not line:
                break
            length += len(line)
            tail = (tail + line)[-2:]
        yield number, None, length - (2 if tail == b"\r\n" else 1 if tail.endswith(b"\n") else 0)


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


def read_jsonl(stream: BinaryIO, name: str, *, max_bytes: int) -> Iterator[Document | IngestProblem]:
    """Each non-blank line of ``stream`` (``name``: the file as shown) as a Document, or a problem for that line."""
    seen_any = False
    for number, line, length in _lines(stream, max_bytes):
        origin = f"{name}:{number}"
        if line is None:
            seen_any = True
            yield IngestProblem(origin, f"line {number}: {length} bytes, over the limit of {max_bytes} bytes")
            continue
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        seen_any = True
        yield article_document(line, origin, f"line {number}", {"path": name, "line": number})
    if not seen_any:
        yield IngestProblem(name, "empty file")


def article_document(raw: bytes, origin: str, where: str, meta: dict[str, Any]) -> Document | IngestProblem:
    """One article record's JSON bytes as a Document, or the problem with it (``where``: "line 3", "row 3")."""
    if b"\x00" in raw:
        return IngestProblem(origin, f"{where}: binary content (NUL byte), not text")
    try:
        reason = line_problem(_load(raw))
    except _LineError as exc:
        reason = str(exc)
    if reason is not None:
        return IngestProblem(origin, f"{where}: {reason}")
    return make_document(raw, origin, ARTICLE_JSON, meta)


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
        obj = _load(doc.raw)
    except _LineError as exc:
        raise InputError(doc.origin, str(exc)) from exc
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
