"""Roles of a report's mentions (incidents.roles): reported, secondary, background, and why."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.factories import claim, mention

from ceasefire.incidents import assign_roles, build_incidents
from ceasefire.model import STATEMENT_DAY, DatePrecision, DateResolution, MentionRole

TODAY = date(2021, 6, 14)


def _dated(start: date, end: date, precision: DatePrecision, basis: str = "test"):
    return DateResolution(start, end, precision, basis)


def roles(*ms):
    return [(m.role, m.role_basis) for m in assign_roles(list(ms))]


def test_news_of_the_day_is_reported():
    m = mention("r", day=date(2021, 6, 13), reported_on=TODAY)
    assert roles(m) == [(MentionRole.REPORTED, "")]


def test_a_day_far_before_the_report_is_background_without_figures_and_secondary_with_them():
    old = mention("r", start=200, day=date(2021, 5, 20), reported_on=TODAY)
    ((role, why),) = roles(old)
    assert role is MentionRole.BACKGROUND and "over 7 days before" in why
    ((role, why),) = roles(replace(old, claims=(claim(lo=13, hi=13),)))
    assert role is MentionRole.SECONDARY and why.startswith("older event told with its figures")


def test_a_month_named_in_the_text_is_older_once_it_ended_a_week_before_the_report():
    january = replace(mention("r", reported_on=TODAY),
                      date=_dated(date(2021, 1, 1), date(2021, 1, 31), DatePrecision.MONTH))
    this_month = replace(january, date=_dated(date(2021, 6, 1), date(2021, 6, 30), DatePrecision.MONTH))
    assert roles(january)[0][0] is MentionRole.BACKGROUND
    assert roles(this_month)[0][0] is MentionRole.REPORTED


def test_an_inherited_date_never_makes_an_event_older():
    inherited = replace(mention("r", reported_on=TODAY), date=_dated(
        date(2021, 5, 1), date(2021, 5, 1), DatePrecision.DAY, "the date of the report's earlier event"))
    assert roles(inherited)[0][0] is MentionRole.REPORTED


def test_conflict_level_wording_is_background_even_with_a_figure():
    war = replace(mention("r", reported_on=TODAY, claims=(claim(lo=20000, hi=None),)), cues=("durative",))
    ((role, why),) = roles(war)
    assert role is MentionRole.BACKGROUND and why == "conflict-level (durative wording)"


def test_recalled_wording_makes_an_older_event():
    recalled = replace(mention("r", reported_on=TODAY), cues=("recalled",))
    assert roles(recalled) == [(MentionRole.BACKGROUND, "older event: recalled wording")]


def test_another_day_than_the_lead_is_secondary():
    lead = mention("r", start=0, day=date(2021, 6, 13), reported_on=TODAY)
    earlier = mention("r", start=300, day=date(2021, 6, 10), reported_on=TODAY)
    assert [r for r, _ in roles(lead, earlier)] == [MentionRole.REPORTED, MentionRole.SECONDARY]


def test_a_statement_s_day_counts_as_that_day_for_the_lead_and_for_older_events():
    # "the army said on Friday that ...": the week up to Friday, which stands for Friday
    said_friday = _dated(date(2021, 6, 5), date(2021, 6, 11), DatePrecision.WEEK,
                         f"'on Friday' = weekday before publication date, {STATEMENT_DAY}: the event fell in the week")
    lead = replace(mention("r", reported_on=TODAY), date=said_friday)
    other = mention("r", start=300, day=date(2021, 6, 8), reported_on=TODAY)
    assert roles(lead, other)[1] == (MentionRole.SECONDARY, "dated 2021-06-08, another day than the report's lead "
                                                            "(2021-06-11)")
    # a statement's day ends its week: older by the days of a day (7), not of a week (14)
    long_ago = replace(lead, date=replace(said_friday, start=date(2021, 5, 27), end=date(2021, 6, 2)))
    assert roles(long_ago)[0][0] is MentionRole.BACKGROUND


def test_background_alone_makes_no_incident_but_joins_a_concrete_cluster():
    news = mention("r1", claims=(claim(lo=12, hi=12),))
    recalled = replace(mention("r2", claims=(claim(lo=12, hi=12),)), role=MentionRole.BACKGROUND)
    assert build_incidents([recalled]) == []
    (incident,) = build_incidents([news, recalled])
    assert len(incident.mentions) == 2


def test_an_event_told_as_a_distance_back_is_older():
    """'the depot had been shelled a week earlier' (cue 'earlier', nlp.apart): secondary with its figures, else
    background, and never the report's lead."""
    older = replace(mention("r", start=300, day=date(2021, 6, 12), reported_on=TODAY), cues=("earlier",))
    lead = mention("r", start=10, day=date(2021, 6, 13), reported_on=TODAY)
    ((role, why),) = roles(older)
    assert role is MentionRole.BACKGROUND and "earlier wording" in why
    assert roles(replace(older, claims=(claim(lo=4, hi=4),)))[0][0] is MentionRole.SECONDARY
    assert roles(older, lead) == [(MentionRole.BACKGROUND, "older event: earlier wording"), (MentionRole.REPORTED, "")]


def test_an_event_a_marker_sets_apart_keeps_its_own_role():
    separate = replace(mention("r", day=date(2021, 6, 13), reported_on=TODAY), cues=("separate",))
    assert roles(separate) == [(MentionRole.REPORTED, "")]
