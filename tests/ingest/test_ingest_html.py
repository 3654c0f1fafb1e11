"""HTML pages: main text without boilerplate or comments, stated metadata only, clear rejects."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.document import Document, Reject
from storyline.ingest import read_input
from storyline.ingest.html import fragment_text
from storyline.settings import Options

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
SEEDS = Path(__file__).resolve().parents[2] / "examples" / "afghan-resistance"


def read_all(path: Path, options: Options | None = None) -> list[Document | Reject]:
    return list(read_input(str(path), options or Options()))


def read_doc(path: Path) -> Document:
    items = read_all(path)
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def read_reject(path: Path, options: Options | None = None) -> Reject:
    items = read_all(path, options)
    assert len(items) == 1 and isinstance(items[0], Reject), items
    assert "\n" not in items[0].message
    return items[0]


def test_article_page_text_and_metadata() -> None:
    path = FIXTURES / "afghan-opposition.html"
    doc = read_doc(path)
    assert doc.uri == str(path)
    assert doc.title == "Afghan opposition party says meeting with Taliban was fruitless"
    assert doc.published == "2022-01-12"
    assert doc.outlet == "Example World News"
    assert doc.url == "https://news.example.org/world/afghan-opposition-meeting-fruitless"
    # The article body is there, from the seed it was built from...
    seed = next(SEEDS.glob("003_*.txt")).read_text(encoding="utf-8")
    for sentence in ("told AFP in Paris", "the Lion of Panjshir", "the last remaining democratic force"):
        assert sentence in seed and sentence in doc.raw_text
    # ...but neither the navigation, the footer, the reader comments, nor the headline repeated as line one.
    for boilerplate in ("Sign in", "All rights reserved", "reader42", "waste of time"):
        assert boilerplate not in doc.raw_text
    assert not doc.raw_text.startswith(doc.title)


def test_dates_in_the_body_or_comments_never_become_the_publication_date(tmp_path: Path) -> None:
    page = (FIXTURES / "afghan-opposition.html").read_text(encoding="utf-8")
    undated = page.replace('<meta property="article:published_time" content="2022-01-12T09:15:00+00:00">\n', "")
    undated = undated.replace("<p>A recent meeting", "<p>On 10 January 2022, a recent meeting")
    path = tmp_path / "undated.html"
    path.write_text(undated, encoding="utf-8")
    doc = read_doc(path)
    assert "On 10 January 2022, a recent meeting" in doc.raw_text
    assert doc.published is None  # neither the body's date, the comment's "3 March 2022", nor today


def test_page_without_any_metadata() -> None:
    doc = read_doc(FIXTURES / "taliban-talks-undated.html")
    assert doc.title == "Taliban Forced To Holds Talks With National Resistance Front in Afghanistan"
    assert doc.published is None
    assert doc.url is None
    assert "On August 15, Taliban fighters swept into Kabul" in doc.raw_text


def test_page_in_a_declared_legacy_charset(tmp_path: Path) -> None:
    body = "Лидер партии заявил, что силы сопротивления готовы к переговорам. " * 8
    page = (
        '<html><head><meta charset="windows-1251"><title>Переговоры</title></head>'
        f"<body><article><h1>Переговоры</h1><p>{body}</p><p>{body}</p></article></body></html>"
    )
    path = tmp_path / "cp1251.htm"
    path.write_bytes(page.encode("cp1251"))
    doc = read_doc(path)
    assert "силы сопротивления готовы к переговорам" in doc.raw_text
    assert doc.notes == ["decoded as windows-1251 (declared by the page)"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"<<<>>>", "malformed HTML"),
        (b"just some words, no markup at all", "malformed HTML"),
        (b"<html><head><title>Menu</title></head><body></body></html>", "no article text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"\n  \n", "empty file"),
    ],
)
def test_pages_that_hold_no_article_are_rejected(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(content)
    assert reason in read_reject(path).reason


def test_page_over_the_size_limit_is_rejected_unread(tmp_path: Path) -> None:
    path = FIXTURES / "afghan-opposition.html"
    reject = read_reject(path, Options(max_article_bytes=2_000))
    assert "more than max_article_bytes (2000)" in reject.reason


def test_fragment_text_keeps_paragraphs_and_drops_markup() -> None:
    markup = "<p>Para <b>one</b>.</p><script>alert(1)</script><p>Para&nbsp;two<br>line two</p><ul><li>item</li></ul>"
    assert fragment_text(markup) == "Para one.\n\nPara two\nline two\n\nitem"
    assert fragment_text("plain   text, no tags") == "plain text, no tags"
