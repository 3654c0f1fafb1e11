"""Stories, topics, and the stages' saved corpus-level state.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def _identifier() -> sa.types.TypeEngine[str]:
    # Frozen copy of models.identifier(): a migration must not change when the models do.
    return sa.String().with_variant(sa.String(collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", _identifier(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("topic_id", _identifier(), nullable=True),
        sa.Column("first_published", sa.Text(), nullable=True),
        sa.Column("last_published", sa.Text(), nullable=True),
        sa.Column("independent_sources", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stories"),
    )
    op.create_table(
        "topics",
        sa.Column("id", _identifier(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_topics"),
    )
    op.create_table(
        "corpus_state",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_corpus_state"),
    )


def downgrade() -> None:
    op.drop_table("corpus_state")
    op.drop_table("topics")
    op.drop_table("stories")
