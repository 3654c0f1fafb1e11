"""What the extraction stages find: mentions, times, quotes, event reports; entities and events views.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def _identifier() -> sa.types.TypeEngine[str]:
    # Frozen copy of models.identifier(): a migration must not change when the models do.
    return sa.String().with_variant(sa.String(collation="C"), "postgresql")


def _article_key(table: str) -> list[sa.schema.SchemaItem]:
    return [
        sa.Column("article_id", _identifier(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=f"fk_{table}_article_id_articles", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("article_id", "position", name=f"pk_{table}"),
    ]


def _span(prefix: str) -> list[sa.schema.SchemaItem]:
    return [
        sa.Column(f"{prefix}start", sa.Integer(), nullable=False),
        sa.Column(f"{prefix}end", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "mentions",
        *_article_key("mentions"),
        *_span(""),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("entity_id", _identifier(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("lat", sa.Double(), nullable=True),
        sa.Column("lon", sa.Double(), nullable=True),
        sa.Column("geonames_id", sa.BigInteger(), nullable=True),
        sa.Column("place_evidence", sa.Text(), nullable=True),
    )
    op.create_index("ix_mentions_entity_id", "mentions", ["entity_id"])
    op.create_table(
        "times",
        *_article_key("times"),
        *_span(""),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("timex_type", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("mod", sa.Text(), nullable=True),
        sa.Column("rule", sa.Text(), nullable=False),
    )
    op.create_table(
        "quotes",
        *_article_key("quotes"),
        sa.Column("id", _identifier(), nullable=False),
        *_span(""),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("direct", sa.Boolean(), nullable=False),
        sa.Column("cue", sa.Text(), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("source_start", sa.Integer(), nullable=True),
        sa.Column("source_end", sa.Integer(), nullable=True),
        sa.Column("speaker", sa.Text(), nullable=True),
        sa.Column("speaker_start", sa.Integer(), nullable=True),
        sa.Column("speaker_end", sa.Integer(), nullable=True),
        sa.Column("speaker_entity_id", _identifier(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("same_as", _identifier(), nullable=True),
        sa.UniqueConstraint("id", name="uq_quotes_id"),
    )
    op.create_index("ix_quotes_speaker_entity_id", "quotes", ["speaker_entity_id"])
    op.create_table(
        "event_mentions",
        *_article_key("event_mentions"),
        sa.Column("event_id", _identifier(), nullable=True),
        sa.Column("plover", sa.Text(), nullable=False),
        sa.Column("mode", sa.Text(), nullable=True),
        sa.Column("context", sa.Text(), nullable=True),
        sa.Column("cameo", sa.Text(), nullable=True),
        sa.Column("source_text", sa.Text(), nullable=True),
        sa.Column("source_entity_id", _identifier(), nullable=True),
        sa.Column("target_text", sa.Text(), nullable=True),
        sa.Column("target_entity_id", _identifier(), nullable=True),
        sa.Column("location_text", sa.Text(), nullable=True),
        sa.Column("location_entity_id", _identifier(), nullable=True),
        sa.Column("date", sa.Text(), nullable=True),
        sa.Column("date_text", sa.Text(), nullable=True),
        *_span(""),
        *_span("trigger_"),
        sa.Column("confidence", sa.Double(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
    )
    op.create_index("ix_event_mentions_event_id", "event_mentions", ["event_id"])
    op.create_table(
        "entities",
        sa.Column("id", _identifier(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("aliases", sa.Text(), nullable=False),
        sa.Column("roles", sa.Text(), nullable=False),
        sa.Column("country", sa.Text(), nullable=True),
        sa.Column("sector", sa.Text(), nullable=True),
        sa.Column("lat", sa.Double(), nullable=True),
        sa.Column("lon", sa.Double(), nullable=True),
        sa.Column("geonames_id", sa.BigInteger(), nullable=True),
        sa.Column("merges", sa.Text(), nullable=False),
        sa.Column("mention_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entities"),
    )
    op.create_table(
        "entity_redirects",
        sa.Column("from_id", _identifier(), nullable=False),
        sa.Column("to_id", _identifier(), nullable=False),
        sa.PrimaryKeyConstraint("from_id", name="pk_entity_redirects"),
    )
    op.create_table(
        "events",
        sa.Column("id", _identifier(), nullable=False),
        sa.Column("plover", sa.Text(), nullable=False),
        sa.Column("mode", sa.Text(), nullable=True),
        sa.Column("cameo", sa.Text(), nullable=True),
        sa.Column("source_ids", sa.Text(), nullable=False),
        sa.Column("target_ids", sa.Text(), nullable=False),
        sa.Column("location_id", _identifier(), nullable=True),
        sa.Column("date", sa.Text(), nullable=True),
        sa.Column("date_text", sa.Text(), nullable=True),
        sa.Column("story_id", _identifier(), nullable=True),
        sa.Column("independent_sources", sa.Integer(), nullable=False),
        sa.Column("confidence", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
    )
    op.create_index("ix_events_plover", "events", ["plover"])
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_story_id", "events", ["story_id"])
    op.create_table(
        "event_actors",
        sa.Column("event_id", _identifier(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("entity_id", _identifier(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", "role", "entity_id", name="pk_event_actors"),
    )
    op.create_index("ix_event_actors_entity_id", "event_actors", ["entity_id"])


def downgrade() -> None:
    for table in ("event_actors", "events", "entity_redirects", "entities", "event_mentions", "quotes", "times"):
        op.drop_table(table)
    op.drop_table("mentions")
