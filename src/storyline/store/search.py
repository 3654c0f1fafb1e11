"""Full-text search over articles, and the indexes the API's queries need, created idempotently at app start.

SQLite: an FTS5 table ``api_articles_fts`` over ``title``, ``text`` and ``outlet`` with the articles table as
its external content (keyed by ``seq``, which never changes), kept in step by three triggers, and filled once
(``rebuild``) when it is created, so that articles ingested before the API first ran are found too.
PostgreSQL: a GIN expression index on ``to_tsvector('english', title || ' ' || text)``, queried with
``plainto_tsquery``. Where neither can be made (an SQLite without FTS5, a read-only store) search falls back
to a case-insensitive substring match, slower but the same in meaning for single words.

These objects are not in ``store/models.py`` (the migrations own that schema); they belong in a migration.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from storyline.store.models import articles

log = logging.getLogger(__name__)

FTS_TABLE = "api_articles_fts"
MATCH_START = "\x02"
MATCH_END = "\x03"
MAX_QUERY_TERMS = 16
SNIPPET_WORDS = 28
_TERM = re.compile(r"\w+", re.UNICODE)

# Indexes for the API's filters and orders (name, table, columns); each created only if missing.
API_INDEXES: tuple[tuple[str, str, str], ...] = (
    ("ix_api_articles_story_id", "articles", "story_id, seq"),
    ("ix_api_articles_copy_of", "articles", "copy_of"),
    ("ix_api_articles_outlet", "articles", "outlet"),
    ("ix_api_stories_topic_id", "stories", "topic_id"),
    ("ix_api_stories_last_published", "stories", "last_published, id"),
    ("ix_api_entities_mention_count", "entities", "mention_count, id"),
    ("ix_api_entity_redirects_to_id", "entity_redirects", "to_id"),
    ("ix_api_events_location_id", "events", "location_id"),
)

_SQLITE_FTS_DDL: tuple[str, ...] = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, text, outlet, content='articles', content_rowid='seq', "
    "tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_insert AFTER INSERT ON articles BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, title, text, outlet) VALUES (new.seq, new.title, new.text, new.outlet); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_delete AFTER DELETE ON articles BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, text, outlet) "
    "VALUES ('delete', old.seq, old.title, old.text, old.outlet); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_update AFTER UPDATE OF seq, title, text, outlet ON articles BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, text, outlet) "
    "VALUES ('delete', old.seq, old.title, old.text, old.outlet); "
    f"INSERT INTO {FTS_TABLE}(rowid, title, text, outlet) VALUES (new.seq, new.title, new.text, new.outlet); END",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
)
_PG_DOCUMENT = "to_tsvector('english', coalesce(articles.title, '') || ' ' || articles.text)"
_PG_FTS_INDEX = (
    "CREATE INDEX IF NOT EXISTS ix_api_articles_fts ON articles "
    "USING gin (to_tsvector('english', coalesce(title, '') || ' ' || text))"
)


@dataclass(frozen=True)
class SearchSupport:
    """What the store offers search: ``fts5`` (SQLite), ``tsvector`` (PostgreSQL) or ``substring`` (fallback)."""

    method: str


def prepare_store(engine: sa.Engine, backend: str) -> SearchSupport:
    """Create the API's indexes and full-text index where missing; say which search method is available."""
    try:
        with engine.begin() as conn:
            for name, table, columns in API_INDEXES:
                conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})")
            if backend == "postgresql":
                conn.exec_driver_sql(_PG_FTS_INDEX)
                return SearchSupport("tsvector")
            if conn.exec_driver_sql(f"SELECT 1 FROM sqlite_master WHERE name = '{FTS_TABLE}'").first() is None:
                for statement in _SQLITE_FTS_DDL:
                    conn.exec_driver_sql(statement)
            return SearchSupport("fts5")
    except sa.exc.DBAPIError as error:
        found = detect_support(engine, backend)  # another process may have made it meanwhile
        if found.method == "substring":
            log.warning("full-text search unavailable, using substring search: %s", error.orig or error)
        return found


def detect_support(engine: sa.Engine, backend: str) -> SearchSupport:
    """Which search method the store offers as it is, creating nothing."""
    if backend == "postgresql":
        return SearchSupport("tsvector")
    with engine.connect() as conn:
        found = conn.exec_driver_sql(f"SELECT 1 FROM sqlite_master WHERE name = '{FTS_TABLE}'").first()
    return SearchSupport("fts5" if found is not None else "substring")


def query_terms(text: str) -> list[str]:
    """The words of a search, at most ``MAX_QUERY_TERMS``; every operator and quote is dropped."""
    return _TERM.findall(text)[:MAX_QUERY_TERMS]


def segments(marked: str) -> list[dict[str, Any]]:
    """Split a snippet with match markers into ``[{"text", "match"}]`` pieces (the markers removed)."""
    pieces: list[dict[str, Any]] = []
    for index, part in enumerate(re.split(f"[{MATCH_START}{MATCH_END}]", marked)):
        if part:
            pieces.append({"text": part, "match": index % 2 == 1})
    return pieces


def search(conn: sa.Connection, support: SearchSupport, text: str, limit: int, offset: int) -> list[dict[str, Any]]:
    """Articles matching every word of ``text``, best first, each with a snippet in ``segments`` form."""
    terms = query_terms(text)
    if not terms:
        return []
    if support.method == "fts5":
        rows = _search_fts5(conn, terms, limit, offset)
    elif support.method == "tsvector":
        rows = _search_tsvector(conn, terms, limit, offset)
    else:
        rows = _search_substring(conn, terms, limit, offset)
    return [
        {
            "id": row.id,
            "title": row.title,
            "outlet": row.outlet,
            "published": row.published,
            "story_id": row.story_id,
            "snippet": segments(row.snippet or ""),
        }
        for row in rows
    ]


def _search_fts5(conn: sa.Connection, terms: list[str], limit: int, offset: int) -> list[Any]:
    match = " ".join('"' + term.replace('"', "") + '"' for term in terms)
    query = sa.text(
        f"SELECT a.id, a.title, a.outlet, a.published, a.story_id, "
        f"snippet({FTS_TABLE}, 1, :start, :end, '…', {SNIPPET_WORDS}) AS snippet "
        f"FROM {FTS_TABLE} JOIN articles a ON a.seq = {FTS_TABLE}.rowid "
        f"WHERE {FTS_TABLE} MATCH :match ORDER BY bm25({FTS_TABLE}, 4.0, 1.0, 1.0), a.seq LIMIT :limit OFFSET :offset"
    )
    params = {"start": MATCH_START, "end": MATCH_END, "match": match, "limit": limit, "offset": offset}
    return list(conn.execute(query, params).all())


def _search_tsvector(conn: sa.Connection, terms: list[str], limit: int, offset: int) -> list[Any]:
    # Written out as in the index's expression, with no bound parameters, so that the planner uses the index.
    document: sa.ColumnElement[Any] = sa.literal_column(_PG_DOCUMENT)
    tsquery = sa.func.plainto_tsquery(sa.literal_column("'english'"), " ".join(terms))
    options = f"StartSel={MATCH_START}, StopSel={MATCH_END}, MaxWords={SNIPPET_WORDS}, MinWords=12"
    snippet = sa.func.ts_headline(sa.literal_column("'english'"), articles.c.text, tsquery, options).label("snippet")
    query = (
        sa.select(
            articles.c.id, articles.c.title, articles.c.outlet, articles.c.published, articles.c.story_id, snippet
        )
        .where(document.bool_op("@@")(tsquery))
        .order_by(sa.func.ts_rank(document, tsquery).desc(), articles.c.seq)
        .limit(limit)
        .offset(offset)
    )
    return list(conn.execute(query).all())


def _search_substring(conn: sa.Connection, terms: list[str], limit: int, offset: int) -> list[Any]:
    query = sa.select(
        articles.c.id, articles.c.title, articles.c.outlet, articles.c.published, articles.c.story_id, articles.c.text
    )
    for term in terms:
        pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(
            sa.or_(articles.c.title.ilike(pattern, escape="\\"), articles.c.text.ilike(pattern, escape="\\"))
        )
    rows = conn.execute(query.order_by(articles.c.seq).limit(limit).offset(offset)).all()
    return [_with_snippet(row, terms) for row in rows]


@dataclass(frozen=True)
class _SnippetRow:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    story_id: str | None
    snippet: str


def _with_snippet(row: Any, terms: list[str]) -> Any:
    text: str = row.text
    lowered = text.casefold()
    first = min((found for term in terms if (found := lowered.find(term.casefold())) >= 0), default=0)
    start = max(0, first - 80)
    window = text[start : start + 240]
    pattern = re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE)
    marked = pattern.sub(lambda found: MATCH_START + found.group() + MATCH_END, window)
    snippet = ("…" if start else "") + marked + ("…" if start + 240 < len(text) else "")
    return _SnippetRow(row.id, row.title, row.outlet, row.published, row.story_id, snippet)
