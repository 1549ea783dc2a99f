"""The wording of a mention: the distinctive nouns of its own sentences.

Lower-case lemmas of nouns and proper nouns, without stop words, numbers, times
and the plain words every report of violence uses (``data/nlp_wording.json``).
``incidents.merge`` compares wordings across reports when neither place nor
figures can tell whether two mentions are one event.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from spacy.tokens import Span

from .doc_index import with_pos
from .lexicon import load_json

__all__ = ["wording_of"]

_NOUNS = ("NOUN", "PROPN")
_NOT_WORDS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")
_MIN_LETTERS = 3


@lru_cache(maxsize=1)
def _plain() -> frozenset[str]:
    return frozenset(w.lower() for w in load_json("nlp_wording.json")["plain_words"])


def wording_of(sentences: Iterable[Span]) -> tuple[str, ...]:
    """The sorted distinctive nouns of ``sentences``."""
    plain = _plain()
    out = set()
    for sent in sentences:
        for tok in with_pos(sent, _NOUNS):
            if tok.is_stop or not tok.is_alpha or len(tok.text) < _MIN_LETTERS:
                continue
            if tok.ent_type_ in _NOT_WORDS:
                continue
            lemma = tok.lemma_.lower()
            if lemma not in plain and tok.lower_ not in plain:
                out.add(lemma)
    return tuple(sorted(out))
