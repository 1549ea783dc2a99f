"""The brief's map: incidents over country outlines, drawn offline (matplotlib ``Figure``, Agg).

A place known to a point, a locality or near one is a dot: its area grows with the
lowest killed figure, an outer ring marks the highest when the sources differ, its
colour is the row's status. A place known only to its district or province is a
hatched circle of a nominal size (``data/brief.json``), and one known only to its
country is that country's outline hatched: never a pin where the place is not known.
Rows without coordinates are left off and the caption says which. Numbers next to
the marks are the rows' numbers in the brief. The projection is equirectangular at
the view's middle latitude (true to scale there; the scale bar says how much), north up.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Sequence

import numpy as np
from matplotlib import patheffects
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Ellipse, Patch, PathPatch, Rectangle
from matplotlib.path import Path
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ..model import PlacePrecision
from .context import STATUSES, BriefRow
from .images import new_figure
from .style import style
from .world import ATTRIBUTION, Country, countries

__all__ = ["map_figure", "how_drawn", "Box", "view_box", "KM_PER_DEG_LAT"]

Box = tuple[float, float, float, float]  # west, south, east, north
KM_PER_DEG_LAT = 110.574
POINT_LIKE = (PlacePrecision.POINT, PlacePrecision.NEAR, PlacePrecision.LOCALITY)
AREA_LIKE = (PlacePrecision.ADMIN2, PlacePrecision.ADMIN1)
WIDTH, HEIGHT = 7.2, 5.9  # inches
AXES = (0.07, 0.21, 0.9, 0.72)  # left, bottom, width, height (figure fractions)
LAND, LAND_HERE, SEA, BORDER = "#f3f0e8", "#e6dfcd", "#dce8f1", "#8f8f8f"


def km_per_deg_lon(lat: float) -> float:
    return 111.320 * math.cos(math.radians(lat))


def how_drawn(row: BriefRow) -> str:
    """How a row is drawn: ``point``, ``area`` (hatched circle), ``country`` (hatched outline) or ``none``."""
    p = row.place
    if p is None or p.lat is None or p.lon is None:
        return "none"
    if p.precision in POINT_LIKE:
        return "point"
    if p.precision in AREA_LIKE:
        return "area"
    if p.precision is PlacePrecision.COUNTRY:
        return "country"
    return "none"


def _country(iso2: str | None) -> Country | None:
    return next((c for c in countries() if iso2 and c.iso2 == iso2), None)


def _extent(row: BriefRow) -> Box | None:
    p, how = row.place, how_drawn(row)
    if how == "none" or p is None or p.lat is None or p.lon is None:
        return None
    if how == "country" and (c := _country(p.country)) is not None:
        return c.bbox
    radius = style().area_radius_km.get(p.precision.value, 0.0) if how == "area" else 0.0
    dlon, dlat = radius / km_per_deg_lon(p.lat), radius / KM_PER_DEG_LAT
    return (p.lon - dlon, p.lat - dlat, p.lon + dlon, p.lat + dlat)


def view_box(rows: Sequence[BriefRow], area: Box | None, aspect: float) -> Box:
    """The map's view: every drawn row and the agreement's ``area``, with a margin, at least the
    smallest span, widened to the axes' ``aspect`` (width / height, in km)."""
    boxes = [b for r in rows if (b := _extent(r)) is not None]
    if area is not None:
        boxes.append(area)
    if not boxes:
        boxes = [(-180.0, -60.0, 180.0, 80.0)]
    w, s = min(b[0] for b in boxes), min(b[1] for b in boxes)
    e, n = max(b[2] for b in boxes), max(b[3] for b in boxes)
    lat0, lon0 = (s + n) / 2, (w + e) / 2
    kx = km_per_deg_lon(lat0)
    st = style()
    width_km = max((e - w) * kx * (1 + 2 * st.margin), st.min_span_km)
    height_km = max((n - s) * KM_PER_DEG_LAT * (1 + 2 * st.margin), st.min_span_km)
    if width_km / height_km < aspect:
        width_km = height_km * aspect
    else:
        height_km = width_km / aspect
    half_lon, half_lat = width_km / kx / 2, height_km / KM_PER_DEG_LAT / 2
    return (lon0 - half_lon, lat0 - half_lat, lon0 + half_lon, lat0 + half_lat)


def _country_path(c: Country) -> Path:
    verts, codes = [], []
    for ring in c.rings:
        verts.append(ring)
        codes.extend([Path.MOVETO] + [Path.LINETO] * (len(ring) - 2) + [Path.CLOSEPOLY])
    return Path(np.concatenate(verts), codes)


def _draw_land(ax: Axes, box: Box, here: set[str]) -> list[tuple[Country, Path]]:
    grown = (box[0] - 1, box[1] - 1, box[2] + 1, box[3] + 1)
    shown = [(c, _country_path(c)) for c in countries() if c.meets(grown)]
    patches = [PathPatch(path) for _, path in shown]
    faces = [LAND_HERE if c.iso2 in here else LAND for c, _ in shown]
    ax.add_collection(PatchCollection(patches, facecolors=faces, edgecolors=BORDER, linewidths=0.6, zorder=1))
    return shown


def _label_countries(ax: Axes, box: Box, shown: list[tuple[Country, Path]]) -> None:
    """Each country that fills enough of the view gets its name at a point inside it (a grid sample)."""
    xs = np.linspace(box[0], box[2], 48)[1:-1]
    ys = np.linspace(box[1], box[3], 40)[1:-1]
    grid = np.array([(x, y) for y in ys for x in xs])
    for c, path in shown:
        inside = grid[path.contains_points(grid)]
        if len(inside) < 0.03 * len(grid):
            continue
        middle = inside.mean(axis=0)
        x, y = inside[np.argmin(((inside - middle) ** 2).sum(axis=1))]
        ax.text(x, y, c.name.upper(), ha="center", va="center", fontsize=7, color="#6b6b6b", zorder=2)


def _scale_bar(ax: Axes, box: Box) -> None:
    lat0 = (box[1] + box[3]) / 2
    width_km = (box[2] - box[0]) * km_per_deg_lon(lat0)
    target = width_km / 5
    magnitude = 10 ** math.floor(math.log10(target))
    km = max(m * magnitude for m in (1, 2, 5) if m * magnitude <= target)
    length = km / km_per_deg_lon(lat0)
    x0 = box[0] + 0.04 * (box[2] - box[0])
    y0 = box[1] + 0.05 * (box[3] - box[1])
    pad_x, pad_y = 0.015 * (box[2] - box[0]), 0.025 * (box[3] - box[1])
    ax.add_patch(
        Rectangle((x0 - pad_x, y0 - pad_y), length + 2 * pad_x, 3.4 * pad_y, facecolor="white", alpha=0.85,
                  edgecolor="none", zorder=6)
    )
    ax.plot([x0, x0 + length], [y0, y0], color="black", linewidth=2.2, solid_capstyle="butt", zorder=7)
    ax.text(x0 + length / 2, y0 + pad_y * 0.6, f"{km:g} km", ha="center", va="bottom", fontsize=7, zorder=7)


def _halo(text: object) -> None:
    text.set_path_effects([patheffects.withStroke(linewidth=2.5, foreground="white")])  # type: ignore[attr-defined]


def _draw_rows(ax: Axes, numbered: Sequence[tuple[int, BriefRow]]) -> set[str]:
    st = style()
    kinds: set[str] = set()
    labels: dict[tuple[float, float, str], list[int]] = defaultdict(list)
    reach: dict[tuple[float, float, str], float] = defaultdict(float)  # points: the largest mark at a label's place
    points = sorted(
        (x for x in numbered if how_drawn(x[1]) == "point"), key=lambda x: -(x[1].killed_high or x[1].killed_low or 0)
    )
    for number, row in numbered:
        how, p = how_drawn(row), row.place
        if how == "none" or p is None or p.lat is None or p.lon is None:
            continue
        kinds.add(how)
        colour = st.status_colours[row.status]
        key = (round(p.lon, 3), round(p.lat, 3), how)
        labels[key].append(number)
        if how == "point":
            largest = max(st.marker_area(row.killed_low), st.marker_area(row.killed_high))
            reach[key] = max(reach[key], math.sqrt(largest) / 2)
        if how == "area":
            radius = st.area_radius_km.get(p.precision.value, 0.0)
            ax.add_patch(
                Ellipse((p.lon, p.lat), 2 * radius / km_per_deg_lon(p.lat), 2 * radius / KM_PER_DEG_LAT,
                        facecolor=(*_rgb(colour), 0.10), edgecolor=colour, hatch="////", linewidth=1.1, zorder=3)
            )
        elif how == "country" and (c := _country(p.country)) is not None:
            ax.add_patch(PathPatch(_country_path(c), facecolor="none", edgecolor=colour, hatch="\\\\",
                                   linewidth=0.0, alpha=0.3, zorder=2.5))
    for _, row in points:
        p = row.place
        assert p is not None and p.lat is not None and p.lon is not None
        colour = st.status_colours[row.status]
        low = row.killed_low if row.killed_low is not None else row.killed_high
        ax.scatter([p.lon], [p.lat], s=st.marker_area(low), color=colour, alpha=0.85, edgecolors="white",
                   linewidths=0.8, zorder=4)
        if row.killed_high is not None and low is not None and row.killed_high > low:
            ax.scatter([p.lon], [p.lat], s=st.marker_area(row.killed_high), facecolors="none", edgecolors=colour,
                       linewidths=1.0, zorder=4)
    for (lon, lat, how), numbers in sorted(labels.items()):
        text = ", ".join(str(n) for n in sorted(numbers))
        offset = (0.0, 0.0) if how != "point" else (reach[(lon, lat, how)] + 2.5, 0.0)
        t = ax.annotate(text, (lon, lat), xytext=offset, textcoords="offset points", fontsize=7.5,
                        fontweight="bold", ha="left" if how == "point" else "center", va="center", zorder=8)
        _halo(t)
    return kinds


def _rgb(colour: str) -> tuple[float, float, float]:
    h = colour.lstrip("#")
    return (int(h[0:2], 16) / 255, int(h[2:4], 16) / 255, int(h[4:6], 16) / 255)


def _legend(fig: Figure, rows: Sequence[BriefRow], kinds: set[str]) -> None:
    """Three legends under the map: statuses, how places are drawn, sizes."""
    st = style()
    present = [s for s in STATUSES if any(r.status == s for r in rows)] or ["possible_violation"]
    statuses = [
        Line2D([], [], linestyle="none", marker="o", markersize=7, color=st.status_colours[s],
               label=st.status_labels[s])
        for s in present
    ]
    shapes: list[Artist] = [
        Line2D([], [], linestyle="none", marker="o", markersize=6, color="#777777",
               label="Place known to a town or point"),
        Line2D([], [], linestyle="none", marker="o", markerfacecolor="none", markeredgecolor="#555555",
               markersize=10, label="Outer ring: highest figure"),
    ]
    if "area" in kinds:
        shapes.append(Patch(facecolor="none", edgecolor="#555555", hatch="////",
                            label="Known only to its district\nor province (nominal circle)"))
    if "country" in kinds:
        shapes.append(Patch(facecolor="none", edgecolor="#555555", hatch="\\\\",
                            label="Known only to its country"))
    sizes = [
        Line2D([], [], linestyle="none", marker="o", color="#9a9a9a", markersize=math.sqrt(st.marker_area(k)),
               label=f"{k} killed (lowest figure)")
        for k in (1, 5, 20)
    ]
    common = {"fontsize": 7, "frameon": False, "handletextpad": 0.7, "borderaxespad": 0.0}
    fig.legend(handles=statuses, loc="upper left", bbox_to_anchor=(0.05, 0.17), title="Status", labelspacing=0.7,
               title_fontproperties={"weight": "bold", "size": 7}, alignment="left", **common)
    fig.legend(handles=shapes, loc="upper left", bbox_to_anchor=(0.43, 0.17), title="Place", labelspacing=0.7,
               title_fontproperties={"weight": "bold", "size": 7}, alignment="left", **common)
    fig.legend(handles=sizes, loc="upper left", bbox_to_anchor=(0.76, 0.17), title="Size", labelspacing=1.3,
               title_fontproperties={"weight": "bold", "size": 7}, alignment="left", **common)


def _degrees(axis: str) -> FuncFormatter:
    def fmt(value: float, _pos: int) -> str:
        hemi = ("E", "W") if axis == "x" else ("N", "S")
        return f"{abs(value):g}°{hemi[0] if value >= 0 else hemi[1]}"

    return FuncFormatter(fmt)


def map_figure(numbered: Sequence[tuple[int, BriefRow]], *, area: Box | None, title: str) -> Figure:
    """The map of numbered rows (``(number, row)``), fitted to them and to the agreement's ``area``."""
    rows = [r for _, r in numbered]
    fig = new_figure(WIDTH, HEIGHT)
    ax = fig.add_axes(AXES)
    aspect = (AXES[2] * WIDTH) / (AXES[3] * HEIGHT)
    box = view_box(rows, area, aspect)
    ax.set_xlim(box[0], box[2])
    ax.set_ylim(box[1], box[3])
    ax.set_facecolor(SEA)
    here = {r.place.country for r in rows if r.place is not None and r.place.country}
    shown = _draw_land(ax, box, here)
    _label_countries(ax, box, shown)
    kinds = _draw_rows(ax, numbered)
    _scale_bar(ax, box)
    ax.text(0.99, 0.012, ATTRIBUTION, transform=ax.transAxes, ha="right", va="bottom", fontsize=5.5,
            color="#555555", zorder=7, bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none", "pad": 1.5})
    for axis, locator in (("x", ax.xaxis), ("y", ax.yaxis)):
        locator.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10]))
        locator.set_major_formatter(_degrees(axis))
    ax.tick_params(labelsize=6.5, colors="#555555", length=2)
    for spine in ax.spines.values():
        spine.set_edgecolor("#777777")
    fig.text(AXES[0], 0.962, title, fontsize=10, fontweight="bold", ha="left", va="center")
    _legend(fig, rows, kinds)
    return fig
