"""The store: the only module that knows SQL. Articles, their removed lines, and rejects, on SQLite or PostgreSQL.

Opening a ``Repository`` brings the database schema to the newest revision by running the Alembic migrations
that ship inside this package; a database written by a *newer* Storyline is refused with a fix, never changed.

Writes are single-writer by design (as in datasette): every write transaction first takes the database's
write lock (``BEGIN IMMEDIATE`` on SQLite, a transaction-scoped advisory lock on PostgreSQL), so that
``seq = max(seq) + 1`` computed inside it can never collide, and many readers go on meanwhile (SQLite in WAL
mode). One article is one transaction: its row and its removed lines are written together or not at all,
so a killed run leaves no half article and no gap in ``seq``, and a rerun gives the database a clean run gives.

What can be stored: every string that UTF-8 can encode and PostgreSQL's ``text`` accepts, i.e. anything but
NUL (U+0000) and lone surrogates (U+D800–U+DFFF); and finite scores. Rather than let one backend accept what
the other refuses, both refuse such an article with ``StorylineError`` E204 (``unstorable_reason`` tells a
stage beforehand, so it can refuse the document instead). A reject must always be recordable, so in a reject
those characters are written as the escape text ``\\u0000`` / ``\\udcff`` (its ``id`` stays that of the
original). JSON-valued fields (``notes``, ``copy_evidence``, ``spin_evidence``) are kept as JSON text, in which
NUL is escaped, so there only lone surrogates are refused. A negative zero score is stored as 0.0, which
SQLite would do anyway.
"""

from __future__ import annotations

import fcntl
import json
import math
import os
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from storyline.copies.evidence import CopyEvidence, SpinEvidence
from storyline.document import Document, Reject, RemovedLine
from storyline.errors import StorylineError, UnstorableError
from storyline.store.annotations import (
    AnnotationRow,
    Annotations,
    annotation_rows,
    annotation_values,
    insert_annotations,
    load_annotations,
)
from storyline.store.derived import DerivedData, raise_version
from storyline.store.models import (
    TABLE_NAMES,
    articles,
    entities,
    event_mentions,
    events,
    mentions,
    quotes,
    rejects,
    removed_lines,
    stories,
    times,
    topics,
)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000
# Articles read per query while iterating; each page is read in one short read transaction.
PAGE_SIZE = 256
# PostgreSQL advisory lock keys (any fixed 64-bit numbers, scoped to the database).
_PG_WRITE_LOCK = 0x5354_4F52_5957_0001
_PG_MIGRATE_LOCK = 0x5354_4F52_5957_0002
_PG_INGEST_LOCK = 0x5354_4F52_5957_0003
_WRITE_OPTION = "storyline_write"

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_STRING_FIELDS: tuple[str, ...] = (
    "uri",
    "raw_text",
    "title",
    "published",
    "outlet",
    "url",
    "text",
    "language",
    "copy_of",
    "copy_kind",
    "story_id",
)
_SCORE_FIELDS: tuple[str, ...] = ("language_score", "spin_score")
_JSON_FIELDS: tuple[str, ...] = ("notes", "copy_evidence", "spin_evidence")
_INT64 = range(-(2**63), 2**63)


def normalise_url(url_or_path: str | os.PathLike[str]) -> str:
    """The database URL Storyline uses for a URL or a plain file path.

    A path (anything without ``://``) means a SQLite file, made absolute; ``sqlite://`` or ``:memory:`` is
    an in-memory SQLite database; ``postgresql://`` and ``postgres://`` get the psycopg 3 driver.
    """
    text = os.fspath(url_or_path)
    if text == ":memory:":
        return "sqlite://"
    if "://" not in text:
        if not text.strip():
            raise StorylineError("E200", "no database given", "pass a SQLite file path or a database URL")
        return "sqlite:///" + str(Path(text).expanduser().resolve())
    try:
        url = sa.engine.make_url(text)
    except sa.exc.ArgumentError as error:
        raise StorylineError("E200", f"cannot read database URL {text!r}: {error}", _URL_FIX) from None
    backend, _plus, driver = url.drivername.partition("+")
    if backend == "sqlite" and driver in ("", "pysqlite"):
        database = url.database or ""
        if database in ("", ":memory:"):
            return "sqlite://"
        if not database.startswith("file:"):
            url = url.set(drivername="sqlite", database=str(Path(database).expanduser().resolve()))
        return url.render_as_string(hide_password=False)
    if backend in ("postgresql", "postgres") and driver in ("", "psycopg"):
        return url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    raise StorylineError("E200", f"unsupported database URL {url.render_as_string()!r}", _URL_FIX)


_URL_FIX = "use a SQLite file path, sqlite:///PATH, or postgresql+psycopg://USER@HOST:PORT/DATABASE"


def unstorable_reason(doc: Document, annotations: Sequence[AnnotationRow] | None = None) -> str | None:
    """Why the store would refuse this document, or None when it can be stored (``annotations``: its rows from
    :func:`annotation_rows`, when already made)."""
    for name in _STRING_FIELDS:
        value = getattr(doc, name)
        if value is not None and (found := _UNSTORABLE.search(value)):
            return f"{name} holds {_describe(found.group())} at offset {found.start()}"
    for position, line in enumerate(doc.removed):
        for part, value in (("text", line.text), ("rule", line.rule)):
            if found := _UNSTORABLE.search(value):
                return f"removed line {position} {part} holds {_describe(found.group())}"
    for name in _SCORE_FIELDS:
        score = getattr(doc, name)
        if score is not None and not math.isfinite(score):
            return f"{name} is {score}, not a finite number"
    for name in _JSON_FIELDS:
        try:
            text = _json_column(doc, name)
        except ValueError:
            return f"{name} holds a number that is not finite"
        if text is not None and (found := _UNSTORABLE.search(text)):  # JSON escapes NUL; not lone surrogates
            return f"{name} holds {_describe(found.group())}"
    for where, value in annotation_values(annotation_rows(doc, "") if annotations is None else annotations):
        if isinstance(value, str):
            if found := _UNSTORABLE.search(value):
                return f"{where} holds {_describe(found.group())}"
        elif isinstance(value, float) and not math.isfinite(value):
            return f"{where} is {value}, not a finite number"
        elif isinstance(value, int) and value not in _INT64:
            return f"{where} is out of range"
    return None


def _json_column(doc: Document, name: str) -> str | None:
    """A JSON-valued field as the text the store keeps; raises ValueError for NaN or infinity."""
    value = getattr(doc, name)
    if value is None:
        return None
    data = value if name == "notes" else value.to_dict()
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _describe(char: str) -> str:
    if char == "\x00":
        return "a NUL character (U+0000)"
    return f"a lone surrogate (U+{ord(char):04X})"


def _check_storable(doc: Document, annotations: Sequence[AnnotationRow]) -> None:
    if doc.rejected is not None:
        raise StorylineError(
            "E206",
            f"article {doc.uri!r} was refused ({doc.rejected}) and cannot be stored as an article",
            "store it with add_reject(Reject(doc.uri, reason)) instead",
        )
    problem = unstorable_reason(doc, annotations)
    if problem is not None:
        raise UnstorableError(doc.uri, problem)


def _escape_unstorable(value: str) -> str:
    return _UNSTORABLE.sub(lambda found: f"\\u{ord(found.group()):04x}", value)


def _score(value: float | None) -> float | None:
    return None if value is None else float(value) + 0.0  # + 0.0 turns -0.0 into 0.0


class Repository(DerivedData):
    """A Storyline database: open it with a URL or a SQLite path; the schema is migrated on open."""

    def __init__(self, url: str | os.PathLike[str]) -> None:
        self.url = normalise_url(url)
        self.backend = sa.engine.make_url(self.url).get_backend_name()
        self._engine = _create_engine(self.url)
        self._write_engine = self._engine.execution_options(**{_WRITE_OPTION: True})
        self._local_ingest_lock = threading.Lock()
        try:
            self._migrate()
        except BaseException:
            self._engine.dispose()
            raise

    @property
    def engine(self) -> sa.Engine:
        """The SQLAlchemy engine, for read-only queries of a reader such as the HTTP API (writes go through methods)."""
        return self._engine

    def __repr__(self) -> str:
        return f"Repository({sa.engine.make_url(self.url).render_as_string()!r})"

    def __enter__(self) -> Repository:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._engine.dispose()

    # Writing.

    @contextmanager
    def ingest_lock(self) -> Iterator[None]:
        """Held for a whole ingest run: one run at a time per store, across processes.

        A run restores the stages' corpus state, adds to it and saves it, so two runs at once would each lose the
        other's additions. Waits for a run in progress. PostgreSQL: a session advisory lock; a SQLite file: an
        exclusive ``flock`` on ``<database>.ingest-lock`` beside it; an in-memory database: this object's lock.
        """
        path = sa.engine.make_url(self.url).database
        if self.backend == "postgresql":
            with self._engine.connect() as conn:
                conn.execute(sa.text("SELECT pg_advisory_lock(:key)"), {"key": _PG_INGEST_LOCK})
                conn.commit()
                try:
                    yield
                finally:
                    conn.execute(sa.text("SELECT pg_advisory_unlock(:key)"), {"key": _PG_INGEST_LOCK})
                    conn.commit()
        elif path and path != ":memory:":
            with open(f"{path}.ingest-lock", "a+b") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    fcntl.flock(handle, fcntl.LOCK_UN)
        else:
            with self._local_ingest_lock:
                yield

    def add_article(self, doc: Document) -> bool:
        """Store an article and its removed lines in one transaction; False (and nothing written) if stored already."""
        return self.add_articles([doc])[0]

    def add_articles(self, docs: Iterable[Document]) -> list[bool]:
        """Store a batch of articles in one transaction (all or none); for each, whether it was new.

        The same as ``add_article`` on each in turn, in far fewer round trips to a database server. Nothing is
        written when any document is unstorable (E204) or refused (E206).
        """
        docs = list(docs)
        annotations = [list(annotation_rows(doc, doc.id)) for doc in docs]  # made once: checked, then inserted
        for doc, rows_of_doc in zip(docs, annotations, strict=True):
            _check_storable(doc, rows_of_doc)
        rows = [_article_row(doc) for doc in docs]
        added: list[bool] = []
        new_rows: list[dict[str, Any]] = []
        new_lines: list[dict[str, Any]] = []
        new_annotations: list[tuple[sa.Table, dict[str, Any]]] = []
        with self._write_transaction() as conn:
            seen = self._stored_ids(conn, {row["id"] for row in rows})
            seq = int(conn.scalar(sa.select(sa.func.max(articles.c.seq))) or 0)
            for doc, row, rows_of_doc in zip(docs, rows, annotations, strict=True):
                added.append(row["id"] not in seen)
                if not added[-1]:
                    continue
                seen.add(row["id"])
                seq += 1
                new_rows.append(row | {"seq": seq})
                new_lines += (
                    {"article_id": row["id"], "position": position, "text": line.text, "rule": line.rule}
                    for position, line in enumerate(doc.removed)
                )
                new_annotations += rows_of_doc
            if new_rows:
                conn.execute(articles.insert(), new_rows)
                self._insert_removed_lines(conn, new_lines)
                insert_annotations(conn, new_annotations)
                raise_version(conn)
        return added

    def _stored_ids(self, conn: sa.Connection, ids: set[str]) -> set[str]:
        ordered = sorted(ids)
        found: set[str] = set()
        for start in range(0, len(ordered), PAGE_SIZE):
            chunk = ordered[start : start + PAGE_SIZE]
            found.update(conn.scalars(sa.select(articles.c.id).where(articles.c.id.in_(chunk))))
        return found

    def _insert_removed_lines(self, conn: sa.Connection, rows: list[dict[str, Any]]) -> None:
        if rows:
            conn.execute(removed_lines.insert(), rows)

    def add_reject(self, reject: Reject) -> bool:
        """Record a reject; False if one with the same id is recorded already."""
        if reject.line is not None and reject.line not in _INT64:
            raise StorylineError(
                "E204", f"reject {reject.message}: line number out of range", "pass a real line number"
            )
        row = {
            "id": reject.id,
            "uri": _escape_unstorable(reject.uri),
            "line": reject.line,
            "reason": _escape_unstorable(reject.reason),
        }
        insert = _insert_ignoring_duplicates(self.backend, rejects, "id").returning(rejects.c.id)
        with self._write_transaction(lock=False) as conn:
            # RETURNING gives a row only when the insert happened (rowcount is not reliable on every driver).
            inserted = conn.execute(insert, row).first() is not None
            if inserted:
                raise_version(conn)
            return inserted

    # Reading.

    def has_article(self, article_id: str) -> bool:
        with self._engine.connect() as conn:
            return conn.scalar(sa.select(articles.c.id).where(articles.c.id == article_id)) is not None

    def get_article(self, article_id: str) -> Document | None:
        with self._engine.connect() as conn:
            rows = conn.execute(sa.select(articles).where(articles.c.id == article_id)).all()
            docs = _documents(conn, rows)
        return docs[0] if docs else None

    def iter_articles(self, after_seq: int = 0) -> Iterator[Document]:
        """Every article in ingest (``seq``) order, rebuilt with every stored field; or only those after a seq."""
        last_seq = after_seq
        while True:
            with self._engine.connect() as conn:
                query = sa.select(articles).where(articles.c.seq > last_seq).order_by(articles.c.seq).limit(PAGE_SIZE)
                rows = conn.execute(query).all()
                docs = _documents(conn, rows)
            if not rows:
                return
            yield from docs
            last_seq = rows[-1].seq

    def iter_rejects(self) -> Iterator[Reject]:
        """Every reject, ordered by id (byte order, the same on every backend)."""
        last_id = ""
        while True:
            with self._engine.connect() as conn:
                query = sa.select(rejects).where(rejects.c.id > last_id).order_by(rejects.c.id).limit(PAGE_SIZE)
                rows = conn.execute(query).all()
            if not rows:
                return
            for row in rows:
                yield Reject(uri=row.uri, reason=row.reason, line=row.line)
            last_id = rows[-1].id

    def counts(self) -> dict[str, int]:
        """Articles, rejects, removed lines, what the stages derived (stories, topics, entities and their mentions,
        time expressions, quotes, events and their reports), distinct languages, and articles per language
        (``language:en``). Articles whose language is unknown (null) are counted in ``articles`` only.
        """
        with self._engine.connect() as conn:
            result = {name: _count(conn, table) for name, table in _COUNTED}
            query = (
                sa.select(articles.c.language, sa.func.count())
                .where(articles.c.language.is_not(None))
                .group_by(articles.c.language)
            )
            languages = sorted((str(language), int(n)) for language, n in conn.execute(query))
        result["languages"] = len(languages)
        result.update((f"language:{language}", n) for language, n in languages)
        return result

    # Plumbing.

    @contextmanager
    def _write_transaction(self, lock: bool = True) -> Iterator[sa.Connection]:
        """A transaction holding the database's write lock (SQLite takes it at BEGIN IMMEDIATE)."""
        with self._write_engine.begin() as conn:
            if lock and self.backend == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_WRITE_LOCK})
            yield conn

    def _migrate(self) -> None:
        script = ScriptDirectory(str(MIGRATIONS_DIR))
        head = script.get_current_head()
        try:
            with self._engine.connect() as conn:  # the usual case, up to date, needs no write lock
                if MigrationContext.configure(conn).get_current_revision() == head:
                    return
            with self._write_engine.connect() as conn, conn.begin():
                if self.backend == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATE_LOCK})
                current = MigrationContext.configure(conn).get_current_revision()
                if current == head:  # another process migrated it meanwhile
                    return
                if current is None:
                    found = sorted(set(sa.inspect(conn).get_table_names()) & set(TABLE_NAMES))
                    if found:
                        raise StorylineError(
                            "E203",
                            f"{self!r} has tables named {', '.join(found)} but no Storyline schema version",
                            "use a new database file or an empty database for Storyline",
                        )
                elif current not in {revision.revision for revision in script.walk_revisions()}:
                    raise StorylineError(
                        "E202",
                        f"{self!r} has schema revision {current}, newer than this Storyline knows (newest {head})",
                        "upgrade Storyline (pip install -U storyline), or open a database this version wrote",
                    )
                config = Config()
                config.set_main_option("script_location", str(MIGRATIONS_DIR))
                config.set_main_option("path_separator", "os")
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
        except sa.exc.DBAPIError as error:
            raise StorylineError(
                "E201",
                f"cannot open {self!r}: {error.orig or error}",
                "check that the path is a SQLite file (or a new name in an existing folder), or that the server "
                "in the URL is running and accepts you",
            ) from error


def open_store(url_or_path: str | os.PathLike[str]) -> Repository:
    """Open (and create or migrate, when needed) the store at a URL or SQLite path."""
    return Repository(url_or_path)


def _create_engine(url: str) -> sa.Engine:
    if not url.startswith("sqlite"):
        return sa.create_engine(url)
    if url == "sqlite://":
        # One shared connection, or every connection would see its own empty in-memory database.
        engine = sa.create_engine(url, poolclass=sa.pool.StaticPool, connect_args={"check_same_thread": False})
    else:
        engine = sa.create_engine(url)
    sa.event.listen(engine, "connect", _configure_sqlite_connection)
    sa.event.listen(engine, "begin", _begin_sqlite_transaction)
    return engine


def _configure_sqlite_connection(dbapi_connection: Any, connection_record: Any) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN (see below) instead of sqlite3's implicit, late BEGIN,
    # so that a read followed by a write is one transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _begin_sqlite_transaction(conn: sa.Connection) -> None:
    writing = conn.get_execution_options().get(_WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def _insert_ignoring_duplicates(backend: str, table: sa.Table, key: str) -> sa.Insert:
    if backend == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert(table).on_conflict_do_nothing(index_elements=[key])
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table).on_conflict_do_nothing(index_elements=[key])


_COUNTED: tuple[tuple[str, sa.Table], ...] = (
    ("articles", articles),
    ("rejects", rejects),
    ("removed_lines", removed_lines),
    ("stories", stories),
    ("topics", topics),
    ("entities", entities),
    ("mentions", mentions),
    ("times", times),
    ("quotes", quotes),
    ("events", events),
    ("event_reports", event_mentions),
)


def _count(conn: sa.Connection, table: sa.Table) -> int:
    return int(conn.scalar(sa.select(sa.func.count()).select_from(table)) or 0)


def _article_row(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "uri": doc.uri,
        "outlet": doc.outlet,
        "title": doc.title,
        "published": doc.published,
        "url": doc.url,
        "language": doc.language,
        "language_score": _score(doc.language_score),
        "raw_text": doc.raw_text,
        "text": doc.text,
        "copy_of": doc.copy_of,
        "copy_kind": doc.copy_kind,
        "spin_score": _score(doc.spin_score),
        "copy_evidence": _json_column(doc, "copy_evidence"),
        "spin_evidence": _json_column(doc, "spin_evidence"),
        "story_id": doc.story_id,
        "notes": _json_column(doc, "notes"),
    }


def _documents(conn: sa.Connection, rows: Sequence[sa.Row[Any]]) -> list[Document]:
    """Documents for article rows, with their removed lines (read on the same connection)."""
    if not rows:
        return []
    removed: dict[str, list[RemovedLine]] = {row.id: [] for row in rows}
    query = (
        sa.select(removed_lines)
        .where(removed_lines.c.article_id.in_(list(removed)))
        .order_by(removed_lines.c.article_id, removed_lines.c.position)
    )
    for line in conn.execute(query):
        removed[line.article_id].append(RemovedLine(text=line.text, rule=line.rule))
    annotations = load_annotations(conn, list(removed))
    return [_document(row, removed[row.id], annotations[row.id]) for row in rows]


def _document(row: sa.Row[Any], removed: list[RemovedLine], annotations: Annotations) -> Document:
    doc = Document(
        uri=row.uri,
        raw_text=row.raw_text,
        title=row.title,
        published=row.published,
        outlet=row.outlet,
        url=row.url,
        text=row.text,
        language=row.language,
        language_score=row.language_score,
        removed=removed,
        copy_of=row.copy_of,
        copy_kind=row.copy_kind,
        spin_score=row.spin_score,
        copy_evidence=None if row.copy_evidence is None else CopyEvidence.from_dict(json.loads(row.copy_evidence)),
        spin_evidence=None if row.spin_evidence is None else SpinEvidence.from_dict(json.loads(row.spin_evidence)),
        story_id=row.story_id,
        times=annotations.times,
        mentions=annotations.mentions,
        quotations=annotations.quotations,
        events=annotations.events,
        notes=json.loads(row.notes),
    )
    if doc.id != row.id:
        raise StorylineError(
            "E205",
            f"stored article {row.id} no longer matches its content (its content gives id {doc.id})",
            "the database was changed outside Storyline; re-ingest the sources into a new database",
        )
    return doc
