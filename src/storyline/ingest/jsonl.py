"""JSON Lines (``.jsonl``) and JSON (``.json``) articles: one article per record.

A record is a JSON object with a ``text`` (required, a non-empty string) and optionally ``title``, ``url``,
``outlet`` (strings or null) and ``published``; other fields are ignored. ``published`` is normalised to an
ISO date (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when only that is given, see
:func:`storyline.ingest.dates.normalise_date`); a value that states no date this reader understands becomes
``None`` and a note on the document, never a guess.

``raw_text`` is the record's ``text`` with line endings made ``\\n``; titles, URLs and outlets lose the
whitespace around them, and an empty one is ``None``.

A JSON Lines file is read line by line and never whole: a malformed line, a record that is not an article,
or a text over ``max_article_bytes`` is rejected with its line number and the other lines are still read.
A document's ``uri`` is the file's, with ``#<line>`` added (``#<n>`` for the n-th record of a ``.json``
list, counted from 1), so that every record of a file keeps its own place.

A ``.json`` file holds one object (its document's ``uri`` is the file's, as given) or a list of objects.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from storyline.document import Document, Reject
from storyline.ingest.dates import normalise_date
from storyline.ingest.decode import NotText, decode_bytes, normalise_newlines
from storyline.settings import Options

STRING_FIELDS = ("title", "url", "outlet")
# A JSON-escaped character takes at most six bytes (\\uXXXX), so a line this long may still hold an
# acceptable text; anything longer cannot, and is skipped without being read into memory whole.
ESCAPE_FACTOR = 6
LINE_SLACK_BYTES = 1_000_000
_SKIP_CHUNK_BYTES = 1 << 20


def read_jsonl(uri: str, stream: BinaryIO, options: Options) -> Iterator[Document | Reject]:
    """Every record of a JSON Lines stream, in order: a document, or a reject naming the line."""
    line_cap = ESCAPE_FACTOR * options.max_article_bytes + LINE_SLACK_BYTES
    line_number = 0
    records = 0
    while True:
        line = stream.readline(line_cap + 1)
        if not line:
            break
        line_number += 1
        if line_number == 1:
            if b"\x00" in line:
                yield Reject(uri, "binary file (NUL bytes), not JSON Lines")
                return
            line = line.removeprefix(b"\xef\xbb\xbf")
        if len(line) > line_cap and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            records += 1
            limit = options.max_article_bytes
            reason = f"line longer than {line_cap} bytes, so its text exceeds max_article_bytes ({limit})"
            yield Reject(uri, reason, line_number)
            continue
        if not line.strip():
            continue
        records += 1
        yield _line_item(uri, line, line_number, options)
    if line_number == 0:
        yield Reject(uri, "empty file")
    elif records == 0:
        yield Reject(uri, "no records, only blank lines")


def read_json(uri: str, data: bytes, options: Options) -> Iterator[Document | Reject]:
    """The article(s) of a JSON file: one object, or a list of objects."""
    decoded = decode_bytes(data)
    if isinstance(decoded, NotText):
        yield Reject(uri, decoded.reason)
        return
    try:
        value = json.loads(decoded.text)
    except json.JSONDecodeError as error:
        yield Reject(uri, f"malformed JSON: {error.msg} (column {error.colno})", error.lineno)
        return
    except RecursionError:
        yield Reject(uri, "malformed JSON: nested too deeply to read")
        return
    if isinstance(value, dict):
        item = record_document(uri, value, options)
        yield item if isinstance(item, Document) else Reject(uri, item)
        return
    if not isinstance(value, list):
        yield Reject(uri, f"a JSON article file holds an object or a list of objects, not {_kind(value)}")
        return
    if not value:
        yield Reject(uri, "no records: the JSON list is empty")
    for number, record in enumerate(value, start=1):
        item = record_document(f"{uri}#{number}", record, options)
        yield item if isinstance(item, Document) else Reject(uri, f"record {number}: {item}")


def record_document(uri: str, record: Any, options: Options) -> Document | str:
    """The document a JSON record describes, or the one-line reason it describes none."""
    if not isinstance(record, dict):
        return f"a record must be a JSON object, not {_kind(record)}"
    text = record.get("text")
    if text is None:
        return "record has no 'text' field"
    if not isinstance(text, str):
        return f"'text' must be a string, not {_kind(text)}"
    if not text.strip():
        return "'text' is empty"
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > options.max_article_bytes:
        return f"text is {size} bytes, more than max_article_bytes ({options.max_article_bytes})"
    strings: dict[str, str | None] = {}
    for name in STRING_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return f"'{name}' must be a string or null, not {_kind(value)}"
        strings[name] = (value.strip() or None) if isinstance(value, str) else None
    notes: list[str] = []
    published = _published(record.get("published"), notes)
    return Document(
        uri=uri,
        raw_text=normalise_newlines(text),
        title=strings["title"],
        published=published,
        outlet=strings["outlet"],
        url=strings["url"],
        notes=notes,
    )


def _published(value: Any, notes: list[str]) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        stated = normalise_date(value)
        if stated is None:
            notes.append(f"published {value[:80]!r} is not a date ingest understands; left empty")
        return stated
    notes.append(f"published is {_kind(value)}, not a date; left empty")
    return None


def _line_item(uri: str, line: bytes, line_number: int, options: Options) -> Document | Reject:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as error:
        return Reject(
            uri, f"not valid UTF-8 (bad byte at column {error.start + 1}); JSON Lines must be UTF-8", line_number
        )
    try:
        record = json.loads(text.rstrip("\r\n"))
    except json.JSONDecodeError as error:
        return Reject(uri, f"malformed JSON: {error.msg} (column {error.colno})", line_number)
    except RecursionError:
        return Reject(uri, "malformed JSON: nested too deeply to read", line_number)
    item = record_document(f"{uri}#{line_number}", record, options)
    return item if isinstance(item, Document) else Reject(uri, item, line_number)


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(_SKIP_CHUNK_BYTES)
        if not chunk or chunk.endswith(b"\n"):
            return


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)
