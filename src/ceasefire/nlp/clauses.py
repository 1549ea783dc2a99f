"""Coordinated clauses that each tell an event of their own: where one sentence splits into several mentions.

"An air strike on Aldmoor killed five while another on Brenna killed four" tells
two events, each with its trigger, place and figures. A sentence splits at a join
word (``data/nlp_clauses.json``) lying between two triggers only when each side
holds its own trigger and its own place; a clause without either stays with its
neighbour ("gunmen stormed the checkpoint in Aldmoor and killed four" is one event).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from spacy.tokens import Span

from .lexicon import load_json
from .phrases import CharSpan

__all__ = ["clause_bounds"]


@lru_cache(maxsize=1)
def _joins() -> tuple[frozenset[str], frozenset[str]]:
    data = load_json("nlp_clauses.json")
    return frozenset(w.lower() for w in data["joins"]), frozenset(w.lower() for w in data["after_comma"])


def _join_at(sent: Span, start: int, end: int) -> int | None:
    """The character where the last join word between characters ``start`` and ``end`` of the Doc begins."""
    anywhere, after_comma = _joins()
    found = None
    for tok in sent:
        if tok.idx < start or tok.idx >= end:
            continue
        word = tok.lower_
        if word in anywhere or (word in after_comma and tok.i > sent.start and tok.nbor(-1).text in {",", ";"}):
            found = tok.idx
    return found


def clause_bounds(sent: Span, triggers: Sequence[CharSpan], places: Sequence[int]) -> list[CharSpan]:
    """The sentence's clauses as character spans of its Doc (the whole sentence when it tells one event).

    ``triggers``: the characters of its asserted event triggers; ``places``: where its toponyms begin.
    """
    whole = [(sent.start_char, sent.end_char)]
    ordered = sorted(triggers)
    if len(ordered) < 2:
        return whole
    cuts = []
    for (_, a_end), (b_start, _) in zip(ordered, ordered[1:], strict=False):
        at = _join_at(sent, a_end, b_start)
        if at is not None:
            cuts.append(at)
    bounds = [sent.start_char]
    for k, cut in enumerate(cuts):
        nxt = cuts[k + 1] if k + 1 < len(cuts) else sent.end_char
        if _tells_event(bounds[-1], cut, ordered, places) and _tells_event(cut, nxt, ordered, places):
            bounds.append(cut)
    if len(bounds) == 1:
        return whole
    ends = bounds[1:] + [sent.end_char]
    return list(zip(bounds, ends, strict=True))


def _tells_event(start: int, end: int, triggers: Sequence[CharSpan], places: Sequence[int]) -> bool:
    return any(start <= a < end for a, _ in triggers) and any(start <= p < end for p in places)
