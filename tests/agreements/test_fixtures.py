"""Invented reports against the other shipped agreements: a party's act, an ally's, an act just before
the start or on the start day, one outside the area, an unknown perpetrator, a denied attribution."""

from __future__ import annotations

from pathlib import Path

import pytest

import ceasefire
from ceasefire.model import Violation

from .articles import write_articles

pytestmark = pytest.mark.model


def _judged(db_url: str, agreement_id: str, tmp_path: Path) -> tuple[dict[str, Violation], set[str]]:
    """The judgements by article id, and the ids of every article that made an incident."""
    with ceasefire.open(db_url) as db:
        db.ingest([write_articles(agreement_id, tmp_path)])
        db.add_agreement(agreement_id)
        found = db.violations(agreement_id)
        made = {a for i in db.incidents() for a in i.article_ids}
    out: dict[str, Violation] = {}
    for v in found:
        assert v.incident is not None
        for article in v.incident.article_ids:
            out[article] = v
    return out, made


def test_minsk_ii(db_url: str, tmp_path: Path) -> None:
    judged, made = _judged(db_url, "minsk-ii-2015", tmp_path)
    v = judged["minsk-party"]  # separatists are a force of the DPR: a party's act
    assert v.status.value == "possible_violation" and v.accused == "Donetsk People's Republic"
    assert v.term is not None and v.term.ref == "Art. 2"  # shelling: the heavy-weapons term, not the general one
    assert [a.name for a in v.accusers] and not v.straddles
    assert {"minsk-before", "minsk-outside"} <= made  # extracted, but outside the agreement's time or area
    assert "minsk-before" not in judged and "minsk-outside" not in judged


def test_south_sudan(db_url: str, tmp_path: Path) -> None:
    judged, _ = _judged(db_url, "south-sudan-2018", tmp_path)
    unknown = judged["ssd-unknown"]
    assert unknown.status.value == "unattributed" and unknown.accused is None
    assert "could not be attributed" in unknown.reason and unknown.term is not None
    denied = judged["ssd-denied"]  # only the army says so, and the SPLA-IO denies it
    assert denied.status.value == "unattributed" and denied.accused == "SPLM/A-IO"
    assert [d.source.name for d in denied.denials] == ["SPLA-IO"] and "denied by SPLA-IO" in denied.reason


def test_yemen_truce(db_url: str, tmp_path: Path) -> None:
    judged, made = _judged(db_url, "yemen-truce-2022", tmp_path)
    ally = judged["yemen-ally"]  # the Saudi-led coalition backs the government
    assert ally.status.value == "possible_violation" and ally.accused == "Government of Yemen"
    assert ally.perpetrator == "Saudi-led coalition"
    start_day = judged["yemen-start-day"]  # Saturday 2 April, the truce began at 19:00: it may predate it
    assert start_day.straddles and start_day.accused == "Ansar Allah"
    assert "may predate the agreement" in start_day.reason and "19:00" in start_day.reason
    assert "yemen-outside" in made and "yemen-outside" not in judged  # Somalia


def test_israel_hezbollah(db_url: str, tmp_path: Path) -> None:
    judged, made = _judged(db_url, "israel-hezbollah-2024", tmp_path)
    israel = judged["lebanon-party"]
    assert israel.status.value == "possible_violation" and israel.accused == "Israel"
    assert israel.term is not None and israel.term.ref == "Para. 3"  # the term that binds Israel
    hezbollah = judged["lebanon-hezbollah"]
    assert hezbollah.status.value == "possible_violation" and hezbollah.accused == "Lebanon and Hezbollah"
    assert hezbollah.term is not None and hezbollah.term.ref == "Para. 2"
    assert "lebanon-outside" in made and "lebanon-outside" not in judged
    before = judged["lebanon-before"]  # reported on the day the truce took hold, dated the day before
    assert before.status.value == "out_of_scope" and before.accused is None
    assert "predates the agreement" in before.reason and "reported on 27 November 2024" in before.reason
