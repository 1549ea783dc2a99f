"""WARC archives (warcio lives here): one Document per HTML or text response.

Only HTTP ``response`` records (and ``resource`` records) whose payload is
HTML or plain text become Documents; the rest are skipped silently.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import BinaryIO, Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from ..model import Document, IngestProblem
from .documents import TEXT_HTML, TEXT_PLAIN, declared_charset, make_document, text_problem

__all__ = ["read_warc"]

# What warcio raises on damaged input (a record missing WARC-Target-URI ends in AttributeError).
_DAMAGE = (ArchiveLoadFailed, StatusAndHeadersParserException, ValueError, AttributeError, EOFError, zlib.error)

_KINDS = {"text/html": TEXT_HTML, "application/xhtml+xml": TEXT_HTML, "text/plain": TEXT_PLAIN}


def _content_type(value: str | None) -> tuple[str | None, str | None]:
    """``text/html; charset=latin-1`` -> (media type, charset or None for UTF-8)."""
    if not value:
        return None, None
    parts = [p.strip() for p in value.split(";")]
    charset = None
    for part in parts[1:]:
        if part.lower().startswith("charset="):
            charset = part.split("=", 1)[1].strip("\"' ").lower() or None
    if charset in ("utf-8", "utf8"):
        charset = None
    return _KINDS.get(parts[0].lower()), charset


def read_warc(stream: BinaryIO, path: Path, *, max_bytes: int) -> Iterator[Document | IngestProblem]:
    """The HTML/text responses of a WARC file; a damaged archive ends with one problem."""
    number = 0
    found = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            if record.rec_type not in ("response", "resource"):
                continue
            if record.rec_type == "response":
                header = record.http_headers.get_header("Content-Type") if record.http_headers else None
            else:
                header = record.rec_headers.get_header("Content-Type")
            media_type, charset = _content_type(header)
            if media_type is None:
                continue
            record_id = (record.rec_headers.get_header("WARC-Record-ID") or str(number)).strip("<>")
            origin = f"{path}#{record_id}"
            payload = record.content_stream().read(max_bytes + 1)
            found += 1
            if len(payload) > max_bytes:
                yield IngestProblem(origin, f"record payload over the limit of {max_bytes} bytes")
                continue
            if media_type == TEXT_HTML:
                charset = charset or declared_charset(payload)
            reason = text_problem(payload, charset=charset)
            if reason is not None:
                yield IngestProblem(origin, reason.replace("empty file", "empty payload"))
                continue
            meta = {
                "path": str(path),
                "record": number,
                "url": record.rec_headers.get_header("WARC-Target-URI"),
                "warc_date": record.rec_headers.get_header("WARC-Date"),
            }
            if charset:
                meta["charset"] = charset
            yield make_document(payload, origin, media_type, meta)
    except _DAMAGE as exc:
        reason = str(exc).splitlines()[0] if str(exc) else "unreadable record"
        yield IngestProblem(str(path), f"malformed WARC after {number} record(s) ({reason})")
        return
    if number == 0:
        yield IngestProblem(str(path), "malformed WARC (no records)")
    elif found == 0:
        yield IngestProblem(str(path), "WARC holds no HTML or text responses")
