import itertools
from dataclasses import replace
from datetime import date

from tests.factories import ALEPPO, IDLIB, claim, mention

from ceasefire.incidents import build_incidents, cluster_mentions, compatible, derive_figures
from ceasefire.model import INHERITED_DATE, STATEMENT_DAY, DatePrecision, DateResolution, Mention, SourceType


def test_same_strike_in_two_articles_is_one_incident():
    a = mention("a", claims=(claim(lo=12, hi=None, source="Health Ministry"),))
    b = mention("b", claims=(claim(lo=11, hi=11, source="Syrian Observatory for Human Rights",
                                   stype=SourceType.MONITOR),))
    incidents = build_incidents([a, b])
    assert len(incidents) == 1
    inc = incidents[0]
    assert inc.article_ids == ("a", "b")
    assert inc.figures["killed"].low == 11 and inc.figures["killed"].high == 12


def test_different_places_or_days_stay_apart():
    a = mention("a", place=ALEPPO)
    b = mention("b", place=IDLIB)  # about 50 km apart
    c = mention("c", day=date(2016, 9, 25))
    assert not compatible(a, b)
    assert not compatible(a, c)
    assert len(build_incidents([a, b, c])) == 3


def test_different_event_types_stay_apart():
    assert not compatible(mention("a"), mention("b", sub="Armed clash"))


def test_merging_does_not_depend_on_order():
    ms = [mention("a"), mention("b", place=IDLIB), mention("c"), mention("d", day=date(2016, 9, 18))]
    expected = [[m.key for m in g] for g in cluster_mentions(ms)]
    for perm in itertools.permutations(ms):
        assert [[m.key for m in g] for g in cluster_mentions(list(perm))] == expected


def test_incident_id_is_stable_and_content_derived():
    ms = [mention("a"), mention("b")]
    assert build_incidents(ms)[0].id == build_incidents(list(reversed(ms)))[0].id


def test_policies():
    claims = [claim(lo=61, hi=None, source="Defence Ministry", stype=SourceType.MILITARY),
              claim(lo=83, hi=None, source="Observatory", stype=SourceType.MONITOR),
              claim(lo=24, hi=None, source="Reuters", stype=SourceType.OUTLET)]
    assert derive_figures(claims, "conservative")["killed"].best == 24
    assert derive_figures(claims, "max")["killed"].best == 83
    assert derive_figures(claims, "best")["killed"].best == 83  # the monitor is the most reliable here


def test_partial_counts_never_become_the_total():
    claims = [claim(lo=4, hi=4, scope="children"), claim(lo=20, hi=20)]
    assert derive_figures(claims)["killed"].low == 20


def test_count_disagreement_flag_and_grade():
    a = mention("a", claims=(claim(lo=5, hi=5, source="Police", stype=SourceType.OFFICIAL),))
    b = mention("b", claims=(claim(lo=9, hi=9, source="Hospital", stype=SourceType.MEDICAL),))
    inc = build_incidents([a, b])[0]
    assert [f.type for f in inc.flags] == ["count_disagreement"]
    assert "Police: 5" in inc.flags[0].detail
    assert inc.grade == "contested"


def test_grade_confirmed_by_two_independent_kinds_of_source():
    a = mention("a", claims=(claim(lo=5, hi=None, source="Police", stype=SourceType.OFFICIAL),))
    b = mention("b", claims=(claim(lo=6, hi=None, source="Hospital", stype=SourceType.MEDICAL),))
    assert build_incidents([a, b])[0].grade == "confirmed"
    assert build_incidents([a])[0].grade == "single_source"


def test_best_policy_takes_the_latest_figure_of_the_most_reliable_source():
    from dataclasses import replace

    early = replace(mention("a", claims=(claim(lo=61, hi=61, source="Observatory", stype=SourceType.MONITOR),)),
                    reported_on=date(2016, 9, 17))
    late = replace(mention("b", claims=(claim(lo=83, hi=83, source="Observatory", stype=SourceType.MONITOR),)),
                   reported_on=date(2016, 9, 18))
    ministry = mention("c", claims=(claim(lo=90, hi=90, source="Ministry", stype=SourceType.MILITARY),))
    for order in ([early, late, ministry], [ministry, late, early]):
        inc = build_incidents(order, "best")[0]
        assert inc.figures["killed"].best == 83
        assert (inc.figures["killed"].low, inc.figures["killed"].high) == (61, 90)


def test_control_disputed_when_taken_and_retaken():
    from dataclasses import replace

    taken = replace(mention("a", sub="Non-state actor overtakes territory"), event_type="Battles")
    retaken = replace(mention("b", sub="Government regains territory"), event_type="Battles")
    (inc,) = build_incidents([taken, retaken])
    assert [f.type for f in inc.flags] == ["control_disputed"]
    assert inc.sub_event_type in ("Non-state actor overtakes territory", "Government regains territory")
    assert inc.grade == "contested"


def test_date_and_place_disagreement_flags():
    a = mention("a", day=date(2016, 9, 17), claims=(claim(lo=5, hi=None),))
    b = mention("b", day=date(2016, 9, 18), claims=(claim(lo=5, hi=None),))
    (inc,) = build_incidents([a, b])
    assert "date_disagreement" in [f.type for f in inc.flags]
    assert "2016-09-17: a part 1" in inc.flags[0].detail


def test_common_figures_alone_do_not_tie_unplaced_mentions():
    a = mention("a", place=None, claims=(claim(lo=1, hi=1),))
    b = mention("b", place=None, claims=(claim(lo=1, hi=1),))
    assert not compatible(a, b)
    c = mention("c", place=None, claims=(claim(lo=40, hi=40),))
    d = mention("d", place=None, claims=(claim(lo=40, hi=40),))
    assert compatible(c, d)


def test_a_country_named_as_an_actor_does_not_separate_mentions():
    from ceasefire.model import Place, PlacePrecision

    israel = Place("Israel", "IL", None, 31.5, 34.9, None, "country", PlacePrecision.COUNTRY)
    gaza = Place("Gaza", "PS", "Gaza Strip", 31.5, 34.47, None, "city", PlacePrecision.LOCALITY)
    a = mention("a", place=israel, claims=(claim(lo=40, hi=40),))
    b = mention("b", place=gaza, claims=(claim(lo=40, hi=40),))
    assert compatible(a, b)


def test_an_anaphoric_mention_joins_its_report_s_event():
    a = mention("r", start=0, place=ALEPPO, claims=(claim(lo=9, hi=9),))
    bare = mention("r", start=100, place=None)
    other_report = mention("s", start=100, place=None)
    assert compatible(a, bare)
    assert not compatible(a, other_report)


def test_responsibility_disputed_when_the_accused_denies():
    from dataclasses import replace

    from ceasefire.model import Actor, ActorRole, Evidence, Source, Statement, StatementKind

    denial = Statement(StatementKind.DENIAL, Source("Defence Ministry", SourceType.MILITARY),
                       Evidence("text", 50, 60, "denied it"), about="its jets struck the market")
    accused = replace(mention("a", claims=(claim(lo=12, hi=12),)),
                      actors=(ActorRole(Actor("Syrian air force", "state"), "perpetrator"),))
    (inc,) = build_incidents([accused, replace(mention("b", claims=(claim(lo=12, hi=12),)), statements=(denial,))])
    flag = next(f for f in inc.flags if f.type == "responsibility_disputed")
    assert "Syrian air force" in flag.detail and "Defence Ministry" in flag.detail
    assert inc.grade == "contested"


def test_an_acknowledgment_confirms():
    from dataclasses import replace

    from ceasefire.model import Evidence, Source, Statement, StatementKind

    ack = Statement(StatementKind.ACKNOWLEDGMENT, Source("Army", SourceType.MILITARY),
                    Evidence("text", 0, 9, "regret"), about="the strike")
    (inc,) = build_incidents([replace(mention("a", claims=(claim(lo=9, hi=9),)), statements=(ack,))])
    assert inc.grade == "confirmed"


def test_an_unplaced_mention_does_not_keep_its_report_s_event_from_merging():
    a = mention("r", start=0, place=ALEPPO, claims=(claim(lo=9, hi=9),))
    bare = mention("r", start=100, place=None)  # "the strike drew condemnation"
    b = mention("s", start=0, place=ALEPPO, claims=(claim(lo=9, hi=9),))
    assert [len(g) for g in cluster_mentions([a, bare, b])] == [3]


def test_two_events_placed_only_from_their_report_stay_apart():
    # "a shell hit a house in the X camp, killing 7" / "shelling of the Y camp left 5 dead": unknown camps, both
    # placed at the town the report named before; the borrowed town does not make them one event.
    from ceasefire.model import Evidence, Toponym

    shelling = "Shelling/artillery/missile attack"
    a = mention("r", start=0, sub=shelling, place=ALEPPO, claims=(claim(lo=7, hi=None),))
    b = mention("r", start=100, sub=shelling, place=ALEPPO, claims=(claim(lo=5, hi=None),))
    assert not compatible(a, b)
    named = Toponym("Aleppo", Evidence("text", 110, 116, "Aleppo"))
    assert compatible(a, replace(b, toponyms=(named,), place=replace(ALEPPO, as_written="Aleppo")))  # names it


def test_a_riot_told_as_clashes_is_one_event():
    riot = mention("a", sub="Violent demonstration", place=ALEPPO)
    clash = mention("b", sub="Armed clash", place=ALEPPO)
    assert compatible(riot, clash)


def test_shared_wording_ties_mentions_of_two_reports_that_place_and_figures_cannot():
    words = ("cooperative", "orchard", "vigil", "harvest")
    a = replace(mention("a", place=None, day=None, claims=(claim(lo=1, hi=1),)), wording=words)
    b = replace(mention("b", place=None, day=None, claims=(claim(lo=1, hi=1),)), wording=words[1:] + ("tractor",))
    assert compatible(a, b)  # three distinctive nouns and a figure in common
    assert not compatible(a, replace(b, wording=("orchard", "vigil", "tractor")))  # two are not enough
    no_figure = replace(b, claims=(claim(lo=2, hi=2),))
    assert not compatible(a, no_figure)  # nothing the store's neighbourhood would find them by
    assert not compatible(replace(a, place=ALEPPO), replace(b, place=IDLIB))  # places apart


def test_one_village_the_gazetteer_lacks_named_by_two_reports_ties_them():
    from tests.factories import SYRIA

    from ceasefire.model import Place, PlacePrecision

    # "an air strike on the village of Verrisk killed four": the one report placed only to its country, the other
    # to the district town it names beside the village; four dead tie nothing, the village's name does
    a = replace(mention("a", place=SYRIA, claims=(claim(lo=4, hi=4),)), unknown_places=("verrisk",))
    b = replace(mention("b", place=IDLIB, claims=(claim(lo=4, hi=4),)), unknown_places=("kessa hill", "verrisk"))
    assert compatible(a, b)
    assert not compatible(a, replace(b, unknown_places=("kessa hill",)))  # another village
    abroad = Place("Norland", "NL", None, 50.0, 10.0, None, "country", PlacePrecision.COUNTRY)
    assert not compatible(replace(a, place=abroad), b)  # a village of that name in another country
    assert not compatible(a, replace(b, date=replace(b.date, start=date(2016, 9, 25), end=date(2016, 9, 25))))
    same_report = replace(a, report_key=b.report_key, article_id=b.article_id, trigger=replace(a.trigger, start=500))
    assert not compatible(same_report, replace(b, claims=(claim(lo=3, hi=3),)))  # one report: its own ties only


def test_an_event_recalled_from_another_year_is_no_antecedent():
    from ceasefire.model import DatePrecision, DateResolution

    recalled = mention("r", start=0, place=None, day=None, claims=(claim(lo=28, hi=28),))
    recalled = replace(recalled, date=DateResolution(date(2006, 1, 1), date(2006, 12, 31), DatePrecision.YEAR, "2006"))
    bare = mention("r", start=100, place=None, day=None)  # "the shelling", in the same report
    assert not compatible(recalled, bare)
    assert compatible(mention("r", start=0, place=None, day=None, claims=(claim(lo=28, hi=28),)), bare)


def test_admin1_names_that_differ_between_sources_do_not_put_a_town_outside_its_region():
    from ceasefire.incidents.merge import conflicting
    from ceasefire.model import Place, PlacePrecision

    region = Place("Vale Region", "SY", "Vale", 36.0, 37.0, None, "admin2", PlacePrecision.ADMIN2)
    town = Place("Tell Hamra", "SY", "Vale Region", 36.05, 37.05, None, "city", PlacePrecision.LOCALITY)
    far = Place("Qasr Halfa", "SY", "Rif", 33.5, 36.3, None, "city", PlacePrecision.LOCALITY)
    assert not conflicting(mention("a", place=region), mention("b", place=town))
    assert conflicting(mention("a", place=region), mention("b", place=far))


def _dated(doc: str, day: date, basis: str) -> Mention:
    m = mention(doc, claims=(claim(lo=7, hi=None),))
    return replace(m, date=DateResolution(day, day, DatePrecision.DAY, basis))


def test_the_day_most_reports_tell_wins_whatever_their_wording():
    # three reports date the shelling to the 12th, each in its own words; one report's mention of it
    # carries the 11th (a reference to the day before): the 12th wins on its count, not on wording ties
    told = [_dated("a", date(2021, 3, 12), "'on Friday' = weekday before publication date"),
            _dated("b", date(2021, 3, 12), "'yesterday' = the day before publication date"),
            _dated("c", date(2021, 3, 12), "explicit date: 'March 12'")]
    earlier = _dated("d", date(2021, 3, 11), "explicit date: 'March 11'")
    (inc,) = build_incidents([*told, earlier])
    assert inc.date.start == date(2021, 3, 12)


def test_a_date_taken_from_the_report_s_earlier_event_counts_after_dates_told_of_the_event():
    told = _dated("a", date(2021, 3, 12), "explicit date: 'March 12'")
    borrowed = [_dated(doc, date(2021, 3, 11), f"no date in the text of this event; {INHERITED_DATE}: 'March 11'")
                for doc in ("b", "c")]
    assert all(m.date.inherited for m in borrowed) and not told.date.inherited
    (inc,) = build_incidents([told, *borrowed])
    assert inc.date.start == date(2021, 3, 12)


def test_a_day_told_of_the_event_wins_over_another_report_s_statement_day():
    # one report: "the governor said in a briefing on Tuesday that ..." (the week up to Tuesday the 16th);
    # another: "the March 12 killings"; they merge (the 12th lies in that week) and the 12th dates the incident
    said = replace(mention("a", claims=(claim(lo=7, hi=None),)), date=DateResolution(
        date(2021, 3, 10), date(2021, 3, 16), DatePrecision.WEEK,
        f"'on Tuesday' = publication date day 2021-03-16, {STATEMENT_DAY}: the event fell in the week up to it"))
    told = _dated("b", date(2021, 3, 12), "explicit date: 'March 12'")
    assert said.date.stated and said.date.day == date(2021, 3, 16)
    also_said = replace(said, report_key="c#1", article_id="c")  # two statements' days against one told day
    (inc,) = build_incidents([said, also_said, told])
    assert (inc.date.start, inc.date.end, inc.date.precision) == (date(2021, 3, 12), date(2021, 3, 12),
                                                                  DatePrecision.DAY)
    # alone, the statement's day is the best guess of the event's, at day precision, and the basis says why
    (alone,) = build_incidents([said])
    assert (alone.date.start, alone.date.end, alone.date.precision) == (date(2021, 3, 16), date(2021, 3, 16),
                                                                        DatePrecision.DAY)
    assert STATEMENT_DAY in alone.date.basis and alone.date.basis.endswith("taken as the event's day")
    # a week told of the event itself still loses to the statement's day: a day is more precise
    week = replace(told, date=DateResolution(date(2021, 3, 8), date(2021, 3, 14), DatePrecision.WEEK, "'last week'"))
    (inc,) = build_incidents([said, week])
    assert inc.date.start == date(2021, 3, 16)


def test_a_village_resolved_to_its_namesake_abroad_in_one_report_still_merges():
    from ceasefire.incidents.merge import conflicting
    from ceasefire.model import Evidence, Place, PlacePrecision, Toponym

    def named(*names: str) -> tuple[Toponym, ...]:
        return tuple(Toponym(n, Evidence("text", 0, len(n), n)) for n in names)

    right = Place("Dar Kalla", "LB", "South", 33.2, 35.5, None, "city", PlacePrecision.LOCALITY, as_written="Dar Kalla")
    abroad = Place("Miro", "KE", "Coast", -1.5, 40.0, None, "city", PlacePrecision.LOCALITY, as_written="Mirou")
    country = Place("Ruritania", "LB", None, 33.9, 35.9, None, "country", PlacePrecision.COUNTRY, as_written="Ruritania")
    words = ("checkpoint", "return", "resident", "deadline")
    figure = (claim(lo=1, hi=1),)
    # one report places the shooting in a village it names beside another; the second names that other
    # village, which the gazetteer resolved to a namesake on another continent
    a = replace(mention("a", place=right, claims=figure, toponyms=named("Dar Kalla", "Mirou")), wording=words)
    b = replace(mention("b", place=abroad, claims=figure, toponyms=named("Mirou", "Ruritania")), wording=words)
    c = replace(mention("c", place=country, claims=figure, toponyms=named("Ruritania")), wording=words)
    assert not conflicting(a, b)  # both write "Mirou": one place resolved two ways
    assert compatible(a, b)  # tied by their wording and figure, as without places
    (inc,) = build_incidents([a, b, c])
    assert inc.place is not None and inc.place.country == "LB"  # the one in the country the others name
    # places apart stay apart when neither writes the other's name, or when both are of one report
    assert conflicting(replace(a, toponyms=named("Dar Kalla")), b)
    same_report = replace(b, report_key=a.report_key, article_id=a.article_id, trigger=Evidence("text", 90, 95, "shots"))
    assert conflicting(a, same_report)


def test_the_two_clauses_of_one_sentence_are_two_events() -> None:
    """'A strike on Aldmoor killed five while another on Brenna killed four': nlp gives each clause its mention,
    and the claims of one sentence held by two mentions keep them apart, even through a bare third mention."""
    from ceasefire.incidents.merge import conflicting

    quote = "A strike on Aldmoor killed five while another on Brenna killed four."
    first = mention(start=2, trigger="strike", claims=(claim(lo=5, hi=5, quote=quote),), place=None)
    second = mention(start=38, trigger="another", claims=(claim(lo=4, hi=4, quote=quote),), place=None)
    bare = mention(start=200, trigger="strikes")
    assert conflicting(first, second)
    assert not conflicting(first, first)
    groups = cluster_mentions([first, second, bare])
    assert not any(first in g and second in g for g in groups)
