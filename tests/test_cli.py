"""Issue 2 end to end through the CLI: good and bad inputs in one run, idempotence, exit codes, export."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.export import RECORD_FIELDS, table_columns
from storyline.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "afghan-resistance"
CONTRACT = ROOT.parent / "shared" / "contract" / "README.md"


def contract_keys() -> dict[str, list[str]]:
    """Each record type's top-level keys, in order, read from the contract's example block."""
    block = CONTRACT.read_text(encoding="utf-8").split("```jsonc", 1)[1].split("```", 1)[0]
    text = "\n".join(line.split("//", 1)[0] for line in block.splitlines())
    keys: dict[str, list[str]] = {}
    depth, current, position = 0, [], 0
    while position < len(text):
        char = text[position]
        if char == '"':
            end = text.index('"', position + 1)
            word = text[position + 1 : end]
            if depth == 1 and text[end + 1 : end + 2] == ":":
                current.append(word)
            if depth == 1 and current == ["type"] and word != "type":
                keys[word] = current
            position = end + 1
            continue
        if char in "{[":
            depth += 1
            if depth == 1:
                current = []
        elif char in "}]":
            depth -= 1
        position += 1
    return keys


def _invoke(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def mixed_folder(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The five seed articles beside one file of every kind of bad input, and the reason each must give."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (folder / seed.name).write_bytes(seed.read_bytes())
    seed_text = (SEEDS / "003_bd1d055ce3ed2dfb.txt").read_text(encoding="utf-8")
    bad: dict[str, str] = {}

    def add(name: str, data: bytes, reason: str) -> None:
        (folder / name).write_bytes(data)
        bad[name] = reason

    add("empty.txt", b"", "empty")
    add("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary")
    add("broken-utf8.txt", seed_text.encode("utf-8")[:900] + b"\xff\xfe\xc3" + seed_text.encode()[900:1800], "UTF-8")
    with (folder / "huge.txt").open("wb") as huge:
        huge.write(b"Huge headline\n\n")
        huge.write(b"A sentence that repeats itself to make a fifty megabyte file. " * 800_000)
    bad["huge.txt"] = "max_article_bytes"
    add("malformed.html", b"<html><head><title>x</ti<<<body><div><<p>>", "")
    add(
        "broken.rss",
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><item><title>Only',
        "broken feed",
    )
    add("photo.jpg", b"\xff\xd8\xff\xe0 not really", "unknown file type '.jpg'")
    lines = [json.dumps({"title": "Talks in Tehran", "text": "The Taliban met Ahmad Massoud in Tehran."}), "{not json"]
    add("records.jsonl", "\n".join(lines).encode(), "records.jsonl:2: malformed JSON")
    # Another encoding is detected and decoded, not rejected.
    russian = (
        "Афганское сопротивление\n\nАфганское сопротивление попросило Таджикистан о помощи в переговорах с талибами."
    )
    (folder / "cp1251.txt").write_bytes(russian.encode("cp1251"))
    return folder, bad


def test_every_bad_input_is_named_and_recorded_and_the_good_ones_are_stored(
    mixed_folder: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    folder, bad = mixed_folder
    db = str(tmp_path / "store.db")
    code, stdout, stderr = _invoke("ingest", str(folder), "--db", db, "--no-progress", "--stages", "clean")
    assert code == 0, stderr
    messages = [line for line in stderr.splitlines() if line.startswith("rejected ")]
    for name, reason in bad.items():
        named = [line for line in messages if f"{folder / name}:" in line]
        assert named, f"no message names {name}: {messages}"
        assert any(reason in line for line in named), named
    assert all(any(f"{folder / name}:" in line for name in bad) for line in messages)
    with open_store(db) as repo:
        rejects = {Path(r.uri).name: r for r in repo.iter_rejects()}
        reject_count = repo.counts()["rejects"]
        assert set(rejects) == set(bad)
        assert rejects["records.jsonl"].line == 2
        articles = list(repo.iter_articles())
    assert len(articles) == 5 + 1 + 1  # the seeds, the good JSONL line and the cp1251 article
    russian = next(doc for doc in articles if doc.uri.endswith("cp1251.txt"))
    assert russian.language == "ru" and "Таджикистан" in russian.text
    assert "What each stage produced" in stdout

    # Ingesting the same inputs again adds nothing, not even rejects.
    code, _, _ = _invoke("ingest", str(folder), "--db", db, "--no-progress", "--stages", "clean")
    assert code == 0
    with open_store(db) as repo:
        assert repo.counts()["articles"] == 7 and repo.counts()["rejects"] == reject_count

    code, _, _ = _invoke("ingest", str(folder), "--db", db, "--no-progress", "--strict", "--stages", "clean")
    assert code == 1


def test_seeds_twice_store_five_articles_with_only_the_stated_date(tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    for _ in range(2):
        code, _, stderr = _invoke("ingest", str(SEEDS), "--db", db, "--no-progress", "--stages", "clean")
        assert code == 0, stderr
    with open_store(db) as repo:
        published = {Path(doc.uri).name[:3]: doc.published for doc in repo.iter_articles()}
    assert published == {"000": None, "001": "2021-10-07", "002": None, "003": None, "004": None}


def test_nothing_ingested_exits_non_zero(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, _, stderr = _invoke("ingest", str(empty), "--db", str(tmp_path / "s.db"), "--no-progress")
    assert code == 1
    assert f"rejected {empty}: empty" in stderr


def test_stdin_is_read(tmp_path: Path) -> None:
    record = {"title": "Talks", "text": "Delegations met in Charikar on Wednesday.", "outlet": "TASS"}
    db = str(tmp_path / "s.db")
    code, _, stderr = _invoke(
        "ingest", "-", "--db", db, "--no-progress", "--stages", "clean", stdin=json.dumps(record).encode()
    )
    assert code == 0, stderr
    with open_store(db) as repo:
        [doc] = list(repo.iter_articles())
    assert (doc.outlet, doc.title, doc.text) == ("TASS", "Talks", record["text"])


def test_the_contract_is_read_whole() -> None:
    keys = contract_keys()
    assert list(keys) == ["article", "story", "topic", "entity", "quote", "event"]
    assert keys["entity"][-2:] == ["geo", "mentions"]  # nested keys (lat, start, ...) are not top-level


def test_exports_hold_exactly_the_contract_fields(tmp_path: Path) -> None:
    """The whole pipeline over the seeds: every record type, each with exactly the contract's keys in order."""
    db = str(tmp_path / "s.db")
    code, _, stderr = _invoke("ingest", str(SEEDS), "--db", db, "--no-progress")
    assert code == 0, stderr
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"export.{fmt}"
        code, _, stderr = _invoke("export", "--db", db, "--format", fmt, "--out", str(out))
        assert code == 0, stderr
    records = [json.loads(line) for line in (tmp_path / "export.jsonl").read_text(encoding="utf-8").splitlines()]
    expected = contract_keys()
    assert {r["type"] for r in records} == set(expected)
    for record in records:
        assert list(record) == expected[record["type"]]
    assert {kind: [name for name, _ in fields] for kind, fields in RECORD_FIELDS.items()} == expected
    assert sum(r["type"] == "article" for r in records) == 5
    table = pq.read_table(tmp_path / "export.parquet")
    assert table.num_rows == len(records)
    assert table.column_names == [name for name, _ in table_columns()]
    header = (tmp_path / "export.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == list(table.column_names)

    code, _, stderr = _invoke("export", "--db", db, "--format", "xml")
    assert code == 2 and "[E020]" in stderr


@pytest.mark.postgres
def test_sqlite_and_postgres_give_byte_identical_exports(postgres_url: str, tmp_path: Path) -> None:
    """The same input through the whole CLI into each backend exports the same bytes, in every format."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (inbox / seed.name).write_bytes(seed.read_bytes())
    (inbox / "records.jsonl").write_text(
        json.dumps({"title": "Talks", "text": "Delegations met in Charikar.", "published": "2021-08-25"}) + "\n{bad\n",
        encoding="utf-8",
    )
    exports: dict[str, list[bytes]] = {}
    for name, db in (("sqlite", str(tmp_path / "s.db")), ("postgres", postgres_url)):
        assert _invoke("ingest", str(inbox), "--db", db, "--no-progress")[0] == 0
        for fmt in ("jsonl", "csv", "parquet"):
            out = tmp_path / f"{name}.{fmt}"
            assert _invoke("export", "--db", db, "--format", fmt, "--out", str(out))[0] == 0
            exports.setdefault(fmt, []).append(out.read_bytes())
    for fmt, (from_sqlite, from_postgres) in exports.items():
        assert from_sqlite == from_postgres, fmt
    assert exports["jsonl"][0].count(b'{"type":"article"') == 6
    assert b'{"type":"event"' in exports["jsonl"][0] and b'{"type":"quote"' in exports["jsonl"][0]
