"""Who said it: claimant names canonicalised through ``data/sources.json``.

Pure functions over model types, no spaCy. ``SourceRegistry.resolve`` turns a
claimant as written ("the Observatory", "he", "Russia's Defence Ministry") into
a :class:`~ceasefire.model.Source`, using the claimants already seen in the
same report for pronouns and short references.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ..errors import ConfigError
from ..model import Source, SourceType
from .lexicon import load_json

__all__ = ["SourceEntry", "SourceRegistry", "normalise_name", "outlet_source", "default_registry", "headline_lead"]

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_LEADING = re.compile(r"^(?:the|a|an)\s+")
_EDGE_PUNCT = " \t\n,;:.\"'()[]"


def normalise_name(text: str) -> str:
    """A comparison key: case-folded, 'the' dropped, 'defence' as 'defense', one space."""
    t = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    t = re.sub(r"\s+", " ", t).strip(_EDGE_PUNCT)
    t = _LEADING.sub("", t)
    return t.replace("defence", "defense")


def clean_written(text: str) -> str:
    """The claimant as written, with line breaks and edge punctuation removed."""
    return re.sub(r"\s+", " ", text).strip(_EDGE_PUNCT)


def outlet_source(outlet: str | None) -> Source:
    """The outlet's own voice."""
    return Source(name=outlet or "unknown outlet", type=SourceType.OUTLET, as_written=None)


def headline_lead(headline: str, source: Source) -> bool:
    """Whether ``source`` is the lead a headline opens with before its colon ("Ruritania: ..." -> "Ruritania")."""
    written = source.as_written
    head = headline.lstrip()
    return bool(written) and head.startswith(written or "") and head[len(written or ""):].lstrip().startswith(":")


@dataclass(frozen=True)
class SourceEntry:
    name: str
    type: SourceType
    aliases: tuple[str, ...] = ()


_UNITED_NATIONS = re.compile(r"\b(?:united nations|u\.n\.)(?=\s|$)")


def _key(name: str) -> str:
    """A registry key: the normalised name, with "United Nations" and "U.N." written "un" ("U.N. refugee
    agency", "United Nations refugee agency" and "UN refugee agency" are one key), so the data lists one form."""
    return _UNITED_NATIONS.sub("un", normalise_name(name))


class SourceRegistry:
    """Canonical claimants, their aliases, and the rules for names not listed."""

    def __init__(
        self,
        entries: Sequence[SourceEntry],
        type_keywords: Sequence[tuple[str, SourceType]] = (),
        pronouns: Sequence[str] = (),
        short_heads: Sequence[str] = (),
        titles: Sequence[str] = (),
        personal: Sequence[str] = (),
        documents: Sequence[str] = (),
        person_roles: Sequence[str] = (),
    ) -> None:
        self.entries = tuple(entries)
        self._by_key: dict[str, SourceEntry] = {}
        for e in self.entries:
            for alias in (e.name, *e.aliases):
                self._by_key.setdefault(_key(alias), e)
        self._type_keywords = tuple((normalise_name(k), t) for k, t in type_keywords)
        self._pronouns = frozenset(p.casefold() for p in pronouns)
        self._short_heads = frozenset(h.casefold() for h in short_heads)
        self._personal = frozenset(p.casefold() for p in personal)
        self._documents = frozenset(d.casefold() for d in documents)
        self._person_roles = frozenset(r.casefold() for r in person_roles)
        self._titles = frozenset(t.casefold().rstrip(".") for t in titles)
        self._canonical: dict[str, Source] = {}  # names already looked up: a long report names its own again

    @classmethod
    def from_data(
        cls, sources_file: str = "sources.json", words_file: str = "nlp_attribution.json"
    ) -> "SourceRegistry":
        raw = load_json(sources_file)
        words = load_json(words_file)
        try:
            entries = [
                SourceEntry(r["name"], SourceType(r["type"]), tuple(r.get("aliases", ()))) for r in raw if "name" in r
            ]
            keywords = [(k, SourceType(t)) for k, t in words["type_keywords"]]
        except (KeyError, ValueError, TypeError) as exc:
            raise ConfigError(f"bad source registry {sources_file!r}/{words_file!r}: {exc}") from exc
        return cls(
            entries,
            keywords,
            words.get("pronouns", ()),
            words.get("short_heads", ()),
            words.get("titles", ()),
            words.get("personal_pronouns", ()),
            words.get("document_heads", ()),
            words.get("person_roles", ()),
        )

    def lookup(self, written: str) -> SourceEntry | None:
        return self._by_key.get(_key(written))

    def guess_type(self, written: str) -> SourceType:
        key = f" {normalise_name(written)} "
        for word, stype in self._type_keywords:
            if f" {word}" in key:
                return stype
        return SourceType.UNKNOWN

    def canonical(self, written: str) -> Source:
        """The registry entry for a name, or the name as written with a guessed type."""
        found = self._canonical.get(written)
        if found is None:
            if len(self._canonical) >= _CANONICAL_CACHE:
                self._canonical.clear()
            found = self._canonical[written] = self._look_up(written)
        return found

    def _look_up(self, written: str) -> Source:
        shown = clean_written(written)
        entry = self.lookup(shown)
        if entry is not None:
            return Source(name=entry.name, type=entry.type, as_written=shown)
        return Source(name=_LEADING_THE.sub("", shown) or shown, type=self.guess_type(shown), as_written=shown)

    def is_short_reference(self, written: str) -> bool:
        """'he', 'the monitor', 'the Observatory': a reference to a name given earlier."""
        key = normalise_name(written)
        if key in self._pronouns:
            return True
        return clean_written(written).lower().startswith("the ") and 1 <= len(key.split()) <= 2

    def surname_of(self, written: str) -> str | None:
        """'Mr Haddad' -> 'Haddad'; 'Haddad' -> 'Haddad'; None for anything longer."""
        words = clean_written(written).split()
        while len(words) > 1 and words[0].casefold().rstrip(".") in self._titles:
            words = words[1:]
        if len(words) == 1 and words[0][:1].isupper() and normalise_name(words[0]) not in self._pronouns:
            return words[0]
        return None

    def resolve(
        self,
        written: str,
        seen: Sequence[Source] = (),
        persons: Sequence[str] = (),
        names: Sequence[str] = (),
    ) -> Source:
        """``written`` as a Source.

        A pronoun ("he", "we") or a document named by its head ("the statement") takes the last claimant in
        ``seen`` ("he" the last person named in ``persons``, unless the last claimant is a person; "it" or "they"
        with no claimant before it the organisation named last); a short reference
        ("the monitor", "the institute") the last claimant or organisation name
        (``names``, in text order) whose name holds its head word; a bare surname
        ("Mr Ging") the last full name in ``persons`` that ends with it; a person's role ("the official", "the
        governor") that names no earlier claimant the last claimant named by a person's full name, else the last
        full name in ``persons`` (typed by the role: 'the official' is an official). All three
        lists hold what came earlier in the same report.
        """
        shown = clean_written(written)
        key = normalise_name(shown)
        surname = self.surname_of(shown)
        if surname is not None and self.lookup(shown) is None:
            for full in reversed(persons):
                parts = clean_written(full).split()
                if len(parts) > 1 and parts[-1] == surname and self.surname_of(full) is None:
                    name = clean_written(full)
                    said = next((p for p in reversed(seen) if _is_person(p, [name])), None)  # typed by its title
                    return Source(name=name, type=said.type if said else self.guess_type(name), as_written=shown)
        words = shown.lower().split()
        document = len(words) == 2 and words[0] == "the" and words[1] in self._documents  # "the statement added"
        if key in self._pronouns or document:
            if key in self._personal and seen and _is_person(seen[-1], persons):  # "X said ... He added"
                last = seen[-1]
                return Source(last.name, last.type, as_written=shown, aligned_with=last.aligned_with)
            if key in self._personal and persons:  # "he said": the last person named
                name = clean_written(persons[-1])
                return Source(name=name, type=self.guess_type(name), as_written=shown)
            # a document: the organisation named last issued it; a pronoun: the last claimant, else ('it', 'they')
            # the organisation named last ('Amnesty International published a report. It said ...')
            last_name = [self.canonical(n) for n in names[-1:]]
            late = last_name if key not in self._personal else []
            for prior in [*(last_name if document else []), *reversed(seen), *late]:
                if prior.type != SourceType.OUTLET:
                    return Source(prior.name, prior.type, as_written=shown, aligned_with=prior.aligned_with)
            return Source(name=shown, type=SourceType.UNKNOWN, as_written=shown)
        head = shown.split()[-1]
        common = head.islower() or key.split()[-1] in self._short_heads  # "the institute", not "the UN"
        if self.is_short_reference(shown) and common and not head.isupper():
            # the latest organisation named in the text, then the latest claimant
            candidates = [*(self.canonical(n) for n in reversed(names)), *reversed(seen)]
            for prior in candidates:
                if prior.type != SourceType.OUTLET and _shares_head(key, prior) and normalise_name(prior.name) != key:
                    return Source(prior.name, prior.type, as_written=shown, aligned_with=prior.aligned_with)
            if key.split()[-1] in self._person_roles:  # "the official said": the person who spoke last
                for prior in reversed(seen):
                    if _is_person(prior, persons):
                        return Source(prior.name, prior.type, as_written=shown, aligned_with=prior.aligned_with)
                speaker = next((clean_written(p) for p in reversed(persons) if len(p.split()) > 1), None)
                if speaker is not None:  # "..., Governor Oleh Marchuk said. The official said four were killed"
                    return Source(name=speaker, type=self.guess_type(shown), as_written=shown)
        return self.canonical(shown)


_CANONICAL_CACHE = 10_000  # names kept looked up; the cache starts again when full
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _is_person(source: Source, persons: Sequence[str]) -> bool:
    """A claimant named by a person's full name ('Governor Oleh Marchuk', 'Oleh Marchuk')."""
    name = normalise_name(source.name)
    return any(len(p.split()) > 1 and (name == p or name.endswith(" " + p)) for p in map(normalise_name, persons))


def _shares_head(key: str, prior: Source) -> bool:
    head = key.split()[-1]
    names = normalise_name(prior.name).split() + normalise_name(prior.as_written or "").split()
    return head in names or head.rstrip("s") in names


@lru_cache(maxsize=1)
def default_registry() -> SourceRegistry:
    """The registry of the bundled data files (loaded once)."""
    return SourceRegistry.from_data()
