from dataclasses import replace
from datetime import date

import pytest

from ceasefire.errors import NotFound, StoreError
from ceasefire.store import Store, open_store
from ceasefire.store import store as store_module
from tests.store import factory as f

TEXT2 = f.TEXT + "\n\nThe market reopened on Monday."


def test_add_document_round_trip(store: Store) -> None:
    doc, reps, ments = f.bundle()
    assert store.add_document(doc, reps, ments) is True
    assert store.has_document(doc.sha256)
    assert store.documents() == [doc]
    assert store.document_raw(doc.sha256) == doc.raw
    assert store.reports() == reps
    assert store.report(reps[0].key) == reps[0]
    assert store.mentions() == sorted(ments, key=lambda m: m.key)
    assert store.counts() == {"documents": 1, "reports": 1, "mentions": 2, "claims": 3,
                              "incidents": 0, "incident_versions": 0, "problems": 0}


def test_claims_are_queryable_rows(store: Store) -> None:
    doc, reps, ments = f.bundle()
    store.add_document(doc, reps, ments)
    rows = store.snapshot()["claims"]
    by_kind = {(r[3], r[4], r[5]) for r in rows}  # kind, min, max
    assert by_kind == {("killed", 12, None), ("wounded", 30, 30), ("killed", 4, 4)}


def test_compilation_parts_and_several_documents(store: Store) -> None:
    doc, reps, ments = f.bundle()
    second = replace(reps[0], part=2, outlet="Other Wire", byline=None, headline=None)
    store.add_document(doc, [reps[0], second], [*ments, f.mention(second, "shells hit", day=2)])
    doc2, reps2, ments2 = f.bundle(TEXT2, article_id="a-0")
    store.add_document(doc2, reps2, ments2)
    assert [(r.article.id, r.part) for r in store.reports()] == [("a-0", 1), ("wire-1", 1), ("wire-1", 2)]
    assert store.report(second.key) == second
    assert [d.sha256 for d in store.documents()] == sorted([doc.sha256, doc2.sha256])
    assert len(store.mentions()) == 5


def test_re_adding_a_document_changes_nothing(store: Store) -> None:
    doc, reps, ments = f.bundle()
    store.add_document(doc, reps, ments)
    before = store.snapshot()
    changed = replace(reps[0], outlet="Changed")
    assert store.add_document(doc, [changed], ments[:1]) is False
    assert store.snapshot() == before


def test_snapshot_is_independent_of_insertion_order(db_url: str, tmp_path) -> None:
    b1 = f.bundle()
    b2 = f.bundle(TEXT2, article_id="a-0")
    with open_store(db_url) as one:
        one.add_document(*b1)
        one.add_document(*b2)
        one.record_problem("x.bin", "binary file")
        first = one.snapshot()
    with open_store(f"sqlite:///{tmp_path}/other.db") as two:
        two.record_problem("x.bin", "binary file")
        two.add_document(*b2)
        two.add_document(*b1)
        assert two.snapshot() == first


def test_a_failure_mid_transaction_writes_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    doc, reps, ments = f.bundle()
    real_insert = store_module._insert

    def failing_insert(conn, table, values):
        if table.name == "claims":  # documents, reports and mentions are written by now
            raise RuntimeError("disk on fire")
        real_insert(conn, table, values)

    monkeypatch.setattr(store_module, "_insert", failing_insert)
    with pytest.raises(RuntimeError):
        store.add_document(doc, reps, ments)
    monkeypatch.undo()
    assert not store.has_document(doc.sha256)
    assert all(n == 0 for n in store.counts().values())
    assert store.add_document(doc, reps, ments) is True


def test_a_database_error_mid_transaction_writes_nothing(store: Store) -> None:
    doc, reps, ments = f.bundle()
    duplicate = ments[0]  # the same key twice: the mentions insert fails after documents and reports
    with pytest.raises(StoreError, match="cannot store document"):
        store.add_document(doc, reps, [duplicate, duplicate])
    assert all(n == 0 for n in store.counts().values())


def test_parts_must_belong_to_the_document(store: Store) -> None:
    doc, reps, ments = f.bundle()
    other, other_reps, other_ments = f.bundle(TEXT2)
    with pytest.raises(StoreError):
        store.add_document(doc, other_reps, [])
    with pytest.raises(StoreError):
        store.add_document(doc, reps, other_ments)
    assert store.counts()["documents"] == 0


def test_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        store.document_raw("0" * 64)
    with pytest.raises(NotFound):
        store.report("nope#1")
    with pytest.raises(NotFound):
        store.incident("nope")
    assert not store.has_document("0" * 64)


def test_problems_are_recorded_once(store: Store) -> None:
    store.record_problem("feed.jsonl:3", "not valid JSON")
    store.record_problem("feed.jsonl:3", "not valid JSON")
    store.record_problem("b.pdf", "binary file")
    assert [str(p) for p in store.problems()] == ["feed.jsonl:3: not valid JSON", "b.pdf: binary file"]
    assert store.counts()["problems"] == 2
    expected = [("b.pdf", "binary file"), ("feed.jsonl:3", "not valid JSON")]
    assert sorted(store.snapshot()["problems"]) == expected


def _stored_incidents(store: Store):
    doc, reps, ments = f.bundle()
    store.add_document(doc, reps, ments)
    doc2, reps2, ments2 = f.bundle(TEXT2, article_id="a-0")
    store.add_document(doc2, reps2, ments2)
    return [
        f.incident("b2", (ments[0], ments2[0]), day=date(2024, 3, 3)),
        f.incident("a1", (ments[1],), day=date(2024, 3, 3), country="YY"),
        f.incident("c3", (ments2[1],), day=None, country=None),
        f.incident("d4", (), day=date(2024, 2, 1)),
    ]


def test_replace_incidents_round_trip_and_order(store: Store) -> None:
    incs = _stored_incidents(store)
    store.replace_incidents(incs)
    assert [i.id for i in store.incidents()] == ["d4", "a1", "b2", "c3"]
    b2 = incs[0]
    assert store.incident("b2") == replace(b2, mentions=tuple(sorted(b2.mentions, key=lambda m: m.key)))
    assert store.counts()["incidents"] == 4
    links = store.snapshot()["incident_mentions"]
    assert sorted(i for i, _ in links) == ["a1", "b2", "b2", "c3"]
    assert sorted(k for i, k in links if i == "b2") == sorted(m.key for m in b2.mentions)


def test_replace_incidents_replaces(store: Store) -> None:
    incs = _stored_incidents(store)
    store.replace_incidents(incs)
    store.replace_incidents(incs[:1])
    assert [i.id for i in store.incidents()] == ["b2"]
    assert len(store.snapshot()["incident_mentions"]) == 2
    store.replace_incidents([])
    assert store.incidents() == []
    assert store.snapshot()["incident_mentions"] == []


def test_replace_incidents_is_atomic(store: Store) -> None:
    incs = _stored_incidents(store)
    store.replace_incidents(incs)
    before = store.snapshot()
    with pytest.raises(StoreError):
        store.replace_incidents([incs[0], incs[0]])  # duplicate id: fails after the delete
    assert store.snapshot() == before


def test_incident_filters(store: Store) -> None:
    store.replace_incidents(_stored_incidents(store))
    ids = lambda **kw: [i.id for i in store.incidents(**kw)]  # noqa: E731
    assert ids(country="ZZ") == ["d4", "b2"]
    assert ids(country="yy") == ["a1"]
    assert ids(since=date(2024, 3, 1)) == ["a1", "b2"]
    assert ids(until=date(2024, 2, 28)) == ["d4"]
    assert ids(since=date(2024, 3, 3), until=date(2024, 3, 3), country="ZZ") == ["b2"]
    assert ids(limit=2) == ["d4", "a1"]


def test_incident_by_unique_prefix(store: Store) -> None:
    doc, reps, ments = f.bundle()
    store.add_document(doc, reps, ments)
    store.replace_incidents([f.incident("abc123", ()), f.incident("abd456", ()), f.incident("x_1", ())])
    assert store.incident("abc").id == "abc123"
    assert store.incident("abc123").id == "abc123"
    with pytest.raises(NotFound, match="ambiguous"):
        store.incident("ab")
    with pytest.raises(NotFound):
        store.incident("x%")  # wildcards are taken literally
    assert store.incident("x_").id == "x_1"


def test_incident_links_need_stored_mentions(store: Store) -> None:
    doc, reps, ments = f.bundle()
    with pytest.raises(StoreError):
        store.replace_incidents([f.incident("i1", (ments[0],))])
    assert store.counts()["incidents"] == 0


def test_concurrent_writers_wait_for_each_other(db_url: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    bundles = [f.bundle(f.TEXT + f"\n\nUpdate {n}.", article_id=f"a-{n}") for n in range(6)]
    with open_store(db_url) as store:
        with ThreadPoolExecutor(max_workers=6) as pool:
            added = list(pool.map(lambda b: store.add_document(*b), bundles + bundles[:3]))
        assert added.count(True) == 6
        assert store.counts()["documents"] == 6
        assert store.counts()["claims"] == 18


def _pg_lock_timeout(url: str, timeout: str) -> str:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    options = f"{parsed.query.get('options', '')} -clock_timeout={timeout}".strip()
    return parsed.update_query_dict({"options": options}).render_as_string(hide_password=False)


@pytest.mark.postgres
def test_a_lock_timeout_is_retried_until_the_write_lock_is_free(pg_url, pg_admin, monkeypatch) -> None:
    import threading

    from ceasefire.store.engine import WRITE_LOCK

    retries: list[int] = []
    monkeypatch.setattr(store_module, "backoff", lambda attempt: retries.append(attempt) or 0.1)
    with open_store(_pg_lock_timeout(pg_url, "100ms")) as store:
        pg_admin.execute("SELECT pg_advisory_lock(%s)", (WRITE_LOCK,))  # another writer holds the lock
        release = threading.Timer(0.6, lambda: pg_admin.execute("SELECT pg_advisory_unlock(%s)", (WRITE_LOCK,)))
        release.start()
        try:
            assert store.add_document(*f.bundle()) is True
        finally:
            release.join()
        assert retries, "the first attempts timed out on the lock and were retried"
        assert store.counts()["documents"] == 1


@pytest.mark.postgres
def test_retries_are_bounded_and_end_in_one_line(pg_url, pg_admin, monkeypatch) -> None:
    from ceasefire.store.engine import WRITE_LOCK

    monkeypatch.setattr(store_module, "RETRIES", 2)
    monkeypatch.setattr(store_module, "backoff", lambda attempt: 0.01)
    with open_store(_pg_lock_timeout(pg_url, "50ms")) as store:
        pg_admin.execute("SELECT pg_advisory_lock(%s)", (WRITE_LOCK,))
        try:
            with pytest.raises(StoreError, match="lock timeout") as raised:
                store.add_document(*f.bundle())
        finally:
            pg_admin.execute("SELECT pg_advisory_unlock(%s)", (WRITE_LOCK,))
        assert "\n" not in str(raised.value)
        assert store.counts()["documents"] == 0


def test_a_busy_sqlite_database_is_retried(tmp_path, monkeypatch) -> None:
    import sqlite3
    import threading

    from ceasefire.store import engine as engine_module

    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    retries: list[int] = []
    monkeypatch.setattr(store_module, "backoff", lambda attempt: retries.append(attempt) or 0.1)
    path = tmp_path / "busy.db"
    with open_store(str(path)) as store:
        other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
        release = threading.Timer(0.6, other.commit)
        release.start()
        try:
            assert store.add_document(*f.bundle()) is True
        finally:
            release.join()
            other.close()
        assert retries, "the first attempts found the database locked and were retried"
        assert store.counts()["documents"] == 1


def _long_bundle(n: int):  # type: ignore[no-untyped-def]
    """A document whose one report has ``n`` mentions, each with claims: more than one batch of rows."""
    text = f.TEXT + " " + " ".join(f"w{i:05d}" for i in range(n))
    doc = f.document(text)
    rep = f.report(doc, text=text)
    return doc, [rep], [replace(f.mention(rep), trigger=f.ev(text, f"w{i:05d}")) for i in range(n)]


def test_a_long_report_is_written_in_batches_whole(store: Store) -> None:
    n = 2 * store_module.MENTION_ROWS + 7
    doc, reps, ments = _long_bundle(n)
    assert store.add_document(doc, reps, ments) is True
    counts = store.counts()
    assert counts["mentions"] == n
    assert counts["claims"] == n * len(ments[0].claims)
    assert sorted(m.key for m in store.mentions()) == sorted(m.key for m in ments)


def test_a_failure_in_the_last_batch_of_a_long_report_writes_nothing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc, reps, ments = _long_bundle(2 * store_module.MENTION_ROWS + 7)
    real_insert = store_module._insert
    written: list[int] = []

    def failing_insert(conn, table, values):  # type: ignore[no-untyped-def]
        if table.name == "claims":
            written.append(len(values))
            if len(written) == 3:  # two batches of mentions and claims are in by now
                raise RuntimeError("disk on fire")
        real_insert(conn, table, values)

    monkeypatch.setattr(store_module, "_insert", failing_insert)
    with pytest.raises(RuntimeError):
        store.add_document(doc, reps, ments)
    monkeypatch.undo()
    assert not store.has_document(doc.sha256)
    assert all(n == 0 for n in store.counts().values())
