"""Property tests of parse_quantity over generated figure phrases (hypothesis; no model needed)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ceasefire.nlp import parse_quantity

numbers = st.integers(min_value=1, max_value=99_999)
WORDS = [  # ones and tens interleaved: the order matters to nobody
    "one", "twenty", "two", "thirty", "three", "forty", "four", "fifty", "five", "sixty",
    "six", "seventy", "seven", "eighty", "eight", "ninety", "nine", "ten", "eleven", "twelve",
]


def digits(n: int) -> str:
    return f"{n:,}" if n >= 1000 else str(n)


@given(numbers)
def test_exact_digits(n: int) -> None:
    q = parse_quantity(digits(n))
    assert q is not None and q.min == q.max == n and not q.approx


@given(st.sampled_from(["at least", "no fewer than", "more than", "over"]), numbers)
def test_lower_bounds_are_open_above(bound: str, n: int) -> None:
    q = parse_quantity(f"{bound} {digits(n)}")
    assert q is not None and q.max is None and q.min is not None
    assert q.min == (n + 1 if bound in ("more than", "over") else n)


@given(st.sampled_from(["up to", "as many as", "nearly", "almost", "fewer than", "under"]), numbers)
def test_upper_bounds_are_open_below(bound: str, n: int) -> None:
    q = parse_quantity(f"{bound} {digits(n)}")
    assert q is not None and q.min is None and q.max is not None
    assert q.max == (n - 1 if bound in ("fewer than", "under") else n)
    assert q.approx is (bound in ("nearly", "almost"))


@given(numbers, numbers, st.sampled_from(["between {a} and {b}", "{a} to {b}", "{a}-{b}"]))
def test_ranges_are_ordered(a: int, b: int, template: str) -> None:
    lo, hi = sorted((a, b))
    q = parse_quantity(template.format(a=digits(lo), b=digits(hi)))
    if lo == hi:
        return
    assert q is not None and q.min == lo and q.max == hi


@given(
    st.sampled_from(["", "at least ", "more than ", "up to ", "nearly ", "about ", "some "]),
    st.sampled_from(WORDS),
    st.sampled_from(["", " so far", " or more"]),
)
def test_min_never_exceeds_max(bound: str, word: str, suffix: str) -> None:
    q = parse_quantity(f"{bound}{word}{suffix}")
    assert q is not None
    assert q.min is None or q.max is None or q.min <= q.max
    assert q.min is not None or q.max is not None


@given(st.sampled_from(["dozens", "scores", "hundreds", "several", "thousands", "several dozen"]))
def test_vague_words_are_approximate_lower_bounds(word: str) -> None:
    q = parse_quantity(word)
    assert q is not None and q.approx and q.min is not None and q.max is None
