"""Shares of victims counted before: "three of them were children", "four of whom were women",
"among them two medics", "Among them were six soldiers".

Such a figure names no casualty word of its own: it counts part of the victims of the claim
told just before it (in its sentence or the one before), so it takes that claim's kind, and
its scope is the group it names ("children"), never the total (``shared/spec/gold-format.md``:
a figure that covers only part of the victims keeps its scope and is not a total).
The words are the claims component's: ``partial_markers`` ("them", "whom", "those") and
``among_preps`` of ``data/nlp_casualties.json``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

__all__ = ["share_of", "earlier_claim"]


def share_of(root: Token, noun: Token, partial: frozenset[str], among: frozenset[str]) -> Token | None:
    """The noun naming the group a figure (its root ``root``, the noun it counts ``noun``) counts as a share
    ("children"), when the parse tells one of the shapes above."""
    if noun.i != root.i and noun.dep_ == "appos" and _of_pronoun(root, partial):
        return noun  # 'killed 12 people, two of them police officers'
    head = noun
    while head.dep_ == "conj":
        head = head.head  # 'among them four women and two children'
    if head.dep_ in ("nsubj", "attr") and head.head.lemma_ == "be":
        be = head.head
        if _of_pronoun(noun, partial):  # 'three of them were children'
            return next((c for c in be.children if c.dep_ in ("attr", "acomp") and c.pos_ == "NOUN"), None)
        if any(_among_pronoun(p, partial, among) for p in be.children):  # 'Among them were six soldiers'
            return noun if noun.pos_ == "NOUN" else None
        return None
    if head.dep_ == "pobj" and _among_pronoun(head.head, partial, among):  # 'killing ten, among them four women'
        return noun if noun.pos_ == "NOUN" else None
    if noun.pos_ == "NOUN" and any(_among_pronoun(p, partial, among) for p in noun.children if p.i < noun.i):
        return noun  # 'we lost eleven people, among them my two nephews' parsed with 'among' under the noun
    return None


def _of_pronoun(noun: Token, partial: frozenset[str]) -> bool:
    """'three of them', 'four of whom': a partitive 'of' with one of the partial pronouns, no clause after it."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            if obj.lower_ in partial and not any(g.dep_ in ("acl", "relcl") for g in obj.children):
                return True
    return False


def _among_pronoun(prep: Token, partial: frozenset[str], among: frozenset[str]) -> bool:
    """'among them', 'among those': an 'among' phrase whose object is a partial pronoun."""
    if prep.dep_ != "prep" or prep.lower_ not in among or prep.lower_ == "of":
        return False
    return any(g.dep_ == "pobj" and g.lower_ in partial for g in prep.children)


def earlier_claim(spans: list[Span], start: int) -> Span | None:
    """The claim told last before token ``start``, in its sentence or the one before: the victims a share counts."""
    doc = spans[0].doc if spans else None
    if doc is None:
        return None
    sent = doc[start].sent
    before = doc[sent.start - 1].sent if sent.start > 0 else sent
    found = [s for s in spans if s.end <= start and s.start >= before.start]
    return max(found, key=lambda s: s.end) if found else None
