"""The ``ceasefire_attribution`` component: who gives each casualty figure.

For each claim span it looks, in the claim's sentence, for (in this order) a
participle with a 'by X' on the figure's own noun phrase ("22 deaths recorded by
the UN"), a speech verb that governs the figure ("X said ... killed 9") unless an
"according to X" sits on the figure's own clause below it, "according to X",
any other speech verb of the sentence ("..., killing dozens, X said"), and a
headline tail (": Russia, Monitor", " - army"). The claimant is the verb's subject (or
the noun a "with X reporting" clause hangs on); "X cited Y as saying" gives
Y as the origin. Across sentences: a quotation's speaker, the speaker of the
sentence before when it gave no figure ("The army said in a statement that ...
The statement said four were killed"), and "X said so" for the sentence before. The result is an :class:`Attribution` in
``span._.cf_attribution``; names are character spans, resolved against the
source registry later (``records``), because pronouns need the whole report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .doc_index import doc_ents, doc_text, span_text, with_pos
from .lexicon import load_json
from .phrases import CharSpan, np_bounds

__all__ = ["Attribution", "Attributor"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_PLACES = frozenset({"GPE", "LOC", "FAC", "NORP"})
_TAIL_POS = frozenset({"PROPN", "NOUN", "CCONJ", "PUNCT", "DET", "ADJ", "SPACE"})


@dataclass(frozen=True)
class Attribution:
    claimant: CharSpan | None  # None: the outlet's own voice
    origin: CharSpan | None  # whom the claimant cites
    hedged: bool
    rule: str


class Attributor:
    def __init__(self, nlp: Language, name: str, claims_key: str, words_file: str) -> None:
        self.name = name
        self.claims_key = claims_key
        raw = load_json(words_file)
        self.speech = frozenset(raw["speech_verbs"])
        self.cite = frozenset(raw["cite_verbs"])
        self.passive_speakers = frozenset(raw["passive_speakers"])
        self.toll_verbs = frozenset(raw["toll_verbs"])
        self.toll_nouns = frozenset(raw["toll_nouns"])
        self.labels = frozenset(raw["headline_labels"])
        self.according = tuple(raw["according"])
        self.pronouns = frozenset(raw["pronouns"])
        self.subordinators = frozenset(raw["subordinators"])
        self.documents = frozenset(raw["document_heads"])
        self.personal = frozenset(raw["personal_pronouns"])
        self.anaphors = frozenset(raw["anaphors"])
        self.anaphor_nouns = frozenset(raw["anaphor_nouns"])
        self.agent_verbs = frozenset(raw["agent_verbs"])
        self.person_roles = frozenset(raw["person_roles"])
        self.speaker_heads = frozenset((*raw["short_heads"], *raw["person_roles"], *raw["toll_owners"]))
        hedges = sorted(raw["hedges"], key=len, reverse=True)
        self.hedges = re.compile(r"\b(?:" + "|".join(re.escape(h) for h in hedges) + r")\b", re.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        if self.claims_key not in doc.spans:
            return doc
        sents = list(doc.sents)
        index = {sent.start: i for i, sent in enumerate(sents)}
        by_sentence: dict[int, list[Span]] = {}
        for span in sorted(doc.spans[self.claims_key], key=lambda s: s.start):
            by_sentence.setdefault(index[span.sent.start], []).append(span)
        # the latest claimant: (sentence, attribution, whether it spoke without a figure of its own)
        last: tuple[int, Attribution, bool] | None = None
        for here, sent in enumerate(sents):
            spans = by_sentence.get(here, [])
            for span in spans:
                att = self.attribute(span)
                if att.claimant is None and _quoted(span.sent):
                    att = self._quote_speaker(sents, here, att.hedged) or att
                near = last is not None and here - last[0] <= 1
                if att.claimant is None and last is not None and near and self._reported(span, last[2]):
                    att = Attribution(last[1].claimant, last[1].origin, att.hedged, "reported-carried")
                elif att.claimant is not None and last is not None and near and last[2] and self._stands_in(
                    doc, att, last[1]
                ):
                    att = Attribution(last[1].claimant, last[1].origin, att.hedged, "speaker-carried")
                if att.claimant is not None:  # a speaker carried on stands in for the sentence's next claim too
                    last = (here, att, att.rule == "speaker-carried")
                span._.cf_attribution = att
            if not any(s._.cf_attribution.claimant is not None for s in spans):
                speaker = self._speaker(sent)
                if speaker is not None:
                    last = (here, speaker, True)
            if here and not spans:
                self._said_so(sent, by_sentence.get(here - 1, []))
        return doc

    def _speaker(self, sent: Span) -> Attribution | None:
        """Who speaks for a sentence that gives no figure ('The army said in a statement that ...'), so that 'the
        statement said', 'it said' or 'X is said to have killed' in the next sentence is theirs."""
        according = self._according(sent, sent.root)
        if according is not None:
            return Attribution(according, None, False, "speaker")
        verbs = [t for t in with_pos(sent, ("VERB", "AUX")) if self._speaks(t)]
        for verb in sorted(verbs, key=lambda v: abs(v.i - sent.root.i)):
            if self._in_subordinate(verb) or not _main_clause(verb, self.subordinators):
                continue
            found = self._from_verb(verb)
            if found is not None and not self._is_pronoun(sent.doc, found[0]):
                return Attribution(found[0], found[1], False, "speaker")
        return None

    def _stands_in(self, doc: Doc, att: Attribution, speaker: Attribution) -> bool:
        """A claimant that stands in for the speaker of the sentence before: 'the statement', 'it', 'they'; the
        speaker's own head ('a camp coordinator said ... The coordinator said'); 'he' or 'she' for a person named
        by a role ('The district commissioner said ... He said')."""
        assert att.claimant is not None and speaker.claimant is not None
        words = doc_text(doc)[att.claimant[0] : att.claimant[1]].strip().lower().split()
        if len(words) == 2 and words[0] in ("the", "this", "that") and words[1] in self.documents:
            return True
        if len(words) == 2 and words[0] == "the" and _head_lemma(doc, att.claimant) == _head_lemma(
            doc, speaker.claimant
        ):
            return True  # "A security source told X that ... The source said"
        if len(words) != 1 or words[0] not in self.pronouns:
            return False
        return words[0] not in self.personal or self._role(doc, speaker.claimant)

    def _role(self, doc: Doc, claimant: CharSpan) -> bool:
        """A claimant that is a person named by a role only ('the district commissioner'); 'he' after a person's
        name is resolved with the report's names (``nlp.sources``)."""
        span = doc.char_span(claimant[0], claimant[1], alignment_mode="expand")
        if span is None or not len(span) or any(t.ent_type_ == "PERSON" for t in span):
            return False
        return _head_lemma(doc, claimant) in self.person_roles

    def _points_back(self, tok: Token) -> bool:
        """'so', 'that', 'this', or a definite noun of the toll told before ('the deaths', 'the toll')."""
        if tok.lower_ in self.anaphors:
            return True
        return tok.lemma_.lower() in self.anaphor_nouns and any(
            c.dep_ in ("det", "poss") for c in tok.children
        ) and not any(c.dep_ == "nummod" for c in tok.children)

    def _said_so(self, sent: Span, before: list[Span]) -> None:
        """'X said so on Monday', 'This was confirmed by X', 'X reported the deaths on Telegram': X speaks for the
        figures of the sentence before that the outlet gave in its own voice."""
        verb = sent.root
        if not self._speaks(verb) or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
            return
        if not any(c.dep_ in ("dobj", "nsubjpass", "advmod") and self._points_back(c) for c in verb.children):
            return
        found = self._from_verb(verb)
        if found is None or self._is_pronoun(sent.doc, found[0]):
            return
        for span in before:
            att = span._.cf_attribution
            if att.claimant is None and att.rule == "outlet":
                span._.cf_attribution = Attribution(found[0], found[1], att.hedged, "said-so")

    def _reported(self, span: Span, speaker_only: bool) -> bool:
        """'Three deaths were reported at Molen', 'the raid is said to have killed nine': a passive speech verb
        with no agent over the figure speaks for the last claimant; for a speaker whose sentence gave no figure
        (``speaker_only``), only the hedge 'X is said to have ...' does."""
        verb = next((t for t in (span.root, *span.root.ancestors) if t.pos_ == "VERB" and t.lemma_.lower() in
                     self.speech), None)
        if verb is None:
            return False
        deps = {c.dep_ for c in verb.children}
        return "auxpass" in deps and "agent" not in deps and (not speaker_only or "xcomp" in deps)

    def _quote_speaker(self, sents: list[Span], i: int, hedged: bool) -> Attribution | None:
        """A quotation running over several sentences: the speaker named in a nearby sentence of it.

        '"We did not expect it here," the mayor said. "It has cost us 40 lives.'
        """
        order = [i - 1, i + 1, i - 2, i + 2]
        for j in order:
            if not 0 <= j < len(sents) or not any(ch in sents[j].text for ch in _QUOTE_MARKS):
                continue
            for verb in sents[j]:
                if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in self.speech:
                    found = self._from_verb(verb)
                    if found is not None:
                        return Attribution(found[0], found[1], hedged, "quote-speaker")
        return None

    def attribute(self, span: Span) -> Attribution:
        sent = span.sent
        hedged = bool(self.hedges.search(span_text(sent)))
        root = span.root
        own = _lives_verb(root)
        verbs = [
            t for t in with_pos(sent, ("VERB", "AUX")) if self._speaks(t) and t not in own
        ]  # "which has claimed 660 lives": the figure's own verb is not a speech verb
        given = self._given_by(root)
        if given is not None:  # "far fewer than the 22 deaths recorded by the UN", "the ministry's toll rose to 35"
            return Attribution(given, None, hedged, "given-by")
        fallback: tuple[CharSpan, CharSpan | None] | None = None
        for verb in (a for a in root.ancestors if a in verbs):  # nearest governing speech verb first
            below = None if _quoted_at(root) else self._according_below(sent, root, verb)
            if below is not None:  # "According to X, 17 were killed; Y said nine" (not '"According to ...," Y said')
                return Attribution(below, None, hedged, "according-to")
            found = self._from_verb(verb)
            if found is None or self._overlaps(found[0], span):
                continue
            if not self._is_pronoun(sent.doc, found[0]):
                return Attribution(found[0], found[1], hedged, "governing-verb")
            fallback = fallback or found  # "The UN said that it had confirmed ...": keep climbing
        if fallback is not None:
            return Attribution(fallback[0], fallback[1], hedged, "governing-verb")
        according = self._according(sent, root)
        if according is not None:
            return Attribution(according, None, hedged, "according-to")
        for verb in sorted(verbs, key=lambda v: abs(v.i - root.i)):
            if self._in_subordinate(verb) or not _main_clause(verb, self.subordinators):
                continue
            found = self._from_verb(verb)
            if found is not None and self._overlaps(found[0], span):  # '..., 82 others injured, a group said'
                before = _np_before(verb)
                found = (before, None) if before is not None and not self._overlaps(before, span) else None
            if found is not None:
                return Attribution(found[0], found[1], hedged, "sentence-verb")
        tail = self._headline_tail(sent)
        if tail is not None:
            return Attribution(tail, None, hedged, "headline-tail")
        return Attribution(None, None, hedged, "outlet")

    def _given_by(self, root: Token) -> CharSpan | None:
        """Whose figure a noun phrase says it is: the 'by X' of a participle on it ('22 deaths recorded by the UN',
        'the toll given by the police rose to 14'), the owner of a toll ('the ministry's toll rose to 35',
        'figures from the ministry show that 30 were killed'); never an event or a place ('the strike's toll')."""
        for tok in (root, *root.ancestors):
            if tok.pos_ in ("VERB", "AUX"):
                if self._speaks(tok):
                    return None  # a speech verb above: its own subject speaks
                nouns = [c for c in tok.children if c.dep_ in _SUBJECTS and c.lemma_.lower() in self.toll_nouns]
            else:
                nouns = [tok]
            for noun in nouns:
                owner = self._owner_of(noun)
                if owner is not None:
                    return owner
        return None

    def _owner_of(self, noun: Token) -> CharSpan | None:
        toll = noun.lemma_.lower() in self.toll_nouns
        for child in noun.children:
            lemma = child.lemma_.lower()
            if child.dep_ == "acl" and (lemma in self.speech or lemma in self.agent_verbs):
                agent = _agent(child)
                if agent is not None:
                    return agent
            if not toll:
                continue
            if child.dep_ == "poss" and self._can_speak(child):
                return np_bounds(child)[0], child.idx + len(child.text)  # without its "'s"
            if child.dep_ == "prep" and child.lower_ in ("from", "by"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and self._can_speak(pobj):
                    return np_bounds(pobj)
        return None

    def _can_speak(self, tok: Token) -> bool:
        """An organisation or a person, or a noun that names one ('the ministry', 'the army'); no place, date or
        event."""
        if tok.ent_type_ in ("ORG", "PERSON"):
            return True
        return tok.ent_type_ not in _PLACES and (tok.lemma_.lower() in self.speaker_heads or tok.lower_ in
                                                 self.speaker_heads)

    def _speaks(self, verb: Token) -> bool:
        """A speech verb, or one that gives a toll ('X gave an early toll of 27', 'the toll was revised
        by X')."""
        lemma = verb.lemma_.lower()
        if lemma in self.speech:
            return True
        return lemma in self.toll_verbs and any(
            c.dep_ in ("dobj", "obj", "nsubjpass") and c.lemma_.lower() in self.toll_nouns for c in verb.children
        )

    def _overlaps(self, claimant: CharSpan, span: Span) -> bool:
        """A claimant that holds a casualty figure ('One death was reported', '82 others ... said') is none."""
        return any(claimant[0] < s.end_char and s.start_char < claimant[1] for s in span.doc.spans[self.claims_key])

    def _in_subordinate(self, verb: Token) -> bool:
        """'killed when, witnesses say, he refused to stop': the aside speaks of the subordinate clause only."""
        doc = verb.doc
        subj = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subj is None:
            return False
        i = subj.left_edge.i - 1  # ", police say," right after "after"
        if i < 1 or doc[i].text != "," or verb.i + 1 >= len(doc) or doc[verb.i + 1].text != ",":
            return False
        return doc[i - 1].lower_ in self.subordinators

    def _is_pronoun(self, doc: Doc, span: CharSpan) -> bool:
        text = doc_text(doc)[span[0] : span[1]].strip().lower()
        return text in self.pronouns or text.endswith((" whom", " which"))  # "all of whom said": climb on

    def _from_verb(self, verb: Token) -> tuple[CharSpan, CharSpan | None] | None:
        """Claimant (and origin) of a speech verb: its subject, climbing 'as saying' to 'cited'."""
        origin: CharSpan | None = None
        current: Token | None = verb
        seen = 0
        while current is not None and seen < 4:
            seen += 1
            lemma = current.lemma_.lower()
            if lemma in self.cite:
                obj = next((c for c in current.children if c.dep_ in ("dobj", "obj")), None)
                if obj is not None:
                    origin = np_bounds(obj)
            # the subject nearest the verb: "Air strikes killed 31, local officials said" parsed with two
            at = current.i
            subj = min((c for c in current.children if c.dep_ in _SUBJECTS), key=lambda c: abs(c.i - at), default=None)
            agent = _agent(current)
            if subj is not None and subj.dep_ == "nsubjpass" and lemma not in self.passive_speakers:
                # 'three deaths were reported by the army'; 'one death was reported', 'the fire is said to have
                # spread': no speaker
                return (agent, origin) if agent is not None else None
            if subj is not None and subj.lower_ not in ("that", "there"):
                return _with_name(subj), origin or self._citing(current)
            if agent is not None:
                return agent, origin  # "22 deaths reported by the UN"
            if current.dep_ in ("acl", "relcl") and current.head.pos_ in ("NOUN", "PROPN"):
                return np_bounds(current.head), origin  # "with X reporting that ..."
            before = _np_before(current)
            if before is not None:
                return before, origin  # "..., killing dozens, Russia and a war monitor said"
            if current.dep_ in ("advcl", "xcomp", "conj") and current.head.pos_ in ("VERB", "AUX"):
                current = current.head  # "The army denied this, saying ...": the subject of the verb it hangs on
                continue
            if current.dep_ == "pcomp" or (current.dep_ == "prep" and current.head.pos_ == "VERB"):
                current = current.head  # "cited a source as saying": saying -> as -> cited
                if current.pos_ == "ADP":
                    current = current.head
                continue
            return None
        return None

    def _citing(self, verb: Token) -> CharSpan | None:
        """'X, citing a military source, said': the object of a 'citing' clause on the verb or subject."""
        for tok in verb.subtree:
            if tok.lemma_.lower() in self.cite and tok is not verb:
                obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
                if obj is not None:
                    return np_bounds(obj)
        return None

    def _according(self, sent: Span, root: Token) -> CharSpan | None:
        best: tuple[int, CharSpan] | None = None
        for tok, pobj in self._accordings(sent):
            dist = abs(tok.i - root.i)
            if best is None or dist < best[0]:
                best = (dist, np_bounds(pobj))
        return best[1] if best else None

    def _according_below(self, sent: Span, root: Token, verb: Token) -> CharSpan | None:
        """An 'according to X' on the figure's own clause, below the speech verb that governs it."""
        path = {root.i}
        for tok in root.ancestors:
            if tok.i == verb.i:
                break
            path.add(tok.i)
        return next((np_bounds(pobj) for tok, pobj in self._accordings(sent) if tok.head.i in path), None)

    def _accordings(self, sent: Span) -> list[tuple[Token, Token]]:
        """Each 'according to X' of the sentence: ('according', X's head noun)."""
        head_word, prep_word = self.according
        out = []
        for tok in sent:
            if tok.lower_ != head_word:
                continue
            nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
            if nxt is None or nxt.lower_ != prep_word:
                continue
            pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                out.append((tok, pobj))
        return out

    def _headline_tail(self, sent: Span) -> CharSpan | None:
        """'Drone Strike Hits Convoy Near Lake Town: Army, Medics' -> 'Army, Medics';
        'Sheriff: office shooting kills 1' -> 'Sheriff' (not a place: 'Syria: 40 killed'; nor a label of the
        story: 'Exclusive: ...', 'Update: ...')."""
        colons = [t for t in sent if t.text == ":"]
        if not colons:
            return self._dash_tail(sent)
        lead = [t for t in sent[: colons[0].i - sent.start] if not t.is_space]
        dateline = all(t.text.isupper() and len(t.text) > 1 for t in lead)  # 'KANDA: Twelve people were killed'
        named = all(t.pos_ in ("PROPN", "NOUN") and t.ent_type_ not in _PLACES for t in lead)
        written = doc_text(sent.doc)[lead[0].idx : lead[-1].idx + len(lead[-1].text)] if lead else ""
        named = named and " ".join(written.lower().split()) not in self.labels
        if 0 < len(lead) <= 3 and not dateline and named:
            return (lead[0].idx, lead[-1].idx + len(lead[-1].text))
        return self._tail_after(sent, colons[-1])

    def _dash_tail(self, sent: Span) -> CharSpan | None:
        """'Gunmen kill 12 in raid on village - army' -> 'army': a short name after the last dash of a line with no
        full stop, as a headline is written ('killed with his son - a teenager.' is prose)."""
        words = [t for t in sent if not t.is_space]
        if not words or words[-1].is_punct:
            return None
        dash = next((t for t in reversed(sent) if t.text in _DASHES and t.whitespace_ and t.i > sent.start
                     and t.doc[t.i - 1].whitespace_), None)
        return self._tail_after(sent, dash) if dash is not None else None

    def _tail_after(self, sent: Span, mark: Token) -> CharSpan | None:
        """The short run of names after ``mark`` that ends the sentence ('Army, Medics'), if that is all it is."""
        tail = [t for t in sent[mark.i - sent.start + 1 :] if not t.is_space]
        while tail and tail[-1].is_punct:
            tail.pop()
        if not tail or len(tail) > 8 or any(t.pos_ not in _TAIL_POS for t in tail):
            return None
        if not any(t.pos_ in ("PROPN", "NOUN") for t in tail):
            return None
        return (tail[0].idx, tail[-1].idx + len(tail[-1].text))


def _main_clause(verb: Token, subordinators: frozenset[str]) -> bool:
    """A speech verb that speaks for the whole sentence ('..., the governor wrote'), not one inside a clause of
    its own ('over what it said were violations', 'when the army said it was attacking')."""
    tok = verb
    while tok.dep_ in ("conj", "parataxis") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ in ("pcomp", "relcl", "acl", "csubj") or (tok.dep_ == "ccomp" and tok.head.pos_ == "ADP"):
        return False
    return not any(c.dep_ in ("mark", "advmod") and c.lower_ in subordinators for c in tok.children)


def _lives_verb(root: Token) -> set[Token]:
    """The verb of 'has claimed 660 lives', 'claimed the lives of 12 people': the figure's own, no speech verb."""
    path: list[Token] = []
    for tok in root.ancestors:
        if tok.pos_ in ("VERB", "AUX"):
            return {tok} if any(t.lemma_.lower() == "life" for t in path) else set()
        path.append(tok)
    return set()


_QUOTE_MARKS = ('"', "\u201c", "\u201d")
_DASHES = ("-", "\u2013", "\u2014")


def _quoted(sent: Span) -> bool:
    """A sentence that opens with a quotation mark, or stands inside a quotation opened before it."""
    text = span_text(sent).lstrip()
    if text[:1] in ('"', "\u201c"):
        return True
    doc = sent.doc
    text = doc_text(doc)
    para = text.rfind("\n", 0, sent.start_char) + 1
    return _left_open(text[para : sent.start_char])


def _left_open(before: str) -> bool:
    """Whether a quotation opened in ``before`` is still open at its end."""
    return (before.count('"') + before.count("\u201c") - before.count("\u201d")) % 2 == 1


def _head_lemma(doc: Doc, claimant: CharSpan) -> str | None:
    span = doc.char_span(claimant[0], claimant[1], alignment_mode="expand")
    return span.root.lemma_.lower() if span is not None and len(span) else None


def _with_name(subj: Token) -> CharSpan:
    """A role's noun phrase with the name set beside it: "The ministry's spokesman, Col. Ahmad Rami"."""
    start, end = np_bounds(subj)
    if subj.pos_ == "NOUN":
        name = next((c for c in subj.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if name is not None:
            end = max(end, np_bounds(name)[1])
    return start, end


def _agent(verb: Token) -> CharSpan | None:
    """The 'by X' of a passive verb."""
    agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children), None)
    return np_bounds(agent) if agent is not None and agent.dep_ == "pobj" else None


def _quoted_at(tok: Token) -> bool:
    """Whether ``tok`` stands inside a quotation opened earlier in its sentence."""
    return _left_open(doc_text(tok.doc)[tok.sent.start_char : tok.idx])


_NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP"})


def _chunk_ending_at(tok: Token) -> tuple[int, int] | None:
    """Token range of the named entity or noun chunk that ends with ``tok``."""
    if tok.ent_type_ in _NAME_LABELS:
        ent = next((e for e in doc_ents(tok.doc) if e.start <= tok.i < e.end), None)
        if ent is not None and ent.end == tok.i + 1:
            return ent.start, ent.end
    for chunk in tok.sent.noun_chunks:
        if chunk.end == tok.i + 1:
            return chunk.start, chunk.end
    return None


def _np_before(verb: Token) -> CharSpan | None:
    """A subject-less speech verb right after a name: the name (and its 'X and Y' partners)."""
    doc = verb.doc
    if verb.i == 0 or verb.i == verb.sent.start:
        return None
    found = _chunk_ending_at(doc[verb.i - 1])
    if found is None:
        return None
    start, end = found
    while start >= 2 and doc[start - 1].lower_ in ("and", "or") and start - 1 > verb.sent.start:
        prev = _chunk_ending_at(doc[start - 2])
        if prev is None:
            break
        start = prev[0]
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
