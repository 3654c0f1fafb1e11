"""Ingest: turn input files (or stdin) into Documents, and say in one line why anything else is not one.

Public API::

    list_inputs(sources) -> list[str]                       # folders expanded, files and "-" kept
    read_input(source, options, stdin=None) -> Iterator[Document | Reject]
    read(sources, options) -> Iterator[Document | Reject]   # list_inputs + read_input

Formats go by file extension (``FORMATS``); stdin is sniffed (:func:`sniff_format`). One reader per format:
:mod:`.text`, :mod:`.html`, :mod:`.jsonl`, :mod:`.feeds`, :mod:`.warc`. Each fills ``uri``, ``raw_text``,
``title``, ``published``, ``outlet`` and ``url`` and nothing else; a reader's module docstring says how.

A document read from stdin has the uri ``<stdin>`` (``<stdin>#3`` for the third record of a stream of
records). Bad input never raises: it becomes a :class:`~storyline.document.Reject` whose reason names the
problem (empty, binary, undecodable, too large, malformed, unknown type, missing path…).
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from storyline.document import Document, Reject
from storyline.ingest.feeds import looks_like_feed, read_feed
from storyline.ingest.html import read_html
from storyline.ingest.jsonl import read_json, read_jsonl
from storyline.ingest.text import read_text
from storyline.ingest.warc import GZIP_MAGIC, read_warc
from storyline.settings import Options

__all__ = ["FORMATS", "STDIN", "STDIN_URI", "format_of", "list_inputs", "read", "read_input", "sniff_format"]

STDIN = "-"
STDIN_URI = "<stdin>"
# File name ending -> format; the longest ending that matches wins (".warc.gz" before ".gz").
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "xml",
    ".warc": "warc",
    ".warc.gz": "warc",
}
# Formats that hold one article per file: a file larger than max_article_bytes is rejected unread.
ONE_ARTICLE_FORMATS = frozenset({"text", "html"})
_SNIFF_BYTES = 4096


def format_of(path: str) -> str | None:
    """The format a file name says, or ``None`` when its extension is not one ingest reads."""
    name = os.path.basename(path).lower()
    endings = sorted((ending for ending in FORMATS if name.endswith(ending)), key=len, reverse=True)
    return FORMATS[endings[0]] if endings else None


def list_inputs(sources: Iterable[str]) -> list[str]:
    """The inputs to read, in order: folders expanded, everything else kept as given.

    A folder becomes the files below it (recursively, sorted by path, hidden files and folders skipped),
    those of a type ingest does not read included, so that each of them is rejected with its reason rather
    than skipped in silence; an empty folder is kept as it is, so that :func:`read_input` can say so.
    Files, ``-`` (stdin) and paths that do not exist are kept as given.
    """
    inputs: list[str] = []
    for source in sources:
        if source != STDIN and os.path.isdir(source):
            found = _visible_files(source)
            inputs.extend(found or [source])
        else:
            inputs.append(source)
    return inputs


def read(sources: Iterable[str], options: Options) -> Iterator[Document | Reject]:
    """Every document (or reject) in the given sources, in order."""
    for source in list_inputs(sources):
        yield from read_input(source, options)


def read_input(source: str, options: Options, stdin: BinaryIO | None = None) -> Iterator[Document | Reject]:
    """The documents in one input (a file, or ``-`` for stdin), or rejects saying why there are none.

    Never raises for bad input: a reader that fails on something unforeseen ends that input with a reject
    naming the error.
    """
    uri = STDIN_URI if source == STDIN else source
    if source == STDIN:
        items = _read_stdin(stdin if stdin is not None else sys.stdin.buffer, options)
    else:
        items = _read_path(source, options)
    try:
        yield from items
    except OSError as error:
        yield Reject(uri, f"cannot read: {error.strerror or error}")
    except Exception as error:  # an input no reader foresaw must not stop the other inputs
        yield Reject(uri, f"could not be read ({type(error).__name__}: {' '.join(str(error).split())[:200]})")


def sniff_format(data: bytes) -> str:
    """The format of some bytes by their content: warc, jsonl, json, feed, html or text."""
    if data.startswith((GZIP_MAGIC, b"WARC/")):
        return "warc"
    head = data[:_SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"{"):
        start = data.index(b"{")
        end = data.find(b"\n", start)
        first_line = data[start : end if end >= 0 else len(data)].strip()
        return "jsonl" if first_line.endswith(b"}") and _is_json(first_line) else "json"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"<"):
        return "feed" if looks_like_feed(data) else "html"
    return "text"


def _read_path(source: str, options: Options) -> Iterator[Document | Reject]:
    path = Path(source)
    if not path.exists():
        yield Reject(source, "no such file or directory")
        return
    if path.is_dir():
        files = _visible_files(source)
        if not files:
            yield Reject(source, "folder holds no files")
            return
        for file in files:
            yield from read_input(file, options)
        return
    if not path.is_file():
        yield Reject(source, "not a regular file (a device, socket or pipe?)")
        return
    kind = format_of(source)
    if kind is None:
        yield Reject(source, f"unknown file type {_extension(source)!r}; ingest reads {', '.join(FORMATS)}")
        return
    size = path.stat().st_size
    if size == 0:
        yield Reject(source, "empty file")
        return
    if kind in ONE_ARTICLE_FORMATS and size > options.max_article_bytes:
        yield Reject(source, f"file is {size} bytes, more than max_article_bytes ({options.max_article_bytes})")
        return
    with path.open("rb") as stream:
        if kind == "jsonl":
            yield from read_jsonl(source, stream, options)
        elif kind == "warc":
            yield from read_warc(source, stream, options)
        else:
            yield from _read_whole(source, kind, stream.read(), options)


def _read_stdin(stream: BinaryIO, options: Options) -> Iterator[Document | Reject]:
    data = stream.read()
    if not data:
        yield Reject(STDIN_URI, "empty input")
        return
    kind = sniff_format(data)
    if kind in ONE_ARTICLE_FORMATS and len(data) > options.max_article_bytes:
        yield Reject(
            STDIN_URI, f"input is {len(data)} bytes, more than max_article_bytes ({options.max_article_bytes})"
        )
        return
    if kind == "jsonl":
        yield from read_jsonl(STDIN_URI, io.BytesIO(data), options)
    elif kind == "warc":
        yield from read_warc(STDIN_URI, io.BytesIO(data), options)
    else:
        yield from _read_whole(STDIN_URI, kind, data, options)


def _read_whole(uri: str, kind: str, data: bytes, options: Options) -> Iterator[Document | Reject]:
    """Formats read from all their bytes at once."""
    if kind == "text":
        yield read_text(uri, data)
    elif kind == "html":
        yield read_html(uri, data)
    elif kind == "json":
        yield from read_json(uri, data, options)
    elif kind == "feed":
        yield from read_feed(uri, data, options)
    elif kind == "xml":
        if looks_like_feed(data):
            yield from read_feed(uri, data, options)
        else:
            yield Reject(uri, "XML that is not an RSS or Atom feed (its root element is not rss, feed or rdf:RDF)")
    else:  # pragma: no cover - every format in FORMATS is handled above
        raise AssertionError(f"no reader for format {kind!r}")


def _visible_files(folder: str) -> list[str]:
    """Files below a folder, sorted, hidden files and folders left out."""
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        found.extend(os.path.join(root, name) for name in sorted(files) if not name.startswith("."))
    return found


def _extension(path: str) -> str:
    return Path(path).suffix.lower()


def _is_json(line: bytes) -> bool:
    try:
        json.loads(line)
    except (ValueError, RecursionError):
        return False
    return True
