"""The brief's daily chart: possible violations per day and their killed ranges, per accused party.

Top: incidents per day, stacked by accused party (unattributed incidents in grey). An
incident dated to a range of days (a week, "between Monday and Wednesday") is drawn on
its first day, hatched, when that day is in the period; one whose first day is not in
the period (or unknown) is left out and the caption says how many. Bottom: the killed
range per party and day, from the sum of the lowest figures to the sum of the highest;
an open range ("at least 12") ends in an arrow.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Mapping, Sequence

from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from ..model import MONTHS, DatePrecision
from .context import BriefRow
from .images import new_figure
from .summary import COUNTED, accused_of, party_order
from .view import WEEKDAYS

__all__ = ["daily_figure", "charted"]



def charted(rows: Sequence[BriefRow], first: date, last: date) -> tuple[list[BriefRow], list[BriefRow]]:
    """The rows the chart counts (possible violations and unattributed ones whose first day is in the period),
    and the others of those statuses, which it leaves out."""
    counted = [r for r in rows if r.status in COUNTED]
    inside = [r for r in counted if r.when.start is not None and first <= r.when.start <= last]
    return inside, [r for r in counted if r not in inside]


def _exact(row: BriefRow) -> bool:
    return row.when.precision is DatePrecision.DAY and row.when.start == row.when.end


def daily_figure(rows: Sequence[BriefRow], parties: Sequence[str], colours: Mapping[str | None, str], first: date,
                 last: date, *, title: str) -> Figure:
    """The two-panel chart over the days ``first`` .. ``last``; ``colours`` by party (``None``: not attributed)."""
    inside, _ = charted(rows, first, last)
    order = party_order(parties, inside)
    order = [p for p in order if any(accused_of(r) == p for r in inside)] or order[:1]
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    index = {d: i for i, d in enumerate(days)}

    fig = new_figure(7.2, 4.6)
    top = fig.add_axes((0.08, 0.5, 0.9, 0.3))
    bottom = fig.add_axes((0.08, 0.12, 0.9, 0.3), sharex=top)
    fig.text(0.08, 0.96, title, fontsize=10, fontweight="bold", ha="left", va="center")
    top.set_title("Incidents per day", fontsize=8, loc="left", color="#444444")
    bottom.set_title("Killed per day: sum of the lowest to sum of the highest figures", fontsize=8, loc="left",
                     color="#444444")

    base = [0.0] * len(days)
    for party in order:
        for exact in (True, False):
            heights = [0.0] * len(days)
            for r in inside:
                if accused_of(r) == party and _exact(r) == exact and r.when.start is not None:
                    heights[index[r.when.start]] += 1
            if not any(heights):
                continue
            top.bar(range(len(days)), heights, bottom=base, width=0.7, color=colours[party],
                    edgecolor="white", hatch=None if exact else "////", linewidth=0.6, zorder=3)
            base = [b + h for b, h in zip(base, heights, strict=True)]
    top.set_ylabel("incidents", fontsize=7.5)
    top.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
    top.set_ylim(0, max(max(base, default=0), 1) * 1.15)

    width = 0.7 / max(len(order), 1)
    any_figure, ceiling = False, 1.0
    for k, party in enumerate(order):
        lows: dict[int, int] = defaultdict(int)
        highs: dict[int, int | None] = {}
        for r in inside:
            if accused_of(r) != party or r.when.start is None or (r.killed_low is None and r.killed_high is None):
                continue
            i = index[r.when.start]
            low = r.killed_low if r.killed_low is not None else 0
            lows[i] += low
            previous = highs.get(i, 0)
            highs[i] = None if previous is None or r.killed_high is None else previous + r.killed_high
        for i, low in sorted(lows.items()):
            any_figure = True
            x = i - 0.35 + width * (k + 0.5)
            high = highs[i]
            bottom.plot([x - width * 0.4, x + width * 0.4], [low, low], color=colours[party], linewidth=1.6, zorder=4)
            if high is None:  # no upper bound: an arrow up from the lowest figure, and "N+"
                tip = low + max(2.0, low * 0.3)
                ceiling = max(ceiling, tip)
                bottom.annotate("", xy=(x, tip), xytext=(x, low), zorder=4, annotation_clip=False,
                                arrowprops={"arrowstyle": "-|>", "color": colours[party], "linewidth": 1.4})
                bottom.text(x + width * 0.5, low, f"{low}+", fontsize=6.5, color=colours[party], va="center")
            else:
                ceiling = max(ceiling, high)
                bottom.bar([x], [high - low], bottom=[low], width=width * 0.8, color=colours[party], alpha=0.45,
                           edgecolor=colours[party], linewidth=0.8, zorder=3)
                bottom.plot([x - width * 0.4, x + width * 0.4], [high, high], color=colours[party], linewidth=1.6,
                            zorder=4)
    bottom.set_ylabel("killed (low–high)", fontsize=7.5)
    bottom.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
    if not any_figure:
        bottom.text(0.5, 0.5, "No killed figure reported", transform=bottom.transAxes, ha="center", va="center",
                    color="#777777")
        bottom.set_yticks([])
    else:
        bottom.set_ylim(0, ceiling * 1.15)
    bottom.set_xticks(range(len(days)))
    bottom.set_xticklabels([f"{WEEKDAYS[d.weekday()]}\n{d.day} {MONTHS[d.month - 1][:3]}" for d in days], fontsize=7)
    bottom.set_xlim(-0.6, len(days) - 0.4)
    for ax in (top, bottom):
        ax.grid(axis="y", color="#dddddd", linewidth=0.6, zorder=0)
        ax.tick_params(labelsize=7, length=2)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    top.tick_params(labelbottom=False)
    handles = [Patch(color=colours[p], label=p if p is not None else "Not attributed") for p in order]
    if any(not _exact(r) for r in inside):
        handles.append(Patch(facecolor="white", edgecolor="#555555", hatch="////", label="dated only to several days"))
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.075, 0.925),
               ncol=len(handles) if len(handles) <= 5 else 3, fontsize=7, frameon=False, handlelength=1.2,
               columnspacing=1.4)
    return fig
