"""Agreements and the violation check's results.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03

* ``agreements``: one row per agreement added (``ceasefire agreement add``): its id and name,
  the file's text as added (``content``) and its sha256, and the agreement as JSON (``payload``);
* ``violations``: one incident judged against one agreement at one of the incident's versions
  (``docs/agreements.md``): the status, whether the row is the incident's current judgement
  (``current``), and the result as JSON. Rows of earlier versions are kept, so a brief can be
  issued again exactly as it was.
"""

from __future__ import annotations

from typing import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY = sa.String().with_variant(sa.String(collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "agreements",
        sa.Column("id", KEY, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_agreements"),
    )
    op.create_table(
        "violations",
        sa.Column("agreement_id", KEY, nullable=False),
        sa.Column("incident_id", KEY, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("current", sa.Boolean(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreements.id"], name="fk_violations_agreement_id_agreements", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("agreement_id", "incident_id", "version", name="pk_violations"),
    )
    op.create_index("ix_violations_agreement_current", "violations", ["agreement_id", "current", "status"])
    op.create_index("ix_violations_incident_id", "violations", ["incident_id"])


def downgrade() -> None:
    op.drop_index("ix_violations_incident_id", table_name="violations")
    op.drop_index("ix_violations_agreement_current", table_name="violations")
    op.drop_table("violations")
    op.drop_table("agreements")
