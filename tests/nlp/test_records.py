"""Extractor.extract end to end: mentions, grouping, places, times, and the offsets invariant."""

from __future__ import annotations

import pytest

from ceasefire.model import Article, Evidence, Report

from .conftest import claims_of, make_report

pytestmark = pytest.mark.model

STORY = (
    "WIRE DESK\n\n"
    "(March 3, 2021) — Government warplanes bombed a rebel position near Kafr Tala in Idlib province on Saturday, "
    "killing at least 14 fighters, the Idlib Monitoring Centre said.\n\n"
    "The Idlib Monitoring Centre added that 30 others were wounded.\n\n"
    "Separately, a roadside bomb hit a bus 12 km south of Hama yesterday. Four passengers were killed.\n"
)


def assert_evidence_valid(report: Report, ev: Evidence) -> None:
    assert report.article.field_text(ev.field)[ev.start : ev.end] == ev.quote
    assert ev.quote == ev.quote.strip() and ev.quote


def all_evidence(mentions):
    for m in mentions:
        yield m.trigger
        for c in m.claims:
            yield c.evidence
        for t in m.toponyms:
            yield t.evidence
        for t in m.timexes:
            yield t.evidence


def test_offsets_count_in_the_input_article(extractor) -> None:
    body_start = STORY.index("(March")
    title = "Warplanes kill 14 fighters in Idlib: monitor"
    rep = make_report(STORY, title=title, body_start=body_start)
    mentions = extractor.extract([rep])[0]
    evs = list(all_evidence(mentions))
    assert evs
    for ev in evs:
        assert_evidence_valid(rep, ev)
    assert {ev.field for ev in evs} == {"title", "text"}
    assert min(ev.start for ev in evs if ev.field == "text") >= body_start


def test_grouping_places_and_times(extractor) -> None:
    rep = make_report(STORY)
    mentions = extractor.extract([rep])[0]
    air = next(m for m in mentions if m.sub_event_type == "Air/drone strike")
    assert {(c.kind.value, c.figure.min, c.figure.max) for c in air.claims} == {
        ("killed", 14, None),
        ("wounded", 30, 30),
    }
    assert all(c.source.name == "Idlib Monitoring Centre" for c in air.claims)
    assert "Idlib" in {t.name for t in air.toponyms}
    assert any(t.text in ("on Saturday", "Saturday") for t in air.timexes)
    ied = next(m for m in mentions if m.sub_event_type == "Remote explosive/landmine/IED")
    assert [(c.figure.min, c.source.name) for c in ied.claims] == [(4, "Wire Daily")]
    hama = next(t for t in ied.toponyms if t.name == "Hama")
    assert hama.context == "12 km south of"
    assert any("yesterday" in t.text for t in ied.timexes)
    for m in mentions:
        assert m.report_key == rep.key and m.article_id == "a1" and m.part == 1


def test_a_claim_without_any_trigger_makes_its_own_mention(extractor) -> None:
    rep = make_report("Officials said 9 people died on Tuesday. Later 3 more people died.")
    mentions = extractor.extract([rep])[0]
    assert len(mentions) == 1
    (m,) = mentions
    assert m.event_type is None
    assert [c.figure.min for c in m.claims] == [9, 3]
    assert m.trigger.quote.startswith("Officials said 9 people died")


def test_a_claim_before_the_first_trigger_joins_the_next_mention(extractor) -> None:
    rep = make_report("Seven people were killed on Monday. The army blamed an air strike by rebel drones.")
    (m,) = extractor.extract([rep])[0]
    assert m.sub_event_type == "Air/drone strike"
    assert [c.figure.min for c in m.claims] == [7]


def test_one_list_per_report_in_order(extractor) -> None:
    reports = [make_report("Nothing happened today.", article_id="x"), make_report(STORY, article_id="y")]
    out = extractor.extract(reports, batch_size=1)
    assert len(out) == 2 and out[0] == []
    assert {m.article_id for m in out[1]} == {"y"}


def test_upper_case_wire_text(extractor) -> None:
    text = (
        "PORT LEMAN, 4 MAR 91 (RADIO DEL SUR) -- [TEXT] FIFTY PEASANTS WERE KILLED AND 12 WOUNDED "
        "WHEN ARMY HELICOPTERS BOMBED THE VILLAGE OF SAN TELMO, THE HUMAN RIGHTS OFFICE SAID TODAY.\n\n"
        "THE OFFICE SAID THE ATTACK LASTED TWO HOURS."
    )
    rep = make_report(text, outlet=None)
    mentions = extractor.extract([rep])[0]
    claims = claims_of(mentions)
    assert {(c.kind.value, c.figure.min, c.figure.max) for c in claims} == {("killed", 50, 50), ("wounded", 12, 12)}
    for ev in all_evidence(mentions):
        assert_evidence_valid(rep, ev)
    assert all(c.evidence.quote.isupper() for c in claims)  # cut from the original, not the model's copy
    assert all("HUMAN RIGHTS OFFICE" in c.source.name for c in claims)


def test_headline_standing_in_the_text_keeps_field_text(extractor) -> None:
    text = "Blast kills six in market\n\nA bomb killed six shoppers in the market on Friday."
    head = Evidence("text", 0, 25, text[:25])
    rep = Report(Article(id="h", text=text, outlet="Wire Daily"), "d", 1, 27, len(text), head, outlet="Wire Daily")
    mentions = extractor.extract([rep])[0]
    claims = claims_of(mentions)
    assert sorted((c.evidence.start, c.figure.min) for c in claims) == [(0, 6), (27, 6)]
    for ev in all_evidence(mentions):
        assert_evidence_valid(rep, ev)


def test_a_claim_joins_the_mention_that_names_its_place(extractor) -> None:
    rep = make_report(
        "Artillery shelled a school in Kafr Suda on Monday. "
        "Separately, gunmen ambushed a convoy near Dalmia. "
        "Doctors said 11 people were killed in Kafr Suda."
    )
    mentions = extractor.extract([rep])[0]
    shelling = next(m for m in mentions if m.sub_event_type == "Shelling/artillery/missile attack")
    assert [c.figure.min for c in shelling.claims] == [11]


def test_the_date_of_a_statement_does_not_date_the_event(extractor) -> None:
    rep = make_report(
        "Gunman kills two at factory\n\n"
        "A former worker returned with a handgun and killed two colleagues, police said Friday."
    )
    mentions = extractor.extract([rep])[0]
    assert mentions and not any("Friday" in t.text for m in mentions for t in m.timexes)
    rep = make_report("The army said on Saturday that jets bombed a rebel base near Dalmia.")
    (m,) = extractor.extract([rep])[0]
    assert any("Saturday" in t.text for t in m.timexes)  # the statement reports the event itself


def test_the_date_a_toll_was_revised_does_not_date_the_event(extractor) -> None:
    rep = make_report("Rebels shelled the market in Tarsa. The toll was revised on Wednesday by the governor to seven dead.")
    mentions = extractor.extract([rep])[0]
    assert mentions and not any("Wednesday" in t.text for m in mentions for t in m.timexes)


def test_a_headline_figure_goes_where_the_body_tells_it(extractor) -> None:
    text = (
        "Police clashed with protesters in Port Leman on Wednesday.\n"
        "Two pharmacy clerks were killed. Their shop burned after a man threw a Molotov cocktail inside."
    )
    (rep,) = [make_report(text, title="Two killed in Port Leman pharmacy fire")]
    mentions = extractor.extract([rep])[0]
    bomb = next(m for m in mentions if m.trigger.quote == "Molotov cocktail")
    assert sorted(c.evidence.field for c in bomb.claims) == ["text", "title"]  # the paragraph's event, not the first


def test_a_possessive_place_name_is_looked_up_without_its_s(extractor) -> None:
    (m,) = extractor.extract([make_report("Jets bombed a refugee camp in Syria's north on Monday, killing 12.")])[0]
    assert "Syria" in [t.name for t in m.toponyms]
    assert all(not t.name.endswith("'s") for t in m.toponyms)


def test_a_name_before_an_admin_noun_is_a_toponym_even_when_the_ner_misses_it(extractor) -> None:
    (m,) = extractor.extract([make_report("Jets bombed the Lorwa camp in war-torn Tamble State on Monday, killing 4.")])[0]
    assert "Tamble State" in [t.name for t in m.toponyms]


def test_the_seat_of_a_speaker_places_no_event(extractor) -> None:
    text = "Jets bombed a market on Monday, killing 4, the government in Port Leman said."
    (m,) = extractor.extract([make_report(text)])[0]
    assert "Port Leman" not in [t.name for t in m.toponyms]


def test_a_week_told_before_about_the_same_place_frames_the_weekday(extractor) -> None:
    text = (
        "Gunmen raided a depot in Dalmia on Friday, killing a clerk.\n\n"
        "Friday's raid follows three attacks last week in Port Leman and Tessaly.\n\n"
        "In Port Leman on Tuesday, a man shot dead a guard."
    )
    mentions = extractor.extract([make_report(text)])[0]
    later = next(m for m in mentions if any(t.name == "Port Leman" for t in m.toponyms))
    assert [t.text for t in later.timexes if t.frame] == ["last week"]
    first = mentions[0]  # "Friday's raid follows ..." refers back: its places are the other events'
    assert [t.name for t in first.toponyms] == ["Dalmia"]
    assert not any(t.frame for t in first.timexes)


def test_where_people_come_from_is_no_place_of_the_event(extractor) -> None:
    text = "Jets bombed a camp in Dalmia on Monday, sheltering families fleeing from fighting in Port Leman."
    (m,) = extractor.extract([make_report(text)])[0]
    assert [t.name for t in m.toponyms] == ["Dalmia"]
    text = "The toll from Monday's shelling of a market in Dalmia rose to 15, officials said."
    (m,) = extractor.extract([make_report(text)])[0]
    assert [t.name for t in m.toponyms] == ["Dalmia"]


def test_the_seat_of_an_x_based_firm_places_no_event(extractor) -> None:
    text = "A gunman shot two guards in Dalmia on Monday, said an analyst at a London-based security firm."
    (m,) = extractor.extract([make_report(text)])[0]
    assert [t.name for t in m.toponyms] == ["Dalmia"]


def test_a_proper_noun_where_a_place_is_expected_is_looked_up_even_without_an_ner_label(extractor) -> None:
    from ceasefire.nlp.where_when import place_words, toponyms_in

    words = place_words()
    (rep,) = [make_report("Shelling hit a market on the western edge of Lorwa on Sunday, killing 4.")]
    (m,) = extractor.extract([rep])[0]
    assert ("Lorwa", "edge of") in [(t.name, t.context) for t in m.toponyms]
    doc = extractor.nlp("Rioters threw Molotov cocktails at the police on Monday.")
    assert [doc.text[a:b] for sent in doc.sents for (a, b), _, _ in toponyms_in(sent, words)] == []


def test_the_y_district_of_x_puts_y_in_x(extractor) -> None:
    (m,) = extractor.extract([make_report("Shells hit the Lenivka district of Tamble on Sunday, killing 4.")])[0]
    found = {t.name: t for t in m.toponyms}
    assert found["Lenivka"].within == "Tamble"
    assert found["Tamble"].context == ""  # the district is Lenivka, not Tamble


def test_the_x_region_of_y_and_y_s_x_region_put_x_in_y(extractor) -> None:
    (m,) = extractor.extract([make_report("Gunmen killed 12 villagers in the South West Region of Kameria on Sunday.")])[0]
    assert {t.name: t.within for t in m.toponyms}["the South West Region"] == "Kameria"
    (m,) = extractor.extract([make_report("Gunmen killed 12 villagers in Kameria's South West region on Sunday.")])[0]
    assert {t.name: t.within for t in m.toponyms}["South West"] == "Kameria"


def test_y_province_s_x_names_x_inside_the_province_not_the_province_as_a_place(extractor) -> None:
    for text in ("Shells killed 9 tourists at a resort in Darvan province's Kessa on Sunday.",
                 "Shells killed 9 tourists at a resort in Darvan Province's Kessa on Sunday."):
        (m,) = extractor.extract([make_report(text)])[0]
        assert [(t.name, t.within) for t in m.toponyms] == [("Kessa", "Darvan province")]


def test_a_container_keeps_the_lower_case_parts_of_its_name(extractor) -> None:
    text = "A drone hit a truck near the town of Qasrah in Deir ez-Zor province on Friday, killing 5 people."
    (m,) = extractor.extract([make_report(text)])[0]
    assert {t.name: t.within for t in m.toponyms}["Qasrah"] in ("Deir ez-Zor", "Deir ez-Zor province")


def test_x_comma_eastern_y_puts_x_in_y(extractor) -> None:
    (m,) = extractor.extract([make_report("A shell hit a house in Vostrana, eastern Marsovia, on Sunday, killing 3.")])[0]
    found = {t.name: t for t in m.toponyms}
    assert found["Vostrana"].within == "Marsovia"


def _two_clauses(extractor, text: str, first: str, second: str) -> dict:
    """The mentions of a one-sentence report by the places they name; ``first`` and ``second`` in two of them."""
    by_place = {t.name: m for m in extractor.extract([make_report(text)])[0] for t in m.toponyms}
    assert {first, second} <= by_place.keys()
    assert by_place[first] is not by_place[second]
    return by_place


def test_coordinated_clauses_with_their_own_trigger_and_place_are_two_mentions(extractor) -> None:
    by_place = _two_clauses(
        extractor,
        "The Varnish Health Ministry said an air strike on the village of Aldmoor killed five people while "
        "another air strike on the village of Brenna killed four on Monday.",
        "Aldmoor",
        "Brenna",
    )
    assert [c.figure.min for c in by_place["Aldmoor"].claims] == [5]
    assert [c.figure.min for c in by_place["Brenna"].claims] == [4]


def test_a_bare_strike_tells_a_clause_s_event_beside_another_trigger(extractor) -> None:
    by_place = _two_clauses(
        extractor,
        "A strike in Lorwen killed three people on Monday, and a farmer was killed by a drone strike "
        "near Pastovo while driving his tractor.",
        "Lorwen",
        "Pastovo",
    )
    assert by_place["Lorwen"].sub_event_type == "Air/drone strike"
    assert [c.figure.min for c in by_place["Lorwen"].claims] == [3]
    # alone, a bare strike is no trigger: a labour strike tells no violence; nor is one without a toll of its own
    assert extractor.extract([make_report("Dock workers in Lorwen began a strike on Monday over pay.")])[0] == []
    rep = make_report("A general strike shut the port of Lorwen on Monday, and a bomb exploded near Pastovo, killing 2.")
    assert [m.sub_event_type for m in extractor.extract([rep])[0]] == ["Remote explosive/landmine/IED"]


def test_x_comma_a_town_in_y_puts_x_in_y(extractor) -> None:
    rep = make_report("Gunmen ambushed a convoy in Pastovo, a town in the municipality of Lorwen, killing 6 on Monday.")
    (m,) = extractor.extract([rep])[0]
    found = {t.name: t for t in m.toponyms}
    assert found["Pastovo"].within == "Lorwen"
    assert "town" in found["Pastovo"].context


def test_a_clause_without_a_place_of_its_own_stays_with_its_event(extractor) -> None:
    rep = make_report("Gunmen stormed a checkpoint in Aldmoor on Monday, and an air strike killed four soldiers there.")
    mentions = extractor.extract([rep])[0]
    assert len(mentions) == 1


def test_the_strike_refers_back_whatever_its_sentence_names(extractor) -> None:
    text = (
        "A mortar attack on a school in Velmora killed 11 people on Monday, medics said. "
        "The strike hit the school's yard in the Dorvast quarter minutes after classes ended on Monday, a teacher said."
    )
    (m,) = extractor.extract([make_report(text)])[0]
    assert m.sub_event_type == "Shelling/artillery/missile attack"


def test_what_came_from_the_strike_on_a_later_day_does_not_date_it(extractor) -> None:
    text = (
        "Shelling hit the village of Kessmar on Monday, killing five. "
        "Rubble from the strike was cleared on Wednesday by volunteers."
    )
    (m,) = extractor.extract([make_report(text)])[0]
    assert "Wednesday" not in {t.evidence.quote for t in m.timexes}


def test_a_headline_s_bare_strikes_without_a_toll_leave_the_event_to_the_body(extractor) -> None:
    rep = make_report(
        "A drone strike on a car near Velmora killed three men on Sunday, officials said.",
        title="Dorvast truce frays amid strikes on both sides",
    )
    (m,) = extractor.extract([rep])[0]
    assert m.trigger.field == "text"


def test_a_clash_verb_with_no_place_of_its_own_is_no_reference_to_the_event_told_before(extractor) -> None:
    rep = make_report(
        "Two clerks were killed when demonstrators angry at new taxes hurled petrol bombs into a pharmacy in Varnholm "
        "on Friday. Thousands of teachers marched through the streets and hooded youths clashed with officers in "
        "helmets, who fired volleys of tear gas."
    )
    mentions = extractor.extract([rep])[0]
    assert len(mentions) == 2  # "clashed" tells its own event; only a noun ("in the fighting") refers back
    assert mentions[1].trigger.quote == "clashed"


@pytest.mark.parametrize("text", [
    "Radio Varna at 1415 GMT reported that the judge was seriously wounded.",
    "TARSK, 3 MAY 91 (WIRE) -- RADIO TARSK AT 0930 HRS REPORTS THAT A JUDGE WAS SERIOUSLY WOUNDED.",
])
def test_four_figures_before_a_time_zone_are_a_clock_time_no_year(extractor, text: str) -> None:
    (m,) = extractor.extract([make_report(text)])[0]
    assert not [t for t in m.timexes if any(ch.isdigit() for ch in t.evidence.quote) and "MAY" not in t.evidence.quote]


def test_the_attacker_s_own_account_with_no_place_of_its_own_is_the_event_told_before(extractor) -> None:
    rep = make_report(
        "A rocket hit a school in the centre of Dorval on Friday, killing three teachers, the mayor said. "
        "Turkey's army said its forces had struck a command post in the town."
    )
    mentions = extractor.extract([rep])[0]
    assert len(mentions) == 1  # "Turkey's" owns the speaker; it tells no new place
