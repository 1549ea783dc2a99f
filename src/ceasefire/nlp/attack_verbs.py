"""Verbs that tell an attack, also said of words, games and deals: "rebels attacked an army base", "the convoy
was raided", "Russian forces struck a block of flats" (``data/nlp_attack_verbs.json``).

Read once by the ``ceasefire_events`` factory. :func:`attack_verbs` finds the
verbs of a Doc that tell an attack, each with the kind it tells: one needs a
target -- its object, or the subject of its passive -- that is no abstract thing
("attacked the decision", "struck a deal"), no particle ("stormed out") and no
word of speech or sport among its words ("attacked the plan in a speech"), in no
progressive ("was attacking targets across the south": a campaign); and a
doer (subject, or the "by" agent of a passive) that is an actor of a known type;
else, with no doer, a pronoun or an organisation's name doing it, a target that is
one, or a place named, or a target noun ("the convoy was attacked", "they
attacked a checkpoint"). A raid by state forces on no actor known is a search, no attack. A
state's force that "struck" struck from afar: an air strike, unless a more
specific trigger of its sentence names the weapon. The trigger's context retypes
it afterwards as any trigger's (``event_context.retype``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Collection

from spacy.tokens import Doc, Token

from .lexicon import word_set

__all__ = ["AttackVerb", "AttackVerbWords", "attack_verb_words", "attack_verbs"]

_PASSIVE = ("nsubjpass", "auxpass")
_NAMED_PLACES = ("GPE", "LOC", "FAC")
_STATE_TYPES = frozenset({"state", "external"})


@dataclass(frozen=True)
class AttackVerb:
    event_type: str
    sub_event_type: str
    priority: int
    state: tuple[str, str] | None = None  # the kind when a state's or a foreign force does it
    operation: bool = False  # state forces doing it to no actor known: a search ("police raided a warehouse")


@dataclass(frozen=True)
class AttackVerbWords:
    verbs: dict[str, AttackVerb]  # by lemma
    abstract_objects: frozenset[str]
    verbal_words: frozenset[str]
    sport_words: frozenset[str]
    target_nouns: frozenset[str]


def attack_verb_words(raw: dict[str, Any]) -> AttackVerbWords:
    """The word lists from the parsed JSON file (raises ``KeyError`` / ``ValueError`` when one is malformed)."""
    verbs = {}
    for lemma, row in raw["verbs"].items():
        state = row.get("state")
        verbs[lemma.lower()] = AttackVerb(
            row["event_type"],
            row["sub_event_type"],
            int(row["priority"]),
            (state[0], state[1]) if state else None,
            bool(row.get("operation", False)),
        )
    return AttackVerbWords(
        verbs=verbs,
        abstract_objects=word_set(raw, "abstract_objects"),
        verbal_words=word_set(raw, "verbal_words"),
        sport_words=word_set(raw, "sport_words"),
        target_nouns=word_set(raw, "target_nouns"),
    )


def attack_verbs(
    doc: Doc, w: AttackVerbWords, taken: Collection[int], actor_type: Callable[[Token], str | None]
) -> list[tuple[int, tuple[str, str], int]]:
    """The verbs of ``doc`` that tell an attack (module docstring): each verb's token index, its (event type,
    sub-event type) and priority. ``taken``: the tokens inside trigger phrases (a verb whose doer is one, "jets
    struck", is told by it); ``actor_type``: the actor type of the noun phrase a token heads, ``None`` when no
    actor."""
    out = []
    for tok in doc:
        if tok.pos_ != "VERB" or tok.i in taken:
            continue
        verb = w.verbs.get(tok.lemma_.lower())
        if verb is None:
            continue
        doer, target = _doer(tok), _target(tok)
        if doer is not None and doer.i in taken:
            continue
        if not _told(tok, doer, target, verb, w, actor_type):
            continue
        kind = (verb.event_type, verb.sub_event_type)
        if verb.state is not None and doer is not None and actor_type(doer) in _STATE_TYPES:
            kind = verb.state
        out.append((tok.i, kind, verb.priority))
    return out


def _told(
    tok: Token, doer: Token | None, target: Token | None, verb: AttackVerb, w: AttackVerbWords,
    actor_type: Callable[[Token], str | None],
) -> bool:
    """Whether the verb tells an attack (module docstring)."""
    if any(c.dep_ == "prt" for c in tok.children):
        return False  # "stormed out", "struck back"
    if tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children):
        return False  # "said it was attacking dozens of targets": a campaign under way, no one attack
    if target is not None and target.lower_ in w.abstract_objects:
        return False  # "attacked the decision", "struck a deal"
    words = {t.lower_ for t in tok.subtree if doer is None or t.i not in _span(doer)}
    if words & w.verbal_words or words & w.sport_words:
        return False  # "attacked the plan in a televised speech", "attacked in the second half"
    doer_type = actor_type(doer) if doer is not None else None
    target_type = actor_type(target) if target is not None else None
    armed_doer = doer is not None and (
        (doer_type is not None and doer_type != "unknown") or doer.ent_type_ in ("NORP", "GPE")
    )
    if verb.operation and doer_type in _STATE_TYPES and target_type in (None, "unknown"):
        return False  # "police raided a warehouse": a search
    if target is None:
        return armed_doer and not _passive(tok)  # "insurgents attacked overnight"
    if armed_doer:
        return True
    if doer is not None and doer.pos_ != "PRON" and doer.ent_type_ != "ORG":
        return False  # "the senator attacked his rival", "lightning struck a house"
    return (
        (target_type is not None and target_type != "unknown")
        or target.ent_type_ in _NAMED_PLACES
        or target.lower_ in w.target_nouns
    )


def _span(tok: Token) -> range:
    return range(tok.left_edge.i, tok.right_edge.i + 1)


def _passive(tok: Token) -> bool:
    return any(c.dep_ in _PASSIVE for c in tok.children)


def _doer(tok: Token) -> Token | None:
    """The subject of an active verb, the "by" agent of a passive one."""
    if _passive(tok):
        for c in tok.children:
            if c.dep_ == "agent":
                return next((p for p in c.children if p.dep_ == "pobj"), None)
        return None
    return next((c for c in tok.children if c.dep_ == "nsubj"), None)


def _target(tok: Token) -> Token | None:
    """The object of an active verb, the subject of a passive one."""
    deps = ("nsubjpass",) if _passive(tok) else ("dobj", "obj")
    return next((c for c in tok.children if c.dep_ in deps), None)
