"""Web archives: HTML responses become articles, everything else is skipped, damage is reported."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.document import Document, Reject
from storyline.ingest import read_input
from storyline.settings import Options

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
DATED_PAGE = "https://news.example.org/world/afghan-opposition-meeting-fruitless"
UNDATED_PAGE = "https://other.example.com/2021/taliban-talks"


def write_archive(path: Path, gzip: bool) -> bytes:
    """A small crawl: warcinfo, a request, two article pages, an image, a stylesheet, a 404 page."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "storyline tests"}))

    def response(url: str, content_type: str, body: bytes, status: str = "200 OK") -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
        writer.write_record(record)

    request_headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
    writer.write_record(writer.create_warc_record(DATED_PAGE, "request", http_headers=request_headers))
    response(DATED_PAGE, "text/html; charset=utf-8", (FIXTURES / "afghan-opposition.html").read_bytes())
    response("https://news.example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    response("https://news.example.org/site.css", "text/css", b"body { color: black }")
    response(
        "https://news.example.org/missing", "text/html", b"<html><body><p>Not found</p></body></html>", "404 Not Found"
    )
    response(UNDATED_PAGE, "text/html", (FIXTURES / "taliban-talks-undated.html").read_bytes())
    data = buffer.getvalue()
    path.write_bytes(data)
    return data


def split(path: Path, options: Options | None = None) -> tuple[list[Document], list[Reject]]:
    items = list(read_input(str(path), options or Options()))
    docs = [item for item in items if isinstance(item, Document)]
    rejects = [item for item in items if isinstance(item, Reject)]
    assert all("\n" not in reject.message for reject in rejects)
    return docs, rejects


@pytest.mark.parametrize(("name", "gzip"), [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_html_responses_become_articles(tmp_path: Path, name: str, gzip: bool) -> None:
    path = tmp_path / name
    write_archive(path, gzip)
    docs, rejects = split(path)
    assert not rejects
    assert [doc.uri for doc in docs] == [f"{path}#3", f"{path}#7"]
    first, second = docs
    # The same extraction as an HTML file: canonical URL, stated date, outlet, no comments.
    assert (first.url, first.published, first.outlet) == (DATED_PAGE, "2022-01-12", "Example World News")
    assert "told AFP in Paris" in first.raw_text and "reader42" not in first.raw_text
    # A page that names no address of its own takes the WARC-Target-URI.
    assert second.url == UNDATED_PAGE
    assert second.title == "Taliban Forced To Holds Talks With National Resistance Front in Afghanistan"
    assert second.published is None


@pytest.mark.parametrize(("name", "gzip"), [("cut.warc", False), ("cut.warc.gz", True)])
@pytest.mark.parametrize("keep", [0.6, 0.97, 0.999])
def test_truncated_archive_keeps_what_was_read_and_says_so(tmp_path: Path, name: str, gzip: bool, keep: float) -> None:
    whole = tmp_path / ("whole.warc.gz" if gzip else "whole.warc")
    data = write_archive(whole, gzip)
    path = tmp_path / name
    path.write_bytes(data[: int(len(data) * keep)])
    docs, rejects = split(path)
    assert len(rejects) == 1 and "truncated or corrupt WARC" in rejects[0].reason
    # The first article lies in the first half and is kept; the second is kept only if the cut fell after
    # its last byte of content (in the gzip trailer), and then whole.
    assert [doc.url for doc in docs] in ([DATED_PAGE], [DATED_PAGE, UNDATED_PAGE])
    if len(docs) == 2:
        page = next(iter(read_input(str(FIXTURES / "taliban-talks-undated.html"), Options())))
        assert isinstance(page, Document) and docs[1].raw_text == page.raw_text


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"this is not a web archive\r\n\r\n", "not a WARC file"),
        (b"\x1f\x8b\x08\x00garbage", "corrupt"),
        (b"WARC/1.0\r\nWARC-Type: resp", "truncated or corrupt WARC"),
        (b"", "empty file"),
    ],
)
def test_broken_archives_are_rejected(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "broken.warc.gz" if content.startswith(b"\x1f\x8b") else tmp_path / "broken.warc"
    path.write_bytes(content)
    docs, rejects = split(path)
    assert not docs and len(rejects) == 1
    assert reason in rejects[0].reason


def test_pages_over_the_size_limit_are_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_archive(path, gzip=False)
    limit = (FIXTURES / "taliban-talks-undated.html").stat().st_size + 10  # the second page fits, the first not
    docs, rejects = split(path, Options(max_article_bytes=limit))
    assert [doc.url for doc in docs] == [UNDATED_PAGE]
    assert rejects[0].reason == f"record 3 ({DATED_PAGE}): page is more than max_article_bytes ({limit})"


@pytest.mark.parametrize("gzip", [False, True], ids=["plain", "gzip"])
def test_every_cut_of_an_archive_is_reported_and_never_raises(tmp_path: Path, gzip: bool) -> None:
    data = write_archive(tmp_path / "whole.warc", gzip)
    complete, _ = split(tmp_path / "whole.warc")
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    for length in range(1, len(data), max(len(data) // 40, 1)):
        path.write_bytes(data[:length])
        docs, rejects = split(path)
        assert len(rejects) == 1, (length, rejects)
        assert [doc.raw_text for doc in docs] == [doc.raw_text for doc in complete[: len(docs)]]
