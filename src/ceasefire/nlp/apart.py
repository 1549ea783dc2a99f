"""Words that set a sentence's event apart from the events its report told before it.

A pure function over a parsed sentence and the word lists of ``data/nlp_apart.json``
(read once). It finds one of two cues, which ``nlp.records`` gives the mention the
sentence tells (``Mention.cues``) and ``incidents.merge`` reads (``docs/incidents.md``,
"Events told apart"):

* ``separate`` -- a discourse marker that opens another event: "Separately, ...",
  "Elsewhere, ...", "In another attack, ...", "Meanwhile, in Tarsk, ..." (not
  "Meanwhile, the ministry said ...");
* ``earlier`` -- a distance back in time from the event told before: the sentence's
  own event "a week earlier", "the previous day", "two days before the ambush"; or,
  in "the raid came a day after gunmen killed four in Y", the part after "after":
  only that part tells the older event, the raid is the one told before. The
  distance's words date the older event from that one's date (``dates.date_before``);
  or the sentence's subject is "the last" or "the previous" event ("The last major
  raid by the group was in March, leaving 14 dead"): an older one, of no distance told.

A sentence telling the parts of one attack ("the bomb went off, then gunmen opened
fire") holds neither cue.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Span, Token

from .doc_index import sentence_ents, span_text, with_lower
from .event_context import definite
from .lexicon import load_json, word_set
from .phrases import CharSpan

__all__ = ["Apart", "ApartWords", "apart_words", "apart_in", "SEPARATE", "EARLIER"]

SEPARATE = "separate"
EARLIER = "earlier"
_LEADING = " \t\n\"'\u201c\u2018-\u2014"


@dataclass(frozen=True)
class ApartWords:
    openers: tuple[str, ...]
    place_openers: tuple[str, ...]
    back_words: frozenset[str]
    previous_words: frozenset[str]
    last_words: frozenset[str]
    units: frozenset[str]
    after_words: frozenset[str]
    anchor_verbs: frozenset[str]
    anchor_nouns: frozenset[str]
    nested_deps: frozenset[str]
    distance_words: frozenset[str]  # back_words and previous_words: the words a distance back is sought from


def _words(raw: dict[str, Any]) -> ApartWords:
    def words(key: str) -> frozenset[str]:
        return word_set(raw, key)

    back, previous = words("back_words"), words("previous_words")
    return ApartWords(
        openers=tuple(sorted((w.lower() for w in raw["openers"]), key=len, reverse=True)),
        place_openers=tuple(w.lower() for w in raw["place_openers"]),
        back_words=back,
        previous_words=previous,
        last_words=words("last_words"),
        units=words("units"),
        after_words=words("after_words"),
        anchor_verbs=words("anchor_verbs"),
        anchor_nouns=words("anchor_nouns"),
        nested_deps=words("nested_deps"),
        distance_words=back | previous,
    )


@lru_cache(maxsize=1)
def apart_words() -> ApartWords:
    """The word lists of ``data/nlp_apart.json`` (``KeyError`` when one is missing)."""
    return _words(load_json("nlp_apart.json"))


@dataclass(frozen=True)
class Apart:
    """A cue that sets the event of characters ``start:end`` of the Doc (the sentence, or its part after "after")
    apart from the events told before it; ``offset``: the characters of the distance back, when one is told;
    ``base``: those of the time of the same sentence the distance counts from, when there is one."""

    cue: str
    start: int
    end: int
    offset: CharSpan | None = None
    base: CharSpan | None = None


def apart_in(sent: Span, w: ApartWords | None = None) -> Apart | None:
    """The cue of the sentence ``sent`` (module docstring), or ``None``."""
    w = w or apart_words()
    if _opens_another(sent, w):
        return Apart(SEPARATE, sent.start_char, sent.end_char)
    return _came_after(sent, w) or _distance_back(sent, w) or _last_one(sent, w)


def _opens_another(sent: Span, w: ApartWords) -> bool:
    text = span_text(sent).lstrip(_LEADING)
    low = text.lower()
    if low.startswith(w.openers):  # one of them begins it: which, and whether a whole word
        for opener in w.openers:
            if low.startswith(opener) and not low[len(opener) : len(opener) + 1].isalnum():
                return True
    for opener in w.place_openers:
        if low.startswith(opener):
            rest = text[len(opener) :].lstrip(" ,")
            if rest.lower().startswith("in ") and rest[3:].lstrip()[:1].isupper():
                return True
    return False


def _unit_before(tok: Token, w: ApartWords) -> Token | None:
    """The unit noun of a distance whose relation word is ``tok``: 'a week' of 'a week earlier', 'day' of 'the
    day before'."""
    for c in tok.children:
        if c.lower_ in w.units and c.i < tok.i:
            return c
    head = tok.head
    if head.lower_ in w.units and head.i < tok.i:
        return head
    return None


def _chars(tokens: list[Token]) -> CharSpan:
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _nested(tok: Token, w: ApartWords) -> bool:
    """Inside a relative clause or a noun's clause ('the town they had raided a week earlier'), or a distance
    that dates a number ('up from 25 a day earlier': an earlier toll): no distance of the sentence's event."""
    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ in w.nested_deps or cur.head.like_num or _of_number(cur.head):
            return True
        cur = cur.head
    return False


def _of_number(tok: Token) -> bool:
    """'from 25': a preposition whose object is a number."""
    return tok.dep_ == "prep" and any(c.dep_ == "pobj" and c.like_num for c in tok.children)


def _anchor_subject(verb: Token, w: ApartWords) -> bool:
    """'the raid came ...', 'Sunday's ambush happened ...': a definite event noun told before, as the subject."""
    if verb.lemma_.lower() not in w.anchor_verbs:
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.lower_ in w.anchor_nouns and definite(subj)


def _came_after(sent: Span, w: ApartWords) -> Apart | None:
    """'The raid came a day after gunmen killed four in Y': the part from 'after' on tells an older event."""
    for tok in with_lower(sent, w.after_words):
        if tok.dep_ not in ("prep", "mark"):
            continue
        verb = tok.head if tok.dep_ == "prep" else tok.head.head  # "came after X" / "came after gunmen killed"
        if tok.dep_ == "mark" and tok.head.dep_ != "advcl":
            continue
        holders = (tok, tok.head, verb)  # the parse hangs "a day" on "after", on the clause or on "came"
        unit = next((c for h in holders for c in h.children if c.lower_ in w.units and c.i < tok.i), None)
        if unit is None:
            continue
        offset = _chars([*unit.subtree, tok])
        base = _base_time(sent, offset)
        if base is None and not _anchor_subject(verb, w):
            continue
        return Apart(EARLIER, tok.idx, sent.end_char, offset, base)
    return None


def _base_time(sent: Span, offset: CharSpan) -> CharSpan | None:
    """The one time of the sentence besides the distance, told before it, that the distance counts from
    ('deployed on Monday, a day after gunmen killed eight'); ``None`` when there is none, or more than one."""
    others = [e for e in _times(sent) if e.end_char <= offset[0] or e.start_char >= offset[1]]
    if len(others) != 1 or others[0].end_char > offset[0]:
        return None
    return others[0].start_char, others[0].end_char


def _times(sent: Span) -> list[Span]:
    """The sentence's date and time entities (not ages: 'a 35-year-old')."""
    return [e for e in sentence_ents(sent) if e.label_ in ("DATE", "TIME") and not e.text.endswith("old")]


def _distance_back(sent: Span, w: ApartWords) -> Apart | None:
    """'a week earlier', 'the day before', 'the previous day', 'two days before the ambush': the sentence's own
    event lies that far back from the event told before -- when the sentence names no other time, which the
    distance may count from ('police said Saturday that both died in the blast the day before')."""
    found = _distance_in(sent, w)
    if found is None or found.offset is None:
        return found
    a, b = found.offset
    if any(e.start_char < a or e.end_char > b for e in _times(sent)):
        return None
    return found


def _distance_in(sent: Span, w: ApartWords) -> Apart | None:
    for tok in with_lower(sent, w.distance_words):
        low = tok.lower_
        if low in w.back_words and tok.dep_ != "mark":  # not "... two days before gunmen stormed the town"
            objects = [c for c in tok.children if c.dep_ in ("pobj", "pcomp")]
            if objects and not all(o.lower_ in w.anchor_nouns and definite(o) for o in objects):
                continue  # "two days before elections": a distance from something else
            unit = _unit_before(tok, w)
            if unit is None or _nested(tok, w):
                continue
            return Apart(EARLIER, sent.start_char, sent.end_char, _chars([*unit.subtree, tok]))
        if low in w.previous_words and tok.dep_ == "amod" and tok.head.lower_ in w.units:
            unit = tok.head
            if _nested(unit, w):
                continue
            return Apart(EARLIER, sent.start_char, sent.end_char, _chars(list(unit.subtree)))
    return None


def _last_one(sent: Span, w: ApartWords) -> Apart | None:
    """'The last major raid by the group was in March': the subject of the sentence's main verb is an event noun
    that one of the last_words modifies, the one before the event told."""
    root = sent.root
    for subj in (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subj.lower_ in w.anchor_nouns and any(
            c.dep_ == "amod" and c.lower_ in w.last_words for c in subj.children
        ):
            return Apart(EARLIER, sent.start_char, sent.end_char)
    return None
