"""The ``ceasefire_events`` component: event triggers, their ACLED types, status and actors.

Trigger phrases come from ``data/nlp_events.tsv`` (matched on lower-cased
text) with their ACLED event and sub-event type and a priority. Each trigger
span in ``doc.spans[spans_key]`` carries an :class:`EventInfo` in
``span._.cf_event``:

* the perpetrator / target the parse gives: subject / object of a trigger
  verb (the subject of the governing verb for "managed to shoot down"); "by X"
  / "on X" / "against X" for a trigger noun, else an actor named in its
  modifiers ("US-led airstrikes", "Israeli bombing"); an agentive trigger such
  as "jets" is itself the perpetrator;
* the type, refined by the context (:func:`~.event_context.retype`: "Syrian
  forces bombed" is an air strike, a clash with protesters a riot);
* a trigger verb whose sentence names no place or date (``verbal``: "some were
  kidnapped", "they also torched two shops") tells a part of the event of its
  event type the report told before, if any;
* a trigger ``dated`` in the file ("attacks", "raid", "killing") is one only
  as a noun that a time modifies ("Tuesday's attacks", "the March 3 raid":
  :func:`~.where_when.noun_times`, the times that date it first), or one that
  "a"/"an" and an actor in its modifiers make a single new event ("an
  Ruritanian attack on B", "a rebel raid"; not the plural "Ruritanian
  attacks", which may be a campaign); unless a time dates it and its context
  retypes it, it is ``ambiguous``: the report's nearest typed event gives its
  kind;
* the status (:func:`~.event_context.trigger_status`): only ``asserted``
  triggers are concrete events; the others ("would strike", "the bombing
  campaign", "has been flying air strikes since 2014") stay in the spans
  for inspection and start no mention.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..errors import ConfigError
from .actors import ActorRegistry, default_actors
from .attack_verbs import AttackVerbWords, attack_verb_words, attack_verbs
from .background import BackgroundWords, background_words, time_cues
from .doc_index import doc_text, sentence_ents
from .event_context import (
    ASSERTED,
    ContextWords,
    context_words,
    definite,
    is_ambiguous,
    is_recalled,
    refers_back,
    retype,
    seized_goods,
    trigger_status,
)
from .lexicon import load_json, load_tsv
from .phrases import CharSpan, np_bounds
from .strikes import StrikeWords, Weapon, impacts, is_noun, labour_strike, strike_words, told_before, weapon_named
from .where_when import PlaceWords, noun_head, noun_times, place_words

__all__ = ["EventInfo", "EventTriggers", "ASSERTED"]

_PRONOUNS = frozenset({"it", "that", "there", "this", "which", "what"})
_MODIFIER_DEPS = ("compound", "amod", "nmod", "poss", "npadvmod")
_NEW_INFO = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})
_DATED = ("no", "yes")


@dataclass(frozen=True)
class EventInfo:
    event_type: str
    sub_event_type: str
    priority: int
    perpetrator: CharSpan | None
    target: CharSpan | None
    status: str = ASSERTED
    minor: bool = False  # arrests, protests: no mention of their own in a report that also reports violence
    anaphoric: bool = False  # "the air strike" in a sentence naming no place or date: an earlier event again
    ambiguous: bool = False  # a "bombing" the sentence does not type: the report's nearest explosive event says
    perpetrator_name: str | None = None  # the perpetrator to read when not as written: "Israeli forces"
    recalled: bool = False  # "an earlier airstrike", "since the 2007 shooting": older; no home for later claims
    reference: bool = False  # "hours after the shooting": an event told before, only a point in time here
    arson: bool = False  # "set fire to": a fire; the report's incendiary bomb, if it tells one, says what kind
    incendiary: bool = False  # "petrol bomb", "Molotov cocktail": how a fire is set
    cues: tuple[str, ...] = ()  # what its words say of its time (``nlp.background``): "conflict", "recalled", ...
    bare: bool = False  # the bare noun "strike": names no weapon; a headline's, with no toll, leaves it to the body
    verbal: bool = False  # a verb in a sentence naming no place or date: the report's event of its type told before

    @property
    def asserted(self) -> bool:
        return self.status == ASSERTED


@dataclass(frozen=True)
class _Trigger:
    event_type: str
    sub_event_type: str
    priority: int
    agentive: bool
    minor: bool = False
    dated: str = "no"  # "yes": an event only as a noun a time modifies


class EventTriggers:
    def __init__(
        self,
        nlp: Language,
        name: str,
        spans_key: str,
        triggers_file: str,
        context_file: str = "nlp_event_context.json",
        actors: ActorRegistry | None = None,
        background_file: str = "nlp_background.json",
        strikes_file: str = "nlp_strikes.json",
        attack_verbs_file: str = "nlp_attack_verbs.json",
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.vocab = nlp.vocab
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.triggers: dict[str, _Trigger] = {}
        try:
            for row in load_tsv(triggers_file):
                phrase = row["phrase"].lower()
                if (row.get("dated") or "no") not in _DATED:
                    raise ValueError(f"{phrase!r}: dated must be one of {', '.join(_DATED)}")
                self.triggers[phrase] = _Trigger(
                    row["event_type"],
                    row["sub_event_type"],
                    int(row["priority"]),
                    row["agentive"] == "yes",
                    row.get("minor") == "yes",
                    row.get("dated") or "no",
                )
                self.matcher.add(phrase, [nlp.make_doc(phrase)])
            self.words: ContextWords = context_words(load_json(context_file))
            self.background: BackgroundWords = background_words(load_json(background_file))
            self.strikes: StrikeWords = strike_words(load_json(strikes_file))
            self.places: PlaceWords = place_words()
            self.attack_verbs: AttackVerbWords = attack_verb_words(load_json(attack_verbs_file))
        except (KeyError, ValueError, TypeError) as exc:
            raise ConfigError(
                f"bad event word file {triggers_file!r} / {context_file!r} / {background_file!r}"
                f" / {strikes_file!r} / {attack_verbs_file!r}: {exc}"
            ) from exc
        for weapon in set(self.strikes.weapons.values()):  # the impact verbs' triggers, one per kind of weapon
            label = _impact_label(weapon)
            self.triggers[label] = _Trigger(weapon.event_type, weapon.sub_event_type, weapon.priority, False)
        for verb in self.attack_verbs.verbs.values():  # the attack verbs' triggers, one per kind they tell
            for kind in (verb.event_type, verb.sub_event_type), verb.state:
                if kind is not None:
                    self.triggers[_verb_label(kind, verb.priority)] = _Trigger(*kind, verb.priority, False)
        self.actors = actors or default_actors()

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label=self.vocab.strings[m]) for m, s, e in self.matcher(doc)]
        spans = [s for s in spans if s.label_ not in self.strikes.bare_nouns or is_noun(s.root)]  # "to strike": a verb
        taken = frozenset(i for s in spans for i in range(s.start, s.end))
        struck = impacts(doc, self.strikes, taken)
        spans += [Span(doc, i, i + 1, label=_impact_label(w)) for i, w in struck]
        taken = taken | {i for i, _ in struck}  # "a drone struck": the drone's verb already
        told = attack_verbs(doc, self.attack_verbs, taken, self._token_actor_type)
        spans += [Span(doc, i, i + 1, label=_verb_label(kind, priority)) for i, kind, priority in told]
        kept: list[Span] = []
        found = filter_spans(spans)  # longest match wins: "suicide car bomb" over "car bomb"
        found = [s for s in found if self._dated(s, self.triggers[s.label_])]
        starts = frozenset(s.start for s in found)
        for span in found:
            span._.cf_event = self.info(span, self.triggers[span.label_], starts)
            kept.append(span)
        doc.spans[self.spans_key] = kept
        return doc

    def info(self, span: Span, trig: _Trigger, triggers: frozenset[int] = frozenset()) -> EventInfo:
        """What ``span`` tells; ``triggers``: the first tokens of the Doc's triggers (a clause that holds one tells
        an event of its own)."""
        perp, target = self._actors(span, trig)
        perp_name = _forces_name(perp) if perp is not None else None
        refined = retype(span, trig.sub_event_type, perp, target, self.actors.is_state, self._actor_type, self.words)
        refined = None if trig.dated != "no" and not self._timed(span) else refined  # "an Ruritanian attack": untyped
        bare = span.label_ in self.strikes.bare_nouns
        weapon = weapon_named(span.root, self.strikes) if bare else None
        types = refined or (trig.event_type, trig.sub_event_type)
        types = (weapon.event_type, weapon.sub_event_type) if weapon is not None else types
        recalled = is_recalled(span, self.words)
        verbal = _verbal(span)
        if bare and labour_strike(span.root, self.strikes):
            status = "nonevent"  # "a general strike", "went on strike", "strike force"
        elif _territorial(types[1]) and seized_goods(target, self.words):
            status = "nonevent"
        else:
            status = trigger_status(span, trig.agentive, self.words)
        return EventInfo(
            types[0],
            types[1],
            trig.priority,
            np_bounds(perp) if perp is not None else None,
            np_bounds(target) if target is not None else None,
            status,
            minor=trig.minor,
            anaphoric=_anaphoric(span) or refers_back(span, self.words, triggers) or (bare and told_before(span.root))
            or verbal,
            ambiguous=(refined is None and (trig.dated != "no" or is_ambiguous(span, self.words, perp)))
            or (bare and weapon is None),
            perpetrator_name=perp_name,
            recalled=recalled,
            reference=refers_back(span, self.words, triggers),
            arson=span.text.lower() in self.words.arson_words,
            incendiary=span.text.lower() in self.words.incendiary_words,
            cues=time_cues(span, self.background, recalled),
            bare=bare,
            verbal=verbal,
        )

    def _dated(self, span: Span, trig: _Trigger) -> bool:
        """A trigger that needs no time, or a noun a time or an actor modifies ("Tuesday's attacks", "the March 3
        raid", "Ruritanian attacks", "a rebel attack", "the army's raid")."""
        if trig.dated == "no":
            return True
        head = span.root
        if head.pos_ not in ("NOUN", "PROPN"):
            return False
        if self._timed(span):
            return True
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
            return False  # "an Ruritanian attack on B": one new event
        return self._modifier_actor(head) is not None

    def _timed(self, span: Span) -> bool:
        return bool(noun_times(span.sent, {noun_head(span.root).i}, self.places))

    def _actor_type(self, text: str) -> str | None:
        actor = self.actors.resolve(text)
        return actor.type if actor is not None else None

    def _token_actor_type(self, tok: Token) -> str | None:
        """The actor type of the noun phrase ``tok`` heads ("Israeli troops": their forces)."""
        return self._actor_type(_forces_name(tok) or doc_text(tok.doc)[slice(*np_bounds(tok))])

    def _actors(self, span: Span, trig: _Trigger) -> tuple[Token | None, Token | None]:
        head = span.root
        if trig.agentive:
            if head.dep_ == "nsubj":  # "jets bombed the base"
                return head, self._aimed(head.head, _child(head.head, ("dobj", "obj")))
            if head.dep_ == "pobj" and head.head.lower_ == "by":  # "... hit by jets"
                return head, None
            if head.dep_ in ("dobj", "obj", "nsubjpass"):  # "shot down a warplane": the jets are the target
                return _subject(head.head), head
            return None, None
        if head.pos_ in ("VERB", "AUX"):
            subj = _subject(head)
            obj = self._aimed(head, _child(head, ("dobj", "obj", "nsubjpass")))
            agent = _prep_object(head, ("by",), dep="agent")
            perp = subj if subj is not None and subj.lower_ not in _PRONOUNS else agent
            return perp, obj
        perp = _prep_object(head, ("by",)) or self._modifier_actor(head)
        target = _prep_object(head, ("on", "against", "at", "targeting"))
        noun = head
        while noun.dep_ == "compound" and noun.head is not noun:  # "mortar rounds": the rounds were fired
            noun = noun.head
        verb = noun.head
        if perp is None and noun.dep_ in ("dobj", "obj") and verb.lower_ in self.words.launch_verbs:
            subj = _subject(verb)  # "Hezbollah fired two mortar rounds at a position"
            if subj is not None and subj.lower_ not in _PRONOUNS:
                perp = subj
            target = target or _prep_object(verb, ("at", "on", "toward", "towards", "into"))
        return perp, target

    def _aimed(self, verb: Token, obj: Token | None) -> Token | None:
        """The target of a verb whose object is ``obj``: "opened fire on a patrol": the patrol."""
        if obj is not None and obj.lower_ in self.words.aim_words:
            return _prep_object(verb, ("on", "at"))
        return obj

    def _modifier_actor(self, head: Token) -> Token | None:
        """'US-led airstrikes', 'Israeli bombing', 'coalition air strikes': an actor in the trigger's modifiers."""
        for child in head.children:
            if child.dep_ not in _MODIFIER_DEPS or child.i >= head.i:
                continue
            actor = self.actors.resolve(_forces_name(child) or doc_text(child.doc)[slice(*np_bounds(child))])
            if actor is not None and (actor.type != "unknown" or child.ent_type_ in ("NORP", "GPE", "ORG")):
                return child
        return None


def _impact_label(weapon: Weapon) -> str:
    return "impact: " + weapon.sub_event_type


def _verb_label(kind: tuple[str, str], priority: int) -> str:
    return f"attack verb: {kind[1]} ({priority})"


def _territorial(sub_event_type: str) -> bool:
    return sub_event_type in ("Government regains territory", "Non-state actor overtakes territory")


def _forces_name(tok: Token) -> str | None:
    """A bare nationality modifying an attack ("Israeli bombing") stands for that state's forces."""
    if tok.dep_ in _MODIFIER_DEPS and tok.ent_type_ in ("NORP", "GPE") and len(list(tok.subtree)) <= 2:
        return doc_text(tok.doc)[slice(*np_bounds(tok))] + " forces"
    return None


def _anaphoric(span: Span) -> bool:
    head = span.root
    if head.pos_ in ("VERB", "AUX"):
        return False
    if not definite(head):
        return False
    return not any(e.label_ in _NEW_INFO and not _duration(e) for e in sentence_ents(span.sent))


def _duration(ent: Span) -> bool:
    """A time that measures how long ("for about an hour", "for hours"): no new time of an event."""
    return ent.label_ in ("DATE", "TIME") and ent.root.dep_ == "pobj" and ent.root.head.lower_ == "for"


def _verbal(span: Span) -> bool:
    """'Some young people were kidnapped', 'gunmen also torched two shops': a trigger verb whose sentence names no
    place or date tells a part of the event the report told before, if it told one of its event type."""
    if span.root.pos_ not in ("VERB", "AUX"):
        return False
    return not any(e.label_ in _NEW_INFO and e.root.dep_ != "poss" for e in sentence_ents(span.sent))  # not
    # "Ruritania's defence ministry said its forces had struck a post": the owner of a speaker is no place told


def _subject(verb: Token) -> Token | None:
    subj = _child(verb, ("nsubj",))
    if subj is None and verb.dep_ == "xcomp":  # "ISIS managed to shoot down ..."
        subj = _child(verb.head, ("nsubj",))
    return subj


def _child(tok: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _prep_object(tok: Token, preps: tuple[str, ...], dep: str = "prep") -> Token | None:
    for child in tok.children:
        if child.dep_ in (dep, "prep") and child.lower_ in preps:
            pobj = _child(child, ("pobj",))
            if pobj is not None:
                return pobj
    return None
