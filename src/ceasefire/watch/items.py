"""What a source lists: its items, each with a key that stays the same while the item does.

* a folder: every input file under it, as ``ceasefire ingest`` lists a directory (known
  extensions only, hidden names left out: a tool writes to a hidden or ``*.tmp`` name
  and renames when done); the key is the relative path, size and modification time, so
  a file rewritten is a new item;
* a feed: every entry (key: its id, else its link); its page is fetched when it has a
  link, else the entry's own text is ingested;
* a URL list: a sitemap (``<loc>`` elements) or plain text, one URL a line (key: the URL).
"""

from __future__ import annotations

import json
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import lxml.etree

from ..errors import InputError
from ..ingest import TEXT_HTML, TEXT_PLAIN, list_inputs
from ..ingest.documents import make_document
from ..ingest.feeds import read_feed
from ..model import Document, IngestProblem

__all__ = ["Item", "folder_items", "feed_items", "url_items", "page_document"]

@dataclass(frozen=True)
class Item:
    """One thing a source lists: a file (``path``), a page to fetch (``url``), or a document in hand."""

    key: str
    url: str | None = None
    path: Path | None = None
    document: Document | None = None


def folder_items(root: Path) -> list[Item]:
    """The input files under ``root`` as ``ceasefire ingest`` lists them (a missing folder: :class:`InputError`)."""
    if not root.is_dir():
        raise InputError(str(root), "not a folder (or it does not exist)")
    files, _ = list_inputs([root])
    out = []
    for path in files:
        try:
            st = path.stat()
        except OSError:
            continue  # gone meanwhile
        if not stat.S_ISREG(st.st_mode):
            continue
        rel = path.relative_to(root).as_posix()
        out.append(Item(key=f"{rel}|{st.st_size}|{st.st_mtime_ns}", path=path))
    return out


def feed_items(raw: bytes, location: str, *, fetch_pages: bool = True) -> list[Item]:
    """The entries of an RSS/Atom feed; a feed that cannot be read is an :class:`InputError`."""
    out: dict[str, Item] = {}
    for doc in read_feed(raw, location):
        if isinstance(doc, IngestProblem):
            raise InputError(location, doc.message)
        entry = json.loads(doc.raw.decode("utf-8"))
        link = entry.get("link") if isinstance(entry.get("link"), str) else None
        key = str(entry.get("id") or link or doc.sha256)
        if key in out:
            continue
        if link and fetch_pages:
            out[key] = Item(key=key, url=link)
        else:
            origin = f"{location}#{key}"
            out[key] = Item(key=key, url=link, document=Document(doc.sha256, origin, doc.media_type, doc.raw,
                                                                   {"url": link, "feed": location}))
    return list(out.values())


_URL = re.compile(r"^https?://\S+$")


def url_items(raw: bytes, location: str) -> list[Item]:
    """The URLs of a sitemap (``<urlset>``/``<loc>``) or of a plain list, one a line (``#`` comments)."""
    head = raw.lstrip()[:200].lower()
    urls: list[str] = []
    if head.startswith(b"<"):
        try:
            root = lxml.etree.fromstring(raw, parser=lxml.etree.XMLParser(resolve_entities=False, no_network=True))
        except lxml.etree.XMLSyntaxError as exc:
            raise InputError(location, f"malformed sitemap ({exc})") from exc
        urls = [(el.text or "").strip() for el in root.iter() if isinstance(el.tag, str) and el.tag.endswith("loc")]
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(location, f"invalid UTF-8 at byte offset {exc.start}") from exc
        urls = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    bad = [u for u in urls if not _URL.match(u)]
    if bad:
        raise InputError(location, f"not a URL: {bad[0][:80]!r}")
    return [Item(key=u, url=u) for u in dict.fromkeys(urls)]


def page_document(url: str, body: bytes, content_type: str, source: str) -> Document:
    """A fetched page as a Document: its raw bytes, the URL as its origin (and so as the article id).

    ``text/plain`` is read as plain text, anything else as HTML (the charset the server
    declares is kept for decoding).
    """
    kind = content_type.split(";")[0].strip().lower()
    charset = re.search(r"charset=([A-Za-z0-9_.:-]+)", content_type)
    meta = {"url": url, "source": source}
    if charset and charset.group(1).lower() not in ("utf-8", "utf8"):
        meta["charset"] = charset.group(1).lower()
    return make_document(body, url, TEXT_PLAIN if kind == "text/plain" else TEXT_HTML, meta)
