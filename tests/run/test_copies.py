"""Duplicate texts end to end: an id with another text refused, copies stored as carriers that raise no grade."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

from tests.store import factory as f
from tests.wire import CARRIED, OTHER, STORY, jsonl

import ceasefire
from ceasefire.incidents import build_incidents
from ceasefire.ingest import fingerprint
from ceasefire.model import Document, IngestProblem
from ceasefire.run.local import _store_document
from ceasefire.store import open_store

DAY = "2024-03-04"


def _line(article_id: str, text: str, outlet: str, **more: object) -> dict[str, object]:
    return {"id": article_id, "outlet": outlet, "publication_date": DAY, "text": text, **more}


def _incidents(db) -> list[dict]:
    return db.export_dict()["incidents"]


def _shelling(db) -> dict:
    (inc,) = [i for i in _incidents(db) if i["location"]["name"] == "Saraqib"]
    return inc


def test_an_id_stored_with_another_text_is_refused_within_a_file_and_across_files(tmp_path: Path, db_url: str):
    first = jsonl(tmp_path / "a.jsonl", [_line("wire-1", STORY, "Wire One"), _line("wire-1", OTHER, "Valley Post")])
    later = jsonl(tmp_path / "b.jsonl", [_line("wire-1", OTHER, "Valley Post")])
    with ceasefire.open(db_url) as db:
        result = db.ingest([first, later])
        assert result.documents_added == 1
        fix = "give the new version its own id"
        assert result.problems == [
            IngestProblem(f"{first}:2", f"id 'wire-1' is already stored with a different text (first from {first}:1); {fix}"),
            IngestProblem(f"{later}:1", f"id 'wire-1' is already stored with a different text (first from {first}:1); {fix}"),
        ]
        assert db.store.problems() == result.problems
        quotes = [c["quote"] for i in _incidents(db) for c in i["claims"] if c["report_id"] == "wire-1"]
        assert quotes and all(q in STORY for q in quotes)  # only the first text's claims stand under its id


def test_an_edited_file_at_the_same_path_is_refused(tmp_path: Path, db_url: str):
    path = tmp_path / "saraqib.txt"
    path.write_text(STORY, encoding="utf-8")
    with ceasefire.open(db_url) as db:
        assert db.ingest([path]).ok
        path.write_text(OTHER, encoding="utf-8")
        result = db.ingest([path])
        assert [p.origin for p in result.problems] == [str(path)]
        assert f"id '{path}' is already stored with a different text (first from {path})" in result.problems[0].message
        renamed = path.rename(tmp_path / "saraqib-2.txt")
        assert db.ingest([renamed]).documents_added == 1  # under its own name it is a new article


def test_the_same_text_as_a_txt_file_and_a_jsonl_line_is_one_independent_report(tmp_path: Path, db_url: str):
    line = jsonl(tmp_path / "wire.jsonl", [_line("wire-1", STORY, "Wire One")])
    text = tmp_path / "saraqib.txt"
    text.write_text(STORY, encoding="utf-8")
    with ceasefire.open(db_url) as db:
        db.ingest([line])
        alone = _shelling(db)
        result = db.ingest([text])
        assert result.documents_added == 1 and result.copies == 1
        both = _shelling(db)
        assert sorted(both["reports"]) == sorted(["wire-1", str(text)])
        assert both["copies"] == [{"report_id": str(text), "part": 1, "copy_of": {"report_id": "wire-1", "part": 1}}]
        assert {json.dumps(c["copy_of"]) for c in both["claims"] if c["report_id"] == str(text)} == {
            json.dumps({"report_id": "wire-1", "part": 1})
        }
        assert all(c["copy_of"] is None for c in both["claims"] if c["report_id"] == "wire-1")
        assert alone["grade"] == both["grade"] == "single_source"
        assert both["killed"] == alone["killed"]
        # counted as two independent reports, the one documenter would have made it 'fair'
        unmarked = build_incidents([replace(m, copy_of=None) for m in db.store.mentions()])
        assert [i.grade for i in unmarked if i.place and i.place.name == "Saraqib"] == ["fair"]


def test_two_outlets_carrying_one_wire_story_word_for_word_or_nearly_are_its_carriers(tmp_path: Path, db_url: str):
    feed = jsonl(tmp_path / "feed.jsonl", [
        _line("wire-1", STORY, "Wire One"),
        _line("lantern-7", STORY, "Evening Lantern", title="Market shelled"),
        _line("post-9", CARRIED, "Valley Post"),  # its own byline, a credit line added at the end
    ])
    with ceasefire.open(db_url) as db:
        result = db.ingest([feed])
        assert result.documents_added == 3 and result.copies == 2
        inc = _shelling(db)
        assert sorted(inc["reports"]) == ["lantern-7", "post-9", "wire-1"]
        assert sorted((c["report_id"], c["copy_of"]["report_id"]) for c in inc["copies"]) == [
            ("lantern-7", "wire-1"), ("post-9", "wire-1")
        ]
        assert inc["grade"] == "single_source"
        assert len(inc["claims"]) == 3  # nothing lost: every carrier's claim stays, with its own evidence


def test_another_article_on_the_same_event_is_not_a_copy_and_raises_the_grade(tmp_path: Path, db_url: str):
    wire = jsonl(tmp_path / "wire.jsonl", [_line("wire-1", STORY, "Wire One")])
    post = jsonl(tmp_path / "post.jsonl", [_line("post-3", OTHER, "Valley Post")])
    with ceasefire.open(db_url) as db:
        db.ingest([wire])
        before = _shelling(db)["grade"]
        result = db.ingest([post])
        assert result.copies == 0
        after = _shelling(db)
        assert (before, after["grade"]) == ("single_source", "confirmed")
        assert after["copies"] == [] and after["killed"]["high"] == 14


def test_a_near_copy_is_looked_for_around_its_date_an_exact_copy_at_any_date(tmp_path: Path, db_url: str):
    later = "2025-06-20"  # over a year after the wire story: beyond the window of data/ingest_copies.json
    feed = jsonl(tmp_path / "feed.jsonl", [
        _line("wire-1", STORY, "Wire One"),
        _line("lantern-7", STORY, "Evening Lantern", publication_date=later),
        _line("post-9", CARRIED, "Valley Post", publication_date=later),
        _line("post-10", CARRIED, "Hill Courier", publication_date="2024-03-20"),  # post-9's content: its copy
    ])
    with ceasefire.open(db_url) as db:
        result = db.ingest([feed])
        assert result.documents_added == 4 and result.copies == 2
        copies = {r.article.id: r.copy_of and r.copy_of.article_id for r in db.store.reports()}
        assert copies == {"wire-1": None, "lantern-7": "wire-1", "post-9": None, "post-10": "post-9"}


def test_which_copy_arrives_first_gives_the_same_incidents(tmp_path: Path, db_url: str):
    files = [
        jsonl(tmp_path / "wire.jsonl", [_line("wire-1", STORY, "Wire One")]),
        jsonl(tmp_path / "carried.jsonl", [_line("post-9", CARRIED, "Valley Post")]),
        jsonl(tmp_path / "other.jsonl", [_line("post-3", OTHER, "Valley Post")]),
    ]
    orders = [files, files[::-1], [files[1], files[0], files[2]]]
    seen = []
    for n, order in enumerate(orders):
        url = db_url if n == 0 else f"sqlite:///{tmp_path / f'order{n}.db'}"
        with ceasefire.open(url) as db:
            for path in order:
                db.ingest([path])
            seen.append(sorted(
                (i["id"], tuple(sorted(i["reports"])), json.dumps(i["killed"]), i["grade"], len(i["copies"]))
                for i in _incidents(db)
            ))
    assert seen[1] == seen[0] and seen[2] == seen[0]
    assert any(grade == "confirmed" and copies == 1 for _, _, _, grade, copies in seen[0])


def test_an_original_stored_meanwhile_by_another_writer_is_seen_on_the_retry(db_url: str, monkeypatch):
    def bundle(article_id: str, raw: bytes):
        doc = Document(hashlib.sha256(raw).hexdigest(), f"{article_id}.jsonl:1", "application/jsonl", raw, {})
        rep = f.report(doc, article_id)
        return doc, [rep], [f.mention(rep)]

    other_doc, other_reps, other_ments = bundle("wire-1", b"first")
    doc, reps, ments = bundle("lantern-7", b"second")
    with open_store(db_url) as store:
        real = store.copy_candidates
        calls: list[int] = []

        def racing(prints, window=None):
            found = real(prints, window)
            if not calls:  # another writer stores the original just after this lookup
                store.add_document(other_doc, other_reps, other_ments, prints=[fingerprint(other_reps[0])])
            calls.append(len(found))
            return found

        monkeypatch.setattr(store, "copy_candidates", racing)
        assert _store_document(store, doc, reps, ments, "conservative") == (True, 1)
        assert calls == [0, 1]  # decided again, against the original now stored
        assert store.report(reps[0].key).copy_of.report_key == other_reps[0].key
        assert [m.copy_of.article_id for m in store.mentions() if m.report_key == reps[0].key] == ["wire-1"]
