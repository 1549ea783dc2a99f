"""Victims counted without a figure: "killed a police officer", "Wilson and Brown died", "no one was hurt".

Used by the ``ceasefire_claims`` component after the figure pass. For every
casualty predicate of the parse (a casualty verb, "died", "was found dead",
"lost their lives") it takes the victims argument and its conjuncts:

* one singular victim ("a journalist was killed", "killed his former
  girlfriend", "Omar Haddad was shot dead") is a figure of 1;
* a list ("a police officer and a state technician", "two women and one
  man") is the sum of its members, one claim whose figure spans the list,
  replacing the claims of its numbered members (the convention of
  ``gold-format.md``: a victim list is one statement);
* "no one", "nobody", "no casualties", "no injuries" are a figure of 0 ("no
  casualties" is killed 0 and wounded 0), and so is "escaped unharmed" (wounded);
* victims named as some of the dead in a list that counts a group ("a guard
  and two cooks were among the dead", "the dead included a nurse and two
  porters") are each a claim of their own, with no sum ("at least a deputy"
  is 1 or more);
* a noun of killing counts its "of" phrase ("the murder of four monks and three
  cooks" = 7); "in critical condition", "received minor injuries" and "was
  treated at a hospital" count their subject as wounded; victims of two
  conjoined predicates of one kind are one list; "stabbed five travellers,
  killing two" leaves 3 wounded; "and another suffered burns" parsed as a
  noun phrase is one wounded.

A predicate under a modal ("could have killed"), an infinitive ("threatened
to kill") or a negation is no statement of fact and counts nothing. The words
are in ``data/nlp_casualties.json`` (``victim_words``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc, Token

from ..model import ClaimKind, Quantity
from .doc_index import doc_lower, doc_pos, with_pos
from .quantities import parse_quantity

__all__ = [
    "VictimWords",
    "Victims",
    "Part",
    "Predicate",
    "predicates",
    "find_victims",
    "zero_claims",
    "wounded_remainder",
]

_SINGULAR_TAGS = frozenset({"NN", "NNP"})
_ARG_DEPS = frozenset({"nsubjpass", "dobj", "obj"})
_PREDICATE_POS = frozenset({"NOUN", "VERB", "AUX"})  # a noun of killing or a verb


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
    condition_nouns: frozenset[str]  # "in critical condition"
    condition_adjectives: frozenset[str]  # "critical", "serious"
    unharmed: frozenset[str]  # "escaped unharmed": wounded 0
    success_verbs: frozenset[str]  # "managed to escape unharmed" (not "hoped to")
    nominals: frozenset[str]  # "the murder of two judges": killed
    attempts: frozenset[str]  # "the attempted murder of": no one killed
    strict_nominals: frozenset[str]  # "the death of": only of a figure or a name
    wound_nominals: frozenset[str]  # "the injury of 14 people": wounded, only of a figure or a name
    suffer_verbs: frozenset[str]  # "received / suffered / sustained"
    harm_nouns: frozenset[str]  # "injuries", "wounds", "burns"
    care_verbs: frozenset[str]  # "treated", "hospitalised", "admitted"
    care_places: frozenset[str]  # "at a hospital", "for injuries"
    sexes: frozenset[str]  # "two women and one man": a list by sex alone is its sum only
    unreported: frozenset[str]  # "no casualties were reported": no zero figure
    ordinals: frozenset[str]  # "killed two and wounded a third": one victim
    among: frozenset[str]  # "a guard and two cooks were among the dead": each a claim of its own, no sum
    include_verbs: frozenset[str]  # "the dead included a guard and two cooks": the same


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
    predicate: int = -1  # token of the predicate that counts them
    parts: tuple["Part", ...] = ()  # a list's members, each a scoped claim of its own beside the sum


@dataclass(frozen=True)
class Part:
    """One member of a victim list ("12 children" of "12 children and 9 women"): tokens ``start:end``."""

    start: int
    end: int
    quantity: Quantity
    victims: tuple[int, int]  # tokens of the victims it counts ("children")


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
    if head.dep_ == "conj":
        return [head]
    out = [head, *head.conjuncts]
    for appos in head.children:  # "14 miners, five guards and a cook" parsed as an apposition with conjuncts
        if appos.dep_ == "appos" and appos.conjuncts and any(c.dep_ == "nummod" for c in appos.children):
            if any(t.text in ("--", "\u2014", "\u2013", "(") for t in head.doc[head.i + 1 : appos.left_edge.i]):
                continue  # '14 people -- nine pupils and five nurses --': a breakdown of the stated figure
            out += [appos, *appos.conjuncts]
    if head.dep_ == "pobj":  # "the murder of X and of Y"
        prep = head.head
        others = [
            *prep.conjuncts,
            *(c for c in prep.head.children if c.dep_ == "prep" and c.i > prep.i),
            *(c for c in head.children if c.dep_ == "prep" and any(d.dep_ == "cc" for d in head.children)),
        ]
        for other in others:
            if other.lower_ == prep.lower_:
                out.extend(c for c in other.children if c.dep_ == "pobj")
    return out


def _named_or_counted(tok: Token) -> bool:
    """'of 10 union members', 'of Hector Oqueli': not 'of the accord'."""
    return (
        tok.like_num
        or tok.tag_ in ("NNP", "NNPS")
        or tok.ent_type_ == "PERSON"
        or any(c.dep_ == "nummod" for c in tok.children)
    )


def _counted_list(members: list[Token], words: VictimWords) -> bool:
    """Victims named or counted: 'of 10 union members', 'of Hector Oqueli', 'of four guards and a cook' (a figure
    beside single victims); not 'of the accord', nor 'of a guard' alone."""
    if all(map(_named_or_counted, members)):
        return True
    return any(map(_named_or_counted, members)) and all(_named_or_counted(m) or _single(m, words) for m in members)


def _single(tok: Token, words: VictimWords) -> bool:
    """A victim counted as one: 'a journalist', "the chief's deputy", 'Omar Haddad', 'another'."""
    low = tok.lower_
    if low in words.alone:
        return True
    if low in words.ordinals:  # 'and wounded a third'
        return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
    if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ not in _SINGULAR_TAGS:
        return False
    if low in words.not_victims or tok.lemma_.lower() in words.not_victims or low in words.pronouns:
        return False
    if tok.ent_type_ in ("GPE", "NORP", "LOC", "FAC", "DATE", "TIME", "PRODUCT", "EVENT"):
        return False
    dets = [c for c in tok.children if c.dep_ in ("det", "poss", "nummod")]
    if not dets:  # a name or a headline noun ("Omar Haddad", "Gunman Kills Deputy"), not a mass noun ("killed trade")
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
    pos = tok.pos_
    if pos not in _PREDICATE_POS:
        return None
    lemma = tok.lemma_.lower()
    wounding = lemma in words.wound_nominals and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    if pos == "NOUN" and (lemma in words.nominals or wounding):  # "the murder of four monks and three cooks"
        if any(c.lower_ in words.attempts for c in tok.children if c.dep_ in ("amod", "compound")):
            return None  # "the attempted murder of"
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        strict = wounding or lemma in words.strict_nominals
        if pobj is None or (strict and not _counted_list(_members(pobj), words)):
            return None  # "the death of the accord", "the execution of the plan"
        return (ClaimKind.WOUNDED if wounding else ClaimKind.KILLED), pobj, "nominal"
    if pos == "NOUN":
        return _suffered_noun(tok, words)
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
    if lemma in words.suffer_verbs:  # "a clerk received minor injuries"
        if any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in words.harm_nouns for c in kids):
            subj = next((c for c in kids if c.dep_ == "nsubj"), None)
            return (ClaimKind.WOUNDED, subj, "suffered") if subj is not None else None
        return None
    if lemma in words.care_verbs:  # "a clerk was treated at a hospital", "was hospitalised for burns"
        subj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        places = [g for c in kids if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        if subj is not None and any(g.lemma_.lower() in words.care_places for g in places):
            return ClaimKind.WOUNDED, subj, "treated"
        if lemma not in lives_verbs:  # 'took the lives of' goes on
            return None
    if _in_condition(tok, words):  # "the chief is in critical condition", "was listed in serious condition"
        subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
        return (ClaimKind.WOUNDED, subj, "condition") if subj is not None else None
    if lemma in intransitive:
        subj = next((c for c in kids if c.dep_ == "nsubj"), None)
        return (intransitive[lemma], subj, "died") if subj is not None else None
    if lemma in lives_verbs:  # "five soldiers lost their lives"
        if any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() == "life" for c in kids):
            subj = next((c for c in kids if c.dep_ == "nsubj"), None)
            if subj is not None and lemma == "lose":
                return ClaimKind.KILLED, subj, "lost-lives"
        return None
    among = _among(tok, kids, adjectives, words)
    if among is not None:
        return among
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


def _suffered_noun(tok: Token, words: VictimWords) -> tuple[ClaimKind, Token, str] | None:
    """'one guard died and another suffered burns' parsed as a noun phrase ('another' and 'sustained'
    modifying 'injuries' and the noun conjoined to the verb before): the lone victim is wounded."""
    if tok.lemma_.lower() not in words.harm_nouns or tok.dep_ != "conj" or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    kids = list(tok.children)
    alone = next((c for c in kids if c.dep_ == "det" and c.lower_ in words.alone), None)
    if alone is None or not any(c.dep_ == "amod" and _suffer_form(c, words) for c in kids):
        return None
    return ClaimKind.WOUNDED, alone, "suffered"


def _suffer_form(tok: Token, words: VictimWords) -> bool:
    low = tok.lower_
    return tok.lemma_.lower() in words.suffer_verbs or any(low in (v + "ed", v + "d") for v in words.suffer_verbs)


def _among(
    tok: Token, kids: list[Token], adjectives: dict[str, ClaimKind], words: VictimWords
) -> tuple[ClaimKind, Token, str] | None:
    """'a guard and two cooks were among the dead / the killed persons', 'the dead included a guard and two cooks':
    victims named as some of the dead, each a claim of its own scoped to them (no total, no sum)."""
    lemma = tok.lemma_.lower()
    if lemma == "be":
        subject = next((c for c in kids if c.dep_ == "nsubj"), None)
        subject = subject or next((c for c in kids if c.dep_ == "attr"), None)  # 'Among the dead were two cooks'
        for prep in (c for c in kids if c.dep_ == "prep" and c.lower_ in words.among):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                said = [obj, *(c for c in obj.children if c.dep_ in ("amod", "acl"))]
                kind = next((adjectives[w.lower_] for w in said if w.lower_ in adjectives), None)
                if kind is not None and subject is not None:
                    return kind, subject, "among"
        return None
    if lemma in words.include_verbs:
        subj = next((c for c in kids if c.dep_ == "nsubj"), None)
        listed = next((c for c in kids if c.dep_ in ("dobj", "obj")), None)
        if subj is None or listed is None or subj.lower_ not in adjectives:
            return None
        if any(c.dep_ == "nummod" for c in subj.children):
            return None  # 'the 12 dead included three guards': the parts of a stated total (nlp.claims)
        return adjectives[subj.lower_], listed, "among"
    return None


Predicate = tuple[Token, tuple[ClaimKind, Token, str]]  # a predicate, its kind, the head of its victims, the rule


def predicates(
    doc: Doc,
    verb_kind: Callable[[Token], ClaimKind | None],
    adjectives: dict[str, ClaimKind],
    intransitive: dict[str, ClaimKind],
    lives_verbs: frozenset[str],
    words: VictimWords,
) -> list[Predicate]:
    """The casualty predicates of the Doc in order, each with its kind and victims argument: read once for
    :func:`find_victims` and :func:`zero_claims`."""
    out: list[Predicate] = []
    for tok in with_pos(doc, _PREDICATE_POS):
        found = _arguments(tok, verb_kind, adjectives, intransitive, lives_verbs, words)
        if found is not None:
            out.append((tok, found))
    return out


def _in_condition(tok: Token, words: VictimWords) -> bool:
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in words.condition_nouns:
                    if any(c.lower_ in words.condition_adjectives for c in pobj.children if c.dep_ == "amod"):
                        return True
    return False


FigureRef = tuple[int, int, int, Quantity]  # start, end, noun token, range of a figure phrase


def find_victims(doc: Doc, figures: list[FigureRef], preds: list[Predicate], words: VictimWords) -> list[Victims]:
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
    for tok, (kind, head, rule) in preds:
        if _hypothetical(tok, words):
            continue
        if head.i in done or head.lower_ in words.zero_subjects or _has_zero(head, words):
            continue
        if rule == "among":
            found = _some_of_them(kind, head, by_token, words)
            done.update(v.members[0] for v in found)
            out.extend(found)
            continue
        members = _members(head)
        if rule in ("passive", "object"):  # "12 soldiers, four civilians and a guard were killed": two subjects
            for sib in tok.children:
                if sib.dep_ == head.dep_ and sib.i != head.i and sib.i in by_token and head.i in by_token:
                    members += [m for m in _members(sib) if m not in members]
        values: list[Quantity] = []
        parts: list[Part] = []
        for m in members:
            fig = by_token.get(m.i)
            if fig is not None:
                values.append(fig[3])
                parts.append(Part(fig[0], fig[1], fig[3], (fig[1], max(fig[1], _right(m) + 1))))
            elif _single(m, words):
                values.append(Quantity(1 + _hidden_members(m), 1 + _hidden_members(m)))
                parts.append(Part(m.left_edge.i, _right(m) + 1, values[-1], (m.left_edge.i, _right(m) + 1)))
            else:
                values = []
                break
        if not values:
            continue
        done.update(m.i for m in members)
        if len(members) == 1 and head.i in by_token:
            ref = by_token[head.i]
            out.append(Victims(kind, ref[3], ref[0], ref[1], (head.i,), "figure-" + rule, predicate=tok.i))
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
                predicate=tok.i,
                parts=tuple(parts) if _by_group(members, by_token, words) else (),
            )
        )
    return _sum_conjoined(doc, out)


def _some_of_them(kind: ClaimKind, head: Token, by_token: dict[int, "FigureRef"], words: VictimWords) -> list[Victims]:
    """Each victim or group named as some of the dead ('among the dead', 'the dead included'): a claim of its own,
    its figure or one ('at least a guard': 1 or more), when the list counts a group ('a deputy, five constables and
    a cook'); names, and members that are neither, are passed over."""
    heads = [head, *(c for c in head.head.children if c.dep_ == head.dep_ and c.i != head.i)]  # two objects
    members = [m for h in heads for m in (h, *h.conjuncts)]
    for appos in (c for m in list(members) for c in m.children if c.dep_ == "appos" and _listed(c)):
        members += [appos, *appos.conjuncts]  # 'a mayor, a nurse, and a sergeant' parsed as an apposition
    out: list[Victims] = []
    for m in sorted(set(members), key=lambda t: t.i):
        if m.tag_ in ("NNP", "NNPS") or m.ent_type_ == "PERSON":
            continue  # people named one by one: whether the list is all of them the text does not say
        fig = by_token.get(m.i)
        if fig is not None:
            out.append(Victims(kind, fig[3], fig[0], fig[1], (m.i,), "figure-among"))
        elif _single(m, words):
            out.append(Victims(kind, _bounded_one(m), m.left_edge.i, _right(m) + 1, (m.i,), "victims-among"))
    if len(out) > 1 and not any(v.rule == "figure-among" for v in out):
        return []  # 'a cook and a pilot were among the wounded': people named, no group counted
    return out


def _listed(appos: Token) -> bool:
    """An apposition that goes on a list ('a mayor, a nurse and a cook', 'a deputy, five constables'), not the same
    victim named again ('a harbour pilot, a retired captain') nor an age ('Ana Ruiz, 53')."""
    return bool(appos.conjuncts) or any(c.dep_ == "nummod" for c in appos.children)


def _bounded_one(tok: Token) -> Quantity:
    """One victim, or one or more after a bound before its determiner ('at least a deputy')."""
    det = next((c for c in tok.children if c.dep_ == "det"), None)
    if det is None or det.i == tok.left_edge.i:
        return Quantity(1, 1)
    bound = parse_quantity(" ".join(t.text for t in tok.doc[tok.left_edge.i : det.i]) + " 1")
    return Quantity(bound.min, bound.max) if bound is not None and bound.max is None else Quantity(1, 1)


def _sum_conjoined(doc: Doc, found: list[Victims]) -> list[Victims]:
    """'the chief was listed in critical condition and a clerk received minor injuries': one claim of 2.

    Victims of the same kind counted by two conjoined predicates (no figure of their own) are one list.
    """
    out: list[Victims] = []
    for v in found:
        prev = out[-1] if out else None
        pred = doc[v.predicate] if v.predicate >= 0 else None
        if (
            prev is not None
            and pred is not None
            and prev.predicate >= 0
            and pred.dep_ == "conj"
            and pred.head.i == prev.predicate
            and prev.kind == v.kind
            and prev.rule.startswith("victims-")
            and v.rule.startswith("victims-")
            and None not in (prev.quantity.min, prev.quantity.max, v.quantity.min, v.quantity.max)
        ):
            lo = (prev.quantity.min or 0) + (v.quantity.min or 0)
            hi = (prev.quantity.max or 0) + (v.quantity.max or 0)
            q = Quantity(lo, hi, prev.quantity.approx or v.quantity.approx)
            out[-1] = Victims(v.kind, q, prev.start, v.end, prev.members + v.members, prev.rule, (), prev.predicate)
            continue
        out.append(v)
    return out


def _by_group(members: list[Token], by_token: dict[int, FigureRef], words: VictimWords) -> bool:
    """A list of victim groups, one claim each beside the sum: a numbered member, and not a list by sex alone."""
    if len(members) < 2 or not any(m.i in by_token for m in members):
        return False
    return not all(m.lemma_.lower() in words.sexes or m.lower_ in words.sexes for m in members)


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
    doc: Doc, preds: list[Predicate], nouns: dict[str, ClaimKind], words: VictimWords
) -> list[Victims]:
    """'no one was killed', 'nobody was hurt' (0 of the verb's kind); 'no casualties', 'no deaths'."""
    out: list[Victims] = []
    by_token = {tok.i: found for tok, found in preds}
    low, pos = doc_lower(doc), doc_pos(doc)
    for i in range(len(doc)):
        found = by_token.get(i)
        if found is None and low[i] not in words.unharmed and pos[i] != "NOUN":
            continue  # no predicate, no 'unharmed', no noun: nothing to read
        tok = doc[i]
        if found is not None and not _hypothetical(tok, words):
            kind, head, rule = found
            if head.lower_ in words.zero_subjects or _has_zero(head, words):
                start = min(head.left_edge.i, head.i)
                out.append(Victims(kind, Quantity(0, 0), start, head.i + 1, (head.i,), "zero-" + rule))
                continue
        if tok.lower_ in words.unharmed and tok.dep_ in ("acomp", "oprd", "xcomp", "advmod", "advcl", "amod"):
            verb = tok.head  # "the guests escaped unharmed", "the crew was unhurt"
            holder = verb.head if verb.dep_ == "xcomp" else verb  # "managed to escape unharmed"
            if holder is not verb and holder.lemma_.lower() not in words.success_verbs:
                continue  # "hoped to escape unharmed"
            if verb.pos_ in ("VERB", "AUX") and not _hypothetical(holder, words):
                if any(c.dep_ in ("nsubj", "nsubjpass") for c in (*verb.children, *holder.children)):
                    out.append(Victims(ClaimKind.WOUNDED, Quantity(0, 0), tok.i, tok.i + 1, (tok.i,), "zero-unharmed"))
                    continue
        if tok.pos_ != "NOUN":
            continue
        lemma = tok.lemma_.lower()
        if lemma in nouns and _has_zero(tok, words):
            kind = nouns[lemma]
            det = next(c for c in tok.children if c.dep_ == "det")
            extra: tuple[ClaimKind, ...] = ()
            if kind == ClaimKind.CASUALTIES:  # no casualties: none killed and none wounded
                kind, extra = ClaimKind.KILLED, (ClaimKind.WOUNDED,)
            out.append(Victims(kind, Quantity(0, 0), det.i, tok.i + 1, (tok.i,), "zero-noun", extra))
    return out


def wounded_remainder(
    doc: Doc,
    figures: list[FigureRef],
    verb_kind: Callable[[Token], ClaimKind | None],
    hit_verbs: frozenset[str],
    words: VictimWords,
) -> list[Victims]:
    """'stabbed five travellers, killing two': the ones hit and not killed are wounded (3).

    A hit verb ('shoot', 'stab') with an exact figure as object and, hanging
    on it, a killing clause with a smaller exact figure as object.
    """
    by_token = {ref[2]: ref for ref in figures}
    by_token.update({i: ref for ref in figures for i in range(ref[0], ref[1])})
    out: list[Victims] = []
    for tok in with_pos(doc, ("VERB",)):
        if tok.lemma_.lower() not in hit_verbs or verb_kind(tok) is not None:
            continue
        if _hypothetical(tok, words):
            continue
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
        hit = by_token.get(obj.i) if obj is not None else None
        if hit is None or hit[3].min is None or hit[3].min != hit[3].max:
            continue
        for clause in tok.children:
            if clause.dep_ not in ("advcl", "conj") or verb_kind(clause) != ClaimKind.KILLED:
                continue
            dead_obj = next((c for c in clause.children if c.dep_ in ("dobj", "obj")), None)
            dead = by_token.get(dead_obj.i) if dead_obj is not None else None
            if dead is None or dead[3].min is None or dead[3].min != dead[3].max or not 0 < dead[3].min < hit[3].min:
                continue
            rest = hit[3].min - dead[3].min
            out.append(Victims(ClaimKind.WOUNDED, Quantity(rest, rest), hit[0], hit[1], (hit[2],), "figure-remainder"))
    return out
