"""Documents: raw bytes, their hash, the byte checks every text input goes through,
and the one normalisation every string we store goes through.

Pure helpers shared by the readers (``files``, ``jsonl``, ``feeds``, ``warc``).

Normalisation (:func:`clean_text`) replaces ONE character by ONE character, so
every offset counted in the text before it still holds after it:

* C0 controls (U+0000-U+001F) except TAB, LF and CR, DEL (U+007F) and the C1
  controls (U+0080-U+009F) become a space: they are invisible formatting or
  transmission junk, and a space keeps the words around them apart;
* lone surrogates (U+D800-U+DFFF) and noncharacters (U+FDD0-U+FDEF and the
  last two code points of every plane, U+FFFE, U+FFFF, U+1FFFE ...) become
  U+FFFD, the replacement character: they are not text.

Everything else (private use, unassigned code points, U+2028/U+2029, a BOM
inside the text) is kept. SQLite and PostgreSQL then store the same string.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from typing import Any, Mapping

from ..model import Article, Document, IngestProblem

__all__ = [
    "ARTICLE_JSON",
    "FEED_ITEM_JSON",
    "TEXT_PLAIN",
    "TEXT_HTML",
    "make_document",
    "clean_text",
    "clean_value",
    "clean_article",
    "one_line",
    "display_path",
    "as_problem",
    "text_problem",
    "decode_text",
    "declared_charset",
]

ARTICLE_JSON = "application/x-ceasefire-article+json"
FEED_ITEM_JSON = "application/x-ceasefire-feed-item+json"
TEXT_PLAIN = "text/plain"
TEXT_HTML = "text/html"

_BOM = b"\xef\xbb\xbf"
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(1, 17)
)
_NOT_TEXT = re.compile(f"[{_CONTROLS}\ud800-\udfff{_NONCHARACTERS}]")
_LINE_BREAKS = re.compile(r"[\t\n\r]+")


def _replacement(match: re.Match[str]) -> str:
    char = match.group(0)
    return " " if char <= "\x9f" else "\ufffd"


def clean_text(text: str) -> str:
    """``text`` with controls (but TAB, LF, CR) as spaces, lone surrogates and noncharacters as U+FFFD.

    One character for one: ``len(clean_text(s)) == len(s)`` and every offset holds.
    """
    return _NOT_TEXT.sub(_replacement, text) if _NOT_TEXT.search(text) else text


def clean_value(value: Any) -> Any:
    """``value`` with :func:`clean_text` applied to every string in it, dict keys included (recursively)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, Mapping):
        return {clean_value(k): clean_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(clean_value(v) for v in value)
    return value


def clean_article(article: Article) -> Article:
    """The article with every string cleaned (:func:`clean_text`): id, text, title, outlet, url, extra."""
    return dataclasses.replace(
        article,
        id=clean_text(article.id),
        text=clean_text(article.text),
        title=None if article.title is None else clean_text(article.title),
        outlet=None if article.outlet is None else clean_text(article.outlet),
        url=None if article.url is None else clean_text(article.url),
        extra=clean_value(dict(article.extra)),
    )


def one_line(text: str) -> str:
    """``text`` cleaned and on one line (TAB, CR and LF runs become one space): for origins and messages."""
    return _LINE_BREAKS.sub(" ", clean_text(text)).strip()


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as a clean one-line string: bytes that are not UTF-8 shown as ``\\xNN``, controls as spaces."""
    return one_line(os.fsencode(path).decode("utf-8", "backslashreplace"))


def as_problem(origin: str, reason: str) -> IngestProblem:
    """An :class:`IngestProblem` whose origin and message are clean single lines (safe to print and store)."""
    return IngestProblem(one_line(origin), one_line(reason) or "unknown error")


def make_document(raw: bytes, origin: str, media_type: str, meta: Mapping[str, Any] | None = None) -> Document:
    """A :class:`Document` whose ``sha256`` is the hash of ``raw``; origin and meta are cleaned, raw is kept."""
    return Document(
        sha256=hashlib.sha256(raw).hexdigest(),
        origin=one_line(origin),
        media_type=media_type,
        raw=raw,
        meta=clean_value(dict(meta or {})),
    )


def declared_charset(raw: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag (first 4 KB), if any."""
    match = _CHARSET.search(raw[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    return None if name in ("utf-8", "utf8") else name


def text_problem(raw: bytes, *, charset: str | None = None) -> str | None:
    """Why ``raw`` is not usable text (one line), or ``None`` when it is.

    Checks, in order: empty, binary (a NUL byte), undecodable (invalid UTF-8, or
    invalid in the declared ``charset``), with the byte offset where it fails.
    """
    if not raw.strip():
        return "empty file"
    nul = raw.find(b"\x00")
    if nul >= 0:
        return f"binary content (NUL byte at byte offset {nul}), not text"
    try:
        raw.decode(charset or "utf-8")
    except LookupError:
        return text_problem(raw)
    except UnicodeDecodeError as exc:
        return f"invalid {'UTF-8' if not charset else charset} at byte offset {exc.start}"
    return None


def decode_text(raw: bytes, *, charset: str | None = None) -> str:
    """Decode checked bytes; a leading UTF-8 BOM is dropped, nothing else changes."""
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    try:
        return raw.decode(charset or "utf-8")
    except LookupError:
        return raw.decode("utf-8")
