"""Processed Docs of one report -> model records (Mentions with Claims, Toponyms, Timexes).

The only module that reads the components' results; no Doc leaves it. Every
Evidence counts in the input article's field (``Segment.field`` and
``Segment.offset``) and its quote is cut from the original characters, so
``article.field_text(e.field)[e.start:e.end] == e.quote`` holds even when the
model read a case-normalised copy.

Grouping (deterministic): each sentence with an event trigger starts a
mention, unless it refers back to an earlier one ("the strike", "hours after
the shooting"); a claim joins the mention of its own sentence; a headline's
claim joins the mention of the body sentence that gives its figure; else the
nearest preceding mention that names a place the claim's sentence names, else
the nearest mention of the claim's paragraph, else the nearest preceding
mention that does not recall an older event ("an earlier airstrike"), else the
first following one, else a mention made at the claim's sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Sequence

from spacy.tokens import Doc, Span

from ..model import Actor, ActorRole, Claim, Evidence, Mention, Report, Source, Statement, Timex, Toponym
from .actors import ActorRegistry, default_actors
from .attribution import Attribution
from .claims import ClaimInfo
from .components import CLAIMS_KEY, EVENTS_KEY
from .events import EventInfo
from .phrases import CharSpan
from .responsibility import statement_in
from .segments import Segment
from .sources import SourceRegistry, clean_written, outlet_source
from .statements import Statements
from .where_when import PlaceWords, place_words, timexes_in, toponyms_in
from .wording import wording_of

__all__ = ["report_mentions"]


_POSSESSIVE = re.compile(r"['\u2019]s?$")
_TELLING_PLACE_SENTENCES = 3  # a place named in more sentences of a report than this does not tell mentions apart


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
    spans = [s for s in spans if s._.cf_event.asserted]  # "would strike", "bombing campaign": no event
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
        for kind in (info.kind, *info.extra_kinds):  # "no casualties": killed 0 and wounded 0
            out.append(
                Claim(
                    kind=kind,
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
    statements = Statements()
    persons: list[str] = []  # full names given so far in the report, for "Mr Ging"
    names: list[str] = []  # organisations named so far, for "the institute"
    out: list[_Sentence] = []
    for seg, doc in parsed:
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            item = _Sentence(seg, sent, _best_trigger(sent, doc))
            claims = _claims_of(sent, doc, seg, report, registry, seen, persons, names)
            item.claims = [c for c in claims if statements.keep(c, seg.headline)]  # one claim per statement
            persons.extend(seg.text[e.start_char : e.end_char] for e in sent.ents if e.label_ == "PERSON")
            names.extend(seg.text[e.start_char : e.end_char] for e in sent.ents if e.label_ == "ORG")
            out.append(item)
    return out


def _settle_ambiguous(sentences: list[_Sentence]) -> None:
    """A trigger its sentence does not type takes the type of the report's nearest typed event, the earlier first.

    A 'bombing' takes that of an explosive event; a fire set by no one named ("two
    buildings were set on fire") that of any event. A fire someone is named setting
    ("a mob set fire to a shop") takes that of the report's incendiary bomb when
    it tells one: the Molotov cocktail thrown inside is how the fire was set.
    """
    typed = [
        (i, s.trigger._.cf_event)
        for i, s in enumerate(sentences)
        if s.trigger is not None and not s.trigger._.cf_event.ambiguous
    ]
    for i, s in enumerate(sentences):
        if s.trigger is None:
            continue
        own: EventInfo = s.trigger._.cf_event
        if not own.ambiguous and not own.arson:
            continue
        if own.ambiguous:
            explosive = own.event_type == "Explosions/Remote violence"
            fits = [(j, ev) for j, ev in typed if not explosive or ev.event_type == own.event_type]
        else:  # a fire someone is named setting
            fits = [(j, ev) for j, ev in typed if j != i and ev.incendiary]
        before = [ev for j, ev in fits if j < i]
        after = [ev for j, ev in fits if j > i]
        model = before[-1] if before else after[0] if after else None
        if model is None:
            continue
        s.trigger._.cf_event = replace(own, event_type=model.event_type, sub_event_type=model.sub_event_type,
                                       ambiguous=False)


def _antecedent(groups: list[_Group], ev: EventInfo) -> int | None:
    """The latest earlier mention of the same type that an anaphoric trigger refers back to."""
    if not ev.anaphoric:
        return None
    same = [
        i
        for i, g in enumerate(groups)
        if g.event is not None and g.event.sub_event_type == ev.sub_event_type and not g.event.recalled
    ]  # "the mortar strike" never names an event the report recalls from years ago
    return same[-1] if same else None


def _recalls(g: _Group) -> bool:
    return g.event is not None and g.event.recalled


def _claim_home(
    i: int, owner: list[int | None], groups: list[_Group], sentences: list[_Sentence], toponyms_of: dict[int, list]
) -> int | None:
    """The mention a claim sentence without a trigger of its own joins.

    The nearest earlier mention whose sentences name a place the claim's sentence
    names ("... killed in the Al-Amal school"); else the nearest mention of its own
    paragraph; else the nearest earlier mention that does not recall an older event
    ("in an earlier airstrike"); else the first later one that does not; else the
    nearest earlier, else the first later.
    """
    before = list(dict.fromkeys(g for g in reversed(owner[:i]) if g is not None))  # nearest first
    after = list(dict.fromkeys(g for g in owner[i + 1 :] if g is not None))
    common = Counter(n for x in sentences for n in {t.name.casefold() for t in toponyms_of.get(id(x), [])})
    names = {t.name.casefold() for t in toponyms_of.get(id(sentences[i]), [])}
    names = {n for n in names if common[n] <= _TELLING_PLACE_SENTENCES}  # "Gaza" all along tells nothing
    if names:
        for g in before:
            if names & {t.name.casefold() for x in groups[g].sentences for t in toponyms_of.get(id(x), [])}:
                return g
    here = _same_paragraph(i, owner, groups, sentences)
    if here is not None:
        return here
    current = [g for g in before + after if not _recalls(groups[g])]
    if current:
        return current[0]
    return before[0] if before else after[0] if after else None


def _figures(s: _Sentence) -> set[tuple[str, int | None, int | None]]:
    return {(c.kind.value, c.figure.min, c.figure.max) for c in s.claims}


def _told_in_body(s: _Sentence, sentences: list[_Sentence], home: dict[int, int]) -> int | None:
    """The mention of the first body sentence that gives one of the headline's figures ("Three killed in ...")."""
    figures = _figures(s)
    for j, other in enumerate(sentences):
        if not other.seg.headline and j in home and figures & _figures(other):
            return home[j]
    return None


def _same_paragraph(i: int, owner: list[int | None], groups: list[_Group], sentences: list[_Sentence]) -> int | None:
    """The mention started in the claim sentence's own paragraph, the nearest sentence first (none that recalls an
    older event).

    "Three clerks died. Their depot burned down once a rioter
    hurled a fuel can through the door." -- one paragraph tells one event.
    """
    s = sentences[i]
    para = _paragraph(s)
    near = sorted(
        (abs(j - i), j) for j, x in enumerate(sentences)
        if (g := owner[j]) is not None and x.seg is s.seg and _paragraph(x) == para and not _recalls(groups[g])
    )
    return owner[near[0][1]] if near else None


def _paragraph(s: _Sentence) -> int:
    return s.seg.text.count("\n", 0, s.sent.start_char)


def _group(sentences: list[_Sentence], toponyms_of: dict[int, list] | None = None) -> list[_Group]:
    groups: list[_Group] = []
    owner: list[int | None] = []  # index of the group started at each sentence
    _settle_ambiguous(sentences)
    if any(s.trigger is not None and not s.trigger._.cf_event.minor for s in sentences):
        for s in sentences:  # arrests and protests in a report of violence are part of its story
            if s.trigger is not None and s.trigger._.cf_event.minor:
                s.trigger = None
    for s in sentences:
        if s.trigger is not None:
            ev: EventInfo = s.trigger._.cf_event
            earlier = _antecedent(groups, ev)
            if earlier is not None:  # "the air strike was ...": the event named before
                if not ev.reference:  # "hours after the shooting, ... in <elsewhere>" tells nothing of it
                    groups[earlier].sentences.append(s)
                owner.append(earlier)
                continue
            trig = evidence(s.seg, s.trigger.start_char, s.trigger.end_char)
            groups.append(_Group(trig, ev, s.seg, [s]))
            owner.append(len(groups) - 1)
        else:
            owner.append(None)
    home: dict[int, int] = {}
    body_first = sorted(range(len(sentences)), key=lambda i: (sentences[i].seg.headline, i))
    for i in body_first:  # the body first: a headline's figure goes where the body tells it
        s = sentences[i]
        if not s.claims:
            continue
        target = owner[i]
        if target is None and s.seg.headline:
            target = _told_in_body(s, sentences, home)
        if target is None:
            target = _claim_home(i, owner, groups, sentences, toponyms_of or {})
        if target is None:
            trig = evidence(s.seg, s.sent.start_char, s.sent.end_char)
            groups.append(_Group(trig, None, s.seg, [s]))
            target = len(groups) - 1
            owner[i] = target  # later claims without a trigger join it as their preceding mention
        home[i] = target
        g = groups[target]
        g.claims.extend(s.claims)
        if all(x is not s for x in g.sentences):
            g.sentences.append(s)
    return groups


def _actors(g: _Group, seen: list[Actor], actors: ActorRegistry) -> tuple[ActorRole, ...]:
    """Perpetrator and target canonicalised (``nlp.actors``); ``seen`` holds the report's earlier actors."""
    if g.event is None:
        return ()
    roles = []
    for role, span in (("perpetrator", g.event.perpetrator), ("target", g.event.target)):
        name = _written(g.seg, span)
        if name and role == "perpetrator" and g.event.perpetrator_name:
            name = g.event.perpetrator_name  # "Israeli (bombing)" read as "Israeli forces"
        actor = actors.resolve(name, seen) if name else None
        if actor is not None:
            roles.append(ActorRole(actor, role))
            seen.append(actor)
    return tuple(roles)


def _sentence_toponyms(s: _Sentence, words: PlaceWords) -> list[Toponym]:
    out = []
    for (a, b), context, within in toponyms_in(s.sent, words, seats=False):
        ev = evidence(s.seg, a, b)
        name = _POSSESSIVE.sub("", clean_written(ev.quote))  # "Ruritania's Vale state"
        out.append(Toponym(name=name, evidence=ev, context=context, within=within))
    return out


def _places_times(
    g: _Group, words: PlaceWords, toponyms_of: dict[int, list[Toponym]]
) -> tuple[tuple[Toponym, ...], tuple[Timex, ...]]:
    tops: dict[tuple[str, int], Toponym] = {}
    times: dict[tuple[str, int], Timex] = {}
    for s in g.sentences:
        for t in toponyms_of[id(s)]:
            tops.setdefault((t.evidence.field, t.evidence.start), t)
        for a, b in timexes_in(s.sent, words, statement_dates=s.trigger is not None):  # "police said Friday"
            ev = evidence(s.seg, a, b)
            times.setdefault((ev.field, ev.start), Timex(text=clean_written(ev.quote), evidence=ev))
    return tuple(tops.values()), tuple(times.values())


_FRAME_WINDOW = 2  # sentences back


def _frames(
    g: _Group, sentences: list[_Sentence], words: PlaceWords, toponyms_of: dict[int, list[Toponym]],
    own_places: tuple[Toponym, ...],
) -> list[Timex]:
    """'Friday's raid follows three attacks last week in A and B. / In A on Tuesday, ...': the week told just
    before, in a sentence naming one of the mention's own places, frames the mention's weekdays."""
    names = {t.name.lower() for t in own_places}
    own = {id(s) for s in g.sentences}
    first = next(i for i, s in enumerate(sentences) if id(s) in own)
    out = []
    for s in sentences[max(0, first - _FRAME_WINDOW) : first]:
        if id(s) in own or not names & {t.name.lower() for t in toponyms_of[id(s)]}:
            continue
        for a, b in timexes_in(s.sent, words):
            written = s.seg.text[a:b].lower()
            for f in words.frame_words:
                if written.endswith(f):  # "three attacks last week": the week alone
                    ev = evidence(s.seg, b - len(f), b)
                    out.append(Timex(text=clean_written(ev.quote), evidence=ev, frame=True))
    return out


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
    seen_actors: list[Actor] = []
    groups = _group(sentences, toponyms_of)
    for g in groups:
        toponyms, timexes = _places_times(g, words, toponyms_of)
        timexes += tuple(_frames(g, sentences, words, toponyms_of, toponyms))
        mentions.append(
            Mention(
                report_key=report.key,
                article_id=report.article.id,
                part=report.part,
                trigger=g.trigger,
                event_type=g.event.event_type if g.event else None,
                sub_event_type=g.event.sub_event_type if g.event else None,
                actors=_actors(g, seen_actors, default_actors()),
                claims=tuple(g.claims),
                toponyms=toponyms,
                timexes=timexes,
                context_toponyms=_context_toponyms(g, sentences, toponyms_of),
                wording=wording_of(s.sent for s in g.sentences),
            )
        )
    return _with_statements(mentions, groups, sentences, report, registry)


def _with_statements(
    mentions: list[Mention], groups: list[_Group], sentences: list[_Sentence], report: Report,
    registry: SourceRegistry,
) -> list[Mention]:
    """Statements about responsibility join the mention of their sentence, else the nearest earlier one."""
    if not mentions:
        return mentions
    owner = {id(s): i for i, g in enumerate(groups) for s in g.sentences}
    found: dict[int, list[Statement]] = {}
    current = 0
    for s in sentences:
        current = owner.get(id(s), current)
        stmt = statement_in(
            s.sent,
            partial(evidence, s.seg),
            partial(_written, s.seg),
            registry.resolve,
            outlet_source(report.outlet),
            report.outlet,
        )
        if stmt is not None:
            found.setdefault(current, []).append(stmt)
    return [replace(m, statements=tuple(found.get(i, ()))) if i in found else m for i, m in enumerate(mentions)]
