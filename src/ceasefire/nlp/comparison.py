"""A "since" that measures a comparison, not a period: "the deadliest day since the truce".

``compares`` tells whether a "since" phrase completes a superlative or a "first ... since"
comparison ("the highest toll since March", "its heaviest bombing of the valley since the truce",
"the first strike on the city since 2019"). Such a phrase says how the event ranks against
the time since another one; it does not make the event a standing activity or a total over
a period. The words that rank without a superlative form ("first", "only") are the data of
``data/nlp_comparison.json``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from spacy.tokens import Token

from .lexicon import load_json, word_set

__all__ = ["compares", "since_clause"]

_VERBAL = ("VERB", "AUX")
_ARGUMENTS = ("dobj", "obj", "nsubj", "nsubjpass", "attr", "npadvmod", "appos")


@lru_cache(maxsize=1)
def _ranking() -> frozenset[str]:
    return word_set(load_json("nlp_comparison.json"), "ranking_words")


def compares(since: Token) -> bool:
    """The "since" phrase ``since`` completes a superlative or a ranking word of the phrase it hangs on, of the
    nouns above it up to its verb, or of that verb's subject, object or prepositional objects."""
    head = since.head
    if head.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ == "been" for c in head.children):
        return False  # "have been shelling the largest town since March": an activity, whatever it hits
    return any(_ranked(t) for t in _compared_words(since))


def since_clause(tok: Token, outside: frozenset[int] = frozenset()) -> bool:
    """``tok`` has a clause opened by "since" that tells a period ("50,000 have been killed since the war began",
    "the town has been shelled daily since the invasion started"), not one that completes a comparison ("the
    deadliest attack since the war began"). ``outside``: indexes of clauses to pass over (one that holds the words
    asked about: "the worst since eight people died in a raid", where the figure is the older event's)."""
    for c in tok.children:
        if c.dep_ != "advcl" or c.i in outside:
            continue
        if any(g.dep_ == "mark" and g.lower_ == "since" for g in c.children) and not any(
            _ranked(t) for t in _compared_words(c)
        ):
            return True
    return False


def _compared_words(since: Token) -> Iterator[Token]:
    cur = since.head
    if cur.i == since.i:
        return
    yield cur
    while cur.pos_ not in _VERBAL and cur.head.i != cur.i:  # "the first strike on the city since 2019"
        cur = cur.head
        yield cur
    if cur.pos_ not in _VERBAL:
        return
    for c in cur.children:  # "carried out its heaviest bombing of the valley ... since the truce"
        if c.dep_ in _ARGUMENTS:
            yield c
        elif c.dep_ == "prep" and c.i != since.i:  # "for the first time since 2019"
            for g in c.children:
                if g.dep_ == "pobj":
                    yield g
                    yield from _one_of(g)


def _one_of(tok: Token) -> Iterator[Token]:
    """The nouns of an "of" phrase on ``tok`` ("in one of the bloodiest attacks since ...")."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            yield from (g for g in c.children if g.dep_ == "pobj")


def _ranked(tok: Token) -> bool:
    if tok.tag_ == "JJS" and tok.dep_ != "advmod":  # "the deadliest since ...", not "at least"
        return True
    for c in tok.children:
        if c.dep_ != "amod":
            continue
        if c.tag_ == "JJS" or c.lower_.endswith("iest") or c.lower_ in _ranking():  # "bloodiest", mis-tagged JJ
            return True  # "the highest toll", "the first strike"
        if any(g.tag_ == "RBS" and g.dep_ == "advmod" for g in c.children):
            return True  # "the most intense shelling"
    return False
