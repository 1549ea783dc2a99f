"""Copies: the hash of each report's content, the original a copy carries, and LSH bands.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30

* ``reports.body_hash`` (indexed): the sha256 of the report's normalised content, by
  which an exact copy finds its original;
* ``reports.copy_of``, ``copy_of_id``, ``copy_of_part``: the original report a copy
  carries again (its key, article id and part), ``NULL`` for an original;
* ``report_bands``: the LSH bands of each original's shingles, by which a near copy
  finds it (an index probe per band, never a scan).

Reports stored before this revision have no hash and no bands: they are never found
as originals (see docs/ingest.md, "Copies").
"""

from __future__ import annotations

from typing import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY = sa.String().with_variant(sa.String(collation="C"), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("body_hash", sa.String(64), nullable=True))
        batch.add_column(sa.Column("copy_of", KEY, nullable=True))
        batch.add_column(sa.Column("copy_of_id", sa.Text(), nullable=True))
        batch.add_column(sa.Column("copy_of_part", sa.Integer(), nullable=True))
    op.create_index("ix_reports_body_hash", "reports", ["body_hash"])
    op.create_table(
        "report_bands",
        sa.Column("band", sa.String(32), nullable=False),
        sa.Column("report_key", KEY, nullable=False),
        sa.ForeignKeyConstraint(
            ["report_key"], ["reports.key"], name="fk_report_bands_report_key_reports", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("band", "report_key", name="pk_report_bands"),
    )
    op.create_index("ix_report_bands_report_key", "report_bands", ["report_key"])


def downgrade() -> None:
    op.drop_index("ix_report_bands_report_key", table_name="report_bands")
    op.drop_table("report_bands")
    op.drop_index("ix_reports_body_hash", table_name="reports")
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("copy_of_part")
        batch.drop_column("copy_of_id")
        batch.drop_column("copy_of")
        batch.drop_column("body_hash")
