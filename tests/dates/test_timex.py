"""normalize_timex: TIMEX3-style values of common forms against a document date."""

from datetime import date

import pytest

from ceasefire.dates import normalize_timex

MON_19 = date(2016, 9, 19)  # a Monday


@pytest.mark.parametrize(
    "text, value",
    [
        ("on Saturday", "2016-09-17"),
        ("Monday", "2016-09-19"),
        ("last Monday", "2016-09-12"),
        ("next Tuesday", "2016-09-20"),
        ("yesterday", "2016-09-18"),
        ("yesterday morning", "2016-09-18TMO"),
        ("today", "2016-09-19"),
        ("last night", "2016-09-18TNI"),
        ("the day before yesterday", "2016-09-17"),
        ("three days ago", "2016-09-16"),
        ("17 September 2016", "2016-09-17"),
        ("Sept. 17", "2016-09-17"),
        ("September 17th", "2016-09-17"),
        ("2016-09-17", "2016-09-17"),
        ("Sept. 17, 2016", "2016-09-17"),
        ("last week", "2016-W37"),
        ("this week", "2016-W38"),
        ("this weekend", "2016-W37-WE"),
        ("earlier this month", "2016-09"),
        ("last month", "2016-08"),
        ("mid-September", "2016-09"),
        ("the first week of May", "2016-05"),
        ("in the second week of August", "2016-08"),
        ("last year", "2015"),
        ("this year", "2016"),
        ("1994", "1994"),
        ("the 1990s", "199"),
        ("three years ago", "2013"),
        ("the third quarter", "2016-Q3"),
        ("last summer", "2015-SU"),
        ("last November", "2015-11"),
        ("recently", "PAST_REF"),
        ("now", "PRESENT_REF"),
        ("in the future", "FUTURE_REF"),
    ],
)
def test_common_forms(text: str, value: str) -> None:
    assert normalize_timex(text, MON_19)[0] == value


@pytest.mark.parametrize("text", ["seven days", "all week", "24 hours", "for two weeks", "daily"])
def test_durations_have_no_date_value(text: str) -> None:
    value, basis = normalize_timex(text, MON_19)
    assert value is None
    assert "duration" in basis


def test_year_less_date_nearest_by_default_and_past_on_request() -> None:
    # In a February report "December" is the December just gone, "March" the coming one.
    feb = date(1998, 2, 13)
    assert normalize_timex("December", feb)[0] == "1997-12"
    assert normalize_timex("March", feb)[0] == "1998-03"
    assert normalize_timex("March", feb, prefer="past")[0] == "1997-03"


def test_basis_quotes_the_expression_as_written() -> None:
    value, basis = normalize_timex("on Saturday", MON_19)
    assert value == "2016-09-17"
    assert basis == "'on Saturday' = weekday before document date 2016-09-19"


def test_gibberish_is_not_understood() -> None:
    assert normalize_timex("the blue horizon", MON_19) == (None, "'the blue horizon' not understood")


@pytest.mark.parametrize(
    "text, value",
    [
        ("nineteen ninety-six", "1996"),
        ("the year two thousand", "2000"),
        ("January nineteen ninety-seven", "1997-01"),
        ("the nineties", "199"),
        ("the 20th century", "19"),
        ("the past year", "2015"),
        ("the current fiscal year", "2016"),
        ("year-end", "2016"),
        ("1994 or later", "1994"),
        ("post-1959", "1959"),
        ("several years ago", "PAST_REF"),
        ("coming months", "FUTURE_REF"),
        ("the last few months", "PAST_REF"),
        ("this year's third quarter", "2016-Q3"),
        ("next year's first quarter", "2017-Q1"),
        ("Thanksgiving", "2016-11-24"),
        ("last Thanksgiving", "2015-11-26"),
        ("Easter week", "2016-W12"),
        ("Saturday, September 17", "2016-09-17"),
    ],
)
def test_more_forms(text: str, value: str) -> None:
    assert normalize_timex(text, MON_19)[0] == value


def test_a_weekday_written_with_a_date_picks_the_year() -> None:
    # 25 April fell on a Saturday in 1998, not in 1997 or 1999.
    value, basis = normalize_timex("Saturday, April 25", date(1998, 4, 24), prefer="past")
    assert value == "1998-04-25"
    assert "it falls on a saturday" in basis


@pytest.mark.parametrize("text", ["47", "a 63-year-old", "the 6-month-old"])
def test_bare_numbers_and_ages_are_no_dates(text: str) -> None:
    assert normalize_timex(text, MON_19)[0] is None


@pytest.mark.parametrize(
    "text, value",
    [
        ("Tuesday of last week", "2016-09-13"),
        ("on Tuesday last week", "2016-09-13"),
        ("last week on Friday", "2016-09-16"),
        ("Tuesday night last week", "2016-09-13TNI"),
        ("early this morning", "2016-09-19TMO"),
        ("late this afternoon", "2016-09-19TAF"),
        ("on the 14th", "2016-09-14"),
        ("a week ago", "2016-09-12"),
    ],
)
def test_weekdays_of_a_named_week_parts_of_today_and_days_of_the_month(text: str, value: str) -> None:
    assert normalize_timex(text, MON_19)[0] == value
