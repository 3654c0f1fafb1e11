"""Issue 2: the export follows the contract, byte for byte the same from SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from storyline.document import Document
from storyline.errors import StorylineError
from storyline.export import (
    ARTICLE_FIELDS,
    ExportFormat,
    article_record,
    dumps_record,
    iter_records,
    table_columns,
    write_export,
    write_jsonl,
)
from storyline.store import Repository, open_store

CONTRACT = Path(__file__).resolve().parents[3] / "shared" / "contract" / "README.md"
FORMATS: tuple[ExportFormat, ...] = ("jsonl", "csv", "parquet")


def _store(url: str, docs: list[Document]) -> Repository:
    repo = open_store(url)
    for doc in docs:
        repo.add_article(doc)
    return repo


def _contract_keys(record_type: str) -> list[str]:
    """The keys of one record type, in order, as the contract's example shows them."""
    text = CONTRACT.read_text(encoding="utf-8")
    start = text.index(f'{{"type": "{record_type}"')
    end = text.find('\n{"type":', start + 1)
    return re.findall(r'"(\w+)":', text[start : end if end != -1 else None])


@pytest.mark.skipif(not CONTRACT.is_file(), reason="needs ../shared/contract/README.md")
def test_article_fields_are_the_contracts_in_its_order(seed_documents: list[Document]) -> None:
    keys = _contract_keys("article")
    assert keys[:3] == ["type", "id", "uri"]
    assert [name for name, _kind in ARTICLE_FIELDS] == keys
    assert list(article_record(seed_documents[0])) == keys


def test_article_record_values(seed_documents: list[Document]) -> None:
    doc = seed_documents[1]
    record = article_record(doc)
    assert record["type"] == "article"
    assert record["id"] == doc.id
    assert (record["copy_of"], record["copy_kind"], record["spin_score"]) == (seed_documents[0].id, "rewrite", 1 / 3)
    assert record["published"] == "2021-10"
    assert record["outlet"] is None and record["story_id"] is None  # never invented


@pytest.mark.postgres
def test_seed_exports_are_identical_from_sqlite_and_postgres(
    sqlite_url: str, postgres_url: str, seed_documents: list[Document], tmp_path: Path
) -> None:
    written: dict[str, dict[str, bytes]] = {}
    for backend, url in (("sqlite", sqlite_url), ("postgres", postgres_url)):
        with _store(url, seed_documents) as repo:
            for fmt in FORMATS:
                out = tmp_path / f"{backend}.{fmt}"
                assert write_export(repo, fmt, out) == len(seed_documents)
                written.setdefault(fmt, {})[backend] = out.read_bytes()
    for fmt in FORMATS:
        assert written[fmt]["sqlite"] == written[fmt]["postgres"], fmt
    lines = written["jsonl"]["sqlite"].decode("utf-8").split("\n")
    assert lines[-1] == ""
    assert [json.loads(line) for line in lines[:-1]] == [article_record(doc) for doc in seed_documents]


def test_jsonl_bytes(sqlite_url: str, seed_documents: list[Document], tmp_path: Path) -> None:
    out = tmp_path / "kb.jsonl"
    with _store(sqlite_url, seed_documents) as repo:
        write_export(repo, "jsonl", out)
    data = out.read_bytes()
    first = data.split(b"\n")[0].decode("utf-8")
    assert first.startswith('{"type":"article","id":"a')
    assert "Tajikistan’s" in data.decode("utf-8"), "non-ASCII written as itself"
    assert first == dumps_record(article_record(seed_documents[0]))


def test_line_breaks_other_than_newline_are_escaped() -> None:
    doc = Document(uri="u", raw_text="r", text="one\u2028two\u2029three\x85four\nfive")
    line = dumps_record(article_record(doc))
    assert len(line.splitlines()) == 1
    assert "\\u2028" in line and "\\u2029" in line and "\\u0085" in line and "\\n" in line
    assert json.loads(line)["text"] == doc.text


def test_csv_layout_and_values(store_url: str, seed_documents: list[Document], tmp_path: Path) -> None:
    out = tmp_path / "kb.csv"
    with _store(store_url, seed_documents) as repo:
        assert write_export(repo, "csv", out) == 5
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [name for name, _kind in table_columns()]
    assert list(rows[0])[: len(ARTICLE_FIELDS)] == [name for name, _kind in ARTICLE_FIELDS]
    assert [row["id"] for row in rows] == [doc.id for doc in seed_documents]
    assert rows[0]["text"] == seed_documents[0].text, "multi-line text survives inside its quotes"
    assert rows[1]["spin_score"] == repr(1 / 3)
    assert rows[0]["spin_score"] == "" and rows[3]["published"] == ""


def test_parquet_keeps_types_and_nulls(store_url: str, seed_documents: list[Document], tmp_path: Path) -> None:
    out = tmp_path / "kb.parquet"
    with _store(store_url, seed_documents) as repo:
        assert write_export(repo, "parquet", out) == 5
        expected = list(iter_records(repo))
    table = pq.read_table(out)
    assert table.column_names == [name for name, _kind in table_columns()]
    assert str(table.schema.field("spin_score").type) == "double"
    columns = table.column_names
    assert table.to_pylist() == [{name: record.get(name) for name in columns} for record in expected]


def test_an_empty_store_exports_empty_files(store_url: str, tmp_path: Path) -> None:
    with open_store(store_url) as repo:
        for fmt in FORMATS:
            assert write_export(repo, fmt, tmp_path / f"empty.{fmt}") == 0
    assert (tmp_path / "empty.jsonl").read_bytes() == b""
    header = ",".join(name for name, _kind in table_columns())
    assert (tmp_path / "empty.csv").read_bytes() == (header + "\r\n").encode()
    table = pq.read_table(tmp_path / "empty.parquet")
    assert table.num_rows == 0 and table.column_names == header.split(",")


def test_standard_output_gets_the_same_bytes(
    sqlite_url: str, seed_documents: list[Document], tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    with _store(sqlite_url, seed_documents) as repo:
        for fmt in FORMATS[:2]:
            write_export(repo, fmt, tmp_path / f"kb.{fmt}")
            capsysbinary.readouterr()
            assert write_export(repo, fmt, None) == 5
            assert capsysbinary.readouterr().out == (tmp_path / f"kb.{fmt}").read_bytes()
        with pytest.raises(StorylineError, match="E211"):
            write_export(repo, "parquet", None)


def test_bad_requests_are_refused_with_a_fix(sqlite_url: str, tmp_path: Path) -> None:
    with open_store(sqlite_url) as repo:
        with pytest.raises(StorylineError, match="E210") as caught:
            write_export(repo, "xml", tmp_path / "kb.xml")  # type: ignore[arg-type]
        assert caught.value.fix and "jsonl" in caught.value.fix
        with pytest.raises(StorylineError, match="E212"):
            write_export(repo, "jsonl", tmp_path / "missing" / "kb.jsonl")


def test_a_failed_export_leaves_no_file(
    sqlite_url: str, seed_documents: list[Document], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "kb.jsonl"
    out.write_bytes(b"the previous export\n")
    with _store(sqlite_url, seed_documents) as repo:
        first = next(repo.iter_articles())

        def fail_after_one() -> Iterator[Document]:
            yield first
            raise RuntimeError("killed")

        monkeypatch.setattr(repo, "iter_articles", fail_after_one)
        with pytest.raises(RuntimeError):
            write_export(repo, "jsonl", out)
    assert out.read_bytes() == b"the previous export\n", "the old file stays whole"
    assert [path.name for path in tmp_path.iterdir() if path.name.endswith(".part")] == []


def test_records_stream_in_ingest_order(sqlite_url: str, seed_documents: list[Document]) -> None:
    order = [4, 2, 0, 3, 1]
    with _store(sqlite_url, [seed_documents[n] for n in order]) as repo:
        buffer = io.BytesIO()
        write_jsonl(iter_records(repo), buffer)
    ids = [json.loads(line)["id"] for line in buffer.getvalue().splitlines()]
    assert ids == [seed_documents[n].id for n in order]
