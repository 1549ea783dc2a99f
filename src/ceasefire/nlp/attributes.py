"""The ``ceasefire_attribute_ruler`` component: spaCy's attribute ruler, its rules looked up by token.

spaCy's ``AttributeRuler`` finds its matches with a ``Matcher``, which tries every
rule at every token: the English models carry some 180 rules (a tag's coarse part
of speech and morphology, a few words' lemmas), so the ruler cost about a seventh of
the model's parsing time here (docs/performance.md). This subclass holds the same
rules, loaded and saved the same way, and finds the same matches through an index:
each rule is filed under the tag and lower-cased form its first token requires (or
either alone), so a token is tried only against the rules that can start there,
and only on the tests the index has not answered already.
The matches are then applied in the ruler's own order -- by rule, then position,
later rules overriding earlier ones -- so every annotation is the stock ruler's.

Only plain rules are indexed: token patterns over ``TAG``, ``DEP``, ``LOWER``,
``ORTH``, ``NORM`` and ``IS_SPACE``, each a value or one ``IN``,
``NOT_IN`` or ``REGEX`` test, no operators, no extension attributes. A model whose
ruler has anything else runs the stock matcher (``indexed`` tells which).
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Sequence

from spacy.attrs import DEP, IS_SPACE, LOWER, NORM, ORTH, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

__all__ = ["IndexedAttributeRuler"]

_COLUMNS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "ORTH": ORTH, "NORM": NORM, "IS_SPACE": IS_SPACE}

Test = tuple[int, int, Callable[[int], bool]]  # token offset in the pattern, column, test of the value
Rule = tuple[int, tuple[Test, ...], int]  # rule number (its precedence), the tests, the pattern's length


class _Unsupported(Exception):
    """A pattern the index does not handle: the stock matcher runs instead."""


class IndexedAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` whose matches come from an index of its rules (same results, same rules)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._index: _Index | None = None
        self._stale = True

    @property
    def indexed(self) -> bool:
        """Whether every rule is in the index (else the stock matcher runs)."""
        return self._current() is not None

    def add(self, patterns: Iterable[Any], attrs: dict[str, Any], index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._stale = True

    def clear(self) -> None:
        super().clear()
        self._stale = True

    def __call__(self, doc: Doc) -> Doc:
        index = self._current()
        if index is None:
            return super().__call__(doc)
        final: dict[int, dict[Any, Any]] = {}  # token -> its attributes, later rules overriding earlier
        for number, start, end in index.matches(doc):
            at = start + self.indices[number] if self.indices[number] >= 0 else end + self.indices[number]
            if not start <= at < end:
                return super().__call__(doc)  # the stock ruler raises its own error for a bad index
            final.setdefault(at, {}).update(self.attrs[number])
        for at, attrs in final.items():
            set_token_attrs(doc[at], attrs)
        return doc

    def _current(self) -> "_Index | None":
        if self._stale:
            try:
                self._index = _Index(self)
            except _Unsupported:
                self._index = None
            self._stale = False
        return self._index


class _Index:
    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        used = {key for number in range(len(ruler.attrs)) for pattern in ruler.matcher.get(str(number))[1]
                for token in pattern for key in token}
        if used - set(_COLUMNS):
            raise _Unsupported(", ".join(sorted(used - set(_COLUMNS))))
        self._keys = ("TAG", "LOWER", *sorted(used - {"TAG", "LOWER"}))  # the columns of ``Doc.to_array``
        self._at = {key: i for i, key in enumerate(self._keys)}
        self._by_pair: dict[tuple[int, int], list[Rule]] = {}
        self._by_tag: dict[int, list[Rule]] = {}
        self._by_lower: dict[int, list[Rule]] = {}
        self._always: list[Rule] = []
        for number, attrs in enumerate(ruler.attrs):
            if "_" in attrs:
                raise _Unsupported("extension attributes")
            for pattern in ruler.matcher.get(str(number))[1]:
                self._file(number, pattern, strings)
        always = tuple(self._always)  # every tag's rules with those tried at every token: one list per tag
        self._of_tag: dict[int, tuple[Rule, ...]] = {tag: (*rules, *always) for tag, rules in self._by_tag.items()}
        self._rest = always

    def _file(self, number: int, pattern: Sequence[dict[str, Any]], strings: Any) -> None:
        """File the rule under what its first token requires, without the tests its place in the index answers."""
        tags, lowers = _exact(pattern[0].get("TAG"), strings), _exact(pattern[0].get("LOWER"), strings)
        if tags and lowers and len(tags) == 1 == len(lowers):
            rule = self._rule(number, pattern, strings, "TAG", "LOWER")
            self._by_pair.setdefault((tags[0], lowers[0]), []).append(rule)
        elif tags:
            rule = self._rule(number, pattern, strings, "TAG")
            for tag in tags:
                self._by_tag.setdefault(tag, []).append(rule)
        elif lowers:
            rule = self._rule(number, pattern, strings, "LOWER")
            for lower in lowers:
                self._by_lower.setdefault(lower, []).append(rule)
        else:
            self._always.append(self._rule(number, pattern, strings))

    def _rule(self, number: int, pattern: Sequence[dict[str, Any]], strings: Any, *known: str) -> Rule:
        """The rule's tests, but for those on its first token's ``known`` columns (the index answers them)."""
        tests = tuple((k, self._at[key], _test(key, value, strings))
                      for k, token in enumerate(pattern) for key, value in token.items()
                      if not (k == 0 and key in known))
        return number, tests, len(pattern)

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(rule number, start, end) of every match, in the ruler's order of application."""
        rows = doc.to_array([_COLUMNS[key] for key in self._keys]).tolist() if len(doc) else []
        n = len(rows)
        found = []
        by_pair, by_lower, of_tag, rest = self._by_pair, self._by_lower, self._of_tag, self._rest
        for start, row in enumerate(rows):
            tag, lower = row[0], row[1]
            for rules in (by_pair.get((tag, lower), ()), of_tag.get(tag, rest), by_lower.get(lower, ())):
                for number, tests, length in rules:
                    if start + length > n:
                        continue
                    for k, col, test in tests:
                        if not test(rows[start + k][col]):
                            break
                    else:
                        found.append((number, start, start + length))
        found.sort()
        return found


def _exact(value: Any, strings: Any) -> list[int]:
    """The hashes a first-token string test allows (a value or an ``IN`` list); none for other tests."""
    if isinstance(value, str):
        return [strings.add(value)]
    if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
        return [strings.add(v) for v in value["IN"]]
    return []




def _test(key: str, value: Any, strings: Any) -> Callable[[int], bool]:
    def code(v: Any) -> int:
        if key == "IS_SPACE":
            if not isinstance(v, bool):
                raise _Unsupported(f"{key}: {v!r}")
            return int(v)
        if not isinstance(v, str):
            raise _Unsupported(f"{key}: {v!r}")
        return int(strings.add(v))

    if not isinstance(value, dict):
        wanted = code(value)
        return lambda v: v == wanted
    if len(value) != 1:
        raise _Unsupported(f"{key}: {value!r}")
    ((op, arg),) = value.items()
    if op == "IN" and isinstance(arg, list):
        allowed = frozenset(code(v) for v in arg)
        return lambda v: v in allowed
    if op == "NOT_IN" and isinstance(arg, list):
        refused = frozenset(code(v) for v in arg)
        return lambda v: v not in refused
    if op == "REGEX" and isinstance(arg, str) and key != "IS_SPACE":
        pattern = re.compile(arg)
        return lambda v: pattern.search(strings[v]) is not None
    raise _Unsupported(f"{key}: {value!r}")
