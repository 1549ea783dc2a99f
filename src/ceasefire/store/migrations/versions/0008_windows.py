"""Windowed neighbourhood lookups: the ``mention_blocks`` table.

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-03

* ``mention_blocks``: one row per key a mention is found by when a new mention's
  neighbourhood is read (``country:<code>``, ``figure:<kind>:<min>:<max>``), with its
  date range and span class, and a covering index on (block, span, date_start,
  date_end, mention_key, report_key): the lookup is an index range per span class
  inside the mention's date reach (see ``store/blocks.py``);
* the indexes the unwindowed lookup read by (``ix_mentions_country_date``,
  ``ix_claims_figure``) are dropped: nothing reads by them any more.

Mentions stored before this revision get their rows here, from their columns and
their claims' figures, as ``store.blocks.block_rows`` would write them.
"""

from __future__ import annotations

from typing import Any, Iterator, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY = sa.String().with_variant(sa.String(collation="C"), "postgresql")
UNDATED = -1  # as store.blocks: frozen here, a migration does not change with the code
MAX_SPAN_CLASS = 12
_BATCH = 2000


def upgrade() -> None:
    op.create_table(
        "mention_blocks",
        sa.Column("mention_key", KEY, nullable=False),
        sa.Column("block", KEY, nullable=False),
        sa.Column("report_key", KEY, nullable=False),
        sa.Column("span", sa.Integer(), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["mention_key"], ["mentions.key"], name="fk_mention_blocks_mention_key_mentions", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("mention_key", "block", name="pk_mention_blocks"),
    )
    op.create_index(
        "ix_mention_blocks_reach", "mention_blocks",
        ["block", "span", "date_start", "date_end", "mention_key", "report_key"],
    )
    conn = op.get_bind()
    for rows in _rows(conn):
        if rows:
            conn.execute(sa.insert(_BLOCKS), rows)
    op.drop_index("ix_mentions_country_date", table_name="mentions")
    op.drop_index("ix_claims_figure", table_name="claims")


_BLOCKS = sa.table("mention_blocks", sa.column("mention_key"), sa.column("block"), sa.column("report_key"),
                   sa.column("span"), sa.column("date_start", sa.Date), sa.column("date_end", sa.Date))
_MENTIONS = sa.table("mentions", sa.column("key"), sa.column("report_key"), sa.column("country"),
                     sa.column("date_start", sa.Date), sa.column("date_end", sa.Date), sa.column("date_precision"))
_CLAIMS = sa.table("claims", sa.column("mention_key"), sa.column("kind"), sa.column("min"), sa.column("max"))


def _rows(conn: sa.Connection) -> Iterator[list[dict[str, Any]]]:
    """The rows of the stored mentions, a page of mentions at a time (keyset pages: memory stays flat)."""
    m, c = _MENTIONS.c, _CLAIMS.c
    after = ""
    while True:
        page = conn.execute(
            sa.select(m.key, m.report_key, m.country, m.date_start, m.date_end, m.date_precision)
            .where(m.key > after).order_by(m.key).limit(_BATCH)
        ).all()
        if not page:
            return
        after = page[-1][0]
        figures: dict[str, set[str]] = {}
        query = sa.select(c.mention_key, c.kind, c.min, c.max).where(c.mention_key.in_([r[0] for r in page]))
        for key, kind, lo, hi in conn.execute(query):
            figures.setdefault(key, set()).add(f"figure:{kind}:{_int(lo)}:{_int(hi)}")
        out: list[dict[str, Any]] = []
        for key, report_key, country, start, end, precision in page:
            blocks = figures.get(key, set()) | ({f"country:{country}"} if country else set())
            if start is None or precision == "unknown":
                span, start, end = UNDATED, None, None
            else:
                end = end or start
                span = min(max(0, (end - start).days).bit_length(), MAX_SPAN_CLASS)
            out.extend({"mention_key": key, "block": b, "report_key": report_key, "span": span,
                        "date_start": start, "date_end": end} for b in sorted(blocks))
        yield out


def _int(n: int | None) -> str:
    return "" if n is None else str(n)


def downgrade() -> None:
    op.create_index("ix_claims_figure", "claims", ["kind", "min", "max"])
    op.create_index("ix_mentions_country_date", "mentions", ["country", "date_start"])
    op.drop_index("ix_mention_blocks_reach", table_name="mention_blocks")
    op.drop_table("mention_blocks")
