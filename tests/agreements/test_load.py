"""Agreement files: the shipped ones load; a bad one gets one line naming the file, the field and its line."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

import ceasefire
from ceasefire.agreements import parse_agreement, read_agreement, shipped_paths
from ceasefire.database import actor_name
from ceasefire.errors import InputError

GOOD = """\
id: test-truce
name: A test truce
start: 2020-03-01
end: 2020-04-01T12:00:00Z
area:
  countries: [SY]
parties:
  - name: Government
    actor: Syrian government
    allies: [Russia]
  - name: Opposition
    actor: Free Syrian Army
excluded: [ISIS]
terms:
  - ref: Art. 1
    text: No attacks.
    prohibits:
      event_types: [Battles]
      sub_event_types: [Air/drone strike]
exceptions:
  - ref: Art. 5
    text: The zone.
    area:
      polygon:
        type: Polygon
        coordinates: [[[36.0, 35.0], [38.0, 35.0], [38.0, 37.0], [36.0, 35.0]]]
"""


def test_every_shipped_agreement_loads() -> None:
    loaded = {p.stem: read_agreement(p, actor_name) for p in shipped_paths()}
    assert len(loaded) >= 5
    assert all(a.id == stem and a.sha256 and a.terms and a.parties for stem, a in loaded.items())
    for path in shipped_paths():  # each names its public source in a comment
        assert "# Source:" in path.read_text(encoding="utf-8")


def test_the_syria_agreement_of_12_september_2016() -> None:
    (path,) = [p for p in shipped_paths() if p.stem == "syria-2016-09"]
    a = read_agreement(path, actor_name)
    assert a.start == datetime(2016, 9, 12, 19, 0, tzinfo=timezone(timedelta(hours=3)))  # sunset, local time
    assert set(a.excluded) == {"Islamic State", "Nusra Front"}
    parties = {p.name: p for p in a.parties}
    assert parties["Syrian government"].actor == "Syrian army"
    assert "US-led coalition" in parties["United States"].members
    assert a.area.countries == ("SY",)


def test_names_resolve_through_the_actor_registry() -> None:
    a = parse_agreement(GOOD, "t.yaml", actor_name)
    assert a.parties[0].actor == "Syrian army" and a.parties[0].allies == ("Russian armed forces",)
    assert a.excluded == ("Islamic State",)
    assert a.start == date(2020, 3, 1) and a.end == datetime(2020, 4, 1, 12, tzinfo=timezone.utc)
    assert a.exemptions[0].area is not None and len(a.exemptions[0].area.polygon) == 4


def _bad(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (_bad("start: 2020-03-01\n", ""), 1, ("start", "missing")),
        (_bad("end: 2020-04-01T12:00:00Z", "end: 2020-02-01"), 4, ("end", "before it starts")),
        (_bad("end: 2020-04-01T12:00:00Z", "end: 2020-04-01T12:00:00"), 4, ("end", "time zone")),
        (_bad("start: 2020-03-01", "start: March 2020"), 3, ("start", "not a date")),
        (_bad("actor: Free Syrian Army", "actor: Army of the Moon"), 12, ("parties[1].actor", "Army of the Moon")),
        (_bad("excluded: [ISIS]", "excluded: [ISIS, Moon Men]"), 13, ("excluded[1]", "unknown actor")),
        (_bad("event_types: [Battles]", "event_types: [Skirmish]"), 18, ("terms[0].prohibits.event_types[0]",
                                                                          "Skirmish")),
        (_bad("[36.0, 35.0]]]", "[36.5, 35.0]]]"), 26, ("exceptions[0].area.polygon.coordinates", "not closed")),
        (_bad("countries: [SY]", "countries: [Syria]"), 6, ("area.countries", "ISO 3166")),
        (_bad("    text: No attacks.\n", "    text: No attacks.\n    penalty: none\n"), 17, ("terms[0].penalty",
                                                                                          "unknown field")),
        ("id: [unclosed\n", 2, ("not valid YAML",)),
        ("- just\n- a list\n", 1, ("not a mapping",)),
    ],
)
def test_a_bad_file_gets_one_line_naming_field_and_line(text: str, line: int, words: tuple[str, ...]) -> None:
    with pytest.raises(InputError) as caught:
        parse_agreement(text, "bad.yaml", actor_name)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"bad.yaml: line {line}: "), message
    for word in words:
        assert word in message, message


BAD_FILES = {
    "missing-dates.yaml": _bad("start: 2020-03-01\n", ""),
    "unknown-party.yaml": _bad("actor: Free Syrian Army", "actor: Army of the Moon"),
    "end-before-start.yaml": _bad("end: 2020-04-01T12:00:00Z", "end: 2019-04-01"),
    "bad-polygon.yaml": _bad("[[[36.0, 35.0], [38.0, 35.0], [38.0, 37.0], [36.0, 35.0]]]", "[[[36.0, 35.0], [38.0]]]"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_changes_nothing_in_the_store(db_url: str, tmp_path: Path, name: str) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / name
    bad.write_text(BAD_FILES[name], encoding="utf-8")
    with ceasefire.open(db_url) as db:
        db.add_agreement(good)
        before = db.store.snapshot()
        with pytest.raises(InputError) as caught:
            db.add_agreement(bad)
        assert str(caught.value).startswith(f"{bad}: line ") and "\n" not in str(caught.value)
        assert db.store.snapshot() == before
        assert [a.id for a in db.agreements()] == ["test-truce"]


def test_a_shipped_agreement_is_added_by_its_id(db_url: str) -> None:
    with ceasefire.open(db_url) as db:
        added = db.add_agreement("minsk-ii-2015")
        assert db.agreement("minsk-ii-2015") == added
        assert db.violations("minsk-ii-2015") == []  # no incidents yet
        with pytest.raises(InputError, match="nor a shipped agreement"):
            db.add_agreement("no-such-agreement")
