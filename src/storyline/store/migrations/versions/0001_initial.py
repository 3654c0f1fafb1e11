"""Initial schema: articles, their removed lines, and rejects.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def _identifier() -> sa.types.TypeEngine[str]:
    # Frozen copy of models.identifier(): a migration must not change when the models do.
    return sa.String().with_variant(sa.String(collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", _identifier(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("uri", sa.Text(), nullable=False),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("language_score", sa.Double(), nullable=True),
        sa.Column("raw_text", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("copy_of", _identifier(), nullable=True),
        sa.Column("copy_kind", sa.Text(), nullable=True),
        sa.Column("spin_score", sa.Double(), nullable=True),
        sa.Column("copy_evidence", sa.Text(), nullable=True),
        sa.Column("spin_evidence", sa.Text(), nullable=True),
        sa.Column("story_id", _identifier(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("seq", name="uq_articles_seq"),
    )
    op.create_table(
        "removed_lines",
        sa.Column("article_id", _identifier(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_removed_lines_article_id_articles", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("article_id", "position", name="pk_removed_lines"),
    )
    op.create_table(
        "rejects",
        sa.Column("id", _identifier(), nullable=False),
        sa.Column("uri", sa.Text(), nullable=False),
        sa.Column("line", sa.BigInteger(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_rejects"),
    )


def downgrade() -> None:
    op.drop_table("rejects")
    op.drop_table("removed_lines")
    op.drop_table("articles")
