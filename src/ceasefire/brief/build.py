"""A :class:`Brief` from an agreement and the violation check's results (pure over model types).

``Database.brief`` reads the agreement, the results of the period and of the period of
the same length before it, and the articles their sentences are in; this module turns
them into the rows a brief renders.
"""

from __future__ import annotations

from datetime import date
from typing import Mapping, Sequence

from ..model import Agreement, Area, Article, Violation
from .context import Brief, BriefRow
from .rows import row_from_incident
from .world import countries

__all__ = ["brief_of", "row_of", "area_box"]

Box = tuple[float, float, float, float]


def area_box(area: Area) -> Box | None:
    """The agreement's area as a box (west, south, east, north): its polygon's, else its countries' outlines';
    ``None`` when it names neither (admin1 regions alone are drawn around the incidents)."""
    if area.polygon:
        lons, lats = [p[0] for p in area.polygon], [p[1] for p in area.polygon]
        return (min(lons), min(lats), max(lons), max(lats))
    boxes = [c.bbox for c in countries() if c.iso2 is not None and c.iso2 in area.countries]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def row_of(violation: Violation, articles: Mapping[str, Article]) -> BriefRow:
    """The brief's row for one result: the incident's part (date, place, figures, evidence) and the check's."""
    if violation.incident is None:
        raise ValueError(f"the result for incident {violation.incident_id} carries no incident")
    term = violation.term
    return row_from_incident(
        violation.incident,
        articles,
        status=violation.status.value,
        term_ref=term.ref if term is not None else None,
        term_text=term.text if term is not None else None,
        accused=violation.accused,
        accusers=[a.name for a in violation.accusers],
        reason=violation.reason,
    )


def brief_of(
    agreement: Agreement,
    period: tuple[date, date],
    results: Sequence[Violation],
    previous: Sequence[Violation],
    articles: Mapping[str, Article],
    generated_on: date,
) -> Brief:
    """The brief of ``agreement`` for ``period`` (both days included): ``results`` are the period's, ``previous``
    the period's of the same length just before; ``articles`` holds every article their sentences are in."""
    return Brief(
        agreement_id=agreement.id,
        agreement_name=agreement.name,
        agreement_start=agreement.start,
        agreement_end=agreement.end,
        period_from=period[0],
        period_to=period[1],
        rows=tuple(row_of(v, articles) for v in results),
        previous_rows=tuple(row_of(v, articles) for v in previous),
        generated_on=generated_on,
        parties=tuple(p.name for p in agreement.parties),
        area=area_box(agreement.area),
    )
