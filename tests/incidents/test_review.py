"""Review actions as an overlay and as clustering constraints (pure: no store, no model)."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timezone

from tests.factories import ALEPPO, IDLIB, claim, mention

from ceasefire.incidents import build_incidents, cluster_mentions
from ceasefire.incidents.incremental import MemoryReader
from ceasefire.incidents.review import Pins, Review, overlay
from ceasefire.incidents.revise import revise
from ceasefire.model import Figures, Mention, ReviewAction

AT = datetime(2026, 1, 1, tzinfo=timezone.utc)


def act(n: int, action: str, *groups: tuple[str, ...], anchor: str = "", **details: object) -> ReviewAction:
    return ReviewAction(n, action, "i", anchor, "ana", AT, "why", groups=tuple(groups), **details)  # type: ignore[arg-type]


def strikes() -> list[Mention]:
    return [
        mention("a", place=ALEPPO, claims=(claim(lo=5, hi=5),)),
        mention("b", place=ALEPPO, claims=(claim(lo=5, hi=5),)),
        mention("c", place=IDLIB, claims=(claim(lo=9, hi=9),)),  # 55 km away: conflicts with a and b
    ]


def keys(groups: list[list[Mention]]) -> list[list[str]]:
    return [[m.report_key for m in g] for g in groups]


def test_pinned_mentions_are_one_incident_whatever_their_conflicts() -> None:
    a, b, c = strikes()
    assert keys(cluster_mentions([a, b, c])) == [["a#1", "b#1"], ["c#1"]]
    pins = Pins.of([act(1, "merge", (a.key, c.key))])
    assert keys(cluster_mentions([a, b, c], pins)) == [["a#1", "c#1"], ["b#1"]]  # b conflicts with c


def test_split_parts_never_join_again_not_even_through_a_third_mention() -> None:
    a, b, _ = strikes()
    d = mention("d", place=ALEPPO, claims=(claim(lo=5, hi=5),))
    pins = Pins.of([act(1, "split", (a.key,), (b.key,))])
    groups = keys(cluster_mentions([a, b, d], pins))
    assert len(groups) == 2  # d joins one side
    assert not any({"a#1", "b#1"} <= set(g) for g in groups)


def test_a_later_action_overrides_an_earlier_one() -> None:
    a, b, _ = strikes()
    split_then_merge = Pins.of([act(1, "split", (a.key,), (b.key,)), act(2, "merge", (a.key, b.key))])
    assert keys(cluster_mentions([a, b], split_then_merge)) == [["a#1", "b#1"]]
    merge_then_split = Pins.of([act(1, "merge", (a.key, b.key)), act(2, "split", (a.key,), (b.key,))])
    assert keys(cluster_mentions([a, b], merge_then_split)) == [["a#1"], ["b#1"]]


def test_incremental_merging_under_review_is_what_a_rebuild_gives() -> None:
    a, b, c = strikes()
    e = mention("e", place=IDLIB, claims=(claim(lo=9, hi=9),))
    review = (act(1, "merge", (a.key, c.key), anchor=a.key),
              act(2, "correct", anchor=a.key, field="killed", value={"low": 1, "best": 2, "high": 3}),
              act(3, "wrong", anchor=c.key, claim=f"{c.key}/0"))
    expected = build_incidents([a, b, c, e], review=Review(review))
    for order in itertools.permutations([b, e]):
        reader = MemoryReader()
        for m in (a, c, *order[:1]):
            reader.add([m])
        for action in review:  # each as the store applies it: stored, then the incidents it touches revised
            reader.reviewed = (*reader.reviewed, action)
            touched = sorted({reader.incident_ids([k])[k] for g in action.groups for k in g} or
                             {reader.incident_ids([action.anchor])[action.anchor]})
            changes, _ = revise([reader.incidents[i] for i in touched], action, reader)
            reader.apply(changes)
        reader.add(list(order[1:]))
        got = sorted(reader.incidents.values(), key=lambda i: min(m.key for m in i.mentions))
        assert [sorted(x.key for x in i.mentions) for i in got] == [sorted(x.key for x in i.mentions)
                                                                     for i in expected]
        assert [i.head for i in got] == [i.head for i in expected]
    merged = next(i for i in expected if any(m.key == a.key for m in i.mentions))
    assert sorted(m.key for m in merged.mentions) == [a.key, c.key]
    assert merged.figures["killed"] == Figures(1, 2, 3)
    assert merged.review is not None and merged.review.corrections[0].machine == {"low": 5, "best": 5, "high": 5}
    assert len(merged.claims) == 2 and [w.claim for w in merged.review.wrong] == [f"{c.key}/0"]  # c's 9 is out


def test_the_latest_correction_wins_and_the_machine_value_is_kept() -> None:
    (inc,) = build_incidents([mention("a", claims=(claim(lo=5, hi=5),))])
    head = overlay(inc.head, [act(2, "correct", field="killed", value={"low": 7, "best": 7, "high": 7}),
                              act(1, "correct", field="killed", value={"low": 6, "best": 6, "high": 6}),
                              act(3, "correct", field="date", value={"start": "2016-09-10", "end": "2016-09-12"})])
    assert head.figures["killed"] == Figures(7, 7, 7)
    assert head.date.start == date(2016, 9, 10) and head.date.precision.value == "week"
    assert head.review is not None
    assert [(c.field, c.machine) for c in head.review.corrections] == [
        ("killed", {"low": 5, "best": 5, "high": 5}),
        ("date", {"start": "2016-09-17", "end": "2016-09-17", "precision": "day"})]
    assert overlay(inc.head, []).review is None
