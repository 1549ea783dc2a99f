"""Place-name keys: spelling and transliteration variants of one name meet on one key.

The rules are data (``data/geo_variants.json``); see its ``_doc`` for the steps.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["normalize_name", "fold", "one_edit", "articled"]

_MARKS = re.compile(r"['\u2019\u2018\u02bb\u02bc\u02be\u02bf`\u00b4\u02c8]")
_SPLIT = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class _Rules:
    articles: frozenset[str]
    leading: frozenset[str]
    min_rest: int
    literal_max: int
    words: dict[str, str]
    replacements: tuple[tuple[re.Pattern[str], str], ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    raw = json.loads(resources.files("ceasefire").joinpath("data/geo_variants.json").read_text("utf-8"))
    return _Rules(
        articles=frozenset(raw["articles"]),
        leading=frozenset(raw["leading"]),
        min_rest=int(raw["min_assimilated_rest"]),
        literal_max=int(raw["literal_max_letters"]),
        words=dict(raw["words"]),
        replacements=tuple((re.compile(a), b) for a, b in raw["replacements"]),
    )


@lru_cache(maxsize=50_000)
def fold(name: str) -> str:
    """Accents and case folded, apostrophes dropped, punctuation to single spaces (a report's and the
    gazetteer's names recur: each is folded once while it does)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("\u00df", "ss").replace("\u0131", "i").replace("\u0142", "l").replace("\u00f8", "o")
    text = _MARKS.sub("", text)
    return " ".join(_SPLIT.split(text)).strip()


def articled(name: str) -> bool:
    """The name opens with an article of its language that the lookup key drops ("Ad Dali'", "Al-Fashir", "El
    Obeid"): a namesake spelled with one is the likelier sense than one without ("Dali")."""
    tokens = fold(name).split()
    return len(tokens) > 1 and tokens[0] in _rules().articles


_ASSIMILATED = re.compile(r"^[ae]([b-df-hj-np-tv-z])\1")


@lru_cache(maxsize=200_000)
def normalize_name(name: str) -> str:
    """The lookup key of a place name.

    >>> normalize_name("Deir ez-Zor") == normalize_name("Dayr az Zawr") == normalize_name("Deir Ezzor")
    True
    """
    rules = _rules()
    tokens = fold(name).split()
    if len("".join(tokens)) <= rules.literal_max:
        return "".join(tokens)  # an abbreviation: "WA" is not "VA"
    while len(tokens) > 1 and tokens[0] in rules.leading:
        tokens = tokens[1:]
    kept: list[str] = []
    for i, token in enumerate(tokens):
        if token in rules.articles and i + 1 < len(tokens):
            continue
        m = _ASSIMILATED.match(token)
        if m and len(token) - 2 >= rules.min_rest and (i > 0 or len(tokens) == 1):
            token = token[2:]
        kept.append(rules.words.get(token, token))
    out = []
    for token in kept:
        for pattern, repl in rules.replacements:
            token = pattern.sub(repl, token)
        out.append(token)
    return re.sub(r"(.)\1+", r"\1", "".join(out))


def one_edit(a: str, b: str) -> bool:
    """Whether two different keys are one edit apart: a letter changed, added, dropped, or two
    neighbours swapped ("avdiyvika" / "avdiyivka"), the slips of a name copied by ear or by hand."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1:]
    if a[i + 1:] == b[i + 1:]:
        return True
    return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]
