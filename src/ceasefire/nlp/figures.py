"""Finding figure phrases ("at least 83", "dozens", "between 20 and 30") in a parsed Doc.

The words come from ``data/nlp_quantities.json`` through
:func:`ceasefire.nlp.quantities.quantity_words`; the range each phrase stands
for is :func:`ceasefire.nlp.quantities.parse_quantity`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import LIKE_NUM
from spacy.tokens import Doc, Token

from ..model import Quantity
from .doc_index import doc_ents, doc_lower
from .quantities import QuantityWords, parse_quantity

__all__ = ["Figure", "find_figures"]

# entity labels under which a number is never a count of people
_NOT_COUNTS = frozenset({"MONEY", "PERCENT", "ORDINAL", "QUANTITY", "LAW"})
_TIMES = frozenset({"DATE", "TIME"})
_JOINERS = frozenset({"and", "-", "–", "to", "or", "of"})
_CURRENCY = frozenset({"$", "€", "£", "us$", "usd", "eur", "dollars", "euros", "pounds"})


@dataclass(frozen=True)
class Figure:
    """A figure phrase: tokens ``start:end`` of the Doc and the range it stands for."""

    start: int
    end: int
    quantity: Quantity
    core_start: int  # first token of the number itself (after bound words)


def _date_tokens(doc: Doc) -> frozenset[int]:
    """Tokens of real date/time expressions ("seven days", "3 January", "1990").

    A bare figure the NER calls a DATE ("put the toll at 40", "rose from 24 to 31") is not one.
    """
    out: set[int] = set()
    for ent in doc_ents(doc):
        if ent.label_ not in _TIMES:
            continue
        wordy = any(not (t.like_num or t.is_punct or t.lower_ in _JOINERS) for t in ent)  # not '24 to 31'
        yearish = any(t.text.isdigit() and len(t.text) == 4 for t in ent)
        if wordy or yearish:
            out.update(range(ent.start, ent.end))
    return frozenset(out)


_SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";", "\"", "\u201c"})


def _is_core(tok: Token, words: QuantityWords, heads: frozenset[str], dates: frozenset[int]) -> bool:
    low = tok.lower_
    if tok.i in dates:
        return False
    if low in heads or low in words.multipliers:
        return True
    if not tok.like_num or tok.ent_type_ in _NOT_COUNTS:
        return False
    if tok.tag_ == "CD" or tok.text.replace(",", "").isdigit():
        return True
    # a number word opening a paragraph or a sentence is often tagged a proper noun ("\n\nThirteen officers were
    # killed", "... at the border post. Nineteen others were hurt")
    if not tok.is_alpha or not tok.text[0].isupper():
        return False
    before = tok.nbor(-1).text if tok.i > 0 else ""
    return not before or before.isspace() or before in _SENTENCE_ENDS or before.endswith(".")


def _bound_before(doc: Doc, start: int, words: QuantityWords) -> int:
    """Start of the bound phrase right before ``start`` ("more than", even across a line break)."""
    before = [t for t in doc[max(0, start - 8) : start] if not t.is_space]
    low = [t.lower_ for t in before]
    for phrase, _rule in words.bounds:
        parts = phrase.split()
        k = len(parts)
        if len(before) >= k and low[-k:] == parts:
            return before[-k].i
    return start


def _suffix_after(doc: Doc, end: int, words: QuantityWords) -> int:
    for phrase, _rule in words.suffixes:
        parts = phrase.replace(",", " ,").split()
        k = len(parts)
        if end + k <= len(doc) and doc_lower(doc)[end : end + k] == parts:
            return end + k
    return end


def _text(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text  # not doc.text[...]: Doc.text joins every token of the document


def _excluded(doc: Doc, start: int, end: int, not_after: frozenset[str]) -> bool:
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].lower_ if end < len(doc) else ""
    after2 = doc[end + 1].lower_ if end + 1 < len(doc) else ""
    if before in _CURRENCY or after in _CURRENCY:
        return True
    return after in not_after or (after == "-" and after2 in not_after)


def find_figures(doc: Doc, words: QuantityWords, not_after: frozenset[str] = frozenset()) -> list[Figure]:
    """Every figure phrase of ``doc``, left to right, bounds and ranges included."""
    heads = words.vague_heads
    dates = _date_tokens(doc)
    low = doc_lower(doc)
    numeric = doc.to_array(LIKE_NUM).tolist()

    def core(k: int) -> bool:  # _is_core, its Token made only for a word that may be one
        return (numeric[k] or low[k] in heads or low[k] in words.multipliers) and _is_core(doc[k], words, heads, dates)

    out: list[Figure] = []
    i, n = 0, len(doc)
    while i < n:
        if not core(i):
            i += 1
            continue
        s, e = i, i + 1
        while e < n:
            if core(e):
                e += 1
            elif low[e] in _JOINERS and e + 1 < n and core(e + 1):
                e += 2
            else:
                break
        i = e
        if (
            s > 0
            and doc[s - 1].lower_ in ("a", "an")
            and (doc[s].lower_ in words.multipliers or doc[s].lower_ in ("couple", "dozen"))
        ):
            s -= 1
        pieces = _pieces(doc, s, e, words, heads, dates)
        for ps, pe in pieces:
            if _excluded(doc, ps, pe, not_after):
                continue
            start = ps
            if ps > 0 and doc[ps - 1].lower_ in ("between", "from") and pe - ps > 1:
                start = ps - 1
            start = _bound_before(doc, start, words)
            end = _suffix_after(doc, pe, words)
            q = parse_quantity(_text(doc, start, end))
            if q is None and end != pe:
                end = pe
                q = parse_quantity(_text(doc, start, end))
            if q is not None:
                out.append(Figure(start, end, q, ps))
    return _opened(doc, out, words)


def _opened(doc: Doc, figs: list[Figure], words: QuantityWords) -> list[Figure]:
    """'so far we have counted 35 bodies', 'For now 22 people have been killed': the first exact figure after
    such a phrase in its sentence is a lower bound."""
    out: list[Figure] = []
    prev_end = 0
    for fig in figs:
        q = fig.quantity
        lo = max(prev_end, doc[fig.start].sent.start)
        prev_end = fig.end
        if q.min is None or q.min != q.max or q.approx:
            out.append(fig)
            continue
        before = " " + " ".join(t.lower_ for t in doc[lo : fig.start] if not t.is_punct) + " "
        if any(f" {phrase} " in before for phrase in words.open_before):
            fig = Figure(fig.start, fig.end, Quantity(q.min, None, q.approx), fig.core_start)
        out.append(fig)
    return out


def _pieces(
    doc: Doc, s: int, e: int, words: QuantityWords, heads: frozenset[str], dates: frozenset[int]
) -> list[tuple[int, int]]:
    """The run ``s:e`` as one figure when it reads as one, else split at its joiners."""
    lead = s - 1 if s > 0 and doc[s - 1].lower_ in ("between", "from") else s
    if parse_quantity(_text(doc, lead, e)) is not None:
        return [(s, e)]
    pieces: list[tuple[int, int]] = []
    start = s
    for k in range(s, e):
        if doc[k].lower_ in _JOINERS and not _is_core(doc[k], words, heads, dates):
            if start < k:
                pieces.append((start, k))
            start = k + 1
    if start < e:
        pieces.append((start, e))
    return [(a, b) for a, b in pieces if parse_quantity(_text(doc, a, b)) is not None]
