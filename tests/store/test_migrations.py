"""Upgrading a store written by an earlier version: its incidents and their history survive."""

from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import command
from sqlalchemy import insert

from ceasefire.model import Incident, Mention
from ceasefire.store import open_store
from ceasefire.store import rows as R
from ceasefire.store import tables as T
from ceasefire.store.codec import to_json
from ceasefire.store.engine import _alembic_config, make_engine, normalise_url
from ceasefire.store.work import read_versions
from tests.store import factory as f


def _old(name: str, *columns: str, json: tuple[str, ...] = ()) -> sa.TableClause:
    """A table as revision 0002 had it (only the columns written here)."""
    return sa.table(name, *(sa.column(c, sa.JSON if c in json else None) for c in columns))


def _legacy_store(url: str) -> tuple[Incident, list[Mention]]:
    """A store at revision 0002 holding one incident and two versions in the old format."""
    engine = make_engine(normalise_url(url))
    config = _alembic_config()
    doc, reps, ments = f.bundle()
    inc = f.incident("old1", tuple(ments))
    legacy = {k: v for k, v in to_json(inc).items() if k != "tally"}  # the payload held every mention
    row = {k: v for k, v in R.incident_row(inc, ments).items() if k != "tally"}
    now = datetime.now(timezone.utc)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
        conn.execute(insert(T.documents), [R.document_row(doc, now)])
        later = ("body_hash", "copy_of", "copy_of_id", "copy_of_part")  # columns of revision 0004
        report_rows = [{k: v for k, v in R.report_row(r).items() if k not in later} for r in reps]
        conn.execute(insert(_old("reports", *report_rows[0], json=("extra", "headline"))), report_rows)
        conn.execute(insert(T.mentions), [R.mention_row(m) for m in ments])
        conn.execute(insert(T.claims), [row for m in ments for row in R.claim_rows(m)])
        conn.execute(insert(_old("incidents", *row, json=("payload",))), [{**row, "payload": legacy}])
        links = _old("incident_mentions", "incident_id", "mention_key", "position")
        conn.execute(insert(links), [{"incident_id": "old1", "mention_key": m.key, "position": n}
                                     for n, m in enumerate(ments)])
        versions = _old("incident_versions", "incident_id", "version", "recorded_at", "cause", "successors",
                        "payload", json=("successors", "payload"))
        conn.execute(insert(versions), [
            {"incident_id": "old1", "version": n, "recorded_at": now, "cause": f"cause {n}", "successors": [],
             "payload": payload} for n, payload in ((1, legacy), (2, None))
        ])
    engine.dispose()
    return inc, ments


def test_a_store_of_revision_0002_upgrades_with_its_incidents_and_history(db_url: str) -> None:
    inc, ments = _legacy_store(db_url)
    with open_store(db_url) as store:
        (back,) = store.incidents()
        assert back.id == "old1" and back.tally is None
        assert back.head == inc.head and {m.key for m in back.mentions} == {m.key for m in ments}
        with store._read() as conn:
            versions = read_versions(conn, "old1")
        assert [v.version for v in versions] == [1, 2]
        assert versions[0].incident == inc.head and set(versions[0].added) == {m.key for m in ments}
        assert versions[1].incident is None and set(versions[1].removed) == {m.key for m in ments}
