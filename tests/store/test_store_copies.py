"""The store's side of copies: ids stored with another text refused, fingerprints stored and looked up."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from ceasefire.errors import InputError
from ceasefire.model import CopyWindow, Document, Fingerprint, Original
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


def _dated(store: Store, i: int, day: date | None, bands: tuple[str, ...] = ("b1",)) -> str:
    doc, reps, ments = _bundle(f.TEXT, f"wire-{i}", f"wire-{i}.jsonl:1", raw=f"copy {i}".encode())
    assert store.add_document(doc, reps, ments, prints=[Fingerprint(reps[0].key, f"h{i}", bands, day)])
    return reps[0].key


def test_near_candidates_are_the_nearest_in_date_a_few_per_band(store: Store) -> None:
    window = CopyWindow(30, 4)
    first = date(2024, 3, 1)
    by_day = {_dated(store, i, first + timedelta(days=i)): i for i in range(20)}
    undated = sorted(_dated(store, 100 + i, None) for i in range(6))
    far = _dated(store, 200, first + timedelta(days=45))  # beyond the window of day 10
    found = {r.key for r in store.copy_candidates([Fingerprint("new#1", "h-new", ("b1",), first + timedelta(days=10))],
                                                  window)}
    assert sorted(by_day[k] for k in found if k in by_day) == [7, 8, 9, 10, 11, 12, 13, 14]
    assert found - set(by_day) == set(undated[:4]) and far not in found
    # an undated report: the undated first in key order and the latest-dated
    none = {r.key for r in store.copy_candidates([Fingerprint("new#1", "h-new", ("b1",), None)], window)}
    latest = sorted(by_day, key=lambda k: (by_day[k], k))[-3:]
    assert none == set(undated[:4]) | set(latest) | {far}
    # an exact copy (the same content hash) is found at any date
    exact = store.copy_candidates([Fingerprint("new#1", "h0", ("b9",), first + timedelta(days=900))], window)
    assert [r.key for r in exact] == [k for k, i in by_day.items() if i == 0]


def test_near_candidates_stay_bounded_as_reports_sharing_bands_are_stored(store: Store) -> None:
    window = CopyWindow(30, 2)
    bands = ("b1", "b2", "b3")
    day = date(2024, 3, 1)
    counts = []
    for i in range(60):
        _dated(store, i, day + timedelta(days=i % 7 - 3) if i % 5 else None, bands)
        counts.append(len(store.copy_candidates([Fingerprint("new#1", "h-new", bands, day)], window)))
    assert max(counts) <= 3 * window.per_band  # every band reaches the same few: 3 * per_band in all, once each
    assert counts[-1] == counts[30] == 3 * window.per_band
    assert len(store.copy_candidates([Fingerprint("new#1", "h-new", bands, day)])) == 60  # without a window: all


def test_the_near_lookup_reads_index_ranges(tmp_path) -> None:
    from ceasefire.store.store import _near_query

    url = f"sqlite:///{tmp_path / 'plan.db'}"
    open_store(url).close()
    engine = sa.create_engine(url)
    values = {"band0": "b1", "band1": "b2", "day": "2024-03-01", "lo": "2024-02-01", "hi": "2024-04-01"}
    try:
        with engine.connect() as conn:
            for dated in (True, False):
                query = _near_query(2, dated, 4)
                compiled = query.compile(conn)
                sql, names = str(compiled), compiled.positiontup or []
                plan = [str(row[-1]) for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql,
                                                                     tuple(values.get(n, 4) for n in names))]
                scans = [p for p in plan if "report_bands" in p]
                assert len(scans) == (6 if dated else 4), plan
                assert all(p.startswith("SEARCH") and "ix_report_bands_day" in p for p in scans), plan
                assert not any("TEMP B-TREE" in p for p in plan), plan
    finally:
        engine.dispose()
