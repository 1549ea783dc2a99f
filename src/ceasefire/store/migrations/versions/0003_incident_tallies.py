"""Incidents that grow cheaply: tallies, mention-less payloads, versions as snapshots and diffs.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03

* ``incidents.tally``: what the incident's fields are derived from, so that a new
  report updates it without reading its other mentions (null for incidents stored
  before: they are re-derived whole the next time they change).
* ``incidents.payload`` no longer holds the mentions (``incident_mentions`` does).
* ``incident_mentions.position`` is dropped: mentions are ordered by key.
* ``incident_versions.kind``: ``snapshot`` (payload: the fields and every mention
  key), ``diff`` (payload: the fields that changed, the mention keys added and
  removed) or ``retired`` (no payload). Stored versions become snapshots.
"""

from __future__ import annotations

from typing import Any, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _key(mention: dict[str, Any]) -> str:
    trigger = mention["trigger"]
    return f"{mention['report_key']}@{trigger['field']}:{trigger['start']}"


def _head(payload: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in payload.items() if k != "mentions"}


def upgrade() -> None:
    op.add_column("incidents", sa.Column("tally", sa.JSON(), nullable=True))
    with op.batch_alter_table("incident_mentions") as batch:
        batch.drop_column("position")
    op.add_column("incident_versions", sa.Column("kind", sa.String(16), nullable=False, server_default="snapshot"))
    with op.batch_alter_table("incident_versions") as batch:
        batch.alter_column("kind", server_default=None)
    conn = op.get_bind()
    incidents = sa.table("incidents", sa.column("id", sa.String()), sa.column("payload", sa.JSON()))
    for incident_id, payload in conn.execute(sa.select(incidents.c.id, incidents.c.payload)).all():
        if "mentions" in payload:
            conn.execute(incidents.update().where(incidents.c.id == incident_id).values(payload=_head(payload)))
    versions = sa.table(
        "incident_versions",
        sa.column("incident_id", sa.String()),
        sa.column("version", sa.Integer()),
        sa.column("kind", sa.String()),
        sa.column("payload", sa.JSON()),
    )
    rows = conn.execute(sa.select(versions.c.incident_id, versions.c.version, versions.c.payload)).all()
    for incident_id, version, payload in rows:
        where = (versions.c.incident_id == incident_id) & (versions.c.version == version)
        if payload is None:
            conn.execute(versions.update().where(where).values(kind="retired"))
        else:
            members = sorted(_key(m) for m in payload.get("mentions", []))
            conn.execute(versions.update().where(where).values(payload={"head": _head(payload), "members": members}))


def downgrade() -> None:
    raise NotImplementedError("ceasefire stores are not downgraded; restore a backup instead")
