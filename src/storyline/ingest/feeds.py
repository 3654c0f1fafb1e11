"""RSS and Atom feeds: one article per entry, read with feedparser.

* ``raw_text``: the entry's full content when it carries one (``content:encoded``, Atom ``content``), else its
  summary/description; HTML is flattened to text, one paragraph per line.
* ``title``: the entry's title; ``url``: its link; ``outlet``: the feed's own title.
* ``published``: the entry's published date as the feed writes it (in the feed's time zone, not shifted to
  UTC); an Atom entry with only ``updated`` takes that, with a note saying so; none: ``None``.
* ``uri``: the feed's, with ``#<n>`` for the n-th entry (counted from 1).

A feed that does not parse and has no entries is rejected whole. A feed that breaks part-way keeps the
entries read before the break and adds one reject naming the break. An entry with no text, or more text
than ``max_article_bytes``, is rejected on its own.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import feedparser

from storyline.document import Document, Reject
from storyline.ingest.dates import normalise_date
from storyline.ingest.html import fragment_text
from storyline.settings import Options

_XML_PREAMBLE = re.compile(rb"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.DOTALL | re.IGNORECASE)
_ROOT_TAG = re.compile(rb"<([A-Za-z_][\w.:-]*)")
FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf", "rdf"})
SNIFF_BYTES = 4096


def looks_like_feed(data: bytes) -> bool:
    """Whether the document's root element is an RSS, Atom or RDF feed."""
    head = data[:SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf")
    preamble = _XML_PREAMBLE.match(head)
    rest = head[preamble.end() if preamble else 0 :]
    root = _ROOT_TAG.match(rest)
    return root is not None and root.group(1).decode("ascii", "replace").lower() in FEED_ROOTS


def read_feed(uri: str, data: bytes, options: Options) -> Iterator[Document | Reject]:
    """Every entry of an RSS/Atom feed: a document, or a reject saying why the entry is none."""
    if not data.strip():
        yield Reject(uri, "empty file")
        return
    if b"\x00" in data[:SNIFF_BYTES] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield Reject(uri, "binary file (NUL bytes), not a feed")
        return
    parsed = feedparser.parse(io.BytesIO(data))
    entries: list[Any] = list(parsed.get("entries") or [])
    broken = bool(parsed.get("bozo")) and _is_parse_error(parsed.get("bozo_exception"))
    if not entries:
        if broken:
            yield Reject(uri, f"broken feed: {_describe(parsed.get('bozo_exception'))}")
        else:
            yield Reject(uri, "no entries: not an RSS/Atom feed, or an empty one")
        return
    outlet = _text_of(parsed.get("feed", {}).get("title_detail")) or None
    for number, entry in enumerate(entries, start=1):
        yield entry_document(uri, number, entry, outlet, options)
    if broken:
        where = f"after entry {len(entries)}"
        yield Reject(
            uri, f"broken feed {where}: {_describe(parsed.get('bozo_exception'))}; the entries before it were read"
        )


def entry_document(feed_uri: str, number: int, entry: Any, outlet: str | None, options: Options) -> Document | Reject:
    """The document for the ``number``-th entry of a feed, or a reject saying why it is none."""
    text = _entry_text(entry)
    if not text:
        return Reject(feed_uri, f"entry {number}: no text (neither content nor summary)")
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > options.max_article_bytes:
        limit = options.max_article_bytes
        return Reject(feed_uri, f"entry {number}: text is {size} bytes, more than max_article_bytes ({limit})")
    notes: list[str] = []
    published = _stated(entry.get("published"))
    if published is None and entry.get("published"):
        notes.append(f"published {str(entry.get('published'))[:80]!r} is not a date ingest understands; left empty")
    if published is None and not entry.get("published"):
        published = _stated(entry.get("updated"))
        if published is not None:
            notes.append("published date taken from the entry's updated date (the feed gives no published date)")
    link = entry.get("link")
    return Document(
        uri=f"{feed_uri}#{number}",
        raw_text=text,
        title=_text_of(entry.get("title_detail")) or None,
        published=published,
        outlet=outlet,
        url=(link.strip() or None) if isinstance(link, str) else None,
        notes=notes,
    )


def _entry_text(entry: Any) -> str:
    contents = [_text_of(content) for content in entry.get("content") or []]
    longest = max(contents, key=len, default="")
    return longest or _text_of(entry.get("summary_detail"))


def _text_of(detail: Any) -> str:
    """Text of a feedparser detail dict (``title_detail``, ``content[i]``): HTML flattened, plain text kept."""
    if not detail:
        return ""
    value = detail.get("value")
    if not isinstance(value, str):
        return ""
    kind = str(detail.get("type") or "")
    if "html" in kind:
        return fragment_text(value)
    return value.strip()


def _stated(value: Any) -> str | None:
    return normalise_date(value) if isinstance(value, str) else None


def _is_parse_error(error: Any) -> bool:
    """feedparser flags mere encoding mix-ups as "bozo" too; only a failure to parse the XML breaks a feed."""
    return error is not None and not isinstance(error, feedparser.CharacterEncodingOverride)


def _describe(error: Any) -> str:
    if error is None:
        return "unknown parse error"
    message = " ".join(str(error).split())
    return message or type(error).__name__
