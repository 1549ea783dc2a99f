"""One long report's many mentions: clustering compares each with its neighbours, not with all of them."""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.factories import ALEPPO, DARAA_PROVINCE, IDLIB, claim, mention

from ceasefire.incidents import MemoryReader, build_incidents, cluster_mentions
from ceasefire.incidents.merge import REPORT_SPAN, any_conflicting, candidate_pairs, conflicting
from ceasefire.model import Mention

SUBS = ["Air/drone strike", "Armed clash", None]
PLACES = [ALEPPO, IDLIB, DARAA_PROVINCE, None]


def _long_report(n: int, seed: int = 1, step: int = 40) -> list[Mention]:
    rng = random.Random(seed)
    return [
        mention("big", start=step * i, sub=rng.choice(SUBS), place=rng.choice(PLACES),
                day=date(2016, 9, 10) + timedelta(days=rng.randint(0, 6)),
                claims=(claim(lo=k, hi=k, start=40 * i),) if (k := rng.randint(0, 12)) else ())
        for i in range(n)
    ]


def test_a_long_report_is_paired_in_proportion_to_its_mentions() -> None:
    step = 400
    mentions = sorted(_long_report(1_000, step=step), key=lambda m: m.key)
    pairs = candidate_pairs(mentions)
    assert len(pairs) <= len(mentions) * REPORT_SPAN // step  # not n*n/2 = 500,000
    near = {(i, j) for i, j in pairs if abs(mentions[i].trigger.start - mentions[j].trigger.start) <= step}
    assert len(near) == len(mentions) - 1  # every mention is paired with the next one in the text
    assert all(abs(mentions[i].trigger.start - mentions[j].trigger.start) <= REPORT_SPAN for i, j in pairs)


def test_a_report_of_ordinary_length_is_paired_whole() -> None:
    mentions = sorted(_long_report(REPORT_SPAN // 40 + 1, seed=2), key=lambda m: m.key)
    assert candidate_pairs(mentions) == set(itertools.combinations(range(len(mentions)), 2))


def test_mentions_of_two_reports_sharing_a_key_are_always_paired() -> None:
    one = _long_report(200, seed=3)
    other = [mention("other", start=7, place=ALEPPO)]
    ordered = sorted(one + other, key=lambda m: m.key)
    at = next(i for i, m in enumerate(ordered) if m.report_key == "other#1")
    syrian = [i for i, m in enumerate(ordered) if m.place is not None and i != at]
    pairs = candidate_pairs(ordered)
    assert all(((i, at) if i < at else (at, i)) in pairs for i in syrian)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SUBS), st.sampled_from(PLACES), st.integers(0, 9)), max_size=12))
def test_any_conflicting_is_the_pairwise_check(traits: list) -> None:
    mentions = [mention("d", start=i, sub=s, place=p, day=date(2016, 9, 1) + timedelta(days=d) if d else None)
                for i, (s, p, d) in enumerate(traits)]
    assert any_conflicting(mentions) == any(conflicting(a, b) for a, b in itertools.combinations(mentions, 2))


def test_a_long_report_and_others_give_the_same_incidents_in_any_order() -> None:
    long = _long_report(150, seed=4, step=400)
    others = [[mention(f"o{n}", place=p, claims=(claim(lo=n + 2, hi=n + 2),))] for n, p in enumerate(PLACES)]
    everything = long + [m for ms in others for m in ms]
    full = sorted(sorted(m.key for m in g) for g in cluster_mentions(everything))
    assert len(full) < len(everything)  # mentions were merged at all
    for docs in ([long, *others], [*others, long], [others[0], long, *others[1:]]):
        reader = MemoryReader()
        for ms in docs:  # each report arrives whole, as a document does
            reader.add(ms)
        assert sorted(sorted(m.key for m in i.mentions) for i in reader.incidents.values()) == full
    assert sorted(sorted(m.key for m in i.mentions) for i in build_incidents(everything)) == full
