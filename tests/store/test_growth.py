"""An incident that grows report by report: versions as diffs, replayed to the incident as it is."""

from __future__ import annotations

import json
from dataclasses import replace

from ceasefire.incidents import build_incidents, update_for
from ceasefire.store import open_store
from ceasefire.store.work import SNAPSHOT_EVERY, read_versions
from tests.store import factory as f

REPORTS = 40


def _grow(url: str) -> list[tuple]:
    bundles = [f.bundle(f.TEXT + f"\n\nUpdate number {n} from the market.", article_id=f"u-{n:02d}")
               for n in range(REPORTS)]
    with open_store(url) as store:
        for doc, reps, ments in bundles:
            store.add_document(doc, reps, ments, derive=lambda nb, ms=ments: update_for(ms, nb, "conservative"))
        (incident,) = store.incidents()
        with store._read() as conn:
            versions = read_versions(conn, incident.id)
            kinds = conn.exec_driver_sql("SELECT version, kind, payload FROM incident_versions").all()
        return [incident, versions, kinds, [m for _, _, ms in bundles for m in ms]]


def test_versions_replay_to_the_incident_as_it_is(db_url: str) -> None:
    incident, versions, _, mentions = _grow(db_url)
    assert incident == build_incidents(mentions)[0], "growing gives what a rebuild gives"
    assert [v.version for v in versions] == list(range(1, len(versions) + 1))
    assert versions[-1].incident == replace(incident.head, tally=None)
    members: set[str] = set()
    for v in versions:
        members = (members | set(v.added)) - set(v.removed)
    assert members == {m.key for m in incident.mentions}


def test_a_report_joining_writes_a_diff_the_size_of_the_report(db_url: str) -> None:
    incident, versions, rows, _ = _grow(db_url)
    kinds = {version: kind for version, kind, _ in rows}
    diffs = [(version, len(json.dumps(payload if isinstance(payload, dict) else json.loads(payload))))
             for version, kind, payload in rows if kind == "diff"]
    assert kinds[SNAPSHOT_EVERY] == "snapshot" and kinds[SNAPSHOT_EVERY + 1] == "diff"
    assert len(diffs) >= REPORTS * 3 // 4  # the rest: snapshots every 16 versions, and an id taking a smaller key
    early = max(size for version, size in diffs if version < 10)
    assert all(size <= early * 1.5 for _, size in diffs), "a diff does not grow with the incident"


def test_a_warmed_store_merges_a_report_as_a_cold_one_does(db_url: str) -> None:
    """``Store.warm`` decodes the stored mentions once; a report joining then gives what it gives cold."""
    incident, _, _, mentions = _grow(db_url)
    doc, reps, ments = f.bundle(f.TEXT + "\n\nOne more update from the market.", article_id="u-late")
    with open_store(db_url) as warm, open_store(db_url) as other:
        assert warm.warm() == len(mentions) and warm.warm(limit=3) == len(mentions)  # a limit, and no re-read
        assert {m.key for m in warm._mention_cache.values()} == {m.key for m in mentions}
        warm.add_document(doc, reps, ments, derive=lambda nb: update_for(ments, nb, "conservative"))
        (grown,) = other.incidents()
    assert grown == build_incidents([*mentions, *ments])[0] and grown.id == incident.id
