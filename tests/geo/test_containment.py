"""Invented fixtures: containment ("X in Y", "X, Y"), foreign alternate names, abbreviations, generic words."""

from ceasefire.geo import MemoryGazetteer, PlaceCandidate, normalize_name, resolve_document
from ceasefire.geo.qualifiers import container
from ceasefire.model import Evidence, PlacePrecision, Toponym

NORLAND = PlaceCandidate("Norland", "NL", None, 50.0, 10.0, 1, "country", 5_000_000)
SUDRIA = PlaceCandidate("Sudria", "SR", None, 10.0, 30.0, 2, "country", 8_000_000)
VALE = PlaceCandidate("Upper Vale", "SR", "Upper Vale", 9.0, 30.0, 3, "admin1", 500_000)
KESSA = PlaceCandidate("Kessa", "SR", "Upper Vale", 9.2, 30.1, 4, "city", 40_000)
# a big city abroad that has the camp's name among its old alternate names
BRENZOR = PlaceCandidate("Brenzor", "NL", "North", 51.0, 11.0, 5, "city", 3_000_000)
STATE = PlaceCandidate("Ostmark", "US", "Ostmark", 44.0, -120.0, 6, "admin1", 4_000_000)
CAPITAL = PlaceCandidate("Ostmark", "US", "Capital District", 38.9, -77.0, 7, "city", 700_000)
OSTMARK_TOWN = PlaceCandidate("Pellham", "US", "Ostmark", 44.5, -121.0, 8, "city", 90_000)
PELLHAM_ELSEWHERE = PlaceCandidate("Pellham", "US", "Capital District", 39.0, -76.0, 9, "city", 120_000)
OCEAN = PlaceCandidate("Grey Ocean", None, None, 30.0, -40.0, None, "water", 0)
GREY_COUNTY = PlaceCandidate("Grey County", "US", "Ostmark", 44.2, -120.5, 10, "admin2", 30_000)
COASTLAND = PlaceCandidate("North Coast", "NL", "North Coast", 52.0, 4.0, 11, "admin1", 300_000)


def _gaz() -> MemoryGazetteer:
    return MemoryGazetteer([
        NORLAND, SUDRIA, (VALE, ("Upper Vale State",)), KESSA, (BRENZOR, ("Tarsa",)), STATE, CAPITAL,
        OSTMARK_TOWN, PELLHAM_ELSEWHERE, (OCEAN, ("Grey",)), GREY_COUNTY, COASTLAND,
    ])


def _toponyms(text: str, *names: str) -> list[Toponym]:
    out = []
    for name in names:
        start = text.index(name)
        end = start + len(name)
        out.append(Toponym(name, Evidence("text", start, end, name), "", container(text, start, end)))
    return out


def test_container_reads_in_and_comma_phrases() -> None:
    text = "reached the Tarsa camp in war-torn Upper Vale State, which borders Sudria"
    start = text.index("Tarsa")
    assert container(text, start, start + 5) == "Upper Vale State"
    assert container("a plant in Pellham, Ostm., was shut", 11, 18) == "Ostm."
    assert container("stops in Pellham, Kessa and Brenzor", 9, 16) == ""  # a list, not a containment
    assert container("fighting in Kessa in March", 12, 17) == ""  # a month is no place


def test_an_alternate_name_abroad_is_not_taken_in_another_countrys_report() -> None:
    text = "Jets bombed Tarsa in Sudria, officials in Kessa said."
    places = resolve_document(_toponyms(text, "Tarsa", "Sudria", "Kessa"), _gaz(), fill=False)
    assert places[0] is None or places[0].country == "SR"


def test_a_name_the_text_puts_in_a_province_takes_the_province() -> None:
    text = "The Tarsa camp in war-torn Upper Vale State was bombed; Sudria denied it."
    places = resolve_document(_toponyms(text, "Tarsa", "Sudria"), _gaz(), fill=False)
    assert places[0] is not None
    assert (places[0].name, places[0].country, places[0].precision) == ("Upper Vale", "SR", PlacePrecision.ADMIN1)


def test_a_town_comma_state_takes_the_town_in_that_state() -> None:
    text = "A bakery in Pellham, Ostmark shares its recipes."
    places = resolve_document(_toponyms(text, "Pellham", "Ostmark"), _gaz())
    assert places[0] is not None and places[0].admin1 == "Ostmark"
    assert places[1] is not None and places[1].feature == "admin1"  # the state, not the capital city


def test_a_bare_name_is_the_ocean_not_a_county_named_after_it() -> None:
    text = "Storms over the Grey hit Pellham in Ostmark."
    places = resolve_document(_toponyms(text, "Grey", "Pellham", "Ostmark"), _gaz())
    assert places[0] is not None and places[0].feature == "water"


def test_a_province_named_by_generic_words_needs_its_country_in_the_report() -> None:
    text = "The North Coast office near Pellham, Ostmark was closed."
    places = resolve_document(_toponyms(text, "North Coast", "Pellham", "Ostmark"), _gaz(), fill=False)
    assert places[0] is None


def test_two_letter_abbreviations_keep_their_own_keys() -> None:
    assert normalize_name("WA") != normalize_name("VA")
    assert normalize_name("No.") != normalize_name("NU")
    assert normalize_name("La.") == normalize_name("LA")


def test_a_longer_name_holds_a_province_only_by_the_province_s_own_name() -> None:
    marisland = PlaceCandidate("Marisland", "ZZ", "Marisland", 33.0, -90.0, 20, "admin1", 2_000_000)
    gaz = MemoryGazetteer([(marisland, ("Mars", "Marisland State"))])
    text = "Shells fell on Mars al-Tell and on the University of Marisland State."
    unknown, campus = resolve_document(_toponyms(text, "Mars al-Tell", "University of Marisland State"), gaz,
                                       fill=False)
    assert unknown is None  # "Mars" is only the province's abbreviation: the village is not in it
    assert campus is not None and campus.feature == "admin1"


def test_a_town_the_text_puts_in_a_province_is_there_though_a_namesake_lies_elsewhere() -> None:
    text = "Gunmen ambushed police in Pellham, a town in Upper Vale State, on Monday."
    start = text.index("Pellham")
    told = Toponym("Pellham", Evidence("text", start, start + 7, "Pellham"), "town", "Upper Vale State")
    (place,) = resolve_document([told], _gaz(), fill=False)
    assert place is not None and (place.name, place.country) == ("Upper Vale", "SR")  # not either US Pellham
    bare = Toponym("Pellham", told.evidence, "", "Upper Vale State")  # "refugees from Pellham in Upper Vale State"
    (place,) = resolve_document([bare], _gaz(), fill=False)
    assert place is not None and place.country == "US"



def _village(text: str, name: str, context: str = "village of") -> Toponym:
    start = text.index(name)
    return Toponym(name, Evidence("text", start, start + len(name), name), context, "")


def test_a_village_whose_only_namesakes_are_small_towns_abroad_is_no_guess() -> None:
    dorvel_abroad = PlaceCandidate("Dorvel", "NL", "North", 50.5, 10.5, 20, "city", 2_500)
    gaz = MemoryGazetteer([NORLAND, SUDRIA, KESSA, dorvel_abroad, (BRENZOR, ("Tarsa",))])
    text = "Shelling hit Kessa in Sudria and the village of Dorvel, officials in Sudria said."
    names = [*_toponyms(text, "Kessa", "Sudria"), _village(text, "Dorvel")]
    assert resolve_document(names, gaz, fill=False)[2] is None
    bare = [*_toponyms(text, "Kessa", "Sudria"), _village(text, "Dorvel", "")]
    found = resolve_document(bare, gaz, fill=False)[2]  # a bare name keeps the namesake its own name finds
    assert found is not None and found.country == "NL"
    at_home = PlaceCandidate("Dorvel", "SR", "Upper Vale", 9.1, 30.2, 21, "city", 1_500)
    both = MemoryGazetteer([NORLAND, SUDRIA, KESSA, dorvel_abroad, at_home])
    kept = resolve_document(names, both, fill=False)[2]
    assert kept is not None and kept.country == "SR"


# a province (admin2) of Sudria, and a larger state (admin1) of Norland spelled the same by an alternate name
MERVA_HOME = PlaceCandidate("Mérva", "SR", "Upper Vale", 9.4, 30.3, 30, "admin2", 45_000)
MERVA_ABROAD = PlaceCandidate("Mirvah", "NL", "Mirvah", 52.5, 12.0, 31, "admin1", 900_000)
# a province of Norland by its own name, which Sudria lacks
OSSEL_ABROAD = PlaceCandidate("Ossel", "NL", "Ossel", 53.0, 9.0, 32, "admin1", 600_000)


def _provinces() -> MemoryGazetteer:
    return MemoryGazetteer([NORLAND, SUDRIA, VALE, MERVA_HOME, (MERVA_ABROAD, ("Merva Province",)), OSSEL_ABROAD])


def _province(text: str, name: str, within: str) -> Toponym:
    start = text.index(name)
    return Toponym(name, Evidence("text", start, start + len(name), name), "province", within)


def test_a_province_the_text_puts_in_a_country_is_that_country_s() -> None:
    text = "Raiders burned two hamlets in Sudria's Merva province, the district chief told reporters."
    bare = Toponym("Merva province", _province(text, "Merva province", "").evidence, "province", "")
    (alone,) = resolve_document([bare], _provinces(), fill=False)
    assert alone is not None and alone.country == "NL"  # read alone, the larger state abroad
    (place,) = resolve_document([_province(text, "Merva province", "Sudria")], _provinces(), fill=False)
    assert place is not None and (place.name, place.country, place.feature) == ("Mérva", "SR", "admin2")


def test_a_province_the_country_lacks_is_placed_at_the_country_never_abroad() -> None:
    text = "Raiders burned two hamlets in the Ossel province of Sudria on Friday."
    (place,) = resolve_document([_province(text, "Ossel province", "Sudria")], _provinces(), fill=False)
    assert place is not None and (place.country, place.precision) == ("SR", PlacePrecision.COUNTRY)
    assert "where the text puts it" in place.basis


# a small town abroad whose name the name keys fold together with a hospital's name ("Al-Varda" / "Varda")
VARDA_ABROAD = PlaceCandidate("Varda", "NL", "North", 53.5, 8.0, 40, "city", 4_000)


def test_a_site_put_in_a_town_keeps_a_namesake_abroad_only_when_spelled_as_written() -> None:
    gaz = MemoryGazetteer([NORLAND, SUDRIA, VALE, KESSA, VARDA_ABROAD])
    text = "A strike hit the Al-Varda hospital in Kessa on Monday, killing four patients."
    hospital, town = resolve_document(_toponyms(text, "Al-Varda", "Kessa"), gaz, fill=False)
    assert town is not None and town.name == "Kessa"
    assert hospital is not None and hospital.country == "SR"  # in Kessa, not the town abroad
    text = "Refugees from Varda in Kessa said they had fled the fighting."
    varda, _ = resolve_document(_toponyms(text, "Varda", "Kessa"), gaz, fill=False)
    assert varda is not None and varda.country == "NL"  # found by its own name: refugees from there


def test_a_demonym_is_no_place_that_holds_a_town() -> None:
    russia = PlaceCandidate("Russia", "RU", None, 60.0, 100.0, 42, "country", 144_000_000)
    gaz = MemoryGazetteer([SUDRIA, VALE, KESSA, (russia, ("Russian",)), PlaceCandidate(
        "Kessa", "RU", "Tver", 57.0, 35.0, 41, "city", 400_000)])
    text = "Shelling hit Kessa, a city in the Russian-held part of Upper Vale, on Monday."
    toponyms = _toponyms(text, "Kessa", "Upper Vale")
    toponyms[0] = Toponym("Kessa", toponyms[0].evidence, "city", "Russian")  # as the NER reads the appositive
    kessa, _ = resolve_document(toponyms, gaz, fill=False)
    assert kessa is not None and kessa.country == "SR" and kessa.admin1 == "Upper Vale"
