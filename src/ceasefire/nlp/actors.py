"""Actors: names as written in an event's roles canonicalised through ``data/actors.json``.

Pure functions over strings and model types, no spaCy. ``ActorRegistry.resolve``
turns a role as written ("US-led coalition jets", "a Syrian army position at
Jebel Tharda", "Sudanese police", "the coalition warplanes") into an
:class:`~ceasefire.model.Actor`:

1. a listed actor whose alias stands in the phrase (the longest alias wins; one
   before a preposition such as "in"/"at" beats one after it: "civilians in
   Israel" are civilians);
2. else an actor already named in the report that shares a word with the phrase
   ("the coalition" after "the US-led coalition");
3. else a generic actor by its head word ("gunmen", "police", "villagers"), with
   the country of a demonym in the phrase ("Sudanese police" -> Police forces of
   Sudan);
4. else the phrase as written, typed ``unknown`` (never dropped).

A phrase made only of pronouns and time words ("he", "Saturday") is no actor:
``resolve`` returns ``None``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from ..errors import ConfigError
from ..model import Actor
from .lexicon import load_json

__all__ = ["ActorEntry", "ActorRegistry", "SeenActors", "default_actors", "STATE_TYPES"]

STATE_TYPES = frozenset({"state", "external"})
_SPLIT = frozenset(
    {"in", "at", "near", "on", "from", "inside", "outside", "around", "along", "into", "across", "during"}
)
_WORD = re.compile(r"[^\W_]+")
_EDGE = " \t\n,;:.\"'()[]\u201c\u201d\u2018\u2019"


@dataclass(frozen=True)
class ActorEntry:
    name: str
    type: str
    country: str | None
    aliases: tuple[str, ...] = ()

    @property
    def actor(self) -> Actor:
        return Actor(self.name, self.type, self.country)


@dataclass(frozen=True)
class _Generic:
    name: str  # with "{country}"
    fallback: str
    type: str
    heads: tuple[tuple[str, ...], ...]


def _fold(text: str) -> str:
    t = unicodedata.normalize("NFKD", text)
    return "".join(c for c in t if not unicodedata.combining(c))


def _tokens(text: str) -> list[str]:
    return _WORD.findall(_fold(text))


def _case_sensitive(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(letters) <= 4 and all(c.isupper() for c in letters)


class ActorRegistry:
    """Canonical actors, generic actors by head word, and demonyms."""

    def __init__(
        self,
        entries: Sequence[ActorEntry],
        generic: Sequence[_Generic] = (),
        countries: Sequence[tuple[str, str, Sequence[str]]] = (),
        ignore: Sequence[str] = (),
    ) -> None:
        self.entries = tuple(entries)
        self._exact: dict[tuple[str, ...], ActorEntry] = {}  # case-sensitive short forms: "IS", "US"
        self._folded: dict[tuple[str, ...], ActorEntry] = {}
        self._by_name = {e.name: e for e in self.entries}
        for e in self.entries:
            for alias in (e.name, *e.aliases):
                toks = tuple(_tokens(alias))
                if not toks:
                    continue
                if _case_sensitive(alias):
                    self._exact.setdefault(toks, e)
                else:
                    self._folded.setdefault(tuple(t.casefold() for t in toks), e)
        self._max = max((len(k) for k in (*self._exact, *self._folded)), default=1)
        self._generic = tuple(generic)
        self._generic_by_first: dict[str, list[tuple[tuple[str, ...], _Generic]]] = {}  # head phrases, in order
        for g in self._generic:
            for head in g.heads:
                if head:
                    self._generic_by_first.setdefault(head[0], []).append((head, g))
        self._country_of: dict[tuple[str, ...], tuple[str, str]] = {}
        self._country_names = frozenset(tuple(t.casefold() for t in _tokens(name)) for _, name, _ in countries)
        for iso2, name, demonyms in countries:
            for form in (name, *demonyms):
                key = tuple(t.casefold() for t in _tokens(form))
                if key:
                    self._country_of.setdefault(key, (iso2, name))
        self._ignore = frozenset(w.casefold() for w in ignore)
        self._generic_words = frozenset(w for g in self._generic for h in g.heads for w in h)
        self._telling: dict[str, frozenset[str]] = {}

    @classmethod
    def from_data(cls, actors_file: str = "actors.json") -> "ActorRegistry":
        raw = load_json(actors_file)
        try:
            heads = [h for h in raw["military_heads"]]
            entries = []
            for e in raw["actors"]:
                aliases = list(e.get("aliases", []))
                aliases += [f"{stem} {head}" for stem in e.get("stems", []) for head in heads]
                entries.append(ActorEntry(e["name"], e["type"], e.get("country"), tuple(aliases)))
            generic = [
                _Generic(g["name"], g["fallback"], g["type"], tuple(tuple(_tokens(h.casefold())) for h in g["heads"]))
                for g in raw["generic"]
            ]
            countries = [(c["iso2"], c["name"], tuple(c.get("demonyms", []))) for c in raw["countries"]]
            return cls(entries, generic, countries, raw.get("ignore", []))
        except (KeyError, TypeError) as exc:
            raise ConfigError(f"bad actor file {actors_file!r}: {exc}") from exc

    # -- lookups over a token list -------------------------------------------------

    def _alias(self, orig: Sequence[str], allow_exact: bool) -> ActorEntry | None:
        low = [t.casefold() for t in orig]
        for n in range(min(self._max, len(orig)), 0, -1):
            for i in range(len(orig) - n + 1):
                hit = self._folded.get(tuple(low[i : i + n]))
                if hit is None and allow_exact:
                    hit = self._exact.get(tuple(orig[i : i + n]))
                if hit is not None:
                    return hit
        return None

    def _country(self, low: Sequence[str]) -> tuple[str, str] | None:
        for n in (3, 2, 1):
            for i in range(len(low) - n + 1):
                hit = self._country_of.get(tuple(low[i : i + n]))
                if hit is not None:
                    return hit
        return None

    def _generic_of(self, low: Sequence[str]) -> _Generic | None:
        best: tuple[int, int, _Generic] | None = None  # (length, -position) of the head phrase
        for i, word in enumerate(low):
            for head, g in self._generic_by_first.get(word, ()):
                n = len(head)
                if tuple(low[i : i + n]) == head and (best is None or (n, i) > best[:2]):
                    best = (n, i, g)  # the longest head, then the last; of equal ones the first listed
        return best[2] if best else None

    def telling_words(self, actor: Actor) -> frozenset[str]:
        """The words of the actor's name and aliases a later reference may share with it (no generic head
        word such as "forces"); read once per name."""
        words = self._telling.get(actor.name)
        if words is None:
            entry = self._by_name.get(actor.name)
            names = [actor.name, *(entry.aliases if entry else ())]
            folded = {t.casefold() for n in names for t in _tokens(n)}
            words = self._telling[actor.name] = frozenset(folded - self._generic_words)
        return words

    def _seen(self, low: Sequence[str], seen: "SeenActors") -> Actor | None:
        return seen.latest({t for t in low if t not in self._ignore and len(t) > 2})

    # -- public ----------------------------------------------------------------------

    def resolve(self, written: str, seen: "SeenActors | Sequence[Actor]" = ()) -> Actor | None:
        """The actor a role names (see the module docstring), or ``None`` for pronouns and time words.

        ``seen``: the actors the report named before, the latest last (a :class:`SeenActors` answers
        without walking them)."""
        if not isinstance(seen, SeenActors):
            seen = SeenActors(self, seen)
        text = re.sub(r"\s+", " ", written).strip(_EDGE)
        orig = _tokens(text)
        low = [t.casefold() for t in orig]
        if not orig or all(t in self._ignore or t.isdigit() for t in low):
            return None
        allow_exact = not (text.isupper() and len(orig) > 2)  # 'IS' in upper-case wire text is a verb
        cut = next((i for i, t in enumerate(low) if i > 0 and t in _SPLIT), len(low))
        core, core_low = orig[:cut], low[:cut]
        hit = self._alias(core, allow_exact)
        if hit is not None:
            return hit.actor
        found = self._seen(core_low, seen)
        if found is not None:
            return found
        generic = self._generic_of(core_low)
        if generic is None:
            hit = self._alias(orig[cut:], allow_exact)
            if hit is not None and cut < len(orig):
                return hit.actor
            generic = self._generic_of(low)
        country = self._country(core_low) or self._country(low)
        if generic is not None:
            name = generic.name.format(country=country[1]) if country else generic.fallback
            return Actor(name, generic.type, country[0] if country else None)
        return Actor(text, "unknown", country[0] if country else None)

    def canonical(self, name: str) -> Actor | None:
        """The actor ``name`` is, when it is the whole of a canonical name or alias ("Russia"), or a
        generic actor's name ("Military forces of Syria", "Rebels"); ``None`` otherwise (no guessing
        by head word, as :meth:`resolve` does for running text)."""
        orig = _tokens(re.sub(r"\s+", " ", name).strip(_EDGE))
        if not orig:
            return None
        hit = self._folded.get(tuple(t.casefold() for t in orig)) or self._exact.get(tuple(orig))
        if hit is not None:
            return hit.actor
        for g in self._generic:
            if name == g.fallback:
                return Actor(name, g.type)
            for iso2, country in set(self._country_of.values()):
                if name == g.name.format(country=country):
                    return Actor(name, g.type, iso2)
        return None

    def names_country(self, written: str) -> bool:
        """Whether a phrase is, whole, a country's name ("Ruritania", "Ruritania's"; not its demonym)."""
        key = tuple(t.casefold() for t in _tokens(re.sub(r"['\u2019]s$", "", written.strip())))
        return key in self._country_names

    def is_state(self, written: str) -> bool:
        """Whether a phrase names state or external (coalition) forces."""
        actor = self.resolve(written)
        return actor is not None and actor.type in STATE_TYPES


class SeenActors:
    """The actors a report has named so far, indexed by their telling words (``ActorRegistry.telling_words``).

    ``latest(words)`` is the most recently added actor sharing one of ``words``, found
    through the index rather than by walking back over every actor of the report, so a
    long report's actors cost in proportion to their number.
    """

    def __init__(self, registry: ActorRegistry, actors: Iterable[Actor] = ()) -> None:
        self._registry = registry
        self._latest: dict[str, tuple[int, Actor]] = {}  # word -> (order added, actor)
        self._count = 0
        for actor in actors:
            self.add(actor)

    def add(self, actor: Actor) -> None:
        self._count += 1
        for word in self._registry.telling_words(actor):
            self._latest[word] = (self._count, actor)

    def latest(self, words: Iterable[str]) -> Actor | None:
        hits = [hit for w in words if (hit := self._latest.get(w)) is not None]
        return max(hits, key=lambda hit: hit[0])[1] if hits else None


@lru_cache(maxsize=1)
def default_actors() -> ActorRegistry:
    """The registry of ``data/actors.json`` (loaded once)."""
    return ActorRegistry.from_data()
