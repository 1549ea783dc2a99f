"""Paths to inputs, and one input file to its Documents (or its problems).

Kinds: ``jsonl`` (article JSONL), ``text``, ``html``, ``feed`` (RSS/Atom), ``warc``.
The size limit applies to a whole file for text, HTML and feeds, and to each
line (JSONL) or each record payload (WARC) for those streamed containers; it is
enforced while reading (never more than the limit and a byte is read into memory).

Only regular files are read: a FIFO, socket or device is refused from ``stat``
before it is opened, and the opened descriptor is checked again (``O_NONBLOCK``,
so a FIFO swapped in meanwhile cannot block the run).
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from ..model import Document, IngestProblem
from .documents import (
    TEXT_HTML,
    TEXT_PLAIN,
    as_problem,
    declared_charset,
    display_path,
    make_document,
    text_problem,
)
from .feeds import looks_like_feed, read_feed
from .jsonl import read_jsonl
from .tables import PARQUET_MAGIC, read_parquet
from .warc import read_warc

__all__ = ["list_inputs", "read_input", "input_kind", "SUFFIXES"]

SUFFIXES: dict[str, str] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json-lines": "jsonl",
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".parquet": "parquet",
}


def _suffix_kind(path: Path) -> str | None:
    name = path.name.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return SUFFIXES[suffix]
    return None


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def list_inputs(paths: Iterable[str | Path]) -> tuple[list[Path], list[IngestProblem]]:
    """Input files under ``paths``: directories expanded recursively (sorted, hidden
    entries and unknown extensions skipped); named files kept as given."""
    files: list[Path] = []
    problems: list[IngestProblem] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        if path not in seen:
            seen.add(path)
            files.append(path)

    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                # not only regular files: a FIFO or device with a known extension is refused by read_input
                if not child.is_dir() and not _hidden(child, path) and _suffix_kind(child) is not None:
                    add(child)
        elif path.exists():
            add(path)
        else:
            problems.append(as_problem(display_path(path), "no such file or directory"))
    return files, problems


def _sniff(head: bytes) -> str:
    """The kind of an input with an unknown extension, from its first bytes."""
    if head.startswith(PARQUET_MAGIC):
        return "parquet"
    if head.startswith(b"WARC/") or head.startswith(b"\x1f\x8b"):  # WARC, or gzipped (WARC is the one we read)
        return "warc"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").decode("utf-8", "replace")
    if text.startswith("{"):
        try:
            json.loads(text.splitlines()[0])
            return "jsonl"
        except (json.JSONDecodeError, IndexError):
            return "text"
    lowered = text[:2048].lower()
    if text.startswith("<"):
        if looks_like_feed(lowered):
            return "feed"
        if "<html" in lowered or "<!doctype html" in lowered or "<body" in lowered:
            return "html"
    return "text"


def input_kind(path: Path, head: bytes) -> str:
    """``jsonl``, ``parquet``, ``text``, ``html``, ``feed`` or ``warc``: by extension, else sniffed."""
    return _suffix_kind(path) or _sniff(head)


_SPECIAL = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _not_regular(mode: int) -> str | None:
    """Why a file of this mode is refused (``None`` for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    what = next((name for test, name in _SPECIAL if test(mode)), "a special file")
    return f"not a regular file ({what}); only regular files are read"


def _open_regular(path: Path) -> BinaryIO | str:
    """``path`` opened for reading, or why not: only a regular file is opened, and never in a blocking way."""
    try:
        reason = _not_regular(os.stat(path).st_mode)
        if reason is not None:
            return reason
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return f"cannot read ({exc.strerror or exc})"
    try:
        reason = _not_regular(os.fstat(fd).st_mode)  # replaced between stat and open
    except OSError as exc:
        reason = f"cannot read ({exc.strerror or exc})"
    if reason is not None:
        os.close(fd)
        return reason
    return os.fdopen(fd, "rb")


def read_input(path: Path, *, max_bytes: int) -> Iterator[Document | IngestProblem]:
    """The Documents of one input file; every bad input is yielded as a problem, never raised.

    Problems come out with clean one-line origins and messages (:func:`as_problem`).
    """
    for item in _read_input(path, max_bytes=max_bytes):
        yield as_problem(item.origin, item.message) if isinstance(item, IngestProblem) else item


def _read_input(path: Path, *, max_bytes: int) -> Iterator[Document | IngestProblem]:
    origin = display_path(path)
    opened = _open_regular(path)
    if isinstance(opened, str):
        yield IngestProblem(origin, opened)
        return
    try:
        with opened as stream:
            size = os.fstat(stream.fileno()).st_size
            head = stream.read(4096)
            kind = input_kind(path, head)
            if not head.strip():
                yield IngestProblem(origin, "empty file")
                return
            if kind == "parquet":
                stream.seek(0)
                yield from read_parquet(stream, origin, max_bytes=max_bytes)
                return
            if kind in ("jsonl", "warc"):
                if kind == "jsonl" and b"\x00" in head:
                    yield IngestProblem(origin, "binary content (NUL byte), not JSON lines")
                    return
                stream.seek(0)
                reader = read_jsonl if kind == "jsonl" else read_warc
                yield from reader(stream, origin, max_bytes=max_bytes)
                return
            if size > max_bytes:
                yield IngestProblem(origin, f"file is {size} bytes, over the limit of {max_bytes} bytes")
                return
            raw = head + stream.read(max(0, max_bytes + 1 - len(head)))  # the size may lie (/proc, growing files)
            if len(raw) > max_bytes:
                yield IngestProblem(origin, f"file is over the limit of {max_bytes} bytes")
                return
    except OSError as exc:
        yield IngestProblem(origin, f"cannot read ({exc.strerror or exc})")
        return
    charset = declared_charset(raw) if kind == "html" else None
    reason = text_problem(raw, charset=charset)
    if reason is not None:
        yield IngestProblem(origin, reason)
        return
    if kind == "feed":
        yield from read_feed(raw, origin)
    elif kind == "html":
        yield make_document(raw, origin, TEXT_HTML, {"path": origin, **({"charset": charset} if charset else {})})
    else:
        yield make_document(raw, origin, TEXT_PLAIN, {"path": origin})
