"""The ``ceasefire_events`` component: event triggers and their actors.

Trigger phrases come from ``data/nlp_events.tsv`` (matched on lower-cased
text) with their ACLED event and sub-event type and a priority. Each trigger
span in ``doc.spans[spans_key]`` carries an :class:`EventInfo` in
``span._.cf_event``: its types, priority, and the perpetrator / target the
parse gives (subject / object of a trigger verb; "by X" / "on X" for a
trigger noun; an agentive trigger such as "jets" is itself the perpetrator).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..errors import ConfigError
from .lexicon import load_tsv
from .phrases import CharSpan, np_bounds

__all__ = ["EventInfo", "EventTriggers"]


@dataclass(frozen=True)
class EventInfo:
    event_type: str
    sub_event_type: str
    priority: int
    perpetrator: CharSpan | None
    target: CharSpan | None


@dataclass(frozen=True)
class _Trigger:
    event_type: str
    sub_event_type: str
    priority: int
    agentive: bool


class EventTriggers:
    def __init__(self, nlp: Language, name: str, spans_key: str, triggers_file: str) -> None:
        self.name = name
        self.spans_key = spans_key
        self.vocab = nlp.vocab
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.triggers: dict[str, _Trigger] = {}
        try:
            for row in load_tsv(triggers_file):
                phrase = row["phrase"].lower()
                self.triggers[phrase] = _Trigger(
                    row["event_type"], row["sub_event_type"], int(row["priority"]), row["agentive"] == "yes"
                )
                self.matcher.add(phrase, [nlp.make_doc(phrase)])
        except (KeyError, ValueError) as exc:
            raise ConfigError(f"bad trigger file {triggers_file!r}: {exc}") from exc

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label=self.vocab.strings[m]) for m, s, e in self.matcher(doc)]
        kept: list[Span] = []
        for span in filter_spans(spans):  # longest match wins: "suicide car bomb" over "car bomb"
            trig = self.triggers[span.label_]
            perp, target = self._actors(span, trig)
            span._.cf_event = EventInfo(trig.event_type, trig.sub_event_type, trig.priority, perp, target)
            kept.append(span)
        doc.spans[self.spans_key] = kept
        return doc

    def _actors(self, span: Span, trig: _Trigger) -> tuple[CharSpan | None, CharSpan | None]:
        head = span.root
        if trig.agentive:
            if head.dep_ == "nsubj":  # "jets bombed the base"
                target = _child(head.head, ("dobj", "obj"))
                return np_bounds(head), np_bounds(target) if target is not None else None
            if head.dep_ == "pobj" and head.head.lower_ == "by":  # "... hit by jets"
                return np_bounds(head), None
            if head.dep_ in ("dobj", "obj", "nsubjpass"):  # "shot down a warplane": the jets are the target
                subj = _child(head.head, ("nsubj",))
                return (np_bounds(subj) if subj is not None else None), np_bounds(head)
            return None, None
        if head.pos_ in ("VERB", "AUX"):
            subj = _child(head, ("nsubj",))
            obj = _child(head, ("dobj", "obj", "nsubjpass"))
            agent = _prep_object(head, ("by",), dep="agent")
            perp = subj if subj is not None and subj.lower_ not in ("it", "that", "there") else agent
            return (np_bounds(perp) if perp is not None else None, np_bounds(obj) if obj is not None else None)
        perp = _prep_object(head, ("by",))
        target = _prep_object(head, ("on", "against", "at", "targeting"))
        return (np_bounds(perp) if perp is not None else None, np_bounds(target) if target is not None else None)


def _child(tok: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _prep_object(tok: Token, preps: tuple[str, ...], dep: str = "prep") -> Token | None:
    for child in tok.children:
        if child.dep_ in (dep, "prep") and child.lower_ in preps:
            pobj = _child(child, ("pobj",))
            if pobj is not None:
                return pobj
    return None
