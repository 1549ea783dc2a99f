"""``Store.check()``: a sound store passes; each broken invariant is named, one failure per record."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from ceasefire.model import CheckFailure
from ceasefire.store import Store, open_store
from ceasefire.store import tables as T
from ceasefire.store.engine import make_engine, normalise_url
from tests.store.writers import ingest_precomputed


@pytest.fixture
def store(db_url: str, corpus) -> Iterator[Store]:
    with open_store(db_url) as s:
        ingest_precomputed(s, corpus.paths, corpus.mentions)
        yield s


def _corrupt(url: str, *statements: sa.Executable) -> None:
    """Run raw statements with foreign keys off: the damage a bug, a hand edit or a bad restore could do."""
    engine = make_engine(normalise_url(url))
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "sqlite":  # outside a transaction, where SQLite allows it
                conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
                for statement in statements:
                    conn.execute(statement)
    finally:
        engine.dispose()


def _checks(store: Store) -> set[str]:
    return {f.check for f in store.check()}


def _rows(store: Store, query: sa.Select) -> list[sa.Row]:
    with store._engine.connect() as conn:  # noqa: SLF001 - the test reads raw rows to pick what to damage
        return list(conn.execute(query).all())


def _one(store: Store, which: str) -> tuple[str, str]:
    """(incident id, mention key) in an incident of several mentions: the ``first`` or ``last`` such incident."""
    im = T.incident_mentions.c
    rows = _rows(store, sa.select(im.incident_id, im.mention_key).order_by(im.incident_id, im.mention_key))
    multi = [r for r in rows if sum(1 for s in rows if s[0] == r[0]) > 1]
    row = multi[0] if which == "first" else multi[-1]
    return row[0], row[1]


def _versioned(store: Store) -> tuple[str, int]:
    """An incident with at least two versions, and its latest version number."""
    v = T.incident_versions.c
    live = {r[0] for r in _rows(store, sa.select(T.incidents.c.id))}
    rows = _rows(store, sa.select(v.incident_id, sa.func.max(v.version)).group_by(v.incident_id).order_by(v.incident_id))
    return next((i, n) for i, n in rows if n >= 2 and i in live)


def test_a_sound_store_passes(store: Store) -> None:
    assert store.check() == []


def test_a_mention_in_no_incident(store: Store, db_url: str) -> None:
    incident_id, key = _one(store, "first")
    im = T.incident_mentions.c
    _corrupt(db_url, sa.delete(T.incident_mentions).where(im.mention_key == key))
    failures = store.check()
    assert CheckFailure("mentions", key, "belongs to no incident") in failures
    assert {(f.check, f.subject) for f in failures} == {
        ("mentions", key), ("incidents", incident_id), ("versions", incident_id)  # its tally, its history
    }


def test_a_mention_in_two_incidents(store: Store, db_url: str) -> None:
    first, key = _one(store, "first")
    other, _ = _one(store, "last")
    assert first != other
    _corrupt(db_url, sa.insert(T.incident_mentions).values(incident_id=other, mention_key=key))
    failures = [f for f in store.check() if f.check == "mentions"]
    assert failures == [CheckFailure("mentions", key, f"belongs to 2 incidents: {', '.join(sorted([first, other]))}")]


def test_versions_with_a_gap(store: Store, db_url: str) -> None:
    incident_id, latest = _versioned(store)
    v = T.incident_versions.c
    _corrupt(db_url, sa.update(T.incident_versions).where(v.incident_id == incident_id, v.version == latest)
             .values(version=latest + 1))
    (failure,) = store.check()
    assert (failure.check, failure.subject) == ("versions", incident_id)
    assert f"{latest - 1}, {latest + 1} are not numbered 1..{latest}" in failure.problem


def test_a_live_incident_retired_and_a_retired_one_alive(store: Store, db_url: str) -> None:
    incident_id, latest = _versioned(store)
    v = T.incident_versions.c
    _corrupt(db_url, sa.insert(T.incident_versions).values(
        incident_id=incident_id, version=latest + 1, recorded_at=sa.func.now(), cause="merged", successors=[],
        kind="retired", payload=None,
    ))
    assert store.check() == [
        CheckFailure("versions", incident_id, f"is live, yet its latest version {latest + 1} retires it")
    ]
    _corrupt(
        db_url,
        sa.delete(T.incident_versions).where(v.incident_id == incident_id, v.version == latest + 1),
        sa.delete(T.incident_mentions).where(T.incident_mentions.c.incident_id == incident_id),
        sa.delete(T.incidents).where(T.incidents.c.id == incident_id),
    )
    failures = store.check()
    assert CheckFailure("versions", incident_id, f"is not live, yet its latest version {latest} is no retirement") in failures
    assert _checks(store) == {"versions", "mentions"}  # its mentions now belong to no incident


def test_a_latest_version_that_is_not_the_live_incident(store: Store, db_url: str) -> None:
    incident_id, latest = _versioned(store)
    _corrupt(db_url, sa.insert(T.incident_versions).values(
        incident_id=incident_id, version=latest + 1, recorded_at=sa.func.now(), cause="regraded", successors=[],
        kind="diff", payload={"changed": {"grade": "not-a-grade"}, "added": [], "removed": []},
    ))
    assert store.check() == [
        CheckFailure("versions", incident_id, f"its latest version {latest + 1} is not the live incident")
    ]


def test_an_incident_column_that_disagrees_with_its_payload(store: Store, db_url: str) -> None:
    incident_id, _ = _one(store, "first")
    i = T.incidents.c
    _corrupt(db_url, sa.update(T.incidents).where(i.id == incident_id).values(n_reports=99))
    (failure,) = store.check()
    assert (failure.check, failure.subject) == ("incidents", incident_id)
    assert failure.problem.startswith("column n_reports is 99, its head ")


def test_a_claim_whose_quote_is_not_its_text(store: Store, db_url: str) -> None:
    c = T.claims.c
    ((claim_id, start),) = _rows(store, sa.select(c.id, c.start).order_by(c.id).limit(1))
    _corrupt(db_url, sa.update(T.claims).where(c.id == claim_id).values(start=start + 1))
    (failure,) = store.check()
    assert (failure.check, failure.subject) == ("claims", claim_id)
    assert "is not its quote" in failure.problem


def test_a_report_of_no_stored_document(store: Store, db_url: str) -> None:
    r = T.reports.c
    ((report_key,),) = _rows(store, sa.select(r.key).order_by(r.key).limit(1))
    _corrupt(db_url, sa.update(T.reports).where(r.key == report_key).values(document_sha256="0" * 64))
    failures = store.check()
    assert CheckFailure("reports", report_key, f"its document {'0' * 64} is not stored") in failures
