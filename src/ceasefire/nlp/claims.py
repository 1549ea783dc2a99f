"""The ``ceasefire_claims`` component: casualty figures in a parsed Doc.

A figure ("at least 83", "dozens") is a casualty claim when the parse ties it
to a casualty word: the object or passive subject of a casualty verb ("killed
83 troops", "83 troops were killed"), the subject of "died", a figure followed
by a casualty adjective ("nine civilians dead", "120 others wounded"), a count
noun ("40 deaths"), "N lives" after "claimed" ("took the lives of N"), or a toll
("the death toll rose to 75", "raising to 14 the number of medics killed"). Results go to
``doc.spans[spans_key]``; each span (the figure phrase) carries a :class:`ClaimInfo` in ``span._.cf_claim``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..model import ClaimKind, Quantity
from .comparison import compares, since_clause
from .figures import Figure, find_figures
from .lexicon import load_json
from .phrases import CharSpan
from .quantities import quantity_words
from .shares import earlier_claim, share_of
from .victims import Predicate, Victims, VictimWords, find_victims, predicates, wounded_remainder, zero_claims

__all__ = ["ClaimInfo", "CasualtyClaims"]

_NOMINAL_DEPS = frozenset({"nummod", "quantmod", "amod", "compound", "nmod", "det"})
_OBJECT_DEPS = frozenset({"dobj", "obj"})
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})


@dataclass(frozen=True)
class ClaimInfo:
    """What the claims component found about one figure."""

    kind: ClaimKind
    quantity: Quantity
    victims: CharSpan | None
    scope: str  # "total", or "partial" for "ten of whom"
    rule: str  # which construction matched (for debugging and tests)
    extra_kinds: tuple[ClaimKind, ...] = ()  # "no casualties": killed 0 and wounded 0 from one phrase


class CasualtyClaims:
    """Finds casualty figures; the word lists are read once, at construction."""

    def __init__(self, nlp: Language, name: str, spans_key: str, words_file: str) -> None:
        self.name = name
        self.spans_key = spans_key
        raw = load_json(words_file)
        self.verbs = {k: ClaimKind(v) for k, v in raw["verbs"].items()}
        self.intransitive = {k: ClaimKind(v) for k, v in raw["intransitive"].items()}
        self.adjectives = {k: ClaimKind(v) for k, v in raw["adjectives"].items()}
        self.nouns = {k: ClaimKind(v) for k, v in raw["nouns"].items()}
        self.lives_verbs = frozenset(raw["lives_verbs"])
        self.toll_nouns = frozenset(raw["toll_nouns"])
        self.toll_modifiers = {k: ClaimKind(v) for k, v in raw["toll_modifiers"].items()}
        self.toll_default = ClaimKind(raw["toll_default"])
        self.partial = frozenset(raw["partial_markers"])
        self.not_after = frozenset(raw["not_after"])
        self.fatal_verbs = frozenset(raw["fatal_verbs"])
        self.fatal_modifiers = frozenset(raw["fatal_modifiers"])
        self.verb_forms = {k: ClaimKind(v) for k, v in raw["verb_forms"].items()}
        self.copulas = frozenset(raw["copulas"])
        self.count_nouns = frozenset(raw["count_nouns"])
        self.count_noun_not_with = frozenset(raw["count_noun_not_with"])
        self.speculative = frozenset(raw["speculative_modals"])
        self.including = frozenset(raw["including"])
        self.gapped_preps = frozenset(raw["gapped_preps"])
        self.among_preps = frozenset(raw["among_preps"])
        self.passive_aux = frozenset(raw["passive_after"]["aux"])
        self.passive_be = frozenset(raw["passive_after"]["be"])
        self.each = frozenset(raw["each"])
        cumulative = raw["cumulative"]
        self.since = frozenset(cumulative["since"])
        self.period_nouns = frozenset(cumulative["nouns"])
        self.period_preps = frozenset(cumulative["in_preps"])
        self.truce_words = frozenset(cumulative["truce_words"])
        self.period_in = frozenset(cumulative["in_nouns"])
        self.war_nouns = frozenset(cumulative["war_nouns"])
        self.period_units = frozenset(cumulative["units"])
        self.period_openers = frozenset(cumulative["openers"])
        self.period_min_days = int(cumulative["min_days"])
        self.period_long_units = frozenset(cumulative["long_units"])
        self.period_past_units = frozenset(cumulative["past_units"])
        self.point_modifiers = frozenset(cumulative["point_modifiers"])
        self.year_preps = frozenset(cumulative["year_preps"])
        self.toll_verbs = frozenset(cumulative["toll_verbs"])
        self.start_verbs = frozenset(cumulative["start_verbs"])
        self.person_verbs = {k: ClaimKind(v) for k, v in raw["person_verbs"].items()}
        self.toll_references = frozenset(raw["toll_references"])
        self.toll_like = frozenset(raw["toll_like"]["nouns"])
        self.toll_like_with = frozenset(raw["toll_like"]["modifiers"])
        self.more_words = frozenset(raw["more_words"])
        self.group_nouns = frozenset(raw["group_nouns"])
        self.person_heads = frozenset(raw["person_heads"])
        self.words = quantity_words()
        vw = raw["victim_words"]
        self.victim_words = VictimWords(**{k: frozenset(w.lower() for w in vw[k]) for k in VictimWords.__annotations__})

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        figs = find_figures(doc, self.words, self.not_after)
        for fig in figs:
            info = self.classify(doc, fig)
            if info is not None:
                span = doc[fig.start : fig.end]
                span._.cf_claim = info
                spans.append(span)
        spans += self._shares(doc, spans, figs)
        spans += self._gapped(doc, spans, figs)
        spans += [e for s in spans for e in self._each(s)]
        doc.spans[self.spans_key] = [
            s for s in self._counted(doc, spans, figs) if not self._cumulative(s) and not self._unreported(s)
        ]
        return doc

    def _shares(self, doc: Doc, spans: list[Span], figs: list[Figure]) -> list[Span]:
        """'three of them were children', 'among them four women': part of the victims of the claim before, of its
        kind, scoped to the group named (nlp.shares)."""
        out: list[Span] = []
        taken = {t.i for s in spans for t in s}
        for fig in figs:
            if fig.core_start in taken:
                continue
            root = doc[fig.core_start : fig.end].root
            group = share_of(root, self._noun(doc, fig), self.partial, self.among_preps)
            claim = earlier_claim(spans, fig.start) if group is not None else None
            if group is None or claim is None:
                continue
            info: ClaimInfo = claim._.cf_claim
            span = doc[fig.start : fig.end]
            victims = (group.idx, group.idx + len(group.text))
            span._.cf_claim = ClaimInfo(info.kind, fig.quantity, victims, group.lower_, "share")
            out.append(span)
        return out

    def _gapped(self, doc: Doc, spans: list[Span], figs: list[Figure]) -> list[Span]:
        """'killed two herders near Tarsa, three near Molen': figures that repeat a claim's place phrase."""
        out: list[Span] = []
        taken = {t.i for s in spans for t in s}
        for span in spans:
            prev, first = span, True
            for fig in figs:
                if fig.start < prev.end or fig.start in taken or doc[fig.start].sent != span.sent:
                    continue
                before, after = doc[fig.start - 1], doc[fig.end] if fig.end < len(doc) else None
                if before.lower_ not in (",", "and") or after is None or after.lower_ not in self.gapped_preps:
                    break
                between = doc[prev.end : fig.start]
                if first and not any(t.lower_ == after.lower_ for t in between):
                    break  # no parallel place phrase in the claim's own clause
                verbs = not first and any(t.tag_ in _VERB_TAGS for t in between)
                if verbs or doc[fig.core_start].dep_.startswith("nsubj"):
                    break  # 'and 20 in Molen fled': a clause of its own
                info: ClaimInfo = span._.cf_claim
                gap = doc[fig.start : fig.end]
                place = next((c for c in after.children if c.dep_ == "pobj"), after)
                gap._.cf_claim = ClaimInfo(info.kind, fig.quantity, None, place.text, "gapped")
                out.append(gap)
                taken.update(range(fig.start, fig.end))
                prev, first = gap, False
        return out

    def _each(self, span: Span) -> list[Span]:
        """'two bodies each were found at Molen and Kasso': the claim again for every further place."""
        info: ClaimInfo = span._.cf_claim
        window = span.doc[span.end : min(span.end + 2, span.sent.end)]
        if not any(t.lower_ in self.each for t in window):
            return []
        verb = span.root
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        places = [c for p in verb.children if p.dep_ == "prep" for c in p.children if c.dep_ == "pobj"]
        if not places:
            return []
        out: list[Span] = []
        for place in places[0].conjuncts:
            extra = span.doc[place.i : place.i + 1]
            extra._.cf_claim = ClaimInfo(info.kind, info.quantity, None, place.text, "each")
            out.append(extra)
        return out

    def _unreported(self, span: Span) -> bool:
        """'No casualties were reported', 'no injuries were reported': an absence of reports, no zero figure."""
        q = span._.cf_claim.quantity
        if q.min != 0 or q.max != 0:
            return False
        root = span.root
        verb = root.head  # passive, no reporter named; 'the army reported no deaths' is a zero figure
        return root.dep_ == "nsubjpass" and verb.lemma_.lower() in self.victim_words.unreported

    def _cumulative(self, span: Span) -> bool:
        """A war's or a period's total ('the conflict has claimed 40,000 lives since 2009'), no incident's claim."""
        if any(t.lower_ in self.truce_words for t in span.sent):  # 'since the truce began': a claim
            return False
        if self._over_a_period(span):
            return True
        since = period = False
        clauses = list(span.root.ancestors)
        if any(since_clause(clause, frozenset(a.i for a in clauses)) for clause in clauses):
            return True  # 'have been killed since the war began'; not 'the worst since eight people died in a raid'
        for clause in clauses:
            for c in (*clause.children, *(g for v in clause.conjuncts for g in v.children)):
                if c.dep_ == "mark" and c.head.dep_ == "advcl" and c.i < span.start:
                    continue  # 'the worst since eight people died in a raid in May': an earlier incident recalled
                if c.dep_ == "advcl" and not c.is_ancestor(span.root) and self._since_event(c, clause):
                    return True  # 'Since the fighting began in April, 1,200 civilians have been killed'
                if c.lower_ in self.since and c.dep_ == "advmod" and self._toll_child(c.head) is not None:
                    continue  # 'the toll has since climbed to 17': an update of one incident's toll
                if c.lower_ in self.since and c.dep_ in ("prep", "advmod", "mark"):
                    objects = [g for g in c.children if g.dep_ == "pobj"]
                    if not objects or any(g.ent_type_ not in ("DATE", "TIME", "CARDINAL") for g in objects):
                        return True  # 'since the start of the offensive', 'which have since left'
                    if any(_year(g) for o in objects for g in o.subtree) and not compares(c):
                        return True  # 'since 1994': years of a war; not 'the deadliest attack since 2015'
                    since = True  # 'since last June'
                if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("NN", "NNS"):
                    period = period or c.lemma_.lower() in self.period_nouns
                if c.dep_ == "prep" and c.lower_ in self.period_preps:
                    if any(g.dep_ == "pobj" and g.lemma_.lower() in self.period_in for g in c.children):
                        return True  # 'killed in the conflict'
                    # 'has killed 17,000 fighters during the war'; not 'in the 2006 war, 28 were killed'
                    if _perfect(clause) and any(g.dep_ == "pobj" and self._war(g, True) for g in c.children):
                        return True
        return since and period

    def _since_event(self, clause: Token, main: Token) -> bool:
        """A 'since' clause before the figure's own: 'since the war began' (a verb of starting), or any event with a
        present perfect main clause ('since the army entered the town, 40 people have been killed'); not the
        'since' of a comparison ('the deadliest attack since rebels took the town') nor one of cause."""
        mark = next((m for m in clause.children if m.dep_ == "mark" and m.lower_ in self.since), None)
        if mark is None or compares(mark) or compares(clause):  # '... the highest toll since records began
            return False
        if clause.lemma_.lower() in self.start_verbs:
            return True
        return _perfect(main)

    def _over_a_period(self, span: Span) -> bool:
        """The figure's own predicate counts over a war or a span of time: 'the war that has left 41,000 dead',
        'the campaign has resulted in 800 casualties', 'in the last four years', 'so far this year'."""
        verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return False
        auxes = [c for c in verb.children if c.dep_ == "aux"]
        finite = verb.tag_ != "VBG" and not any(c.tag_ == "VBG" for c in auxes)  # not 'the conflict having taken'
        perfect = any(c.lemma_.lower() == "have" for c in auxes)
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and finite and self._tolls(verb):
                subject = verb.head if c.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" else c
                if subject.tag_ in ("NN", "NNS") and self._war(subject, perfect):
                    return True
            if (c.dep_ == "prep" and self._period_phrase(c)) or (c.dep_ == "npadvmod" and self._span_of_time(c)):
                return True
        return False

    def _war(self, subject: Token, perfect: bool) -> bool:
        """'the war that has left 41,000 dead', 'the campaign has resulted in', 'their two-month-long siege'."""
        lemma = subject.lemma_.lower()
        return lemma in self.war_nouns or (lemma in self.period_nouns and perfect) or _lasting(subject)

    def _tolls(self, verb: Token) -> bool:
        """A verb through which a war counts its dead: 'killed', 'has left', 'claimed', 'resulted in'."""
        lemma = verb.lemma_.lower()
        if lemma in self.lives_verbs or lemma in self.toll_verbs:
            return True
        return self.verb_kind(verb) is not None

    def _period_phrase(self, prep: Token) -> bool:
        """'in the conflict', 'during this six-year-long war', 'over the past two weeks', 'during 2011'."""
        if prep.lower_ not in self.period_preps:
            return False
        for g in (g for g in prep.children if g.dep_ == "pobj"):
            if g.lemma_.lower() in self.period_in or _lasting(g) or self._span_of_time(g):
                return True
            if prep.lower_ in self.year_preps and _year(g):
                return True
        return False

    def _span_of_time(self, tok: Token) -> bool:
        """'the last 3 years', 'ten years', 'the past decade', 'this year', '24 days': a period, not a day."""
        lemma = tok.lemma_.lower()
        if lemma not in self.period_units:
            return False
        kids = {c.lower_ for c in tok.children}
        numbers = [c for c in tok.children if c.like_num]
        if lemma == "day":  # 'in the last 24 days'; not 'in the past two days'
            return any(c.text.isdigit() and int(c.text) >= self.period_min_days for c in numbers)
        if tok.tag_ == "NNS":  # 'in the last four years', 'during 10 years of war', 'in recent months'
            return bool(numbers) or bool(kids & self.period_openers)
        if lemma in self.period_past_units:  # 'in the past week', 'over the last week'; not 'this week'
            return "past" in kids or {"the", "last"} <= kids
        if lemma not in self.period_long_units or kids & self.point_modifiers:
            return False  # 'this week' may be the week of one incident; 'earlier this month' a time in it
        return "this" in kids or "past" in kids or {"the", "last"} <= kids  # not 'last year': a date

    def _counted(self, doc: Doc, spans: list[Span], figs: list[Figure]) -> list[Span]:
        """Add victims counted without a figure and victim lists summed; drop the members summed."""
        spans = [
            s for s in spans if not (s.start > 0 and doc[s.start - 1].lower_ in self.victim_words.zero_determiners)
        ]
        preds = predicates(doc, self.verb_kind, self.adjectives, self.intransitive, self.lives_verbs, self.victim_words)
        preds = sorted(preds + self._surface_lists(doc, spans, preds), key=lambda p: p[0].i)
        refs = [(f.start, f.end, self._noun(doc, f).i, f.quantity) for f in figs]
        found = find_victims(doc, refs, preds, self.victim_words)
        found += zero_claims(doc, preds, self.nouns, self.victim_words)
        found += wounded_remainder(doc, refs, self.verb_kind, self.fatal_verbs, self.victim_words)
        summed = {i for v in found if len(v.members) > 1 for i in v.members}
        kept = [s for s in spans if not any(t.i in summed for t in s) and s.root.head.i not in summed]
        kept += [p for s in kept for p in self._included(doc, s, refs)]
        for v in found:
            span = doc[v.start : v.end]
            if any(s.start <= span.start < s.end or span.start <= s.start < span.end for s in kept):
                continue
            last = doc[v.members[-1]] if v.rule.startswith("figure-") and v.members[-1] >= v.end else span[-1]
            first = doc[v.end] if v.rule.startswith("figure-") and last is not span[-1] else span[0]
            victims = (first.idx, last.idx + len(last.text))
            scope = doc[v.members[0]].lower_ if v.rule.endswith("-among") else "total"  # some of the dead
            span._.cf_claim = ClaimInfo(v.kind, v.quantity, victims, scope, v.rule, v.extra_kinds)
            kept.append(span)
            kept.extend(self._parts(doc, v))
        return sorted(kept, key=lambda s: (s.start, s.end))

    @staticmethod
    def _surface_lists(doc: Doc, spans: list[Span], preds: list[Predicate]) -> list[Predicate]:
        """'Militants Gun Down 9 Guards and a Driver': a list whose verb only the surface tells (a headline's
        parse), counted like the object of a casualty verb: each group a claim beside their sum."""
        heads = {head.i for _, (_, head, _) in preds}
        out: list[Predicate] = []
        for span in spans:
            info: ClaimInfo = span._.cf_claim
            if info.rule not in ("after-verb", "after-verb-form") or span.start == 0:
                continue
            root = span.root
            noun = root.head if root.dep_ in _NOMINAL_DEPS and root.head.i >= span.end else root
            if noun.i not in heads and noun.dep_ != "conj" and noun.conjuncts:
                out.append((doc[span.start - 1], (info.kind, noun, "object")))
        return out

    def _included(self, doc: Doc, span: Span, refs: list[tuple[int, int, int, Quantity]]) -> list[Span]:
        """'killing 24 people, including 19 pupils and a teacher': the parts of a stated total, scoped, no sum."""
        info: ClaimInfo = span._.cf_claim
        root = span.root
        noun = root.head if root.dep_ in _NOMINAL_DEPS and root.head.i >= span.end else root
        holders = [noun, noun.head] if noun.dep_ in _OBJECT_DEPS else [noun]
        marker = next((c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in self.including), None)
        first = next((c for c in marker.children if c.dep_ == "pobj"), None) if marker is not None else None
        first = first or _set_off(noun)  # '14 people -- nine pupils and five nurses -- were killed'
        first = first or self._included_object(noun)  # 'the 40 dead included 25 civilians and 15 soldiers'
        if first is None or info.scope != "total":
            return []
        by_noun = {ref[2]: ref for ref in refs}
        out: list[Span] = []
        for member in (first, *first.conjuncts):
            ref = by_noun.get(member.i)
            if ref is not None:
                part, quantity = doc[ref[0] : ref[1]], ref[3]
            elif member.tag_ in ("NN", "NNP") and any(
                c.lower_ in self.victim_words.single_determiners for c in member.children
            ):
                part, quantity = doc[member.left_edge.i : member.i + 1], Quantity(1, 1)
            else:
                continue
            part._.cf_claim = ClaimInfo(
                info.kind, quantity, (member.idx, member.idx + len(member.text)), member.lower_, "including"
            )
            out.append(part)
        return out

    def _included_object(self, noun: Token) -> Token | None:
        """The object of an include verb whose subject is the counted victims ('the 40 dead included 25 civilians',
        'the 30 wounded comprised ...'): the first of the parts."""
        verb = noun.head
        if noun.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in self.victim_words.include_verbs:
            return None
        objects = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
        objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        return next((o for o in objects if o.dep_ in (*_OBJECT_DEPS, "pobj")), None)

    @staticmethod
    def _parts(doc: Doc, v: Victims) -> list[Span]:
        """'12 children and 9 women were killed': each group a claim scoped to its victims, beside the sum."""
        out: list[Span] = []
        for part in v.parts:
            span = doc[part.start : part.end]
            words = doc[part.victims[0] : part.victims[1]]
            chars = (words.start_char, words.end_char) if len(words) else None
            scope = words.root.lower_ if len(words) else "part"
            span._.cf_claim = ClaimInfo(v.kind, part.quantity, chars, scope, "part-" + v.rule)
            out.append(span)
        return out

    # ------------------------------------------------------------------ rules

    def _noun(self, doc: Doc, fig: Figure) -> Token:
        """The noun a figure counts ("83" -> "troops"; "a family of six" -> "family"), or the figure's own root."""
        root = doc[fig.core_start : fig.end].root
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in self.group_nouns:
            return root.head.head  # 'killed a family of six'
        return root.head if root.dep_ in _NOMINAL_DEPS and root.head.i >= fig.end else root

    def classify(self, doc: Doc, fig: Figure) -> ClaimInfo | None:
        root = doc[fig.core_start : fig.end].root
        noun = self._noun(doc, fig)
        found = (
            self._by_adjective(doc, fig, noun)
            or self._by_verb(noun)
            or self._by_count_noun(noun)
            or self._by_toll(root)
            or self._by_preceding_verb(doc, fig, noun)
            or self._by_modifier(fig, noun)
            or self._by_among(noun)
            or self._by_person_verb(noun)
        )
        if found is None or (found[1] not in ("toll", "number-of") and self._hypothetical(noun)):
            return None
        if found[1] == "toll" and doc[fig.start].lower_ == "from":
            return None  # "the toll was revised from five to six": two figures read as one range, no claim (yet)
        kind, rule = found
        return ClaimInfo(kind, fig.quantity, self._victims(doc, fig, root, noun), self._scope(doc, fig, noun), rule)

    def _by_among(self, noun: Token) -> tuple[ClaimKind, str] | None:
        """'twelve of the dead were guards', 'two nurses were among the dead / those killed'."""
        holders = [noun]
        if noun.dep_ in ("nsubj", "attr") and noun.head.lemma_ == "be":  # 'Among the dead were 21 civilians'
            holders.append(noun.head)
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ != "prep" or prep.lower_ not in self.among_preps:
                    continue
                if prep.lower_ == "of" and holder is not noun:
                    continue
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    words = [obj, *(c for c in obj.children if c.dep_ in ("acl", "amod"))]
                    kind = next((self.adjectives[w.lower_] for w in words if w.lower_ in self.adjectives), None)
                    if kind is not None:
                        return kind, "among-the-dead"
        return None

    def _by_person_verb(self, noun: Token) -> tuple[ClaimKind, str] | None:
        """'we have lost four of our men', 'neutralised seven assailants': verbs that count people only, when the
        object (or its 'of' phrase) is one of the person heads (not 'lost two tanks', 'neutralised 12 drones')."""
        head = noun
        while head.dep_ == "conj":
            head = head.head
        kind = self.person_verbs.get(head.head.lemma_.lower()) if head.dep_ in _OBJECT_DEPS else None
        if kind is None:
            return None
        people = [noun, *(g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children)]
        if any(t.lemma_.lower() in self.person_heads or t.lower_ in self.person_heads for t in people):
            return kind, "person-verb"
        return None

    def _hypothetical(self, noun: Token) -> bool:
        """'there might have been two people killed', 'could have killed 20', 'vowed to kill 20': no statement of a
        casualty."""
        pred = noun.head
        aux = {c.lower_ for c in pred.children if c.dep_ == "aux"}
        if "to" in aux and "have" not in aux and pred.tag_ == "VB":
            # 'threatened to kill 20', 'weapons to kill 100 people'; not 'is said to have killed', 'managed to kill'
            return pred.head.lemma_.lower() not in self.victim_words.success_verbs
        return bool(aux & self.speculative)

    def _by_adjective(self, doc: Doc, fig: Figure, noun: Token) -> tuple[ClaimKind, str] | None:
        if noun.i >= fig.end and noun.lower_ in self.adjectives:  # "five dead", "16 injured"
            return self.adjectives[noun.lower_], "figure-adjective"
        nxt_i = max(noun.i, fig.end - 1) + 1
        while nxt_i < len(doc) - 1 and doc[nxt_i].lower_ in self.more_words:
            nxt_i += 1  # "23 more injured"
        if nxt_i < len(doc):
            nxt = doc[nxt_i]
            kind = self.adjectives.get(nxt.lower_)
            # "120 others wounded", "nine civilians dead"; not "two jets killed 60 soldiers"
            if kind is not None and not any(c.dep_ in _OBJECT_DEPS for c in nxt.children):
                return kind, "adjective-after"
            if nxt.pos_ == "VERB" and nxt.tag_ in ("VBD", "VBN") and nxt.lemma_.lower() in self.intransitive:
                return self.intransitive[nxt.lemma_.lower()], "intransitive-after"  # "police confirm 32 died"
            found = self._passive_after(doc, nxt_i)
            if found is not None:
                return found, "passive-after"
        for child in noun.children:  # "83 troops killed" parsed as acl/amod
            if child.dep_ in ("acl", "amod") and child.i > noun.i and child.lower_ in self.adjectives:
                if not any(c.dep_ in _OBJECT_DEPS for c in child.children):
                    return self.adjectives[child.lower_], "participle"
        return None

    def _passive_after(self, doc: Doc, i: int) -> ClaimKind | None:
        """'19 others were injured' read on the surface, when the parse hangs the noun elsewhere."""
        j = i
        while j < min(len(doc), i + 3) and doc[j].lower_ in self.passive_aux:
            j += 1
        if j == i or j >= len(doc) or doc[j - 1].lower_ not in self.passive_be:
            return None
        kind = self.adjectives.get(doc[j].lower_)
        if kind is None or any(c.dep_ in _OBJECT_DEPS for c in doc[j].children):
            return None
        return kind

    def _by_modifier(self, fig: Figure, noun: Token) -> tuple[ClaimKind, str] | None:
        """'three other wounded people were being treated': the noun's own casualty adjective, when no verb tells."""
        for child in noun.children:
            if child.dep_ == "amod" and fig.end <= child.i < noun.i and child.lower_ in self.adjectives:
                return self.adjectives[child.lower_], "modifier"
        return None

    def verb_kind(self, verb: Token) -> ClaimKind | None:
        """The kind a verb gives its victims: 'killed', 'shot dead', 'shot and killed', 'killed or wounded'."""
        lemma = verb.lemma_.lower()
        kind = self.verbs.get(lemma)
        kids = list(verb.children)
        if kind is None:
            for particle in (c for c in kids if c.dep_ == "prt"):
                kind = self.verbs.get(f"{lemma} {particle.lower_}")  # "gunned down 9 truckers and a guard"
                if kind is not None:
                    break
        if kind is None and lemma in self.fatal_verbs:
            for child in verb.subtree:
                if child.lower_ in self.fatal_modifiers and (child.head == verb or child.head.head == verb):
                    kind = ClaimKind.KILLED
                    break
        partners = [
            c
            for c in kids
            if c.dep_ == "conj"
            and c.lemma_.lower() in self.verbs
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)  # 'kiosks were hit but nobody was hurt'
            and not any(g.dep_ in _OBJECT_DEPS for g in c.children)  # 'stormed the depot and killed 12 people'
        ]
        if kind is None and partners:  # "was shot and killed"
            return self.verbs[partners[0].lemma_.lower()]
        if kind is not None and any(c.dep_ == "cc" and c.lower_ == "or" for c in kids):
            if any(self.verbs[p.lemma_.lower()] != kind for p in partners):
                return ClaimKind.CASUALTIES  # "killed or wounded"
        return kind

    def _by_verb(self, noun: Token) -> tuple[ClaimKind, str] | None:
        head = noun
        while head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            head = head.head  # "killed five soldiers and three civilians"
        verb = head.head
        lemma = verb.lemma_.lower()
        if head.dep_ in ("nsubj", "nsubjpass") and verb.pos_ == "VERB":
            for child in verb.children:  # "nine guards were confirmed dead", "were reported killed"
                if child.dep_ in ("oprd", "acomp", "xcomp") and child.lower_ in self.adjectives:
                    return self.adjectives[child.lower_], "predicative"
        kind = self.verb_kind(verb)
        if head.dep_ in _OBJECT_DEPS and kind is not None:
            return kind, "object"
        if head.dep_ == "nsubjpass" and kind is not None:
            return kind, "passive-subject"
        if head.dep_ == "nsubj" and lemma in self.copulas:
            for child in verb.children:  # "one man is dead", "two were left wounded"
                if child.dep_ in ("acomp", "attr", "oprd", "xcomp") and child.lower_ in self.adjectives:
                    return self.adjectives[child.lower_], "copula"
        if head.dep_ == "nsubj" and lemma in self.intransitive:
            return self.intransitive[lemma], "subject-died"
        if (
            head.dep_ == "nsubj"
            and lemma in self.verbs
            and verb.tag_ in ("VBN", "VBD")
            and not any(c.dep_ in _OBJECT_DEPS for c in verb.children)
        ):
            return self.verbs[lemma], "headline-subject"  # "Two killed as gunmen storm depot"
        if head.lemma_.lower() == "life" and head.dep_ in _OBJECT_DEPS and lemma in self.lives_verbs:
            return ClaimKind.KILLED, "lives"
        if self._life_of(head):  # "took the lives of three herders", "claimed the lives of 12 people"
            return ClaimKind.KILLED, "lives-of"
        for child in noun.children:  # "the 40 people who were killed"
            if child.dep_ == "relcl" and child.lemma_.lower() in self.verbs:
                if any(c.dep_ == "nsubjpass" and c.tag_ in ("WP", "WDT") for c in child.children):
                    return self.verbs[child.lemma_.lower()], "relative-passive"
        return None

    def _life_of(self, noun: Token) -> bool:
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lemma_.lower() != "life":
            return False
        life = prep.head
        return life.dep_ in _OBJECT_DEPS and life.head.lemma_.lower() in self.lives_verbs

    def _by_count_noun(self, noun: Token) -> tuple[ClaimKind, str] | None:
        lemma = noun.lemma_.lower()
        lemma = lemma if lemma in self.nouns else noun.lower_  # a form the model lemmatises wrongly ('corpses')
        if lemma in self.nouns and noun.pos_ == "NOUN":
            if any(c.dep_ in ("amod", "compound") and c.lower_ in self.count_noun_not_with for c in noun.children):
                return None  # 'three government bodies'
            return self.nouns[lemma], "count-noun"
        return None

    def _by_toll(self, root: Token) -> tuple[ClaimKind, str] | None:
        toll: Token | None = None
        verb: Token | None = None
        if root.dep_ == "pobj" and root.head.lower_ in ("to", "at", "of", "from"):
            prep = root.head
            if prep.lower_ != "from" and self._toll_noun(prep.head):  # "a toll of 40", "an earlier figure of 9"
                toll = prep.head
            elif prep.head.pos_ in ("VERB", "AUX") or self._toll_child(prep.head) is not None:
                verb = prep.head  # "the toll rose to 75", "put the toll at 20", "has risen to 31 from 24"
                toll = self._toll_child(verb)  # a headline's "Toll ... climbs to 53" parsed as a noun
        elif root.dep_ in ("attr", "dobj") and root.head.pos_ in ("VERB", "AUX"):  # "the toll reached 75"
            verb = root.head
            toll = self._toll_child(verb)
        if toll is None:
            number = self._number_of(verb) if verb is not None else None
            return (number, "number-of") if number is not None else None
        for child in toll.children:
            kind = self.toll_modifiers.get(child.lower_)
            if child.dep_ in ("compound", "amod", "nmod") and kind is not None:
                return kind, "toll"
        return self.toll_default, "toll"

    def _toll_noun(self, noun: Token) -> bool:
        """'toll', 'tally'; or 'figure', 'estimate' told as a toll by a modifier ('an earlier figure of 9')."""
        lemma = noun.lemma_.lower()
        if lemma in self.toll_nouns:
            return True
        modifiers = {c.lower_ for c in noun.children if c.dep_ == "amod"}
        return lemma in self.toll_like and bool(modifiers & self.toll_like_with)

    def _toll_child(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lemma_.lower() in self.toll_nouns:
                return child
        for child in verb.children:  # 'It had earlier been put at 40', 'the figure has since risen to 17'
            if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in self.toll_references:
                return self._toll_before(child)
        return None

    def _toll_before(self, ref: Token) -> Token | None:
        """The toll noun a reference word takes up: the last one of its sentence or the sentence before."""
        sent = ref.sent
        start = ref.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        tolls = [t for t in ref.doc[start : ref.i] if t.lemma_.lower() in self.toll_nouns and t.pos_ == "NOUN"]
        return tolls[-1] if tolls else None

    def _number_of(self, verb: Token) -> ClaimKind | None:
        """'raising to 14 the number of medics who have been killed', 'the number of dead rose to 40'."""
        for child in verb.children:
            if child.dep_ not in ("nsubj", "nsubjpass", "dobj") or child.lemma_.lower() not in self.count_nouns:
                continue
            for clause in child.children:  # "takes to 9 the number dead"
                if clause.dep_ in ("acl", "relcl") and clause.lemma_.lower() in self.verbs:
                    return self.verbs[clause.lemma_.lower()]
            for prep in child.children:
                if prep.dep_ != "prep" or prep.lower_ != "of":
                    continue
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    kind = self.adjectives.get(pobj.lower_) or self.nouns.get(pobj.lemma_.lower())
                    if kind is not None:  # "the number of dead", "the number of casualties"
                        return kind
                    for clause in (*pobj.children, *child.children):  # "of people killed", "of X who were killed"
                        if clause.dep_ in ("relcl", "acl") and (
                            clause.lemma_.lower() in self.verbs or clause.lemma_.lower() in self.intransitive
                        ):
                            return self.verbs.get(clause.lemma_.lower()) or self.intransitive[clause.lemma_.lower()]
        return None

    def _by_preceding_verb(self, doc: Doc, fig: Figure, noun: Token) -> tuple[ClaimKind, str] | None:
        """'killing dozens of soldiers', 'Gunman kills 1, wounds 2' when the parse missed the object."""
        if fig.start == 0:
            return None
        prev = doc[fig.start - 1]
        if any(c.dep_ in _OBJECT_DEPS and not (fig.start <= c.i <= max(noun.i, fig.end - 1)) for c in prev.children):
            return None  # the verb has another object: "killed the man with two shots"
        if prev.tag_ in _VERB_TAGS and prev.tag_ != "VBN" and prev.lemma_.lower() in self.verbs:
            return self.verbs[prev.lemma_.lower()], "after-verb"
        if prev.lower_ in self.verb_forms and noun.dep_ not in ("nsubjpass",):
            return self.verb_forms[prev.lower_], "after-verb-form"
        pair = f"{doc[fig.start - 2].lower_} {prev.lower_}" if fig.start > 1 else ""
        if pair in self.verb_forms and noun.dep_ not in ("nsubjpass",):  # "Militants Gun Down 9 Guards"
            return self.verb_forms[pair], "after-verb-form"
        return None

    # ------------------------------------------------------------- details

    def _victims(self, doc: Doc, fig: Figure, root: Token, noun: Token) -> CharSpan | None:
        if noun.i >= fig.end and noun.lower_ not in self.adjectives:
            first = doc[fig.end]
            return (first.idx, noun.idx + len(noun.text))
        for child in root.children:  # "dozens of Syrian soldiers"
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.lower_ not in self.partial:
                        left = pobj.left_edge
                        while left.i < pobj.i and (left.is_space or left.is_punct):
                            left = doc[left.i + 1]
                        return (left.idx, pobj.idx + len(pobj.text))
        return None

    def _scope(self, doc: Doc, fig: Figure, noun: Token) -> str:
        after = doc[fig.end : fig.end + 2]
        if len(after) == 2 and after[0].lower_ == "of" and after[1].lower_ in self.partial:
            return "partial"  # "ten of whom", "four of them"
        return "total"


_LASTING = re.compile(
    r"\b(?:\d+|[a-z]+)\s*-\s*(?:year|month|week|decade)s?\b(?!\s*-\s*old)|\b(?:year|month|week|decade)s?\s*-\s*long\b"
)


def _lasting(noun: Token) -> bool:
    """'this six-year-long war', 'a 12-year period', 'their two-month-long siege': a noun told as lasting a period
    (not 'the 46-year-old commander')."""
    return bool(_LASTING.search(noun.doc[noun.left_edge.i : noun.i].text.lower()))


def _perfect(verb: Token) -> bool:
    """'has killed', 'have been killed': a present perfect counts up to now."""
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)


def _year(tok: Token) -> bool:
    return tok.text.isdigit() and len(tok.text) == 4


_SET_OFF = frozenset({"--", "\u2014", "\u2013", "("})


def _set_off(noun: Token) -> Token | None:
    """An apposition set off by a dash or a bracket that lists groups: the parts of the noun's stated figure."""
    for c in noun.children:
        if c.dep_ == "appos" and c.i > noun.i and any(t.text in _SET_OFF for t in noun.doc[noun.i + 1 : c.left_edge.i]):
            return c
    return None
