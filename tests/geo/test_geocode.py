"""geocode_lines and resolve_document: whole articles resolved together."""

from ceasefire.geo import MemoryGazetteer, PlaceCandidate
from ceasefire.geo.document import resolve_document
from ceasefire.geo.geocode import geocode_lines
from ceasefire.model import Evidence, PlacePrecision, Toponym

from .conftest import DEIR_CITY, IDLIB

# invented towns: two "Millbrook"s, one beside "Harbour City", the other larger and far away
HARBOUR = PlaceCandidate("Harbour City", "US", "Loamshire", 30.0, -90.0, 11, "city", 400_000)
MILLBROOK_NEAR = PlaceCandidate("Millbrook", "US", "Loamshire", 30.2, -90.1, 12, "city", 3_000)
MILLBROOK_FAR = PlaceCandidate("Millbrook", "US", "Westland", 45.0, -120.0, 13, "city", 30_000)
LOAMSHIRE = PlaceCandidate("Loamshire", "US", "Loamshire", 31.0, -91.0, 14, "admin1", 4_000_000)
ALBION = PlaceCandidate("Albion", "AL", None, 50.0, 10.0, 15, "country", 9_000_000)


def gaz() -> MemoryGazetteer:
    return MemoryGazetteer([HARBOUR, MILLBROOK_NEAR, MILLBROOK_FAR, LOAMSHIRE, ALBION, DEIR_CITY, IDLIB])


def top(text: str, name: str) -> Toponym:
    start = text.index(name)
    return Toponym(name, Evidence("text", start, start + len(name), name))


def test_a_town_is_the_one_near_the_other_places_named() -> None:
    text = "Flooding in Harbour City spread to Millbrook."
    places = resolve_document([top(text, "Harbour City"), top(text, "Millbrook")], gaz())
    assert places[1] is not None and places[1].geonames_id == MILLBROOK_NEAR.geonames_id
    alone = resolve_document([top(text, "Millbrook")], gaz())
    assert alone[0] is not None and alone[0].geonames_id == MILLBROOK_FAR.geonames_id  # alone: the larger


def test_a_street_falls_back_to_the_town_named_before_it() -> None:
    text = "In Harbour City, a fire broke out on Canal Street."
    harbour, street = resolve_document([top(text, "Harbour City"), top(text, "Canal Street")], gaz())
    assert street is not None and street.geonames_id == HARBOUR.geonames_id
    assert street.precision is PlacePrecision.LOCALITY and street.as_written == "Canal Street"
    assert "Canal Street" in street.basis and "Harbour City" in street.basis


def test_a_body_named_after_a_place_is_placed_there() -> None:
    text = "The Loamshire County Council met in Harbour City."
    council = resolve_document([top(text, "Loamshire County Council"), top(text, "Harbour City")], gaz())[0]
    assert council is not None and council.name == "Loamshire" and council.precision is PlacePrecision.ADMIN1


def test_an_unknown_name_stays_unresolved_and_is_not_guessed() -> None:
    text = "Witnesses in Xanadu Heights and Zorblat saw smoke."
    assert resolve_document([top(text, "Xanadu Heights"), top(text, "Zorblat")], gaz()) == [None, None]


def test_geocode_lines_fills_every_toponym() -> None:
    text = "Shelling near Deir Ezzor and in Idleb; nothing in Zorblat or on Zorblat Street."
    names = ("Deir Ezzor", "Idleb", "Zorblat", "Zorblat Street")
    spans = [{"start": text.index(n), "end": text.index(n) + len(n), "name": n} for n in names]
    [out] = geocode_lines([{"id": "a1", "text": text, "toponyms": spans, "extra": 1}], gaz())
    assert out["id"] == "a1" and out["extra"] == 1
    deir, idlib, unknown, street = out["toponyms"]
    assert (deir["geonames_id"], deir["country"], deir["precision"]) == (170794, "SY", "near")
    assert (deir["lat"], deir["lon"], deir["admin1"]) == (DEIR_CITY.lat, DEIR_CITY.lon, "Deir ez-Zor")
    assert deir["start"] == spans[0]["start"] and deir["name"] == "Deir Ezzor"
    assert (idlib["geonames_id"], idlib["precision"]) == (IDLIB.geonames_id, "locality")
    # a one-word name the gazetteer lacks stays unresolved: it may be a place anywhere
    assert (unknown["precision"], unknown["lat"], unknown["country"]) == ("unknown", None, None)
    # a street the gazetteer lacks is taken to lie in the town named before it, and says so
    assert (street["precision"], street["lat"], street["country"]) == ("locality", IDLIB.lat, "SY")
    assert "'Zorblat Street': a street, building or body taken to be in Idlib" in street["basis"]
    [alone] = geocode_lines([{"id": "a2", "text": "Zorblat.", "toponyms": [{"start": 0, "end": 7}]}], gaz())
    assert alone["toponyms"][0]["precision"] == "unknown"
    assert all(alone["toponyms"][0][k] is None for k in ("lat", "lon", "geonames_id", "country", "admin1"))


def test_geocode_lines_finds_toponyms_when_none_are_given() -> None:
    text = "Clashes in Idlib."

    def find(t: str) -> list[tuple[int, int, str]]:
        return [(t.index("Idlib"), t.index("Idlib") + 5, "Idlib")]

    [out] = geocode_lines([{"id": "b", "text": text}], gaz(), find=find)
    assert [t["geonames_id"] for t in out["toponyms"]] == [IDLIB.geonames_id]
    [bare] = geocode_lines([{"id": "c", "text": text}], gaz())
    assert bare["toponyms"] == []
    [given] = geocode_lines([{"id": "d", "text": text, "toponyms": [{"start": 11, "end": 16}]}], gaz(), find=find)
    assert given["toponyms"][0]["name"] == "Idlib"  # the name is taken from the text when missing


def test_each_occurrence_of_a_name_keeps_its_own_qualifier() -> None:
    text = "Shelling near Idlib. Later, crowds gathered in Idlib."
    first = Toponym("Idlib", Evidence("text", 14, 19, "Idlib"), "near")
    second = Toponym("Idlib", Evidence("text", 47, 52, "Idlib"), "")
    near, plain = resolve_document([first, second], gaz())
    assert near is not None and plain is not None and near.geonames_id == plain.geonames_id
    assert (near.precision, plain.precision) == (PlacePrecision.NEAR, PlacePrecision.LOCALITY)
    assert text[47:52] == "Idlib" and not plain.basis.startswith("near")


def test_without_filling_unknown_names_stay_none() -> None:
    text = "Shelling in Idleb; nothing in Zorblat."
    assert resolve_document([top(text, "Idleb"), top(text, "Zorblat")], gaz(), fill=False)[1] is None
