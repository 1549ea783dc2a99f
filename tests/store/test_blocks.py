"""The neighbourhood lookup reads only the mentions a new one could be merged with (store.blocks).

A stored mention whose dates conflict with the new one's is never read; everything
that could be tied to it is; and incremental merging through the real store gives
the clustering of all the mentions at once on a set spread over years.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from ceasefire.incidents import build_incidents, update_for
from ceasefire.incidents.merge import dates_conflict
from ceasefire.model import (
    INHERITED_DATE,
    DatePrecision,
    DateResolution,
    Document,
    Evidence,
    Mention,
    MentionRole,
    Place,
    PlacePrecision,
    Report,
    Toponym,
)
from ceasefire.store import Store
from ceasefire.store import blocks as B
from ceasefire.store.work import Neighbourhood
from tests.factories import ALEPPO, IDLIB, claim
from tests.store import factory as f

MOSUL = Place("Mosul", "IQ", "Nineveh", 36.34, 43.13, None, "city", PlacePrecision.LOCALITY)
KUNDUZ = Place("Kunduz", "AF", "Kunduz", 36.73, 68.86, None, "city", PlacePrecision.LOCALITY)
PLACES = [ALEPPO, IDLIB, MOSUL, KUNDUZ, None]
UNDATED = DateResolution.unknown("no dateline or publication date")


def _doc(n: int, dated: list[tuple[DateResolution, Place | None, int | None]]) -> tuple[Document, Report,
                                                                                         list[Mention]]:
    """A document with one report whose mentions have these dates, places and killed figures."""
    text = f"Report number {n}. " + " ".join(f"Event {k} happened here." for k in range(len(dated)))
    doc = f.document(text, origin=f"gen.jsonl:{n}")
    rep = f.report(doc, f"gen-{n}", text=text)
    mentions = []
    for k, (when, place, killed) in enumerate(dated):
        start = text.index(f"Event {k}")
        mentions.append(Mention(
            report_key=rep.key, article_id=rep.article.id, part=rep.part,
            trigger=Evidence("text", start, start + 5, text[start : start + 5]),
            event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", date=when, place=place,
            claims=(claim(lo=killed, hi=killed, start=start, quote=text[start : start + 5]),) if killed else (),
        ))
    return doc, rep, mentions


def _day(d: date, days: int = 0, precision: DatePrecision = DatePrecision.DAY) -> DateResolution:
    return DateResolution(d, d + timedelta(days=days), precision, "test")


def _add(store: Store, doc: Document, rep: Report, mentions: list[Mention]) -> None:
    store.add_document(doc, [rep], mentions, derive=lambda nb: update_for(mentions, nb, "conservative"))


def _candidates(store: Store, m: Mention) -> list[str]:
    with store._engine.connect() as conn:  # noqa: SLF001 -- the lookup itself, in a read transaction
        return Neighbourhood(conn).candidates(m)


def test_a_mention_far_outside_the_reach_is_not_read(store: Store) -> None:
    day = date(2016, 9, 17)
    stored = [
        ("near, same figure", _day(day), ALEPPO, 12),
        ("a day later, same country", _day(day + timedelta(days=1)), IDLIB, None),
        ("the same year", _day(date(2016, 1, 1), 365, DatePrecision.YEAR), ALEPPO, None),
        ("undated, same country", UNDATED, IDLIB, None),
        ("same figure elsewhere", _day(day), MOSUL, 12),
        ("two years later, same figure", _day(day + timedelta(days=730)), ALEPPO, 12),
        ("three days earlier, same figure", _day(day - timedelta(days=3)), ALEPPO, 12),
        ("the month before", _day(date(2016, 8, 1), 30, DatePrecision.MONTH), ALEPPO, None),
        ("same day, other country and figure", _day(day), KUNDUZ, 5),
    ]
    keys = {}
    for n, (name, when, place, killed) in enumerate(stored):
        doc, rep, (m,) = _doc(n, [(when, place, killed)])
        _add(store, doc, rep, [m])
        keys[m.key] = name
    (new,) = _doc(99, [(_day(day), ALEPPO, 12)])[2]
    found = {keys[k] for k in _candidates(store, new)}
    assert found == {"near, same figure", "a day later, same country", "the same year", "undated, same country",
                     "same figure elsewhere"}


def test_the_lookup_is_exactly_the_blocks_within_the_reach(store: Store) -> None:
    """Every span class (a day to decades), checked against the merge rule itself on random dates."""
    rng = random.Random(13)
    origin = date(2010, 1, 1)
    stored = []
    for n in range(150):
        if rng.random() < 0.1:
            when = UNDATED
        else:
            span = rng.choice([0, 0, 0, 1, 2, 6, 30, 364, 900, 2500, 9000])
            when = _day(origin + timedelta(days=rng.randint(0, 4000)), span)
        doc, rep, (m,) = _doc(n, [(when, rng.choice(PLACES), rng.choice([None, 3, 12]))])
        store.add_document(doc, [rep], [m])  # no incidents: only the lookup is tested
        stored.append(m)
    for n in range(40):
        span = rng.choice([0, 0, 6, 364])
        when = UNDATED if n % 10 == 0 else _day(origin + timedelta(days=rng.randint(0, 4000)), span)
        (new,) = _doc(1000 + n, [(when, rng.choice(PLACES), rng.choice([None, 3, 12]))])[2]
        expected = sorted(m.key for m in stored
                          if set(B.block_keys(m)) & set(B.block_keys(new)) and not dates_conflict(m.date, new.date))
        assert _candidates(store, new) == expected


def test_the_lookup_is_index_ranges_only(tmp_path) -> None:
    """On SQLite: one search of the covering index per span class and for the undated, never a scan."""
    from ceasefire.store import open_store

    with open_store(f"sqlite:///{tmp_path / 'plan.db'}") as store, store._engine.connect() as conn:  # noqa: SLF001
        (m,) = _doc(1, [(_day(date(2020, 5, 1)), ALEPPO, 12)])[2]
        captured: list[tuple[str, tuple[object, ...]]] = []

        @sa.event.listens_for(conn, "before_cursor_execute")
        def keep(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
            captured.append((statement, tuple(parameters)))

        B.candidate_keys(conn, m)
        ((query, params),) = [(q, p) for q, p in captured if "mention_blocks" in q]
        details = [row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + query, params)]
        assert not [d for d in details if d.startswith("SCAN")], details
        assert sum("ix_mention_blocks_reach" in d for d in details) == B.MAX_SPAN_CLASS + 2, details


def _state(incidents) -> list[tuple[str, tuple[str, ...], tuple]]:  # type: ignore[no-untyped-def]
    return sorted((i.id, tuple(m.key for m in i.mentions), tuple(sorted(i.figures.items()))) for i in incidents)


def test_incremental_equals_the_full_clustering_over_years(store: Store) -> None:
    """Events over four years, reported by several documents each (near dates, some week or month
    precision, some undated), ingested in a random order: the store holds what clustering all gives."""
    rng = random.Random(2026)
    events = [(date(2016, 1, 1) + timedelta(days=rng.randint(0, 1460)), rng.choice(PLACES[:4]),
               rng.choice([3, 12, 40, None])) for _ in range(25)]
    docs = []
    for n in range(70):
        told = []
        for _ in range(rng.randint(1, 3)):
            day, place, killed = rng.choice(events)
            r = rng.random()
            if r < 0.08:
                when = UNDATED
            elif r < 0.2:
                when = _day(day - timedelta(days=6), 6, DatePrecision.WEEK)
            elif r < 0.25:
                when = _day(day.replace(day=1), 27, DatePrecision.MONTH)
            else:
                when = _day(day + timedelta(days=rng.choice([0, 0, 1, -1, 2])))
            told.append((when, rng.choice([place, place, None]), rng.choice([killed, killed, None])))
        doc, rep, mentions = _doc(n, told)
        # a quarter background (``Mention.role``): in no incident unless clustered with a concrete one
        docs.append((doc, rep, [replace(m, role=MentionRole.BACKGROUND) if rng.random() < 0.25 else m
                                for m in mentions]))
    rng.shuffle(docs)
    for doc, rep, mentions in docs:
        _add(store, doc, rep, mentions)
    everything = [m for _, _, ms in docs for m in ms]
    assert _state(store.incidents()) == _state(build_incidents(everything))
    assert store.check() == []


def _told(n: int, parts: list[dict]) -> tuple[Document, Report, list[Mention]]:
    """A document with one report whose mentions are ``parts`` (sub-event type, date, place, claims, wording,
    whether the mention names its place), one sentence each."""
    text = f"Account number {n}. " + " ".join(f"Event {k} happened here." for k in range(len(parts)))
    doc = f.document(text, origin=f"told.jsonl:{n}")
    rep = f.report(doc, f"told-{n}", text=text)
    mentions = []
    for k, p in enumerate(parts):
        start = text.index(f"Event {k}")
        place = p.get("place")
        named = p.get("named") and place is not None
        mentions.append(Mention(
            report_key=rep.key, article_id=rep.article.id, part=rep.part,
            trigger=Evidence("text", start, start + 5, text[start : start + 5]),
            sub_event_type=p["sub"], date=p["date"], reported_on=date(2021, 3, 12),
            place=replace(place, as_written=place.name) if named else place,
            toponyms=(Toponym(place.name, Evidence("text", start, start + 5, place.name)),) if named else (),
            claims=tuple(claim(kind=kind, lo=x, hi=x, start=start, quote=text[start : start + 5])
                         for kind, x in p.get("claims", ())),
            wording=p.get("wording", ()),
        ))
    return doc, rep, mentions


@pytest.mark.parametrize("order", [(0, 1, 2, 3, 4), (4, 2, 1, 3, 0), (2, 3, 0, 4, 1)])
def test_the_parts_of_one_attack_and_days_told_apart_merge_incrementally_as_all_at_once(
    store: Store, order: tuple[int, ...]
) -> None:
    """The ties of parts told one after the other and of kin kinds by wording on one day, and the conflict of
    two days one report tells apart: in any order of arrival the store holds what clustering all gives."""
    monday = DateResolution(date(2021, 3, 8), date(2021, 3, 8), DatePrecision.DAY, "'on Monday'")
    tuesday = DateResolution(date(2021, 3, 9), date(2021, 3, 9), DatePrecision.DAY, "'on Tuesday'")
    around = DateResolution(date(2021, 3, 8), date(2021, 3, 8), DatePrecision.DAY, f"from around: {INHERITED_DATE}")
    syria = Place("Syria", "SY", None, 35.0, 38.0, None, "country", PlacePrecision.COUNTRY)
    homs = Place("Homs", "SY", "Homs", 34.73, 36.71, None, "city", PlacePrecision.LOCALITY)
    words = ("chapel", "kfar", "noun")
    shelling, abduction = "Shelling/artillery/missile attack", "Abduction/forced disappearance"
    docs = [
        _told(0, [dict(sub="Armed clash", date=monday, place=ALEPPO, named=True, claims=[("killed", 7)]),
                  dict(sub=abduction, date=around, place=ALEPPO, claims=[("wounded", 4)])]),
        _told(1, [dict(sub=shelling, date=monday, place=IDLIB, named=True, claims=[("killed", 9)]),
                  dict(sub=shelling, date=tuesday, place=IDLIB)]),
        _told(2, [dict(sub=shelling, date=_day(date(2021, 3, 2), 6, DatePrecision.WEEK), place=IDLIB, named=True)]),
        _told(3, [dict(sub="Attack", date=monday, place=homs, named=True, wording=(*words, "vigil"))]),
        _told(4, [dict(sub=abduction, date=monday, place=syria, wording=(*words, "priest"))]),
    ]
    expected = _state(build_incidents([m for _, _, ms in docs for m in ms]))
    assert len(expected) == 4
    for n in order:
        _add(store, *docs[n])
    assert _state(store.incidents()) == expected
    assert store.check() == []
def test_a_background_mention_is_stored_alone_until_another_report_makes_it_concrete(store: Store) -> None:
    """An older event recalled in one report is stored, with its claims, in no incident; a later report that
    tells the same event as its news makes one incident of both."""
    day = date(2019, 3, 2)
    doc, rep, (recalled,) = _doc(1, [(_day(day), ALEPPO, 12)])
    recalled = replace(recalled, role=MentionRole.BACKGROUND, role_basis="older event")
    _add(store, doc, rep, [recalled])
    assert store.incidents() == []
    assert store.counts()["mentions"] == 1 and store.counts()["claims"] == 1
    assert store.check() == []
    doc2, rep2, (told,) = _doc(2, [(_day(day), ALEPPO, 12)])
    _add(store, doc2, rep2, [told])
    (incident,) = store.incidents()
    assert {m.key for m in incident.mentions} == {recalled.key, told.key}
    assert [m.role for m in incident.mentions if m.key == recalled.key] == [MentionRole.BACKGROUND]
    assert store.check() == []


def test_a_concrete_mention_in_no_incident_breaks_the_check(store: Store) -> None:
    doc, rep, (m,) = _doc(1, [(_day(date(2019, 3, 2)), ALEPPO, 12)])
    store.add_document(doc, [rep], [m], derive=lambda nb: update_for([], nb, "conservative"))
    assert [(f.check, f.subject, f.problem) for f in store.check()] == [("mentions", m.key, "belongs to no incident")]


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_one_place_named_by_two_reports_and_resolved_two_ways_merges_incrementally(
    store: Store, order: tuple[int, ...]
) -> None:
    """Two reports name the town "Mirou" for Monday's air strike; the gazetteer resolved it at home in one and to a
    namesake abroad in the other, and their tolls differ: the name ties them (``name:`` blocks find them, in two
    countries), as clustering all at once does."""
    monday = DateResolution(date(2021, 3, 8), date(2021, 3, 8), DatePrecision.DAY, "'on Monday'")
    home = Place("Mirou", "LB", "South", 33.2, 35.5, None, "city", PlacePrecision.LOCALITY)
    abroad = Place("Mirou", "KE", "Coast", -1.5, 40.0, None, "city", PlacePrecision.LOCALITY)
    docs = [
        _told(0, [dict(sub="Air/drone strike", date=monday, place=home, named=True, claims=[("killed", 8)])]),
        _told(1, [dict(sub="Air/drone strike", date=monday, place=abroad, named=True, claims=[("killed", 13)])]),
    ]
    expected = _state(build_incidents([m for _, _, ms in docs for m in ms]))
    assert len(expected) == 1
    for n in order:
        _add(store, *docs[n])
    assert _state(store.incidents()) == expected
    assert store.check() == []
