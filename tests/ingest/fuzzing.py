"""Hypothesis strategies for the reader fuzz tests: bytes, JSON lines, RSS/Atom and WARC shapes.

Strings are drawn with the characters that broke readers before: NUL and other
controls, lone surrogates, noncharacters, line separators.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
from dataclasses import dataclass
from xml.sax.saxutils import escape

from hypothesis import strategies as st

from ceasefire.model import Article

ODD = ["\x00", "\x01", "\x07", "\x0b", "\x1b", "\x7f", "\x85", "\x9f", "\ud800", "\udbff", "\udc00", "\udfff",
       "\ufffe", "\uffff", "\ufdd0", "\U0010ffff", "\u2028", "\r", "\n", "\t", "\ufeff"]  # fmt: skip
WORDS = ["Shelling", "killed", "12", "people", "in", "Ariha", "on", "Sunday", ",", ".", "the", "ministry", "said",
         "BEIRUT", "(Reuters)", "-", "By", "Jane Roe", "/", "Wire", "\n\n", "wounded", "thirty"]  # fmt: skip

chars = st.one_of(st.characters(), st.sampled_from(ODD))
texts = st.one_of(
    st.text(chars, max_size=60),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(chars, max_size=3)), max_size=25).map(" ".join),
)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False), texts)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
                      max_leaves=12)  # fmt: skip

BAD_CODE_POINTS = ("\x00", "\x01", "\x07", "\x7f", "\x85", "\ud800", "\udfff", "\ufffe", "\U0010ffff")


def is_clean(value: object) -> bool:
    """No control (but TAB, LF, CR), lone surrogate or noncharacter in any string of ``value``."""
    if isinstance(value, str):
        return not any(
            (ord(c) < 32 and c not in "\t\n\r") or 0x7F <= ord(c) <= 0x9F or 0xD800 <= ord(c) <= 0xDFFF
            or 0xFDD0 <= ord(c) <= 0xFDEF or (ord(c) & 0xFFFE) == 0xFFFE
            for c in value
        )  # fmt: skip
    if isinstance(value, dict):
        return all(is_clean(k) and is_clean(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return all(is_clean(v) for v in value)
    return True


def article_is_clean(article: Article) -> bool:
    return all(is_clean(v) for v in (article.id, article.text, article.title, article.outlet, article.url,
                                      dict(article.extra)))  # fmt: skip


# -- JSON lines ------------------------------------------------------------------------------------------

article_objects = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(texts, values),
        "text": st.one_of(texts, values),
        "html": st.one_of(texts.map(lambda t: f"<html><body><p>{t}</p></body></html>"), values),
        "title": st.one_of(texts, values),
        "outlet": texts,
        "url": texts,
        "publication_date": st.one_of(st.sampled_from(["2024-03-18", "2024-03-18T10:00:00Z", "18 March"]), values),
        "extra": values,
    },
).flatmap(lambda obj: st.dictionaries(texts, values, max_size=3).map(lambda more: {**more, **obj}))


def _encode(obj: object, how: str) -> bytes:
    if how == "ascii":
        return json.dumps(obj, ensure_ascii=True).encode()
    return json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogatepass")  # lone surrogates as bad UTF-8


json_lines = st.lists(
    st.one_of(
        st.tuples(article_objects, st.sampled_from(["ascii", "raw"])).map(lambda p: _encode(*p)),
        st.tuples(values, st.just("ascii")).map(lambda p: _encode(*p)),
        st.binary(max_size=40),
        st.sampled_from([b"", b"  ", b"{", b'{"id": 1, "text": NaN}', b"[" * 100, b'{"id": "x", "text": "\\ud800"}']),
    ),
    min_size=1,
    max_size=6,
).flatmap(lambda lines: st.sampled_from([b"\n", b"\r\n"]).map(lambda end: end.join(lines) + end))


# -- RSS and Atom ----------------------------------------------------------------------------------------

REFERENCES = ["&#0;", "&#1;", "&#xD800;", "&#xdfff;", "&#x110000;", "&#99999999999;", "&#65534;", "&amp;",
              "&nbsp;", "&unknown;", "&#x85;", "<![CDATA[x]]>", "<b>", "</p>", "&lt;p&gt;"]  # fmt: skip

xml_texts = st.lists(st.one_of(texts.map(lambda t: escape(t.encode("utf-8", "replace").decode("utf-8"))),
                               st.sampled_from(REFERENCES)), max_size=8).map("".join)  # fmt: skip


@st.composite
def feeds(draw: st.DrawFn) -> bytes:
    """An RSS or Atom document with text, references and broken bits in its fields."""
    items = draw(st.lists(st.tuples(xml_texts, xml_texts, xml_texts), max_size=3))
    if draw(st.booleans()):
        body = "".join(f"<item><title>{t}</title><link>https://example.org/{i}{lk}</link>"
                       f"<description>{d}</description></item>" for i, (t, lk, d) in enumerate(items))  # fmt: skip
        doc = f'<?xml version="1.0"?><rss version="2.0"><channel><title>{draw(xml_texts)}</title>{body}</channel></rss>'
    else:
        body = "".join(f"<entry><title>{t}</title><id>urn:x:{i}{lk}</id><content type=\"html\">{d}</content></entry>"
                       for i, (t, lk, d) in enumerate(items))  # fmt: skip
        doc = f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">{body}</feed>'
    raw = doc.encode("utf-8", "surrogatepass")
    cut = draw(st.one_of(st.none(), st.integers(0, len(raw))))
    return raw if cut is None else raw[:cut]


# -- WARC ------------------------------------------------------------------------------------------------


def _digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


@dataclass(frozen=True)
class Warc:
    """A generated archive: its bytes, the payloads its records hold, and how it was damaged."""

    data: bytes
    payloads: frozenset[bytes]
    digests: bool
    mutation: str
    ends: frozenset[int]  # where a record ends in the undamaged archive


def warc_record(n: int, body: bytes, *, digests: bool, kind: str = "text/html") -> bytes:
    block = f"HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\n\r\n".encode() + body
    headers = ["WARC/1.0", "WARC-Type: response", f"WARC-Record-ID: <urn:uuid:20000000-0000-0000-0000-{n:012d}>",
               f"WARC-Target-URI: https://example.org/{n}", f"Content-Length: {len(block)}"]  # fmt: skip
    if digests:
        headers += [f"WARC-Block-Digest: {_digest(block)}", f"WARC-Payload-Digest: {_digest(body)}"]
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


@st.composite
def warcs(draw: st.DrawFn) -> Warc:
    """Valid records (plain or gzipped, with or without digests), then truncated, flipped, spliced or mis-sized."""
    digests = draw(st.booleans())
    html = texts.map(lambda t: f"<html><body><p>{t}</p></body></html>".replace("\x00", "").encode("utf-8", "replace"))
    bodies = draw(st.lists(html, min_size=1, max_size=4))  # no NUL: a payload with one is refused as binary
    records = [warc_record(n, b, digests=digests) for n, b in enumerate(bodies)]
    mutation = draw(st.sampled_from(["none", "truncate", "flip", "insert", "length"]))
    if mutation == "length":
        n = draw(st.integers(0, len(records) - 1))
        delta = draw(st.integers(-30, 30).filter(bool))
        true = len(records[n].split(b"\r\n\r\n", 1)[1]) - 4
        old, new = f"Content-Length: {true}".encode(), f"Content-Length: {max(0, true + delta)}".encode()
        records[n] = records[n].replace(old, new, 1)
    gz = draw(st.booleans())
    parts = [gzip.compress(r) for r in records] if gz else records
    data = b"".join(parts)
    ends = frozenset(sum(len(p) for p in parts[: n + 1]) for n in range(len(parts)))
    if mutation == "truncate":
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif mutation == "flip":
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
    elif mutation == "insert":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=20)) + data[at:]
    return Warc(data, frozenset(bodies), digests, mutation, ends)
