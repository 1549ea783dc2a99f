"""The incident part of a :class:`BriefRow`: date, place, figures by source, killed range, grade, flags, evidence.

The violation check supplies the rest (status, term, accused, accusers, reason); with
both, :func:`row_from_incident` makes the row a brief renders.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from ..model import Article, Incident, Statement
from .context import BriefRow, EvidenceLine, SourceFigure

__all__ = ["row_from_incident", "figures_by_source", "evidence_of"]


def figures_by_source(incident: Incident) -> tuple[SourceFigure, ...]:
    """Each source's figure of each kind: the tally's (each source's latest total), else the claims' own
    (the last total claim of each source and kind), in kind then source order."""
    latest: dict[tuple[str, str], SourceFigure] = {}
    if incident.tally is not None and incident.tally.figures:
        for v in incident.tally.figures:
            latest[(v.kind, v.source)] = SourceFigure(v.source, v.kind, v.min, v.max)
    else:
        for c in incident.claims:
            if c.scope == "total":
                latest[(c.kind.value, c.source.name)] = SourceFigure(c.source.name, c.kind.value, c.figure.min,
                                                                     c.figure.max)
    return tuple(latest[k] for k in sorted(latest))


def evidence_of(incident: Incident, articles: Mapping[str, Article]) -> tuple[EvidenceLine, ...]:
    """The incident's sentences: its claims', then its statements' (denials, acknowledgments, accusations),
    each sentence once per article, with the article's outlet (or the outlet that carried it) and URL."""
    out: dict[tuple[str, str], EvidenceLine] = {}
    for statements in (False, True):
        for m in incident.mentions:
            article = articles.get(m.article_id)
            url = article.url if article is not None else None
            outlet = article.outlet if article is not None else None
            for x in m.statements if statements else m.claims:
                kind = x.kind.value if isinstance(x, Statement) else "claim"
                line = EvidenceLine(x.evidence.quote, x.carried_by or outlet, url, m.article_id, x.source.name, kind)
                out.setdefault((m.article_id, x.evidence.quote), line)
    return tuple(out.values())


def row_from_incident(
    incident: Incident,
    articles: Mapping[str, Article],
    *,
    status: str,
    term_ref: str | None = None,
    term_text: str | None = None,
    accused: str | None = None,
    accusers: Sequence[str] = (),
    reason: str = "",
) -> BriefRow:
    """A brief's row for ``incident`` as the violation check judged it (``status`` and the rest).

    ``articles`` maps article ids to the stored articles, for each sentence's outlet and URL.
    """
    killed = incident.figures.get("killed")
    target = next((a.actor.name for a in incident.actors if a.role == "target"), None)
    return BriefRow(
        incident_id=incident.id,
        when=incident.date,
        place=incident.place,
        status=status,
        what=incident.sub_event_type or incident.event_type or "incident",
        term_ref=term_ref,
        term_text=term_text,
        accused=accused,
        accusers=tuple(accusers),
        figures=figures_by_source(incident),
        killed_low=killed.low if killed is not None else None,
        killed_high=killed.high if killed is not None else None,
        grade=incident.grade,
        flags=incident.flags,
        evidence=evidence_of(incident, articles),
        reason=reason,
        target=target,
    )
