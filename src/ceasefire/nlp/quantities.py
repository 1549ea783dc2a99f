"""Figures as ranges: ``parse_quantity("at least 83") == Quantity(83, None)``.

Pure functions, no spaCy. The words (bounds, vague quantities, range words)
live in ``data/nlp_quantities.json``; the conventions are those of
``shared/spec/gold-format.md``: a bound applies to the figure it stands before,
"more than N" is N+1.., "nearly N" is ..N approx, "dozens" is 24.. approx.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from ..model import Quantity
from .lexicon import load_json

__all__ = ["parse_quantity", "QuantityWords", "quantity_words"]

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")
_SPACES = re.compile(r"\s+")
_RANGE_SEP = re.compile(r"\s+(to|and|or)\s+|\s*([-–])\s*")


@dataclass(frozen=True)
class QuantityWords:
    """The word lists of ``nlp_quantities.json``, in lower case, longest first."""

    bounds: tuple[tuple[str, str], ...]
    suffixes: tuple[tuple[str, str], ...]
    vague: dict[str, tuple[int | None, int | None, bool]]
    multipliers: dict[str, int]
    range_words: dict[str, str]
    open_before: tuple[str, ...] = ()  # "so far we have counted 35": the next exact figure is a lower bound

    @property
    def vague_heads(self) -> frozenset[str]:
        """Single words that make a figure on their own ("dozens", "several")."""
        return frozenset(w for phrase in self.vague for w in phrase.split() if w not in {"a", "of"})


@lru_cache(maxsize=1)
def quantity_words() -> QuantityWords:
    raw = load_json("nlp_quantities.json")

    def longest_first(d: dict[str, str]) -> tuple[tuple[str, str], ...]:
        return tuple(sorted(((k.lower(), v) for k, v in d.items()), key=lambda kv: -len(kv[0])))

    vague = {k.lower(): (v[0], v[1], bool(v[2])) for k, v in raw["vague"].items()}
    return QuantityWords(
        bounds=longest_first(raw["bounds"]),
        suffixes=longest_first(raw["suffixes"]),
        vague=vague,
        multipliers={k.lower(): int(v) for k, v in raw["multipliers"].items()},
        range_words={k.lower(): v for k, v in raw["range_words"].items()},
        open_before=tuple(p.lower() for p in raw.get("open_before", [])),
    )


def _normalise(text: str) -> str:
    t = _SPACES.sub(" ", text.replace("\u00a0", " ")).strip().lower()
    return t.strip(" .;:!?\"'“”‘’()")


def _number(text: str, words: QuantityWords) -> int | None:
    """An exact number: digits ("1,200", "1.5 million") or words ("two hundred and fifty")."""
    text = text.strip()
    if not text:
        return None
    parts = text.split(" ")
    if len(parts) == 2 and parts[1] in words.multipliers and _DIGITS.match(parts[0]):
        base = float(parts[0].replace(",", ""))
        return int(round(base * words.multipliers[parts[1]]))
    m = _DIGITS.match(text)
    if m:
        if m.group(2):  # "1.5" alone is not a count of people
            return None
        return int(m.group(1).replace(",", ""))
    if parts[-1] == "dozen" and len(parts) > 1:
        head = _number(" ".join(parts[:-1]), words)
        return head * 12 if head is not None else None
    if parts[0] in ("a", "an"):
        parts = ["one", *parts[1:]]
    if any(not re.fullmatch(r"[a-z]+(?:-[a-z]+)?", p) for p in parts):
        return None
    try:
        return int(text2num(" ".join(parts), "en"))
    except ValueError:
        return None


def _core(text: str, words: QuantityWords) -> tuple[int | None, int | None, bool] | None:
    """A figure without bound words: exact number, vague word, or a range."""
    text = text.strip()
    if text.endswith(" of"):
        text = text[: -len(" of")]
    if text in words.vague:
        return words.vague[text]
    n = _number(text, words)
    if n is not None:
        return (n, n, False)
    between = re.match(r"^(?:between|from)\s+(.+)$", text)
    body = between.group(1) if between else text
    splits = []  # every reading "N sep M"; "two hundred and fifty and 300" has two, the tighter wins
    for sep in _RANGE_SEP.finditer(body):
        rule = words.range_words.get((sep.group(1) or sep.group(2) or "").lower())
        if rule is None or (rule == "range" and sep.group(1) == "and" and not between):
            continue
        lo, hi = _number(body[: sep.start()], words), _number(body[sep.end() :], words)
        if lo is not None and hi is not None and lo < hi:
            splits.append((hi - lo, lo, hi, rule == "approx_range"))
    if not splits:
        return None
    _, lo, hi, approx = min(splits)
    return (lo, hi, approx)


def _apply(rule: str, core: tuple[int | None, int | None, bool]) -> tuple[int | None, int | None, bool]:
    lo, hi, approx = core
    exact = lo is not None and lo == hi
    top = hi if hi is not None else lo
    if rule == "min":
        return (lo, None, approx)
    if rule == "more":
        return ((lo + 1) if exact and lo is not None else lo, None, approx)
    if rule == "max":
        return (None, top, approx) if hi is not None else core
    if rule == "less":
        return (None, top - 1, approx) if hi is not None and top is not None and top > 0 else core
    if rule == "near":
        return (None, top, True) if hi is not None else core
    if rule == "about":
        return (lo, hi, True)
    raise ValueError(f"unknown bound rule {rule!r} in nlp_quantities.json")


@lru_cache(maxsize=4096)  # pure; a Doc's figure phrases are read more than once, and figures recur
def parse_quantity(text: str) -> Quantity | None:
    """The range a figure phrase stands for, or None when it is not a figure.

    >>> parse_quantity("more than 60")
    Quantity(min=61, max=None, approx=False)
    """
    words = quantity_words()
    t = _normalise(text)
    suffix_rule = None
    for phrase, rule in words.suffixes:
        if t.endswith(" " + phrase) or (phrase.startswith(",") and t.endswith(phrase)):
            suffix_rule, t = rule, t[: -len(phrase)].rstrip(" ,")
            break
    bound_rule = None
    for phrase, rule in words.bounds:
        if t.startswith(phrase + " "):
            rest = t[len(phrase) + 1 :]
            if _core(rest, words) is not None:
                bound_rule, t = rule, rest
                break
    core = _core(t, words)
    if core is None:
        return None
    if bound_rule:
        core = _apply(bound_rule, core)
    if suffix_rule:
        applied = _apply(suffix_rule, core)
        if applied[0] is not None or applied[1] is not None:  # "up to 5 so far" stays ..5
            core = applied
    lo, hi, approx = core
    return Quantity(lo, hi, approx)
