"""Copies of one report: the same text in another container or from another outlet (pure).

A report's *content* is its body without what carriers change: its headline (when
it stands in the text), its dateline ("BEIRUT, Sept 17 (Reuters) -") and its byline
lines, NFKC-normalised, casefolded and cut into words. Two reports are copies when
their contents are the same (compared by sha256, an indexed column of the store),
or nearly: their sets of 5-word shingles have a Jaccard similarity of at least 0.9.
Near candidates are found through locality-sensitive hashing — a one-permutation
MinHash signature cut into bands, each band an indexed row — and then compared
exactly. The numbers are in ``data/ingest_copies.json``.

* :func:`fingerprint` -- what the store indexes a report by;
* :func:`copy_window` -- where the store looks for a report's near copies (around its date, a few per band);
* :func:`similarity` -- the exact Jaccard similarity of two reports' shingles;
* :func:`find_originals` -- which of a document's reports are copies, and of what.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import deque
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Iterator, Mapping, Sequence

from ..caching import Bounded
from ..model import CopyWindow, Fingerprint, Original, Report
from .bylines import parse_byline

__all__ = ["CopyRules", "rules", "copy_window", "content_words", "fingerprint", "similarity", "find_originals",
           "original_of", "remember"]

_WORD = re.compile(r"\w+")
_LINE = re.compile(r"[^\n]*")


@dataclass(frozen=True)
class CopyRules:
    shingle_words: int
    near_jaccard: float
    min_words: int
    bins: int
    bands: int
    window_days: int
    band_cap: int


@lru_cache(maxsize=1)
def rules() -> CopyRules:
    """The rules of ``data/ingest_copies.json``, loaded once."""
    data = json.loads(resources.files("ceasefire.data").joinpath("ingest_copies.json").read_text(encoding="utf-8"))
    found = CopyRules(**{k: v for k, v in data.items() if not k.startswith("_")})
    if found.bins % found.bands:
        raise ValueError("ingest_copies.json: bins must be a multiple of bands")
    return found


def copy_window() -> CopyWindow:
    """Where the store looks for a report's near copies (``window_days``, ``band_cap``)."""
    r = rules()
    return CopyWindow(r.window_days, r.band_cap)


def _left_out(report: Report) -> list[tuple[int, int]]:
    """Spans of the body that carriers change: headline, dateline, byline lines."""
    spans = []
    head = report.headline
    if head is not None and head.field == "text":
        spans.append((head.start, head.end))
    if report.dateline_start is not None and report.dateline_end is not None:
        spans.append((report.dateline_start, report.dateline_end))
    text = report.article.text
    for line in _LINE.finditer(text, report.body_start, report.body_end):
        if line.end() > line.start() and parse_byline(line.group(0)) is not None:
            spans.append((line.start(), line.end()))
    return sorted(spans)


def _pieces(report: Report) -> Iterator[str]:
    text, at = report.article.text, report.body_start
    for start, end in _left_out(report):
        if end <= at:
            continue
        if start > at:
            yield text[at : min(start, report.body_end)]
        at = max(at, end)
        if at >= report.body_end:
            return
    if at < report.body_end:
        yield text[at : report.body_end]


def content_words(report: Report) -> Iterator[str]:
    """The words of the report's content, normalised (NFKC, casefolded)."""
    for piece in _pieces(report):
        yield from _WORD.findall(unicodedata.normalize("NFKC", piece).casefold())


def _hash64(value: str) -> int:
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8"), digest_size=8).digest(), "big")


def _shingle_texts(words: Iterator[str], n: int) -> Iterator[str]:
    """The n-word shingles of ``words``, each as its words joined by a space (all of them when fewer)."""
    window: deque[str] = deque(maxlen=n)
    full = False
    for word in words:
        window.append(word)
        if len(window) == n:
            full = True
            yield " ".join(window)
    if window and not full:
        yield " ".join(window)


def _shingles(words: Iterator[str], n: int) -> Iterator[int]:
    """The 64-bit hashes of the n-word shingles of ``words`` (all of them when fewer)."""
    return map(_hash64, _shingle_texts(words, n))


def _signature(hashes: Iterator[int], bins: int) -> list[str]:
    """One-permutation MinHash: each hash falls in a bin, the bin keeps its least value.

    An empty bin takes the value of the next filled bin to its right, with the distance
    (densification by rotation), so two similar sets agree on most bins even when short.
    """
    slots: list[int | None] = [None] * bins
    for h in hashes:
        b, v = h % bins, h // bins
        old = slots[b]
        if old is None or v < old:
            slots[b] = v
    out = []
    for i in range(bins):
        for dist in range(bins):
            value = slots[(i + dist) % bins]
            if value is not None:
                out.append(f"{dist}:{value}")
                break
    return out


def fingerprint(report: Report) -> Fingerprint:
    """The hash of the report's content and the LSH bands of its shingles (``None`` when too short)."""
    r = rules()
    digest = hashlib.sha256()
    count = 0

    def counted() -> Iterator[str]:  # one pass over the words: the hash, the count and the shingles
        nonlocal count
        for word in content_words(report):
            digest.update(word.encode("utf-8") + b" ")
            count += 1
            yield word

    sig = _signature(_shingles(counted(), r.shingle_words), r.bins)
    if count < r.min_words:
        return Fingerprint(report.key, None, (), report.anchor_date)
    width = r.bins // r.bands
    bands = tuple(
        hashlib.blake2b(f"{b}|{','.join(sig[b * width : (b + 1) * width])}".encode(), digest_size=16).hexdigest()
        for b in range(r.bands)
    )
    return Fingerprint(report.key, digest.hexdigest(), bands, report.anchor_date)


SET_CACHE = 500  # reports whose shingle sets are kept (a stored report is a candidate again and again)
_sets: Bounded[tuple[object, ...], frozenset[str]] = Bounded(SET_CACHE)


def _shingle_set(report: Report) -> frozenset[str]:
    """The report's n-word shingles, as the words themselves (all of them when fewer than n).

    The exact similarity compares these sets; the fingerprint's MinHash hashes the same
    shingles. The sets of the last :data:`SET_CACHE` reports are kept, by everything they
    are made from: a stored report found as a candidate again is not cut into words again.
    """
    key = (report.key, report.article.text, report.body_start, report.body_end, report.dateline_start,
           report.dateline_end, report.headline)
    found = _sets.get(key)
    if found is None:
        found = _sets.keep(key, frozenset(_shingle_texts(content_words(report), rules().shingle_words)))
    return found


def remember(reports: Sequence[Report]) -> int:
    """Cut stored reports into their shingle sets now (a long-running process, e.g. the watcher, at its
    start), so that comparing a new report with them later costs no more than the comparison; returns how
    many sets are kept. At most half the cache: the rest takes the reports not remembered, before it is
    emptied."""
    for report in reports[: SET_CACHE // 2]:
        _shingle_set(report)
    return len(_sets)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def similarity(a: Report, b: Report) -> float:
    """The Jaccard similarity of the two reports' sets of shingles (1.0 for the same content)."""
    return _jaccard(_shingle_set(a), _shingle_set(b))


def original_of(report: Report) -> Original:
    """What a copy of ``report`` names: the report itself, or the original it already copies."""
    return report.copy_of or Original(report.key, report.article.id, report.part)


def find_originals(
    reports: Sequence[Report], prints: Mapping[str, Fingerprint], stored: Sequence[Report]
) -> dict[str, Original]:
    """For each of a document's ``reports`` that is a copy, the original it carries.

    ``stored`` are the candidates the store found by the reports' fingerprints (the
    same content hash, or a shared band). An earlier report of the same document is
    a candidate too. The most similar candidate at or above the threshold wins (ties:
    the smallest key); a copy of a copy names the first original.
    """
    r = rules()
    found: dict[str, Original] = {}
    earlier: list[Report] = []
    sets: dict[str, frozenset[str]] = {}

    def shingles(rep: Report) -> frozenset[str]:
        if rep.key not in sets:
            sets[rep.key] = _shingle_set(rep)
        return sets[rep.key]

    for report in reports:
        mark = prints.get(report.key)
        if mark is None or mark.body_hash is None:
            continue
        best: tuple[float, str, Original] | None = None
        for cand in [*stored, *earlier]:
            score = _jaccard(shingles(report), shingles(cand))
            if score >= r.near_jaccard:
                orig = original_of(cand)
                if best is None or (-score, orig.report_key) < (-best[0], best[1]):
                    best = (score, orig.report_key, orig)
        if best is not None:
            found[report.key] = best[2]
        earlier.append(report if best is None else replace(report, copy_of=best[2]))
    return found
