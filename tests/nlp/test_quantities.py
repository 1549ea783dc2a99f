"""parse_quantity follows the conventions table of gold-format.md, row by row (no model needed)."""

from __future__ import annotations

import pytest

from ceasefire.model import Quantity
from ceasefire.nlp import parse_quantity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # exact figures: digits and words
        ("9", Quantity(9, 9)),
        ("1,200", Quantity(1200, 1200)),
        ("nine", Quantity(9, 9)),
        ("eighty-three", Quantity(83, 83)),
        ("two hundred and fifty", Quantity(250, 250)),
        ("Seventeen", Quantity(17, 17)),
        ("1.5 million", Quantity(1_500_000, 1_500_000)),
        # lower bounds
        ("at least 83", Quantity(83, None)),
        ("at least nine", Quantity(9, None)),
        ("9 so far", Quantity(9, None)),
        ("40, expected to rise", Quantity(40, None)),
        ("more than 60", Quantity(61, None)),
        ("over 20", Quantity(21, None)),
        # upper bounds
        ("up to 40", Quantity(None, 40)),
        ("as many as 40", Quantity(None, 40)),
        ("could be as high as 40", Quantity(None, 40)),
        ("under 10", Quantity(None, 9)),
        ("fewer than 10", Quantity(None, 9)),
        ("nearly 40", Quantity(None, 40, approx=True)),
        ("almost 40", Quantity(None, 40, approx=True)),
        ("close to 40", Quantity(None, 40, approx=True)),
        # approximations
        ("about 40", Quantity(40, 40, approx=True)),
        ("around 40", Quantity(40, 40, approx=True)),
        ("approximately 40", Quantity(40, 40, approx=True)),
        ("some 40", Quantity(40, 40, approx=True)),
        # ranges
        ("between 20 and 30", Quantity(20, 30)),
        ("20 to 30", Quantity(20, 30)),
        ("12-15", Quantity(12, 15)),
        ("between two hundred and fifty and three hundred", Quantity(250, 300)),
        # vague words
        ("a dozen", Quantity(12, 12)),
        ("more than a dozen", Quantity(13, None)),
        ("dozens", Quantity(24, None, approx=True)),
        ("several dozen", Quantity(36, None, approx=True)),
        ("scores", Quantity(40, None, approx=True)),
        ("hundreds", Quantity(200, None, approx=True)),
        ("several", Quantity(3, None, approx=True)),
        ("a couple", Quantity(2, 3, approx=True)),
        ("two or three", Quantity(2, 3, approx=True)),
        ("a couple dozen", Quantity(24, 24, approx=True)),
    ],
)
def test_conventions(text: str, expected: Quantity) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["", "the attack", "Resolution", "1.5", "least", "twelve monkeys"])
def test_not_a_figure(text: str) -> None:
    assert parse_quantity(text) is None


def test_bound_applies_only_to_the_figure_it_stands_before() -> None:
    assert parse_quantity("at least 40") == Quantity(40, None)
    assert parse_quantity("80") == Quantity(80, 80)
