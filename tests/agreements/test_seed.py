"""The seed page against the shipped Syria agreement of 12 September 2016 (the issue's done-when).

The Jebel Tharda strike (the US-led coalition against the Syrian army) and the Daraa bombing
(Syrian forces, civilians killed) are possible violations with their terms, accusers and the US
denial; the Nusra Front's shelling is no party's violation; an Islamic State attack is permitted
or out of scope, never a party's violation. On SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import ceasefire
from ceasefire.model import Violation
from tests.seed import seed_path

pytestmark = pytest.mark.model

SYRIA = "syria-2016-09"


def _by_place(found: list[Violation], name: str, sub: str) -> Violation:
    (hit,) = [v for v in found if v.incident is not None and v.incident.place is not None
              and name in v.incident.place.name and v.incident.sub_event_type == sub]
    return hit


def _check_seed(found: list[Violation]) -> None:
    tharda = _by_place(found, "Jebel Tharda", "Air/drone strike")
    assert tharda.status.value == "possible_violation"
    assert tharda.accused == "United States" and tharda.perpetrator == "US-led coalition"
    assert tharda.target == "Syrian army"
    assert tharda.term is not None and tharda.term.ref.startswith("CoH terms")
    accusers = {a.name for a in tharda.accusers}
    assert "Syrian Observatory for Human Rights" in accusers and "Russian Defence Ministry" in accusers
    assert any(a.claims for a in tharda.accusers)
    assert [d.source.name for d in tharda.denials] == ["US officials"]
    assert "would not intentionally strike" in tharda.denials[0].evidence.quote
    assert tharda.acknowledgments and tharda.acknowledgments[0].source.name == "US military"

    daraa = _by_place(found, "Daraa", "Air/drone strike")
    assert daraa.status.value == "possible_violation" and daraa.accused == "Syrian government"
    assert daraa.term is not None and [a.name for a in daraa.accusers] == ["Syrian Observatory for Human Rights"]
    assert daraa.incident is not None and daraa.incident.figures["killed"].low == 9
    assert "civilians" in {c.victims for a in daraa.accusers for c in a.claims}

    for v in found:
        perpetrators = [r.actor.name for r in v.incident.actors if r.role == "perpetrator"] if v.incident else []
        if perpetrators and perpetrators[0] in ("Nusra Front", "Islamic State"):
            assert v.status.value in ("permitted", "out_of_scope") and v.accused is None, v.reason
    nusra = [v for v in found if v.perpetrator == "Nusra Front"]
    assert nusra and all(v.status.value == "out_of_scope" for v in nusra)
    isis = [v for v in found if v.perpetrator == "Islamic State"]
    assert isis and all(v.status.value in ("permitted", "out_of_scope") for v in isis)


def test_the_seed_against_the_syria_agreement(db_url: str) -> None:
    with ceasefire.open(db_url) as db:
        db.ingest([seed_path()])
        db.add_agreement(SYRIA)
        found = db.violations(SYRIA)
        _check_seed(found)
        possible = db.violations(SYRIA, statuses=["possible_violation"])
        assert {v.incident_id for v in possible} == {v.incident_id for v in found
                                                      if v.status.value == "possible_violation"}
        early = [v for v in found if v.incident is not None and v.incident.date.start is not None
                 and v.incident.date.start <= date(2016, 9, 16)]
        assert db.violations(SYRIA, until=date(2016, 9, 16)) == early


def test_an_agreement_added_first_judges_incidents_as_they_arrive(db_url: str) -> None:
    with ceasefire.open(db_url) as db:
        db.add_agreement(SYRIA)
        assert db.violations(SYRIA) == []
        db.ingest([seed_path()])
        _check_seed(db.violations(SYRIA))


FOLLOW_UP = (
    "(September 19, 2016) — The toll from Sunday's air strikes by Syrian forces on rebel sites in Daraa "
    "Province rose to 11 civilians, the Syrian Observatory for Human Rights said on Monday."
)


def test_a_changed_incident_is_judged_again_and_the_earlier_judgement_kept(db_url: str, tmp_path: Path) -> None:
    follow = tmp_path / "follow.jsonl"
    follow.write_text(json.dumps({"id": "follow-up", "publication_date": "2016-09-19", "outlet": "Wire Fixture",
                                  "text": FOLLOW_UP}) + "\n", encoding="utf-8")
    with ceasefire.open(db_url) as db:
        db.ingest([seed_path()])
        db.add_agreement(SYRIA)
        before = _by_place(db.violations(SYRIA), "Daraa", "Air/drone strike")
        db.ingest([follow])
        after = [v for v in db.violations(SYRIA) if v.incident is not None and "follow-up" in v.incident.article_ids]
        assert after, "the follow-up report joined no judged incident"
        (grown,) = after
        assert grown.version > before.version
        history = db.store.judgements(SYRIA, grown.incident_id)
        assert [j.version for j in history][-1] == grown.version
        kept = db.store.judgements(SYRIA, before.incident_id)
        assert before.version in [j.version for j in kept]  # the judgement of the earlier version is kept


def test_the_violations_json_holds_the_interchange_incident(tmp_path: Path) -> None:
    out = tmp_path / "v.json"
    with ceasefire.open(f"sqlite:///{tmp_path / 's.db'}") as db:
        db.ingest([seed_path()])
        db.add_agreement(SYRIA)
        n = db.export_violations(SYRIA, out, format="json", statuses=["possible_violation"])
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert len(rows) == n >= 2
    for row in rows:
        assert {"status", "term", "reason", "accused", "accusers", "denials", "grade", "incident"} <= set(row)
        assert row["incident"]["id"] and "claims" in row["incident"] and "location" in row["incident"]
    tharda = next(r for r in rows if r["incident"]["location"]["name"] == "Jebel Tharda")
    assert tharda["denials"][0]["source"] == "US officials" and tharda["denials"][0]["quote"]
    assert tharda["term"]["ref"] and tharda["term"]["text"]
