"""One attack told through its parts, and concurrent attacks kept apart (invented fixtures)."""

import itertools
from dataclasses import replace

from tests.factories import ALEPPO, IDLIB, claim, mention

from ceasefire.incidents import build_incidents, cluster_mentions, compatible
from ceasefire.model import Evidence, Mention, Toponym

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
