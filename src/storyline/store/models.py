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

# One row: a counter raised by every write that readers can see (new articles with their annotations, rejects,
# article updates, the stages' views; ``derived.raise_version``). A reader that keeps answers (the API's cache)
# compares it.
store_version = sa.Table(
    "store_version",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("version", sa.BigInteger(), nullable=False),
)

# ---- What the extraction stages found in each article: written with the article, in its transaction. ----


def _article_key() -> tuple[sa.Column[str], sa.Column[int]]:
    """(article_id, position): an annotation's place among its article's annotations of that kind."""
    return (
        sa.Column("article_id", identifier(), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
    )


# Named-entity mentions, each resolved to an entity (``entity_id`` as issued when the article was processed; see
# ``entity_redirects`` for ids merged since) and, for places, to a gazetteer entry.
mentions = sa.Table(
    "mentions",
    metadata,
    *_article_key(),
    sa.Column("start", sa.Integer(), nullable=False),
    sa.Column("end", sa.Integer(), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("kind", sa.Text(), nullable=False),
    sa.Column("entity_id", identifier()),
    sa.Column("evidence", sa.Text()),
    sa.Column("lat", sa.Double()),
    sa.Column("lon", sa.Double()),
    sa.Column("geonames_id", sa.BigInteger()),
    sa.Column("place_evidence", sa.Text()),
    sa.Index(None, "entity_id"),
)

# Time expressions with their TIMEX3 type and value.
times = sa.Table(
    "times",
    metadata,
    *_article_key(),
    sa.Column("start", sa.Integer(), nullable=False),
    sa.Column("end", sa.Integer(), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("timex_type", sa.Text(), nullable=False),
    sa.Column("value", sa.Text(), nullable=False),
    sa.Column("mod", sa.Text()),
    sa.Column("rule", sa.Text(), nullable=False),
)

# Quotes: the content span, direct or not, the cue, the source as written and the named speaker it resolves to.
quotes = sa.Table(
    "quotes",
    metadata,
    *_article_key(),
    sa.Column("id", identifier(), nullable=False, unique=True),
    sa.Column("start", sa.Integer(), nullable=False),
    sa.Column("end", sa.Integer(), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("direct", sa.Boolean(), nullable=False),
    sa.Column("cue", sa.Text()),
    sa.Column("cue_start", sa.Integer()),
    sa.Column("cue_end", sa.Integer()),
    sa.Column("source_start", sa.Integer()),
    sa.Column("source_end", sa.Integer()),
    sa.Column("speaker", sa.Text()),
    sa.Column("speaker_start", sa.Integer()),
    sa.Column("speaker_end", sa.Integer()),
    sa.Column("speaker_entity_id", identifier()),
    sa.Column("evidence", sa.Text()),
    # The first quote (by id) of the article group that carries the same quote (copies, translations); null: alone.
    sa.Column("same_as", identifier()),
    sa.Index(None, "speaker_entity_id"),
)

# Events as reported in one article; ``event_id`` is the corpus-level event (``events``) the report belongs to.
event_mentions = sa.Table(
    "event_mentions",
    metadata,
    *_article_key(),
    sa.Column("event_id", identifier()),
    sa.Column("plover", sa.Text(), nullable=False),
    sa.Column("mode", sa.Text()),
    sa.Column("context", sa.Text()),
    sa.Column("cameo", sa.Text()),
    sa.Column("source_text", sa.Text()),
    sa.Column("source_entity_id", identifier()),
    sa.Column("target_text", sa.Text()),
    sa.Column("target_entity_id", identifier()),
    sa.Column("location_text", sa.Text()),
    sa.Column("location_entity_id", identifier()),
    sa.Column("date", sa.Text()),
    sa.Column("date_text", sa.Text()),
    sa.Column("start", sa.Integer(), nullable=False),
    sa.Column("end", sa.Integer(), nullable=False),
    sa.Column("trigger_start", sa.Integer(), nullable=False),
    sa.Column("trigger_end", sa.Integer(), nullable=False),
    sa.Column("confidence", sa.Double(), nullable=False),
    sa.Column("explanation", sa.Text(), nullable=False),
    sa.Index(None, "event_id"),
)

# ---- Corpus-level views, replaced as a whole by their stage at the end of each run. ----

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", identifier(), primary_key=True),
    sa.Column("name", sa.Text(), nullable=False),
    sa.Column("kind", sa.Text(), nullable=False),
    sa.Column("aliases", sa.Text(), nullable=False),  # JSON array of strings
    sa.Column("roles", sa.Text(), nullable=False),  # JSON array of strings
    sa.Column("country", sa.Text()),
    sa.Column("sector", sa.Text()),
    sa.Column("lat", sa.Double()),
    sa.Column("lon", sa.Double()),
    sa.Column("geonames_id", sa.BigInteger()),
    sa.Column("merges", sa.Text(), nullable=False),  # JSON array: the evidence of each merge that built the entity
    sa.Column("mention_count", sa.Integer(), nullable=False),
)

# An entity id issued earlier that has since been merged into another (the older, better-known one).
entity_redirects = sa.Table(
    "entity_redirects",
    metadata,
    sa.Column("from_id", identifier(), primary_key=True),
    sa.Column("to_id", identifier(), nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", identifier(), primary_key=True),
    sa.Column("plover", sa.Text(), nullable=False),
    sa.Column("mode", sa.Text()),
    sa.Column("cameo", sa.Text()),
    sa.Column("source_ids", sa.Text(), nullable=False),  # JSON array of entity ids
    sa.Column("target_ids", sa.Text(), nullable=False),
    sa.Column("location_id", identifier()),
    sa.Column("date", sa.Text()),
    sa.Column("date_text", sa.Text()),
    sa.Column("story_id", identifier()),
    sa.Column("independent_sources", sa.Integer(), nullable=False),
    sa.Column("confidence", sa.Double(), nullable=False),
    sa.Index(None, "plover"),
    sa.Index(None, "date"),
    sa.Index(None, "story_id"),
)

# Which entities an event involves, by role ("source", "target", "location"), for filtering events by actor.
event_actors = sa.Table(
    "event_actors",
    metadata,
    sa.Column("event_id", identifier(), primary_key=True),
    sa.Column("role", sa.String(), primary_key=True),
    sa.Column("entity_id", identifier(), primary_key=True),
    sa.Index(None, "entity_id"),
)

TABLE_NAMES: tuple[str, ...] = tuple(metadata.tables)
