"""Mentions one report sets apart from the events it told before them ('Separately, ...', 'a week earlier'):
two events in incidents.merge, whatever else ties them."""

from __future__ import annotations

from dataclasses import replace

from tests.factories import claim, mention

from ceasefire.incidents.merge import cluster_mentions, compatible, set_apart, telling


def _keys(groups):
    return sorted(sorted(m.key for m in g) for g in groups)


def test_a_strike_a_marker_sets_apart_is_not_the_strike_told_before():
    first = mention("r", start=10, claims=(claim(lo=40, hi=40),))
    second = mention("r", start=400, claims=(claim(lo=40, hi=40),))  # same day, place and figure
    assert compatible(first, second)
    apart = replace(second, cues=("separate",))
    assert not compatible(first, apart) and not compatible(apart, first)
    assert len(cluster_mentions([first, apart])) == 2


def test_what_follows_the_mention_set_apart_may_join_it():
    first = mention("r", start=10)
    apart = replace(mention("r", start=400, claims=(claim(lo=7, hi=7),)), cues=("separate",))
    later = mention("r", start=700, claims=(claim(lo=7, hi=7),))  # "the strike on the market also wounded ..."
    assert compatible(apart, later)
    groups = cluster_mentions([first, apart, later])
    assert _keys(groups) == _keys([[first], [apart, later]])


def test_only_one_reports_body_is_told_in_order():
    apart = replace(mention("r", start=400), cues=("earlier",))
    other_report = mention("s", start=10)
    headline = replace(mention("r", start=0), trigger=replace(mention("r").trigger, field="title"))
    assert not set_apart(telling(other_report), telling(apart))
    assert not set_apart(telling(headline), telling(apart))
    assert set_apart(telling(mention("r", start=10)), telling(apart))


def test_the_conflict_holds_for_groups_whatever_the_order():
    a = mention("r", start=10, claims=(claim(lo=9, hi=9),))
    b = mention("r", start=50, claims=(claim(lo=9, hi=9),))
    c = replace(mention("r", start=400, claims=(claim(lo=9, hi=9),)), cues=("earlier",))
    for ms in ([a, b, c], [c, b, a], [b, c, a]):
        assert _keys(cluster_mentions(ms)) == _keys([[a, b], [c]])
