"""Processed Docs of one report -> model records (Mentions with Claims, Toponyms, Timexes).

The only module that reads the components' results; no Doc leaves it. Every
Evidence counts in the input article's field (``Segment.field`` and
``Segment.offset``) and its quote is cut from the original characters, so
``article.field_text(e.field)[e.start:e.end] == e.quote`` holds even when the
model read a case-normalised copy.

Grouping (deterministic): each sentence with an event trigger starts a
mention; a claim joins the mention of its own sentence, else the nearest
preceding mention of the report, else the first following one, else a mention
made at the claim's sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from spacy.tokens import Doc, Span

from ..model import Actor, ActorRole, Claim, Evidence, Mention, Report, Source, Timex, Toponym
from .attribution import Attribution
from .claims import ClaimInfo
from .components import CLAIMS_KEY, EVENTS_KEY
from .events import EventInfo
from .phrases import CharSpan
from .segments import Segment
from .sources import SourceRegistry, clean_written, outlet_source
from .where_when import PlaceWords, place_words, timexes_in, toponyms_in

__all__ = ["report_mentions"]


@dataclass
class _Sentence:
    seg: Segment
    sent: Span
    trigger: Span | None
    claims: list[Claim] = field(default_factory=list)


@dataclass
class _Group:
    trigger: Evidence
    event: EventInfo | None
    seg: Segment
    sentences: list[_Sentence]
    claims: list[Claim] = field(default_factory=list)


def evidence(seg: Segment, start: int, end: int) -> Evidence:
    """Evidence for characters ``start:end`` of the segment, trimmed of surrounding white space."""
    while start < end and seg.text[start].isspace():
        start += 1
    while end > start and seg.text[end - 1].isspace():
        end -= 1
    return Evidence(seg.field, seg.offset + start, seg.offset + end, seg.text[start:end])


def _written(seg: Segment, span: CharSpan | None) -> str | None:
    if span is None:
        return None
    text = clean_written(seg.text[span[0] : span[1]])
    return text or None


def _best_trigger(sent: Span, doc: Doc) -> Span | None:
    spans = [s for s in doc.spans.get(EVENTS_KEY, []) if sent.start <= s.start and s.end <= sent.end]
    if not spans:
        return None
    return min(spans, key=lambda s: (s._.cf_event.priority, s.start))


def _claims_of(
    sent: Span,
    doc: Doc,
    seg: Segment,
    report: Report,
    registry: SourceRegistry,
    seen: list[Source],
    persons: list[str],
    names: list[str],
) -> list[Claim]:
    out: list[Claim] = []
    for span in doc.spans.get(CLAIMS_KEY, []):
        if not (sent.start <= span.start and span.end <= sent.end):
            continue
        info: ClaimInfo = span._.cf_claim
        att: Attribution | None = span._.cf_attribution
        written = _written(seg, att.claimant) if att else None
        if written:
            source = registry.resolve(written, seen, persons, names)
            seen.append(source)
        else:
            source = outlet_source(report.outlet)
        out.append(
            Claim(
                kind=info.kind,
                figure=info.quantity,
                source=source,
                evidence=evidence(seg, sent.start_char, sent.end_char),
                victims=_written(seg, info.victims),
                scope=info.scope,
                carried_by=report.outlet,
                origin=_written(seg, att.origin) if att else None,
                hedged=att.hedged if att else False,
            )
        )
    return out


def _sentences(report: Report, parsed: Sequence[tuple[Segment, Doc]], registry: SourceRegistry) -> list[_Sentence]:
    seen: list[Source] = []
    persons: list[str] = []  # full names given so far in the report, for "Mr Ging"
    names: list[str] = []  # organisations named so far, for "the institute"
    out: list[_Sentence] = []
    for seg, doc in parsed:
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            item = _Sentence(seg, sent, _best_trigger(sent, doc))
            item.claims = _claims_of(sent, doc, seg, report, registry, seen, persons, names)
            persons.extend(seg.text[e.start_char : e.end_char] for e in sent.ents if e.label_ == "PERSON")
            names.extend(seg.text[e.start_char : e.end_char] for e in sent.ents if e.label_ == "ORG")
            out.append(item)
    return out


def _group(sentences: list[_Sentence]) -> list[_Group]:
    groups: list[_Group] = []
    owner: list[int | None] = []  # index of the group started at each sentence
    for s in sentences:
        if s.trigger is not None:
            ev: EventInfo = s.trigger._.cf_event
            trig = evidence(s.seg, s.trigger.start_char, s.trigger.end_char)
            groups.append(_Group(trig, ev, s.seg, [s]))
            owner.append(len(groups) - 1)
        else:
            owner.append(None)
    for i, s in enumerate(sentences):
        if not s.claims:
            continue
        target = owner[i]
        if target is None:
            before = [g for g in owner[:i] if g is not None]
            after = [g for g in owner[i + 1 :] if g is not None]
            target = before[-1] if before else after[0] if after else None
        if target is None:
            trig = evidence(s.seg, s.sent.start_char, s.sent.end_char)
            groups.append(_Group(trig, None, s.seg, [s]))
            target = len(groups) - 1
            owner[i] = target  # later claims without a trigger join it as their preceding mention
        g = groups[target]
        g.claims.extend(s.claims)
        if all(x is not s for x in g.sentences):
            g.sentences.append(s)
    return groups


def _actors(g: _Group) -> tuple[ActorRole, ...]:
    if g.event is None:
        return ()
    roles = []
    for role, span in (("perpetrator", g.event.perpetrator), ("target", g.event.target)):
        name = _written(g.seg, span)
        if name:
            roles.append(ActorRole(Actor(name=name, type="unknown"), role))
    return tuple(roles)


def _sentence_toponyms(s: _Sentence, words: PlaceWords) -> list[Toponym]:
    out = []
    for (a, b), context in toponyms_in(s.sent, words):
        ev = evidence(s.seg, a, b)
        out.append(Toponym(name=clean_written(ev.quote), evidence=ev, context=context))
    return out


def _places_times(
    g: _Group, words: PlaceWords, toponyms_of: dict[int, list[Toponym]]
) -> tuple[tuple[Toponym, ...], tuple[Timex, ...]]:
    tops: dict[tuple[str, int], Toponym] = {}
    times: dict[tuple[str, int], Timex] = {}
    for s in g.sentences:
        for t in toponyms_of[id(s)]:
            tops.setdefault((t.evidence.field, t.evidence.start), t)
        for a, b in timexes_in(s.sent, words):
            ev = evidence(s.seg, a, b)
            times.setdefault((ev.field, ev.start), Timex(text=clean_written(ev.quote), evidence=ev))
    return tuple(tops.values()), tuple(times.values())


def _context_toponyms(
    g: _Group, sentences: list[_Sentence], toponyms_of: dict[int, list[Toponym]]
) -> tuple[Toponym, ...]:
    """Places named in the report's other sentences: the nearest earlier ones first, then the later ones."""
    own = {id(s) for s in g.sentences}
    first = next(i for i, s in enumerate(sentences) if id(s) in own)
    before = [t for s in reversed(sentences[:first]) for t in reversed(toponyms_of[id(s)])]
    after = [t for s in sentences[first + 1 :] if id(s) not in own for t in toponyms_of[id(s)]]
    return tuple(before + after)


def report_mentions(report: Report, parsed: Sequence[tuple[Segment, Doc]], registry: SourceRegistry) -> list[Mention]:
    """The mentions of one report, from its processed segments (headline first, then body)."""
    words = place_words()
    sentences = _sentences(report, parsed, registry)
    toponyms_of = {id(s): _sentence_toponyms(s, words) for s in sentences}
    mentions = []
    for g in _group(sentences):
        toponyms, timexes = _places_times(g, words, toponyms_of)
        mentions.append(
            Mention(
                report_key=report.key,
                article_id=report.article.id,
                part=report.part,
                trigger=g.trigger,
                event_type=g.event.event_type if g.event else None,
                sub_event_type=g.event.sub_event_type if g.event else None,
                actors=_actors(g),
                claims=tuple(g.claims),
                toponyms=toponyms,
                timexes=timexes,
                context_toponyms=_context_toponyms(g, sentences, toponyms_of),
            )
        )
    return mentions
