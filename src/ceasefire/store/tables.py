"""The store's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

The schema itself is created by the Alembic migrations in ``migrations/``;
these definitions must match them (a test compares the two).

* ``documents``: one row per ingested thing, raw bytes kept.
* ``reports``: one row per report (article part), with the article's fields, the hash of
  its normalised content and, for a copy, the original it carries (``copy_of``).
* ``report_bands``: the LSH bands of each original report's shingles, with the report's
  date, by which a near copy published around then finds it (``ingest.copies``).
* ``mentions``: queryable columns plus the mention as JSON (without its claims).
* ``claims``: one row per claim of a mention, queryable columns plus the claim as JSON.
* ``mention_blocks``: the keys each mention is found by when a new mention's neighbourhood
  is read (its country, each claim's figure), with its date range and span class
  (``store.blocks``).
* ``incidents`` and ``incident_mentions``: the current incidents (their derived fields and
  the tally they are derived from) and their mentions.
* ``incident_versions``: every change to an incident, with time and cause (nothing is
  overwritten): a ``snapshot`` (every field and every mention key), a ``diff`` (the fields
  that changed and the mentions that joined or left) or a ``retired`` mark.
* ``problems``: inputs that could not be ingested.
* ``agreements``: the agreements added, each file's text and hash and the agreement as JSON.
* ``violations``: each incident judged against each agreement, per incident version
  (``current`` marks the incident's latest judgement; earlier ones are kept).
* ``review_actions``: people's review actions (confirm, correct, merge, split, wrong), each
  with who, when and why, applied whenever incidents are derived (docs/incidents.md).
* ``users``: who may review: name, role, and the scrypt hash of their token (never the token).
* ``watch_sources``, ``watch_items``, ``watch_errors``, ``watch_marks``, ``watch_outbox``,
  ``watch_meta``: the state of ``ceasefire watch`` (docs/watch.md): each source's
  conditional-request validators, schedule and errors; every item seen and what became
  of it; the last incident version alerts were decided for; the alerts to deliver.

Columns with ``info={"snapshot": False}`` (times, surrogate ids) are left out of
:meth:`Store.snapshot`, which compares stores for equality.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

__all__ = [
    "metadata",
    "documents",
    "reports",
    "report_bands",
    "mentions",
    "claims",
    "mention_blocks",
    "incidents",
    "incident_mentions",
    "incident_versions",
    "problems",
    "agreements",
    "violations",
    "review_actions",
    "users",
    "watch_sources",
    "watch_items",
    "watch_errors",
    "watch_marks",
    "watch_outbox",
    "watch_meta",
    "KEY",
]

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

# Keys compare bytewise on PostgreSQL too, so ordering matches SQLite and Python.
KEY = String().with_variant(String(collation="C"), "postgresql")
NO_SNAPSHOT = {"snapshot": False}

documents = Table(
    "documents",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("origin", Text, nullable=False),
    Column("media_type", Text, nullable=False),
    Column("raw", LargeBinary, nullable=False),
    Column("meta", JSON, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False, info=NO_SNAPSHOT),
)

reports = Table(
    "reports",
    metadata,
    Column("key", KEY, primary_key=True),
    Column(
        "document_sha256",
        String(64),
        ForeignKey("documents.sha256", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("part", Integer, nullable=False),
    # the article (interchange.md): every offset counts in text/title
    Column("article_id", Text, nullable=False, index=True),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("article_outlet", Text),
    Column("url", Text),
    Column("publication_date", Date),
    Column("extra", JSON, nullable=False),
    # the report inside the article
    Column("body_start", Integer, nullable=False),
    Column("body_end", Integer, nullable=False),
    Column("headline", JSON),
    Column("outlet", Text),
    Column("byline", Text),
    Column("dateline", Date),
    Column("dateline_start", Integer),
    Column("dateline_end", Integer),
    Column("published", Date),
    # copies (ingest.copies): the content's sha256, and the original this report carries again
    Column("body_hash", String(64), index=True),
    Column("copy_of", KEY),
    Column("copy_of_id", Text),
    Column("copy_of_part", Integer),
    UniqueConstraint("document_sha256", "part"),
)

report_bands = Table(
    "report_bands",
    metadata,
    Column("band", String(32), primary_key=True),
    Column("report_key", KEY, ForeignKey("reports.key", ondelete="CASCADE"), primary_key=True),
    Column("day", Date),
    Index(None, "report_key"),
    Index("ix_report_bands_day", "band", "day", "report_key"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("key", KEY, primary_key=True),
    Column("report_key", KEY, ForeignKey("reports.key", ondelete="CASCADE"), nullable=False, index=True),
    Column("article_id", Text, nullable=False),
    Column("part", Integer, nullable=False),
    Column("event_type", Text),
    Column("sub_event_type", Text),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("date_precision", String(16), nullable=False),
    Column("place_name", Text),
    Column("country", String(8)),
    Column("admin1", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("payload", JSON, nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("id", KEY, primary_key=True),
    Column("mention_key", KEY, ForeignKey("mentions.key", ondelete="CASCADE"), nullable=False, index=True),
    Column("seq", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("min", Integer),
    Column("max", Integer),
    Column("approx", Boolean, nullable=False),
    Column("source", Text, nullable=False),
    Column("source_type", String(32), nullable=False),
    Column("carried_by", Text),
    Column("victims", Text),
    Column("scope", Text, nullable=False),
    Column("hedged", Boolean, nullable=False),
    Column("field", String(16), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
    Column("payload", JSON, nullable=False),
    UniqueConstraint("mention_key", "seq"),
)

# the neighbourhood lookup: one index range per (block, span class), covering (store.blocks)
mention_blocks = Table(
    "mention_blocks",
    metadata,
    Column("mention_key", KEY, ForeignKey("mentions.key", ondelete="CASCADE"), primary_key=True),
    Column("block", KEY, primary_key=True),
    Column("report_key", KEY, nullable=False),
    Column("span", Integer, nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Index("ix_mention_blocks_reach", "block", "span", "date_start", "date_end", "mention_key", "report_key"),
)

incidents = Table(
    "incidents",
    metadata,
    Column("id", KEY, primary_key=True),
    Column("event_type", Text),
    Column("sub_event_type", Text),
    Column("date_start", Date, index=True),
    Column("date_end", Date),
    Column("date_precision", String(16), nullable=False),
    Column("place_name", Text),
    Column("country", String(8), index=True),
    Column("admin1", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("killed_low", Integer),
    Column("killed_best", Integer),
    Column("killed_high", Integer),
    Column("wounded_low", Integer),
    Column("wounded_best", Integer),
    Column("wounded_high", Integer),
    Column("n_reports", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("grade", String(32), nullable=False),
    Column("policy", String(32), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("tally", JSON),
)

incident_mentions = Table(
    "incident_mentions",
    metadata,
    Column("incident_id", KEY, ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
    Column("mention_key", KEY, ForeignKey("mentions.key", ondelete="CASCADE"), primary_key=True),
    Index(None, "mention_key"),
)

incident_versions = Table(
    "incident_versions",
    metadata,
    Column("incident_id", KEY, primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("recorded_at", DateTime(timezone=True), nullable=False, info=NO_SNAPSHOT),
    Column("cause", Text, nullable=False),
    Column("successors", JSON, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("payload", JSON),
    Column("author", Text),  # who made a review change (null: the machine)
    Column("reason", Text),  # the reviewer's reason
)

problems = Table(
    "problems",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True, info=NO_SNAPSHOT),
    Column("origin", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False, info=NO_SNAPSHOT),
)

agreements = Table(
    "agreements",
    metadata,
    Column("id", KEY, primary_key=True),
    Column("name", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("content", Text, nullable=False),
    Column("payload", JSON, nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False, info=NO_SNAPSHOT),
)

violations = Table(
    "violations",
    metadata,
    Column("agreement_id", KEY, ForeignKey("agreements.id", ondelete="CASCADE"), primary_key=True),
    Column("incident_id", KEY, primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("status", String(32), nullable=False),
    Column("current", Boolean, nullable=False),
    Column("payload", JSON, nullable=False),
    Index("ix_violations_agreement_current", "agreement_id", "current", "status"),
    Index(None, "incident_id"),
)


# -- ceasefire watch (migration 0006) -------------------------------------------

watch_sources = Table(
    "watch_sources",
    metadata,
    Column("name", KEY, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("location", Text, nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_poll_at", DateTime(timezone=True), info=NO_SNAPSHOT),
    Column("last_ok_at", DateTime(timezone=True), info=NO_SNAPSHOT),
    Column("last_new_at", DateTime(timezone=True), info=NO_SNAPSHOT),
    Column("next_poll_at", DateTime(timezone=True), info=NO_SNAPSHOT),
    Column("errors", Integer, nullable=False),
    Column("error_total", Integer, nullable=False),
    Column("items_new", Integer, nullable=False),
    Column("last_error", Text),
)

watch_items = Table(
    "watch_items",
    metadata,
    Column("source", KEY, primary_key=True),
    Column("item", KEY, primary_key=True),
    Column("url", Text),
    Column("state", String(16), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("next_try_at", DateTime(timezone=True), info=NO_SNAPSHOT),
    Column("document_sha256", String(64)),
    Column("last_error", Text),
    Column("first_seen_at", DateTime(timezone=True), nullable=False, info=NO_SNAPSHOT),
    Column("done_at", DateTime(timezone=True), info=NO_SNAPSHOT),
    Index("ix_watch_items_source_state", "source", "state"),
)

watch_errors = Table(
    "watch_errors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True, info=NO_SNAPSHOT),
    Column("source", KEY, nullable=False, index=True),
    Column("item", Text),
    Column("message", Text, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False, info=NO_SNAPSHOT),
)

watch_marks = Table(
    "watch_marks",
    metadata,
    Column("incident_id", KEY, primary_key=True),
    Column("version", Integer, nullable=False),
)

watch_outbox = Table(
    "watch_outbox",
    metadata,
    Column("key", KEY, primary_key=True),
    Column("channel", Text, nullable=False),
    Column("rule", Text, nullable=False),
    Column("incident_id", KEY, nullable=False),
    Column("version", Integer, nullable=False),
    Column("payload", JSON, nullable=False),
    Column("state", String(16), nullable=False, index=True),
    Column("attempts", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, info=NO_SNAPSHOT),
    Column("next_try_at", DateTime(timezone=True), info=NO_SNAPSHOT),
    Column("sent_at", DateTime(timezone=True), info=NO_SNAPSHOT),
    Column("last_error", Text),
)

watch_meta = Table(
    "watch_meta",
    metadata,
    Column("key", KEY, primary_key=True),
    Column("value", Text, nullable=False),
)

review_actions = Table(
    "review_actions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True, info=NO_SNAPSHOT),
    Column("action", String(16), nullable=False),
    Column("incident_id", KEY, nullable=False),
    Column("anchor", KEY, nullable=False, index=True),
    Column("author", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("payload", JSON, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False, info=NO_SNAPSHOT),
)

users = Table(
    "users",
    metadata,
    Column("name", KEY, primary_key=True),
    Column("role", String(16), nullable=False),
    Column("token_id", String(32), nullable=False, unique=True),
    Column("salt", String(64), nullable=False),
    Column("token_hash", String(128), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, info=NO_SNAPSHOT),
    Column("revoked_at", DateTime(timezone=True), info=NO_SNAPSHOT),
)
