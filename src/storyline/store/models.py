"""The store's tables, as SQLAlchemy Core metadata.

This is the schema the *code* expects; the migrations in ``migrations/versions`` are what *creates* it, and
a test checks that the two agree (``alembic`` finds no difference between a migrated database and this
metadata, on SQLite and on PostgreSQL).

Rows hold only what the articles are, never when they were stored: a rerun of the same ingest writes the
same rows, so a killed-then-rerun ingest gives exactly the database a clean run gives.

Identifier columns compare byte-wise on every backend (``COLLATE "C"`` on PostgreSQL, SQLite's default
``BINARY``), so ordering by an id gives the same order everywhere.
"""

from __future__ import annotations

import sqlalchemy as sa

NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


def identifier() -> sa.types.TypeEngine[str]:
    """A string id that sorts byte-wise on every backend."""
    return sa.String().with_variant(sa.String(collation="C"), "postgresql")


articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", identifier(), primary_key=True),
    # Ingest order, 1, 2, 3, …: assigned as max(seq) + 1 inside the transaction that adds the article.
    sa.Column("seq", sa.BigInteger(), nullable=False, unique=True),
    sa.Column("uri", sa.Text(), nullable=False),
    sa.Column("outlet", sa.Text()),
    sa.Column("title", sa.Text()),
    # ISO 8601 as far as it is known: "2021-10-06", "2021-10", "2021"; null when unknown.
    sa.Column("published", sa.Text()),
    sa.Column("url", sa.Text()),
    sa.Column("language", sa.Text()),
    sa.Column("language_score", sa.Double()),
    sa.Column("raw_text", sa.Text(), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    # Filled by later stages; null until then.
    sa.Column("copy_of", identifier()),
    sa.Column("copy_kind", sa.Text()),
    sa.Column("spin_score", sa.Double()),
    # Document.copy_evidence / spin_evidence as JSON objects (their to_dict()); null when absent.
    sa.Column("copy_evidence", sa.Text()),
    sa.Column("spin_evidence", sa.Text()),
    sa.Column("story_id", identifier()),
    # Document.notes as a JSON array of strings.
    sa.Column("notes", sa.Text(), nullable=False),
)

removed_lines = sa.Table(
    "removed_lines",
    metadata,
    sa.Column("article_id", identifier(), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    # 0, 1, 2, … in the order of Document.removed.
    sa.Column("position", sa.Integer(), primary_key=True),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("rule", sa.Text(), nullable=False),
)

rejects = sa.Table(
    "rejects",
    metadata,
    sa.Column("id", identifier(), primary_key=True),
    sa.Column("uri", sa.Text(), nullable=False),
    sa.Column("line", sa.BigInteger()),
    sa.Column("reason", sa.Text(), nullable=False),
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", identifier(), primary_key=True),
    sa.Column("title", sa.Text(), nullable=False),
    sa.Column("topic_id", identifier()),
    sa.Column("first_published", sa.Text()),
    sa.Column("last_published", sa.Text()),
    sa.Column("independent_sources", sa.Integer(), nullable=False),
)

topics = sa.Table(
    "topics",
    metadata,
    sa.Column("id", identifier(), primary_key=True),
    sa.Column("title", sa.Text(), nullable=False),
)

# A stage's corpus-level state (its index), pickled, and the highest article seq it has seen: on the next run
# the stage gets back the snapshot and then the articles stored after it (a run killed before it saved).
corpus_state = sa.Table(
    "corpus_state",
    metadata,
    sa.Column("name", sa.String(), primary_key=True),
    sa.Column("seq", sa.BigInteger(), nullable=False),
    sa.Column("payload", sa.LargeBinary(), nullable=False),
)

TABLE_NAMES: tuple[str, ...] = tuple(metadata.tables)
