"""The phrase that qualifies a toponym in running text: "near X", "the outskirts of X",
"12 km south of X", "the province of X", "X province"; and the place the text puts it
in: "the X camp in Y State", "X, Calif." (``container``).

The words are data (``data/geo_words.json``: ``qualifier_before``, ``qualifier_after``,
``distance_units``, ``directions``, ``container_nouns``, ``container_stop``). The results are kept as
``Toponym.context`` and ``Toponym.within``.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["qualifier", "container", "Offset", "offset_of"]


@dataclass(frozen=True)
class Offset:
    """A stated distance and direction from the named place ("12 km south of")."""

    km: float
    direction: str
    written: str = ""  # "60 miles west"

    @property
    def bearing(self) -> float:
        """The direction in degrees clockwise from north ("southwest" -> 225)."""
        north = self.direction.count("north") - self.direction.count("south")
        east = self.direction.count("east") - self.direction.count("west")
        return math.degrees(math.atan2(east, north)) % 360.0


@dataclass(frozen=True)
class _Patterns:
    before: re.Pattern[str]
    distance: re.Pattern[str]
    after: re.Pattern[str]
    units: dict[str, float]
    within: tuple[re.Pattern[str], ...]
    stop: frozenset[str]


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    raw = json.loads(resources.files("ceasefire").joinpath("data/geo_words.json").read_text("utf-8"))
    directions = _alternatives(raw["directions"])
    cap = r"(?:[A-Z]\.(?:[A-Z]\.)*|[A-Z][\w'\u2019-]*\.?)"  # "Vale", "Calif.", "N.Y.", "St."
    name = rf"(?P<name>{cap}(?:[ \t]+(?:of[ \t]+|de[ \t]+)?{cap}){{0,3}})"
    nouns = _alternatives(raw["container_nouns"])
    adjectives = _alternatives(raw["container_adjectives"])
    not_a_list = r"(?![ \t]+[A-Z])(?!,?\s+(?:and|or)\s)(?!,\s*[A-Z])"  # "X, Y and Z" is a list
    within = (re.compile(rf"^,[ \t]+(?:(?:{adjectives})[ \t]+)?{name}(?![\w'\u2019]){not_a_list}"),
              re.compile(rf"^(?:\s+(?:{nouns})){{0,2}}\s+in\s+(?:the\s+)?(?:(?:{adjectives}|[a-z]+-[a-z-]+)\s+)?{name}"),
              re.compile(rf"^(?:\s+(?:{nouns})){{1,2}}\s+of\s+(?:the\s+)?{name}"))  # "the X district of Y"
    units = _alternatives(raw["distance_units"])
    reference = _alternatives(raw["offset_reference_words"])
    # "12 km south of", "40 kilometres (25 miles) to the northeast of the capital", "30 km south of the town of"
    distance = (rf"(?P<n>\d+(?:[.,]\d+)?)\s*-?\s*(?P<unit>{units})\.?(?:\s*\([^()]{{1,25}}\))?\s+(?:\w+\s+)?"
                rf"(?:to\s+the\s+)?(?P<dir>{directions})\s+of\s+(?:(?:{reference})\s+){{0,4}}$")
    return _Patterns(
        before=re.compile(rf"\b(?:{_alternatives(raw['qualifier_before'])})\s+(?:the\s+)?(?:\w+\s+)?$", re.I),
        distance=re.compile(distance, re.I),
        after=re.compile(rf"^\s+(?:{_alternatives(raw['qualifier_after'])})\b", re.I),
        units={"mile": 1.609, "miles": 1.609, "mi": 1.609, "m": 0.001, "metres": 0.001, "meters": 0.001},
        within=within, stop=frozenset(raw["container_stop"]),
    )


def qualifier(text: str, start: int, end: int) -> str:
    """The qualifying phrase around ``text[start:end]`` ("" when bare).

    >>> qualifier("clashes 12 km south of Hama on Friday", 23, 27)
    '12 km south of'
    >>> qualifier("shelling in Daraa province", 12, 17)
    'province'
    """
    p = _patterns()
    window = text[max(0, start - 80):start]
    parts = []
    m = p.distance.search(window) or p.before.search(window)
    if m:
        phrase = " ".join(m.group(0).split())
        parts.append(phrase)
    after = p.after.match(text[end:end + 30])
    if after:
        parts.append(after.group(0).strip().lower())
    return " ".join(parts)


def container(text: str, start: int, end: int) -> str:
    """The written name of the place the text puts ``text[start:end]`` in ("" when none).

    >>> container("at the Tarsa camp in war-torn Upper Vale State, officials said", 7, 12)
    'Upper Vale State'
    >>> container("a plant in Millbrook, Conn., was closed", 11, 20)
    'Conn.'
    >>> container("a shell hit Prodvika, eastern Marsovia, on Sunday", 12, 20)
    'Marsovia'
    """
    p = _patterns()
    after = text[end:end + 80]
    for pattern in p.within:
        m = pattern.match(after)
        if m:
            words = m.group("name").split()
            while words and words[-1].rstrip(".") in p.stop:
                words.pop()
            if words and words[0].rstrip(".") not in p.stop:
                return " ".join(words)
    return ""


def offset_of(context: str) -> Offset | None:
    """The distance and direction stated in a qualifier, if any."""
    for part in context.split(";"):  # "25 km north of; city": the qualifiers before and after the name
        m = _patterns().distance.search(" ".join(part.split()) + " ")
        if m:
            km = float(m.group("n").replace(",", ".")) * _patterns().units.get(m.group("unit").lower(), 1.0)
            written = f"{m.group('n')} {m.group('unit')} {m.group('dir').lower()}"
            return Offset(km, m.group("dir").lower().replace("-", ""), written)
    return None
