"""Invented fixtures: a town name copied one letter off is the story country's town of that spelling."""

from ceasefire.geo import MemoryGazetteer, PlaceCandidate, resolve_document
from ceasefire.geo.names import one_edit
from ceasefire.model import Evidence, Toponym

MARSOVIA = PlaceCandidate("Marsovia", "MV", None, 48.0, 30.0, 1, "country", 9_000_000)
TELLANDIA = PlaceCandidate("Tellandia", "TL", None, 20.0, 10.0, 2, "country", 4_000_000)
# the real spelling of a front-line town, and a town abroad with the same slip of spelling
PROVIKA = PlaceCandidate("Prodivka", "MV", "East", 48.2, 31.5, 3, "city", 30_000)
PROVIKA_ABROAD = PlaceCandidate("Prodivka", "TL", "Coast", 20.3, 10.2, 4, "city", 80_000)
# a town two letters from a written name: no guess
KARMIDE = PlaceCandidate("Karmid", "MV", "East", 47.5, 29.0, 5, "city", 5_000)


def _gaz() -> MemoryGazetteer:
    return MemoryGazetteer([(MARSOVIA, ("Marsovian",)), TELLANDIA, PROVIKA, PROVIKA_ABROAD, KARMIDE])


def _top(text: str, name: str, within: str = "") -> Toponym:
    start = text.index(name)
    return Toponym(name, Evidence("text", start, start + len(name), name), "", within)


def test_one_edit_is_a_change_an_addition_a_loss_or_a_swap() -> None:
    assert one_edit("prodivka", "prodvika")  # neighbours swapped
    assert one_edit("prodivka", "prodivk")
    assert one_edit("prodivka", "prodiivka")
    assert one_edit("prodivka", "prodevka")
    assert not one_edit("prodivka", "prodivka")
    assert not one_edit("prodivka", "pordivak")
    assert not one_edit("komandar", "kamand")


def test_a_misspelt_town_is_the_one_in_the_country_the_text_puts_it_in() -> None:
    text = "A shell hit a house in Prodvika, eastern Marsovia, on Sunday."
    place, _ = resolve_document([_top(text, "Prodvika", "eastern Marsovia"), _top(text, "Marsovia")], _gaz())
    assert place is not None and (place.name, place.country) == ("Prodivka", "MV")
    assert "spelled one letter from Prodivka" in place.basis


def test_without_a_country_in_the_story_no_respelling_is_guessed() -> None:
    text = "Residents of Prodvika fled."
    assert resolve_document([_top(text, "Prodvika")], _gaz()) == [None]


def test_two_letters_off_or_a_short_name_is_no_respelling() -> None:
    text = "Shelling hit Kamandi and Prodvik in Marsovia."
    places = resolve_document([_top(text, "Kamandi"), _top(text, "Prodvik"), _top(text, "Marsovia")], _gaz())
    assert places[0] is None  # "Kamandi" is two edits from "Karmid"
    assert places[2] is not None and places[2].country == "MV"
