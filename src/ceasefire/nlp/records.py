"""Processed Docs of one report -> model records (Mentions with Claims, Toponyms, Timexes).

The only module that reads the components' results; no Doc leaves it. Every
Evidence counts in the input article's field (``Segment.field`` and
``Segment.offset``) and its quote is cut from the original characters, so
``article.field_text(e.field)[e.start:e.end] == e.quote`` holds even when the
model read a case-normalised copy.

Grouping (deterministic): a sentence whose coordinated clauses each hold an
event trigger and a place of their own ("a strike on A killed five while another
on B killed four", ``nlp.clauses``) is read as one sentence per clause, each with
its own trigger, places and claims (its times are the whole sentence's). Each
sentence with an event trigger starts a
mention, unless it refers back to an earlier one ("the strike", "hours after
the shooting"; a trigger verb in a sentence naming no place or date, "some were kidnapped", is part of the
report's latest event of its event type); a claim joins the mention of its own sentence; a headline's
claim joins the mention of the body sentence that gives its figure; else the
nearest preceding mention that names a place the claim's sentence names, else
the nearest mention of the claim's paragraph, else the nearest preceding
mention that does not recall an older event ("an earlier airstrike"), else the
first following one, else a mention made at the claim's sentence.

A sentence whose words set its event apart from those told before it
("Separately, ...", "a week earlier", ``nlp.apart``) starts a mention of its own
(one with claims and no trigger too, typed by its killing verb, ``nlp.killings``),
which the claims of earlier sentences never join; in "the raid came a day after
gunmen killed four in B" only the part from "after" on tells it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from typing import Iterable, Sequence

from spacy.tokens import Doc, Span

from ..model import ActorRole, Claim, Evidence, Mention, Report, Source, Statement, Timex, Toponym
from .actors import ActorRegistry, SeenActors, default_actors
from .apart import EARLIER, Apart, apart_in
from .attribution import Attribution
from .claims import ClaimInfo
from .clauses import clause_bounds
from .components import CLAIMS_KEY, EVENTS_KEY
from .doc_index import forget, sentence_ents, span_text
from .events import EventInfo
from .killings import killing_event
from .lexicon import load_json
from .phrases import CharSpan
from .responsibility import statement_in
from .segments import Segment
from .sources import SourceRegistry, clean_written, headline_lead, outlet_source
from .statements import Statements
from .where_when import PlaceWords, noun_timexes, occurrence_timexes, place_words, sentence_timexes, toponyms_in
from .wording import wording_of

__all__ = ["report_mentions"]


_POSSESSIVE = re.compile(r"['\u2019]s?$")
RECALL = 100  # the latest claimants, persons and organisations of a report that a short reference may be to
_TELLING_PLACE_SENTENCES = 3  # a place named in more sentences of a report than this does not tell mentions apart


@dataclass
class _Sentence:
    """One sentence of a report, read off its Doc at once: no Span outlives its segment's Doc.

    ``start``/``end`` are the sentence's characters in ``seg.text``; ``paragraph``
    counts the line breaks of the segment before it; ``event`` and ``trigger`` are
    its best asserted trigger (``None`` when it has none, or lost it to the report's
    violence); ``timexes`` are all its time expressions, ``event_timexes`` those that
    do not date a statement ("police said Friday"), ``noun_timexes`` those that modify one of its (clause's)
    trigger nouns ("Sunday's strike"), ``occurrence_timexes`` those that tell when an event named before
    happened ("The attack, which happened early Sunday, ...").
    """

    index: int
    seg: Segment
    start: int
    end: int
    paragraph: int
    event: EventInfo | None
    trigger: CharSpan | None
    claims: list[Claim]
    toponyms: list[Toponym]
    timexes: list[CharSpan]
    event_timexes: list[CharSpan]
    noun_timexes: list[CharSpan]
    occurrence_timexes: list[CharSpan]
    own_time: bool  # a time beside any statement's that is not inside a 'since' clause
    wording: tuple[str, ...]
    statement: Statement | None
    apart: Apart | None = None  # words that set its event apart from those told before it (``nlp.apart``)
    killing: EventInfo | None = None  # with claims and no trigger: the attack its killing verb tells (``nlp.killings``)


@dataclass
class _Group:
    trigger: Evidence
    event: EventInfo | None
    seg: Segment
    sentences: list[_Sentence]
    claims: list[Claim] = field(default_factory=list)
    members: set[int] = field(default_factory=set)  # the indexes of ``sentences``
    apart: Apart | None = None  # the cue of the sentence that started it

    def add(self, s: _Sentence) -> None:
        if s.index not in self.members:
            self.members.add(s.index)
            self.sentences.append(s)


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


def _by_sentence(spans: Sequence[Span], sents: list[Span], starts: list[int]) -> dict[int, list[Span]]:
    """The spans lying wholly inside each sentence (by its index in ``sents``), in the order given."""
    out: dict[int, list[Span]] = {}
    for span in spans:
        k = bisect_right(starts, span.start) - 1
        if k >= 0 and span.end <= sents[k].end:
            out.setdefault(k, []).append(span)
    return out


def _best_trigger(asserted: Sequence[Span]) -> Span | None:
    """The trigger a sentence (or clause) is read by, of its asserted ones."""
    if not asserted:
        return None
    return min(asserted, key=lambda s: (s._.cf_event.priority, s.start))


def _claims_of(
    sent: Span,
    spans: Sequence[Span],
    seg: Segment,
    report: Report,
    registry: SourceRegistry,
    seen: list[Source],
    persons: list[str],
    names: list[str],
) -> list[tuple[int, Claim]]:
    """The claims of the sentence's claim spans, each with the character its span starts at."""
    out: list[tuple[int, Claim]] = []
    for span in spans:
        info: ClaimInfo = span._.cf_claim
        att: Attribution | None = span._.cf_attribution
        written = _written(seg, att.claimant) if att else None
        if written:  # "he", "the monitor", "Mr Ging": one of the report's recent names
            source = registry.resolve(written, seen[-RECALL:], persons[-RECALL:], names[-RECALL:])
            seen.append(source)
        else:
            source = outlet_source(report.outlet)
        for kind in (info.kind, *info.extra_kinds):  # "no casualties": killed 0 and wounded 0
            out.append(
                (
                    span.start_char,
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
                    ),
                )
            )
    return out


def _sentences(
    report: Report, parsed: Iterable[tuple[Segment, Doc]], registry: SourceRegistry, words: PlaceWords
) -> list[_Sentence]:
    """The report's sentences, each read off its Doc as the Docs arrive (one segment's Doc at a time)."""
    seen: list[Source] = []
    statements = Statements()
    persons: list[str] = []  # full names given so far in the report, for "Mr Ging"
    names: list[str] = []  # organisations named so far, for "the institute"
    outlet = outlet_source(report.outlet)
    out: list[_Sentence] = []
    for seg, doc in parsed:
        sents = list(doc.sents)
        starts = [sent.start for sent in sents]
        triggers = _by_sentence(doc.spans.get(EVENTS_KEY, []), sents, starts)
        claim_spans = _by_sentence(doc.spans.get(CLAIMS_KEY, []), sents, starts)
        paragraph, counted = 0, 0
        for k, sent in enumerate(sents):
            if not span_text(sent).strip():
                continue
            paragraph += seg.text.count("\n", counted, sent.start_char)
            counted = sent.start_char
            timexes, event_timexes, own_timexes = sentence_timexes(sent, words)
            claims = _claims_of(sent, claim_spans.get(k, []), seg, report, registry, seen, persons, names)
            ents = sentence_ents(sent)
            persons.extend(_person_names(ents, seg.text))
            names.extend(seg.text[e.start_char : e.end_char] for e in ents if e.label_ == "ORG")
            toponyms = _sentence_toponyms(seg, sent, words)
            # "would strike", "bombing campaign": no event
            asserted = [t for t in triggers.get(k, []) if t._.cf_event.asserted]
            marks = [(t.start_char, t.end_char) for t in asserted]
            places = [t.evidence.start - seg.offset for t in toponyms]
            bounds = clause_bounds(sent, marks, places)  # "a strike on A killed four, and a drone strike on B ..."
            cue = apart_in(sent)
            if cue is not None and cue.start > sent.start_char:  # "the raid came a day after <an older event>"
                bounds = _split(bounds, cue.start)
            statement = statement_in(
                sent, partial(evidence, seg), partial(_written, seg), registry.resolve, outlet, report.outlet
            )
            occurrences = occurrence_timexes(sent, words)
            wording = wording_of([sent])
            kept = [(at, c) for at, c in claims if statements.keep(c, seg.headline, at)]  # one claim per statement
            for n, (a, b) in enumerate(bounds):
                own_triggers = [t for t in asserted if a <= t.start_char < b]
                trigger = _best_trigger(own_triggers)
                event = trigger._.cf_event if trigger is not None else None
                at = (trigger.start_char, trigger.end_char) if trigger is not None else None
                inside = len(bounds) == 1
                own_claims = [c for at, c in kept if inside or a <= at < b]
                if event is not None and event.bare and seg.headline and not own_claims:
                    event, at = None, None  # "a truce strained by strikes": the body tells its events
                apart = cue if cue is not None and a >= cue.start else None
                if cue is not None and event is not None and b <= cue.start:  # "the raid came ...": the one told
                    event = replace(event, anaphoric=True, reference=True)  # before, only a point in time here
                out.append(
                    _Sentence(
                        index=len(out),
                        seg=seg,
                        start=sent.start_char,
                        end=sent.end_char,
                        paragraph=paragraph,
                        event=event,
                        trigger=at,
                        claims=own_claims,
                        toponyms=[t for t in toponyms if inside or a <= t.evidence.start - seg.offset < b],
                        timexes=_apart_times(timexes, apart),
                        event_timexes=_apart_times(event_timexes, apart),
                        noun_timexes=noun_timexes(sent, own_triggers, words),
                        occurrence_timexes=occurrences,
                        own_time=bool(own_timexes),
                        wording=wording,
                        statement=statement if n == 0 else None,
                        apart=apart,
                        killing=_killing(sent, a, b) if event is None and claims else None,
                    )
                )
        forget(doc)
    _place_leads(out, outlet)
    return out


def _place_leads(sentences: list[_Sentence], outlet: Source) -> None:
    """A headline's lead that names a country or a place the report names as one ("Ruritania: dozens killed",
    the body's "in northern Ruritania") labels the story; it is no speaker, whatever the NER made of it in the
    headline: the headline's figure is the outlet's own claim."""
    places = {" ".join(_POSSESSIVE.sub("", t.name).casefold().split()) for s in sentences for t in s.toponyms}
    countries = default_actors()
    for s in sentences:
        if s.seg.headline:
            s.claims = [replace(c, source=outlet, origin=None) if headline_lead(s.seg.text, c.source) and (
                " ".join((c.source.as_written or "").casefold().split()) in places
                or countries.names_country(c.source.as_written or "")) else c for c in s.claims]


def _killing(sent: Span, start: int, end: int) -> EventInfo | None:
    """The attack a killing verb of characters ``start:end`` of the sentence tells (``nlp.killings``)."""
    return killing_event([t for t in sent if start <= t.idx < end])


def _split(bounds: list[CharSpan], at: int) -> list[CharSpan]:
    """The sentence's pieces with the one holding ``at`` cut there."""
    out = []
    for a, b in bounds:
        out.extend([(a, at), (at, b)] if a < at < b else [(a, b)])
    return out


def _apart_times(spans: list[CharSpan], apart: Apart | None) -> list[CharSpan]:
    """The times of a piece set apart: not the distance's own words (they date it from the event told before),
    nor, when the piece begins after its sentence's start ("... came a day after X"), the times before it."""
    if apart is None:
        return spans
    off = apart.offset
    return [(a, b) for a, b in spans if a >= apart.start and not (off is not None and a < off[1] and off[0] < b)]


def _person_names(ents: Sequence[Span], text: str) -> list[str]:
    """The PERSON entities' names, two the NER split with only a space between ('Oleksandr' 'Prokudin') as one."""
    out: list[str] = []
    end = -1
    for e in ents:
        if e.label_ != "PERSON":
            continue
        if out and text[end : e.start_char] == " ":
            out[-1] += " " + text[e.start_char : e.end_char]
        else:
            out.append(text[e.start_char : e.end_char])
        end = e.end_char
    return out


def _nearest(index: list[int], i: int, before: bool) -> int | None:
    """The largest entry of the sorted ``index`` below ``i`` (``before``), else the smallest above it."""
    if before:
        k = bisect_left(index, i)
        return index[k - 1] if k > 0 else None
    k = bisect_right(index, i)
    return index[k] if k < len(index) else None


def _settle_ambiguous(sentences: list[_Sentence]) -> None:
    """A trigger its sentence does not type takes the type of the report's nearest typed event: another clause's of
    its own sentence ("a strike on A killed four, and a drone strike on B killed one"), else the earlier first.

    A 'bombing' takes that of an explosive event; a fire set by no one named ("two
    buildings were set on fire") that of any event. A fire someone is named setting
    ("a mob set fire to a shop") takes that of the report's incendiary bomb when
    it tells one: the Molotov cocktail thrown inside is how the fire was set.
    """
    typed: dict[int, EventInfo] = {
        i: s.event for i, s in enumerate(sentences) if s.event is not None and not s.event.ambiguous
    }
    every = sorted(typed)
    of_type: dict[str, list[int]] = {}
    for i in every:
        of_type.setdefault(typed[i].event_type, []).append(i)
    incendiary = [i for i in every if typed[i].incendiary]
    for i, s in enumerate(sentences):
        own = s.event
        if own is None or (not own.ambiguous and not own.arson):
            continue
        if own.ambiguous:
            explosive = own.event_type == "Explosions/Remote violence"
            fits = of_type.get(own.event_type, []) if explosive else every
        else:  # a fire someone is named setting
            fits = incendiary
        j = _same_sentence(sentences, i, fits)
        j = _nearest(fits, i, before=True) if j is None else j
        j = _nearest(fits, i, before=False) if j is None else j
        if j is None:
            continue
        model = typed[j]
        s.event = replace(own, event_type=model.event_type, sub_event_type=model.sub_event_type, ambiguous=False)


def _same_sentence(sentences: list[_Sentence], i: int, fits: list[int]) -> int | None:
    """The nearest other clause of sentence ``i``'s sentence that is in the sorted ``fits``, the earlier first."""
    s = sentences[i]
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(sentences) and sentences[k].seg is s.seg and sentences[k].start == s.start:
            at = bisect_left(fits, k)
            if at < len(fits) and fits[at] == k:
                return k
            k += step
    return None


def _recalls(g: _Group) -> bool:
    """An older event ("an earlier airstrike", "a week earlier"): no home for the claims of other sentences."""
    return (g.event is not None and g.event.recalled) or (g.apart is not None and g.apart.cue == EARLIER)


class _Owners:
    """Which mention each sentence started (or, for an anaphoric trigger, joined), with sorted indexes of the
    sentences that have one -- and have one that recalls no older event -- for the nearest look-ups; ``plain``
    the same two without the sentences of mentions set apart from what was told before them (``nlp.apart``),
    which are no home for a claim told before them."""

    def __init__(self, size: int) -> None:
        self.of: list[int | None] = [None] * size
        self.owned: list[int] = []
        self.current: list[int] = []
        self.plain: tuple[list[int], list[int]] = ([], [])  # ``owned``, ``current`` without those set apart
        self.positions: dict[int, list[int]] = {}  # a mention's sentences in ``of``

    def set(self, i: int, g: int, recalls: bool, apart: bool = False) -> None:
        self.of[i] = g
        insort(self.owned, i)
        if not recalls:
            insort(self.current, i)
        if not apart:
            insort(self.plain[0], i)
            if not recalls:
                insort(self.plain[1], i)
        insort(self.positions.setdefault(g, []), i)

    def last_before(self, g: int, i: int) -> int | None:
        return _nearest(self.positions.get(g, []), i, before=True)


def _telling_names(sentences: list[_Sentence]) -> tuple[list[set[str]], dict[str, list[int]]]:
    """Each sentence's place names that tell mentions apart, and the sentences naming each of them.

    A name in more sentences of the report than ``_TELLING_PLACE_SENTENCES`` tells
    nothing ("Gaza" all along).
    """
    own = [{t.name.casefold() for t in s.toponyms} for s in sentences]
    common = Counter(n for names in own for n in names)
    telling = [{n for n in names if common[n] <= _TELLING_PLACE_SENTENCES} for names in own]
    naming: dict[str, list[int]] = {}
    for i, names in enumerate(telling):
        for n in names:
            naming.setdefault(n, []).append(i)
    return telling, naming


def _claim_home(
    i: int, owners: _Owners, groups: list[_Group], sentences: list[_Sentence],
    telling: list[set[str]], naming: dict[str, list[int]], groups_of: dict[int, list[int]],
) -> int | None:
    """The mention a claim sentence without a trigger of its own joins.

    The nearest earlier mention whose sentences name a place the claim's sentence
    names ("... killed in the Al-Amal school"); else the nearest mention of its own
    paragraph; else the nearest earlier mention that does not recall an older event
    ("in an earlier airstrike"); else the first later one that does not; else the
    nearest earlier, else the first later. Each look-up goes through an index, so a
    claim costs the same in a long report as in a short one.
    """
    best: tuple[int, int] | None = None  # (the mention's latest sentence before i, the mention)
    for name in telling[i]:
        for x in naming[name]:
            for g in groups_of.get(x, ()):
                at = owners.last_before(g, i)
                if at is not None and (best is None or at > best[0]):
                    best = (at, g)
    if best is not None:
        return best[1]
    here = _same_paragraph(i, owners, groups, sentences)
    if here is not None:
        return here
    for index, later in ((owners.current, owners.plain[1]), (owners.owned, owners.plain[0])):
        at = _nearest(index, i, before=True)
        at = _nearest(later, i, before=False) if at is None else at  # none set apart after the claim
        if at is not None:
            return owners.of[at]
    return None


def _figures(s: _Sentence) -> set[tuple[str, int | None, int | None]]:
    return {(c.kind.value, c.figure.min, c.figure.max) for c in s.claims}


def _told_in_body(s: _Sentence, sentences: list[_Sentence], home: dict[int, int]) -> int | None:
    """The mention of the first body sentence that gives one of the headline's figures ("Three killed in ...")."""
    figures = _figures(s)
    for j, other in enumerate(sentences):
        if not other.seg.headline and j in home and figures & _figures(other):
            return home[j]
    return None


def _same_paragraph(i: int, owners: _Owners, groups: list[_Group], sentences: list[_Sentence]) -> int | None:
    """The mention started in the claim sentence's own paragraph, the nearest sentence first, the earlier of two
    as near (none that recalls an older event).

    "Three clerks died. Their depot burned down once a rioter
    hurled a fuel can through the door." -- one paragraph tells one event. A paragraph's
    sentences follow each other, so the walk stops at its ends.
    """
    s = sentences[i]

    def inside(j: int) -> bool:
        return 0 <= j < len(sentences) and sentences[j].seg is s.seg and sentences[j].paragraph == s.paragraph

    d = 0
    while inside(i - d) or inside(i + d):
        for j in dict.fromkeys((i - d, i + d)):
            g = owners.of[j] if inside(j) else None
            if g is not None and not _recalls(groups[g]) and not (groups[g].apart and min(groups[g].members) > i):
                return g  # not one set apart after the claim ("... Separately, a strike on B ...")
        d += 1
    return None


def _group(sentences: list[_Sentence]) -> list[_Group]:
    groups: list[_Group] = []
    owners = _Owners(len(sentences))
    groups_of: dict[int, list[int]] = {}  # the mentions each sentence belongs to
    latest: dict[str, int] = {}  # the latest mention of each sub-event type that recalls no older event
    latest_of: dict[str, int] = {}  # ... and of each event type: "the strike" names no weapon
    last_told: int | None = None  # the latest of them all, unless told as older ("a week earlier, ...")
    _settle_ambiguous(sentences)
    if any(s.event is not None and not s.event.minor for s in sentences):
        for s in sentences:  # arrests and protests in a report of violence are part of its story
            if s.event is not None and s.event.minor:
                s.event, s.trigger = None, None

    def join(g: int, s: _Sentence) -> None:
        if s.index not in groups[g].members:
            groups_of.setdefault(s.index, []).append(g)
        groups[g].add(s)

    for i, s in enumerate(sentences):
        if s.event is None or s.trigger is None:
            continue
        ev = s.event
        anaphoric = ev.anaphoric and (s.apart is None or ev.reference)  # "Separately, the strike on B ...": another
        by_type = ev.bare or ev.verbal  # "the strike" names no weapon; "some were kidnapped" is part of an attack
        earlier = (latest_of if by_type else latest).get(ev.event_type if by_type else ev.sub_event_type)
        if earlier is None and not ev.verbal and ev.sub_event_type in _story_anaphors():
            earlier = last_told  # "killed in the fighting" after a car bomb and gunmen storming the post; not "clashed"
        earlier = earlier if anaphoric else None
        if earlier is not None:  # "the air strike was ...": the event named before
            if not ev.reference:  # "hours after the shooting, ... in <elsewhere>" tells nothing of it
                join(earlier, s)
            owners.set(i, earlier, _recalls(groups[earlier]))
            continue
        trig = evidence(s.seg, *s.trigger)
        groups.append(_Group(trig, ev, s.seg, [], apart=s.apart))
        join(len(groups) - 1, s)
        owners.set(i, len(groups) - 1, _recalls(groups[-1]), s.apart is not None)
        if not ev.recalled:  # "the mortar strike" never names an event the report recalls from years ago
            latest[ev.sub_event_type] = latest_of[ev.event_type] = len(groups) - 1
            last_told = len(groups) - 1 if s.apart is None or s.apart.cue != EARLIER else None
    telling, naming = _telling_names(sentences)
    home: dict[int, int] = {}
    body_first = sorted(range(len(sentences)), key=lambda i: (sentences[i].seg.headline, i))
    for i in body_first:  # the body first: a headline's figure goes where the body tells it
        s = sentences[i]
        if not s.claims:
            continue
        target = owners.of[i]
        if target is None and s.seg.headline:
            target = _told_in_body(s, sentences, home)
        opens = target is None and _opens_apart(s)
        if target is None and not opens:
            target = _claim_home(i, owners, groups, sentences, telling, naming, groups_of)
        if target is None:
            trig = evidence(s.seg, s.start, s.end)
            groups.append(_Group(trig, s.killing, s.seg, [], apart=s.apart if opens else None))
            target = len(groups) - 1
            owners.set(i, target, _recalls(groups[target]), opens)  # later claims without a trigger join it
        home[i] = target
        groups[target].claims.extend(s.claims)
        join(target, s)
    return groups


@lru_cache(maxsize=1)
def _story_anaphors() -> frozenset[str]:
    """Sub-event types whose definite noun names the report's last event when it told none of their kind
    (``data/nlp_event_context.json``: story_anaphors)."""
    return frozenset(load_json("nlp_event_context.json")["story_anaphors"])


def _opens_apart(s: _Sentence) -> bool:
    """A claim sentence with no trigger that its words set apart starts a mention of its own: one told as older
    ("had been attacked a week earlier, when 11 were killed"), or one a marker opens that names a place ("In
    another attack, gunmen killed four in B"; not "Separately, the toll rose to 30")."""
    return s.apart is not None and (s.apart.cue == EARLIER or bool(s.toponyms))


def _actors(g: _Group, seen: SeenActors, actors: ActorRegistry) -> tuple[ActorRole, ...]:
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
            seen.add(actor)
    return tuple(roles)


def _sentence_toponyms(seg: Segment, sent: Span, words: PlaceWords) -> list[Toponym]:
    out = []
    for (a, b), context, within in toponyms_in(sent, words, seats=False):
        ev = evidence(seg, a, b)
        name = _POSSESSIVE.sub("", clean_written(ev.quote))  # "Ruritania's Vale state"
        out.append(Toponym(name=name, evidence=ev, context=context, within=within))
    return out


def _places_times(g: _Group) -> tuple[tuple[Toponym, ...], tuple[Timex, ...]]:
    """The mention's places and times, in the order of its sentences; a time that modifies one of its trigger
    nouns ("after Sunday's strike") first, as it dates that event before any other time does."""
    tops: dict[tuple[str, int], Toponym] = {}
    times: dict[tuple[str, int], Timex] = {}
    for s in g.sentences:
        for t in s.toponyms:
            tops.setdefault((t.evidence.field, t.evidence.start), t)
    timed = [(s, span, statement) for s in g.sentences for span, statement in _event_times(s)]
    for s, (a, b), statement in sorted(timed, key=lambda x: not _overlaps(x[1], x[0].noun_timexes)):
        ev = evidence(s.seg, a, b)
        named = _overlaps((a, b), s.noun_timexes)
        times.setdefault(
            (ev.field, ev.start), Timex(text=clean_written(ev.quote), evidence=ev, statement=statement, named=named)
        )
    return tuple(tops.values()), tuple(times.values())


def _overlaps(span: CharSpan, spans: Sequence[CharSpan]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in spans)


def _event_times(s: _Sentence) -> list[tuple[CharSpan, bool]]:
    """The times of a sentence that may date its event, each with whether it dates a statement instead.

    A time dating a statement ("police said Friday") is taken only in a sentence that names the event and gives it
    no time of its own ("the army said on Saturday that jets bombed the town", not "... said on Monday that a bomb
    killed 15 last week" nor "... that Friday's attack ..."), marked as a statement's: it bounds the event, which
    happened on or before it (``dates``). A time inside a "since" clause is then left out: it stands in for the
    event's own only when no statement's time is there."""
    if s.trigger is not None and not s.own_time:
        told = set(s.event_timexes)
        stated = [(span, True) for span in s.timexes if span not in told]
        if stated:
            return stated
    return [(span, False) for span in s.event_timexes]


def _occurrences(groups: list[_Group], sentences: list[_Sentence]) -> dict[int, list[Timex]]:
    """'Gunmen killed nine people. The attack, which happened early Sunday, ...': a sentence that starts no mention
    but tells when an event named before happened dates the report's latest mention before it (by group)."""
    taken = {i for g in groups for i in g.members}
    firsts = sorted((min(g.members), k) for k, g in enumerate(groups) if g.members)
    out: dict[int, list[Timex]] = {}
    for s in sentences:
        if s.index in taken or not s.occurrence_timexes:
            continue
        owner = next((k for first, k in reversed(firsts) if first < s.index), None)
        if owner is None:
            continue
        for a, b in s.occurrence_timexes:
            ev = evidence(s.seg, a, b)
            out.setdefault(owner, []).append(Timex(text=clean_written(ev.quote), evidence=ev))
    return out


_FRAME_WINDOW = 2  # sentences back


def _frames(g: _Group, sentences: list[_Sentence], words: PlaceWords, own_places: tuple[Toponym, ...]) -> list[Timex]:
    """'Friday's raid follows three attacks last week in A and B. / In A on Tuesday, ...': the week told just
    before, in a sentence naming one of the mention's own places, frames the mention's weekdays."""
    names = {t.name.lower() for t in own_places}
    first = min(g.members)
    out = []
    for s in sentences[max(0, first - _FRAME_WINDOW) : first]:
        if s.index in g.members or not names & {t.name.lower() for t in s.toponyms}:
            continue
        for a, b in s.timexes:
            written = s.seg.text[a:b].lower()
            for f in words.frame_words:
                if written.endswith(f):  # "three attacks last week": the week alone
                    ev = evidence(s.seg, b - len(f), b)
                    out.append(Timex(text=clean_written(ev.quote), evidence=ev, frame=True))
    return out


CONTEXT_SENTENCES = 200  # sentences read on each side of a mention for the places named around it
CONTEXT_PLACES = 8  # distinct places kept on each side


def _context_toponyms(g: _Group, sentences: list[_Sentence]) -> tuple[Toponym, ...]:
    """Places named in the report's other sentences: the nearest earlier ones first, then the later ones.

    Each name (with its context words) once, where it is named nearest; at most
    ``CONTEXT_PLACES`` on each side from the ``CONTEXT_SENTENCES`` nearest sentences,
    so a mention of a long report carries no more than one of a short one. Place
    resolution reads them in order and takes the first that fits, so a name again
    further away adds nothing.
    """
    first = min(g.members)
    before = (t for s in reversed(sentences[max(0, first - CONTEXT_SENTENCES) : first]) for t in reversed(s.toponyms))
    after = (
        t
        for s in sentences[first + 1 : first + 1 + CONTEXT_SENTENCES]
        if s.index not in g.members
        for t in s.toponyms
    )
    out: list[Toponym] = []
    kept: set[tuple[str, str, str]] = set()
    for side in (before, after):
        taken = 0
        for t in side:
            key = (t.name, t.context, t.within)
            if key not in kept:
                kept.add(key)
                out.append(t)
                taken += 1
                if taken >= CONTEXT_PLACES:
                    break
    return tuple(out)


def report_mentions(
    report: Report, parsed: Iterable[tuple[Segment, Doc]], registry: SourceRegistry
) -> list[Mention]:
    """The mentions of one report, from its processed segments (headline first, then body).

    ``parsed`` may be a generator: each Doc is read once, when it arrives, and
    nothing keeps it afterwards, so a long report never holds all its Docs at once.
    """
    words = place_words()
    sentences = _sentences(report, parsed, registry, words)
    mentions = []
    seen_actors = SeenActors(default_actors())
    groups = _group(sentences)
    told = _occurrences(groups, sentences)
    for k, g in enumerate(groups):
        toponyms, timexes = _places_times(g)
        timexes += tuple(told.get(k, ())) + tuple(_frames(g, sentences, words, toponyms)) + _offset(g)
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
                context_toponyms=_context_toponyms(g, sentences),
                wording=tuple(sorted({w for s in g.sentences for w in s.wording})),
                cues=_cues(g),
            )
        )
    return _with_statements(mentions, groups, sentences)


def _cues(g: _Group) -> tuple[str, ...]:
    """The event's time cues (``nlp.background``); a headline or a sentence with figures is no general statement;
    then the cue that sets it apart from the events told before it (``nlp.apart``)."""
    apart = (g.apart.cue,) if g.apart is not None else ()
    if g.event is None:
        return apart
    if g.seg.headline or g.claims:
        return tuple(c for c in g.event.cues if c != "generic") + apart
    return g.event.cues + apart


def _offset(g: _Group) -> tuple[Timex, ...]:
    """The distance back from the event told before ("a week earlier"), as a time of the mention it dates; and the
    time of its sentence it counts from instead, when there is one ("on Monday, a day after ...")."""
    if g.apart is None or g.apart.offset is None:
        return ()
    ev = evidence(g.seg, *g.apart.offset)
    out = [Timex(text=clean_written(ev.quote), evidence=ev, offset=True)]
    if g.apart.base is not None:
        base = evidence(g.seg, *g.apart.base)
        out.append(Timex(text=clean_written(base.quote), evidence=base, base=True))
    return tuple(out)


def _with_statements(mentions: list[Mention], groups: list[_Group], sentences: list[_Sentence]) -> list[Mention]:
    """Statements about responsibility join the mention of their sentence, else the nearest earlier one."""
    if not mentions:
        return mentions
    owner = {s.index: i for i, g in enumerate(groups) for s in g.sentences}
    found: dict[int, list[Statement]] = {}
    current = 0
    for s in sentences:
        current = owner.get(s.index, current)
        if s.statement is not None:
            found.setdefault(current, []).append(s.statement)
    return [replace(m, statements=tuple(found.get(i, ()))) if i in found else m for i, m in enumerate(mentions)]
