"""Choosing inputs (folders, stdin, missing paths) and the format of what arrives on stdin."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.document import Document, Reject
from storyline.ingest import STDIN_URI, format_of, list_inputs, read, read_input, sniff_format
from storyline.settings import Options

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
SEEDS = Path(__file__).resolve().parents[2] / "examples" / "afghan-resistance"


def from_stdin(data: bytes, options: Options | None = None) -> list[Document | Reject]:
    return list(read_input("-", options or Options(), stdin=io.BytesIO(data)))


def test_list_inputs_expands_folders_sorted_and_keeps_the_rest_as_given(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x")
    (tmp_path / "b" / "1.html").write_text("x")
    (tmp_path / "a.jsonl").write_text("x")
    (tmp_path / "notes.pdf").write_text("x")  # not a format ingest reads: listed, so that it is rejected
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("x")
    folder = str(tmp_path)
    sources = ["-", folder, "missing.txt", str(tmp_path / "notes.pdf")]
    assert list_inputs(sources) == [
        "-",
        f"{folder}/a.jsonl",
        f"{folder}/notes.pdf",
        f"{folder}/b/1.html",
        f"{folder}/b/2.txt",
        "missing.txt",
        f"{folder}/notes.pdf",
    ]
    assert list_inputs(sources) == list_inputs(sources)


def test_read_over_the_seed_folder_matches_reading_each_file() -> None:
    together = list(read([str(SEEDS)], Options()))
    one_by_one = [item for path in sorted(SEEDS.glob("*.txt")) for item in read_input(str(path), Options())]
    assert together == one_by_one
    assert len(together) == 5 and all(isinstance(item, Document) for item in together)
    # Content-derived ids: the same article read twice has the same id, different articles differ.
    again = list(read([str(SEEDS)], Options()))
    assert [doc.id for doc in again] == [doc.id for doc in together]
    assert len({doc.id for doc in together}) == 5


def test_the_same_text_in_another_place_keeps_its_id(tmp_path: Path) -> None:
    seed = next(SEEDS.glob("001_*.txt"))
    moved = tmp_path / "moved" / "copy.txt"
    moved.parent.mkdir()
    moved.write_bytes(seed.read_bytes())
    original, copy = (next(iter(read_input(str(path), Options()))) for path in (seed, moved))
    assert isinstance(original, Document) and isinstance(copy, Document)
    assert original.uri != copy.uri and original.id == copy.id


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        ("missing", "no such file or directory"),
        ("empty-folder", "folder holds no files"),
        ("folder-of-pdfs", "unknown file type '.pdf'"),
        ("unknown-extension", "unknown file type '.docx'"),
        ("no-extension", "unknown file type ''"),
    ],
)
def test_paths_that_hold_nothing_readable_are_rejected(tmp_path: Path, setup: str, reason: str) -> None:
    path = tmp_path / setup
    if setup == "empty-folder":
        path.mkdir()
    elif setup == "folder-of-pdfs":
        path.mkdir()
        (path / "report.pdf").write_bytes(b"%PDF-1.4")
    elif setup == "unknown-extension":
        path = tmp_path / "article.docx"
        path.write_bytes(b"PK\x03\x04")
    elif setup == "no-extension":
        path.write_text("Some text")
    items = list(read([str(path)], Options()))
    assert len(items) == 1 and isinstance(items[0], Reject)
    assert items[0].uri == str(path / "report.pdf" if setup == "folder-of-pdfs" else path)
    assert reason in items[0].reason and "\n" not in items[0].message


def test_a_folder_given_to_read_input_is_read_whole() -> None:
    items = list(read_input(str(SEEDS), Options()))
    assert [item.uri for item in items] == [str(path) for path in sorted(SEEDS.glob("*.txt"))]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.TXT", "text"),
        ("a.htm", "html"),
        ("a.ndjson", "jsonl"),
        ("a.json", "json"),
        ("a.atom", "feed"),
        ("a.xml", "xml"),
        ("crawl.warc.gz", "warc"),
        ("a.txt.gz", None),
        ("README", None),
    ],
)
def test_format_by_extension(name: str, kind: str | None) -> None:
    assert format_of(name) == kind


@pytest.mark.parametrize(
    ("fixture", "kind"),
    [
        ("articles.jsonl", "jsonl"),
        ("two-articles.json", "json"),
        ("one-article.json", "json"),
        ("world.rss", "feed"),
        ("digest.atom", "feed"),
        ("afghan-opposition.html", "html"),
        ("taliban-talks-undated.html", "html"),
    ],
)
def test_sniffing_recognises_every_fixture(fixture: str, kind: str) -> None:
    assert sniff_format((FIXTURES / fixture).read_bytes()) == kind


@pytest.mark.parametrize("fixture", ["articles.jsonl", "two-articles.json", "world.rss", "afghan-opposition.html"])
def test_stdin_reads_like_the_file(fixture: str) -> None:
    path = FIXTURES / fixture
    from_file = list(read_input(str(path), Options()))
    from_pipe = from_stdin(path.read_bytes())
    assert len(from_pipe) == len(from_file)
    for piped, filed in zip(from_pipe, from_file, strict=True):
        assert type(piped) is type(filed)
        assert piped.uri == filed.uri.replace(str(path), STDIN_URI)
        if isinstance(piped, Document) and isinstance(filed, Document):
            assert (piped.raw_text, piped.title, piped.published, piped.outlet, piped.url) == (
                filed.raw_text,
                filed.title,
                filed.published,
                filed.outlet,
                filed.url,
            )


def test_stdin_text_article() -> None:
    seed = next(SEEDS.glob("001_*.txt"))
    (doc,) = from_stdin(seed.read_bytes())
    assert isinstance(doc, Document)
    assert doc.uri == STDIN_URI
    assert (doc.title, doc.published) == ("Afghan resistance asks for assistance from Tajikistan", "2021-10-07")


def test_stdin_json_lines_with_a_byte_order_mark() -> None:
    lines = [json.dumps({"text": f"Article {number}."}) for number in (1, 2)]
    docs = from_stdin(b"\xef\xbb\xbf" + "\n".join(lines).encode())
    assert [(doc.uri, doc.raw_text) for doc in docs if isinstance(doc, Document)] == [
        (f"{STDIN_URI}#1", "Article 1."),
        (f"{STDIN_URI}#2", "Article 2."),
    ]


def test_stdin_single_line_json_object_is_one_article() -> None:
    (doc,) = from_stdin(json.dumps({"text": "One article on one line.", "published": "2021"}).encode())
    assert isinstance(doc, Document)
    assert (doc.raw_text, doc.published) == ("One article on one line.", "2021")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty input"),
        (b"\x00\x01\x02\x03binary", "binary"),
        (b"x" * 2_000, "input is 2000 bytes, more than max_article_bytes (1000)"),
    ],
)
def test_bad_stdin_is_rejected(data: bytes, reason: str) -> None:
    (reject,) = from_stdin(data, Options(max_article_bytes=1_000))
    assert isinstance(reject, Reject)
    assert reject.uri == STDIN_URI and reason in reject.reason


def test_stdin_warc() -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    page = (FIXTURES / "taliban-talks-undated.html").read_bytes()
    url = "https://other.example.com/2021/taliban-talks"
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(page), http_headers=headers))
    (doc,) = from_stdin(buffer.getvalue())
    assert isinstance(doc, Document)
    assert (doc.uri, doc.url) == (f"{STDIN_URI}#1", url)
    assert "On August 15, Taliban fighters swept into Kabul" in doc.raw_text
