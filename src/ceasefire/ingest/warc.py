"""WARC archives (warcio lives here): one Document per HTML or text response.

Only HTTP ``response`` records (and ``resource`` records) whose payload is
HTML or plain text become Documents; the rest are skipped silently.

The archive is checked as it is read (:mod:`.warcframe`): a damaged record --
cut short, a wrong ``Content-Length``, a cut or corrupt gzip member, a failed
``WARC-Block-Digest`` or ``WARC-Payload-Digest`` -- is one problem naming its
byte offset (and its record id when known) and is never stored; the records
before and after it are read. Re-reading the repaired file adds only what was
missing, since documents are keyed by the sha256 of their payload.
"""

from __future__ import annotations

import zlib
from io import BytesIO
from typing import BinaryIO, Iterator

from warcio.bufferedreaders import ChunkedDataException
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord, ArcWarcRecordLoader
from warcio.statusandheaders import StatusAndHeadersParserException

from ..model import Document, IngestProblem
from .documents import TEXT_HTML, TEXT_PLAIN, declared_charset, make_document, text_problem
from .warcframe import Damage, RawRecord, warc_records

__all__ = ["read_warc"]

# What warcio raises on a record it cannot parse (a response without WARC-Target-URI ends in AttributeError).
_UNREADABLE = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    ChunkedDataException,
    ValueError,
    AttributeError,
    TypeError,
    EOFError,
    zlib.error,
)

_KINDS = {"text/html": TEXT_HTML, "application/xhtml+xml": TEXT_HTML, "text/plain": TEXT_PLAIN}
_HEADERS_ALLOWANCE = 1 << 16  # HTTP headers around a payload at the size limit
_DRAIN = 1 << 16


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


def _media(record: ArcWarcRecord) -> tuple[str | None, str | None]:
    """The (media type, charset) of a response or resource record we read; (None, None) for the rest."""
    if record.rec_type == "response":
        header = record.http_headers.get_header("Content-Type") if record.http_headers else None
    elif record.rec_type == "resource":
        header = record.rec_headers.get_header("Content-Type")
    else:
        return None, None
    return _content_type(header)


def _origin(name: str, record_id: str | None) -> str:
    return f"{name}#{record_id}" if record_id else name


def _damaged(offset: int, reason: str, *, record: bool = True) -> str:
    return f"damaged WARC {'record ' if record else ''}at byte offset {offset}: {reason}"


def _document(raw: RawRecord, name: str, number: int, max_bytes: int) -> Document | IngestProblem | None:
    """The Document of one framed record, a problem, or None for a record of another kind."""
    origin = _origin(name, raw.record_id or str(number))
    try:
        record = ArcWarcRecordLoader(verify_http=False, arc2warc=False).parse_record_stream(
            BytesIO(raw.data), known_format="warc", check_digests=raw.whole
        )
        media_type, charset = _media(record)
        if media_type is None:
            return None
        if not raw.whole:
            return IngestProblem(origin, f"record payload over the limit of {max_bytes} bytes")
        payload = record.content_stream().read(max_bytes + 1)
        while record.raw_stream.read(_DRAIN):  # the whole block, so its digests are checked
            pass
    except _UNREADABLE as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        return IngestProblem(origin, _damaged(raw.offset, f"unreadable record ({first})"))
    if len(payload) > max_bytes:
        return IngestProblem(origin, f"record payload over the limit of {max_bytes} bytes")
    checked = record.digest_checker.passed
    if checked is False:
        return IngestProblem(origin, _damaged(raw.offset, "; ".join(record.digest_checker.problems)))
    if raw.suspect and checked is not True:
        return IngestProblem(
            origin,
            _damaged(raw.offset, "what follows it is not a WARC record, so its Content-Length may be wrong "
                     "(and it has no digest to check it)"),
        )  # fmt: skip
    if media_type == TEXT_HTML:
        charset = charset or declared_charset(payload)
    reason = text_problem(payload, charset=charset)
    if reason is not None:
        return IngestProblem(origin, reason.replace("empty file", "empty payload"))
    meta = {
        "path": name,
        "record": number,
        "offset": raw.offset,
        "url": record.rec_headers.get_header("WARC-Target-URI"),
        "warc_date": record.rec_headers.get_header("WARC-Date"),
    }
    if charset:
        meta["charset"] = charset
    return make_document(payload, origin, media_type, meta)


def read_warc(stream: BinaryIO, name: str, *, max_bytes: int) -> Iterator[Document | IngestProblem]:
    """The HTML/text responses of a WARC file (``name``: the file as shown); one problem per damaged record."""
    number = found = 0
    damaged = False
    for item in warc_records(stream, keep=max_bytes + _HEADERS_ALLOWANCE):
        if isinstance(item, Damage):
            damaged = True
            yield IngestProblem(_origin(name, item.record_id), _damaged(item.offset, item.reason, record=item.record))
            continue
        number += 1
        result = _document(item, name, number, max_bytes)
        if result is not None:
            found += 1
            yield result
    if damaged:
        return
    if number == 0:
        yield IngestProblem(name, "malformed WARC (no records)")
    elif found == 0:
        yield IngestProblem(name, "WARC holds no HTML or text responses")
