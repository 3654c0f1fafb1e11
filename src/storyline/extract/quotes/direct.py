"""Direct quotes: the spans between quote marks, found from the characters alone (no parse needed).

Rules, per paragraph (a paragraph is a run of text between line breaks):

* ``“`` ``«`` ``„`` and `````` open, ``”`` and ``»`` close; a straight ``"`` (or ``''``, as some papers write it)
  opens when no quote is open and closes otherwise.
* Single marks ``‘ … ’`` (and straight ``'``) count only when no double quote is open, the opening mark follows a space
  or the start of the paragraph, and the closing mark is followed by a space, punctuation or the end: this keeps
  apostrophes (``don’t``, ``Tajikistan’s``) out. Inside a double quote, single marks are a nested quote and stay part of
  the outer quote's text.
* A quote still open at the end of its paragraph continues into the next paragraph when that one opens with a quote
  mark (the newspaper convention for quotes over several paragraphs); otherwise its closing mark is missing and the
  quote ends with the paragraph (``closed=False``).
* A closing mark that opens a paragraph, a word right after it (``”Fear. I am …``), is a typo for an opening one.
* A second opening mark while a quote is open (a missing closing mark inside a paragraph) ends the first quote just
  before it.

Offsets are code points into the text. ``start``/``end`` cover the words inside the marks (surrounding spaces removed);
``parts`` lists the pieces when a quote runs over paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPENERS = frozenset("“«„")
DOUBLE_CLOSERS = frozenset("”»")
SINGLE_OPENERS = frozenset("‘")
SINGLE_CLOSERS = frozenset("’")
ALL_MARKS = frozenset("“”«»„‘’\"'`")
_MARK_CHARACTER = re.compile("[" + re.escape("".join(sorted(ALL_MARKS))) + "]")  # what a quote mark starts with
_PARAGRAPH = re.compile(r"[^\n]+")
_MIN_SINGLE_QUOTE_WORDS = 3


@dataclass(frozen=True)
class QuotedSpan:
    """Words between quote marks: ``text[start:end]``; ``outer_*`` include the marks."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    closed: bool
    parts: tuple[tuple[int, int], ...]


@dataclass
class _Open:
    mark_start: int
    inner_start: int
    parts: list[tuple[int, int]]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _mark_at(text: str, index: int) -> tuple[str, int] | None:
    """The quote mark starting at ``index``: (kind, width); kind is one of open, close, straight, sopen, sclose, s."""
    char = text[index]
    if char in DOUBLE_OPENERS:
        return "open", 1
    if char in DOUBLE_CLOSERS:
        return "close", 1
    if char == '"':
        return "straight", 1
    if text.startswith("``", index):
        return "open", 2
    if text.startswith("''", index):
        return "straight", 2
    if char in SINGLE_OPENERS:
        return "sopen", 1
    if char in SINGLE_CLOSERS:
        return "sclose", 1
    if char == "'":
        return "s", 1
    return None


def _single_opens(text: str, index: int, paragraph_start: int) -> bool:
    before = text[index - 1] if index > paragraph_start else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-:") and not after.isspace()


def _single_closes(text: str, index: int, paragraph_end: int) -> bool:
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < paragraph_end else " "
    return not before.isspace() and not after.isalnum()


def _finish(text: str, state: _Open, end: int, outer_end: int, closed: bool) -> QuotedSpan | None:
    parts = [*state.parts, _strip(text, state.inner_start, end)]
    parts = [(s, e) for s, e in parts if e > s]
    if not parts:
        return None
    return QuotedSpan(parts[0][0], parts[-1][1], state.mark_start, outer_end, closed, tuple(parts))


def _scan_paragraph(text: str, start: int, end: int, carried: _Open | None) -> tuple[list[QuotedSpan], _Open | None]:
    """Quotes of one paragraph; returns the quote still open at its end (if any)."""
    found: list[QuotedSpan] = []
    state = carried
    single: tuple[int, int] | None = None  # an open single-mark quote: (mark, inner start)
    index = max(start, carried.inner_start) if carried is not None else start
    while index < end:
        next_mark = _MARK_CHARACTER.search(text, index, end)  # every other character is no quote mark
        if next_mark is None:
            break
        index = next_mark.start()
        mark = _mark_at(text, index)
        if mark is None:
            index += 1
            continue
        kind, width = mark
        if kind == "straight" or (kind == "close" and state is None and _opens_paragraph(text, index, start, end)):
            kind = "close" if state is not None else "open"
        if kind == "open":
            if state is not None and state.inner_start < index:
                quote = _finish(text, state, index, index, closed=False)
                if quote is not None:
                    found.append(quote)
            state = _Open(index, index + width, [])
            single = None
        elif kind == "close" and state is not None:
            quote = _finish(text, state, index, index + width, closed=True)
            if quote is not None:
                found.append(quote)
            state = None
            single = None
        elif state is None and kind in ("sopen", "s") and single is None and _single_opens(text, index, start):
            single = (index, index + 1)
        elif state is None and kind in ("sclose", "s") and single is not None and _single_closes(text, index, end):
            inner_start, inner_end = _strip(text, single[1], index)
            if len(text[inner_start:inner_end].split()) >= _MIN_SINGLE_QUOTE_WORDS:
                found.append(
                    QuotedSpan(inner_start, inner_end, single[0], index + 1, True, ((inner_start, inner_end),))
                )
            single = None
        index += width
    return found, state


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every direct quote of ``text`` in text order (see the module docstring for the rules)."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    quotes: list[QuotedSpan] = []
    carried: _Open | None = None
    for number, (start, end) in enumerate(paragraphs):
        found, carried = _scan_paragraph(text, start, end, carried)
        quotes.extend(found)
        if carried is None:
            continue
        next_paragraph = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        if next_paragraph is not None and _opens_with_quote(text, *next_paragraph):
            # the quote goes on in the next paragraph: keep this paragraph's words as one part
            part = _strip(text, carried.inner_start, end)
            carried.parts.append(part)
            opener = _first_mark(text, *next_paragraph)
            carried.inner_start = opener[0] + opener[1]
            continue
        quote = _finish(text, carried, end, end, closed=False)
        if quote is not None:
            quotes.append(quote)
        carried = None
    return quotes


def _first_mark(text: str, start: int, end: int) -> tuple[int, int]:
    index = start
    while index < end and text[index].isspace():
        index += 1
    mark = _mark_at(text, index) if index < end else None
    return index, (mark[1] if mark else 0)


def _opens_paragraph(text: str, index: int, start: int, end: int) -> bool:
    """A closing mark that opens its paragraph, a word right after it (``”Fear. I am truly afraid …``): a typo for
    an opening mark."""
    return not text[start:index].strip() and index + 1 < end and text[index + 1].isalnum()


def _opens_with_quote(text: str, start: int, end: int) -> bool:
    index, width = _first_mark(text, start, end)
    mark = _mark_at(text, index) if index < end else None
    if width > 0 and mark is not None and mark[0] == "close":
        return _opens_paragraph(text, index, start, end)
    return width > 0 and mark is not None and mark[0] in ("open", "straight")
