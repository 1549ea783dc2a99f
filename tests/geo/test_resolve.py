"""resolve_place: candidates ranked by country context, size and kind; precision and basis."""

from ceasefire.geo import MemoryGazetteer, PlaceCandidate, resolve_document, resolve_place
from ceasefire.model import Evidence, PlacePrecision, Toponym

from .conftest import HALFA_IQ, HALFA_SY


def top(name: str, context: str = "", start: int = 0) -> Toponym:
    return Toponym(name, Evidence("text", start, start + len(name), name), context)


def test_transliterations_resolve_to_one_city(gazetteer: MemoryGazetteer) -> None:
    for spelling in ("Deir ez-Zor", "Deir al-Zor", "Deir Ezzor", "Dayr az Zawr", "Deir el-Zour"):
        place = resolve_place([top(spelling)], gazetteer)
        assert place is not None and place.name == "Deir ez-Zor", spelling
        assert place.precision is PlacePrecision.LOCALITY
        assert place.as_written == spelling


def test_country_context_disambiguates(gazetteer: MemoryGazetteer) -> None:
    # the larger town is in Iraq, but the article is about Syria
    place = resolve_place([top("Qasr Halfa"), top("Syria", start=40)], gazetteer)
    assert place is not None and (place.lat, place.country) == (HALFA_SY.lat, "SY")
    assert resolve_place([top("Qasr Halfa")], gazetteer, country_hint="IQ").lat == HALFA_IQ.lat
    assert resolve_place([top("Qasr Halfa")], gazetteer).country == "IQ"  # alone: the larger


def test_demonym_counts_as_country_context(gazetteer: MemoryGazetteer) -> None:
    place = resolve_place([top("Qasr Halfa"), top("Syrian", start=30)], gazetteer)
    assert place is not None and place.country == "SY"


def test_near_an_airport_is_near_precision(gazetteer: MemoryGazetteer) -> None:
    place = resolve_place([top("Deir al-Zor airport", context="near")], gazetteer)
    assert place is not None
    assert (place.name, place.precision, place.feature) == ("Deir ez-Zor Airport", PlacePrecision.NEAR, "airport")
    assert place.basis.startswith("near 'Deir al-Zor airport': curated feature")


def test_the_most_specific_consistent_toponym_wins(gazetteer: MemoryGazetteer) -> None:
    toponyms = [top("Syria"), top("Jebel Tharda", start=20), top("Deir al-Zor airport", "near", 40)]
    place = resolve_place(toponyms, gazetteer)
    assert place is not None
    assert (place.name, place.precision, place.admin1) == ("Jebel Tharda", PlacePrecision.POINT, "Deir ez-Zor")
    assert "most specific of" in place.basis


def test_province_word_or_context_gives_admin1(gazetteer: MemoryGazetteer) -> None:
    for toponym in (top("Daraa Province"), top("Daraa", context="in the southern province of")):
        place = resolve_place([toponym], gazetteer)
        assert place is not None
        assert (place.name, place.precision, place.admin1) == ("Daraa Governorate", PlacePrecision.ADMIN1, "Daraa")


def test_bare_city_name_is_the_city_not_the_province(gazetteer: MemoryGazetteer) -> None:
    place = resolve_place([top("Daraa")], gazetteer)
    assert place is not None and place.precision is PlacePrecision.LOCALITY


def test_country_name_gives_country_precision(gazetteer: MemoryGazetteer) -> None:
    place = resolve_place([top("Syria")], gazetteer)
    assert place is not None and (place.precision, place.country) == (PlacePrecision.COUNTRY, "SY")
    assert place.basis == "'Syria': country name"


def test_locality_beats_country(gazetteer: MemoryGazetteer) -> None:
    place = resolve_place([top("Syria"), top("Idleb", start=10)], gazetteer)
    assert place is not None and place.name == "Idlib"


def test_unknown_names_stay_unresolved(gazetteer: MemoryGazetteer) -> None:
    assert resolve_place([top("Xanadu Heights")], gazetteer) is None
    assert resolve_place([], gazetteer) is None


def test_short_or_common_words_are_not_guessed_far_away(gazetteer: MemoryGazetteer) -> None:
    assert resolve_place([top("Bab"), top("Syria", start=10)], gazetteer).precision is PlacePrecision.COUNTRY
    assert resolve_place([top("Bab")], gazetteer) is None
    assert resolve_place([top("idlib")], gazetteer) is None  # lower case: not a name


# invented namesakes: a world city and a hamlet in the article's country
WORLD_CITY = PlaceCandidate("Lonborough", "GB", "England", 51.5, -0.1, 21, "city", 8_000_000)
HAMLET = PlaceCandidate("Lonborough", "US", "Ohio", 39.9, -83.4, 22, "city", 2_000)
USA = PlaceCandidate("United States", "US", None, 39.8, -98.6, 23, "country", 330_000_000)
OCEAN = PlaceCandidate("Westerly Ocean", None, None, 10.0, -25.0, None, "water", 0)
COUNTY = PlaceCandidate("Westerly County", "US", "Ohio", 39.4, -74.6, 24, "admin2", 270_000)


def test_a_world_city_beats_a_small_namesake_in_the_articles_country() -> None:
    gazetteer = MemoryGazetteer([WORLD_CITY, HAMLET, USA])
    place, _ = resolve_document([top("Lonborough"), top("United States", start=30)], gazetteer)
    assert place is not None and (place.country, place.geonames_id) == ("GB", 21)


def test_a_sea_is_scored_as_a_large_place_not_a_hamlet() -> None:
    gazetteer = MemoryGazetteer([(OCEAN, ("Westerly",)), (COUNTY, ("Westerly",))])
    place = resolve_place([top("Westerly")], gazetteer)
    assert place is not None and (place.name, place.feature) == ("Westerly Ocean", "water")


def test_a_country_named_as_actor_gives_way_to_a_finer_place_in_another_country(gazetteer: MemoryGazetteer) -> None:
    # "Iraq shelled Idlib": the country names who did it; the town is where
    place = resolve_place([top("Iraq"), top("Idlib", start=20)], gazetteer, country_hint="IQ")
    assert place is not None and (place.name, place.country) == ("Idlib", "SY")
    # two country names alone stay a country
    place = resolve_place([top("Iraq"), top("Syria", start=20)], gazetteer)
    assert place is not None and place.precision is PlacePrecision.COUNTRY


def test_a_country_written_as_a_demonym_gives_way_to_any_other_place(gazetteer: MemoryGazetteer) -> None:
    # "in Syrian strikes on villages in northern Iraq": the demonym names who struck, not where
    for order in ((top("Syrian"), top("Iraq", start=40)), (top("Iraq"), top("Syrian", start=40))):
        for hint in (None, "SY", "IQ"):
            place = resolve_place(list(order), gazetteer, country_hint=hint)
            assert place is not None and (place.name, place.precision) == ("Iraq", PlacePrecision.COUNTRY), hint
            assert "Syrian" not in place.basis
    # a finer place in the demonym's own country is still where
    place = resolve_place([top("Iraqi"), top("Idlib", start=20)], gazetteer)
    assert place is not None and place.name == "Idlib"
    # the demonym alone still gives its country, the last resort
    place = resolve_place([top("Syrian")], gazetteer)
    assert place is not None and (place.country, place.precision) == ("SY", PlacePrecision.COUNTRY)
    # a country written by its name keeps its rank ("Iraq shelled Syria")
    place = resolve_place([top("Iraq"), top("Syria", start=20)], gazetteer)
    assert place is not None and place.precision is PlacePrecision.COUNTRY


def test_the_city_of_a_region_s_name_is_the_regional_capital() -> None:
    region = PlaceCandidate("Kessaly", "SR", "Kessaly", 9.0, 30.0, 21, "admin1", 4_000_000)
    capital = PlaceCandidate("Kessaly", "SR", "Kessaly", 9.4, 30.6, 22, "city", 30_000)
    gaz = MemoryGazetteer([region, capital])
    bare = resolve_place([top("Kessaly")], gaz)
    assert bare is not None and bare.feature == "admin1"  # a small capital: the bare name is the region
    for toponym in (top("Kessaly", context="the city of"), top("Kessaly City"), top("Kessaly", context="town of")):
        place = resolve_place([toponym], gaz)
        assert place is not None and (place.feature, place.lat) == ("city", 9.4), toponym


def test_a_bare_name_shared_by_a_province_and_its_seat_is_the_town_even_filed_under_another_province() -> None:
    # invented: the data file the town under the wider region, the province under its own name
    town = PlaceCandidate("Qaryat Sela", "PS", "Coastal Strip", 31.30, 34.25, 11, "city", 120_000)
    province = PlaceCandidate("Qaryat Sela", "PS", "Qaryat Sela", 31.28, 34.28, 12, "admin1", 150_000)
    far = PlaceCandidate("Qaryat Sela", "PS", "Hill Country", 32.40, 35.30, 13, "city", 120_000)
    gaz = MemoryGazetteer([town, province])
    place = resolve_place([top("Qaryat Sela")], gaz)
    assert place is not None and (place.feature, place.precision) == ("city", PlacePrecision.LOCALITY)
    assert resolve_place([top("Qaryat Sela Province")], gaz).feature == "admin1"  # asked for by its word
    # a town of that name far from the province's centre is no seat: the province keeps its name
    place = resolve_place([top("Qaryat Sela")], MemoryGazetteer([far, province]))
    assert place is not None and place.feature == "admin1"


def test_a_bare_name_is_the_small_seat_town_at_the_centre_of_the_province_it_names() -> None:
    # invented: the town is too small to outrank the province by size, but it lies at its centre
    town = PlaceCandidate("Tel Amrin", "PS", "Hill Country", 32.46, 35.30, 21, "city", 35_000)
    province = PlaceCandidate("Tel Amrin", "PS", "Tel Amrin", 32.43, 35.24, 22, "admin1", 105_000)
    village = PlaceCandidate("Tel Amrin", "PS", "Hill Country", 32.42, 35.25, 23, "city", 2_000)
    place = resolve_place([top("Tel Amrin")], MemoryGazetteer([town, province]))
    assert place is not None and (place.feature, place.lat) == ("city", town.lat)
    # a village of that name is no seat: the province keeps its name
    place = resolve_place([top("Tel Amrin")], MemoryGazetteer([village, province]))
    assert place is not None and place.feature == "admin1"


def test_a_name_written_with_its_article_is_the_namesake_that_keeps_it() -> None:
    # invented: a small town written with an article, and a large "Varsi" abroad the lookup key folds it with
    home = PlaceCandidate("Ad Varsi", "YE", "Lahj", 13.7, 44.7, 61, "city", 12_000)
    abroad = PlaceCandidate("Varsi", "CN", "Yunnan", 25.6, 100.2, 62, "city", 240_000)
    gazetteer = MemoryGazetteer([home, abroad])
    place = resolve_place([top("Ad Varsi")], gazetteer)
    assert place is not None and place.country == "YE"
    place = resolve_place([top("Varsi")], gazetteer)
    assert place is not None and place.country == "CN"  # written bare: the larger
