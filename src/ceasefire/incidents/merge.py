"""Which mentions are one incident.

Two mentions *conflict* when they cannot be one event: another kind of event
(kin types apart, ``data/incidents_kin.json``: taken / retaken, a riot / clashes
with police, the generic "Attack" and the specific kind it is part of; across reports,
a kind one of them only guesses -- "a strike" names no weapon -- is no other kind, and a
car bomb in one may be another's suicide bombing: ``kin_across``), dates
that do not overlap (within a day of slack for each side's precision), places
apart, or -- in one report -- the two clauses of one sentence that each tell an event (each triggered in that
sentence and holding its claims), a toll beside a kin event's "no one was killed", or two
days its own words tell apart for events of one kind, one of them with no figure ("killed on
Wednesday", "the shelling went on from Thursday"; the report's own day excepted, often
the day of the telling), or two days its own words tell apart, one of them by a time
naming its event ("Tuesday's raid on a depot left three guards dead"; the report's own day
not excepted), or a mention its words set apart from the events told before it
("Separately, ...", "a week earlier": ``Mention.cues``, ``nlp.apart``) and one told before it.
Mentions of kin but different kinds are tied only as parts of one attack: both naming the
place (across reports: places agreeing), in one report sharing a figure or told one after
the other (the later one close behind, with neither place nor day nor dead of its own:
"three soldiers were also wounded and two kidnapped"), or across reports dated by their own
words to one day in one country and sharing their wording or that day's toll. Otherwise they
are *tied* when something says they are one:

* a shared place (within 30 km for points, 50 km for towns, the same admin1 or
  150 km for regions);
* or, when a place cannot tell, shared figures that are distinctive enough
  (``killed 1`` alone is not: many events share it);
* or, across reports, one place name both write that the gazetteer resolved two ways (their places apart, but
  one writes the name the other was placed by: ``sites_conflict``), both dated by their own words to one day;
* or, across reports, one place the gazetteer lacks named by both (``Mention.unknown_places``: "the village
  of X" placed only to its country in one report, to the district town beside it in another), in one country;
* or, across reports, when a place cannot tell, one day's toll (``day_tolls``: the same kind and number of
  5 or more, one number or a floor, for the one day both mentions' own words give), in one country, one of the
  two placed only to the country or a region: the day's aggregate, which one report may place at a town it
  names nearby ("the ministry put Tuesday's dead from the raids in the north at 14" / "jets hit targets all over
  the country on Tuesday; 14 died");
* or, across reports, when a place cannot tell, shared wording: at least three
  distinctive nouns in common (``Mention.wording``: the plain words of every
  report of violence left out), with a figure or a country in common;
* or, inside one report, a mention of the same type that names neither place nor
  figure of its own (an anaphoric "the shooting"), or that repeats one of its figures;
  a mention dated only to a year ("in the 2006 war", "last year") recalls an older
  event, and no anaphoric mention ties to it.

Two mentions of one report whose places were both taken from the report around
them (neither sentence names one) are not tied by that place: "a shell hit a
house in camp X, killing 7" and "shelling of camp Y left 5 dead" stay apart.
A place known only to country level is weak evidence (it is often an actor:
"Israel", "Russia"); it neither ties nor separates mentions.

Clustering joins groups along ties, strongest first, when no member of one
conflicts with any member of the other.
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from typing import Iterable, Iterator, Sequence

from ..model import DatePrecision, DateResolution, Mention, Place, PlacePrecision, km_between, place_name_key
from .review import Pins

__all__ = [
    "any_conflicting",
    "candidate_pairs",
    "cluster_mentions",
    "compatible",
    "conflicting",
    "dates_conflict",
    "distance_km",
    "kind_of",
    "kinds_apart",
    "kinds_conflict",
    "places_conflict",
    "sites_conflict",
    "sited",
    "weaponless",
]

NEAR_KM = 30.0  # points and "near" places
TOWN_KM = 50.0  # localities: a town and its suburb
REGION_KM = 150.0
_POINTS = {PlacePrecision.POINT, PlacePrecision.NEAR}


def distance_km(a: Place, b: Place) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    return km_between(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]


_COARSE = {PlacePrecision.ADMIN1, PlacePrecision.ADMIN2, PlacePrecision.COUNTRY}


def _places(a: Place | None, b: Place | None) -> bool | None:
    """True: same place; False: different places; None: cannot tell."""
    if a is None or b is None or a.precision is PlacePrecision.UNKNOWN or b.precision is PlacePrecision.UNKNOWN:
        return None
    if PlacePrecision.COUNTRY in (a.precision, b.precision):
        return None
    if a.country and b.country and a.country != b.country:
        return False
    coarse = a.precision in _COARSE or b.precision in _COARSE
    if a.admin1 and b.admin1 and coarse and a.admin1 == b.admin1:
        return True
    d = distance_km(a, b)  # admin1 names differ between sources ("Vale" / "Vale Region"): the map decides
    if d is None:
        return None
    if coarse:
        return d <= REGION_KM
    return d <= (NEAR_KM if a.precision in _POINTS and b.precision in _POINTS else TOWN_KM)


def _dates(da: DateResolution, db: DateResolution) -> bool | None:
    """True: the dates may be one event's (``db`` touches ``da``'s reach); False: they cannot; None: one is unknown."""
    reach = da.reach()
    if reach is None or not db.known:
        return None
    lo, hi = reach
    return db.start <= hi and db.last >= lo  # type: ignore[operator]


def _figures(m: Mention) -> set[tuple[str, int | None, int | None]]:
    return {(c.kind.value, c.figure.min, c.figure.max) for c in m.claims}


def _weight(fig: tuple[str, int | None, int | None]) -> float:
    """How much a shared figure says: 1 or 0 is common to many events, 40 is not."""
    n = fig[1] if fig[1] is not None else fig[2]
    if n is None or n <= 1:
        return 0.0
    return 0.5 if n < 5 else 1.0


def _shared_figures(a: Mention, b: Mention) -> float:
    return sum(_weight(f) for f in _figures(a) & _figures(b))


def _own_place(m: Mention) -> Place | None:
    """The place the mention's own sentences name; ``None`` when it was taken from around it in the report."""
    p = m.place
    if p is None or p.precision is PlacePrecision.UNKNOWN:
        return None
    return p if p.as_written in {t.name for t in m.toponyms} else None


def _bare(m: Mention) -> bool:
    """Names neither a place nor a figure of its own: an anaphoric mention ("the shooting", "they shot back")."""
    return _own_place(m) is None and not m.claims


_KinData = tuple[list[frozenset[str]], list[frozenset[str]], int, frozenset[str], frozenset[str], frozenset[str]]


def _load_kin() -> _KinData:
    data = json.loads(resources.files("ceasefire").joinpath("data/incidents_kin.json").read_text(encoding="utf-8"))
    words = frozenset(w.casefold() for w in data["weaponless"]["words"])
    guesses = frozenset(data["weaponless"]["kinds"])
    kin, across = [frozenset(k) for k in data["kin"]], [frozenset(k) for k in data["kin_across"]]
    return kin, across, int(data["follow_chars"]), words, guesses, frozenset(data["apart_cues"])


# Sub-event types that can describe one event from different sides or in its parts, how closely a part
# told without place or day of its own follows the attack it belongs to, the trigger words that name no
# weapon, and the cues that set a mention apart from the events its report told before it
# (data/incidents_kin.json).
_KIN, _KIN_ACROSS, _FOLLOW_CHARS, _WEAPONLESS, _GUESSES, _APART_CUES = _load_kin()


def weaponless(m: Mention) -> bool:
    """A mention told by a word that names no weapon ("a strike"): its sub-event type is the report's guess."""
    return m.trigger.quote.casefold() in _WEAPONLESS


Kind = tuple[str, str | None, bool]  # a report, a sub-event type, whether it is a guess (``weaponless``)


def kind_of(m: Mention) -> Kind:
    return (m.report_key, m.sub_event_type, weaponless(m))


def kinds_apart(a: Kind, b: Kind) -> bool:
    """Two mentions' kinds that cannot describe one event: ``kinds_conflict``, unless either is a guess of
    another report than the other's and both are kinds a weapon it does not name could make (another report may
    name the weapon: "a strike on the market" in one, "shelling of the market" in another), or the two reports'
    kinds are kin across reports ("a car bomb" in one, "a suicide bomber" in the other)."""
    if a[0] != b[0] and any(a[1] in kin and b[1] in kin for kin in _KIN_ACROSS):
        return False  # a car bomb in one report, a suicide bomber in another (``data/incidents_kin.json``)
    return not _guess_fits(a, b) and kinds_conflict(a[1], b[1])


def _guess_fits(a: Kind, b: Kind) -> bool:
    return a[0] != b[0] and (a[2] or b[2]) and a[1] in _GUESSES and b[1] in _GUESSES


def _same_kind(a: str | None, b: str | None) -> bool:
    if not a or not b or a == b:
        return True
    return any(a in kin and b in kin for kin in _KIN)


def kinds_conflict(a: str | None, b: str | None) -> bool:
    """Two sub-event types that cannot describe one event (neither missing, not the same, not kin)."""
    return not _same_kind(a, b)


def dates_conflict(a: DateResolution, b: DateResolution) -> bool:
    """Two dates that cannot be one event's: known, and apart by more than a day's slack each."""
    return _dates(a, b) is False


def places_conflict(a: Place | None, b: Place | None) -> bool:
    """Two places that cannot be one event's (module docstring)."""
    return _places(a, b) is False


Toll = tuple[str, str | None, bool]  # a report, a sub-event type, whether its mention tells of dead


def toll_of(m: Mention) -> Toll | None:
    """Whether a mention tells of dead (``True``) or only that no one was killed (``False``); ``None``: neither."""
    killed = [c.figure for c in m.claims if c.kind.value == "killed"]
    if not killed:
        return None
    return (m.report_key, m.sub_event_type, any((f.max if f.max is not None else f.min or 0) > 0 for f in killed))


def tolls_conflict(a: Toll | None, b: Toll | None) -> bool:
    """Two events of one report, of different kinds, one with dead and one where no one was killed ("a bomb
    hit a pylon, causing no casualties" beside "gunmen killed 15"): concurrent attacks, not parts of one."""
    return a is not None and b is not None and a[0] == b[0] and a[1] != b[1] and a[2] != b[2]


Told = tuple[str, str | None, date, frozenset[tuple[str, int | None, int | None]]]  # report, kind, own day, figures


def own_day(m: Mention) -> date | None:
    """The one day a mention's own words date it to (``None``: dated otherwise, or from around it)."""
    d = m.date
    if d.precision is not DatePrecision.DAY or d.start is None or d.inherited or (d.end or d.start) != d.start:
        return None
    return d.start


def told_day(m: Mention) -> Told | None:
    """A mention's own day, with its report, kind and figures, when it is not the report's own day: that day is
    as often the day of the telling ("the ministry said on Thursday") as the event's."""
    day = own_day(m)
    if day is None or day == m.reported_on:
        return None
    return (m.report_key, m.sub_event_type, day, frozenset(_figures(m)))


def days_told_apart(a: Told | None, b: Told | None) -> bool:
    """Two events of one report and one kind that its own words date to two different days, one of them with
    no figure ("nine were killed on Wednesday" beside "the shelling went on from Thursday"): a second event the
    report tells of, not the first told again. A later day with a figure may be the toll told again ("the toll
    rose to 25 on Monday"), so two days each with figures stay tied as before; across reports the day's slack
    stays: outlets date one event differently."""
    return (
        a is not None
        and b is not None
        and a[0] == b[0]
        and a[1] == b[1]
        and a[2] != b[2]
        and not (a[3] and b[3])
    )


Named = tuple[str, date, bool]  # a mention's report, own day, whether a time naming the event told it


def named_day(m: Mention) -> Named | None:
    """A mention's own day, with its report and whether a time that modifies its noun told it ("Oct. 27's
    attacks", ``DateResolution.named``)."""
    day = own_day(m)
    return None if day is None else (m.report_key, day, m.date.named)


def named_days_apart(a: Named | None, b: Named | None) -> bool:
    """Two events of one report on two days its own words tell, one of them named by its day ("a missile hit the
    market on Wednesday" beside "Tuesday's raid on a depot left four guards dead"): the writer tells that event
    from the other by its day, so it is another event, whatever their kinds and figures, on the report's own day
    too (a named day is no day of the telling)."""
    return a is not None and b is not None and a[0] == b[0] and a[1] != b[1] and (a[2] or b[2])


Sited = tuple[str, Place | None, frozenset[str]]  # a mention's report, place, and the place names its sentences write


def sited(m: Mention) -> Sited:
    return (m.report_key, m.place, frozenset(place_name_key(t.name) for t in m.toponyms))


def _named_by(a: Sited, b: Sited) -> bool:
    """``b``'s own sentences write the name ``a``'s place was resolved from."""
    place = a[1]
    return place is not None and bool(place.as_written) and place_name_key(place.as_written) in b[2]


def sites_conflict(a: Sited, b: Sited) -> bool:
    """Two mentions' places apart (``places_conflict``), unless -- across reports -- one mention itself writes
    the name the other's place was resolved from: both name one place, which the gazetteer resolved two ways in
    two reports (a village resolved to its namesake abroad in one, to the right one or to a town beside it in
    the other), so their places tell nothing; figures or wording must still tie them. In one report a name is
    resolved one way, so there a place apart stays apart."""
    if not places_conflict(a[1], b[1]):
        return False
    return a[0] == b[0] or not (_named_by(a, b) or _named_by(b, a))


Telling = tuple[str, str, int, bool]  # a report, a field, where the mention's trigger starts there, whether set apart


def telling(m: Mention) -> Telling:
    return (m.report_key, m.trigger.field, m.trigger.start, any(c in _APART_CUES for c in m.cues))


def set_apart(a: Telling, b: Telling) -> bool:
    """Two mentions of one report's field, the later one set apart by its words from the events told before it
    ("Separately, a strike on B ...", "the raid came a day after gunmen killed four in Y"): two events, whatever
    else ties them. A headline is no telling before the body: it may name either."""
    if a[:2] != b[:2] or a[2] == b[2]:
        return False
    return (b if b[2] > a[2] else a)[3]


Clauses = dict[tuple[str, str, int], frozenset[str]]  # a claim sentence of a report -> the mentions holding its claims


def clauses_of(m: Mention) -> Clauses:
    """The sentences that hold both the mention's trigger and claims it holds, each with the mention's key."""
    t = m.trigger
    return {
        (m.report_key, c.evidence.field, c.evidence.start): frozenset({m.key})
        for c in m.claims
        if c.evidence.field == t.field and c.evidence.start <= t.start < c.evidence.end
    }


def clauses_conflict(a: Clauses, b: Clauses) -> bool:
    """Two mentions triggered in one sentence and holding its claims: ``nlp.records`` gives a sentence's claims to
    one mention unless its coordinated clauses tell two events ("a strike on A killed five while another on B
    killed four"); those are two events, whatever else ties them."""
    return any(k in b and len(a[k] | b[k]) > 1 for k in a)


def conflicting(a: Mention, b: Mention) -> bool:
    """Whether two mentions say things that cannot be true of one event: another kind of event, days apart,
    places apart (unless both name the place, ``sites_conflict``), in one report a toll beside a kin event's
    "no one was killed", two days its own words tell apart, or a mention set apart from one told before it."""
    return (
        kinds_apart(kind_of(a), kind_of(b))
        or dates_conflict(a.date, b.date)
        or sites_conflict(sited(a), sited(b))
        or tolls_conflict(toll_of(a), toll_of(b))
        or days_told_apart(told_day(a), told_day(b))
        or named_days_apart(named_day(a), named_day(b))
        or clauses_conflict(clauses_of(a), clauses_of(b))
        or set_apart(telling(a), telling(b))
    )


def compatible(a: Mention, b: Mention) -> bool:
    """Whether two mentions are tied as one incident and nothing they say contradicts it (module docstring)."""
    if conflicting(a, b):
        return False
    same_report = a.report_key == b.report_key
    guess = _guess_fits(kind_of(a), kind_of(b))  # "a strike" in one report, "shelling" in another
    if a.sub_event_type and b.sub_event_type and a.sub_event_type != b.sub_event_type and not guess:
        return _parts_of_one(a, b, same_report)
    same_place = _places(a.place, b.place)
    if same_report and _own_place(a) is None and _own_place(b) is None:
        same_place = None  # both placed from the report around them: that tells two of its events not apart
    if same_place is False:  # not conflicting, so both name one place resolved two ways (``sites_conflict``)
        if not same_report and _same_day(a, b):
            return True  # "the town of X" on Monday in both, X resolved to a namesake abroad in one of them
        same_place = None
    if same_place is not None:
        return same_place
    if _shared_figures(a, b) >= 1.0:
        return True
    if not same_report and _same_unknown_place(a, b):
        return True
    if not same_report and _same_day_toll(a, b):
        return True
    if not same_report and _same_wording(a, b):
        return True
    if same_report:
        # in one report, a mention naming no place or figure of its own, or one repeating a figure
        if _bare(a) or _bare(b):
            return not (_recalled(a) or _recalled(b))
        return bool(_figures(a) & _figures(b))
    return False


def _parts_of_one(a: Mention, b: Mention, same_report: bool) -> bool:
    """Two mentions of kin kinds (a car bomb, then gunmen storming the post): parts of one attack when each
    names the place itself and the places agree; in one report, when they share a figure or the one goes on
    telling the other (``_continues``); across reports, when their own words date both to one day and they
    share a country and their wording (a church raid placed to its province, the kidnapping of its worshippers
    only to the country). A kin mention otherwise placed only from the report around it, or a bare one, is not
    tied: in one report it may be another attack."""
    if same_report and _figures(a) & _figures(b):
        return True
    if same_report and (_continues(a, b) or _continues(b, a)):
        return True
    pa, pb = (_own_place(a), _own_place(b)) if same_report else (a.place, b.place)
    if pa is not None and pb is not None and _places(pa, pb) is True:
        return True
    if same_report or not _same_day(a, b) or _country(a) is None or _country(a) != _country(b):
        return False
    return _same_wording(a, b) or _same_day_toll(a, b)


def _continues(first: Mention, then: Mention) -> bool:
    """``then`` goes on telling of ``first``'s attack: it follows ``first``'s trigger, and closely its trigger or
    one of its claims (the last told before it) in the text, names neither a
    place nor a day of its own (placed and dated from the report around it) and no dead of its own ("three
    soldiers were also wounded and two kidnapped", "they bombed a power pole to stop the pursuit")."""
    tf, tt = first.trigger, then.trigger
    if tf.field != "text" or tt.field != "text" or tf.start >= tt.start:
        return False
    told = [e.start for e in (tf, *(c.evidence for c in first.claims)) if e.field == "text" and e.start < tt.start]
    if tt.start - max(told) > _FOLLOW_CHARS:
        return False
    if _recalled(first) or _own_place(then) is not None or not then.date.inherited:
        return False
    return not any(c.kind.value == "killed" for c in then.claims)


def _same_day(a: Mention, b: Mention) -> bool:
    """Both dated by their own words to one and the same day."""
    day = own_day(a)
    return day is not None and day == own_day(b)


DayToll = tuple[date, str, int]  # a mention's own day, a figure's kind, the number it states


def day_tolls(m: Mention) -> frozenset[DayToll]:
    """The tolls a mention states for the one day its own words date it to: each figure that is one number
    ("14 died") or a floor ("no fewer than 14"), not hedged, and distinctive enough (``_weight``: 5 or more)."""
    day = own_day(m)
    if day is None:
        return frozenset()
    tolls = set()
    for c in m.claims:
        f = c.figure
        if f.min is None or f.approx or (f.max is not None and f.max != f.min):
            continue
        if _weight((c.kind.value, f.min, f.max)) >= 1.0:
            tolls.add((day, c.kind.value, f.min))
    return frozenset(tolls)


_WIDE = {PlacePrecision.ADMIN1, PlacePrecision.COUNTRY}  # a day's toll is told across a country or a region


def _same_day_toll(a: Mention, b: Mention) -> bool:
    """Mentions of two reports that state one toll for one day ("the ministry put Tuesday's dead from the raids in
    the north at 14" / "jets hit targets all over the country on Tuesday; no fewer than 14 died"), in one country,
    one of them placed only to the country or a region: the day's aggregate told twice, though one report places it
    at a town it names nearby. A region still holds the other's place (``_places``: otherwise the places conflict); two
    towns, or two tolls that differ, are concurrent attacks."""
    if not day_tolls(a) & day_tolls(b):
        return False
    if _country(a) is None or _country(a) != _country(b):
        return False
    return any(m.place is not None and m.place.precision in _WIDE for m in (a, b))


WORDING_SHARED = 3  # distinctive nouns two reports' mentions must share to be tied by wording alone


def _same_wording(a: Mention, b: Mention) -> bool:
    """Mentions of two reports that share enough distinctive nouns ("vigil", "orchard", "cooperative"),
    and a figure or a country: the blocking the store's neighbourhood uses, so the tie is found incrementally too."""
    if len(set(a.wording) & set(b.wording)) < WORDING_SHARED:
        return False
    if _figures(a) & _figures(b):
        return True
    return _country(a) is not None and _country(a) == _country(b)


def _same_unknown_place(a: Mention, b: Mention) -> bool:
    """Mentions of two reports whose own sentences name one place the gazetteer lacks ("a strike on the village
    of X"), in one country: no coordinate can tie them, the name does (the country is how the store finds them)."""
    if not set(a.unknown_places) & set(b.unknown_places):
        return False
    return _country(a) is not None and _country(a) == _country(b)


def _country(m: Mention) -> str | None:
    """The mention's country, as the store finds its neighbours by it."""
    p = m.place
    return p.country if p is not None and p.country and p.precision is not PlacePrecision.UNKNOWN else None


def _recalled(m: Mention) -> bool:
    """Dated to a year at best ("in the 2006 war", "last year"): an older event the report recalls, which an
    anaphoric mention of the report's story does not refer to."""
    return m.date.precision is DatePrecision.YEAR


def _affinity(a: Mention, b: Mention) -> tuple[float, int]:
    """How strongly two compatible mentions belong together: shared figures, then a known same place."""
    return (_shared_figures(a, b), int(bool(_places(a.place, b.place))))


REPORT_SPAN = 10_000  # characters of text between two mentions of one report that are compared at all


def _near(a: Mention, b: Mention) -> bool:
    """Whether two mentions of one report are compared: a headline's with every other, else those at most
    ``REPORT_SPAN`` characters apart in the text (a property of the pair alone, whatever else is clustered)."""
    ta, tb = a.trigger, b.trigger
    return ta.field != tb.field or ta.field != "text" or abs(ta.start - tb.start) <= REPORT_SPAN


def _within_report(ordered: Sequence[Mention], idx: list[int]) -> Iterator[tuple[int, int]]:
    """The pairs of one report's mentions (indexes into ``ordered``) that are ``_near``."""
    body = sorted((i for i in idx if ordered[i].trigger.field == "text"), key=lambda i: ordered[i].trigger.start)
    rest = [i for i in idx if ordered[i].trigger.field != "text"]
    for x, i in enumerate(rest):  # headlines: with every other mention
        yield from ((i, j) for j in rest[x + 1 :] + body)
    for x, i in enumerate(body):  # the body: with the mentions that follow within the span
        for j in body[x + 1 :]:
            if ordered[j].trigger.start - ordered[i].trigger.start > REPORT_SPAN:
                break
            yield i, j


def candidate_pairs(ordered: Sequence[Mention]) -> set[tuple[int, int]]:
    """Pairs (indexes into ``ordered``, the smaller first) that could be compatible at all: they share a report,
    a country or a figure (blocking, to avoid n*n).

    Mentions of two reports sharing a key are always paired; two of one report
    only when ``_near``: a long report's events are tied to those told near them,
    and chains of ties join what is further apart, so its cost grows with its
    length, not with the square of it. Whether a pair is compared depends on the
    pair alone, so a neighbourhood clusters as the whole store does. No report of
    ordinary length is that long.
    """
    buckets: dict[object, list[int]] = {}
    for i, m in enumerate(ordered):
        buckets.setdefault(("report", m.report_key), []).append(i)
        country = _country(m)
        if country is not None:
            buckets.setdefault(("country", country), []).append(i)
        for fig in _figures(m):
            buckets.setdefault(("figure", fig), []).append(i)
        for name in m.place_names:  # one place the gazetteer resolved two ways in two reports
            buckets.setdefault(("name", name), []).append(i)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        by_report: dict[str, list[int]] = {}
        for i in members:
            by_report.setdefault(ordered[i].report_key, []).append(i)
        reports = [idx for _, idx in sorted(by_report.items())]
        for x, idx in enumerate(reports):
            for i, j in _within_report(ordered, idx):
                pairs.add((i, j) if i < j else (j, i))
            for other in reports[x + 1 :]:  # across reports: every pair
                for i in idx:
                    for j in other:
                        pairs.add((i, j) if i < j else (j, i))
    return pairs


class _Traits:
    """The distinct kinds, dates and places of a group of mentions: whether any member of one group conflicts
    with any member of another depends on these alone (``conflicting`` compares each separately), so groups
    are compared in the number of their distinct values, not of their members."""

    def __init__(self, mentions: Iterable[Mention] = ()) -> None:
        self.kinds: set[Kind] = set()
        self.dates: set[DateResolution] = set()
        self.places: set[Sited] = set()
        self.tolls: set[Toll | None] = set()
        self.told: dict[tuple[str, str | None], set[Told]] = {}  # by report and kind: only those can be told apart
        self.tellings: dict[tuple[str, str], set[Telling]] = {}  # by report and field: only those can be set apart
        self.named: dict[str, set[Named]] = {}  # by report
        self.clauses: Clauses = {}
        for m in mentions:
            self.add(m)

    def add(self, m: Mention) -> None:
        self.kinds.add(kind_of(m))
        self.dates.add(m.date)
        self.places.add(sited(m))
        self.tolls.add(toll_of(m))
        told = told_day(m)
        if told is not None:
            self.told.setdefault(told[:2], set()).add(told)
        at = telling(m)
        self.tellings.setdefault(at[:2], set()).add(at)
        named = named_day(m)
        if named is not None:
            self.named.setdefault(named[0], set()).add(named)
        self._clauses(clauses_of(m))

    def _clauses(self, clauses: Clauses) -> None:
        for k, keys in clauses.items():
            self.clauses[k] = self.clauses.get(k, frozenset()) | keys

    def update(self, other: "_Traits") -> None:
        self.kinds |= other.kinds
        self.dates |= other.dates
        self.places |= other.places
        self.tolls |= other.tolls
        for key, told in other.told.items():
            self.told.setdefault(key, set()).update(told)
        for where, tellings in other.tellings.items():
            self.tellings.setdefault(where, set()).update(tellings)
        for report, named in other.named.items():
            self.named.setdefault(report, set()).update(named)
        self._clauses(other.clauses)

    def conflict(self, other: "_Traits") -> bool:
        return (
            any(kinds_apart(a, b) for a in self.kinds for b in other.kinds)
            or any(dates_conflict(a, b) for a in self.dates for b in other.dates)
            or any(sites_conflict(a, b) for a in self.places for b in other.places)
            or any(tolls_conflict(a, b) for a in self.tolls for b in other.tolls)
            or any(
                days_told_apart(a, b)
                for key, told in self.told.items()
                for a in told
                for b in other.told.get(key, ())
            )
            or any(
                named_days_apart(a, b)
                for report, named in self.named.items()
                for a in named
                for b in other.named.get(report, ())
            )
            or clauses_conflict(self.clauses, other.clauses)
            or any(
                set_apart(a, b)
                for where, tellings in self.tellings.items()
                for a in tellings
                for b in other.tellings.get(where, ())
            )
        )


def any_conflicting(mentions: Iterable[Mention]) -> bool:
    """Whether two of ``mentions`` conflict (``conflicting``), in the number of their distinct values."""
    traits = _Traits(mentions)
    return traits.conflict(traits)


def cluster_mentions(mentions: Sequence[Mention], pins: Pins | None = None) -> list[list[Mention]]:
    """Groups of tied, mutually non-conflicting mentions, each sorted by key, groups sorted by their first key.

    Two groups join along a tie only when no mention of one conflicts with any
    mention of the other, so a chain of near neighbours cannot join two strikes a
    week apart, while a mention that names nothing of its own ("the attack drew
    condemnation") does not keep its report's event apart from other reports.
    Pairs are taken strongest first, ties by key, over the mentions sorted by key
    -- the result depends on the set of mentions, never on the order they arrived in.

    ``pins`` are people's merges and splits (``review.Pins``): mentions pinned together
    start as one group whatever their conflicts, and groups holding the two sides of a
    split never join.
    """
    ordered = sorted(mentions, key=lambda m: m.key)
    ranked = []
    for i, j in candidate_pairs(ordered):
        if compatible(ordered[i], ordered[j]):
            strength = _affinity(ordered[i], ordered[j])
            ranked.append((-strength[0], -strength[1], i, j))
    group_of = list(range(len(ordered)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}
    traits: dict[int, _Traits] = {i: _Traits([m]) for i, m in enumerate(ordered)}
    sides: dict[int, set[tuple[int, int]]] = {i: set() for i in range(len(ordered))}

    def join(gi: int, gj: int) -> None:
        if len(members[gi]) < len(members[gj]):  # the smaller group moves
            gi, gj = gj, gi
        for y in members[gj]:
            group_of[y] = gi
        members[gi].extend(members.pop(gj))
        traits[gi].update(traits.pop(gj))
        sides[gi] |= sides.pop(gj)

    if pins is not None and not pins.empty:
        index = {m.key: i for i, m in enumerate(ordered)}
        for n, (a, b) in enumerate(pins.apart):
            for side, keys in ((0, a), (1, b)):
                for k in keys & index.keys():
                    sides[index[k]].add((n, side))
        for keys in pins.together:
            present = sorted(index[k] for k in keys & index.keys())
            for y in present[1:]:
                if group_of[y] != group_of[present[0]]:
                    join(group_of[present[0]], group_of[y])

    def apart(gi: int, gj: int) -> bool:
        return any((n, 1 - side) in sides[gj] for n, side in sides[gi])

    for _s0, _s1, i, j in sorted(ranked):
        gi, gj = group_of[i], group_of[j]
        if gi == gj or traits[gi].conflict(traits[gj]) or apart(gi, gj):
            continue
        join(gi, gj)
    groups = [sorted((ordered[i] for i in idx), key=lambda m: m.key) for idx in members.values()]
    return sorted(groups, key=lambda g: g[0].key)
