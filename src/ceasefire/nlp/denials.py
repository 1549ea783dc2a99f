"""The ``ceasefire_denials`` component: who denies responsibility, and for what.

"The ministry denied its jets had struck the market", "Moscow rejected the
claims", "the coalition said it would not intentionally strike Syrian forces".
Each sentence holding a denial verb (with a subject) or a denial phrase gives
one span in ``doc.spans[spans_key]`` (the sentence) whose ``span._.cf_denial``
is a :class:`Denial`. The words are in ``data/nlp_attribution.json``
(``denial_verbs``, ``denial_phrases``). The model has no denial type yet:
these spans wait for one (see the nlp README).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .doc_index import span_text, with_pos
from .lexicon import load_json
from .phrases import CharSpan, np_bounds

__all__ = ["Denial", "DenialFinder"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class Denial:
    """Who denies (``denier``, None when the text does not say) and what (``denied``: the denied clause or object)."""

    denier: CharSpan | None
    denied: CharSpan | None
    cue: str  # the verb lemma or phrase that denies


class DenialFinder:
    def __init__(self, nlp: Language, name: str, spans_key: str, words_file: str) -> None:
        self.name = name
        self.spans_key = spans_key
        raw = load_json(words_file)
        self.verbs = frozenset(raw["denial_verbs"])
        phrases = sorted(raw["denial_phrases"], key=len, reverse=True)
        self.phrases = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)
        self.speech = frozenset(raw["speech_verbs"])

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for sent in doc.sents:
            denial = self.find(sent)
            if denial is not None:
                span = doc[sent.start : sent.end]
                span._.cf_denial = denial
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def find(self, sent: Span) -> Denial | None:
        for tok in with_pos(sent, ("VERB",)):
            if tok.lemma_.lower() in self.verbs:
                return Denial(self._subject(tok), self._denied(tok), tok.lemma_.lower())
        m = self.phrases.search(span_text(sent))
        if m is None:
            return None
        at = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        verb = at.root if at is not None else sent.root
        for anc in [verb, *verb.ancestors]:  # "X said it would not intentionally strike": X denies
            if anc.pos_ in ("VERB", "AUX") and anc.lemma_.lower() in self.speech:
                return Denial(self._subject(anc), _clause(verb), m.group(0).lower())
        return Denial(self._subject(verb), _clause(verb), m.group(0).lower())

    @staticmethod
    def _subject(verb: Token) -> CharSpan | None:
        for tok in [verb, *verb.ancestors]:
            subj = next((c for c in tok.children if c.dep_ in _SUBJECTS), None)
            if subj is not None:
                return np_bounds(subj)
        return None

    @staticmethod
    def _denied(verb: Token) -> CharSpan | None:
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj", "ccomp", "xcomp")), None)
        if obj is None:
            return None
        return (obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge.text))


def _clause(tok: Token) -> CharSpan:
    head = tok
    while head.dep_ not in ("ROOT", "ccomp", "xcomp", "advcl") and head.head is not head:
        head = head.head
    return (head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text))
