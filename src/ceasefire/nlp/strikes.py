"""The bare "strike" and the weapon that strikes: triggers whose kind the parse tells.

Word lists from ``data/nlp_strikes.json`` (read once by the ``ceasefire_events``
factory):

* a bare noun "strike" is an attack from afar -- an air strike unless a modifier
  names the weapon ("a tank strike"); a more specific trigger of its sentence
  ("a missile strike", "shelling") wins by priority. It is no attack when it is a
  labour strike (:func:`labour_strike`: "a general strike", "went on strike",
  "dock workers began a strike") or only modifies another noun ("strike force");
* an impact verb ("struck", "hit", "slammed into") whose subject is a weapon or
  an aircraft that is no trigger of its own ("a drone struck a wedding", "was hit
  by a drone") is a trigger of that weapon's type (:func:`impacts`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Collection

from spacy.tokens import Doc, Token

from .doc_index import with_pos
from .lexicon import word_set

__all__ = [
    "Weapon",
    "StrikeWords",
    "strike_words",
    "is_noun",
    "labour_strike",
    "told_before",
    "weapon_named",
    "impacts",
]

_MODIFIERS = ("amod", "compound", "nmod", "npadvmod", "nummod")
_NOUNS = ("NOUN", "PROPN")
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their"})
_LABOUR_PREPS = frozenset({"by", "of", "over", "for"})


@dataclass(frozen=True)
class Weapon:
    event_type: str
    sub_event_type: str
    priority: int
    verbs: frozenset[str]  # verbs that tell an attack with it beside the impact verbs ("a projectile landed")


@dataclass(frozen=True)
class StrikeWords:
    bare_nouns: frozenset[str]
    labour_modifiers: frozenset[str]
    labour_verbs: frozenset[str]
    labour_words: frozenset[str]
    impact_verbs: frozenset[str]
    weapons: dict[str, Weapon]  # by noun
    striking_verbs: frozenset[str]  # the impact verbs and every weapon's own verbs: the verbs worth a look


def strike_words(raw: dict[str, Any]) -> StrikeWords:
    """The word lists from the parsed JSON file (raises ``KeyError`` / ``ValueError`` when one is malformed)."""

    def words(key: str) -> frozenset[str]:
        return word_set(raw, key)

    weapons: dict[str, Weapon] = {}
    for group in raw["weapons"]:
        kind = Weapon(
            group["event_type"],
            group["sub_event_type"],
            int(group["priority"]),
            word_set(group, "verbs"),
        )
        weapons.update((w.lower(), kind) for w in group["words"])
    impact = words("impact_verbs")
    return StrikeWords(
        bare_nouns=words("bare_nouns"),
        labour_modifiers=words("labour_modifiers"),
        labour_verbs=words("labour_verbs"),
        labour_words=words("labour_words"),
        impact_verbs=impact,
        weapons=weapons,
        striking_verbs=impact.union(*(k.verbs for k in weapons.values())),
    )


def is_noun(tok: Token) -> bool:
    return tok.pos_ in _NOUNS


def labour_strike(head: Token, w: StrikeWords) -> bool:
    """A bare "strike" that is no attack: a labour strike, or a noun it only modifies ("strike force")."""
    if head.dep_ == "compound" and head.head is not head and head.head.i > head.i:
        return True  # "strike force", "strike drones"
    mods = [t for c in head.children if c.dep_ in _MODIFIERS for t in c.subtree]  # "24-hour": three tokens
    mods += [c for c in head.children if c.dep_ == "poss"]  # "the teachers' strike", not "the national army's"
    if any(t.lower_ in w.labour_modifiers and not t.ent_type_ for t in mods):
        return True  # "a general strike", "a 24-hour strike"; not "the National Guard strike"
    if head.dep_ == "pobj" and head.head.lower_ == "on" and not any(c.dep_ in ("det", "poss") for c in head.children):
        return True  # "went on strike", "remain on strike"
    said = [t for c in head.children if c.dep_ == "prep" and c.lower_ in _LABOUR_PREPS for t in c.subtree]
    if any(t.lower_ in w.labour_words for t in said):
        return True  # "a strike by dock workers over pay"; not "a strike that killed three aid workers"
    if head.dep_ in ("dobj", "obj"):
        verb = head.head
        if verb.lemma_.lower() in w.labour_verbs:
            return True  # "staged a strike"
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in w.labour_words:
            return True  # "dock workers began a strike"
    return False


def told_before(head: Token) -> bool:
    """'the strike', 'these strikes': a bare noun the reader knows from before, whatever else its sentence names
    ("The strike tore through a clinic in <town> ..."); not "Monday's strike", which names its own day."""
    return any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in head.children)


def weapon_named(head: Token, w: StrikeWords) -> Weapon | None:
    """The weapon a bare noun's modifiers name ("a howitzer strike"), if any."""
    for c in head.children:
        if c.dep_ in _MODIFIERS and c.i < head.i and c.lower_ in w.weapons:
            return w.weapons[c.lower_]
    return None


def impacts(doc: Doc, w: StrikeWords, taken: Collection[int]) -> list[tuple[int, Weapon]]:
    """The impact verbs of ``doc`` whose subject (or "by" agent) is a weapon with no trigger of its own: each verb's
    token index and the weapon. ``taken``: the tokens inside trigger phrases."""
    out = []
    for tok in with_pos(doc, ("VERB",)):
        lemma = tok.lemma_.lower()
        if lemma not in w.striking_verbs:
            continue
        agent = _agent(tok)
        if agent is None or agent.i in taken or agent.lower_ not in w.weapons:
            continue
        weapon = w.weapons[agent.lower_]
        if lemma in w.impact_verbs or lemma in weapon.verbs:
            out.append((tok.i, weapon))
    return out


def _agent(verb: Token) -> Token | None:
    """What strikes: the verb's subject ("a drone struck"), else the object of its "by" ("was hit by a drone")."""
    for c in verb.children:
        if c.dep_ == "nsubj":
            return c
    for c in verb.children:
        if c.dep_ == "agent":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None
