"""resolve_report: every mention of a report placed with the whole article as context."""

from ceasefire.geo import MemoryGazetteer, PlaceCandidate, resolve_document, resolve_report, story_country
from ceasefire.model import Evidence, Mention, PlacePrecision, Toponym

TEXT = ("On Saturday jets hit Jebel Tharda near Deir al-Zor airport. "
        "Rockets fell a day later on villages across the southern Daraa Province. "
        "Syria said the truce held; clashes were reported in Idleb. "
        "Nothing was heard from Zorblat.")


def top(name: str, context: str = "") -> Toponym:
    start = TEXT.index(name)
    return Toponym(name, Evidence("text", start, start + len(name), name), context)


def mention(*toponyms: Toponym, around: tuple[Toponym, ...] = ()) -> Mention:
    trigger = Evidence("text", toponyms[0].evidence.start if toponyms else 0, 1, "x")
    return Mention("r1", "a1", 1, trigger, toponyms=toponyms, context_toponyms=around)


def test_each_mention_gets_its_place_from_the_whole_report(gazetteer: MemoryGazetteer) -> None:
    strike = mention(top("Jebel Tharda"), top("Deir al-Zor airport", "near"))
    daraa = mention(top("Daraa Province", "the southern"))
    truce = mention(top("Syria"), around=(top("Idleb"),))
    unknown = mention(top("Zorblat"))
    places = resolve_report([strike, daraa, truce, unknown], gazetteer)
    tharda, province, idlib, none = places
    assert tharda is not None
    assert (tharda.name, tharda.country, tharda.admin1, tharda.precision) == (
        "Jebel Tharda", "SY", "Deir ez-Zor", PlacePrecision.POINT)
    assert province is not None and (province.precision, province.admin1) == (PlacePrecision.ADMIN1, "Daraa")
    assert idlib is not None and idlib.name == "Idlib" and idlib.basis.startswith("named near the mention")
    assert none is None  # a mention's place is never a guess
    assert resolve_report([], gazetteer) == []


# invented: a region named with generic words exists in two countries; the larger is abroad
KAMERIA = PlaceCandidate("Kameria", "KM", None, 6.0, 12.0, 101, "country", 28_000_000)
NW_HOME = PlaceCandidate("North-West", "KM", "North-West", 6.2, 10.3, 102, "admin1", 900_000)
NW_ABROAD = PlaceCandidate("North West", "ZZ", "North West", -26.6, 26.0, 103, "admin1", 2_300_000)
ZEDLAND = PlaceCandidate("Zedland", "ZZ", None, -29.0, 25.0, 104, "country", 60_000_000)
# a town at home, and a larger town abroad that has the home town's name as an old alternate name
LOMARA = PlaceCandidate("Lomara", "KM", "North-West", 6.0, 10.2, 105, "city", 3_000)
LOMARA_ABROAD = PlaceCandidate("New Hollis", "ZZ", "Coast", -30.0, 30.0, 106, "city", 400_000)
CAPITAL = PlaceCandidate("Zed City", "ZZ", "Capital", -25.7, 28.2, 107, "city", 2_000_000)


def _story_gazetteer() -> MemoryGazetteer:
    return MemoryGazetteer([
        (KAMERIA, ("Kamerian",)), (NW_HOME, ("North West",)), NW_ABROAD, (ZEDLAND, ("Zedlander",)),
        LOMARA, (LOMARA_ABROAD, ("Lomara",)), CAPITAL,
    ])


def _at(text: str, name: str) -> Toponym:
    start = text.index(name)
    return Toponym(name, Evidence("text", start, start + len(name), name))


def test_the_story_country_comes_from_all_the_events_places_together() -> None:
    text = ("Gunmen attacked a village in the North West Region. Kamerian soldiers were ambushed later. "
            "Lomara was shelled.")
    # alone, each event's place would be the larger namesake abroad; together they are at home
    events = [[_at(text, "North West Region")], [_at(text, "Kamerian")], [_at(text, "Lomara")]]
    assert story_country(events, _story_gazetteer()) == "KM"
    # alone, a region named by generic words could be any country's: no guess at the largest
    assert story_country([[_at(text, "North West Region")]], _story_gazetteer()) is None


def test_a_generic_region_the_text_puts_in_a_country_is_that_country_s() -> None:
    text = "Gunmen attacked a village in the North West Region of Kameria."
    bare = _at(text, "the North West Region")
    placed = Toponym(bare.name, bare.evidence, "region", "Kameria")
    (place,) = resolve_document([placed], _story_gazetteer(), fill=False)
    assert place is not None and (place.country, place.feature) == ("KM", "admin1")
    assert resolve_document([bare], _story_gazetteer(), fill=False) == [None]


def test_a_dateline_or_a_speaker_s_city_is_no_event_place() -> None:
    text = "ZED CITY - Lomara, in Kameria, was shelled, officials in Zed City said."
    # only the events' own toponyms are given: the dateline and the speakers' seat never vote
    events = [[_at(text, "Lomara"), _at(text, "Kameria")], []]
    assert story_country(events, _story_gazetteer()) == "KM"
    assert story_country([], _story_gazetteer()) is None


def test_a_demonym_beside_a_country_s_name_does_not_make_the_story_country(gazetteer: MemoryGazetteer) -> None:
    text = "Three fishermen died in Syrian shelling of a village in northern Iraq."
    assert story_country([[_at(text, "Syrian"), _at(text, "Iraq")]], gazetteer) == "IQ"
    assert story_country([[_at(text, "Syrian")]], gazetteer) == "SY"  # named alone, it is the last resort
