"""Issue 2: property tests. Random documents -> store -> read back equal; -> export -> re-read equal;
and the same input gives the same export bytes from SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pg_server import PostgresServer
from storyline.copies.evidence import KINDS, AlignedPassage, CopyEvidence, SpinEvidence, SpinPhrase
from storyline.document import Document, RemovedLine
from storyline.errors import StorylineError
from storyline.export import WRITERS, article_record, iter_records, table_columns, write_export
from storyline.store import open_store

# Awkward pieces mixed into random text: emoji with modifiers and joiners, combining marks, right-to-left
# text, line and paragraph separators, CR/LF, controls, quotes and commas (CSV), backslashes (JSON).
AWKWARD = [
    "👩🏽‍🚀",
    "🇦🇫",
    "e\u0301",
    "\u0928\u093f",
    "عربى",
    "\u2028",
    "\u2029",
    "\x85",
    "\r\n",
    "\r",
    "\x1f",
    '"',
    ",",
    "\\",
    "\ufeff",
]
# Everything the store accepts: any code point but NUL and lone surrogates.
storable_chars = st.characters(exclude_categories=["Cs"], exclude_characters="\x00")
texts = st.lists(st.sampled_from(AWKWARD) | st.text(storable_chars, max_size=8), max_size=8).map("".join)
scores = st.sampled_from([-0.0, 1 / 3, 5e-324, 1.7976931348623157e308]) | st.floats(
    allow_nan=False, allow_infinity=False
)
dates = st.sampled_from(["2021-10-06", "2021-10", "2021"])

positions = st.integers(min_value=0, max_value=10**6)
copy_evidence = st.builds(
    CopyEvidence,
    matched_id=texts,
    kind=st.sampled_from(KINDS),
    score=scores,
    passages=st.lists(
        st.builds(AlignedPassage, positions, positions, positions, positions, scores, texts), max_size=3
    ).map(tuple),
)
spin_evidence = st.builds(
    SpinEvidence,
    score=scores,
    flagged=st.booleans(),
    phrases=st.lists(st.builds(SpinPhrase, positions, positions, texts, texts, scores), max_size=3).map(tuple),
)

documents = st.builds(
    Document,
    uri=texts,
    raw_text=texts,
    title=st.none() | texts,
    published=st.none() | dates | texts,
    outlet=st.none() | texts,
    url=st.none() | texts,
    text=texts,
    language=st.none() | st.sampled_from(["en", "ru", "fa", "tg"]),
    language_score=st.none() | scores,
    removed=st.lists(st.builds(RemovedLine, text=texts, rule=texts), max_size=3),
    copy_of=st.none() | st.text("a0123456789abcdef", min_size=1, max_size=21),
    copy_kind=st.none() | st.sampled_from(["exact", "near", "spun", "translated", "rewrite"]),
    spin_score=st.none() | scores,
    copy_evidence=st.none() | copy_evidence,
    spin_evidence=st.none() | spin_evidence,
    story_id=st.none() | texts,
    notes=st.lists(texts | st.just("a NUL \x00 in a note is fine: JSON escapes it"), max_size=3),
)

ROUND_TRIP = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@ROUND_TRIP
@given(docs=st.lists(documents, max_size=4))
def test_documents_read_back_equal(new_store_url: Callable[[], str], docs: list[Document]) -> None:
    with open_store(new_store_url()) as repo:
        added = [doc for doc in docs if repo.add_article(doc)]
        for doc in added:
            assert repo.get_article(doc.id) == doc
        assert list(repo.iter_articles()) == added
        for doc in docs:  # the others repeat an article (same id) stored before
            assert repo.has_article(doc.id)


@ROUND_TRIP
@given(docs=st.lists(documents, max_size=4))
def test_exports_read_back_equal(new_store_url: Callable[[], str], tmp_path: Path, docs: list[Document]) -> None:
    with open_store(new_store_url()) as repo:
        for doc in docs:
            repo.add_article(doc)
        expected = [article_record(doc) for doc in repo.iter_articles()]
        jsonl, table = tmp_path / "out.jsonl", tmp_path / "out.csv"
        assert write_export(repo, "jsonl", jsonl) == len(expected)
        assert write_export(repo, "csv", table) == len(expected)
    lines = jsonl.read_bytes().decode("utf-8").splitlines()  # splits on U+2028 too: each record must be one line
    assert [json.loads(line) for line in lines] == expected
    with table.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert header == [name for name, _kind in table_columns()]
    for row, record in zip(rows, expected, strict=True):
        for cell, name in zip(row, header, strict=True):
            value = record.get(name)  # a column of another record type is empty
            if value is None:
                assert cell == ""
            elif isinstance(value, float):
                assert float(cell) == value
            else:
                assert cell == value


@pytest.mark.postgres
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=st.lists(documents, max_size=4))
def test_sqlite_and_postgres_export_the_same_bytes(postgres_server: PostgresServer, docs: list[Document]) -> None:
    exports = []
    for url in ("sqlite://", postgres_server.create_schema()):
        with open_store(url) as repo:
            for doc in docs:
                repo.add_article(doc)
            for fmt in ("jsonl", "csv"):
                buffer = io.BytesIO()
                WRITERS[fmt](iter_records(repo), buffer)
                exports.append(buffer.getvalue())
    assert exports[:2] == exports[2:]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    doc=documents, bad=st.sampled_from(["\x00", "\ud800", "\udfff"]), field=st.sampled_from(["raw_text", "text", "uri"])
)
def test_unstorable_characters_are_refused_and_nothing_is_written(
    new_store_url: Callable[[], str], doc: Document, bad: str, field: str
) -> None:
    setattr(doc, field, getattr(doc, field) + bad)
    with open_store(new_store_url()) as repo:
        before = repo.counts()
        with pytest.raises(StorylineError, match="E204"):
            repo.add_article(doc)
        assert repo.counts() == before
