"""Cues that are not verbs: ``according to X``, a colon after a short noun phrase (``Abdul Latif Pedram, the
leader of …: “…”``; a title line ``Rubio: I Still Believe …``), and a dash after a quote (``“…” – Pedram is sure``,
``“…” ― Sonya Herridge``). :func:`.attributions.find_attributions` gathers them with the verb frames of
:mod:`.indirect`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from storyline.extract.quotes.cues import is_according_to
from storyline.extract.quotes.direct import QuotedSpan
from storyline.extract.quotes.indirect import Attribution, is_direct, paragraph_of, quote_at, source_span, trim
from storyline.extract.quotes.spans import subtree_span

MAX_COLON_SOURCE_TOKENS = 16


ANAPHORIC_CONTENT = re.compile(r"(?i)(?:this|that|it|these|those)(?: (?:is|was|are|were))?")


def _sentence_before(doc: Doc, sentence: Span) -> Span | None:
    """The sentence before ``sentence`` in its paragraph or the one before it (bullets are paragraphs), or None."""
    if sentence.start == 0:
        return None
    previous = doc[sentence.start - 1].sent
    while previous.start > 0 and not previous.text.strip():
        previous = doc[previous.start - 1].sent
    return (
        previous
        if previous.text.strip() and doc.text.count("\n", previous.end_char, sentence.start_char) <= 2
        else None
    )


def according_attributions(doc: Doc, quotes: Sequence[QuotedSpan], used: set[int]) -> list[Attribution]:
    """``According to X, …`` and ``…, according to X``: X is the source, the longer side of the sentence the content
    (without a relative clause on X: ``According to Mansour, who took part, …``); ``This was according to X`` reports
    the sentence before."""
    text = doc.text
    found: list[Attribution] = []
    for token in doc:
        if not is_according_to(token) or quote_at(quotes, token.idx) is not None:
            continue
        to = doc[token.i + 1]
        objects = [child for child in to.children if child.dep_ == "pobj"]
        if not objects:
            continue
        source = subtree_span(objects[0])
        sentence = token.sent
        comma = text.find(",", source[0], source[1])
        if comma > 0 and not text[sentence.start_char : token.idx].strip():
            source = (source[0], comma)  # "According to the AP, 571 of …": the phrase ends at its comma
        after_start = source[1]
        for child in objects[0].rights:  # "According to Mansour, who took part in the talks, the delegation …"
            if (
                child.dep_ == "relcl"
                and child.left_edge.idx >= source[1]
                and child.left_edge.tag_ in ("WP", "WDT", "WP$")
            ):
                after_start = max(after_start, child.right_edge.idx + len(child.right_edge))
        before = trim(text, sentence.start_char, token.idx)
        after = trim(text, after_start, sentence.end_char)
        start, end = after if after[1] - after[0] >= before[1] - before[0] else before
        start, end = trim(text, start, end)
        if end <= start:
            continue
        if ANAPHORIC_CONTENT.fullmatch(text[start:end]):
            previous = _sentence_before(doc, sentence)  # "This was according to a member of the NRF."
            if previous is None:
                continue
            start, end = trim(text, previous.start_char, previous.end_char)
        for index, quote in enumerate(quotes):
            if start <= quote.start and quote.end <= end:
                used.add(index)
        parts = ((start, end),)
        found.append(Attribution(parts, (token.idx, to.idx + len(to)), source, is_direct(quotes, parts), "according"))
    return found


def _sentence_of(doc: Doc, position: int) -> Span | None:
    for sentence in doc.sents:
        if sentence.start_char <= position < sentence.end_char:
            return sentence
    return None


def colon_attribution(doc: Doc, text: str, quote: QuotedSpan) -> Attribution | None:
    """``Name, role: “…”``: the phrase before the colon is the source."""
    before = text[: quote.outer_start].rstrip()
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    line_start = text.rfind("\n", 0, colon) + 1
    sentence = _sentence_of(doc, colon)
    start = max(line_start, sentence.start_char if sentence is not None else line_start)
    span = doc.char_span(start, colon, alignment_mode="expand")
    if span is None or not 0 < len(span) <= MAX_COLON_SOURCE_TOKENS:
        return None
    if not any(token.pos_ in ("PROPN", "NOUN", "PRON") for token in span) or any(
        token.pos_ == "VERB" for token in span
    ):
        return None
    source = trim(text, span.start_char, span.end_char)
    if source[1] <= source[0]:
        return None
    return Attribution(((quote.start, quote.end),), (colon, colon + 1), source, True, "colon")


MAX_HEADLINE_SOURCE_TOKENS = 6


def headline_attribution(doc: Doc, text: str) -> Attribution | None:
    """A title line ``Rubio: I Still Believe …``: the name before the colon said what follows it."""
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    colon = text.find(": ", 0, line_end)
    if colon <= 0:
        return None
    span = doc.char_span(0, colon, alignment_mode="expand")
    if span is None or not 0 < len(span) <= MAX_HEADLINE_SOURCE_TOKENS:
        return None
    words = list(span)
    cut = next((i for i, token in enumerate(words) if i > 0 and token.pos_ == "ADP"), len(words))
    words = words[:cut]
    if any(token.pos_ in ("VERB", "AUX") for token in words) or not any(t.pos_ in ("PROPN", "NOUN") for t in words):
        return None
    source = trim(text, words[0].idx, words[-1].idx + len(words[-1]))
    content = trim(text, colon + 1, line_end)
    if source[1] <= source[0] or len(text[content[0] : content[1]].split()) < 2:
        return None
    return Attribution((content,), (colon, colon + 1), source, False, "colon")


DASHES = "–—―-"
# ``― Sonya Herridge``, ``— Edwin G. Monroy.``: a name alone after the dash, up to the end of the line
BYLINE_NAME = re.compile(r"[ \t\xa0]*((?:[A-Z][\w’'-]*\.?)(?:[ \xa0][A-Z][\w’'-]*\.?){0,3})[ \t\xa0]*$", re.MULTILINE)


def _byline(text: str, quote: QuotedSpan, dash: int) -> tuple[int, int] | None:
    """The name of ``“…” ― Sonya Herridge`` (a quote that opens its paragraph, then a dash and a name that ends
    the line: testimonials, epigraphs), or None. A quote inside a sentence before it (``… he said "…"--Kim
    Hjelmgaard.``) is a byline for the article, not the quote's source."""
    if text[paragraph_of(text, quote.outer_start)[0] : quote.outer_start].strip():
        return None
    match = BYLINE_NAME.match(text, dash + 1)
    if match is None:
        return None
    start, end = match.span(1)
    return (start, end - 1) if text[end - 1] == "." else (start, end)


def dash_attribution(doc: Doc, text: str, quote: QuotedSpan) -> Attribution | None:
    """A quote followed by a line that opens with a dash: ``“…” – Pedram is sure.``, or by a dash and a name
    alone (:func:`_byline`): ``“…” ― Sonya Herridge``."""
    rest = text[quote.outer_end :]
    stripped = rest.lstrip()
    if not stripped or stripped[0] not in DASHES:
        return None
    dash = quote.outer_end + len(rest) - len(stripped)
    name = _byline(text, quote, dash)
    if name is not None:
        return Attribution(((quote.start, quote.end),), (dash, dash + 1), name, True, "dash")
    line_end = text.find("\n", dash)
    line = doc.char_span(dash + 1, len(text) if line_end < 0 else line_end, alignment_mode="contract")
    if line is None or len(line) == 0:
        return None
    roots = [
        t for t in line if (t.head.i == t.i or not line.start <= t.head.i < line.end) and t.pos_ in ("VERB", "AUX")
    ]
    if not roots:
        return None
    root = roots[0]
    source = source_span(root)
    if source is None:
        return None
    cue_start, cue_end = root.idx, root.idx + len(root)
    for child in root.rights:
        if child.dep_ == "acomp":
            cue_end = child.idx + len(child)
    return Attribution(((quote.start, quote.end),), (cue_start, cue_end), source, True, "dash")
