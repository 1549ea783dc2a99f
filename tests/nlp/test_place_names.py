"""Toponyms the NER labels as organisations or misses, where the wording says a place is meant (invented text)."""

from __future__ import annotations

from ceasefire.nlp.doc_index import forget
from ceasefire.nlp.where_when import place_words, toponyms_in


def _found(extractor, text: str, labels: dict[str, str], *, seats: bool = True) -> list[tuple[str, str, str]]:
    """The (name, context, within) toponyms of ``text`` with the NER's entities set to ``labels`` (phrase -> label)."""
    doc = extractor.nlp(text)
    ents = []
    for phrase, label in labels.items():
        start = text.index(phrase)
        span = doc.char_span(start, start + len(phrase), label=label)
        assert span is not None, phrase
        ents.append(span)
    doc.ents = sorted(ents, key=lambda s: s.start)
    forget(doc)  # the entities the pipeline read are kept on the Doc: read these instead
    words = place_words()
    return [(doc.text[a:b], context, within) for sent in doc.sents
            for (a, b), context, within in toponyms_in(sent, words, seats=seats)]


def _names(extractor, text: str, labels: dict[str, str], *, seats: bool = True) -> list[tuple[str, str]]:
    """The (name, context) toponyms of ``text`` with the NER's entities set to ``labels``."""
    return [(name, context) for name, context, _ in _found(extractor, text, labels, seats=seats)]


def test_the_port_of_x_is_a_place_even_when_the_ner_calls_it_an_organisation(extractor) -> None:
    text = "A drone hit the port of Velsk Dara on Tuesday, killing three dock workers."
    assert ("Velsk Dara", "the port of") in _names(extractor, text, {"Velsk Dara": "ORG", "Tuesday": "DATE"})


def test_a_name_after_a_country_s_possessive_is_a_place(extractor) -> None:
    text = "Fighting in Marsovia's Tel Varra killed 30 civilians on Sunday."
    found = _names(extractor, text, {"Marsovia": "GPE", "Tel Varra": "ORG", "Sunday": "DATE"})
    assert [n for n, _ in found] == ["Marsovia", "Tel Varra"]


def test_an_organisation_after_a_country_s_possessive_is_no_place(extractor) -> None:
    for org in ("Armed Forces", "Defence Ministry", "Popular Front"):
        text = f"Marsovia's {org} shelled a village on Sunday."
        found = _names(extractor, text, {"Marsovia": "GPE", org: "ORG", "Sunday": "DATE"})
        assert org not in [n for n, _ in found]


def test_where_the_police_or_forces_speak_from_is_no_place_of_the_event(extractor) -> None:
    text = "Gunmen killed 16 villagers in Dalmia on Friday, police in Port Leman said."
    labels = {"16": "CARDINAL", "Dalmia": "GPE", "Friday": "DATE", "Port Leman": "GPE"}
    assert [n for n, _ in _names(extractor, text, labels, seats=False)] == ["Dalmia"]
    text = "Gunmen shot dead four police in Port Leman on Friday."
    labels = {"four": "CARDINAL", "Port Leman": "GPE", "Friday": "DATE"}
    assert [n for n, _ in _names(extractor, text, labels, seats=False)] == ["Port Leman"]  # the victims were there


def test_what_rebels_shell_or_storm_is_a_place_whatever_the_ner_calls_it(extractor) -> None:
    for verb in ("shelled", "stormed"):
        text = f"Rebels {verb} Kadira Baru on Friday, killing 15 civilians."
        found = _names(extractor, text, {"Kadira Baru": "PERSON", "Friday": "DATE", "15": "CARDINAL"})
        assert [n for n, _ in found] == ["Kadira Baru"], verb
    # a person attacked is no place
    text = "Gunmen attacked Kadira Baru on Friday."
    assert "Kadira Baru" not in [n for n, _ in _names(extractor, text, {"Kadira Baru": "PERSON", "Friday": "DATE"})]


def _within(extractor, text: str, labels: dict[str, str]) -> dict[str, str]:
    """Each toponym's name -> the place the text puts it in, with the NER's entities set to ``labels``."""
    return {name: within for name, _, within in _found(extractor, text, labels)}


def test_a_country_s_possessive_puts_the_province_in_it_whatever_follows_the_province(extractor) -> None:
    for tail in (", the district chief told reporters.", " on Friday.", ", where herders live."):
        text = f"Raiders burned two hamlets in Marsovia's Tamble province{tail}"
        found = _within(extractor, text, {"Marsovia": "GPE"})
        assert found["Tamble province"] == "Marsovia", tail


def test_a_country_s_name_the_ner_takes_for_a_person_or_an_organisation_is_a_place(extractor) -> None:
    text = "Chad's army said raiders burned two hamlets in Lac province on Friday."
    found = _within(extractor, text, {"Chad": "PERSON", "Friday": "DATE"})
    assert "Chad" in found
    text = "Chadian troops said raiders burned two hamlets in Lac province on Friday."
    assert "Chadian" not in _within(extractor, text, {"Chadian": "NORP"})  # a people


def test_a_name_the_ner_took_for_a_product_or_an_organisation_before_a_region_is_a_place(extractor) -> None:
    text = "Raiders burned two hamlets in Marsovia's Velbura region on Friday."
    for label in ("PRODUCT", "ORG"):
        found = _within(extractor, text, {"Marsovia": "GPE", "Velbura": label, "Friday": "DATE"})
        assert found.get("Velbura region") == "Marsovia", label
        assert "Velbura" not in found  # the name and its noun, once
    text = "Fighters loyal to the Tamble State movement burned two hamlets on Friday."
    assert not _within(extractor, text, {"Tamble State": "ORG", "Friday": "DATE"})  # a capitalised noun: a name


def test_a_distance_and_bearing_before_a_name_is_its_context(extractor) -> None:
    text = "Raiders burned Oddo, 35 kilometres (22 miles) northeast of the capital Tarsk, on Friday."
    found = dict(_names(extractor, text, {"Oddo": "GPE", "Tarsk": "GPE", "Friday": "DATE"}))
    assert found["Tarsk"] == "35 kilometres (22 miles) northeast of the capital"
    text = "A mine killed two herders 18km south-west of the border town of Kessel on Friday."
    found = dict(_names(extractor, text, {"Kessel": "GPE", "Friday": "DATE"}))
    assert found["Kessel"] == "18km south-west of the border town of"


def test_a_town_s_possessive_before_its_warplanes_names_the_side_that_struck(extractor) -> None:
    text = "Tarsk's warplanes struck two depots in northern Marsovia on Saturday, killing five."
    labels = {"Tarsk": "GPE", "Marsovia": "GPE", "Saturday": "DATE"}
    assert [n for n, _ in _names(extractor, text, labels, seats=False)] == ["Marsovia"]
    text = "Chad's army said raiders burned two hamlets on Saturday."  # a country so written stays a place
    assert [n for n, _ in _names(extractor, text, {"Chad": "GPE", "Saturday": "DATE"}, seats=False)] == ["Chad"]


def test_a_name_the_ner_took_for_a_work_of_art_on_the_outskirts_of_is_a_place(extractor) -> None:
    text = "Insurgents ambushed a patrol on the outskirts of Vila da Serra on Friday."
    found = _names(extractor, text, {"Vila da Serra": "WORK_OF_ART", "Friday": "DATE"})
    assert ("Vila da Serra", "on the outskirts of") in found
    text = "Insurgents read from Songs of Serra on Friday."  # not where a place is expected
    assert _names(extractor, text, {"Songs of Serra": "WORK_OF_ART", "Friday": "DATE"}) == []


def test_the_second_town_of_a_road_between_two_is_a_place(extractor) -> None:
    text = "Gunmen ambushed a bus on the road between Kessel and Ulmvar on Sunday."
    found = [n for n, _ in _names(extractor, text, {"Kessel": "GPE", "Sunday": "DATE"})]
    assert found == ["Kessel", "Ulmvar"]
