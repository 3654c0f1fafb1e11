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
from storyline.document import Document, EventReport, Mention, Quotation, RemovedLine
from storyline.errors import StorylineError
from storyline.export import WRITERS, article_record, iter_records, table_columns, write_export
from storyline.extract.time import TimeMention
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

maybe_texts = st.none() | texts
maybe_positions = st.none() | positions
times = st.builds(
    TimeMention,
    start=positions,
    end=positions,
    text=texts,
    type=st.sampled_from(["DATE", "TIME", "DURATION", "SET"]),
    value=texts,
    rule=texts,
    mod=maybe_texts,
)
mentions = st.builds(
    Mention,
    start=positions,
    end=positions,
    text=texts,
    kind=st.sampled_from(["PERSON", "ORG", "GPE", "LOC", "NORP", "OTHER"]),
    entity_id=maybe_texts,
    evidence=maybe_texts,
    lat=st.none() | scores,
    lon=st.none() | scores,
    geonames_id=st.none() | st.integers(-(2**63), 2**63 - 1),
    place_evidence=maybe_texts,
)
quotations = st.builds(
    Quotation,
    start=positions,
    end=positions,
    text=texts,
    direct=st.booleans(),
    cue=maybe_texts,
    cue_start=maybe_positions,
    cue_end=maybe_positions,
    source_start=maybe_positions,
    source_end=maybe_positions,
    speaker=maybe_texts,
    speaker_start=maybe_positions,
    speaker_end=maybe_positions,
    speaker_entity_id=maybe_texts,
    evidence=maybe_texts,
    same_as=maybe_texts,
)
event_reports = st.builds(
    EventReport,
    plover=st.sampled_from(["CONSULT", "REJECT", "REQUEST"]),
    start=positions,
    end=positions,
    trigger_start=positions,
    trigger_end=positions,
    confidence=scores,
    explanation=texts,
    mode=maybe_texts,
    context=maybe_texts,
    cameo=maybe_texts,
    source_text=maybe_texts,
    source_entity_id=maybe_texts,
    target_text=maybe_texts,
    target_entity_id=maybe_texts,
    location_text=maybe_texts,
    location_entity_id=maybe_texts,
    date=st.none() | dates,
    date_text=maybe_texts,
    event_id=maybe_texts,
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
    times=st.lists(times, max_size=2),
    mentions=st.lists(mentions, max_size=2),
    quotations=st.lists(quotations, max_size=2, unique_by=lambda q: (q.start, q.end)),
    events=st.lists(event_reports, max_size=2),
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
        expected = list(iter_records(repo))
        quotes = [(a.id, q) for a in repo.iter_articles() for q in a.quotations]
        assert [r for r in expected if r["type"] == "article"] == [article_record(a) for a in repo.iter_articles()]
        assert [(r["article_id"], r["start"], r["end"]) for r in expected if r["type"] == "quote"] == [
            (a, q.start, q.end) for a, q in quotes
        ]
        jsonl, table = tmp_path / "out.jsonl", tmp_path / "out.csv"
        assert write_export(repo, "jsonl", jsonl) == len(expected)
        assert write_export(repo, "csv", table) == len(expected)
    lines = jsonl.read_bytes().decode("utf-8").splitlines()  # splits on U+2028 too: each record must be one line
    assert [json.loads(line) for line in lines] == expected
    with table.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    kinds = dict(table_columns())
    assert header == list(kinds)
    for row, record in zip(rows, expected, strict=True):
        for cell, name in zip(row, header, strict=True):
            value = record.get(name)  # a column of another record type is empty
            if value is None:
                assert cell == ""
            elif kinds[name] == "float":
                assert float(cell) == value
            elif kinds[name] == "json":
                assert json.loads(cell) == value
            elif kinds[name] == "bool":
                assert cell == ("true" if value else "false")
            else:
                assert cell == str(value)


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
