"""Issue 2: the store, on SQLite and PostgreSQL (``store_url`` runs each test on both)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from storyline.document import ArticleUpdate, Document, Reject, RemovedLine
from storyline.errors import StorylineError
from storyline.store import Repository, normalise_url, open_store, queries, unstorable_reason
from storyline.store.derived import StateSnapshot
from storyline.store.models import TABLE_NAMES


def dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the schema version included), in primary-key order."""
    engine = sa.create_engine(url)
    meta = sa.MetaData()
    meta.reflect(engine)
    with engine.connect() as conn:
        tables = {
            name: list(conn.execute(sa.select(table).order_by(*table.primary_key.columns)))
            for name, table in meta.tables.items()
        }
    engine.dispose()
    return {name: [tuple(row) for row in rows] for name, rows in sorted(tables.items())}


def test_add_then_duplicate(store_url: str, seed_documents: list[Document]) -> None:
    with open_store(store_url) as repo:
        assert [repo.add_article(doc) for doc in seed_documents] == [True] * len(seed_documents)
        before = dump(store_url)
        # The same articles again, even with other fields changed, are recognised by id and write nothing.
        for doc in seed_documents:
            doc.story_id = "s9"
            assert repo.add_article(doc) is False
        assert dump(store_url) == before
        assert all(repo.has_article(doc.id) for doc in seed_documents)
        assert not repo.has_article("a0000")
    seqs = [row[1] for row in sorted(before["articles"], key=lambda row: row[1])]
    assert seqs == list(range(1, len(seed_documents) + 1))


def test_store_version_counts_visible_writes(store_url: str, seed_documents: list[Document]) -> None:
    """Readers that keep answers compare the store's version: each write they could see raises it, once."""
    with open_store(store_url) as repo:

        def version() -> int:
            with repo.engine.connect() as conn:
                return queries.current_version(conn)

        start = version()
        repo.add_articles(seed_documents[:2])
        assert version() == start + 1  # one transaction, one step
        repo.add_articles(seed_documents[:2])
        assert version() == start + 1  # nothing new: unchanged
        assert repo.update_articles([ArticleUpdate(seed_documents[0].id, story_id="s1", fields=("story_id",))]) == 1
        assert version() == start + 2
        repo.replace_stories([], [])
        assert version() == start + 3
        repo.save_state(StateSnapshot("stories", 2, b"state"))  # a stage's own state: no reader sees it
        assert version() == start + 3


def test_articles_come_back_in_ingest_order_with_every_field(store_url: str, seed_documents: list[Document]) -> None:
    order = [3, 0, 4, 1, 2]
    with open_store(store_url) as repo:
        for n in order:
            repo.add_article(seed_documents[n])
        stored = list(repo.iter_articles())
        assert stored == [seed_documents[n] for n in order]
        assert repo.get_article(seed_documents[2].id) == seed_documents[2]
        assert repo.get_article("a0000") is None


def test_a_batch_is_one_transaction_with_the_same_answers(store_url: str, seed_documents: list[Document]) -> None:
    first, second, third, fourth, fifth = seed_documents
    with open_store(store_url) as repo:
        assert repo.add_article(second) is True
        assert repo.add_articles([first, second, third, first]) == [True, False, True, False]
        bad = Document(uri="bad.txt", raw_text="x\x00")
        with pytest.raises(StorylineError, match="E204"):
            repo.add_articles([fourth, bad, fifth])
        assert not repo.has_article(fourth.id), "nothing of a refused batch is written"
        assert repo.add_articles([]) == []
        assert repo.add_articles([fourth, fifth]) == [True, True]
        assert list(repo.iter_articles()) == [second, first, third, fourth, fifth]
    assert sorted(row[1] for row in dump(store_url)["articles"]) == [1, 2, 3, 4, 5]


def test_iteration_pages_through_many_articles(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("storyline.store.repository.PAGE_SIZE", 3)
    docs = [
        Document(uri=f"n{n}", raw_text=f"article {n}", text=f"article {n}", removed=[RemovedLine(f"x{n}", "r")])
        for n in range(10)
    ]
    with open_store(store_url) as repo:
        for doc in docs:
            repo.add_article(doc)
        assert list(repo.iter_articles()) == docs


def test_rejects_are_idempotent_and_ordered(store_url: str) -> None:
    rejects = [Reject("b.jsonl", "not JSON", 3), Reject("a.txt", "empty"), Reject("b.jsonl", "not JSON", 4)]
    with open_store(store_url) as repo:
        assert [repo.add_reject(r) for r in rejects] == [True, True, True]
        assert [repo.add_reject(r) for r in rejects] == [False, False, False]
        stored = list(repo.iter_rejects())
    assert stored == sorted(rejects, key=lambda r: r.id)
    assert repo.counts()["rejects"] == 3


def test_counts(store_url: str, seed_documents: list[Document]) -> None:
    seed_documents[4].language = "ru"
    seed_documents[3].language = None
    with open_store(store_url) as repo:
        derived = ("stories", "topics", "entities", "mentions", "times", "quotes", "events", "event_reports")
        assert repo.counts() == {"articles": 0, "rejects": 0, "removed_lines": 0, "languages": 0} | dict.fromkeys(
            derived, 0
        )
        for doc in seed_documents:
            repo.add_article(doc)
        repo.add_reject(Reject("x.html", "no text"))
        counts = repo.counts()
    removed = sum(len(doc.removed) for doc in seed_documents)
    assert removed > 0
    expected = dict.fromkeys(("stories", "topics", "entities", "quotes", "events", "event_reports"), 0) | {
        "mentions": sum(len(doc.mentions) for doc in seed_documents),
        "times": sum(len(doc.times) for doc in seed_documents),
        "articles": 5,
        "rejects": 1,
        "removed_lines": removed,
        "languages": 2,
        "language:en": 3,
        "language:ru": 1,
    }
    assert counts == expected


def test_an_article_is_one_transaction(
    store_url: str, seed_documents: list[Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = seed_documents[2]
    assert doc.removed, "the seed with removed lines"
    original = Repository._insert_removed_lines

    def insert_then_fail(self: Repository, conn: sa.Connection, rows: list[dict[str, Any]]) -> None:
        original(self, conn, rows)
        raise RuntimeError("killed while writing removed lines")

    with open_store(store_url) as repo:
        repo.add_article(seed_documents[0])
        monkeypatch.setattr(Repository, "_insert_removed_lines", insert_then_fail)
        with pytest.raises(RuntimeError, match="killed"):
            repo.add_article(doc)
        assert not repo.has_article(doc.id)
        assert repo.counts()["removed_lines"] == len(seed_documents[0].removed)
        monkeypatch.undo()
        assert repo.add_article(doc) is True
        seqs = [row[1] for row in dump(store_url)["articles"]]
    assert sorted(seqs) == [1, 2], "no gap left by the failed transaction"


def test_rerun_after_a_failure_gives_the_clean_database(
    store_url: str, seed_documents: list[Document], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    with open_store(clean_url) as repo:
        for doc in seed_documents:
            repo.add_article(doc)
        repo.add_reject(Reject("bad.txt", "empty"))

    def fail(*args: object) -> None:
        raise RuntimeError("killed")

    with open_store(store_url) as repo:
        for doc in seed_documents[:2]:
            repo.add_article(doc)
        monkeypatch.setattr(Repository, "_insert_removed_lines", fail)
        with pytest.raises(RuntimeError):
            repo.add_article(seed_documents[2])
    monkeypatch.undo()
    with open_store(store_url) as repo:  # the rerun: everything again, from the start
        for doc in seed_documents:
            repo.add_article(doc)
        repo.add_reject(Reject("bad.txt", "empty"))
    assert dump(store_url) == dump(clean_url)


def test_concurrent_writers_get_distinct_gapless_seqs(store_url: str) -> None:
    with open_store(store_url):
        pass  # migrate once, before the threads race
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            with open_store(store_url) as repo:
                for n in range(15):
                    repo.add_article(Document(uri=f"w{worker}", raw_text=f"{worker}/{n}", text=f"{worker}/{n}"))
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(worker,)) for worker in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    seqs = sorted(row[1] for row in dump(store_url)["articles"])
    assert seqs == list(range(1, 46))


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"text": "before\x00after"}, "text holds a NUL character (U+0000) at offset 6"),
        ({"title": "bad \udcff byte"}, "title holds a lone surrogate (U+DCFF) at offset 4"),
        ({"removed": [RemovedLine("ok", "r\x00")]}, "removed line 0 rule holds a NUL character"),
        ({"notes": ["\ud800"]}, "notes holds a lone surrogate (U+D800)"),
        ({"spin_score": float("nan")}, "spin_score is nan, not a finite number"),
        ({"language_score": float("inf")}, "language_score is inf, not a finite number"),
    ],
)
def test_unstorable_articles_are_refused_on_every_backend(store_url: str, change: dict[str, Any], problem: str) -> None:
    doc = Document(uri="x.txt", raw_text="raw", **({"text": "raw"} | change))
    assert problem in (unstorable_reason(doc) or "")
    with open_store(store_url) as repo:
        with pytest.raises(StorylineError) as caught:
            repo.add_article(doc)
        assert caught.value.code == "E204"
        assert problem in str(caught.value)
        assert repo.counts()["articles"] == 0


def test_a_refused_document_is_not_an_article(store_url: str) -> None:
    doc = Document(uri="x.txt", raw_text="raw", rejected="clean: empty")
    with open_store(store_url) as repo, pytest.raises(StorylineError, match="E206"):
        repo.add_article(doc)


def test_rejects_with_unstorable_characters_are_escaped(store_url: str) -> None:
    reject = Reject("bad\udcffname.txt", "NUL \x00 in input", 1)
    with open_store(store_url) as repo:
        assert repo.add_reject(reject) is True
        assert repo.add_reject(reject) is False
        assert list(repo.iter_rejects()) == [Reject("bad\\udcffname.txt", "NUL \\u0000 in input", 1)]


def test_negative_zero_is_stored_as_zero(store_url: str) -> None:
    doc = Document(uri="z", raw_text="z", spin_score=-0.0)
    with open_store(store_url) as repo:
        repo.add_article(doc)
        (stored,) = repo.iter_articles()
    assert str(stored.spin_score) == "0.0"


def test_reopening_keeps_the_data(store_url: str, seed_documents: list[Document]) -> None:
    with open_store(store_url) as repo:
        repo.add_article(seed_documents[0])
    with open_store(store_url) as repo:
        assert list(repo.iter_articles()) == [seed_documents[0]]
        assert repo.add_article(seed_documents[1]) is True


def test_a_newer_schema_is_refused_with_a_fix(store_url: str) -> None:
    open_store(store_url).close()
    engine = sa.create_engine(store_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StorylineError) as caught:
        open_store(store_url)
    assert caught.value.code == "E202"
    assert "9999" in caught.value.message
    assert caught.value.fix and "upgrade Storyline" in caught.value.fix


def test_foreign_tables_without_a_version_are_refused(store_url: str) -> None:
    engine = sa.create_engine(store_url)
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE articles (x INTEGER)"))
    engine.dispose()
    with pytest.raises(StorylineError, match="E203"):
        open_store(store_url)


def test_sqlite_connection_settings(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with open_store(path) as repo:
        assert repo.url == f"sqlite:///{path}"
        with repo._engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000
    with sqlite3.connect(path) as raw:
        assert {row[0] for row in raw.execute("select name from sqlite_master where type = 'table'")} >= set(
            TABLE_NAMES
        )


def test_in_memory_sqlite_keeps_one_database() -> None:
    with open_store(":memory:") as repo:
        assert repo.url == "sqlite://"
        assert repo.add_article(Document(uri="m", raw_text="m")) is True
        assert repo.counts()["articles"] == 1


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://u:p@h:5/db", "postgresql+psycopg://u:p@h:5/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite://", "sqlite://"),
    ],
)
def test_url_normalisation(given: str, expected: str) -> None:
    assert normalise_url(given) == expected


def test_paths_become_absolute_sqlite_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert normalise_url("rel.db") == f"sqlite:///{tmp_path / 'rel.db'}"
    assert normalise_url("sqlite:///rel.db") == f"sqlite:///{tmp_path / 'rel.db'}"
    assert normalise_url(tmp_path / "p.db") == f"sqlite:///{tmp_path / 'p.db'}"


@pytest.mark.parametrize("given", ["mysql://u@h/db", "", "postgresql+asyncpg://u@h/db"])
def test_unsupported_urls_are_refused(given: str) -> None:
    with pytest.raises(StorylineError, match="E200"):
        normalise_url(given)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("just text, long enough to fill a header " * 10)
    with pytest.raises(StorylineError) as caught:
        open_store(path)
    assert caught.value.code == "E201"


def test_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StorylineError, match="E201"):
        open_store(tmp_path / "missing" / "s.db")


def test_an_unreachable_server_is_reported_with_a_fix() -> None:
    with pytest.raises(StorylineError) as caught:
        open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
    assert caught.value.code == "E201"
    assert caught.value.fix and "server" in caught.value.fix


def test_readers_open_and_read_while_a_writer_holds_the_lock(tmp_path: Path, seed_documents: list[Document]) -> None:
    path = tmp_path / "busy.db"
    with open_store(path) as repo:
        repo.add_article(seed_documents[0])
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM rejects")
    try:
        with open_store(path) as reader:  # would wait for the lock if opening needed it
            assert [doc.id for doc in reader.iter_articles()] == [seed_documents[0].id]
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_annotations_the_store_cannot_keep_are_named() -> None:
    from storyline.document import EventReport, Mention
    from storyline.store import unstorable_reason

    doc = Document(uri="x", raw_text="Massoud met Muttaqi.", text="Massoud met Muttaqi.")
    doc.mentions = [Mention(0, 7, "Massoud", "PERSON", evidence="bad \x00 byte")]
    assert (unstorable_reason(doc) or "").startswith("mentions[0].evidence holds a NUL")
    doc.mentions = []
    doc.events = [EventReport("CONSULT", 0, 20, 8, 11, float("nan"), "lexicon CONSULT/'meet'")]
    assert unstorable_reason(doc) == "event_mentions[0].confidence is nan, not a finite number"


def test_one_ingest_at_a_time(store_url: str) -> None:
    """A second ingest run (another process, here another Repository in a thread) waits for the first."""
    order: list[str] = []
    first_holds = threading.Event()
    with open_store(store_url) as first, open_store(store_url) as second:

        def other_run() -> None:
            first_holds.wait(10)
            with second.ingest_lock():
                order.append("second")

        waiter = threading.Thread(target=other_run)
        waiter.start()
        with first.ingest_lock():
            first_holds.set()
            waiter.join(0.5)
            assert waiter.is_alive()  # still waiting
            order.append("first")
        waiter.join(10)
        assert order == ["first", "second"]
        with first.ingest_lock():  # released: taken again at once
            pass
