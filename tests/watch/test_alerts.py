"""Alert rules over incident versions (pure): when each rule fires and how the change is told."""

from __future__ import annotations

from datetime import date

from ceasefire.model import (
    Accuser,
    Actor,
    ActorRole,
    DatePrecision,
    DateResolution,
    Figures,
    Flag,
    IncidentHead,
    IncidentVersion,
    Term,
    Violation,
    ViolationStatus,
)
from ceasefire.watch.alerts import Change, Verdict, describe, fired_violations, fires, new_sources, violation_summary
from ceasefire.watch.config import RuleConfig
from tests.factories import ALEPPO

DAY = DateResolution(date(2021, 5, 2), date(2021, 5, 2), DatePrecision.DAY, "test")


def head(killed: tuple[int, int, int] | None = (12, 12, 12), *, flags: tuple[Flag, ...] = (), grade: str = "single_source",
         sub: str = "Air/drone strike", actor: str = "Government forces") -> IncidentHead:
    figures = {"killed": Figures(*killed)} if killed else {}
    return IncidentHead(
        id="i1", event_type="Explosions/Remote violence", sub_event_type=sub, date=DAY, place=ALEPPO,
        actors=(ActorRole(Actor(actor, "state"), "perpetrator"),), figures=figures, flags=flags, grade=grade,
    )


def change(new: IncidentHead, old: IncidentHead | None = None, sources: tuple[str, ...] = ()) -> Change:
    return Change(IncidentVersion("i1", 2 if old else 1, "test", new), old, (), sources)


def rule(on: str, **kw: object) -> RuleConfig:
    return RuleConfig(name="r", on=on, **kw)  # type: ignore[arg-type]


def test_a_new_incident_and_a_raised_toll_are_told_in_words() -> None:
    assert describe(change(head())) == ["new incident"]
    words = describe(change(head((12, 15, 19), grade="fair"), head(), ("Valley Post",)))
    assert words == ["new source: Valley Post", "killed raised from 12 to 12-19",
                     "grade changed from single_source to fair"]
    assert describe(change(head((19, 19, 19)), head())) == ["killed raised from 12 to 19"]
    assert describe(change(head((7, 7, 7)), head())) == ["killed lowered from 12 to 7"]


def test_new_incident_fires_when_the_filter_first_matches() -> None:
    big = rule("new_incident", countries=("SY",), killed_min=10)
    assert fires(big, change(head())) == ["new incident"]
    assert fires(big, change(head((19, 19, 19)), head())) is None  # it matched before: told once
    assert fires(big, change(head((3, 3, 3)))) is None
    crossed = fires(big, change(head((12, 12, 12)), head((3, 3, 3))))
    assert crossed is not None and crossed[0].startswith("now matches: killed raised from 3 to 12")
    assert fires(rule("new_incident", countries=("IQ",)), change(head())) is None
    assert fires(rule("new_incident", types=("air/drone strike",)), change(head())) == ["new incident"]
    assert fires(rule("new_incident", types=("Armed clash",)), change(head())) is None
    assert fires(rule("new_incident", actors=("government",)), change(head())) == ["new incident"]
    assert fires(rule("new_incident", actors=("rebels",)), change(head())) is None


def test_incident_change_fires_on_every_told_change_only() -> None:
    every = rule("incident_change")
    assert fires(every, change(head(), head())) is None  # nothing a reader would see changed
    assert fires(every, change(head(), head(), ("Valley Post",))) == ["new source: Valley Post"]


def test_count_disagreement_fires_when_it_appears_or_widens() -> None:
    flag = (Flag("count_disagreement", "killed: A: 12 vs B: 30"),)
    wider = (Flag("count_disagreement", "killed: A: 12 vs B: 45"),)
    r = rule("count_disagreement")
    appeared = fires(r, change(head((12, 12, 30), flags=flag), head()))
    assert appeared is not None and appeared[0] == "killed disagreement appeared: none -> 12-30"
    widened = fires(r, change(head((12, 12, 45), flags=wider), head((12, 12, 30), flags=flag)))
    assert widened is not None and widened[0] == "killed disagreement widened: 12-30 -> 12-45"
    assert fires(r, change(head((12, 12, 30), flags=flag), head((12, 12, 30), flags=flag), ("C",))) is None
    assert fires(r, change(head((15, 15, 30), flags=flag), head((12, 12, 30), flags=flag))) is None  # narrower


def test_a_retired_version_fires_nothing() -> None:
    gone = Change(IncidentVersion("i1", 3, "merged into i2", None, ("i2",)), head())
    assert fires(rule("incident_change"), gone) is None


def test_new_sources_are_outlets_else_claimants_each_once() -> None:
    assert new_sources([("Wire Two", ("Health Ministry",)), (None, ("Monitor", "Wire One"))], ["Wire One"]) == (
        "Wire Two", "Monitor")


TERM = Term("Para. 1", "Cease attacks.", ("Explosions/Remote violence",))


def judged(version: int, status: str = "possible_violation", accusers: tuple[str, ...] = ("Monitor A",),
           accused: str | None = "Party B", agreement: str = "accord") -> Violation:
    return Violation(agreement, "i1", version, ViolationStatus(status), "because", TERM if accused else None,
                     accused, "Government forces", None, tuple(Accuser(a) for a in accusers))


def breach(new: IncidentHead, old: IncidentHead | None, *verdicts: Verdict, sources: tuple[str, ...] = ()) -> Change:
    return Change(IncidentVersion("i1", 2 if old else 1, "test", new), old, (), sources, verdicts)


def test_possible_violation_fires_when_one_appears() -> None:
    r = rule("possible_violation")
    assert fires(r, breach(head(), None, Verdict(judged(1)))) == ["new possible violation of accord", "new incident"]
    became = fires(r, breach(head(), head(), Verdict(judged(2), judged(1, "unattributed", (), None))))
    assert became == ["status changed from unattributed to possible_violation (accord)"]
    assert fires(r, breach(head(), None, Verdict(judged(1, "unattributed", (), None)))) is None
    assert fires(r, breach(head(), None)) is None  # not judged (outside the agreement's time or area)
    assert fires(rule("possible_violation", agreements=("other",)), breach(head(), None, Verdict(judged(1)))) is None
    assert fires(rule("possible_violation", countries=("IQ",)), breach(head(), None, Verdict(judged(1)))) is None


def test_possible_violation_fires_when_it_changes_while_remaining_one() -> None:
    r = rule("possible_violation")
    same = Verdict(judged(2), judged(1))
    assert fires(r, breach(head(), head(), same)) is None  # nothing changed
    told = fires(r, breach(head((12, 15, 19)), head(), same, sources=("Valley Post",)))
    assert told == ["new source: Valley Post", "killed raised from 12 to 12-19"]
    accuser = fires(r, breach(head(), head(), Verdict(judged(2, accusers=("Monitor A", "Ministry C")), judged(1))))
    assert accuser == ["new accuser: Ministry C"]
    accused = fires(r, breach(head(), head(), Verdict(judged(2, accused="Party D"), judged(1))))
    assert accused == ["accused changed from Party B to Party D"]
    gone = Verdict(judged(2, "permitted", (), None), judged(1))
    assert fires(r, breach(head((19, 19, 19)), head(), gone)) is None  # no longer one: not this rule's news


def test_a_possible_violation_alert_names_the_agreement_term_accused_and_accusers() -> None:
    verdict = Verdict(judged(2, accusers=("Monitor A", "Ministry C")), judged(1))
    ((fired, words),) = fired_violations(rule("possible_violation"), breach(head(), head(), verdict))
    assert fired is verdict and words == ["new accuser: Ministry C"]
    shown = violation_summary(verdict, "The accord")
    assert shown["agreement"] == "accord" and shown["agreement_name"] == "The accord"
    assert shown["term"] == {"ref": "Para. 1", "text": "Cease attacks."}
    assert shown["accused"] == "Party B" and shown["accusers"] == ["Monitor A", "Ministry C"]
    assert shown["status"] == shown["previous_status"] == "possible_violation"
