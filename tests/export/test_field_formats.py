"""The ACLED and UCDP rows of an incident, and the data files that map ceasefire's values to theirs (pure)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date
from importlib import resources

import pytest
from tests.factories import DARAA_PROVINCE, IDLIB
from tests.store.factory import document, incident, mention, report

from ceasefire.export.acled import ACLED_COLUMNS, acled_chunks, acled_row
from ceasefire.export.maps import claim_line, table, taxonomy
from ceasefire.export.ucdp import UCDP_COLUMNS, priogrid_gid, type_of_violence, ucdp_chunks, ucdp_row
from ceasefire.model import (
    Actor,
    ActorRole,
    Claim,
    ClaimKind,
    DatePrecision,
    DateResolution,
    Evidence,
    Figures,
    Incident,
    PlacePrecision,
    Quantity,
    Source,
)

# the issue's column lists, in the fields' order
ACLED = ("event_id_cnty event_date year time_precision disorder_type event_type sub_event_type actor1 assoc_actor_1 "
         "inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region country admin1 admin2 admin3 "
         "location latitude longitude geo_precision source source_scale notes fatalities tags timestamp").split()
UCDP = ("id relid year active_year code_status type_of_violence conflict_dset_id conflict_new_id conflict_name "
        "dyad_dset_id dyad_new_id dyad_name side_a_dset_id side_a_new_id side_a side_b_dset_id side_b_new_id side_b "
        "number_of_sources source_article source_office source_date source_headline source_original where_prec "
        "where_coordinates where_description adm_1 adm_2 latitude longitude geom_wkt priogrid_gid country "
        "country_id region event_clarity date_prec date_start date_end deaths_a deaths_b deaths_civilians "
        "deaths_unknown best high low").split()


class _Country:
    name = "Syria"
    iso_numeric = 760


def _with_claims() -> Incident:
    rep = report(document())
    m = mention(rep)
    return replace(incident("i1", (m,)), place=IDLIB,
                   actors=(ActorRole(Actor("North Army", "state"), "perpetrator"),
                           ActorRole(Actor("civilians", "civilians"), "target")))


def _actors(*pairs: tuple[str, str, str]) -> tuple[ActorRole, ...]:
    return tuple(ActorRole(Actor(name, kind), role) for name, kind, role in pairs)


def _killed(victims: str, n: int = 7) -> Claim:
    return Claim(ClaimKind.KILLED, Quantity(n, n), Source("Monitor"), Evidence("text", 0, 5, "quote"), victims=victims)


def test_the_columns_are_the_fields_own_in_their_order() -> None:
    assert ACLED_COLUMNS == tuple(ACLED) and UCDP_COLUMNS == tuple(UCDP)
    for chunks, columns in ((acled_chunks, ACLED), (ucdp_chunks, UCDP)):
        rows = list(csv.DictReader(io.StringIO("".join(chunks([_with_claims()])))))
        assert list(rows[0]) == columns and len(rows) == 1


def test_acled_row_codes_actors_precision_and_keeps_every_claim_in_the_notes() -> None:
    inc = _with_claims()
    row = acled_row(inc, {"SY": _Country()})
    assert (row["event_type"], row["sub_event_type"]) == ("Explosions/Remote violence",
                                                          "Shelling/artillery/missile attack")
    assert row["disorder_type"] == "Political violence"
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"], row["interaction"]) == (
        "North Army", 1, "civilians", 7, 17)
    assert row["civilian_targeting"] == "Civilian targeting"
    assert (row["iso"], row["country"], row["location"], row["geo_precision"]) == (760, "Syria", "Idlib", 1)
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2024-03-03", 2024, 1)
    assert row["fatalities"] == 12  # the conservative figure: the incident's low
    for m in inc.mentions:
        for c in m.claims:
            assert claim_line(c, m) in row["notes"]
    assert "regional health office (via Wire): at least 12 killed (people)" in row["notes"]
    assert "monitoring group: 4 killed (children) [children]" in row["notes"]


@pytest.mark.parametrize("precision, code", [("day", 1), ("week", 2), ("month", 3), ("year", None)])
def test_acled_time_precision(precision: str, code: int | None) -> None:
    d = DateResolution(date(2024, 3, 1), date(2024, 3, 7), DatePrecision(precision), "x")
    assert acled_row(replace(incident("i", ()), date=d))["time_precision"] == code


@pytest.mark.parametrize("precision, code", [("point", 1), ("locality", 1), ("near", 2), ("admin2", 3),
                                             ("admin1", 3), ("country", None), ("unknown", None)])
def test_acled_geo_precision(precision: str, code: int | None) -> None:
    inc = replace(incident("i", ()), place=replace(DARAA_PROVINCE, precision=PlacePrecision(precision)))
    assert acled_row(inc)["geo_precision"] == code


def test_acled_writes_no_type_outside_the_taxonomy_and_zero_fatalities_without_a_claim() -> None:
    inc = replace(incident("i", ()), sub_event_type="Made-up strike", event_type="Made-up", figures={})
    row = acled_row(inc)
    assert row["event_type"] is None and row["sub_event_type"] is None and row["disorder_type"] is None
    assert row["fatalities"] == 0 and row["notes"] == "No casualty claim."


@pytest.mark.parametrize("text", ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"])
def test_field_csv_cells_are_safe_against_formula_injection(text: str) -> None:
    inc = replace(_with_claims(), actors=_actors((text, "state", "perpetrator")), place=replace(IDLIB, lon=-45.5))
    for chunks, column in ((acled_chunks, "actor1"), (ucdp_chunks, "side_a")):
        (row,) = csv.DictReader(io.StringIO("".join(chunks([inc])), newline=""))
        assert row[column] == "'" + text
        assert row["longitude"] == "-45.5"  # numbers are written as they are


@pytest.mark.parametrize("actors, violence, side_a, side_b", [
    ((("North Army", "state", "perpetrator"), ("Hill Brigade", "rebel", "target")), 1, "North Army", "Hill Brigade"),
    ((("Hill Brigade", "rebel", "perpetrator"), ("North Army", "state", "target")), 1, "North Army", "Hill Brigade"),
    ((("Hill Brigade", "rebel", "perpetrator"), ("River Front", "rebel", "target")), 2, "Hill Brigade", "River Front"),
    ((("Hill Brigade", "rebel", "perpetrator"), ("villagers", "civilians", "target")), 3, "Hill Brigade", "Civilians"),
    ((("Hill Brigade", "rebel", "perpetrator"),), None, "Hill Brigade", None),
])
def test_ucdp_type_of_violence_and_sides(actors: tuple, violence: int | None, side_a: str, side_b: str | None) -> None:
    row = ucdp_row(replace(incident("i", ()), actors=_actors(*actors)))
    assert (row["type_of_violence"], row["side_a"], row["side_b"]) == (violence, side_a, side_b)


def test_ucdp_codes_no_violence_for_a_protest() -> None:
    inc = replace(incident("i", ()), event_type="Protests", sub_event_type="Peaceful protest")
    assert type_of_violence(inc)[0] is None


@pytest.mark.parametrize("victims, whose", [
    (("civilians",), "deaths_civilians"),
    (("Riverland soldiers",), "deaths_b"),  # named by the target's distinctive word
    (("soldiers",), "deaths_b"),  # combatants of the attacked side
    (("Northland fighters",), "deaths_a"),  # named by the perpetrator's word
    (("civilians", "soldiers"), "deaths_unknown"),  # the claims disagree
    (("people",), "deaths_unknown"),
])
def test_ucdp_deaths_go_where_the_victims_say(victims: tuple[str, ...], whose: str) -> None:
    rep = report(document())
    m = replace(mention(rep), claims=tuple(_killed(v) for v in victims))
    inc = replace(incident("i", (m,)), figures={"killed": Figures(7, 7, 7)},
                  actors=_actors(("Northland army", "state", "perpetrator"), ("Riverland army", "state", "target")))
    row = ucdp_row(inc)
    deaths = {k: row[k] for k in ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")}
    assert deaths == {k: 7 if k == whose else 0 for k in deaths}
    assert (row["best"], row["low"], row["high"]) == (7, 7, 7)


def test_ucdp_place_date_and_sources() -> None:
    inc = _with_claims()
    row = ucdp_row(inc, {"SY": _Country()})
    assert (row["where_prec"], row["where_coordinates"], row["country"], row["date_prec"]) == (1, "Idlib", "Syria", 1)
    assert row["geom_wkt"] == f"POINT ({IDLIB.lon} {IDLIB.lat})" and row["priogrid_gid"] == priogrid_gid(35.93, 36.63)
    assert row["number_of_sources"] == 1 and row["source_office"] == "Wire"
    for m in inc.mentions:
        for c in m.claims:
            assert claim_line(c, m, quote=False) in row["source_original"]
    assert row["conflict_new_id"] is None and row["country_id"] is None  # UCDP's own identifiers stay empty
    three_days = DateResolution(date(2024, 3, 1), date(2024, 3, 3), DatePrecision.DAY, "x")
    assert ucdp_row(replace(inc, date=three_days))["date_prec"] == 2
    assert ucdp_row(replace(inc, place=replace(IDLIB, precision=PlacePrecision.ADMIN1)))["where_prec"] == 4


@pytest.mark.parametrize("lat, lon, gid", [(-89.75, -179.75, 1), (-89.75, 179.75, 720), (-89.25, -179.75, 721),
                                           (89.75, 179.75, 259200), (90.0, 180.0, 259200)])
def test_priogrid_cells(lat: float, lon: float, gid: int) -> None:
    assert priogrid_gid(lat, lon) == gid


def test_the_mapping_files_speak_ceasefire_values() -> None:
    acled, ucdp = table("acled"), table("ucdp")
    assert acled["_doc"] and ucdp["_doc"]
    places, dates = {p.value for p in PlacePrecision}, {d.value for d in DatePrecision}
    assert set(acled["geo_precision"]) <= places and set(ucdp["where_prec"]) <= places
    assert set(acled["time_precision"]) <= dates and set(ucdp["date_prec"]) <= dates
    events = set(taxonomy().values())
    assert set(acled["disorder_type"]) == events and set(acled["sub_event_disorder"]) <= set(taxonomy())
    assert set(ucdp["violent_event_types"]) <= events
    raw = json.loads(resources.files("ceasefire").joinpath("data/actors.json").read_text("utf-8"))
    kinds = {a["type"] for a in raw["actors"]}
    assert kinds - {"unknown"} <= set(acled["inter"]) and set(ucdp["armed_actor_types"]) <= kinds
