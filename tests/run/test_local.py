"""Pipeline._resolve: each mention's date against its report (inheritance of the report's own dates)."""

from __future__ import annotations

from datetime import date

from ceasefire import geo
from ceasefire.config import Settings
from ceasefire.model import Article, DatePrecision, Evidence, Mention, Report, Timex
from ceasefire.run.local import Pipeline

TEXT = (
    "(September 18, 2016) - The base was lost this weekend after air strikes. "
    "Militants then overran it. "
    "A similar attack hit the town in 2014. "
    "Fighters shot down a plane."
)


def _report() -> Report:
    article = Article(id="r1", text=TEXT, outlet="Wire")
    return Report(article, "doc", 1, 0, len(TEXT), dateline=date(2016, 9, 18), published=date(2016, 9, 19))


def _mention(report: Report, word: str, timex: str | None = None) -> Mention:
    start = TEXT.index(word)
    times = ()
    if timex is not None:
        t0 = TEXT.index(timex)
        times = (Timex(timex, Evidence("text", t0, t0 + len(timex), timex)),)
    trig = Evidence("text", start, start + len(word), word)
    return Mention(report.key, "r1", 1, trig, "Battles", "Armed clash", timexes=times)


def _pipeline() -> Pipeline:
    pipe = Pipeline(Settings())
    pipe._gazetteer = geo.MemoryGazetteer([])
    return pipe


def test_this_weekend_is_passed_on_but_a_year_is_not() -> None:
    rep = _report()
    ms = [
        _mention(rep, "air strikes", "this weekend"),
        _mention(rep, "overran"),
        _mention(rep, "similar attack", "2014"),
        _mention(rep, "shot down"),
    ]
    strike, overrun, recalled, shootdown = _pipeline()._resolve(rep, ms)
    assert (strike.date.start, strike.date.end) == (date(2016, 9, 17), date(2016, 9, 18))
    assert (overrun.date.start, overrun.date.end) == (strike.date.start, strike.date.end)
    assert "earlier event" in overrun.date.basis
    assert recalled.date.precision is DatePrecision.YEAR and recalled.date.start == date(2014, 1, 1)
    assert (shootdown.date.start, shootdown.date.end) == (strike.date.start, strike.date.end)


def test_without_a_date_of_its_own_the_week_before_the_dateline() -> None:
    rep = _report()
    (m,) = _pipeline()._resolve(rep, [_mention(rep, "overran")])
    assert m.date.precision is DatePrecision.WEEK and m.date.end == date(2016, 9, 18)
    assert m.reported_on == date(2016, 9, 18)


def test_the_report_country_weighs_places_by_their_context():
    from ceasefire.model import Place, PlacePrecision
    from ceasefire.run.local import _main_country

    ariha_sy = Place("Ariha", "SY", "Idlib", 35.81, 36.61, None, "city", PlacePrecision.LOCALITY)
    ariha_ps = Place("Jericho", "PS", None, 31.87, 35.44, None, "city", PlacePrecision.LOCALITY)
    # the mention naming four places is read with more context than a later bare "Ariha"
    assert _main_country([ariha_sy, ariha_ps], [4, 1]) == "SY"
    assert _main_country([None, ariha_ps], [4, 1]) == "PS"
    assert _main_country([None, None], [1, 1]) is None


def test_a_mention_naming_no_place_takes_one_around_it_only_in_the_report_s_country() -> None:
    from ceasefire.model import Toponym

    rep = _report()
    pipe = _pipeline()
    pipe._gazetteer = geo.MemoryGazetteer([
        geo.PlaceCandidate("Port Leman", "SY", "Idlib", 35.9, 36.6, 11, "city", 50_000),
        geo.PlaceCandidate("Marela", "CN", "Gansu", 35.0, 104.0, 12, "city", 9_000),
    ])

    def top(name: str) -> Toponym:
        return Toponym(name, Evidence("text", 0, len(name), name))

    named = Mention(rep.key, "r1", 1, Evidence("text", 0, 4, "(Sep"), "Battles", "Armed clash",
                    toponyms=(top("Port Leman"),))
    # the nearest name around it is a person's the NER took for a place: it lies in another country
    bare = _mention(rep, "overran")
    bare = Mention(**{**bare.__dict__, "context_toponyms": (top("Marela"), top("Port Leman"))})
    _, resolved = pipe._resolve(rep, [named, bare])
    assert resolved.place is not None and resolved.place.name == "Port Leman"


def test_a_place_the_text_names_but_the_gazetteer_lacks_is_not_swapped_for_another() -> None:
    from ceasefire.model import Toponym

    rep = _report()
    pipe = _pipeline()
    pipe._gazetteer = geo.MemoryGazetteer([geo.PlaceCandidate("Port Leman", "SY", "Idlib", 35.9, 36.6, 11, "city", 50_000)])
    village = Toponym("Kfar Nowhere", Evidence("text", 0, 12, "Kfar Nowhere"), context="village of")
    around = Toponym("Port Leman", Evidence("text", 20, 30, "Port Leman"))
    m = _mention(rep, "overran")
    m = Mention(**{**m.__dict__, "toponyms": (village,), "context_toponyms": (around,)})
    (resolved,) = pipe._resolve(rep, [m])
    assert resolved.place is None  # "in the village of X": unknown, not the town named elsewhere
    bare = Mention(**{**m.__dict__, "toponyms": ()})
    (resolved,) = pipe._resolve(rep, [bare])
    assert resolved.place is not None and resolved.place.name == "Port Leman"
