"""The incident part of a brief's row, from a real Incident built from mentions."""

from __future__ import annotations

import dataclasses
from datetime import date

from ceasefire.brief.rows import evidence_of, figures_by_source, row_from_incident
from ceasefire.incidents.build import build_incidents
from ceasefire.model import Article, Evidence, Source, SourceType, Statement, StatementKind
from tests.factories import ALEPPO, claim, mention

DENIAL = Statement(StatementKind.DENIAL, Source("Defence ministry", SourceType.GOVERNMENT),
                   Evidence("text", 90, 120, "The ministry denied the strike."))


def _incident():
    first = mention("d1", start=0, article="a1", claims=(
        claim(lo=7, hi=9, source="Civil defence", stype=SourceType.MONITOR, quote="Seven to nine died."),
        claim(kind="wounded", lo=20, hi=20, source="Civil defence", stype=SourceType.MONITOR, start=30,
              quote="Twenty were hurt."),
    ))
    second = dataclasses.replace(
        mention("d2", start=0, article="a2", claims=(claim(lo=6, hi=6, source="Health directorate", quote="Six died."),)),
        statements=(DENIAL,),
    )
    (incident,) = build_incidents([first, second])
    return incident


ARTICLES = {
    "a1": Article("a1", "text", outlet="Example Wire", url="https://wire.example/1", publication_date=date(2016, 9, 14)),
    "a2": Article("a2", "text", outlet="Sample Daily", url="https://daily.example/2"),
}


def test_figures_by_source_are_each_sources_latest_total_per_kind():
    figures = figures_by_source(_incident())
    assert [(f.kind, f.source, f.min, f.max) for f in figures] == [
        ("killed", "Civil defence", 7, 9), ("killed", "Health directorate", 6, 6), ("wounded", "Civil defence", 20, 20)]
    no_tally = dataclasses.replace(_incident(), tally=None)
    assert figures_by_source(no_tally) == figures


def test_evidence_is_the_claims_then_the_statements_with_outlet_and_url():
    lines = evidence_of(_incident(), ARTICLES)
    assert [(e.kind, e.quote, e.outlet, e.url, e.report_id, e.source) for e in lines] == [
        ("claim", "Seven to nine died.", "Example Wire", "https://wire.example/1", "a1", "Civil defence"),
        ("claim", "Twenty were hurt.", "Example Wire", "https://wire.example/1", "a1", "Civil defence"),
        ("claim", "Six died.", "Sample Daily", "https://daily.example/2", "a2", "Health directorate"),
        ("denial", "The ministry denied the strike.", "Sample Daily", "https://daily.example/2", "a2",
         "Defence ministry"),
    ]
    assert evidence_of(_incident(), {})[0].outlet is None  # an article not given: no outlet, no link


def test_a_row_carries_the_incident_and_the_checks_verdict():
    incident = _incident()
    row = row_from_incident(incident, ARTICLES, status="possible_violation", term_ref="Art. 1",
                            term_text="No aerial bombardment.", accused="Government forces",
                            accusers=["Civil defence"], reason="Named as the perpetrator.")
    assert (row.incident_id, row.when, row.place) == (incident.id, incident.date, ALEPPO)
    assert (row.killed_low, row.killed_high) == (6, 9)
    assert (row.status, row.term_ref, row.accused, row.accusers) == ("possible_violation", "Art. 1",
                                                                     "Government forces", ("Civil defence",))
    assert row.what == "Air/drone strike" and row.grade == incident.grade and row.flags == incident.flags
    assert len(row.evidence) == 4
