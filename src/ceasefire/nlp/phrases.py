"""Noun-phrase extents over a parsed Doc, shared by the attribution and event components."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["np_bounds", "CharSpan"]

CharSpan = tuple[int, int]

# right-hand dependents that belong to a name: "ministry in Russia", "Russia and a war monitor"
_KEEP_RIGHT = frozenset({"prep", "pobj", "compound", "flat", "cc", "conj", "nmod", "nummod", "amod", "poss", "case"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})


def np_bounds(tok: Token) -> CharSpan:
    """Character offsets of the noun phrase headed by ``tok``, cut before commas and clauses.

    A relative pronoun ("..., who noted") stands for the noun its clause hangs on.
    """
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
        tok = tok.head.head
    left = tok.left_edge
    while left.i < tok.i and (left.is_punct or left.is_space):
        left = left.doc[left.i + 1]
    end = _right_end(tok)
    doc = tok.doc
    return (left.idx, doc[end].idx + len(doc[end].text))


def _right_end(tok: Token) -> int:
    end = tok.i
    for child in tok.rights:
        if child.is_space:
            continue
        if child.dep_ not in _KEEP_RIGHT or child.is_punct:
            break
        if child.dep_ == "cc" and not any(c.dep_ == "conj" for c in tok.rights):
            break
        end = max(end, _right_end(child))
    while end > tok.i and tok.doc[end].is_space:
        end -= 1
    return end
