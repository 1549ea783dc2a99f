"""WARC framing: where each record of a plain or gzipped WARC starts and ends, checked.

:mod:`warcio` parses a record (WARC and HTTP headers, chunked bodies, digests)
once it is handed that record's bytes; this module finds those bytes and checks
the archive around them, reading with bounded memory:

* a record starts with a ``WARC/`` line (blank lines before it are skipped), its
  header block is at most ``MAX_HEADER`` bytes of lines of at most ``MAX_LINE``;
* it has a numeric ``Content-Length``; the file holds that many bytes after the
  header, and they are followed by the empty line (CRLF CRLF) that ends a record;
* in a gzipped WARC every member is decompressed in pieces of ``_CHUNK`` bytes
  (never a whole member at once), must end inside the file and pass its CRC;
  a record's member is read to its end before the record counts as whole.

A record failing a check is a :class:`Damage` (its byte offset: of the record
in a plain file, of its gzip member in a gzipped one); reading then resumes at
the next place a record can start (a ``WARC/`` line, or a gzip member that
decompresses to one), so records after the damage are still read. Bytes that
are not a record right after a record mark that record ``suspect``: its
``Content-Length`` may be wrong (the caller checks its digest, if any).
"""

from __future__ import annotations

import zlib
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import BinaryIO, Iterator

__all__ = ["RawRecord", "Damage", "warc_records", "MAX_LINE", "MAX_HEADER"]

MAX_LINE = 1 << 16  # one WARC header line
MAX_HEADER = 1 << 18  # a record's whole WARC header block
_CHUNK = 1 << 16  # compressed bytes read, and decompressed bytes produced, at a time
_SCAN = 1 << 20  # bytes searched at a time for the next record after damage
_PEEK = 1 << 16  # bytes kept of a block over the limit: its HTTP headers
_GZIP = b"\x1f\x8b\x08"
_PLAIN_START = b"\nWARC/"
_END = b"\r\n\r\n"


@dataclass(frozen=True)
class RawRecord:
    """One framed record: ``data`` is its header block and block (the block's first 64 KiB when
    ``whole`` is false); ``offset`` its byte offset in the file (of its gzip member if gzipped)."""

    offset: int
    record_id: str | None
    data: bytes
    whole: bool
    suspect: bool = False


@dataclass(frozen=True)
class Damage:
    """A damaged record (``record``), or damaged bytes where a record should start, at ``offset``, and why."""

    offset: int
    record_id: str | None
    reason: str
    record: bool = True


class _Broken(Exception):
    """The file's bytes are damaged at ``offset`` (a cut or corrupt gzip member, junk between members)."""

    def __init__(self, reason: str, offset: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.offset = offset


class _Bad(Exception):
    """A record that fails a check; ``junk``: bytes that are no record at all; ``header``: a record starts there."""

    def __init__(
        self, offset: int, record_id: str | None, reason: str, *, junk: bool = False, header: bool = True
    ) -> None:
        super().__init__(reason)
        self.offset, self.record_id, self.reason = offset, record_id, reason
        self.junk, self.header = junk, header


class _Plain:
    """An uncompressed WARC: positions are file offsets."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        fh.seek(0)

    def tell(self) -> int:
        return self.fh.tell()

    def offset(self, pos: int) -> int:
        return pos

    def read(self, n: int) -> bytes:
        return self.fh.read(n)

    def readline(self, limit: int) -> bytes:
        return self.fh.readline(limit)

    def skip(self, n: int) -> int:
        here = self.fh.tell()
        end = self.fh.seek(0, 2)
        return self.fh.seek(min(end, here + n)) - here

    def settle(self) -> None:
        """Nothing to check at a record's end in a plain file."""

    def resync(self, after: int) -> bool:
        """Move to the first line starting ``WARC/`` after file offset ``after``; False when there is none."""
        found = _find(self.fh, _PLAIN_START, after)
        if found is None:
            return False
        self.fh.seek(found + 1)
        return True


class _Gzip:
    """A gzipped WARC, decompressed member after member in bounded pieces; positions count decompressed bytes."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.buf = bytearray()
        self.pos = 0  # decompressed position of buf[0]
        self._marks: list[int] = []  # decompressed position where each member starts ...
        self._members: list[int] = []  # ... and its file offset
        self._start(0)

    def _start(self, offset: int) -> None:
        self.fh.seek(offset)
        self.fed = offset  # file offset after the compressed bytes fed so far
        self.member = offset
        self.dec = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._marks.append(self.pos + len(self.buf))
        self._members.append(offset)

    def offset(self, pos: int) -> int:
        return self._members[max(0, bisect_right(self._marks, pos) - 1)]

    def _fill(self) -> bool:
        """Decompress some more into ``buf``; False at the clean end of the file."""
        if self.dec.eof:
            following = self.fed - len(self.dec.unused_data)  # unconsumed_tail repeats those bytes here
            self.fh.seek(following)
            head = self.fh.read(len(_GZIP))
            if not head:
                return False
            if head != _GZIP:
                raise _Broken("the bytes after the gzip member before them are not a gzip member", following)
            self._start(following)
        data = self.dec.unconsumed_tail
        if not data:
            data = self.fh.read(_CHUNK)
            if not data:
                raise _Broken("gzip member cut off (the file ends inside it)", self.member)
            self.fed += len(data)
        try:
            self.buf += self.dec.decompress(data, _CHUNK)
        except zlib.error as exc:
            raise _Broken(f"corrupt gzip member ({exc})", self.member) from exc
        return True

    def tell(self) -> int:
        return self.pos

    def read(self, n: int) -> bytes:
        while len(self.buf) < n and self._fill():
            pass
        with memoryview(self.buf) as view:
            out = bytes(view[:n])
        del self.buf[:n]
        self.pos += len(out)
        return out

    def readline(self, limit: int) -> bytes:
        searched = 0
        while True:
            end = self.buf.find(b"\n", searched, limit)
            if end >= 0:
                return self.read(end + 1)
            if len(self.buf) >= limit:
                return self.read(limit)
            searched = len(self.buf)
            if not self._fill():
                return self.read(len(self.buf))

    def skip(self, n: int) -> int:
        done = 0
        while done < n and (self.buf or self._fill()):
            k = min(n - done, len(self.buf))
            del self.buf[:k]
            self.pos += k
            done += k
        return done

    def settle(self) -> None:
        """At a record's end: read its member to the end (zlib checks the CRC), unless the member goes on."""
        while not self.buf and not self.dec.eof:
            self._fill()

    def resync(self, after: int) -> bool:
        """Move to the first gzip member after file offset ``after`` that decompresses to a WARC record."""
        start = after
        while (found := _find(self.fh, _GZIP, start + 1)) is not None:
            if _opens_a_record(self.fh, found):
                self.buf.clear()
                self._start(found)
                return True
            start = found
        return False


def _find(fh: BinaryIO, needle: bytes, start: int) -> int | None:
    """The file offset of the first ``needle`` at or after ``start``, reading ``_SCAN`` bytes at a time."""
    fh.seek(start)
    tail = b""
    base = start  # file offset of tail + chunk
    while chunk := fh.read(_SCAN):
        window = tail + chunk
        at = window.find(needle)
        if at >= 0:
            return base + at
        keep = min(len(window), len(needle) - 1)
        base += len(window) - keep
        tail = window[len(window) - keep :]
    return None


def _opens_a_record(fh: BinaryIO, offset: int) -> bool:
    """Whether a gzip member starts at ``offset`` and its first bytes are a WARC record's first line."""
    fh.seek(offset)
    dec = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = b""
    for _ in range(4):
        data = fh.read(_CHUNK)
        if not data:
            break
        try:
            out += dec.decompress(data, 64)
        except zlib.error:
            return False
        if len(out.lstrip(b"\r\n")) >= 5 or dec.eof:
            break
    return out.lstrip(b"\r\n").startswith(b"WARC/")


def _preview(line: bytes) -> str:
    text = line[:40].decode("utf-8", "replace").strip()
    return repr(text + ("..." if len(line) > 40 else ""))


def _frame(src: _Plain | _Gzip, keep: int) -> RawRecord | None:
    """The next record of ``src`` (``None`` at the end); raises :class:`_Bad`."""
    offset: int | None = None
    record_id: str | None = None
    try:
        while True:
            start = src.tell()
            line = src.readline(MAX_LINE)
            if not line:
                return None
            if line.strip(b"\r\n"):
                break
        offset = src.offset(start)
        if not line.startswith(b"WARC/"):
            raise _Bad(offset, None, f"not a WARC record (it starts {_preview(line)})", junk=True, header=False)
        header = bytearray()
        fields: dict[bytes, bytes] = {}
        while True:
            header += line
            if not line.endswith(b"\n"):
                why = "a header line is too long" if len(line) >= MAX_LINE else "cut short inside its header"
                raise _Bad(offset, record_id, why)
            if not line.strip(b"\r\n"):
                break
            if len(header) > MAX_HEADER:
                raise _Bad(offset, record_id, f"its header is over {MAX_HEADER} bytes")
            name, sep, value = line.partition(b":")
            if sep:
                fields[name.strip().lower()] = value.strip()
                if name.strip().lower() == b"warc-record-id":
                    record_id = value.strip().decode("utf-8", "replace").strip("<>") or None
            line = src.readline(MAX_LINE)
        declared = fields.get(b"content-length", b"")
        if not declared.isdigit():
            raise _Bad(offset, record_id, "no valid Content-Length")
        length = int(declared)
        head = length if length <= keep else min(length, _PEEK)  # a block over the limit: enough to tell its type
        block = src.read(head)
        got = len(block) + (src.skip(length - head) if length > head and len(block) == head else 0)
        if got < length:
            raise _Bad(offset, record_id, f"cut short: Content-Length says {length} bytes, the file ends after {got}")
        end = src.read(len(_END))
        if end != _END:  # strict: a length too long by 1-3 bytes on the last record looks like a cut end line
            why = (
                "cut short: the file ends inside the empty line that closes the record"
                if len(end) < len(_END) and _END.startswith(end)
                else f"Content-Length ({length}) is wrong: the record does not end with an empty line where it says"
            )
            raise _Bad(offset, record_id, why)
        src.settle()
    except _Broken as exc:
        where = exc.offset if offset is None else offset
        reason = exc.reason if exc.offset == where else f"{exc.reason}, at byte offset {exc.offset}"
        raise _Bad(where, record_id, reason, header=offset is not None) from exc
    return RawRecord(offset, record_id, bytes(header) + block, whole=length <= keep)


def warc_records(fh: BinaryIO, *, keep: int) -> Iterator[RawRecord | Damage]:
    """The framed records of a WARC file (gzipped when it starts with the gzip magic), and its damage.

    ``keep``: the most block bytes of one record held in memory; a longer
    block is skipped after its first 64 KiB (``whole`` is false).
    """
    fh.seek(0)
    src: _Plain | _Gzip = _Gzip(fh) if fh.read(2) == _GZIP[:2] else _Plain(fh)
    pending: RawRecord | None = None
    quiet = False  # after damage: bytes that are no record are passed over until the next record
    while True:
        try:
            record = _frame(src, keep)
        except _Bad as bad:
            resume = bad.offset
            if not (quiet and bad.junk):
                if pending is not None:
                    if bad.junk:  # no record right after it: the true next one may lie inside its block
                        resume = pending.offset
                    yield replace(pending, suspect=bad.junk)
                    pending = None
                yield Damage(bad.offset, bad.record_id, bad.reason, bad.header)
            if not src.resync(resume):
                break
            quiet = True
            continue
        if record is None:
            break
        if pending is not None:
            yield pending
        pending, quiet = record, False
    if pending is not None:
        yield pending
