"""The brief's input types: what they accept and refuse, and the period before."""

from __future__ import annotations

from datetime import date

import pytest

from ceasefire.brief import STATUSES, Brief, BriefRow, EvidenceLine
from ceasefire.brief.style import style
from ceasefire.errors import ConfigError
from tests.brief.example import day, example_brief, town


def test_a_row_refuses_an_unknown_status_and_an_inverted_range():
    with pytest.raises(ValueError, match="status 'violation'"):
        BriefRow("x", day(13), None, "violation", "Attack")
    with pytest.raises(ValueError, match="killed_low 5 > killed_high 2"):
        BriefRow("x", day(13), None, "unattributed", "Attack", killed_low=5, killed_high=2)
    with pytest.raises(ValueError, match="evidence kind"):
        EvidenceLine("q", None, None, "r1", kind="rumour")


def test_a_brief_refuses_a_period_that_ends_before_it_starts_and_a_bad_area():
    b = example_brief()
    with pytest.raises(ConfigError, match="ends .* before it starts"):
        Brief(b.agreement_id, b.agreement_name, b.agreement_start, None, date(2016, 9, 18), date(2016, 9, 12), (), (),
              b.generated_on)
    with pytest.raises(ConfigError, match="not a box"):
        Brief(b.agreement_id, b.agreement_name, b.agreement_start, None, b.period_from, b.period_to, (), (),
              b.generated_on, area=(40.0, 30.0, 35.0, 36.0))


def test_the_previous_period_has_the_same_length_and_ends_the_day_before():
    b = example_brief()
    assert b.days == 7
    assert (b.previous_from, b.previous_to) == (date(2016, 9, 5), date(2016, 9, 11))
    one_day = Brief("a", "A", date(2016, 9, 12), None, date(2016, 9, 14), date(2016, 9, 14), (), (), date(2016, 9, 15))
    assert (one_day.previous_from, one_day.previous_to) == (date(2016, 9, 13), date(2016, 9, 13))


def test_every_status_has_a_label_and_a_colour():
    assert tuple(style().status_labels) == STATUSES
    assert set(style().status_colours) == set(STATUSES)


def test_row_day_is_the_start_of_its_date():
    row = BriefRow("x", day(15), town("Azaz", "Aleppo", 36.59, 37.05), "unattributed", "Attack")
    assert row.day == date(2016, 9, 15)
