"""The daily chart: incidents per day stacked by accused party, killed ranges, imprecise dates hatched or left out."""

from __future__ import annotations

from datetime import date

from matplotlib.patches import Rectangle

from ceasefire.brief import BriefRow
from ceasefire.brief.daily import charted, daily_figure
from ceasefire.brief.style import party_colours
from ceasefire.model import DatePrecision, DateResolution
from tests.brief.example import GOV, OPP, day

FIRST, LAST = date(2016, 9, 12), date(2016, 9, 18)


def row(i: str, status: str, accused: str | None, when: DateResolution, low=None, high=None) -> BriefRow:
    return BriefRow(i, when, None, status, "Attack", accused=accused, killed_low=low, killed_high=high)


def _bars(ax):
    return [p for p in ax.patches if isinstance(p, Rectangle) and p.get_height() > 0]


def test_rows_outside_the_period_or_undated_are_left_out_and_other_statuses_not_counted():
    rows = [
        row("in", "possible_violation", GOV, day(13)),
        row("before", "possible_violation", GOV, day(9)),
        row("undated", "unattributed", None, DateResolution.unknown("no date")),
        row("permitted", "permitted", None, day(14)),
    ]
    inside, outside = charted(rows, FIRST, LAST)
    assert [r.incident_id for r in inside] == ["in"]
    assert [r.incident_id for r in outside] == ["before", "undated"]


def test_bars_count_incidents_per_day_and_party_with_party_colours_and_imprecise_dates_hatched():
    week = DateResolution(FIRST, LAST, DatePrecision.WEEK, "this week")
    rows = [
        row("a", "possible_violation", GOV, day(13), 1, 2),
        row("b", "possible_violation", GOV, day(13), 3, 3),
        row("c", "possible_violation", OPP, day(13), 12, None),
        row("d", "unattributed", None, week),
    ]
    colours = party_colours([GOV, OPP, None])
    fig = daily_figure(rows, (GOV, OPP), colours, FIRST, LAST, title="t")
    top, bottom = fig.axes
    heights = {}
    for b in _bars(top):
        key = (round(b.get_x() + b.get_width() / 2), b.get_facecolor()[:3], bool(b.get_hatch()))
        heights[key] = heights.get(key, 0) + b.get_height()
    from matplotlib.colors import to_rgb

    assert heights[(1, to_rgb(colours[GOV]), False)] == 2  # Tuesday 13: two by the government
    assert heights[(1, to_rgb(colours[OPP]), False)] == 1
    assert heights[(0, to_rgb(colours[None]), True)] == 1  # the week-dated one, hatched on its first day
    ranges = [b for b in _bars(bottom)]
    assert any(b.get_y() == 4 and b.get_height() == 1 for b in ranges)  # government: 1+3 .. 2+3
    assert any(t.get_text() == "12+" for t in bottom.texts)  # an open range says so
    legend = [t.get_text() for lg in fig.legends for t in lg.get_texts()]
    assert legend[:3] == [GOV, OPP, "Not attributed"]


def test_a_period_without_figures_says_so():
    fig = daily_figure([row("a", "possible_violation", GOV, day(13))], (GOV,), party_colours([GOV, None]), FIRST,
                       LAST, title="t")
    assert any("No killed figure" in t.get_text() for t in fig.axes[1].texts)
    assert [t.get_text().split("\n")[1] for t in fig.axes[1].get_xticklabels()][:2] == ["12 Sep", "13 Sep"]
