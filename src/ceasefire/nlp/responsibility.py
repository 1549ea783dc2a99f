"""Statements about responsibility: accusations, denials, acknowledgments (Doc -> model records).

A sentence becomes a :class:`~ceasefire.model.Statement` when it denies (found
by the ``ceasefire_denials`` component), acknowledges ("expressed regret",
"claimed responsibility", "may have hit" -- hedged) or accuses ("accused X of",
"blamed X for"). The speaker is the subject of the cue verb, or of the speech
verb above it ("US officials said coalition forces would not intentionally
strike"), canonicalised through the source registry; ``about`` is the clause.
Words: ``data/nlp_responsibility.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from spacy.tokens import Span, Token

from ..model import Evidence, Source, Statement, StatementKind
from .components import DENIALS_KEY
from .denials import Denial
from .doc_index import span_text, with_pos
from .lexicon import load_json
from .phrases import CharSpan, np_bounds

__all__ = ["statement_in", "ResponsibilityWords", "responsibility_words"]

_SUBJECTS = ("nsubj", "nsubjpass")


@dataclass(frozen=True)
class ResponsibilityWords:
    ack_verbs: frozenset[str]
    ack_phrases: re.Pattern[str]
    hedged: re.Pattern[str]
    accuse_verbs: frozenset[str]
    accuse_phrases: re.Pattern[str]
    speech: frozenset[str]


def _alternation(phrases: list[str]) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def responsibility_words() -> ResponsibilityWords:
    raw = load_json("nlp_responsibility.json")
    return ResponsibilityWords(
        ack_verbs=frozenset(raw["acknowledgment_verbs"]),
        ack_phrases=_alternation(raw["acknowledgment_phrases"]),
        hedged=_alternation(raw["hedged_acknowledgment_phrases"]),
        accuse_verbs=frozenset(raw["accusation_verbs"]),
        accuse_phrases=_alternation(raw["accusation_phrases"]),
        speech=frozenset(raw["speech_verbs"]),
    )


def _speaker(tok: Token, speech: frozenset[str]) -> CharSpan | None:
    """The subject of the cue, or of a speech verb above it."""
    for t in [tok, *tok.ancestors]:
        subj = next((c for c in t.children if c.dep_ in _SUBJECTS), None)
        if subj is not None and (t is tok or t.lemma_.lower() in speech):
            return np_bounds(subj)
    return None


def _cue_token(sent: Span, pattern: re.Pattern[str]) -> Token | None:
    m = pattern.search(span_text(sent))
    if m is None:
        return None
    span = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
    return span.root if span is not None else sent.root


def _kind_and_cue(sent: Span, words: ResponsibilityWords) -> tuple[StatementKind, Token, bool] | None:
    for tok in with_pos(sent, ("VERB",)):
        lemma = tok.lemma_.lower()
        if lemma in words.accuse_verbs:
            return StatementKind.ACCUSATION, tok, False
        if lemma in words.ack_verbs:
            return StatementKind.ACKNOWLEDGMENT, tok, bool(words.hedged.search(span_text(sent)))
    accused = _cue_token(sent, words.accuse_phrases)
    if accused is not None:
        return StatementKind.ACCUSATION, accused, False
    admitted = _cue_token(sent, words.ack_phrases)
    if admitted is not None:
        return StatementKind.ACKNOWLEDGMENT, admitted, bool(words.hedged.search(span_text(sent)))
    return None


def statement_in(
    sent: Span,
    evidence: Callable[[int, int], Evidence],
    written: Callable[[CharSpan | None], str | None],
    resolve: Callable[[str], Source],
    outlet: Source,
    carried_by: str | None,
) -> Statement | None:
    """The sentence's statement about responsibility, if it makes one.

    ``evidence`` turns Doc character offsets into an Evidence, ``written`` a span
    into its text, ``resolve`` a claimant's words into a Source; ``outlet`` is the
    source when the sentence names no speaker.
    """
    words = responsibility_words()
    doc = sent.doc
    denial: Denial | None = next(
        (s._.cf_denial for s in doc.spans.get(DENIALS_KEY, []) if s.start == sent.start), None
    )
    if denial is not None:
        kind, speaker_span, about_span, hedged = StatementKind.DENIAL, denial.denier, denial.denied, False
    else:
        found = _kind_and_cue(sent, words)
        if found is None:
            return None
        kind, cue, hedged = found
        speaker_span = _speaker(cue, words.speech)
        about_span = (sent.start_char, sent.end_char)
    name = written(speaker_span)
    source = resolve(name) if name else outlet
    about = written(about_span) if about_span else None
    return Statement(kind, source, evidence(sent.start_char, sent.end_char), about, carried_by, hedged)
