"""One attack told through its parts, and concurrent attacks kept apart (invented fixtures)."""

import itertools
from dataclasses import replace
from datetime import date, timedelta

from tests.factories import ALEPPO, DARAA_PROVINCE, IDLIB, SYRIA, claim, mention

from ceasefire.incidents import MemoryReader, build_incidents, cluster_mentions, compatible
from ceasefire.model import (
    INHERITED_DATE,
    NAMED_TIME,
    DatePrecision,
    DateResolution,
    Evidence,
    Mention,
    Place,
    PlacePrecision,
    Toponym,
)

BOMB = "Remote explosive/landmine/IED"
GUNMEN = "Attack"
CLASH = "Armed clash"
AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"


def _named(m: Mention, at: int) -> Mention:
    """``m`` naming its town in its own sentence."""
    name = m.place.name if m.place else "Aleppo"
    return replace(m, toponyms=(Toponym(name, Evidence("text", at, at + len(name), name)),),
                   place=replace(m.place or ALEPPO, as_written=name))


def test_a_car_bomb_then_gunmen_storming_the_post_is_one_attack():
    # "A car bomb went off at the checkpoint in Aleppo ... gunmen then stormed the post in Aleppo"
    bomb = _named(mention("r", start=0, sub=BOMB, claims=(claim(lo=9, hi=9),)), 20)
    storm = _named(mention("r", start=300, sub=GUNMEN), 320)
    assert compatible(bomb, storm)
    assert len(build_incidents([bomb, storm])) == 1


def test_a_massacre_and_the_shelling_that_caused_it_share_a_figure():
    shelling = mention("r", start=0, sub=SHELLING, claims=(claim(kind="wounded", lo=37, hi=37),))
    massacre = mention("r", start=400, sub=GUNMEN, claims=(claim(kind="wounded", lo=37, hi=37),
                                                             claim(lo=14, hi=14)))
    assert compatible(shelling, massacre)


def test_a_kin_mention_placed_only_from_its_report_is_not_tied():
    # "gunmen opened fire on a bus" later in a report about a bombing in the town it named first: maybe another attack
    bomb = _named(mention("r", start=0, sub=BOMB, claims=(claim(lo=9, hi=9),)), 20)
    shooting = mention("r", start=600, sub=GUNMEN, claims=(claim(lo=3, hi=3),))
    assert not compatible(bomb, shooting)
    assert len(build_incidents([bomb, shooting])) == 2


def test_a_bomb_that_killed_no_one_is_not_the_shooting_that_killed_fifteen():
    shooting = _named(mention("r", start=0, sub=GUNMEN, claims=(claim(lo=15, hi=15),)), 10)
    pylon = _named(mention("r", start=500, sub=BOMB, claims=(claim(lo=0, hi=0),)), 510)  # "no casualties"
    assert not compatible(shooting, pylon)
    same_kind = _named(mention("r", start=800, sub=GUNMEN), 810)
    groups = cluster_mentions([shooting, pylon, same_kind])
    assert sorted(len(g) for g in groups) == [1, 2]  # the bare shooting joins one side, never both


def test_kin_kinds_of_two_reports_join_at_a_shared_place_only():
    clash = mention("a", sub=CLASH, claims=(claim(lo=13, hi=13),))
    ambush = mention("b", sub=GUNMEN, claims=(claim(lo=13, hi=13),))
    assert compatible(clash, ambush)  # both at Aleppo
    assert not compatible(replace(clash, place=None), replace(ambush, place=None))  # a figure alone is not enough
    assert not compatible(clash, replace(ambush, place=IDLIB))


def test_an_air_strike_and_shelling_are_not_kin():
    air = _named(mention("r", start=0, sub=AIR), 5)
    shells = _named(mention("r", start=200, sub=SHELLING), 205)
    assert not compatible(air, shells)
    assert compatible(_named(mention("r", start=400, sub=GUNMEN), 405), air)


def test_parts_of_one_attack_cluster_whatever_the_order():
    ms = [
        _named(mention("r", start=0, sub=BOMB, claims=(claim(lo=9, hi=9),)), 20),
        _named(mention("r", start=300, sub=GUNMEN), 320),
        mention("r", start=600, sub=GUNMEN, claims=(claim(lo=3, hi=3),)),
        _named(mention("r", start=900, sub=BOMB, claims=(claim(lo=0, hi=0),)), 910),
        mention("s", start=0, sub=CLASH, claims=(claim(lo=9, hi=9),)),
    ]
    expected = [[m.key for m in g] for g in cluster_mentions(ms)]
    for perm in itertools.permutations(ms):
        assert [[m.key for m in g] for g in cluster_mentions(list(perm))] == expected


def test_specific_kinds_are_not_kin_to_each_other():
    # petrol bombs thrown into a bank, and youths clashing with police in the same city: two events
    bomb = _named(mention("r", start=0, sub=BOMB, claims=(claim(lo=3, hi=3),)), 5)
    clashes = _named(mention("r", start=300, sub=CLASH, claims=(claim(kind="wounded", lo=18, hi=18),)), 305)
    assert not compatible(bomb, clashes)


# -- the parts of one attack told one after the other, days told apart, and kin kinds of two reports

ABDUCTION = "Abduction/forced disappearance"
MONDAY, TUESDAY, FRIDAY = date(2021, 3, 8), date(2021, 3, 9), date(2021, 3, 12)
OWN = "'on Monday' = weekday before publication date"
FROM_AROUND = f"no date in the text of this event; {INHERITED_DATE}"


def _dated(m: Mention, day: date, basis: str = OWN, reported_on: date | None = FRIDAY) -> Mention:
    return replace(m, date=DateResolution(day, day, DatePrecision.DAY, basis), reported_on=reported_on)


def _ambush_and_after(gap: int = 150, after_claims: tuple | None = None) -> tuple[Mention, Mention]:
    # "Rebels ambushed an army column near Aleppo on Monday, killing seven soldiers."
    # "Four soldiers were also wounded and three were taken captive, the army said."
    ambush = _named(_dated(mention("r", start=0, sub=CLASH, claims=(claim(lo=7, hi=7),)), MONDAY), 40)
    wounded = (claim(kind="wounded", lo=4, hi=4),) if after_claims is None else after_claims
    after = _dated(mention("r", start=gap, sub=ABDUCTION, claims=wounded), MONDAY, FROM_AROUND)
    return ambush, after


def test_a_part_told_next_without_place_or_day_of_its_own_goes_on_telling_the_attack():
    ambush, after = _ambush_and_after()
    assert compatible(ambush, after)
    assert len(build_incidents([ambush, after])) == 1


def test_a_part_far_on_with_its_own_dead_or_its_own_place_is_not_that_attack():
    ambush, far = _ambush_and_after(gap=2000)
    assert not compatible(ambush, far)
    _, with_dead = _ambush_and_after(after_claims=(claim(lo=2, hi=2),))  # "a roadside bomb killed two others"
    assert not compatible(ambush, with_dead)
    _, before = _ambush_and_after()
    assert not compatible(replace(ambush, trigger=Evidence("text", 400, 408, "ambushed")), before)  # told first
    elsewhere = _named(replace(_ambush_and_after()[1], place=IDLIB), 160)  # "three were kidnapped in Idlib"
    assert not compatible(ambush, elsewhere)


def test_a_part_told_close_behind_a_later_claim_of_the_attack_goes_on_telling_it():
    # "Rebels ambushed an army column near Aleppo on Monday, killing seven soldiers." ... four sentences on ...
    # "Two more soldiers died of their wounds in hospital." / "They also blew up a bridge to slow the pursuit."
    ambush, after = _ambush_and_after(gap=1000, after_claims=())
    assert not compatible(ambush, after)
    ambush = replace(ambush, claims=(*ambush.claims, claim(lo=2, hi=2, start=700)))
    assert compatible(ambush, after)
    assert len(build_incidents([ambush, after])) == 1


def test_two_days_one_report_tells_apart_are_two_events():
    # "Six hikers died in shelling on Monday. / Shelling went on around the resort from Tuesday."
    killing = _named(_dated(mention("r", start=0, sub=SHELLING, claims=(claim(lo=9, hi=9),)), MONDAY), 30)
    went_on = _dated(mention("r", start=300, sub=SHELLING), TUESDAY, "'on Tuesday' = weekday before publication")
    assert not compatible(killing, went_on)
    assert len(build_incidents([killing, went_on])) == 2
    # the same days in two reports stay one event's (outlets date an event a day apart)
    assert compatible(killing, replace(went_on, report_key="s#1", article_id="s"))
    # a figure on the later day too: maybe the toll told again ("the toll rose to eleven on Tuesday")
    assert compatible(killing, replace(went_on, claims=(claim(lo=9, hi=9),)))
    assert compatible(killing, replace(went_on, claims=(claim(lo=11, hi=11),)))
    # the report's own day is as often the day of the telling ("officials said on Friday")
    thursday = _dated(killing, FRIDAY - timedelta(days=1), "'on Thursday' = weekday before publication")
    assert compatible(thursday, _dated(went_on, FRIDAY, "'on Friday' = publication date"))
    # a day taken from around the mention tells nothing apart
    assert compatible(killing, _dated(went_on, TUESDAY, FROM_AROUND))


def test_a_day_that_names_its_event_tells_it_apart_even_from_the_report_s_own_day():
    # "A missile hit the market on Friday, killing 12. / Thursday's raid on a depot left four guards dead."
    market = _dated(mention("r", start=0, sub=SHELLING, claims=(claim(lo=12, hi=12),)), FRIDAY, "'on Friday'")
    thursday = FRIDAY - timedelta(days=1)
    named = _dated(mention("r", start=200, sub=SHELLING, claims=(claim(lo=4, hi=4),)), thursday,
                   f"'Thursday's' = weekday before publication date, {NAMED_TIME}")
    assert named.date.named and not market.date.named
    assert not compatible(market, named)  # both with figures, one on the report's own day: still two events
    assert len(build_incidents([market, named])) == 2
    # told by a plain day instead, the report's own day may be the telling's: no conflict as before
    plain = replace(named, date=replace(named.date, basis="'on Thursday' = weekday before publication date"))
    assert compatible(replace(market, claims=(claim(lo=4, hi=4),)), plain)
    # in two reports, outlets may date one event a day apart: the named day keeps the slack
    other = replace(named, report_key="s#1", article_id="s", claims=(claim(lo=12, hi=12),))
    assert compatible(market, other)


def _church(doc: str, sub: str, place, words: tuple[str, ...], day: date = MONDAY) -> Mention:
    m = _dated(mention(doc, start=0, sub=sub, place=place), day)
    return replace(m, wording=words)


def test_kin_kinds_of_two_reports_join_by_their_words_on_one_day_in_one_country():
    # "Rebels attacked a chapel in Kfar Noun on Monday" (Aleppo province) / "worshippers were kidnapped from the
    # Kfar Noun chapel during the vigil on Monday" (placed only to the country)
    raid = _church("a", GUNMEN, DARAA_PROVINCE, ("chapel", "kfar", "noun", "vigil"))
    taken = _church("b", ABDUCTION, SYRIA, ("chapel", "kfar", "noun", "worshipper"))
    assert compatible(raid, taken)
    assert len(build_incidents([raid, taken])) == 1
    assert not compatible(raid, replace(taken, wording=("chapel", "worshipper")))  # two words are not enough
    assert not compatible(raid, _dated(taken, TUESDAY))  # days apart, however close
    assert not compatible(raid, _dated(taken, MONDAY, FROM_AROUND))  # a day taken from around it
    assert not compatible(raid, replace(taken, place=None))  # no country in common


def test_the_new_ties_and_conflicts_cluster_whatever_the_order():
    ambush, after = _ambush_and_after()
    killing = _named(_dated(mention("t", start=0, sub=SHELLING, claims=(claim(lo=9, hi=9),)), MONDAY), 30)
    went_on = _dated(mention("t", start=300, sub=SHELLING), TUESDAY, "'on Tuesday' = weekday before publication")
    week = replace(mention("u", sub=SHELLING, place=ALEPPO), date=DateResolution(
        MONDAY - timedelta(days=6), MONDAY, DatePrecision.WEEK, "no date in the text; publication date"))
    raid = _church("a", GUNMEN, DARAA_PROVINCE, ("chapel", "kfar", "noun", "vigil"))
    taken = _church("b", ABDUCTION, SYRIA, ("chapel", "kfar", "noun", "worshipper"))
    ms = [ambush, after, killing, went_on, week, raid, taken]
    expected = [[m.key for m in g] for g in cluster_mentions(ms)]
    assert len(expected) == 4  # the ambush; the shelling of Monday (with the week's report); Tuesday's; the chapel
    for perm in itertools.islice(itertools.permutations(ms), 0, None, 7):
        assert [[m.key for m in g] for g in cluster_mentions(list(perm))] == expected
    reports = [[m for m in ms if m.report_key == key] for key in sorted({m.report_key for m in ms})]
    for order in itertools.permutations(reports):  # a report's mentions arrive together, as one document's
        reader = MemoryReader()
        for rep in order:
            reader.add(rep)
        assert reader.incidents == {i.id: i for i in build_incidents(ms)}


def test_a_strike_that_names_no_weapon_is_the_shelling_another_report_tells():
    # "an indiscriminate strike on the market in Aleppo killed 9" beside "shells hit the market in Aleppo, killing 9"
    strike = _named(mention("a", sub=AIR, trigger="strike", claims=(claim(lo=9, hi=9),)), 5)
    shells = _named(mention("b", sub=SHELLING, trigger="shells", event_type="Explosions/Remote violence",
                            claims=(claim(lo=9, hi=9),)), 5)
    assert compatible(strike, shells)
    (incident,) = build_incidents([strike, shells])
    assert incident.sub_event_type == SHELLING  # the weapon told beats the guess
    # in one report, the report's own words typed it: still two kinds; a clash is no strike whoever tells it
    assert not compatible(replace(strike, report_key=shells.report_key), shells)
    clash = _named(mention("c", sub=CLASH, trigger="clashes", claims=(claim(lo=9, hi=9),)), 5)
    assert not compatible(strike, clash)


def test_a_guessed_kind_joins_in_any_arrival_order():
    strike = _named(mention("a", sub=AIR, trigger="strikes", claims=(claim(lo=9, hi=9),)), 5)
    shells = _named(mention("b", sub=SHELLING, trigger="shelling", event_type="Explosions/Remote violence",
                            claims=(claim(lo=9, hi=9),)), 5)
    for order in ([strike], [shells]), ([shells], [strike]):
        reader = MemoryReader()
        for doc in order:
            reader.add(doc)
        (incident,) = reader.incidents.values()
        assert incident.sub_event_type == SHELLING
    (alone,) = build_incidents([strike])
    assert alone.sub_event_type == AIR  # with nothing else to say, the guess stands


# -- one day's toll told by two reports: one places it at a town named nearby, the other across the country


def _toll(doc: str, sub: str, place: Place | None, lo: int | None, hi: int | None, day: date = MONDAY) -> Mention:
    return _dated(mention(doc, start=0, sub=sub, place=place, claims=(claim(lo=lo, hi=hi),)), day)


def test_one_days_toll_across_a_country_is_the_same_incident_in_two_reports():
    # "The ministry put Monday's dead from the raids in the north at 12" (typed Attack, placed at a town the next
    # sentence names) / "Jets hit targets all over Syria on Monday; no fewer than 12 died" (placed to the country)
    raids = _toll("a", GUNMEN, ALEPPO, 12, 12)
    wave = _toll("b", AIR, SYRIA, 12, None)
    assert compatible(raids, wave)
    assert len(build_incidents([raids, wave])) == 1
    north = Place("Aleppo", "SY", "Aleppo", 36.25, 37.35, None, "admin1", PlacePrecision.ADMIN1)
    assert compatible(raids, replace(wave, place=north, sub_event_type=GUNMEN))  # a region holding the town
    assert not compatible(raids, replace(wave, place=DARAA_PROVINCE))  # a region far from it
    assert compatible(replace(raids, sub_event_type=AIR), wave)  # the same kind


def test_a_shared_day_and_country_without_one_toll_are_concurrent_attacks():
    raids = _toll("a", GUNMEN, ALEPPO, 12, 12)
    assert not compatible(raids, _toll("b", AIR, SYRIA, 14, None))  # tolls differ
    assert not compatible(raids, _toll("b", AIR, SYRIA, 12, None, day=TUESDAY))  # days differ
    assert not compatible(raids, _toll("b", AIR, SYRIA, 3, 3))  # a small toll is common to many attacks
    assert not compatible(raids, _toll("b", AIR, SYRIA, 10, 14))  # a range states no one toll
    assert not compatible(raids, _dated(_toll("b", AIR, SYRIA, 12, None), MONDAY, FROM_AROUND))  # day from around
    assert not compatible(raids, _toll("b", AIR, None, 12, None))  # no country in common
    # two towns, neither placed wider: the toll alone does not tie them, and towns apart conflict
    nameless = Place("Tell Qasr", "SY", None, None, None, None, "village", PlacePrecision.LOCALITY)
    assert not compatible(raids, _toll("b", AIR, nameless, 12, None))
    assert not compatible(raids, _toll("b", GUNMEN, IDLIB, 12, 12))
    # one report's two mentions are not tied by it: the report may tell two attacks with one toll each
    assert not compatible(raids, replace(_toll("a", AIR, SYRIA, 12, None), trigger=Evidence("text", 900, 905, "raids")))


def test_a_days_toll_clusters_whatever_the_order():
    ms = [
        _toll("a", GUNMEN, ALEPPO, 12, 12),
        _toll("b", AIR, SYRIA, 12, None),
        _toll("c", AIR, SYRIA, 14, None),
        _toll("d", GUNMEN, IDLIB, 14, 14),
    ]
    expected = [[m.key for m in g] for g in cluster_mentions(ms)]
    assert expected == [["a#1@text:0", "b#1@text:0"], ["c#1@text:0", "d#1@text:0"]]  # two tolls, two incidents
    for perm in itertools.permutations(ms):
        assert [[m.key for m in g] for g in cluster_mentions(list(perm))] == expected
    for order in itertools.permutations(ms):
        reader = MemoryReader()
        for m in order:
            reader.add([m])
        assert reader.incidents == {i.id: i for i in build_incidents(ms)}


def test_a_car_bomb_in_one_report_may_be_the_suicide_bombing_of_another():
    # "a car bomb went off at the checkpoint" / "a suicide bomber drove his car into the checkpoint": the delivery
    # one report leaves untold; in one report the writer tells the two kinds apart
    car_bomb = _named(mention("a", sub=BOMB, claims=(claim(lo=6, hi=6),)), 5)
    suicide = _named(mention("b", sub="Suicide bomb", claims=(claim(lo=7, hi=None),)), 5)
    assert compatible(car_bomb, suicide)
    same_report = replace(suicide, report_key=car_bomb.report_key, trigger=replace(suicide.trigger, start=300))
    assert not compatible(car_bomb, _named(same_report, 305))
    assert not compatible(car_bomb, replace(suicide, place=IDLIB, toponyms=()))  # another town


def test_two_reports_naming_one_place_resolved_two_ways_on_one_day_are_one_event():
    from ceasefire.model import Place, PlacePrecision

    home = Place("Mirou", "LB", "South", 33.2, 35.5, None, "city", PlacePrecision.LOCALITY)
    abroad = Place("Mirou", "KE", "Coast", -1.5, 40.0, None, "city", PlacePrecision.LOCALITY)
    a = _dated(_named(mention("a", sub=AIR, place=home, claims=(claim(lo=8, hi=8),)), 5), MONDAY)
    b = _dated(_named(mention("b", sub=AIR, place=abroad, claims=(claim(lo=13, hi=13),)), 5), MONDAY)
    assert compatible(a, b)
    assert len(cluster_mentions([a, b])) == 1
    assert not compatible(a, _dated(b, TUESDAY))  # no day in common: the name alone does not tie them
    elsewhere = replace(b, toponyms=(), place=replace(abroad, name="Miro", as_written="Miro"))
    assert not compatible(a, elsewhere)  # neither names the other's place: two places
