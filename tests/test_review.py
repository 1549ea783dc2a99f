"""Review with audit through the Python API (``db.review``, ``db.users``), on SQLite and PostgreSQL: each
action is a version with who, when and why; the machine's values stay visible; new reports and ``rebuild``
never overwrite a person's correction, merge or split; the violation check follows in the same transaction."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import ceasefire
from ceasefire.database import Database
from ceasefire.errors import Forbidden, InvalidParameter, NotFound, Unauthorized
from ceasefire.model import Figures
from tests.reviewing import add_report, add_truce


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    with ceasefire.open(db_url) as d:
        yield d


def only(db: Database) -> str:
    (inc,) = db.incidents()
    return inc.id


def test_a_correction_is_a_review_version_and_keeps_the_machine_value(db: Database) -> None:
    add_report(db, 1)
    incident_id = only(db)
    machine = db.incident(incident_id).figures["killed"]
    assert machine == Figures(12, 12, 15)
    inc = db.review.correct(incident_id, "killed", {"low": 20, "best": 22, "high": 25}, by="ana", why="morgue list")
    assert inc.figures["killed"] == Figures(20, 22, 25)
    assert inc.review is not None
    (c,) = inc.review.corrections
    assert (c.field, c.machine, c.mark.by, c.mark.why) == ("killed", {"low": 12, "best": 12, "high": 15}, "ana",
                                                           "morgue list")
    first, last = db.history(incident_id)
    assert (first.kind, first.by) == ("machine", None)
    assert first.incident is not None and first.incident.figures["killed"] == machine  # the original stays visible
    assert (last.kind, last.by, last.why) == ("review", "ana", "morgue list")
    assert last.recorded_at is not None and last.recorded_at.tzinfo is not None
    assert db.check() == []


def test_a_new_report_and_a_rebuild_never_overwrite_a_correction(db: Database) -> None:
    add_report(db, 1)
    incident_id = only(db)
    db.review.correct(incident_id, "killed", {"low": 20, "best": 22, "high": 25}, by="ana", why="morgue list")
    db.review.correct(incident_id, "date", {"start": "2016-09-16"}, by="ana", why="the night before")
    add_report(db, 2, killed=40)  # joins the incident: the machine's range would now be 12..43
    inc = db.incident(only(db))
    assert len(inc.mentions) == 2
    assert inc.figures["killed"] == Figures(20, 22, 25)
    assert str(inc.date.start) == "2016-09-16"
    assert inc.review is not None
    assert inc.review.corrections[0].machine == {"low": 12, "best": 12, "high": 43}  # the machine's value, kept
    assert db.history(inc.id)[-1].kind == "machine"  # the new report's version, the correction laid over it
    db.rebuild(policy="max")
    again = db.incident(inc.id)
    assert again.figures["killed"] == Figures(20, 22, 25) and again.policy == "max"
    assert db.check() == []


def test_confirm_and_every_correctable_field(db: Database) -> None:
    add_report(db, 1)
    incident_id = only(db)
    db.review.confirm(incident_id, by="bo", why="checked with the office")
    db.review.correct(incident_id, "place", {"name": "Idlib", "lat": 35.93, "lon": 36.63, "country": "sy"},
                      by="bo", why="the dateline city")
    db.review.correct(incident_id, "event_type", "Armed clash", by="bo", why="ground fighting")
    db.review.correct(incident_id, "actor", {"name": "Free Syrian Army", "role": "perpetrator"}, by="bo", why="x")
    inc = db.review.correct(incident_id, "wounded", {"low": 3, "best": None, "high": None}, by="bo", why="y")
    assert inc.review is not None and inc.review.confirmed is not None and inc.review.confirmed.by == "bo"
    assert inc.place is not None and (inc.place.name, inc.place.country) == ("Idlib", "SY")
    assert (inc.event_type, inc.sub_event_type) == ("Battles", "Armed clash")
    assert [a.actor.name for a in inc.actors if a.role == "perpetrator"] == ["Free Syrian Army"]
    assert inc.figures["wounded"] == Figures(3, None, None)
    assert [v.kind for v in db.history(incident_id)] == ["machine"] + ["review"] * 5


@pytest.mark.parametrize("field, value, named", [
    ("killed", {"low": 9, "best": 3}, "value"),
    ("killed", "many", "value"),
    ("date", {"start": "2016-13-01"}, "value"),
    ("date", {"start": "2016-09-10", "end": "2016-09-01"}, "value"),
    ("place", {"name": "X", "lat": 95, "lon": 0}, "value"),
    ("event_type", "Picnic", "value"),
    ("actor", {"name": "X", "role": "bystander"}, "value"),
    ("grade", "confirmed", "field"),
])
def test_a_bad_value_names_the_field_and_changes_nothing(db: Database, field: str, value: object,
                                                         named: str) -> None:
    add_report(db, 1)
    incident_id = only(db)
    with pytest.raises(InvalidParameter) as caught:
        db.review.correct(incident_id, field, value, by="ana", why="x")
    assert caught.value.name == named
    assert len(db.history(incident_id)) == 1 and db.review.actions() == ()


def test_a_claim_marked_wrong_stays_visible_but_leaves_the_ranges(db: Database) -> None:
    mention = add_report(db, 1)
    incident_id = only(db)
    monitor = f"{mention.key}/1"  # the monitor's 15
    inc = db.review.mark_wrong(monitor, by="cy", why="counts another strike")
    assert inc.figures["killed"] == Figures(12, 12, 12)
    assert len(inc.claims) == 2  # still there
    assert inc.review is not None and [w.claim for w in inc.review.wrong] == [monitor]
    add_report(db, 2, killed=12)  # a new report: the wrong claim stays out
    assert db.incident(only(db)).figures["killed"] == Figures(12, 12, 15)  # report 2's monitor says 15
    db.rebuild()
    assert db.incident(only(db)).review.wrong[0].claim == monitor  # type: ignore[union-attr]
    with pytest.raises(NotFound):
        db.review.mark_wrong(f"{mention.key}/9", by="cy")
    assert incident_id == only(db)


def test_a_merge_holds_against_new_reports_and_rebuild(db: Database) -> None:
    add_report(db, 1, city="Aleppo")
    add_report(db, 2, city="Idlib")  # 55 km apart: two incidents for the machine
    a, b = (i.id for i in db.incidents())
    merged = db.review.merge([a, b], by="ana", why="one strike, misplaced")
    assert len(merged.mentions) == 2 and {i.id for i in db.incidents()} == {merged.id}
    gone = b if merged.id == a else a
    assert db.history(gone)[-1].successors == (merged.id,) and db.history(gone)[-1].by == "ana"
    keys = sorted(m.key for m in merged.mentions)
    add_report(db, 3, city="Aleppo")  # conflicts with the Idlib mention of the merged incident: stays apart,
    add_report(db, 4, city="Idlib")   # never pulls the merged mentions apart
    owners = db.incident_ids_of(keys)
    assert set(owners.values()) == {merged.id} and len(db.incidents()) == 3
    before = {i.id: sorted(m.key for m in i.mentions) for i in db.incidents()}
    db.rebuild()
    assert {i.id: sorted(m.key for m in i.mentions) for i in db.incidents()} == before
    assert db.check() == []


def test_a_split_holds_against_new_reports_and_rebuild(db: Database) -> None:
    m1 = add_report(db, 1)
    m2 = add_report(db, 2)
    incident_id = only(db)
    first = min(m1.key, m2.key)
    shown = db.review.split(incident_id, [max(m1.key, m2.key)], by="bo", why="two strikes that day")
    assert shown.id == incident_id and [m.key for m in shown.mentions] == [first]  # it keeps its first mention
    assert len(db.incidents()) == 2
    add_report(db, 3)  # ties to both: it may join one, never bridge them
    assert len(db.incidents()) == 2
    owners = db.incident_ids_of([m1.key, m2.key])
    assert owners[m1.key] != owners[m2.key]
    before = {i.id: sorted(m.key for m in i.mentions) for i in db.incidents()}
    db.rebuild()
    assert {i.id: sorted(m.key for m in i.mentions) for i in db.incidents()} == before
    every = [m.key for m in db.incident(owners[m2.key]).mentions]
    with pytest.raises(InvalidParameter):
        db.review.split(owners[m2.key], every, by="bo")  # nothing would be left
    assert db.check() == []


def test_the_violation_check_follows_a_review_in_the_same_transaction(db: Database, tmp_path: Path) -> None:
    add_report(db, 1)
    truce = add_truce(db, tmp_path)
    incident_id = only(db)
    (v,) = db.violations(truce)
    assert v.status.value == "possible_violation"
    db.review.correct(incident_id, "event_type", "Peaceful protest", by="ana", why="a protest, not a strike")
    judged = db.store.judgements(truce, incident_id)
    assert judged[-1].version == db.history(incident_id)[-1].version
    assert db.violations(truce, statuses=["possible_violation"]) == []
    assert [x.status.value for x in db.incident_violations(incident_id)] != ["possible_violation"]


def test_users_tokens_are_hashed_checked_and_revocable(db: Database) -> None:
    token = db.users.add("ana")
    reader = db.users.add("rui", role="reader")
    assert db.users.authenticate(token, "review").name == "ana"
    assert db.users.authenticate(reader, "read").role == "reader"
    with pytest.raises(Forbidden):
        db.users.authenticate(reader, "review")
    for bad in (None, "", "nope", token[:-1] + ("A" if token[-1] != "A" else "B"), "cf_0000000000000000_" + "x" * 43):
        with pytest.raises(Unauthorized):
            db.users.authenticate(bad, "read")
    assert token not in repr(db.store.snapshot())  # only the hash is stored
    db.users.revoke("ana")
    with pytest.raises(Forbidden):
        db.users.authenticate(token, "read")
    assert [(u.name, u.revoked_at is not None) for u in db.users.list()] == [("ana", True), ("rui", False)]
    with pytest.raises(ceasefire.errors.ConfigError):
        db.users.add("ana")
    with pytest.raises(NotFound):
        db.users.revoke("nobody")
