"""Plain-text articles: one article per ``.txt`` file.

What is taken out of the text, and what is kept:

* **Date line.** A line that is wholly a date (see :mod:`storyline.ingest.dates`) becomes ``published`` when
  it is at the top: before the title, with nothing but letterless lines (counters such as ``0 0``) above
  it, or the first non-empty line after the title. A date anywhere else is body text and stays there
  (``told TASS on October 6`` never sets ``published``). No date line: ``published`` is ``None``.
* **Title.** The first non-empty line that has letters in it, when it reads as a headline: at most
  ``MAX_TITLE_CHARS`` characters, not a long sentence ending in a full stop, and followed by more text.
  A file whose first line is already the body (a 300-character opening sentence) has no title, and that
  line stays in the body.
* **Everything else is ``raw_text``.** Only the title line and the date line are removed; every other line
  is kept as read, header lines included (the ``0 0`` share counter, ``[ad_1]`` markers): removing
  boilerplate is the clean stage's job, and it records what it removed. Blank lines at the start and
  whitespace at the end are trimmed; line endings are ``\\n``.

``outlet`` and ``url`` are ``None``: a text file does not say where it was published.
"""

from __future__ import annotations

from dataclasses import dataclass

from storyline.document import Document, Reject
from storyline.ingest.dates import parse_date_line
from storyline.ingest.decode import NotText, decode_bytes

MAX_TITLE_CHARS = 200
# A line ending in a full stop with more words than this reads as a sentence of the body, not a headline.
MAX_TITLE_SENTENCE_WORDS = 12
# How many letterless lines (counters, rules) may stand above the title and still count as its header.
MAX_HEADER_LINES = 4


@dataclass(frozen=True)
class Header:
    """What the top of a text file says, and which of its lines (by index) the header used up."""

    title: str | None
    published: str | None
    used_lines: frozenset[int]


def read_text(uri: str, data: bytes) -> Document | Reject:
    """One article from the bytes of a text file."""
    decoded = decode_bytes(data)
    if isinstance(decoded, NotText):
        return Reject(uri, decoded.reason)
    if not decoded.text.strip():
        return Reject(uri, "empty file (only whitespace)")
    document = text_document(uri, decoded.text)
    if document is None:
        return Reject(uri, "no article text after the title and date lines")
    if decoded.note:
        document.notes.append(decoded.note)
    return document


def text_document(uri: str, text: str) -> Document | None:
    """The article in a decoded text, or ``None`` when nothing but a header (and no word) is there."""
    lines = text.split("\n")
    header = parse_header(lines)
    body_lines = [line for index, line in enumerate(lines) if index not in header.used_lines]
    raw_text = "\n".join(body_lines).lstrip("\n").rstrip()
    if not _has_letters(raw_text):
        return None
    return Document(uri=uri, raw_text=raw_text, title=header.title, published=header.published)


def parse_header(lines: list[str]) -> Header:
    """Find the date line and the title line at the top of a text (see the module docstring)."""
    filled = [index for index, line in enumerate(lines) if line.strip()]
    published: str | None = None
    used: set[int] = set()
    position = 0
    # Above the title: letterless lines, and at most one date line.
    while position < len(filled) and position <= MAX_HEADER_LINES:
        line = lines[filled[position]]
        stated = parse_date_line(line) if published is None else None
        if stated is not None:
            published = stated
            used.add(filled[position])
        elif _has_letters(line):
            break
        position += 1
    if position >= len(filled) or position > MAX_HEADER_LINES:
        return Header(None, published, frozenset(used))
    candidate = lines[filled[position]].strip()
    has_more = position + 1 < len(filled)
    if not has_more or not looks_like_headline(candidate):
        return Header(None, published, frozenset(used))
    used.add(filled[position])
    # Just below the title: a date line, if none came above it.
    if published is None:
        stated = parse_date_line(lines[filled[position + 1]])
        if stated is not None and position + 2 < len(filled):
            published = stated
            used.add(filled[position + 1])
    return Header(candidate, published, frozenset(used))


def looks_like_headline(line: str) -> bool:
    """Short, and not a long sentence closed by a full stop."""
    if len(line) > MAX_TITLE_CHARS:
        return False
    return not (line.endswith(".") and len(line.split()) > MAX_TITLE_SENTENCE_WORDS)


def _has_letters(line: str) -> bool:
    return any(char.isalpha() for char in line)
