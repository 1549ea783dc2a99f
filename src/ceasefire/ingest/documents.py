"""Documents: raw bytes, their hash, and the byte checks every text input goes through.

Pure helpers shared by the readers (``files``, ``jsonl``, ``feeds``, ``warc``).
"""

from __future__ import annotations

import hashlib
import re
from typing import Any, Mapping

from ..model import Document

__all__ = [
    "ARTICLE_JSON",
    "FEED_ITEM_JSON",
    "TEXT_PLAIN",
    "TEXT_HTML",
    "make_document",
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


def make_document(raw: bytes, origin: str, media_type: str, meta: Mapping[str, Any] | None = None) -> Document:
    """A :class:`Document` whose ``sha256`` is the hash of ``raw``."""
    return Document(
        sha256=hashlib.sha256(raw).hexdigest(),
        origin=origin,
        media_type=media_type,
        raw=raw,
        meta=dict(meta or {}),
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
