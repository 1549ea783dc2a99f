"""Date resolution with precision and basis (pure: no I/O beyond the bundled word list).

``resolve_date`` dates an event from the time expressions of its mention;
``normalize_timex`` gives one expression's TIMEX3-style value.
"""

from __future__ import annotations

from .lines import normalize_line, normalize_lines
from .reading import Anchor, Reading
from .resolve import anchor_for, date_before, date_from_text, resolve_date
from .timex import normalize_timex, read_timex

__all__ = [
    "resolve_date", "date_from_text", "date_before", "normalize_line", "normalize_lines", "normalize_timex",
    "read_timex", "anchor_for", "Anchor", "Reading",
]
