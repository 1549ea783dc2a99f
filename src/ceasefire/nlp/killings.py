"""The event a claim sentence with no trigger tells by its killing verb (``data/nlp_killings.json``).

"The Front killed another soldier in Y" names no trigger word, yet tells an
attack by the Front; ``nlp.records`` types the mention such a sentence starts
(one with no mention to join: an older event the report sets apart, or the only
event of a short report) from its verb: an attack by the verb's subject when an
actor names it, retyped by its target as any trigger is (``event_context.retype``:
soldiers make it an armed clash). A passive verb ("12 people were killed") or a
subject no actor names ("the blast killed four") types nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from .actors import ActorRegistry, default_actors
from .doc_index import doc_text
from .event_context import ContextWords, context_words, retype
from .events import EventInfo
from .lexicon import load_json, word_set
from .phrases import np_bounds

__all__ = ["killing_event"]

_PRIORITY = 99  # below every trigger's


@dataclass(frozen=True)
class _Words:
    verbs: frozenset[str]
    types: tuple[str, str]
    context: ContextWords


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw = load_json("nlp_killings.json")
    return _Words(word_set(raw, "verbs"), (raw["event_type"], raw["sub_event_type"]),
                  context_words(load_json("nlp_event_context.json")))


def killing_event(tokens: list[Token], actors: ActorRegistry | None = None) -> EventInfo | None:
    """The attack the first active killing verb among ``tokens`` (a sentence, or a clause of it) tells, or
    ``None`` (module docstring)."""
    w = _words()
    actors = actors or default_actors()
    for verb in tokens:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in w.verbs:
            continue
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) or _misread_subject(verb)
        perpetrator = actors.resolve(_text(subj, verb)) if subj is not None else None
        if subj is None or perpetrator is None:
            return None
        if perpetrator.type == "unknown" and subj.ent_type_ not in ("NORP", "GPE", "ORG"):
            return None  # "the blast killed four": no one named
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)

        def actor_type(text: str) -> str | None:
            actor = actors.resolve(text)
            return actor.type if actor is not None else None

        span = verb.doc[verb.i : verb.i + 1]
        types = retype(span, w.types[1], subj, obj, actors.is_state, actor_type, w.context) or w.types
        return EventInfo(
            types[0], types[1], _PRIORITY, _bounds(subj, verb), np_bounds(obj) if obj is not None else None
        )
    return None


def _misread_subject(verb: Token) -> Token | None:
    """The subject of an active killing verb the parser hung on a noun as a reduced relative ("Members of a
    powerful gang killed at least 20 people": "killed" read as a clause of "gang"): the verb has a direct object,
    so it is no passive participle ("the men killed in the raid"); the subject is the noun phrase it hangs on,
    up through its "of" ("members of a gang")."""
    if verb.dep_ != "acl" or not any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return None
    subj = verb.head
    while subj.dep_ == "pobj" and subj.head.lower_ == "of" and subj.head.head.i != subj.head.i:
        subj = subj.head.head
    return subj


def _bounds(tok: Token, verb: Token) -> tuple[int, int]:
    """The noun phrase of ``tok``, cut before ``verb`` when the parser hung the verb inside it."""
    a, b = np_bounds(tok)
    return (a, min(b, verb.idx)) if a < verb.idx else (a, b)


def _text(tok: Token, verb: Token) -> str:
    a, b = _bounds(tok, verb)
    return doc_text(tok.doc)[a:b]
