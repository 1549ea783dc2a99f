"""What a Doc holds as a whole, read once per Doc: its text, its lower-cased words and its entities.

``Doc.text`` (and ``Span.text``) joins every token and ``Span.ents`` walks every entity of the Doc
from its start: read per trigger, claim or sentence, both cost the length of the
Doc each time; each ``doc[i].lower_`` makes a Token object. These helpers read
them once (kept in ``doc.user_data``, the entities after the entity recogniser
has run) and answer from that.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

__all__ = ["doc_text", "span_text", "doc_lower", "doc_ents", "sentence_ents", "forget"]

_TEXT, _LOWER, _ENTS, _STARTS = "cf_text", "cf_lower", "cf_ents", "cf_ent_starts"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text``, cut from the Doc's text read once."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def doc_lower(doc: Doc) -> list[str]:
    """``[t.lower_ for t in doc]``, read once: token ``i``'s lower-cased text is item ``i``."""
    low = doc.user_data.get(_LOWER)
    if low is None:
        low = doc.user_data[_LOWER] = [t.lower_ for t in doc]
    return low


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once (call only after the entity recogniser)."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = tuple(doc.ents)
        doc.user_data[_STARTS] = [e.start for e in ents]
    return ents


def sentence_ents(sent: Span) -> list[Span]:
    """``sent.ents``: the entities that start in the span, up to the first that runs past its end."""
    ents = doc_ents(sent.doc)
    i = bisect_left(sent.doc.user_data[_STARTS], sent.start)
    out = []
    while i < len(ents) and ents[i].end <= sent.end:
        out.append(ents[i])
        i += 1
    return out


def forget(doc: Doc) -> None:
    """Drop what was kept on the Doc: its entity Spans refer back to it, and that cycle would keep the Doc
    (its tokens and arrays) alive until the next full garbage collection instead of freeing it when read."""
    for key in (_TEXT, _LOWER, _ENTS, _STARTS):
        doc.user_data.pop(key, None)
