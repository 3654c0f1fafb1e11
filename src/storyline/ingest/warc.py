"""Web archives (``.warc``, ``.warc.gz``): one article per HTML response, read with warcio.

* Every ``response`` (or ``resource``) record whose payload is HTML (``text/html``, ``application/xhtml+xml``)
  with a 2xx status goes through the same extraction as an HTML file (:mod:`storyline.ingest.html`), with
  ``WARC-Target-URI`` as the address the page was fetched from. Its ``uri`` is the archive's, with
  ``#<n>`` for the n-th record (counted from 1, all record types included).
* Requests, metadata, redirects, errors, images, scripts and other non-HTML records are skipped silently.
* An HTML page larger than ``max_article_bytes`` is rejected on its own, and so is one with no article text.
* A truncated or corrupt archive keeps every article read before the damage and ends with one reject that
  says where it broke. Gzip archives are decompressed by the standard library's ``gzip``, which notices a
  missing end of stream that warcio alone would let pass; each record's block is read to its declared
  ``Content-Length``, and bytes left over after the last record that form no record are damage too.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyline.document import Document, Reject
from storyline.ingest.html import read_html
from storyline.settings import Options

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
ARTICLE_RECORD_TYPES = frozenset({"response", "resource"})
GZIP_MAGIC = b"\x1f\x8b"
_CHUNK_BYTES = 1 << 16
# What reading a damaged archive can raise, from warcio, gzip, zlib or the file itself.
_DAMAGE = (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError, AttributeError, IndexError, KeyError)


class DamagedArchive(Exception):
    """The archive ends before a record or its gzip stream does."""


class GzipArchive:
    """A gzip stream read through the standard library, with its early end raised as :class:`DamagedArchive`.

    warcio takes an ``EOFError`` for the clean end of an archive, so a gzip file cut short would pass as
    complete; this reader turns that error into one warcio lets through.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._gzip = gzip.GzipFile(fileobj=stream, mode="rb")

    def read(self, size: int = -1) -> bytes:
        try:
            # read1: one step of decompression at a time, so the bytes before a break are handed out first.
            return self._gzip.read1(size) if size > 0 else self._gzip.read()
        except EOFError as error:
            raise DamagedArchive(f"the gzip stream ends early ({error})") from error

    def readline(self, size: int = -1) -> bytes:
        try:
            return self._gzip.readline(size)
        except EOFError as error:
            raise DamagedArchive(f"the gzip stream ends early ({error})") from error

    def tell(self) -> int:
        return self._gzip.tell()

    def seek(self, offset: int, whence: int = 0) -> int:
        try:
            return self._gzip.seek(offset, whence)
        except EOFError as error:
            raise DamagedArchive(f"the gzip stream ends early ({error})") from error


def is_gzip(stream: BinaryIO) -> bool:
    """Whether a seekable stream starts with the gzip magic number; leaves the stream at the start."""
    magic = stream.read(2)
    stream.seek(0)
    return magic == GZIP_MAGIC


def read_warc(uri: str, stream: BinaryIO, options: Options) -> Iterator[Document | Reject]:
    """Every article in a seekable WARC stream (plain or gzip), then one reject if the archive is damaged."""
    archive: BinaryIO | GzipArchive = GzipArchive(stream) if is_gzip(stream) else stream
    try:
        head = archive.read(5)
        archive.seek(0)
    except (DamagedArchive, *_DAMAGE) as error:
        yield Reject(uri, f"corrupt WARC: {_describe(error)}")
        return
    if not head:
        yield Reject(uri, "empty file")
        return
    if head != b"WARC/":
        yield Reject(uri, "not a WARC file (it does not start with a WARC/ version line)")
        return
    records = ArchiveIterator(archive)
    iterator = iter(records)
    number = 0
    while True:
        try:
            record = next(iterator, None)
            if record is None:
                break
            number += 1
            item = _record_item(uri, number, record, options)
        except (DamagedArchive, *_DAMAGE) as error:
            where = f"at record {number or 1} ({_describe(error)})"
            yield Reject(uri, f"truncated or corrupt WARC {where}; {max(number - 1, 0)} records before it were read")
            return
        if item is not None:
            yield item
    if number == 0:
        yield Reject(uri, "no records in the WARC file")
        return
    leftover = _leftover_bytes(records, archive)
    if leftover:
        yield Reject(uri, f"truncated or corrupt WARC: {leftover} bytes after record {number} form no complete record")


def _record_item(uri: str, number: int, record: Any, options: Options) -> Document | Reject | None:
    """The article in one record, a reject for an HTML page that is none, or ``None`` for a record to skip."""
    if not _is_html_page(record):
        _drain(record)
        return None
    target = str(record.rec_headers.get_header("WARC-Target-URI") or "") or None
    payload = record.content_stream().read(options.max_article_bytes + 1)
    _drain(record)
    where = f"record {number} ({target})" if target else f"record {number}"
    if len(payload) > options.max_article_bytes:
        return Reject(uri, f"{where}: page is more than max_article_bytes ({options.max_article_bytes})")
    item = read_html(f"{uri}#{number}", payload, url=target)
    if isinstance(item, Reject):
        return Reject(uri, f"{where}: {item.reason}")
    return item


def _is_html_page(record: Any) -> bool:
    if record.rec_type not in ARTICLE_RECORD_TYPES:
        return False
    headers = record.http_headers
    if record.rec_type == "response":
        if headers is None:
            return False
        status = str(headers.get_statuscode() or "")
        if not status.startswith("2"):
            return False
        content_type = headers.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    mime = str(content_type or "").split(";", 1)[0].strip().lower()
    return mime in HTML_TYPES


def _drain(record: Any) -> None:
    """Read a record's block to its end, and fail if the archive ends before the declared length."""
    if record.rec_headers.get_header("Content-Length") is None:
        raise DamagedArchive("a record has no Content-Length header")
    block = record.raw_stream
    while block.read(_CHUNK_BYTES):
        pass
    if getattr(block, "limit", 0) > 0:
        raise DamagedArchive(f"the record ends {block.limit} bytes short of its Content-Length")


def _leftover_bytes(records: ArchiveIterator, archive: BinaryIO | GzipArchive) -> int:
    """How many bytes after the end of the last complete record are more than blank padding (0 when none)."""
    end = int(records.get_record_offset()) + int(records.get_record_length())
    try:
        archive.read()
        gap = archive.tell() - end
        if gap <= 0:
            return 0
        if gap > _CHUNK_BYTES:
            return gap
        archive.seek(end)
        tail = archive.read(gap)
    except (DamagedArchive, *_DAMAGE):
        return 1
    return gap if tail.strip() else 0


def _describe(error: BaseException) -> str:
    message = " ".join(str(error).split())
    return f"{type(error).__name__}: {message}" if message else type(error).__name__
