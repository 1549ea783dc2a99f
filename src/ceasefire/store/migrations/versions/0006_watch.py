"""The state of ``ceasefire watch``: sources, items seen, errors, alert marks and outbox.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03

* ``watch_sources``: one row per configured source: its conditional-request
  validators (ETag, Last-Modified), when it was last polled, last succeeded, last
  brought a new item and is next due, and its consecutive and total error counts;
* ``watch_items``: every item a source listed (a file, a feed entry, a URL), its
  state (``done``, ``retry``, ``failed``), attempts, next retry and the document it
  became;
* ``watch_errors``: one row per error met while polling or fetching;
* ``watch_marks``: per incident, the last version alert rules were decided for;
* ``watch_outbox``: the alerts to deliver, one row per (channel, rule, incident,
  version), with delivery attempts and state (``pending``, ``sent``, ``dead``);
* ``watch_meta``: small key-value facts (when alerting started).
"""

from __future__ import annotations

from typing import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY = sa.String().with_variant(sa.String(collation="C"), "postgresql")
TIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("name", KEY, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("last_poll_at", TIME, nullable=True),
        sa.Column("last_ok_at", TIME, nullable=True),
        sa.Column("last_new_at", TIME, nullable=True),
        sa.Column("next_poll_at", TIME, nullable=True),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("error_total", sa.Integer(), nullable=False),
        sa.Column("items_new", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("name", name="pk_watch_sources"),
    )
    op.create_table(
        "watch_items",
        sa.Column("source", KEY, nullable=False),
        sa.Column("item", KEY, nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_try_at", TIME, nullable=True),
        sa.Column("document_sha256", sa.String(64), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("first_seen_at", TIME, nullable=False),
        sa.Column("done_at", TIME, nullable=True),
        sa.PrimaryKeyConstraint("source", "item", name="pk_watch_items"),
    )
    op.create_index("ix_watch_items_source_state", "watch_items", ["source", "state"])
    op.create_table(
        "watch_errors",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source", KEY, nullable=False),
        sa.Column("item", sa.Text(), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("recorded_at", TIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_watch_errors"),
    )
    op.create_index("ix_watch_errors_source", "watch_errors", ["source"])
    op.create_table(
        "watch_marks",
        sa.Column("incident_id", KEY, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("incident_id", name="pk_watch_marks"),
    )
    op.create_table(
        "watch_outbox",
        sa.Column("key", KEY, nullable=False),
        sa.Column("channel", sa.Text(), nullable=False),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("incident_id", KEY, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("next_try_at", TIME, nullable=True),
        sa.Column("sent_at", TIME, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("key", name="pk_watch_outbox"),
    )
    op.create_index("ix_watch_outbox_state", "watch_outbox", ["state"])
    op.create_table(
        "watch_meta",
        sa.Column("key", KEY, nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_watch_meta"),
    )


def downgrade() -> None:
    op.drop_table("watch_meta")
    op.drop_index("ix_watch_outbox_state", table_name="watch_outbox")
    op.drop_table("watch_outbox")
    op.drop_table("watch_marks")
    op.drop_index("ix_watch_errors_source", table_name="watch_errors")
    op.drop_table("watch_errors")
    op.drop_index("ix_watch_items_source_state", table_name="watch_items")
    op.drop_table("watch_items")
    op.drop_table("watch_sources")
