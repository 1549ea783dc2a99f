"""The violation check's rules, one at a time, on incidents built by hand (no model, no store)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta, timezone

import pytest

from ceasefire.agreements.area import in_polygon, same_region, where
from ceasefire.agreements.check import judge, timing
from ceasefire.agreements.load import taxonomy
from ceasefire.model import (
    Actor,
    ActorRole,
    Agreement,
    Area,
    DatePrecision,
    DateResolution,
    Evidence,
    Exemption,
    Incident,
    Party,
    Place,
    PlacePrecision,
    Source,
    SourceType,
    Statement,
    StatementKind,
    Term,
    ViolationStatus,
)
from tests.factories import ALEPPO, claim, mention

PLUS3 = timezone(timedelta(hours=3))
ZONE = Area(polygon=((37.0, 36.0), (38.0, 36.0), (38.0, 37.0), (37.0, 37.0), (37.0, 36.0)))  # holds Aleppo
AGREEMENT = Agreement(
    id="t",
    name="Test",
    start=datetime(2016, 9, 12, 19, 0, tzinfo=PLUS3),
    end=None,
    area=Area(countries=("SY",)),
    parties=(
        Party("Government", "Syrian army", ("Military forces of Syria",), ("Russian armed forces",)),
        Party("Opposition", "Free Syrian Army"),
    ),
    terms=(
        Term("Art. 1", "No attacks.", ("Battles", "Explosions/Remote violence")),
        Term("Art. 2", "No air strikes by the government.", (), ("Air/drone strike",), ("Government",)),
    ),
    excluded=("Islamic State", "Nusra Front"),
)


def incident(perpetrator: str | None = "Syrian army", target: str | None = "Free Syrian Army",
             sub: str = "Air/drone strike", day: date = date(2016, 9, 17), place: Place | None = ALEPPO,
             claims=None, statements=(),
             precision: DatePrecision = DatePrecision.DAY, end: date | None = None,
             perpetrator_type: str = "state") -> Incident:
    if claims is None:
        claims = (claim(source="Syrian Observatory", stype=SourceType.MONITOR),)
    actors = []
    if perpetrator is not None:
        actors.append(ActorRole(Actor(perpetrator, perpetrator_type), "perpetrator"))
    if target is not None:
        actors.append(ActorRole(Actor(target, "rebel"), "target"))
    m = dataclasses.replace(mention(sub=sub, day=day, place=place, claims=tuple(claims)), actors=tuple(actors),
                            statements=tuple(statements))
    when = DateResolution(day, end or day, precision, "test")
    return Incident(id="i1", event_type=taxonomy()[sub], sub_event_type=sub, date=when, place=place,
                    actors=tuple(actors), figures={}, grade="single_source", mentions=(m,))


def statement(kind: StatementKind, source: str, stype: SourceType = SourceType.MILITARY) -> Statement:
    return Statement(kind, Source(source, stype), Evidence("text", 0, 4, "said"))


def test_a_party_striking_another_is_a_possible_violation_of_the_most_specific_term() -> None:
    v = judge(AGREEMENT, incident(), 3)
    assert v is not None and v.status is ViolationStatus.POSSIBLE_VIOLATION
    assert v.term is not None and v.term.ref == "Art. 2"  # names the sub-event type, binds the government
    assert (v.accused, v.perpetrator, v.target, v.version) == ("Government", "Syrian army", "Free Syrian Army", 3)
    assert [a.name for a in v.accusers] == ["Syrian Observatory"] and v.accusers[0].claims
    assert "Syrian army (Government)" in v.reason and "Art. 2" in v.reason and v.reason.endswith(".")


def test_a_term_binds_only_its_parties() -> None:
    v = judge(AGREEMENT, incident(perpetrator="Free Syrian Army", target="Syrian army"), 1)
    assert v is not None and v.term is not None and v.term.ref == "Art. 1"


def test_an_ally_acts_for_its_party() -> None:
    v = judge(AGREEMENT, incident(perpetrator="Russian armed forces"), 1)
    assert v is not None and v.status is ViolationStatus.POSSIBLE_VIOLATION and v.accused == "Government"


def test_an_excluded_group_is_bound_by_nothing() -> None:
    v = judge(AGREEMENT, incident(perpetrator="Nusra Front", target="Syrian army", sub="Shelling/artillery/missile attack"), 1)
    assert v is not None and v.status is ViolationStatus.OUT_OF_SCOPE and v.accused is None
    assert "Nusra Front" in v.reason and "excludes" in v.reason


def test_an_attack_on_an_excluded_group_is_permitted() -> None:
    v = judge(AGREEMENT, incident(target="Islamic State"), 1)
    assert v is not None and v.status is ViolationStatus.PERMITTED and v.accused == "Government"


def test_an_exception_zone_permits() -> None:
    zoned = dataclasses.replace(AGREEMENT, exemptions=(Exemption("Art. 9", "The zone.", (), ZONE),))
    v = judge(zoned, incident(), 1)
    assert v is not None and v.status is ViolationStatus.PERMITTED and "Art. 9" in v.reason
    elsewhere = dataclasses.replace(ALEPPO, name="Elsewhere", lat=33.5, lon=36.3)
    assert judge(zoned, incident(place=elsewhere), 1).status is ViolationStatus.POSSIBLE_VIOLATION  # type: ignore[union-attr]


@pytest.mark.parametrize(("perpetrator", "ptype"), [(None, "state"), ("Unidentified armed group", "political_militia"),
                                                    ("the attackers", "unknown")])
def test_an_unknown_perpetrator_is_unattributed(perpetrator: str | None, ptype: str) -> None:
    v = judge(AGREEMENT, incident(perpetrator=perpetrator, perpetrator_type=ptype), 1)
    assert v is not None and v.status is ViolationStatus.UNATTRIBUTED and v.accused is None
    assert v.term is not None and "could not be attributed" in v.reason


def test_claimed_by_one_side_and_denied_by_the_other_is_unattributed() -> None:
    partisan = (claim(source="Opposition media office", stype=SourceType.BELLIGERENT),)
    denial = (statement(StatementKind.DENIAL, "Syrian army command"),)
    v = judge(AGREEMENT, incident(claims=partisan, statements=denial), 1)
    assert v is not None and v.status is ViolationStatus.UNATTRIBUTED and v.accused == "Government"
    assert "denied by Syrian army command" in v.reason and v.denials == denial
    # an independent source, or an acknowledgment, makes it attributable again
    monitor = (*partisan, claim(source="Syrian Observatory", stype=SourceType.MONITOR))
    assert judge(AGREEMENT, incident(claims=monitor, statements=denial), 1).status is ViolationStatus.POSSIBLE_VIOLATION  # type: ignore[union-attr]
    ack = (*denial, statement(StatementKind.ACKNOWLEDGMENT, "Defence ministry"))
    v = judge(AGREEMENT, incident(claims=partisan, statements=ack), 1)
    assert v is not None and v.status is ViolationStatus.POSSIBLE_VIOLATION and len(v.acknowledgments) == 1


def test_an_act_no_term_prohibits_is_out_of_scope() -> None:
    v = judge(AGREEMENT, incident(sub="Arrests"), 1)
    assert v is not None and v.status is ViolationStatus.OUT_OF_SCOPE and v.term is None


def test_a_non_party_is_out_of_scope() -> None:
    v = judge(AGREEMENT, incident(perpetrator="PKK", perpetrator_type="rebel"), 1)
    assert v is not None and v.status is ViolationStatus.OUT_OF_SCOPE and "neither a party" in v.reason


def test_before_the_start_after_the_end_elsewhere_or_undated_is_not_judged() -> None:
    assert judge(AGREEMENT, incident(day=date(2016, 9, 11)), 1) is None
    ended = dataclasses.replace(AGREEMENT, end=date(2016, 9, 15))
    assert judge(ended, incident(day=date(2016, 9, 16)), 1) is None
    assert judge(ended, incident(day=date(2016, 9, 15)), 1) is not None  # a date end covers its day
    beirut = Place("Beirut", "LB", "Beirut", 33.9, 35.5, None, "city", PlacePrecision.LOCALITY)
    assert judge(AGREEMENT, incident(place=beirut), 1) is None
    assert judge(AGREEMENT, incident(place=None), 1) is None
    undated = dataclasses.replace(incident(), date=DateResolution.unknown("no date"))
    assert judge(AGREEMENT, undated, 1) is None


def test_an_incident_reported_in_force_but_dated_before_is_out_of_scope_and_says_so() -> None:
    early = incident(day=date(2016, 9, 11))
    reported = dataclasses.replace(early, mentions=tuple(dataclasses.replace(m, reported_on=date(2016, 9, 13))
                                                         for m in early.mentions))
    v = judge(AGREEMENT, reported, 1)
    assert v is not None and v.status is ViolationStatus.OUT_OF_SCOPE and v.accused is None
    assert "predates the agreement" in v.reason and "reported on 13 September 2016" in v.reason
    assert "dated 11 September 2016" in v.reason


def test_an_incident_dated_the_start_day_straddles_the_start_and_says_so() -> None:
    v = judge(AGREEMENT, incident(day=date(2016, 9, 12)), 1)
    assert v is not None and v.straddles and v.status is ViolationStatus.POSSIBLE_VIOLATION
    assert "may predate the agreement" in v.reason and "19:00 (UTC+03:00)" in v.reason
    week = incident(day=date(2016, 9, 10), end=date(2016, 9, 16), precision=DatePrecision.WEEK)
    v = judge(AGREEMENT, week, 1)
    assert v is not None and v.straddles and "week precision" in v.reason
    midnight = dataclasses.replace(AGREEMENT, start=date(2016, 9, 12))
    v = judge(midnight, incident(day=date(2016, 9, 12)), 1)
    assert v is not None and not v.straddles


def test_timing() -> None:
    day = lambda d: DateResolution(d, d, DatePrecision.DAY, "t")  # noqa: E731
    assert timing(AGREEMENT, day(date(2016, 9, 11))) == "before"
    assert timing(AGREEMENT, day(date(2016, 9, 12))) == "straddles"
    assert timing(AGREEMENT, day(date(2016, 9, 13))) == "inside"
    assert timing(AGREEMENT, DateResolution.unknown("t")) == "unknown"


def test_area() -> None:
    donetsk = Area(countries=("UA",), admin1=("Donetsk",))
    town = Place("Avdiivka", "UA", "Donetska oblast", 48.1, 37.7, None, "city", PlacePrecision.LOCALITY)
    assert where(town, donetsk) == "inside"
    assert where(dataclasses.replace(town, admin1="Kharkiv"), donetsk) == "outside"
    assert where(Place("Ukraine", "UA", None, precision=PlacePrecision.COUNTRY), donetsk) == "straddles"
    assert where(ALEPPO, ZONE) == "inside" and in_polygon(37.5, 36.5, ZONE.polygon)
    assert not in_polygon(36.5, 36.5, ZONE.polygon)
    assert same_region("Donetsk", "Donetsk Oblast") and not same_region("Kharkiv", "Kherson")
