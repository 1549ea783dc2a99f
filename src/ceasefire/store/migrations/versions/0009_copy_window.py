"""Near copies looked for around a report's date: ``report_bands.day``.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04

* ``report_bands.day``: the date of the original the band is of (its dateline's, else
  its publication date; ``NULL`` when it has neither), and an index on (band, day,
  report_key), so that a new report's near-copy candidates are an index range around
  its own date, at most ``band_cap`` of them per band (``data/ingest_copies.json``,
  ``docs/ingest.md``, "Copies"), never every report that ever shared a band.

Bands stored before this revision get the day of their report, from its columns.
"""

from __future__ import annotations

from typing import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("report_bands") as batch:
        batch.add_column(sa.Column("day", sa.Date(), nullable=True))
    bands = sa.table("report_bands", sa.column("report_key"), sa.column("day", sa.Date))
    reports = sa.table("reports", sa.column("key"), sa.column("dateline", sa.Date), sa.column("published", sa.Date))
    day = (
        sa.select(sa.func.coalesce(reports.c.dateline, reports.c.published))
        .where(reports.c.key == bands.c.report_key)
        .scalar_subquery()
    )
    op.get_bind().execute(sa.update(bands).values(day=day))
    op.create_index("ix_report_bands_day", "report_bands", ["band", "day", "report_key"])


def downgrade() -> None:
    op.drop_index("ix_report_bands_day", table_name="report_bands")
    with op.batch_alter_table("report_bands") as batch:
        batch.drop_column("day")
