"""resolve_report: every mention of a report placed with the whole article as context."""

from ceasefire.geo import MemoryGazetteer, resolve_report
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
