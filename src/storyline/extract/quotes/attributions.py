"""Every attribution of a parsed article, gathered in one pass: the frames of :mod:`.indirect` (cue verbs, split
quotes), of :mod:`.phrase_cues` (``according to``, headlines, colons, dashes), of :mod:`.nouns` (speech nouns,
polls) and of :mod:`.transcript` (``TAPPER: …`` lines), then one attribution per word (the outermost or surer one)
and split quotes joined. Kept apart from the frame modules so that none of them imports another inside a function.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from storyline.extract.quotes.direct import QuotedSpan
from storyline.extract.quotes.indirect import (
    Attribution,
    merge_split_quotes,
    outermost_attributions,
    split_chained,
    trim,
    verb_attributions,
)
from storyline.extract.quotes.nouns import noun_attributions, poll_attributions
from storyline.extract.quotes.phrase_cues import (
    according_attributions,
    colon_attribution,
    dash_attribution,
    headline_attribution,
)
from storyline.extract.quotes.transcript import label_lines


def find_attributions(doc: Doc, quotes: Sequence[QuotedSpan]) -> list[Attribution]:
    """Every attribution of the parsed text ``doc`` (quotes from :func:`.direct.find_quoted_spans`), in text order."""
    used: set[int] = set()
    text = doc.text
    attributions = verb_attributions(doc, quotes, used)
    attributions.extend(according_attributions(doc, quotes, used))
    attributions.extend([*noun_attributions(doc, quotes, attributions), *poll_attributions(doc)])
    headline = headline_attribution(doc, text)
    if headline is not None:
        attributions.append(headline)
    for source, cue, content in label_lines(text):
        if not any(a.content_start <= cue[0] < a.content_end for a in attributions):
            attributions.append(Attribution((trim(text, *content),), cue, source, False, "colon"))
    for index, quote in enumerate(quotes):
        if index in used:
            continue
        special = colon_attribution(doc, text, quote) or dash_attribution(doc, text, quote)
        if special is not None:
            used.add(index)
            attributions.append(special)
    attributions = outermost_attributions(split_chained(text, attributions))
    attributions.sort(key=lambda a: a.content_start)
    merge_split_quotes(text, attributions, quotes, used)
    return attributions
