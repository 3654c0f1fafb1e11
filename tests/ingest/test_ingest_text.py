"""Plain-text articles: headers, nothing of the article lost, encodings, and every kind of bad file."""

from __future__ import annotations

import os
import time
import tracemalloc
from pathlib import Path

import pytest

from storyline.document import Document, Reject
from storyline.ingest import read_input
from storyline.ingest.dates import parse_date_line
from storyline.settings import Options

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "afghan-resistance"

RUSSIAN = (
    "Сопротивление готово к переговорам\n\n"
    "Лидер Национальной партии конгресса Афганистана заявил, что силы сопротивления готовы к переговорам "
    "с движением «Талибан». По его словам, Таджикистан мог бы стать площадкой для такого диалога.\n"
    "Он также отметил, что сопротивление ожидает от Душанбе политической и гуманитарной поддержки.\n"
)
FRENCH = (
    "La résistance afghane prête à négocier\n\n"
    "Les forces de la résistance afghane se disent prêtes à négocier avec les talibans. Selon le dirigeant "
    "du parti du Congrès national, le Tadjikistan pourrait accueillir ces discussions.\n"
    "Il a également souligné que la résistance attend un soutien politique et humanitaire de Douchanbé.\n"
)


def read_one(path: Path, options: Options | None = None) -> Document | Reject:
    items = list(read_input(str(path), options or Options()))
    assert len(items) == 1, items
    return items[0]


def read_doc(path: Path, options: Options | None = None) -> Document:
    item = read_one(path, options)
    assert isinstance(item, Document), item
    return item


def read_reject(path: Path, options: Options | None = None) -> Reject:
    item = read_one(path, options)
    assert isinstance(item, Reject), item
    assert "\n" not in item.message
    return item


def test_seed_with_date_line_counter_and_title() -> None:
    path = next(SEEDS.glob("001_*.txt"))
    doc = read_doc(path)
    assert doc.uri == str(path)
    assert doc.published == "2021-10-07"
    assert doc.title == "Afghan resistance asks for assistance from Tajikistan"
    assert doc.outlet is None and doc.url is None
    # The share counter is header boilerplate for the clean stage to remove: ingest keeps it.
    assert doc.raw_text.startswith("0 0\n")
    assert "Oct 7, 2021" not in doc.raw_text
    assert doc.title not in doc.raw_text
    assert "Taliban * continue to pull troops into border provinces" in doc.raw_text


def test_seed_that_opens_with_body_text_has_no_title_and_no_date_from_prose() -> None:
    path = next(SEEDS.glob("000_*.txt"))
    doc = read_doc(path)
    # "told TASS on October 6" is in the first sentence: never a publication date.
    assert "told TASS on October 6" in doc.raw_text
    assert doc.published is None
    assert doc.title is None
    assert doc.raw_text == path.read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda path: path.name[:3])
def test_nothing_of_a_seed_article_is_lost(path: Path) -> None:
    doc = read_doc(path)
    original = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    kept = [line.strip() for line in doc.raw_text.splitlines() if line.strip()]
    stated = doc.published
    header = [line for line in original if line == doc.title or (stated and parse_date_line(line) == stated)]
    assert sorted(kept + header) == sorted(original)
    assert len(header) == (doc.title is not None) + (doc.published is not None)


def test_date_line_just_below_the_title(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text("Talks in Dushanbe\nOctober 7, 2021\n\nThe resistance met in Dushanbe on October 6.\n")
    doc = read_doc(path)
    assert (doc.title, doc.published) == ("Talks in Dushanbe", "2021-10-07")
    assert doc.raw_text == "The resistance met in Dushanbe on October 6."


def test_a_date_line_inside_the_body_is_not_the_publication_date(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text("Talks in Dushanbe\n\nThe first paragraph.\n\n7 October 2021\n\nThe second paragraph.\n")
    doc = read_doc(path)
    assert doc.published is None
    assert "7 October 2021" in doc.raw_text


def test_a_file_of_one_line_is_all_body(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("Pedram said the resistance would not sit idly.\n")
    doc = read_doc(path)
    assert doc.title is None
    assert doc.raw_text == "Pedram said the resistance would not sit idly."


def test_a_header_with_no_article_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "header.txt"
    path.write_text("Oct 7, 2021\n0 0\n")
    assert "no article text" in read_reject(path).reason


def test_windows_line_endings_become_newlines(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(FRENCH.encode("utf-8").replace(b"\n", b"\r\n"))
    doc = read_doc(path)
    assert "\r" not in doc.raw_text
    assert doc.title == "La résistance afghane prête à négocier"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(RUSSIAN, "cp1251"), (RUSSIAN.replace("«", '"').replace("»", '"'), "koi8-r"), (FRENCH, "latin-1")],
)
def test_legacy_encodings_are_decoded_with_a_note(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_doc(path)
    assert doc.title == text.split("\n", 1)[0]
    assert doc.raw_text == text.split("\n", 1)[1].strip()
    assert any(note.startswith("decoded as") for note in doc.notes)


def test_utf16_with_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(RUSSIAN.encode("utf-16"))
    doc = read_doc(path)
    assert doc.raw_text == RUSSIAN.split("\n", 1)[1].strip()


def test_utf8_with_byte_order_mark_has_no_note(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + FRENCH.encode("utf-8"))
    doc = read_doc(path)
    assert doc.title == "La résistance afghane prête à négocier"
    assert doc.notes == []


def test_damaged_utf8_is_rejected_not_guessed(tmp_path: Path) -> None:
    data = RUSSIAN.encode("utf-8")
    path = tmp_path / "damaged.txt"
    path.write_bytes(data[:100] + b"\xff" + data[100:])
    reject = read_reject(path)
    assert "invalid UTF-8" in reject.reason and "offset 100" in reject.reason


def test_binary_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in read_reject(path).reason


def test_random_bytes_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes((index * 7919 + 13) % 255 + 1 for index in range(4000)))
    reason = read_reject(path).reason
    assert "binary" in reason or "encoding" in reason


@pytest.mark.parametrize(
    ("content", "expected"), [(b"", "empty file"), (b"  \n\n\t\n", "empty file (only whitespace)")]
)
def test_empty_files_are_rejected(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert read_reject(path).reason == expected


def test_file_over_the_size_limit_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Title\n\n" + "A sentence of the body. " * 100)
    assert isinstance(read_one(path, Options(max_article_bytes=10_000)), Document)
    reject = read_reject(path, Options(max_article_bytes=1_000))
    assert f"file is {path.stat().st_size} bytes" in reject.reason
    assert "max_article_bytes (1000)" in reject.reason


def test_a_50_megabyte_text_file_is_rejected_fast_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(b"Title\n\nBody ")
        handle.truncate(50_000_000)  # sparse: 50 MB long, nearly nothing written
    tracemalloc.start()
    started = time.perf_counter()
    reject = read_reject(path)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "50000000 bytes" in reject.reason
    assert elapsed < 1.0
    assert peak < 1_000_000


def test_unreadable_file_is_rejected(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    path = tmp_path / "secret.txt"
    path.write_text("Title\n\nBody")
    path.chmod(0)
    assert "cannot read" in read_reject(path).reason
