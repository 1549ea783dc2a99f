import dataclasses
import json
from datetime import date, datetime, timedelta, timezone

import pytest

from ceasefire import model
from ceasefire.model import (
    CheckFailure,
    ClaimKind,
    DatePrecision,
    DateResolution,
    Figures,
    Growth,
    IncidentVersion,
    IngestProblem,
    Mention,
    Place,
    PlacePrecision,
    Quantity,
    Source,
    SourceType,
    Statement,
    StatementKind,
)
from ceasefire.store.codec import from_json, to_json
from tests.store import factory as f


def _tallied(ments: list[Mention]) -> list[object]:
    """A tally with every kind of vote in it, a head derived from it, and a growth."""
    from ceasefire.incidents.build import head_of
    from ceasefire.incidents.tally import tally_of

    taken = dataclasses.replace(ments[1], sub_event_type="Non-state actor overtakes territory")
    tally = tally_of([*ments, taken])
    head = head_of(tally, "inc-3")
    return [tally, *tally.types, *tally.dates, *tally.places, *tally.actors, *tally.figures, tally.taken, head,
            Growth("inc-2", head, (ments[0].key,))]


def examples() -> list[object]:
    doc, reps, ments = f.bundle()
    rich = ments[0]
    inc = f.incident("inc-1", tuple(ments))
    return [
        Quantity(83, None),
        Quantity(None, 40, approx=True),
        rich.trigger,
        Source("Syrian Observatory", SourceType.MONITOR, "SOHR", "opposition"),
        *rich.claims,
        rich.date,
        DateResolution.unknown("no date in text"),
        f.KHARBEK,
        Place("Somewhere"),
        rich.actors[0].actor,
        rich.actors[0],
        doc,
        reps[0].article,
        reps[0],
        rich.toponyms[0],
        rich.timexes[0],
        rich,
        ments[1],
        Figures(None, 3, None),
        inc.flags[0],
        inc,
        f.incident("inc-2", (), day=None, country=None),
        IngestProblem("feed.jsonl:7", "not valid JSON"),
        IncidentVersion("inc-1", 2, "new report(s) b", inc.head, added=(ments[1].key,)),
        *_tallied(ments),
        Statement(StatementKind.DENIAL, Source("US officials", SourceType.GOVERNMENT), rich.trigger,
                  about="would not intentionally strike", carried_by="Reuters", hedged=False),
        IncidentVersion("inc-0", 3, "merged into inc-1", None, ("inc-1",)),
        CheckFailure("mentions", "m-1", "belongs to no incident"),
        model.Original(reps[0].key, "wire-1", 1),
        dataclasses.replace(reps[0], copy_of=model.Original("abc#2", "wire-0", 2)),
        dataclasses.replace(rich, copy_of=model.Original("abc#2", "wire-0", 2)),
        model.Fingerprint(reps[0].key, "0" * 64, ("a" * 32, "b" * 32)),
        model.Fingerprint(reps[0].key, "0" * 64, ("a" * 32,), date(2024, 3, 2)),
        model.CopyWindow(30, 4),
        *_agreements(rich),
        *_searches(inc),
    ]


def _searches(inc: model.Incident) -> list[object]:
    """A search of incidents, its order and a page of it; the catalogues and a day's counts."""
    search = model.IncidentFilter(since=date(2024, 3, 1), until=date(2024, 3, 31), bbox=(35.0, 32.0, 42.0, 37.5),
                                  countries=("SY",), grades=("fair",))
    return [search, model.IncidentOrder("killed", True, None), model.IncidentPage((inc,), 1, None),
            model.SourceSummary("SOHR", "monitor", 3, 2), model.ActorSummary("Syrian army", "military", "perpetrator", 2),
            model.DayCount(date(2024, 3, 3), "Explosions/Remote violence", 2, 5, 7, 9, 1, 0),
            model.WatcherHealth(2, datetime(2024, 3, 3, 12, 0, tzinfo=timezone.utc), 1.5, 0, 1, 0)]


def _agreements(rich: Mention) -> list[object]:
    """An agreement starting at a time of day in its zone, and its parts; a judgement of an incident."""
    area = model.Area(("SY",), ("Aleppo",), (170063,), ((36.0, 35.0), (38.0, 35.0), (38.0, 37.0), (36.0, 35.0)))
    term = model.Term("Art. 1", "No attacks.", ("Battles",), ("Air/drone strike",), ("Government",))
    party = model.Party("Government", "Syrian army", ("Military forces of Syria",), ("Hezbollah",))
    exemption = model.Exemption("Art. 9", "The zone.", ("Islamic State",), area)
    start = datetime(2016, 9, 12, 19, 0, tzinfo=timezone(timedelta(hours=3)))
    agreement = model.Agreement("a-1", "An agreement", start, None, area, (party,), (term,), ("Islamic State",),
                                (exemption,), "A source", "f" * 64)
    accuser = model.Accuser("SOHR", SourceType.MONITOR, rich.claims, ())
    verdict = model.Violation("a-1", "inc-1", 2, model.ViolationStatus.POSSIBLE_VIOLATION, "Because.", term,
                              "Government", "Syrian army", "Rebels", (accuser,), (), (), "contested", (), True)
    return [area, term, party, exemption, agreement, dataclasses.replace(agreement, start=date(2016, 9, 12),
                                                                          end=date(2016, 10, 1)), accuser, verdict]


@pytest.mark.parametrize("obj", examples(), ids=lambda o: type(o).__name__)
def test_round_trip_through_json_text(obj: object) -> None:
    text = json.dumps(to_json(obj))
    back = from_json(type(obj), json.loads(text))
    assert back == obj
    assert type(back) is type(obj)


def test_every_model_dataclass_has_an_example() -> None:
    covered = {type(o) for o in examples()}
    types = {getattr(model, n) for n in model.__all__ if dataclasses.is_dataclass(getattr(model, n))}
    assert types - covered == set()


def test_encoding_is_plain_json() -> None:
    doc, reps, ments = f.bundle()
    data = to_json(ments[0])
    assert data["date"] == {"start": "2024-03-03", "end": "2024-03-03", "precision": "day",
                            "basis": "before dateline"}
    assert data["claims"][0]["kind"] == "killed"
    assert data["claims"][0]["figure"] == {"min": 12, "max": None, "approx": False}
    assert isinstance(data["actors"], list)
    assert isinstance(to_json(doc)["raw"], str)  # base64


def test_nested_types_come_back_typed() -> None:
    inc = f.incident("inc-1", tuple(f.bundle()[2]))
    back = from_json(model.Incident, json.loads(json.dumps(to_json(inc))))
    assert isinstance(back.mentions, tuple) and isinstance(back.mentions[0], Mention)
    assert back.mentions[0].claims[0].kind is ClaimKind.KILLED
    assert back.date.precision is DatePrecision.DAY
    assert back.date.start == date(2024, 3, 3)
    assert isinstance(back.figures["killed"], Figures)


def test_missing_keys_take_defaults_and_unknown_keys_are_ignored() -> None:
    back = from_json(Place, {"name": "X", "lat": 3, "retired_field": 1})
    assert back == Place("X", lat=3.0)
    assert isinstance(back.lat, float)
    assert back.precision is PlacePrecision.UNKNOWN


@pytest.mark.parametrize(
    "cls, data",
    [
        (Quantity, {"min": "ten", "max": None}),
        (Quantity, {"min": True, "max": None}),
        (Source, {"name": "x", "type": "no-such-type"}),
        (Place, {"name": None}),
        (DateResolution, {"start": "not a date", "end": None, "precision": "day", "basis": ""}),
        (Place, ["not", "an", "object"]),
    ],
)
def test_bad_data_raises_value_error(cls: type, data: object) -> None:
    with pytest.raises(ValueError):
        from_json(cls, data)


def test_unencodable_value_raises_type_error() -> None:
    with pytest.raises(TypeError):
        to_json(Place("X", lat=object()))  # type: ignore[arg-type]
