"""Review with audit: people's review actions, users and their hashed tokens, who and why on versions.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03

* ``review_actions``: one row per review action (confirm, correct, merge, split, wrong):
  the incident reviewed, the mention it is anchored to, who, why, when, and the
  action's details as JSON;
* ``users``: name, role (reader, editor, admin), the token's id and the scrypt hash of
  its secret (with its salt), when created and revoked;
* ``incident_versions.author`` and ``.reason``: who made a review change and why (null for
  the machine's changes).
"""

from __future__ import annotations

from typing import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY = sa.String().with_variant(sa.String(collation="C"), "postgresql")
TIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "review_actions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("incident_id", KEY, nullable=False),
        sa.Column("anchor", KEY, nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("recorded_at", TIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_review_actions"),
    )
    op.create_index("ix_review_actions_anchor", "review_actions", ["anchor"])
    op.create_table(
        "users",
        sa.Column("name", KEY, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("token_id", sa.String(32), nullable=False),
        sa.Column("salt", sa.String(64), nullable=False),
        sa.Column("token_hash", sa.String(128), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("revoked_at", TIME, nullable=True),
        sa.PrimaryKeyConstraint("name", name="pk_users"),
        sa.UniqueConstraint("token_id", name="uq_users_token_id"),
    )
    with op.batch_alter_table("incident_versions") as batch:
        batch.add_column(sa.Column("author", sa.Text(), nullable=True))
        batch.add_column(sa.Column("reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("incident_versions") as batch:
        batch.drop_column("reason")
        batch.drop_column("author")
    op.drop_table("users")
    op.drop_index("ix_review_actions_anchor", table_name="review_actions")
    op.drop_table("review_actions")
