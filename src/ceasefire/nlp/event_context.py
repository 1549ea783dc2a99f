"""What the parse says about an event trigger: is it an event at all, and of which kind.

Functions over a parsed trigger span and the word lists of
``data/nlp_event_context.json`` (read once by the ``ceasefire_events`` factory):

* :func:`trigger_status` -- ``asserted`` (a concrete event), or why not:
  ``negated`` ("did not strike"), ``hypothetical`` ("would strike", "plans to
  bomb", "if the bombing was a mistake"), ``habitual`` ("has been conducting
  air strikes since 2014", not "the first strike since 2014": ``nlp.comparison``),
  ``attribute`` ("the bombed army base": the event is its antecedent),
  ``nonevent`` ("bombing campaign", "riot police", a warplane that was shot
  down is no attacker).
* :func:`is_recalled` -- "an earlier airstrike", "the deadliest since the 2007
  shooting": an older event the report recalls.
* :func:`retype` -- the ACLED sub-event type the context gives: "jets / Syrian
  forces bombed" is an air strike, a bomb that "exploded" stays an IED,
  "shot down a plane" is an armed clash, so is a gunman's attack on police or
  soldiers, or one whose toll verb names them when its target does not ("attacked a checkpoint, killing six
  police officers"; ACLED: violence against civilians is violence against the unarmed), a clash with protesters a riot,
  territory taken by state forces is regained.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Collection

from spacy.tokens import Span, Token

from .comparison import compares
from .doc_index import doc_text, sentence_ents
from .lexicon import word_set
from .phrases import np_bounds

__all__ = [
    "ASSERTED",
    "definite",
    "ContextWords",
    "context_words",
    "refers_back",
    "seized_goods",
    "trigger_status",
    "retype",
    "governing_verb",
    "is_ambiguous",
    "is_recalled",
]

ASSERTED = "asserted"
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_VERBAL = ("VERB", "AUX")


@dataclass(frozen=True)
class ContextWords:
    modals: frozenset[str]
    epistemic_modals: frozenset[str]
    irrealis_governors: frozenset[str]
    conditional_marks: frozenset[str]
    negations: frozenset[str]
    habitual_preps: frozenset[str]
    habitual_adverbs: frozenset[str]
    nonevent_heads: frozenset[str]
    aerial_words: frozenset[str]
    bomb_words: frozenset[str]
    arson_words: frozenset[str]
    incendiary_words: frozenset[str]
    device_verbs: frozenset[str]
    aircraft_words: frozenset[str]
    crowd_types: frozenset[str]
    air_verbs: frozenset[str]
    duration_heads: frozenset[str]
    background_governors: frozenset[str]
    armed_types: frozenset[str]
    recalled_modifiers: frozenset[str]
    recalled_preps: frozenset[str]
    munition_words: frozenset[str]
    possessions: frozenset[str]
    captives: frozenset[str]
    possession_verbs: frozenset[str]
    reference_preps: frozenset[str]
    sequence_verbs: frozenset[str]
    timing_verbs: frozenset[str]
    timing_marks: frozenset[str]
    answer_heads: frozenset[str]
    launch_verbs: frozenset[str]
    toll_verbs: frozenset[str]
    aim_words: frozenset[str]
    retype: dict[str, tuple[str, str]]


def context_words(raw: dict[str, Any]) -> ContextWords:
    """The word lists from the parsed JSON file (raises ``KeyError`` when one is missing)."""

    def words(key: str) -> frozenset[str]:
        return word_set(raw, key)

    return ContextWords(
        modals=words("modals"),
        epistemic_modals=words("epistemic_modals"),
        irrealis_governors=words("irrealis_governors"),
        conditional_marks=words("conditional_marks"),
        negations=words("negations"),
        habitual_preps=words("habitual_preps"),
        habitual_adverbs=words("habitual_adverbs"),
        nonevent_heads=words("nonevent_heads"),
        aerial_words=words("aerial_words"),
        bomb_words=words("bomb_words"),
        arson_words=words("arson_words"),
        incendiary_words=words("incendiary_words"),
        device_verbs=words("device_verbs"),
        aircraft_words=words("aircraft_words"),
        crowd_types=words("crowd_types"),
        air_verbs=words("air_verbs"),
        duration_heads=words("duration_heads"),
        background_governors=words("background_governors"),
        armed_types=words("armed_types"),
        recalled_modifiers=words("recalled_modifiers"),
        recalled_preps=words("recalled_preps"),
        munition_words=words("munition_words"),
        possessions=words("possessions"),
        captives=words("captives"),
        possession_verbs=words("possession_verbs"),
        reference_preps=words("reference_preps"),
        sequence_verbs=words("sequence_verbs"),
        timing_verbs=words("timing_verbs"),
        timing_marks=words("timing_marks"),
        answer_heads=words("answer_heads"),
        launch_verbs=words("launch_verbs"),
        toll_verbs=words("toll_verbs"),
        aim_words=words("aim_words"),
        retype={k: (v[0], v[1]) for k, v in raw["retype"].items()},
    )


def governing_verb(tok: Token) -> Token | None:
    """The trigger itself when it is a verb, else the nearest verb above it."""
    cur = tok
    for _ in range(12):
        if cur.pos_ in _VERBAL:
            return cur
        if cur.head is cur:
            return None
        cur = cur.head
    return None


def _has_child(tok: Token, deps: tuple[str, ...], words: frozenset[str]) -> bool:
    return any(c.dep_ in deps and c.lower_ in words for c in tok.children)


def _modal_hypothetical(verb: Token, w: ContextWords) -> bool:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    for i, aux in enumerate(auxes):
        if aux.lower_ in w.modals:
            perfect = i + 1 < len(auxes) and auxes[i + 1].lemma_ == "have"
            return not (perfect and aux.lower_ in w.epistemic_modals)
        if aux.lower_ == "going" and any(c.lower_ == "to" for c in verb.children):
            return True
    return False


def _irrealis(verb: Token, head: Token, w: ContextWords) -> bool:
    """'plans to bomb', 'threatened air strikes', 'if the bombing was a mistake'."""
    if verb.dep_ in ("xcomp", "ccomp", "advcl") and verb.head.lemma_.lower() in w.irrealis_governors:
        return True
    if head.dep_ in ("dobj", "obj", "pobj") and head.head.lemma_.lower() in w.irrealis_governors:
        return True
    if head.dep_ == "pobj" and head.head.head.lemma_.lower() in w.irrealis_governors:  # "called for air strikes"
        return True
    cur: Token | None = verb
    for _ in range(4):  # a conditional clause holding the trigger, or one above it
        if cur is None:
            break
        if _has_child(cur, ("mark", "advmod"), w.conditional_marks):
            return True
        if cur.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "relcl") or cur.head is cur:
            break
        cur = cur.head
    return _modal_hypothetical(verb, w)


def _habitual(verb: Token, w: ContextWords) -> bool:
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if verb.tag_ == "VBG" and "been" in auxes:  # "has been flying air strikes"
        return True
    present = verb.tag_ in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children
    )
    if present and _has_child(verb, ("advmod",), w.habitual_adverbs):
        return True  # "ambushes on this road are usually staged at night": what happens, not what happened
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in w.habitual_preps and not compares(prep):
            if any(t.ent_type_ == "DATE" or t.like_num for t in prep.subtree):
                return True  # "since 2014"; not "its heaviest bombing of the valley since 2014" (a comparison)
    return False


def _nonevent(span: Span, head: Token, agentive: bool, w: ContextWords) -> bool:
    if span.text.lower() in w.munition_words and _held(head, w):
        return True  # "police seized a rifle and a box of shells"
    if head.dep_ in ("compound", "amod", "nmod") and head.head.lower_ in w.nonevent_heads:
        return True  # "bombing campaign", "riot police"
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in w.nonevent_heads:
        return True  # "a campaign of air strikes"
    if (
        agentive
        and head.dep_ in ("dobj", "obj", "nsubjpass", "pobj", "conj")
        and not (head.dep_ == "pobj" and head.head.lower_ == "by")
    ):
        return True  # "shot down a warplane": the plane is no attacker
    return False


def _held(head: Token, w: ContextWords) -> bool:
    """A munition that is the object (or passive subject) of a verb of having or finding."""
    cur = head
    while cur.dep_ == "conj" and cur.head is not cur:  # "a rifle and a box of shells"
        cur = cur.head
    return cur.dep_ in ("dobj", "obj", "nsubjpass") and cur.head.lemma_.lower() in w.possession_verbs


def refers_back(span: Span, w: ContextWords, triggers: Collection[int] = ()) -> bool:
    """'hours after the shooting', 'during the attack': a definite trigger noun that only places something else in
    time against an event told before."""
    head = span.root
    if head.pos_ in ("VERB", "AUX"):
        return False
    while head.dep_ == "compound" and head.head is not head and head.head.pos_ == "NOUN":
        head = head.head  # "the bombing incident"
    before = head.dep_ == "pobj" and head.head.lower_ in w.reference_preps
    follows = head.dep_ == "nsubj" and head.head.lemma_.lower() in w.sequence_verbs  # "the raid follows three attacks"
    answered = head.dep_ == "pobj" and head.head.lower_ == "for" and head.head.head.lemma_.lower() in w.answer_heads
    return (before or follows or answered or _timed(head, w, triggers)) and definite(head)


def _timed(head: Token, w: ContextWords, triggers: Collection[int]) -> bool:
    """'the shelling came days after talks stalled ...', 'the attack came amid talks in B': the subject of a
    timing verb whose clause or phrase places it against something else -- something that is no event of the
    report's: a clause holding a trigger of its own ('came weeks after a sniper wounded five') tells that event."""
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_.lower() not in w.timing_verbs:
        return False
    for c in verb.children:
        timing = (c.dep_ == "prep" and c.lower_ in w.timing_marks) or (
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in w.timing_marks for m in c.children)
        )
        if timing and not any(t.i in triggers for t in c.subtree):
            return True
    return False


def definite(head: Token) -> bool:
    """'the strike', 'its attack', 'Friday's raid': a noun the reader is expected to know already."""
    return any(
        c.dep_ in ("det", "poss") and (c.lower_ in DEFINITE or (c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME")))
        for c in head.children
    )


def seized_goods(target: Token | None, w: ContextWords) -> bool:
    """'police seized a rifle and a box of shells', '200 kilograms of cocaine': a 'seizure' of things, no territory
    taken; nor is 'troops captured two fighters' or 'seized a second one as he fled': people taken prisoner."""
    if target is None:
        return False
    of = [g for c in target.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    counted = target.like_num or target.pos_ == "PRON" or target.lower_ in w.captives
    if of and (counted or of[0].lower_ in w.possessions):
        target = of[0]  # "one of the villages", "two of the gunmen", "200 kilograms of cocaine": what they are of
    return target.lower_ in w.possessions or target.lower_ in w.captives or target.ent_type_ == "PERSON"


def trigger_status(span: Span, agentive: bool, w: ContextWords) -> str:
    """``asserted`` or the reason the trigger is no concrete event (see the module docstring)."""
    head = span.root
    if _nonevent(span, head, agentive, w):
        return "nonevent"
    if head.tag_ == "VBN" and head.dep_ in ("amod", "compound"):
        return "attribute"  # "the bombed army base"
    if any(c.dep_ in ("det", "neg") and c.lower_ in w.negations for c in head.children):
        return "negated"  # "no air strikes"
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in w.duration_heads:
        return "habitual"  # "13 days of bombardment"
    verb = governing_verb(head)
    if verb is None:
        return ASSERTED
    if _has_child(verb, ("neg",), w.negations):
        return "negated"
    if _irrealis(verb, head, w):
        return "hypothetical"
    if head.dep_ in ("dobj", "obj", "pobj", "pcomp", "xcomp") and _governors(verb, head) & w.background_governors:
        return "habitual"  # "had fled fighting in the region", "had taken shelter from fighting"
    if _habitual(verb, w):
        return "habitual"
    return ASSERTED


def _governors(verb: Token, head: Token) -> set[str]:
    """Lemmas a trigger hangs on: its verb; for 'from fighting' the word the preposition hangs on and its object."""
    out = {verb.lemma_.lower()}
    if head.dep_ in ("pobj", "pcomp") and head.head.dep_ == "prep":
        gov = head.head.head
        out.add(gov.lemma_.lower())
        out.update(c.lemma_.lower() for c in gov.children if c.dep_ in ("dobj", "obj"))  # "taken shelter from"
    return out


def is_ambiguous(span: Span, w: ContextWords, perpetrator: Token | None = None) -> bool:
    """A bomb trigger whose sentence does not say what kind of bomb: no device verb ('exploded', 'planted');
    a fire set by no one named ('two buildings were set on fire')."""
    head = span.root
    if span.text.lower() in w.arson_words:
        return perpetrator is None
    if span.text.lower() not in w.bomb_words:
        return False
    verb = governing_verb(head)
    return not (verb is not None and verb is not head and verb.lemma_.lower() in w.device_verbs)


def is_recalled(span: Span, w: ContextWords) -> bool:
    """'an earlier airstrike', 'a similar attack', 'the deadliest since the 2007 shooting', 'strikes on farms in
    former wars', a sentence dated by a bare year ('in the 2006 war'): another, older event."""
    head = span.root
    if any(c.dep_ in ("amod", "advmod", "det") and c.lower_ in w.recalled_modifiers for c in head.children):
        return True
    if head.dep_ == "pobj" and head.head.lower_ in w.recalled_preps:
        return True
    if any(_recalled_time(c, w) for c in head.children if c.dep_ == "prep"):
        return True  # "strikes on farms in former wars"
    dates = [e for e in sentence_ents(span.sent) if e.label_ == "DATE"]  # "in the 2006 war": dated by a bare year only
    return bool(dates) and all(_bare_year(e) for e in dates)


def _recalled_time(prep: Token, w: ContextWords) -> bool:
    """A phrase of the trigger whose object (or its own phrase's) is modified by a recalled word: 'in former
    wars', 'on farms in earlier years'."""
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        if any(c.dep_ == "amod" and c.lower_ in w.recalled_modifiers for c in pobj.children):
            return True
        if any(_recalled_time(c, w) for c in pobj.children if c.dep_ == "prep"):
            return True
    return False


def _bare_year(ent: Span) -> bool:
    nums = [t for t in ent if t.like_num]
    return len(nums) == 1 and len(nums[0].text) == 4 and all(t.like_num or t.is_stop for t in ent)


def _modifier_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.subtree if c.i != tok.i}


def retype(
    span: Span,
    sub_event_type: str,
    perpetrator: Token | None,
    target: Token | None,
    is_state: Callable[[str], bool],
    actor_type: Callable[[str], str | None],
    w: ContextWords,
) -> tuple[str, str] | None:
    """The (event type, sub-event type) the context gives, or ``None`` to keep the trigger's own."""
    head = span.root
    low = span.text.lower()
    if low in w.bomb_words:  # "roadside bomb", "car bomb" say their kind
        verb = governing_verb(head)
        if verb is not None and verb is not head and verb.lemma_.lower() in w.air_verbs:
            return w.retype["air"]  # "dropped bombs", "bombs fell"
        perp_words = _modifier_words(perpetrator) | {perpetrator.lower_} if perpetrator is not None else set()
        mods = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod")}
        if perp_words & w.aerial_words or mods & w.aerial_words:
            return w.retype["air"]
        if perpetrator is not None and is_state(_np_text(perpetrator)):
            return w.retype["air"]
        return None
    if sub_event_type == "Attack" and target is not None and target.lower_ in w.aircraft_words:
        return w.retype["shootdown"]  # "shot the plane", "downed a drone"
    if sub_event_type == "Attack" and perpetrator is not None and actor_type(_np_text(perpetrator)) in w.crowd_types:
        return w.retype["riot"]  # "a mob set fire to a shop"
    if sub_event_type == "Attack" and target is not None and actor_type(_np_text(target)) in w.armed_types:
        return w.retype["armed_target"]  # ACLED: an attack on police or soldiers is a battle, not one on civilians
    if sub_event_type == "Attack" and (target is None or actor_type(_np_text(target)) in (None, "unknown")):
        if any(actor_type(_np_text(v)) in w.armed_types for v in _victims(head, w)):
            return w.retype["armed_target"]  # "attacked a checkpoint, killing six police officers"
    if sub_event_type == "Armed clash":
        for side in _clash_sides(head, perpetrator, target):
            if actor_type(_np_text(side)) in w.crowd_types:
                return w.retype["riot"]
    if sub_event_type == "Non-state actor overtakes territory" and perpetrator is not None:
        if perpetrator.lower_ not in _RELATIVE and is_state(_np_text(perpetrator)):  # "who" is a weak antecedent
            return w.retype["regain"]
    if sub_event_type == "Government regains territory" and perpetrator is not None:
        kind = actor_type(_np_text(perpetrator))
        if kind is not None and kind not in ("state", "external", "unknown"):
            return w.retype["overtake"]
    return None


def _victims(head: Token, w: ContextWords) -> list[Token]:
    """Whom the event's toll verb names: "attacked a checkpoint, killing six police officers", "an attack on a
    checkpoint killed six police officers"."""
    if head.pos_ in _VERBAL:
        verbs = [c for c in head.children if c.dep_ in ("advcl", "conj", "xcomp")]
    else:
        verbs = [head.head] if head.dep_ == "nsubj" else []
    out = []
    for verb in verbs:
        if verb.pos_ not in _VERBAL or verb.lemma_.lower() not in w.toll_verbs:
            continue
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "obj")):
            out.append(obj)
            out.extend(c for c in obj.children if c.dep_ == "conj")
    return out


def _clash_sides(head: Token, perpetrator: Token | None, target: Token | None) -> list[Token]:
    sides = [t for t in (perpetrator, target) if t is not None]
    for prep in head.children:  # "clashes between X and Y", "clashed with X"
        if prep.dep_ == "prep" and prep.lower_ in ("with", "between", "against"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    sides.append(pobj)
                    sides.extend(c for c in pobj.children if c.dep_ == "conj")
    return sides


def _np_text(tok: Token) -> str:
    a, b = np_bounds(tok)
    return doc_text(tok.doc)[a:b]
