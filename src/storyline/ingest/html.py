"""HTML pages: one article per page, its main text and metadata found by trafilatura.

* ``raw_text``: trafilatura's main text, comments left out (``include_comments=False``); navigation, footers
  and the like are trafilatura's to drop. A first line that only repeats the title is removed, as in
  text files.
* ``title``: the page's headline (meta tags, ``<h1>``, ``<title>``), as trafilatura finds it.
* ``published``: only a date the page states in its markup: meta tags, JSON-LD, ``<time>`` elements or the
  URL, through htmldate with ``original_date=True`` and *without* its extensive search of body text, so a
  date mentioned in the article never becomes its publication date, and a page that states none gets
  ``None`` (never today's date).
* ``outlet``: the site name (``og:site_name`` and the like; trafilatura falls back to the domain).
* ``url``: the canonical or ``og:url`` address, else the address the page was fetched from (WARC).

The bytes are decoded by the page's declared charset when it names one that works, else as any text file
(see :mod:`storyline.ingest.decode`).
"""

from __future__ import annotations

import re
from datetime import date

import lxml.html
import trafilatura
from lxml.etree import ParserError
from trafilatura.utils import load_html

from storyline.document import Document, Reject
from storyline.ingest.dates import normalise_date
from storyline.ingest.decode import Decoded, NotText, decode_bytes, normalise_newlines

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Elements after which a line break belongs when HTML is flattened to text.
_BLOCK_TAGS = frozenset(
    {
        *("p", "div", "br", "li", "ul", "ol", "dl", "dd", "dt", "hr", "pre", "blockquote"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article", "header", "footer"),
        *("figure", "figcaption"),
    }
)
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_RUNS = re.compile(r"\n{3,}")


def read_html(uri: str, data: bytes, url: str | None = None) -> Document | Reject:
    """One article from the bytes of an HTML page; ``url`` is where it was fetched from, when known."""
    decoded = decode_html(data)
    if isinstance(decoded, NotText):
        return Reject(uri, decoded.reason)
    if not decoded.text.strip():
        return Reject(uri, "empty file (only whitespace)")
    document = html_document(uri, decoded.text, url)
    if isinstance(document, Document) and decoded.note:
        document.notes.append(decoded.note)
    return document


def decode_html(data: bytes) -> Decoded | NotText:
    """Decode by the page's own ``<meta charset>`` when it names a codec that reads the bytes, else sniff."""
    declared = _META_CHARSET.search(data[:4096])
    if declared is not None and b"\x00" not in data:
        name = declared.group(1).decode("ascii").lower()
        try:
            text = data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            note = None if name.replace("_", "-") in ("utf-8", "utf8") else f"decoded as {name} (declared by the page)"
            return Decoded(normalise_newlines(text), name, note)
    return decode_bytes(data)


def html_document(uri: str, markup: str, url: str | None = None) -> Document | Reject:
    """The article in a page's markup, or a reject saying why there is none."""
    try:
        tree = load_html(markup)
        if tree is None:
            return Reject(uri, "malformed HTML: no HTML document could be parsed from it")
        extracted = trafilatura.bare_extraction(
            tree,
            url=url,
            include_comments=False,
            with_metadata=True,
            date_extraction_params={
                "original_date": True,
                "extensive_search": False,
                "max_date": date.today().isoformat(),
            },
        )
    except Exception as error:  # lxml and trafilatura can fail on pathological markup: one page, one reject
        return Reject(
            uri, f"malformed HTML: extraction failed ({type(error).__name__}: {' '.join(str(error).split())[:160]})"
        )
    text = getattr(extracted, "text", None)
    if not isinstance(text, str) or not text.strip():
        return Reject(uri, "no article text found in the HTML (malformed, empty, or not an article page)")
    title = _string(getattr(extracted, "title", None))
    raw_text = _drop_title_line(text, title)
    if not raw_text.strip():
        return Reject(uri, "no article text found in the HTML besides its title")
    stated_date = _string(getattr(extracted, "date", None))
    return Document(
        uri=uri,
        raw_text=raw_text,
        title=title,
        published=normalise_date(stated_date) if stated_date else None,
        outlet=_string(getattr(extracted, "sitename", None)),
        url=_string(getattr(extracted, "url", None)) or url,
    )


def fragment_text(markup: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), one paragraph per line.

    Markup that turns out to be plain text comes back unchanged, but for whitespace.
    """
    if "<" not in markup:
        return _tidy(markup)
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ParserError, ValueError):
        return _tidy(markup)
    for element in list(root.iter("script", "style", "noscript")):
        element.drop_tree()
    for element in root.iter():
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif tag in _BLOCK_TAGS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in normalise_newlines(text).split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def _drop_title_line(text: str, title: str | None) -> str:
    if title:
        first, _, rest = text.partition("\n")
        if " ".join(first.split()) == " ".join(title.split()):
            return rest.lstrip("\n")
    return text


def _string(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
