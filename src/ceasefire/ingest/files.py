"""Paths to inputs, and one input file to its Documents (or its problems).

Kinds: ``jsonl`` (article JSONL), ``text``, ``html``, ``feed`` (RSS/Atom), ``warc``.
The size limit applies to a whole file for text, HTML and feeds, and to each
line (JSONL) or each record payload (WARC) for those streamed containers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator

from ..model import Document, IngestProblem
from .documents import TEXT_HTML, TEXT_PLAIN, declared_charset, make_document, text_problem
from .feeds import looks_like_feed, read_feed
from .jsonl import read_jsonl
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
                if child.is_file() and not _hidden(child, path) and _suffix_kind(child) is not None:
                    add(child)
        elif path.exists():
            add(path)
        else:
            problems.append(IngestProblem(str(path), "no such file or directory"))
    return files, problems


def _sniff(head: bytes) -> str:
    """The kind of an input with an unknown extension, from its first bytes."""
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
    """``jsonl``, ``text``, ``html``, ``feed`` or ``warc``: by extension, else sniffed."""
    return _suffix_kind(path) or _sniff(head)


def read_input(path: Path, *, max_bytes: int) -> Iterator[Document | IngestProblem]:
    """The Documents of one input file; every bad input is yielded as a problem, never raised."""
    origin = str(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(4096)
            kind = input_kind(path, head)
            if not head.strip():
                yield IngestProblem(origin, "empty file")
                return
            if kind in ("jsonl", "warc"):
                if kind == "jsonl" and b"\x00" in head:
                    yield IngestProblem(origin, "binary content (NUL byte), not JSON lines")
                    return
                stream.seek(0)
                reader = read_jsonl if kind == "jsonl" else read_warc
                yield from reader(stream, path, max_bytes=max_bytes)
                return
            if size > max_bytes:
                yield IngestProblem(origin, f"file is {size} bytes, over the limit of {max_bytes} bytes")
                return
            raw = head + stream.read()
    except OSError as exc:
        yield IngestProblem(origin, f"cannot read ({exc.strerror or exc})")
        return
    charset = declared_charset(raw) if kind == "html" else None
    reason = text_problem(raw, charset=charset)
    if reason is not None:
        yield IngestProblem(origin, reason)
        return
    if kind == "feed":
        yield from read_feed(raw, path)
    elif kind == "html":
        yield make_document(raw, origin, TEXT_HTML, {"path": origin, **({"charset": charset} if charset else {})})
    else:
        yield make_document(raw, origin, TEXT_PLAIN, {"path": origin})
