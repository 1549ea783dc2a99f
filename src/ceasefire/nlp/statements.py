"""One claim per statement: the same figure from the same source, repeated in one report, is one claim.

Pure functions over model types. The key is (field, kind, min, max,
canonical source, scope) -- a headline's figure is a claim of its own, and so is each part of a list
('a guard and a driver') --; a figure of one named victim
("Omar Haddad was killed") also keys on the victim's last word, so that two victims killed in one report stay two
claims while "Haddad was killed" repeated stays one. The first evidence is kept. Two figure phrases of one
sentence, of more than one victim, are two statements even when they read alike ("a strike on A killed two and
another on B killed two").
"""

from __future__ import annotations

from ..model import Claim
from .sources import normalise_name

__all__ = ["StatementKey", "statement_key", "Statements"]

StatementKey = tuple[str, str, int | None, int | None, str, str, str]


def statement_key(claim: Claim) -> StatementKey:
    victim = ""
    if claim.figure.min == claim.figure.max and claim.figure.max in (0, 1) and claim.victims:
        words = normalise_name(claim.victims).split()
        victim = words[-1] if words else ""
    return (
        claim.evidence.field,
        claim.kind.value,
        claim.figure.min,
        claim.figure.max,
        normalise_name(claim.source.name),
        victim,
        claim.scope,
    )


class Statements:
    """The claims of one report as they are found, repeats dropped."""

    def __init__(self) -> None:
        self._seen: set[tuple[object, ...]] = set()
        self._ones: set[tuple[object, ...]] = set()  # statements of one victim, victim aside
        self._first: dict[tuple[object, ...], tuple[int, int]] = {}  # where each statement was first seen

    def keep(self, claim: Claim, headline: bool = False, at: int | None = None) -> bool:
        """True the first time a statement is seen in the report (its headline apart), and for another figure
        phrase (starting at ``at``) of the sentence that gave it first.

        One victim named again by a definite description ('Judge Ana Ortiz was shot dead' ... 'the judge was
        killed') restates the figure of 1 the same source gave before, whatever the last word.
        """
        key = (*statement_key(claim), headline)
        one = (*key[:5], key[6], headline)
        first = self._first.get(key)
        if first is not None and at is not None and first[0] == claim.evidence.start and first[1] != at:
            return True  # the same figure twice in one sentence: two statements
        if key in self._seen or (one in self._ones and _definite(claim.victims)):
            return False
        self._seen.add(key)
        if at is not None and (claim.figure.max or 0) > 1:  # not 'a guard and another guard', 'no one ... none'
            self._first[key] = (claim.evidence.start, at)
        if claim.figure.min == claim.figure.max == 1:
            self._ones.add(one)
        return True


def _definite(victims: str | None) -> bool:
    words = (victims or "").split()
    return len(words) > 1 and words[0].lower() == "the"
