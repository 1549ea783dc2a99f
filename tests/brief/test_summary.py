"""The headline: possible violations and killed per accused party, against the period before."""

from __future__ import annotations

from ceasefire.brief import BriefRow
from ceasefire.brief.summary import headline, ordered, party_order, party_totals
from tests.brief.example import ALLY, GOV, OPP, day, example_brief


def row(i: str, status: str, accused: str | None, low: int | None, high: int | None, d: int = 13) -> BriefRow:
    return BriefRow(i, day(d), None, status, "Attack", accused=accused, killed_low=low, killed_high=high)


def test_party_totals_sum_ranges_count_unknown_figures_apart_and_keep_open_ranges_open():
    rows = [
        row("a", "possible_violation", GOV, 2, 4),
        row("b", "possible_violation", GOV, 3, 3),
        row("c", "possible_violation", GOV, None, None),
        row("d", "possible_violation", OPP, 12, None),
        row("e", "permitted", GOV, 50, 60),  # not a violation: not counted
    ]
    gov = party_totals(rows, GOV)
    assert (gov.incidents, gov.killed_low, gov.killed_high, gov.unknown) == (3, 5, 7, 1)
    opp = party_totals(rows, OPP)
    assert (opp.incidents, opp.killed_low, opp.killed_high) == (1, 12, None)


def test_unattributed_incidents_are_counted_under_no_party():
    rows = [row("a", "unattributed", None, 1, 2), row("b", "unattributed", GOV, 1, 1)]
    assert party_totals(rows, None).incidents == 2
    assert party_totals(rows, GOV).incidents == 0


def test_headline_lists_every_party_in_the_agreements_order_then_other_accused_then_unattributed():
    b = example_brief()
    lines = headline(b.parties, b.rows, b.previous_rows)
    assert [x.party for x in lines] == [GOV, OPP, ALLY, None]
    gov = lines[0]
    assert (gov.now.incidents, gov.before.incidents, gov.change) == (4, 2, 2)
    assert (gov.before.killed_low, gov.before.killed_high) == (7, 9)


def test_a_party_with_nothing_in_either_period_still_has_its_line_and_no_unattributed_line_when_none():
    lines = headline((GOV, OPP), [row("a", "possible_violation", GOV, 1, 1)], [])
    assert [(x.party, x.now.incidents, x.before.incidents) for x in lines] == [(GOV, 1, 0), (OPP, 0, 0)]


def test_rows_are_ordered_by_status_then_date():
    rows = [row("late", "possible_violation", GOV, 1, 1, 17), row("u", "unattributed", None, 1, 1, 12),
            row("early", "possible_violation", OPP, 1, 1, 13)]
    assert [r.incident_id for r in ordered(rows)] == ["early", "late", "u"]
    assert party_order([GOV], rows) == [GOV, OPP, None]
