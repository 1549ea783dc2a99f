"""An event told at a distance and bearing from a town ("in X, 30 km south of Y", X unknown): placed there."""

from ceasefire.geo import MemoryGazetteer, PlaceCandidate, resolve_document, resolve_place
from ceasefire.model import Evidence, PlacePrecision, Toponym, km_between

# invented: a town, the province named after it (centred far from it), and a village 28 km south of the town
VORN = PlaceCandidate("Vorn", "KM", "Vorn", 14.20, 1.45, 11, "city", 31_000)
VORN_PROVINCE = PlaceCandidate("Vorn", "KM", "Vorn", 14.90, 0.60, 12, "admin1", 400_000)
ULME = PlaceCandidate("Ulme", "KM", "Vorn", 13.95, 1.45, 13, "city", 2_000)
KAMERIA = PlaceCandidate("Kameria", "KM", None, 14.0, 2.0, 14, "country", 9_000_000)


def gazetteer() -> MemoryGazetteer:
    return MemoryGazetteer([VORN, VORN_PROVINCE, ULME, KAMERIA])


def top(text: str, name: str, context: str = "") -> Toponym:
    start = text.index(name)
    return Toponym(name, Evidence("text", start, start + len(name), name), context)


TEXT = "Raiders killed nine in the village of Tessa, about 30 km south of Vorn, on Monday; later Ulme was hit."


def test_an_unknown_village_told_by_distance_and_bearing_is_placed_there() -> None:
    place = resolve_place([top(TEXT, "Tessa", "village of"), top(TEXT, "Vorn", "30 km south of")], gazetteer())
    assert place is not None and place.precision is PlacePrecision.NEAR
    assert place.country == "KM" and place.geonames_id is None
    assert place.lat is not None and place.lon is not None
    assert round(km_between(VORN.lat, VORN.lon, place.lat, place.lon)) == 30 and place.lat < VORN.lat
    assert place.name == "30 km south of Vorn" and "30 km south of Vorn" in place.basis


def test_the_reference_town_is_the_town_not_the_province_named_after_it() -> None:
    place = resolve_place([top(TEXT, "Vorn", "30 km south of")], gazetteer())
    assert place is not None and place.lat is not None and place.lon is not None
    assert km_between(VORN.lat, VORN.lon, place.lat, place.lon) < 31  # measured from the town, not the province


def test_a_town_named_outright_wins_over_the_offset() -> None:
    place = resolve_place([top(TEXT, "Ulme"), top(TEXT, "Vorn", "30 km south of")], gazetteer())
    assert place is not None and (place.name, place.precision) == ("Ulme", PlacePrecision.LOCALITY)


def test_without_a_bearing_or_from_a_province_the_place_stays() -> None:
    near = resolve_place([top(TEXT, "Vorn", "12 km from")], gazetteer())
    assert near is not None and (near.lat, near.lon) in {(c.lat, c.lon) for c in (VORN, VORN_PROVINCE)}
    province = resolve_place([top(TEXT, "Vorn", "30 km south of; province")], gazetteer())
    assert province is not None and province.feature == "admin1" and province.lat == VORN_PROVINCE.lat


def test_geocoding_the_name_itself_does_not_move_it() -> None:
    (place,) = resolve_document([top(TEXT, "Vorn", "30 km south of")], gazetteer())
    assert place is not None and (place.name, place.lat, place.lon) == ("Vorn", VORN.lat, VORN.lon)
