import itertools
from dataclasses import replace
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.factories import ALEPPO, IDLIB, SYRIA, claim, mention

from ceasefire.incidents import MemoryReader, build_incidents
from ceasefire.model import INHERITED_DATE, Mention, MentionRole, Place, PlacePrecision, SourceType

MENTIONS = [
    mention("a", claims=(claim(lo=12, hi=None, source="Health Ministry"),)),
    mention("b", claims=(claim(lo=11, hi=11, source="Observatory", stype=SourceType.MONITOR),)),
    mention("c", place=IDLIB, claims=(claim(lo=30, hi=30),)),
    mention("d", day=date(2016, 9, 18), claims=(claim(lo=14, hi=None, source="Observatory",
                                                      stype=SourceType.MONITOR),)),
    mention("e", place=None, claims=(claim(lo=30, hi=30),)),  # joins c by its shared figure
    mention("f", day=date(2016, 10, 2)),
]


def _state(reader: MemoryReader):
    return sorted((i.id, tuple(m.key for m in i.mentions), tuple(sorted(i.figures.items())))
                  for i in reader.incidents.values())


def test_any_arrival_order_gives_the_full_rebuild():
    full = sorted((i.id, tuple(m.key for m in i.mentions), tuple(sorted(i.figures.items())))
                  for i in build_incidents(MENTIONS))
    for order in itertools.permutations(MENTIONS):
        reader = MemoryReader()
        for m in order:
            reader.add([m])
        assert _state(reader) == full


def test_adding_the_same_mentions_again_changes_nothing():
    reader = MemoryReader()
    reader.add(MENTIONS)
    before = _state(reader)
    assert reader.add(MENTIONS).empty
    assert _state(reader) == before


def test_history_says_what_changed():
    reader = MemoryReader()
    created = reader.add([MENTIONS[0]])
    assert [v.version for v in created.versions] == [1]
    assert created.versions[0].cause.startswith("created from 1 mention(s) in a")
    grown = reader.add([MENTIONS[1]])
    causes = {v.incident_id: v.cause for v in grown.versions}
    (current,) = reader.incidents.values()
    assert "b" in causes[current.id] and "killed" in causes[current.id]
    retired = [v for v in grown.versions if v.incident is None]
    for v in retired:  # an id that changed because the cluster changed points at its successor
        assert v.successors == (current.id,) and v.cause.startswith("merged into")


def test_unrelated_places_do_not_pull_each_other_in():
    reader = MemoryReader()
    reader.add([mention("x", place=ALEPPO)])
    changes = reader.add([mention("y", place=IDLIB)])
    assert [v.cause.split(";")[0] for v in changes.versions] == ["created from 1 mention(s) in y"]


def test_an_id_that_comes_back_continues_its_history():
    # b alone has b's id; a joins (shared figure) and the group takes a's id, retiring b's;
    # then c, sharing two figures with a but placed far from b, pulls a away: b's id comes back
    a = mention("a", place=None, claims=(claim(lo=40, hi=40), claim("wounded", 20, 20)))
    b = mention("b", place=ALEPPO, claims=(claim(lo=40, hi=40),))
    c = mention("c", place=IDLIB, claims=(claim(lo=40, hi=40), claim("wounded", 20, 20)))
    reader = MemoryReader()
    versions: dict[str, list[int]] = {}
    for new in ([b], [a], [c]):
        for v in reader.add(new).versions:
            versions.setdefault(v.incident_id, []).append(v.version)
    b_id = build_incidents([b])[0].id
    assert versions[b_id] == [1, 2, 3]  # created, merged into a's, back on its own
    assert {tuple(m.key for m in i.mentions) for i in reader.incidents.values()} == {(a.key, c.key), (b.key,)}


# -- growth (the fast path) gives exactly what a rebuild gives ------------------------------------------------

FAR = Place("Tall Kaf", "SY", "Hasakah", 36.9, 41.1, None, "city", PlacePrecision.LOCALITY)
_PLACES = [ALEPPO, ALEPPO, IDLIB, FAR, SYRIA, None]
_DAYS = [date(2016, 9, 17), date(2016, 9, 17), date(2016, 9, 18), date(2016, 9, 25), None]
_SUBS = ["Air/drone strike", "Air/drone strike", "Armed clash", "Attack", "Remote explosive/landmine/IED", None]
_SOURCES = [("Health Ministry", SourceType.GOVERNMENT), ("Observatory", SourceType.MONITOR),
            ("Wire", SourceType.OUTLET)]


@st.composite
def _documents(draw: st.DrawFn) -> list[list[Mention]]:
    docs = []
    for d in range(draw(st.integers(1, 7))):
        ms = []
        for n in range(draw(st.integers(1, 3))):
            claims = tuple(
                claim(lo=draw(st.sampled_from([0, 3, 12, 12, 40])), hi=draw(st.sampled_from([None, 40])) or None,
                      source=s, stype=t, start=10 * k)
                for k, (s, t) in enumerate(draw(st.lists(st.sampled_from(_SOURCES), max_size=2)))
            )
            claims = tuple(c for c in claims if c.figure.max is None or c.figure.min <= c.figure.max)
            m = mention(f"doc{d}", part=1 + n % 2, start=100 * n, sub=draw(st.sampled_from(_SUBS)),
                        day=draw(st.sampled_from(_DAYS)), place=draw(st.sampled_from(_PLACES)), claims=claims,
                        reported_on=date(2016, 9, 19))
            if draw(st.booleans()):  # dated from around it, not by its own words
                m = replace(m, date=replace(m.date, basis=INHERITED_DATE))
            if draw(st.integers(0, 3)) == 0:  # background: in no incident unless clustered with a concrete one
                m = replace(m, role=MentionRole.BACKGROUND)
            ms.append(m)
        docs.append(ms)
    return docs


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents(), st.randoms(use_true_random=False))
def test_documents_in_any_order_give_the_rebuild_exactly(docs: list[list[Mention]], rnd) -> None:
    full = {i.id: i for i in build_incidents([m for d in docs for m in d])}
    order = list(docs)
    rnd.shuffle(order)
    reader = MemoryReader()
    for d in order:
        reader.add(d)
    assert reader.incidents == full


def test_a_report_joining_a_large_incident_reads_none_of_its_mentions():
    reader = MemoryReader()
    for n in range(30):
        reader.add([mention(f"r{n:02d}", claims=(claim(lo=12, hi=12),))])
    (incident,) = reader.incidents.values()
    decoded: list[str] = []
    original = reader.mentions

    def counting(keys):
        found = original(keys)
        decoded.extend(m.key for m in found)
        return found

    reader.mentions = counting  # type: ignore[method-assign]
    changes = reader.add([mention("r99", claims=(claim(lo=14, hi=None),))])
    assert [g.previous for g in changes.grow] == [incident.id] and not changes.write
    assert len(decoded) <= 64, "only a first tie into the incident is looked for"
    (grown,) = reader.incidents.values()
    assert grown == build_incidents([m for i in (incident,) for m in i.mentions] + [reader.stored["r99#1@text:0"]])[0]


def test_background_alone_makes_no_incident_until_a_concrete_mention_joins_it():
    recalled = replace(mention("old", claims=(claim(lo=12, hi=12),)), role=MentionRole.BACKGROUND)
    again = replace(mention("older", claims=(claim(lo=12, hi=12),)), role=MentionRole.BACKGROUND)
    news = mention("new", claims=(claim(lo=12, hi=12),))
    reader = MemoryReader()
    reader.add([recalled])
    reader.add([again])
    assert reader.incidents == {}, "background mentions stay out of the incidents"
    reader.add([news])
    (incident,) = reader.incidents.values()
    assert {m.key for m in incident.mentions} == {recalled.key, again.key, news.key}
    assert reader.incidents == {i.id: i for i in build_incidents([recalled, again, news])}
