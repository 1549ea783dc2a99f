"""The words around a time expression: the tense that places a bare weekday or a year-less date.

TIMEX3 annotators read "Monday" in "talks will resume Monday" as the coming
Monday and in "the talks resumed Monday" as the one just gone; "In January,
the company bought ..." is the January before the document date. The tense is
taken from the nearest verb group in the expression's sentence, by word cues
alone (the cues are in ``data/dates_context.json``); no cue, no tense.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .finance import reported_quarter
from .words import context_words

__all__ = ["Context", "context_at", "sentence_bounds", "tense_around"]

_WINDOW = 15
_TOKEN = re.compile(r"[a-z]+(?:-[a-z]+)*|'ll|'ve|'d")
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n|[;:]\s")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:[A-Z]\.)+[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Rev|Jr|Sr|"
                           r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Co|Corp|Inc|Ltd|vs|a\.m|p\.m)$")


@dataclass(frozen=True)
class Context:
    """What the text around one time expression says about it.

    ``tense`` is ``"past"``, ``"future"`` or ``None``; ``cue`` the word that
    gave it. ``forward`` is true when a word just before the expression points
    forward from the document date ("payable Dec. 15", "extended to Nov. 20"):
    a past tense then does not push a year-less date back. ``modifier`` is a
    word just before the expression that belongs to it ("last" October).
    ``before`` is the expression's sentence up to it,
    lower-cased. ``quarter`` is the (year, quarter) a report of quarterly
    results is about, else ``None``.
    """

    tense: str | None = None
    cue: str | None = None
    forward: bool = False
    modifier: str | None = None
    before: str = ""
    quarter: tuple[int, int] | None = None


_REACH = 1_000  # characters read first on each side; doubled until a boundary is found or the text ends
_SPAN = 20  # a boundary this near the window's start may be cut by it: read further


def _real(text: str, m: re.Match[str]) -> bool:
    return not _ABBREVIATION.search(text[max(0, m.start() - 12):m.start()])


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end offsets of the sentence around ``text[start:end]`` (punctuation heuristics).

    Only the text near the expression is read (a window that grows until it holds a
    boundary), so a long article costs no more per expression than a short one.
    """
    left, reach = None, _REACH
    while left is None:
        lo = max(0, start - reach)
        found = [m for m in _BOUNDARY.finditer(text, lo, start) if lo == 0 or m.start() >= lo + _SPAN]
        real = [m for m in found if _real(text, m)]
        left = real[-1].end() if real else (0 if lo == 0 else None)
        reach *= 2
    right, reach = None, _REACH
    while right is None:
        hi = min(len(text), end + reach)
        whole = hi == len(text)
        after = (m for m in _BOUNDARY.finditer(text, end, hi) if whole or m.end() <= hi - _SPAN)
        m = next((m for m in after if _real(text, m)), None)
        right = m.start() if m is not None else (len(text) if whole else None)
        reach *= 2
    return left, right


def _tokens(s: str) -> list[str]:
    s = s.lower().replace("\u2019", "'").replace("won't", "will not").replace("can't", "can not")
    return _TOKEN.findall(s.replace("n't", " not"))


def _is_past(tok: str) -> bool:
    w = context_words()
    if tok in w.not_past:
        return False
    return tok in w.past_words or (len(tok) > 4 and tok.endswith("ed") and not tok.endswith("eed"))


def _phrase_at(tokens: list[str], i: int, ending: bool) -> str | None:
    """A future cue of one to three words ending (``ending``) or starting at ``tokens[i]``."""
    cues = context_words().future_verbs
    for n in (3, 2, 1):
        span = tokens[i - n + 1:i + 1] if ending else tokens[i:i + n]
        if len(span) == n and (i - n + 1 >= 0 or not ending) and " ".join(span) in cues:
            return " ".join(span)
    return None


def _aux_before(tokens: list[str], i: int) -> str | None:
    """The auxiliary of the verb group that ends at ``tokens[i]``: 'future', 'past' (modal + have),
    'present' ('is heard') or ``None`` (no auxiliary: the verb's own past tense)."""
    w = context_words()
    perfect = False
    for j in range(i - 1, max(-1, i - 5), -1):
        tok = tokens[j]
        if tok in w.future_aux or tok == "to":
            return "past" if perfect else "future"
        if tok in w.present_words:
            return "present"
        if tok in w.modal_perfect:
            perfect = True
        elif tok not in w.skip:
            return None
    return None


def _cue(tokens: list[str], i: int, left: bool) -> tuple[str | None, str] | None:
    w = context_words()
    tok = tokens[i]
    phrase = _phrase_at(tokens, i, ending=left)
    if phrase is not None and (left or phrase not in w.left_only):
        return "future", phrase
    if tok in w.present_words:
        return None, tok
    if tok in w.future_aux:
        following = next((t for t in tokens[i + 1:i + 4] if t not in w.skip), None)
        return ("past" if following in w.modal_perfect else "future"), tok
    if _is_past(tok):
        aux = _aux_before(tokens, i)
        return (None if aux == "present" else aux or "past"), tok
    return None


def tense_around(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The tense of the verb group nearest ``text[start:end]`` in its sentence, and the cue word."""
    s0, s1 = sentence_bounds(text, start, end)
    if re.match(r"['\u2019]s\b", text[end:end + 3]):
        return None, None  # "Wednesday's ruling": a noun's modifier, no verb of its own
    left = _tokens(text[s0:start])[-_WINDOW:]
    right = _tokens(text[end:s1])[:_WINDOW]
    for k in range(_WINDOW):
        if k < len(left):
            found = _cue(left, len(left) - 1 - k, left=True)
            if found:
                return found
        if k < len(right):
            found = _cue(right, k, left=False)
            if found:
                return found
    return None, None


def _forward(text: str, s0: int, start: int) -> bool:
    tokens = _tokens(text[max(s0, start - 40):start])
    cues = context_words().forward_words
    return any(" ".join(tokens[-n:]) in cues for n in (1, 2, 3) if len(tokens) >= n)


def _modifier(text: str, start: int) -> str | None:
    before = re.sub(r"\s+", " ", text[max(0, start - 20):start].lower())
    for word in context_words().before_modifiers:
        if before.endswith(f" {word} ") or before == f"{word} ":
            return word
    return None


def context_at(text: str, start: int, end: int, dct: date | None = None) -> Context:
    """The context of the expression at ``text[start:end]``; offsets outside the text give an empty context."""
    if not (0 <= start <= end <= len(text)):
        return Context()
    tense, cue = tense_around(text, start, end)
    s0, _ = sentence_bounds(text, start, end)
    quarter = reported_quarter(text, start, dct) if dct is not None else None
    forward = _forward(text, s0, start)
    return Context(tense, cue, forward, _modifier(text, start), text[s0:start].lower(), quarter)
