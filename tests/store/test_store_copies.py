"""The store's side of copies: ids stored with another text refused, fingerprints stored and looked up."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pytest
import sqlalchemy as sa

from ceasefire.errors import InputError
from ceasefire.model import Document, Fingerprint, Original
from ceasefire.store import CopiesChanged, Store, open_store
from ceasefire.store import tables as T
from tests.store import factory as f
from tests.store.test_store import TEXT2


def _bundle(text: str, article_id: str, origin: str, raw: bytes | None = None, title: str | None = None):
    raw = raw if raw is not None else text.encode("utf-8")
    doc = Document(hashlib.sha256(raw).hexdigest(), origin, "application/jsonl", raw, {})
    rep = f.report(doc, article_id, text=text)
    if title is not None:
        rep = replace(rep, article=replace(rep.article, title=title), headline=None)
    return doc, [rep], [f.mention(rep)]


def test_an_id_stored_with_another_text_is_refused_and_nothing_is_stored(store: Store) -> None:
    store.add_document(*_bundle(f.TEXT, "wire-1", "feed.jsonl:1"))
    before = store.snapshot()
    doc, reps, ments = _bundle(TEXT2, "wire-1", "later.jsonl:4")
    with pytest.raises(InputError) as caught:
        store.add_document(doc, reps, ments)
    assert caught.value.origin == "later.jsonl:4"
    assert caught.value.reason == (
        "id 'wire-1' is already stored with a different text (first from feed.jsonl:1); "
        "give the new version its own id"
    )
    assert store.snapshot() == before
    assert store.add_document(*_bundle(TEXT2, "wire-1-v2", "later.jsonl:4")) is True  # its own id: stored


def test_an_id_stored_with_another_title_is_refused(store: Store) -> None:
    store.add_document(*_bundle(f.TEXT, "wire-1", "feed.jsonl:1"))
    doc, reps, ments = _bundle(f.TEXT, "wire-1", "feed.jsonl:9", raw=b"other bytes", title="A new headline")
    with pytest.raises(InputError, match="already stored with a different title"):
        store.add_document(doc, reps, ments)


def test_the_same_id_and_text_in_other_bytes_is_stored(store: Store) -> None:
    store.add_document(*_bundle(f.TEXT, "wire-1", "feed.jsonl:1"))
    again = _bundle(f.TEXT, "wire-1", "refetched.jsonl:1", raw=b'{"id": "wire-1", "fetched": "later"}')
    assert store.add_document(*again) is True
    assert store.counts()["documents"] == 2


def _stored(store: Store, text: str, article_id: str, body_hash: str | None, bands: tuple[str, ...],
            copy_of: Original | None = None):
    doc, reps, ments = _bundle(text, article_id, f"{article_id}.jsonl:1")
    reps = [replace(reps[0], copy_of=copy_of)]
    ments = [replace(m, copy_of=copy_of) for m in ments]
    assert store.add_document(doc, reps, ments, prints=[Fingerprint(reps[0].key, body_hash, bands)])
    return reps[0], ments


def test_fingerprints_are_stored_and_found_by_hash_or_band(store: Store) -> None:
    first, _ = _stored(store, f.TEXT, "wire-1", "h1", ("b1", "b2"))
    assert store.copy_candidates([Fingerprint("new#1", "h1", ())]) == [first]
    assert store.copy_candidates([Fingerprint("new#1", "h9", ("b7", "b2"))]) == [first]
    assert store.copy_candidates([Fingerprint("new#1", "h9", ("b7",))]) == []
    assert store.copy_candidates([Fingerprint("new#1", None, ("b1",))]) == []  # too short to be a copy


def test_a_copy_is_stored_with_its_original_and_adds_no_bands(store: Store) -> None:
    first, _ = _stored(store, f.TEXT, "wire-1", "h1", ("b1", "b2"))
    original = Original(first.key, "wire-1", 1)
    copy, ments = _stored(store, TEXT2, "lantern-7", "h1", ("b3",), copy_of=original)
    assert store.report(copy.key).copy_of == original
    assert {m.key: m.copy_of for m in store.mentions()}[ments[0].key] == original
    assert sorted(row[1] for row in store.snapshot()["report_bands"]) == [first.key, first.key]
    assert store.copy_candidates([Fingerprint("new#1", "h1", ("b3",))]) == [first]  # the original, once


def test_warmed_originals_are_the_candidates_a_cold_store_reads(store: Store) -> None:
    first, _ = _stored(store, f.TEXT, "wire-1", "h1", ("b1", "b2"))
    copy, _ = _stored(store, TEXT2, "lantern-7", "h1", ("b3",), copy_of=Original(first.key, "wire-1", 1))
    with open_store(store.url) as cold:
        assert store.warm_reports() == [first]  # originals only: a copy is never a candidate by its bands
        for prints in ([Fingerprint("new#1", "h1", ("b3",))], [Fingerprint("new#1", "h9", ("b2",))]):
            assert store.copy_candidates(prints) == cold.copy_candidates(prints) == [first]
        again = [Fingerprint("new#1", "h9", ("b2",))]
        assert store.copy_candidates(again)[0] is store.copy_candidates(again)[0]  # kept, not decoded again


def test_candidates_that_changed_meanwhile_are_refused(store: Store) -> None:
    doc, reps, ments = _bundle(TEXT2, "lantern-7", "lantern.jsonl:1")
    prints = [Fingerprint(reps[0].key, "h1", ("b1",))]
    seen = [r.key for r in store.copy_candidates(prints)]
    assert seen == []
    _stored(store, f.TEXT, "wire-1", "h1", ("b1",))  # another writer, in between
    before = store.snapshot()
    with pytest.raises(CopiesChanged):
        store.add_document(doc, reps, ments, prints=prints, candidates=seen)
    assert store.snapshot() == before


def test_both_lookups_are_index_probes(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'plan.db'}"
    open_store(url).close()
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            for query in (
                sa.select(T.reports.c.key).where(T.reports.c.body_hash.in_(["h1", "h2"])),
                sa.select(T.report_bands.c.report_key).where(T.report_bands.c.band.in_(["b1", "b2"])),
            ):
                sql = str(query.compile(conn, compile_kwargs={"literal_binds": True}))
                plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
                assert plan.startswith("SEARCH") and "USING" in plan and "INDEX" in plan, plan
    finally:
        engine.dispose()
