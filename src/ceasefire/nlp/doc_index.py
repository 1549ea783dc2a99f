"""What a Doc holds as a whole, read once per Doc: its text, its lower-cased words, parts of speech and entities.

``Doc.text`` (and ``Span.text``) joins every token and ``Span.ents`` walks every entity of the Doc
from its start: read per trigger, claim or sentence, both cost the length of the
Doc each time; each ``doc[i].lower_`` or ``.pos_`` makes a Token object and reads its string.
These helpers read them once (kept in ``doc.user_data``, the parts of speech
after the tagger and the entities after the entity recogniser have run) and
answer from that: a walk over a Doc makes Tokens only for the words it looks at.
A Doc made by :func:`make_doc` keeps the string it was made from as its text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection, Iterator

from spacy.attrs import LOWER, POS
from spacy.language import Language
from spacy.parts_of_speech import NAMES
from spacy.tokens import Doc, Span, Token

__all__ = [
    "make_doc", "doc_text", "span_text", "doc_lower", "doc_pos", "with_pos", "with_lower", "doc_ents",
    "sentence_ents", "forget",
]

_TEXT, _LOWER, _POS, _ENTS, _STARTS = "cf_text", "cf_lower", "cf_pos", "cf_ents", "cf_ent_starts"
_POS_NAMES = {int(k): name for k, name in NAMES.items()}  # what Token.pos_ gives for each id


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` with its text kept: spaCy's tokenizer loses no character (``doc.text == text``), so
    :func:`doc_text` need not join the tokens again."""
    doc = nlp.make_doc(text)
    doc.user_data[_TEXT] = text
    return doc


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
        strings = doc.vocab.strings
        low = doc.user_data[_LOWER] = [strings[h] for h in doc.to_array(LOWER).tolist()]
    return low


def doc_pos(doc: Doc) -> list[str]:
    """``[t.pos_ for t in doc]``, read once from the Doc's array (call only after the tagger)."""
    pos = doc.user_data.get(_POS)
    if pos is None:
        pos = doc.user_data[_POS] = [_POS_NAMES[p] for p in doc.to_array(POS).tolist()]
    return pos


def with_pos(span: Doc | Span, pos: Collection[str]) -> Iterator[Token]:
    """The tokens of ``span`` whose ``pos_`` is in ``pos``, in order; no Token is made for the others."""
    return _where(span, doc_pos, pos)


def with_lower(span: Doc | Span, words: Collection[str]) -> Iterator[Token]:
    """The tokens of ``span`` whose ``lower_`` is in ``words``, in order; no Token is made for the others."""
    return _where(span, doc_lower, words)


def _where(span: Doc | Span, column: Callable[[Doc], list[str]], wanted: Collection[str]) -> Iterator[Token]:
    """The tokens of ``span`` whose value in the Doc's ``column`` (read once) is one of ``wanted``, in order."""
    doc = span if isinstance(span, Doc) else span.doc
    start, end = (0, len(doc)) if isinstance(span, Doc) else (span.start, span.end)
    values = column(doc)
    for i in range(start, end):
        if values[i] in wanted:
            yield doc[i]


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
    for key in (_TEXT, _LOWER, _POS, _ENTS, _STARTS):
        doc.user_data.pop(key, None)
