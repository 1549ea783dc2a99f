"""ingest.copies: a report's content, its fingerprint, and which reports are copies of which (pure)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ceasefire.ingest import find_originals, fingerprint, split_reports
from ceasefire.ingest.copies import content_words, original_of, remember, rules, similarity
from ceasefire.model import Article, Original, Report
from tests.wire import CARRIED, OTHER, STORY

OTHER_PART = (
    "Convoy Hit on the Coast Road\n"
    "By Ola Brant (Valley Post)\n\n"
    "PORT LEMAN, March 3 (Valley Post) - A roadside bomb struck a supply convoy on the coast road south of Port "
    "Leman on Sunday evening, killing two drivers, the port authority said. Nobody claimed the attack.\n"
)


def _report(text: str, article_id: str = "a", **fields: object) -> Report:
    return split_reports(Article(id=article_id, text=text, **fields), f"sha-{article_id}")[0]


def _page(*parts: str) -> str:
    return "Evening Digest\n\n" + "\n\n".join(parts)


def _as_part(story: str, headline: str = "Market Shelled in Saraqib") -> str:
    return f"{headline}\nBy Mara Telling (Evening Lantern)\n\n{story}"


def test_the_same_text_in_a_txt_file_and_a_jsonl_line_has_one_fingerprint() -> None:
    as_file = _report(STORY, "notes/kharbek.txt")
    as_line = _report(STORY, "wire-1", title="Shells kill 12 in Saraqib", outlet="Wire One",
                      publication_date=date(2024, 3, 4))
    a, b = fingerprint(as_file), fingerprint(as_line)
    assert a.body_hash is not None and a.body_hash == b.body_hash
    assert a.bands == b.bands and len(a.bands) == rules().bands
    assert similarity(as_file, as_line) == 1.0


def test_byline_line_dateline_case_and_spacing_are_not_content() -> None:
    story = _report(STORY)
    carried = _report("By Ola Brant, Valley Post\n\n" + STORY.replace("March 3 (Wire One)", "March 3 (Valley Post)")
                      .replace("At least 12", "AT  LEAST\t12"))
    assert carried.byline == "Ola Brant"
    assert fingerprint(carried).body_hash == fingerprint(story).body_hash
    words = list(content_words(carried))
    assert words[:3] == ["at", "least", "12"]  # neither the byline nor the dateline
    assert "valley" not in words


def test_a_near_copy_shares_a_band_and_is_confirmed_exactly() -> None:
    story, carried = _report(STORY, "wire-1"), _report(CARRIED, "lantern-7")
    a, b = fingerprint(story), fingerprint(carried)
    assert a.body_hash != b.body_hash  # a credit line was added at the end
    assert set(a.bands) & set(b.bands)
    assert rules().near_jaccard <= similarity(story, carried) < 1.0
    found = find_originals([carried], {b.report_key: b}, [story])
    assert found == {carried.key: Original(story.key, "wire-1", 1)}


def test_another_story_of_the_same_event_is_not_a_copy() -> None:
    story, other = _report(STORY, "wire-1"), _report(OTHER, "post-3")
    a, b = fingerprint(story), fingerprint(other)
    assert not set(a.bands) & set(b.bands)
    assert similarity(story, other) < 0.1
    assert find_originals([other], {b.report_key: b}, [story]) == {}


def test_one_changed_figure_in_a_long_story_is_still_a_copy_but_a_changed_paragraph_is_not() -> None:
    story = _report(STORY, "wire-1")
    update = _report(STORY.replace("At least 12", "At least 14"), "wire-1-update")
    assert similarity(story, update) >= rules().near_jaccard
    rewritten = _report(STORY.replace(STORY.split("\n\n")[1], OTHER.split("\n\n")[1]), "rewrite")
    assert similarity(story, rewritten) < rules().near_jaccard
    prints = {r.key: fingerprint(r) for r in (update, rewritten)}
    assert set(find_originals([update, rewritten], prints, [story])) == {update.key}


def test_too_short_a_content_is_never_a_copy() -> None:
    short = "KHARBEK (Wire One) - Shells hit the market on Sunday."
    a, b = _report(short, "a"), _report(short, "b")
    assert fingerprint(a).body_hash is None and fingerprint(a).bands == ()
    assert find_originals([b], {b.key: fingerprint(b)}, [a]) == {}


def test_a_part_of_a_compilation_page_can_copy_a_standalone_article() -> None:
    parts = split_reports(Article(id="digest", text=_page(OTHER_PART, _as_part(STORY))), "sha-digest")
    assert len(parts) == 2
    standalone = _report(STORY, "wire-1")
    prints = {p.key: fingerprint(p) for p in parts}
    assert prints[parts[1].key].body_hash == fingerprint(standalone).body_hash  # headline and byline left out
    assert find_originals(parts, prints, [standalone]) == {parts[1].key: original_of(standalone)}


def test_a_part_repeated_on_one_page_copies_the_first() -> None:
    text = _page(_as_part(STORY), OTHER_PART, _as_part(STORY, "Saraqib Market Toll Rises"))
    parts = split_reports(Article(id="digest", text=text), "sha-digest")
    assert len(parts) == 3
    prints = {p.key: fingerprint(p) for p in parts}
    assert find_originals(parts, prints, []) == {parts[2].key: Original(parts[0].key, "digest", 1)}


def test_a_copy_of_a_copy_names_the_first_original() -> None:
    first = _report(STORY, "wire-1")
    copy = replace(_report(STORY, "lantern-7"), copy_of=original_of(first))
    third = _report(CARRIED, "post-9")
    found = find_originals([third], {third.key: fingerprint(third)}, [copy])
    assert found == {third.key: Original(first.key, "wire-1", 1)}


def test_the_most_similar_candidate_wins() -> None:
    story, carried = _report(STORY, "wire-1"), _report(CARRIED, "lantern-7")
    again = _report(CARRIED, "post-9")
    found = find_originals([again], {again.key: fingerprint(again)}, [story, carried])
    assert found[again.key].report_key == carried.key


def test_a_remembered_report_compares_as_it_did_and_a_changed_text_is_cut_again() -> None:
    story, carried = _report(STORY, "wire-1"), _report(CARRIED, "lantern-7")
    before = similarity(story, carried)
    assert remember([story, carried]) >= 2
    assert similarity(story, carried) == before
    shorter = replace(story, article=replace(story.article, text=STORY[: len(STORY) // 2]),
                      body_end=min(story.body_end, len(STORY) // 2))  # the same key, another text
    assert similarity(shorter, story) < 1.0  # not the set remembered under that key
    assert similarity(shorter, shorter) == 1.0
