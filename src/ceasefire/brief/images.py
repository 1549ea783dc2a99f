"""The brief's pictures as PNG bytes: matplotlib ``Figure`` objects (never pyplot) drawn by Agg, deterministically.

Every figure is made and saved inside :func:`drawing`: a fixed font (DejaVu Sans,
shipped with matplotlib), no math parsing of stored text (a ``$`` in a party's name
stays a dollar sign), a fixed SVG hash salt, and PNG metadata without the software
version, so the same input gives the same bytes on every run.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from typing import Any, Callable

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

__all__ = ["Image", "drawing", "png", "new_figure"]

RC: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "text.parse_math": False,
    "text.usetex": False,
    "svg.hashsalt": "ceasefire-brief",
    "hatch.linewidth": 0.8,
    "axes.titlesize": 9,
    "path.simplify": True,
}


@dataclass(frozen=True)
class Image:
    """A PNG picture of a brief: its bytes, size in pixels and the text that stands for it."""

    name: str  # "map" or "daily"
    data: bytes
    width: int
    height: int
    alt: str

    @property
    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.data).decode("ascii")


def new_figure(width: float, height: float) -> Figure:
    """A figure of ``width`` x ``height`` inches with an Agg canvas (no pyplot, no display)."""
    fig = Figure(figsize=(width, height))
    FigureCanvasAgg(fig)
    return fig


def drawing(make: Callable[[], Figure], *, dpi: int) -> tuple[bytes, int, int]:
    """Make a figure and save it as PNG under the brief's fixed settings: ``(bytes, width, height)``."""
    with matplotlib.rc_context(RC):  # type: ignore[arg-type]  # the stubs type rc keys as literals
        fig = make()
        return png(fig, dpi=dpi)


def png(fig: Figure, *, dpi: int) -> tuple[bytes, int, int]:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None}, facecolor="white")
    width, height = fig.get_size_inches() * dpi
    return buf.getvalue(), int(round(width)), int(round(height))
