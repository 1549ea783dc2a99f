"""The places of one report's mentions, resolved together with the whole article as context.

Every toponym of the report (the mentions' own and those named around them) is
resolved once by ``resolve_document`` (without its guesses for names the gazetteer
lacks: a mention's place is never a guess), so a name keeps one sense in the article and
each takes the countries and places of all the others as context. Each mention
then takes the most specific of its own toponyms' places in the report's country
(``choose``); a mention whose sentences name nothing finer than a country takes
the first finer place named around it in that country.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Collection, Sequence

from ..model import Mention, Place, PlacePrecision, Toponym
from .countries import names_seat_of
from .document import resolve_document
from .gazetteer import Gazetteer
from .resolve import _normalised, choose

__all__ = ["resolve_report", "report_country", "story_country", "main_country", "event_toponyms"]

_COARSE = (PlacePrecision.COUNTRY, PlacePrecision.UNKNOWN)


def _key(t: Toponym) -> tuple[str, int, int, str]:
    return (t.evidence.field, t.evidence.start, t.evidence.end, t.name)


def event_toponyms(toponyms: Sequence[Toponym], attackers: Collection[str]) -> tuple[Toponym, ...]:
    """The toponyms that may say where an event happened: without those naming only a country of the side that
    did it -- its name or demonym ("Ruritania's new strikes", "Ruritanian jets hit ...") or its capital ("Tarsk
    said its forces struck ..."). An attack abroad did not happen in the attacker's country; ``attackers`` are
    the ISO2 codes of the event's perpetrators. The caller keeps them when the story is in that country."""
    return tuple(t for t in toponyms if not any(names_seat_of(t.name, code) for code in attackers))


def report_country(places: Sequence[Place | None]) -> str | None:
    """The report's country: the most frequent among places finer than a country, else among all."""
    fine = Counter(p.country for p in places if p is not None and p.country and p.precision not in _COARSE)
    if fine:
        return fine.most_common(1)[0][0]
    anyc = Counter(p.country for p in places if p is not None and p.country)
    return anyc.most_common(1)[0][0] if anyc else None


def main_country(places: Sequence[Place | None], weights: Sequence[int]) -> str | None:
    """The country most of the events' places finer than a country fall in, else any place's.

    A place resolved with more context (a mention naming more places) counts more:
    "a market in Ariha, in Syria's Idlib province" outweighs a later bare "Ariha".
    """
    fine: Counter[str] = Counter()
    anyc: Counter[str] = Counter()
    for p, w in zip(places, weights, strict=True):
        if p is not None and p.country:
            anyc[p.country] += max(w, 1)
            if p.precision not in _COARSE:
                fine[p.country] += max(w, 1)
    best = fine or anyc
    return best.most_common(1)[0][0] if best else None


def story_country(events: Sequence[Sequence[Toponym]], gazetteer: Gazetteer, *,
                  country_hint: str | None = None) -> str | None:
    """The country of a report's events: the one most of their places fall in (``main_country``).

    Only the events' own toponyms count (a dateline, a speaker's seat or a place named
    in passing is no event's), and they are resolved together, so each takes the
    countries the other events name as its context: a "North West Region" in a report
    whose other events are placed in one country is that country's region, and a town
    matched only by an alternate name of a town abroad is not taken there.
    """
    unique: dict[tuple[str, int, int, str], Toponym] = {}
    for toponyms in events:
        for t in toponyms:
            unique.setdefault(_key(t), t)
    ordered = sorted(unique.values(), key=lambda t: (t.evidence.field != "title", t.evidence.start))
    resolved = dict(zip((_key(t) for t in ordered), resolve_document(
        ordered, gazetteer, country_hint=country_hint, fill=False), strict=True))
    weight = _normalised(Counter(p.country for p in resolved.values() if p is not None and p.country))
    places = [choose([p for p in (resolved[_key(t)] for t in toponyms) if p is not None], weight, country_hint)
              for toponyms in events]
    return main_country(places, [len(toponyms) for toponyms in events])


def resolve_report(mentions: Sequence[Mention], gazetteer: Gazetteer, *,
                   country_hint: str | None = None) -> list[Place | None]:
    """One place (or ``None``: unresolved) per mention of one report, in order.

    ``country_hint``: a country known from outside the text (a feed's country), if any.
    """
    unique: dict[tuple[str, int, int, str], Toponym] = {}
    for m in mentions:
        for t in (*m.toponyms, *m.context_toponyms):
            unique.setdefault(_key(t), t)
    toponyms = sorted(unique.values(), key=lambda t: (t.evidence.field != "title", t.evidence.start))
    resolved = dict(zip((_key(t) for t in toponyms), resolve_document(
        toponyms, gazetteer, country_hint=country_hint, fill=False), strict=True))
    hint = country_hint or report_country(list(resolved.values()))
    weight = _normalised(Counter(p.country for p in resolved.values() if p is not None and p.country))
    out: list[Place | None] = []
    for m in mentions:
        own = [p for p in (resolved[_key(t)] for t in m.toponyms) if p is not None]
        place = choose(own, weight, hint)
        if place is None or place.precision in _COARSE:
            place = _around(m, place, resolved, hint) or place
        out.append(place)
    return out


def _around(m: Mention, own: Place | None, resolved: dict[tuple[str, int, int, str], Place | None],
            hint: str | None) -> Place | None:
    """The first place finer than a country named around the mention, in its own country (the report's
    when it names none); a place only named as a reference point ("30 miles south of X") comes last."""
    found = []
    for t in m.context_toponyms:
        p = resolved[_key(t)]
        if p is None or p.precision in _COARSE:
            continue
        if own is not None and own.country and p.country != own.country:
            continue
        if own is None and hint and p.country != hint:
            continue
        found.append(p)
    if not found:
        return None
    p = min(found, key=lambda f: f.precision is PlacePrecision.NEAR)
    return replace(p, basis=f"named near the mention in the report; {p.basis}")
