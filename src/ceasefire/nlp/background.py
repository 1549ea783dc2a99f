"""What a trigger's words say of its time: the cues that it tells background, not the report's news.

Functions over a parsed trigger span and the word lists of ``data/nlp_background.json``
(read once by the ``ceasefire_events`` factory). Each cue is a word the role decision
reads (``incidents.roles``):

* ``conflict`` -- the trigger hangs under a conflict-level noun ("a campaign
  supported by air raids");
* ``durative`` -- a standing activity or a period ("the heaviest fighting in
  these hills for decades", "has been fighting for years, carrying out
  bombings", "since March", "since the invasion began"; not a "since" that completes a comparison, "the
  deadliest day since March": ``nlp.comparison``);
* ``recalled`` -- an older event ("an earlier airstrike", "only last month ...");
* ``generic`` -- a general statement ("gangs have plagued the region, engaging in
  looting and kidnapping"): a bare noun under a present or present-perfect verb in
  a sentence that names no date or time (the sentence's figures are checked by
  ``nlp.records``, which knows them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from spacy.tokens import Span, Token

from .comparison import compares, since_clause
from .doc_index import sentence_ents
from .lexicon import word_set

__all__ = ["BackgroundWords", "background_words", "time_cues"]

_CLIMB = 4  # parse steps looked up for a conflict-level noun
_VERB_CLIMB = 2  # verbs above the governing verb whose phrases still frame the trigger ("carrying out" under ...)
_VERBAL = ("VERB", "AUX")
_FRAMING = ("advcl", "xcomp", "conj", "acl", "relcl")


@dataclass(frozen=True)
class BackgroundWords:
    conflict_heads: frozenset[str]
    durative_preps: frozenset[str]
    duration_words: frozenset[str]
    recalled_dates: tuple[str, ...]
    present_auxes: frozenset[str]


def background_words(raw: dict[str, Any]) -> BackgroundWords:
    """The word lists from the parsed JSON file (raises ``KeyError`` when one is missing)."""

    def words(key: str) -> frozenset[str]:
        return word_set(raw, key)

    return BackgroundWords(
        conflict_heads=words("conflict_heads"),
        durative_preps=words("durative_preps"),
        duration_words=words("duration_words"),
        recalled_dates=tuple(w.lower() for w in raw["recalled_dates"]),
        present_auxes=words("present_auxes"),
    )


def time_cues(span: Span, w: BackgroundWords, recalled: bool) -> tuple[str, ...]:
    """The cues of the trigger ``span`` (see the module docstring); ``recalled``: ``event_context.is_recalled``."""
    head = span.root
    out = []
    if _under_conflict(head, w):
        out.append("conflict")
    if _durative(head, w):
        out.append("durative")
    if recalled or _recalled_date(span, w):
        out.append("recalled")
    if _generic(span, w):
        out.append("generic")
    return tuple(out)


def _under_conflict(head: Token, w: BackgroundWords) -> bool:
    """Under a conflict-level noun ("a campaign supported by air raids"), or in a clause whose subject is one
    ("the campaign has struck 300 targets, including rocket sites")."""
    cur = head
    for _ in range(_CLIMB * 2):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ in _VERBAL and cur.dep_ not in ("acl", "relcl", "prep"):  # "including" is no clause
            return _subject_is_conflict(cur, w)  # a clause of its own: "the war began when jets bombed ..."
        if cur.lower_ in w.conflict_heads:
            return True
    return False


def _subject_is_conflict(verb: Token, w: BackgroundWords) -> bool:
    for _ in range(_VERB_CLIMB + 1):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj.lower_ in w.conflict_heads
        if verb.dep_ != "conj" or verb.head.i == verb.i:  # "has struck 300 targets and killed dozens"
            return False
        verb = verb.head
    return False


def _durative_phrase(tok: Token, w: BackgroundWords) -> bool:
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in w.durative_preps:
            continue
        sub = list(prep.subtree)
        if any(t.lower_ in w.duration_words for t in sub):
            return True  # "for nearly 30 years"
        if prep.lower_ == "since" and any(t.ent_type_ == "DATE" for t in sub) and not compares(prep):
            return True  # "since March 15"; not "the deadliest day since March 15"
    return False


def _framing_verbs(tok: Token) -> Iterator[Token]:
    """The nearest verb at or above ``tok``, then the verbs its clause hangs on (``_VERB_CLIMB`` at most)."""
    cur = tok
    while cur.pos_ not in _VERBAL and cur.head.i != cur.i:
        cur = cur.head
    for _ in range(_VERB_CLIMB + 1):
        if cur.pos_ in _VERBAL:
            yield cur
        if cur.dep_ not in _FRAMING or cur.head.i == cur.i:
            return
        cur = cur.head


def _durative(head: Token, w: BackgroundWords) -> bool:
    """A phrase of a period on the trigger or a verb framing it ("for years", "since March"), or a clause of one
    ("has been shelled almost daily since the invasion began")."""
    return _durative_phrase(head, w) or any(_durative_phrase(v, w) or since_clause(v) for v in _framing_verbs(head))


def _recalled_date(span: Span, w: BackgroundWords) -> bool:
    """Every date of the sentence is worded as an older one ("only last month ..."); "the town taken two years
    ago was shelled on Monday" tells Monday's event."""
    dates = [e.text.lower() for e in sentence_ents(span.sent) if e.label_ in ("DATE", "TIME")]
    return bool(dates) and all(any(p in d for p in w.recalled_dates) for d in dates)


def _generic(span: Span, w: BackgroundWords) -> bool:
    head = span.root
    nominal = head.tag_ == "VBG" and head.dep_ in ("pobj", "dobj", "conj")  # "engaging in looting and kidnapping"
    if (head.pos_ in _VERBAL and not nominal) or any(c.dep_ in ("det", "poss", "nummod") for c in head.children):
        return False
    if any(e.label_ in ("DATE", "TIME") for e in sentence_ents(span.sent)):
        return False
    return any(_present(v, w) for v in _framing_verbs(head.head if nominal else head))  # "have plagued ..."


def _present(verb: Token, w: BackgroundWords) -> bool:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes):
        return False
    if verb.tag_ in ("VBZ", "VBP") and not auxes:
        return True
    return bool(auxes) and auxes[0].lower_ in w.present_auxes and verb.tag_ in ("VBN", "VBG")
