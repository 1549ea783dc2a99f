"""Situation briefs: HTML, Markdown or PDF from the model types a caller gives (see ``docs/brief.md``).

    >>> from ceasefire import brief
    >>> data = brief.render(the_brief, "html")        # bytes: one self-contained HTML file
    >>> brief.write(the_brief, "brief.pdf")           # the format from the suffix

A :class:`Brief` holds :class:`BriefRow` records (``context.py``); ``rows.row_from_incident``
makes the incident part of a row. matplotlib and the PDF engine (weasyprint) live only
in this package.
"""

from __future__ import annotations

from .context import STATUSES, Brief, BriefRow, EvidenceLine, SourceFigure
from .render import FORMATS, render, write

__all__ = ["STATUSES", "FORMATS", "Brief", "BriefRow", "EvidenceLine", "SourceFigure", "render", "write"]
