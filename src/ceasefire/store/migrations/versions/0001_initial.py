"""The initial schema: documents, reports, mentions, claims, incidents, problems.

Revision ID: 0001
Revises:
Create Date: 2026-05-09

Frozen: later changes go in new revisions, never here.
"""

from __future__ import annotations

from typing import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY = sa.String().with_variant(sa.String(collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("media_type", sa.Text(), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_documents"),
    )
    op.create_table(
        "reports",
        sa.Column("key", KEY, nullable=False),
        sa.Column("document_sha256", sa.String(64), nullable=False),
        sa.Column("part", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("article_outlet", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("publication_date", sa.Date(), nullable=True),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.Column("body_start", sa.Integer(), nullable=False),
        sa.Column("body_end", sa.Integer(), nullable=False),
        sa.Column("headline", sa.JSON(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("byline", sa.Text(), nullable=True),
        sa.Column("dateline", sa.Date(), nullable=True),
        sa.Column("dateline_start", sa.Integer(), nullable=True),
        sa.Column("dateline_end", sa.Integer(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_sha256"],
            ["documents.sha256"],
            name="fk_reports_document_sha256_documents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", name="pk_reports"),
        sa.UniqueConstraint("document_sha256", "part", name="uq_reports_document_sha256"),
    )
    op.create_index("ix_reports_document_sha256", "reports", ["document_sha256"])
    op.create_index("ix_reports_article_id", "reports", ["article_id"])

    op.create_table(
        "mentions",
        sa.Column("key", KEY, nullable=False),
        sa.Column("report_key", KEY, nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("part", sa.Integer(), nullable=False),
        sa.Column("event_type", sa.Text(), nullable=True),
        sa.Column("sub_event_type", sa.Text(), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(16), nullable=False),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("country", sa.String(8), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_key"], ["reports.key"], name="fk_mentions_report_key_reports", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("key", name="pk_mentions"),
    )
    op.create_index("ix_mentions_report_key", "mentions", ["report_key"])

    op.create_table(
        "claims",
        sa.Column("id", KEY, nullable=False),
        sa.Column("mention_key", KEY, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("min", sa.Integer(), nullable=True),
        sa.Column("max", sa.Integer(), nullable=True),
        sa.Column("approx", sa.Boolean(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_type", sa.String(32), nullable=False),
        sa.Column("carried_by", sa.Text(), nullable=True),
        sa.Column("victims", sa.Text(), nullable=True),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("field", sa.String(16), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["mention_key"], ["mentions.key"], name="fk_claims_mention_key_mentions", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
        sa.UniqueConstraint("mention_key", "seq", name="uq_claims_mention_key"),
    )
    op.create_index("ix_claims_mention_key", "claims", ["mention_key"])

    op.create_table(
        "incidents",
        sa.Column("id", KEY, nullable=False),
        sa.Column("event_type", sa.Text(), nullable=True),
        sa.Column("sub_event_type", sa.Text(), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(16), nullable=False),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("country", sa.String(8), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("killed_low", sa.Integer(), nullable=True),
        sa.Column("killed_best", sa.Integer(), nullable=True),
        sa.Column("killed_high", sa.Integer(), nullable=True),
        sa.Column("wounded_low", sa.Integer(), nullable=True),
        sa.Column("wounded_best", sa.Integer(), nullable=True),
        sa.Column("wounded_high", sa.Integer(), nullable=True),
        sa.Column("n_reports", sa.Integer(), nullable=False),
        sa.Column("n_sources", sa.Integer(), nullable=False),
        sa.Column("grade", sa.String(32), nullable=False),
        sa.Column("policy", sa.String(32), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_incidents"),
    )
    op.create_index("ix_incidents_date_start", "incidents", ["date_start"])
    op.create_index("ix_incidents_country", "incidents", ["country"])

    op.create_table(
        "incident_mentions",
        sa.Column("incident_id", KEY, nullable=False),
        sa.Column("mention_key", KEY, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name="fk_incident_mentions_incident_id_incidents",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["mention_key"],
            ["mentions.key"],
            name="fk_incident_mentions_mention_key_mentions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("incident_id", "mention_key", name="pk_incident_mentions"),
    )
    op.create_index("ix_incident_mentions_mention_key", "incident_mentions", ["mention_key"])

    op.create_table(
        "problems",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_problems"),
    )


def downgrade() -> None:
    op.drop_table("problems")
    op.drop_index("ix_incident_mentions_mention_key", table_name="incident_mentions")
    op.drop_table("incident_mentions")
    op.drop_index("ix_incidents_country", table_name="incidents")
    op.drop_index("ix_incidents_date_start", table_name="incidents")
    op.drop_table("incidents")
    op.drop_index("ix_claims_mention_key", table_name="claims")
    op.drop_table("claims")
    op.drop_index("ix_mentions_report_key", table_name="mentions")
    op.drop_table("mentions")
    op.drop_index("ix_reports_article_id", table_name="reports")
    op.drop_index("ix_reports_document_sha256", table_name="reports")
    op.drop_table("reports")
    op.drop_table("documents")
