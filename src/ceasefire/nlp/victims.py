"""Victims counted without a figure: "killed a police officer", "Wilson and Brown died", "no one was hurt".

Used by the ``ceasefire_claims`` component after the figure pass. For every
casualty predicate of the parse (a casualty verb, "died", "was found dead",
"lost their lives") it takes the victims argument and its conjuncts:

* one singular victim ("a journalist was killed", "killed his former
  girlfriend", "Kimani Gray was shot dead") is a figure of 1;
* a list ("a police officer and a state technician", "two women and one
  man") is the sum of its members, one claim whose figure spans the list,
  replacing the claims of its numbered members (the convention of
  ``gold-format.md``: a victim list is one statement);
* "no one", "nobody", "no casualties", "no injuries" are a figure of 0 ("no
  casualties" is killed 0 and wounded 0).

A predicate under a modal ("could have killed"), an infinitive ("threatened
to kill") or a negation is no statement of fact and counts nothing. The words
are in ``data/nlp_casualties.json`` (``victim_words``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc, Token

from ..model import ClaimKind, Quantity

__all__ = ["VictimWords", "Victims", "find_victims", "zero_claims"]

_SINGULAR_TAGS = frozenset({"NN", "NNP"})
_ARG_DEPS = frozenset({"nsubjpass", "dobj", "obj"})


@dataclass(frozen=True)
class VictimWords:
    single_determiners: frozenset[str]  # "a", "an", "another", "one"
    not_victims: frozenset[str]  # heads that are no person: "leg", "deal", "family"
    pronouns: frozenset[str]  # never counted on their own: "he", "himself", "who"
    alone: frozenset[str]  # a victim by itself: "another"
    modals: frozenset[str]  # "would", "could", "may" ...
    zero_subjects: frozenset[str]  # "nobody", "none"
    zero_determiners: frozenset[str]  # "no"
    find_verbs: frozenset[str]  # "was found dead"


@dataclass(frozen=True)
class Victims:
    """One counted victims argument: tokens ``start:end`` of the Doc."""

    kind: ClaimKind
    quantity: Quantity
    start: int
    end: int
    members: tuple[int, ...]  # head tokens of the list members
    rule: str
    extra_kinds: tuple[ClaimKind, ...] = ()


def _hypothetical(verb: Token, words: VictimWords) -> bool:
    """'could have killed', 'to kill', 'did not kill': no statement of a casualty."""
    for tok in (verb, verb.head if verb.dep_ == "conj" else verb):
        for c in tok.children:
            if c.dep_ == "neg":
                return True
            if c.dep_ == "aux" and (c.lower_ in words.modals or c.lower_ == "to"):
                return True
    return False


def _members(head: Token) -> list[Token]:
    return [head, *head.conjuncts] if head.dep_ != "conj" else [head]


def _single(tok: Token, words: VictimWords) -> bool:
    """A victim counted as one: 'a journalist', "the chief's deputy", 'Kimani Gray', 'another'."""
    low = tok.lower_
    if low in words.alone:
        return True
    if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ not in _SINGULAR_TAGS:
        return False
    if low in words.not_victims or tok.lemma_.lower() in words.not_victims or low in words.pronouns:
        return False
    if tok.ent_type_ in ("GPE", "NORP", "LOC", "FAC", "DATE", "TIME", "PRODUCT", "EVENT"):
        return False
    dets = [c for c in tok.children if c.dep_ in ("det", "poss", "nummod")]
    if not dets:  # a name or a headline noun ("Kimani Gray", "Gunman Kills Deputy"), not a mass noun ("killed trade")
        return tok.tag_ == "NNP" or tok.ent_type_ == "PERSON"
    return any(d.dep_ == "poss" or d.lower_ in words.single_determiners for d in dets)


def _arguments(
    tok: Token,
    verb_kind: Callable[[Token], ClaimKind | None],
    adjectives: dict[str, ClaimKind],
    intransitive: dict[str, ClaimKind],
    lives_verbs: frozenset[str],
    words: VictimWords,
) -> tuple[ClaimKind, Token, str] | None:
    """The casualty kind of a predicate and the head of its victims argument."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    kids = list(tok.children)
    kind = verb_kind(tok)
    if kind is not None:
        passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        if passive is not None:
            return kind, passive, "passive"
        obj = next((c for c in kids if c.dep_ in ("dobj", "obj")), None)
        if obj is not None:
            return kind, obj, "object"
        subj = next((c for c in kids if c.dep_ == "nsubj"), None)
        if subj is not None and tok.tag_ == "VBN":  # "two killed and another wounded"
            return kind, subj, "participle"
        return None
    if lemma in intransitive:
        subj = next((c for c in kids if c.dep_ == "nsubj"), None)
        return (intransitive[lemma], subj, "died") if subj is not None else None
    if lemma in lives_verbs:  # "five soldiers lost their lives"
        if any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() == "life" for c in kids):
            subj = next((c for c in kids if c.dep_ == "nsubj"), None)
            if subj is not None and lemma == "lose":
                return ClaimKind.KILLED, subj, "lost-lives"
        return None
    if lemma in words.find_verbs or lemma in ("be", "remain", "lie", "leave"):
        adj = next((c for c in kids if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and c.lower_ in adjectives), None)
        if adj is None:
            return None
        if lemma == "leave":  # "left a woman dead"
            obj = next((c for c in kids if c.dep_ in ("dobj", "obj")), None)
            return (adjectives[adj.lower_], obj, "left-adjective") if obj is not None else None
        subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
        return (adjectives[adj.lower_], subj, "found-adjective") if subj is not None else None
    return None


FigureRef = tuple[int, int, int, Quantity]  # start, end, noun token, range of a figure phrase


def find_victims(
    doc: Doc,
    figures: list[FigureRef],
    verb_kind: Callable[[Token], ClaimKind | None],
    adjectives: dict[str, ClaimKind],
    intransitive: dict[str, ClaimKind],
    lives_verbs: frozenset[str],
    words: VictimWords,
) -> list[Victims]:
    """Singular victims, victim lists, and figures a predicate governs that the figure rules missed.

    ``figures`` are all figure phrases of the Doc (claimed or not); a lone
    member with a figure yields that figure's own phrase and range.
    """
    by_token: dict[int, FigureRef] = {}
    for ref in figures:
        for i in range(ref[0], ref[1]):
            by_token[i] = ref
        by_token.setdefault(ref[2], ref)
    out: list[Victims] = []
    done: set[int] = set()
    for tok in doc:
        found = _arguments(tok, verb_kind, adjectives, intransitive, lives_verbs, words)
        if found is None or _hypothetical(tok, words):
            continue
        kind, head, rule = found
        if head.i in done or head.lower_ in words.zero_subjects or _has_zero(head, words):
            continue
        members = _members(head)
        values: list[Quantity] = []
        for m in members:
            fig = by_token.get(m.i)
            if fig is not None:
                values.append(fig[3])
            elif _single(m, words):
                values.append(Quantity(1 + _hidden_members(m), 1 + _hidden_members(m)))
            else:
                values = []
                break
        if not values:
            continue
        done.update(m.i for m in members)
        if len(members) == 1 and head.i in by_token:
            ref = by_token[head.i]
            out.append(Victims(kind, ref[3], ref[0], ref[1], (head.i,), "figure-" + rule))
            continue
        lo = sum(v.min for v in values if v.min is not None) if all(v.min is not None for v in values) else None
        hi = sum(v.max for v in values if v.max is not None) if all(v.max is not None for v in values) else None
        start = min(m.left_edge.i for m in members)
        end = max(_right(m) for m in members) + 1
        out.append(
            Victims(
                kind,
                Quantity(lo, hi, any(v.approx for v in values)),
                start,
                end,
                tuple(m.i for m in members),
                "victims-" + rule,
            )
        )
    return out


def _hidden_members(tok: Token) -> int:
    """Members a misparse hid inside one noun phrase: 'a police officer and state technician' (one more)."""
    return sum(
        1
        for left in tok.lefts
        for t in left.subtree
        if t.dep_ == "conj" and t.tag_ in _SINGULAR_TAGS and t.head.pos_ in ("NOUN", "PROPN") and t.head.i < tok.i
    )


def _right(tok: Token) -> int:
    """Last token of a member, its own conjuncts and clauses excluded."""
    end = tok.i
    for c in tok.rights:
        if c.dep_ in ("conj", "cc", "punct", "relcl", "acl", "appos"):
            break
        end = max(end, c.right_edge.i)
    return end


def _has_zero(tok: Token, words: VictimWords) -> bool:
    return any(c.dep_ == "det" and c.lower_ in words.zero_determiners for c in tok.children)


def zero_claims(
    doc: Doc,
    verb_kind: Callable[[Token], ClaimKind | None],
    adjectives: dict[str, ClaimKind],
    intransitive: dict[str, ClaimKind],
    lives_verbs: frozenset[str],
    nouns: dict[str, ClaimKind],
    words: VictimWords,
) -> list[Victims]:
    """'no one was killed', 'nobody was hurt' (0 of the verb's kind); 'no casualties', 'no deaths'."""
    out: list[Victims] = []
    for tok in doc:
        found = _arguments(tok, verb_kind, adjectives, intransitive, lives_verbs, words)
        if found is not None and not _hypothetical(tok, words):
            kind, head, rule = found
            if head.lower_ in words.zero_subjects or _has_zero(head, words):
                start = min(head.left_edge.i, head.i)
                out.append(Victims(kind, Quantity(0, 0), start, head.i + 1, (head.i,), "zero-" + rule))
                continue
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and lemma in nouns and _has_zero(tok, words):
            kind = nouns[lemma]
            det = next(c for c in tok.children if c.dep_ == "det")
            extra: tuple[ClaimKind, ...] = ()
            if kind == ClaimKind.CASUALTIES:  # no casualties: none killed and none wounded
                kind, extra = ClaimKind.KILLED, (ClaimKind.WOUNDED,)
            out.append(Victims(kind, Quantity(0, 0), det.i, tok.i + 1, (tok.i,), "zero-noun", extra))
    return out
