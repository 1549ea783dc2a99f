"""Incident history and the indexes incremental merging reads by.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

* ``incident_versions``: every change to an incident (created, grew, merged,
  split, re-derived) with its time, its cause and what the incident became.
* indexes on mentions (country, date) and claims (kind, min, max), so a new
  mention finds its neighbours without reading the whole store.
"""

from __future__ import annotations

from typing import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY = sa.String().with_variant(sa.String(collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "incident_versions",
        sa.Column("incident_id", KEY, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cause", sa.Text(), nullable=False),
        sa.Column("successors", sa.JSON(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("incident_id", "version", name="pk_incident_versions"),
    )
    op.create_index("ix_mentions_country_date", "mentions", ["country", "date_start"])
    op.create_index("ix_claims_figure", "claims", ["kind", "min", "max"])


def downgrade() -> None:
    op.drop_index("ix_claims_figure", table_name="claims")
    op.drop_index("ix_mentions_country_date", table_name="mentions")
    op.drop_table("incident_versions")
