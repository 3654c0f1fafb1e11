"""JSON Lines and JSON articles: fields, normalised dates, rejects by line, and a write/read round trip."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.document import Document, Reject
from storyline.ingest import read_input
from storyline.settings import Options

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def read_all(path: Path, options: Options | None = None) -> list[Document | Reject]:
    return list(read_input(str(path), options or Options()))


def split(items: list[Document | Reject]) -> tuple[list[Document], list[Reject]]:
    docs = [item for item in items if isinstance(item, Document)]
    rejects = [item for item in items if isinstance(item, Reject)]
    assert all("\n" not in reject.message for reject in rejects)
    return docs, rejects


def test_fixture_records_and_the_lines_that_are_not_articles() -> None:
    path = FIXTURES / "articles.jsonl"
    records = path.read_text(encoding="utf-8").splitlines()
    docs, rejects = split(read_all(path))
    assert [doc.uri for doc in docs] == [f"{path}#{line}" for line in (1, 2, 3, 5, 7)]
    assert [(reject.line, reject.uri) for reject in rejects] == [(4, str(path)), (6, str(path))]
    assert rejects[0].reason.startswith("malformed JSON")
    assert rejects[1].reason == "record has no 'text' field"
    assert rejects[0].message == f"{path}:4: {rejects[0].reason}"
    for doc in docs:
        record = json.loads(records[int(doc.uri.rsplit("#", 1)[1]) - 1])
        assert doc.raw_text == record["text"]
        assert doc.title == record.get("title")
        assert doc.url == record.get("url")
        assert doc.outlet == record.get("outlet")
    # Dates as given: ISO, "Oct 7, 2021", an ISO datetime, an unparseable phrase, a month.
    assert [doc.published for doc in docs] == ["2021-10-06", "2021-10-07", "2021-10-08", None, "2021-08"]
    assert docs[3].notes == ["published 'sometime last winter' is not a date ingest understands; left empty"]


def test_json_list_and_single_object() -> None:
    listed = FIXTURES / "two-articles.json"
    docs, rejects = split(read_all(listed))
    assert not rejects
    assert [doc.uri for doc in docs] == [f"{listed}#1", f"{listed}#2"]
    assert docs[0].published == "2021-08-20" and docs[1].outlet == "Example World News"
    single = FIXTURES / "one-article.json"
    docs, rejects = split(read_all(single))
    assert not rejects and len(docs) == 1
    assert docs[0].uri == str(single)
    assert docs[0].published == "2021-10-07"
    assert docs[0].url == "https://wire.example.com/world/1002"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'{"text": 5}', "'text' must be a string, not a number"),
        (b'{"text": "   "}', "'text' is empty"),
        (b'["a list"]', "a record must be a JSON object, not a list"),
        (b'{"text": "Body", "title": ["x"]}', "'title' must be a string or null, not a list"),
        (b'{"text": "Bad \xff byte"}', "not valid UTF-8"),
        (b"[" * 100_000, "malformed JSON"),
    ],
)
def test_bad_lines_are_rejected_and_the_rest_still_read(tmp_path: Path, line: bytes, reason: str) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"text": "First article."}\n' + line + b'\n\n{"text": "Third article."}\n')
    docs, rejects = split(read_all(path))
    assert [doc.raw_text for doc in docs] == ["First article.", "Third article."]
    assert [doc.uri for doc in docs] == [f"{path}#1", f"{path}#4"]
    assert len(rejects) == 1 and rejects[0].line == 2
    assert reason in rejects[0].reason


def test_record_over_the_size_limit_is_rejected_by_line(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    small, big = {"text": "Short enough."}, {"text": "Ж" * 600}  # 1,200 bytes of UTF-8
    path.write_text(f"{json.dumps(small)}\n{json.dumps(big)}\n", encoding="utf-8")
    docs, rejects = split(read_all(path, Options(max_article_bytes=1_000)))
    assert [doc.raw_text for doc in docs] == ["Short enough."]
    assert rejects[0].line == 2 and "text is 1200 bytes, more than max_article_bytes (1000)" in rejects[0].reason


def test_a_line_too_long_to_hold_an_acceptable_text_is_skipped_unread(tmp_path: Path) -> None:
    path = tmp_path / "long-line.jsonl"
    path.write_text(json.dumps({"text": "x" * 1_100_000}) + '\n{"text": "After the long line."}\n')
    docs, rejects = split(read_all(path, Options(max_article_bytes=50)))
    assert [doc.raw_text for doc in docs] == ["After the long line."]
    assert rejects[0].line == 1 and rejects[0].reason.startswith("line longer than")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.jsonl", b"", "empty file"),
        ("blank.jsonl", b"\n\n  \n", "no records, only blank lines"),
        ("binary.jsonl", b'{"te\x00xt"}\n', "binary"),
        ("broken.json", b'{"text": "unterminated', "malformed JSON"),
        ("number.json", b"42", "not a number"),
        ("empty-list.json", b"[]", "the JSON list is empty"),
    ],
)
def test_bad_files_are_rejected(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    docs, rejects = split(read_all(path))
    assert not docs and len(rejects) == 1
    assert reason in rejects[0].reason


def test_bad_record_in_a_json_list_is_named_by_number(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"text": "Fine."}, {"title": "No text"}, {"text": "Also fine."}]))
    docs, rejects = split(read_all(path))
    assert [doc.uri for doc in docs] == [f"{path}#1", f"{path}#3"]
    assert rejects[0].reason == "record 2: record has no 'text' field"


# --- round trip: records written as JSON Lines come back as the same articles ---------------------------

texts = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=200).filter(
    lambda text: bool(text.strip())
)
optional_strings = st.none() | st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
stated_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
published_values = st.one_of(
    st.none(),
    stated_dates.map(lambda day: (day.isoformat(), day.isoformat())),
    stated_dates.map(lambda day: (day.isoformat()[:7], day.isoformat()[:7])),
    stated_dates.map(lambda day: (f"{day.isoformat()}T12:00:00Z", day.isoformat())),
    stated_dates.map(lambda day: (f"{day.strftime('%B')} {day.day}, {day.year}", day.isoformat())),
)
records = st.fixed_dictionaries(
    {"text": texts, "published": published_values},
    optional={"title": optional_strings, "url": optional_strings, "outlet": optional_strings},
)


def expected_string(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(records, min_size=1, max_size=8), ensure_ascii=st.booleans())
def test_records_round_trip(tmp_path: Path, batch: list[dict[str, Any]], ensure_ascii: bool) -> None:
    path = tmp_path / "round-trip.jsonl"
    lines = []
    for record in batch:
        written = dict(record)
        written["published"] = record["published"][0] if record["published"] else None
        lines.append(json.dumps(written, ensure_ascii=ensure_ascii))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_all(path)
    assert all(isinstance(item, Document) for item in items)
    assert len(items) == len(batch)
    for number, (doc, record) in enumerate(zip(items, batch, strict=True), start=1):
        assert isinstance(doc, Document)
        assert doc.uri == f"{path}#{number}"
        assert doc.raw_text == record["text"].replace("\r\n", "\n").replace("\r", "\n")
        assert doc.title == expected_string(record.get("title"))
        assert doc.url == expected_string(record.get("url"))
        assert doc.outlet == expected_string(record.get("outlet"))
        assert doc.published == (record["published"][1] if record["published"] else None)
        assert doc.notes == []
