"""The ``quotes`` stage: every quote of an article with its cue and named speaker, linked across copies.

For each English article, :func:`find_quotes` reads the parse (shared with the events stage through
:func:`storyline.extract.common.batch_parses`) and the article's entity mentions; a speaker resolved to a named
mention gets that mention's entity id. A quote that another article of the same story already carries (a
syndicated copy, a translation reworded) gets ``same_as``: the id of the earliest such quote, found by
:func:`link_quotes`. The quotes of each story are kept in ``ctx.state["quotes"]`` for that (at most
``QUOTES_PER_STORY`` each), and saved with the corpus state.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, cast

import numpy as np
import numpy.typing as npt

from storyline.document import Document, Quotation
from storyline.extract.common import batch_parses, entity_mentions, mention_in
from storyline.extract.quotes import Quote, find_quotes, link_quotes
from storyline.pipeline import Context, Stage

if TYPE_CHECKING:
    from storyline.copies.embed import SentenceEncoder

STATE_KEY = "quotes"
QUOTES_PER_STORY = 200
SPEAKER_KINDS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


@dataclass
class QuoteState:
    """The quotes seen so far, by story: (article id, quote id, quote) in ingest order."""

    by_story: dict[str, list[tuple[str, str, Quotation]]] = field(default_factory=dict)

    def remember(self, doc: Document) -> None:
        if doc.story_id is None:
            return
        kept = self.by_story.setdefault(doc.story_id, [])
        room = QUOTES_PER_STORY - len(kept)
        kept += [(doc.id, q.quote_id(doc.id), q) for q in doc.quotations[: max(room, 0)]]


class _RememberingEncoder:
    """The sentence encoder with a memory of the quotes it has embedded, so that a story's earlier quotes are
    embedded once per process, not once per later article (bounded; the oldest are forgotten first)."""

    def __init__(self, encoder: SentenceEncoder, size: int = 50_000) -> None:
        self.encoder = encoder
        self.size = size
        self.vectors: OrderedDict[str, npt.NDArray[np.float32]] = OrderedDict()

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]:
        missing = list(dict.fromkeys(text for text in texts if text not in self.vectors))
        for text, vector in zip(missing, self.encoder.encode(missing), strict=True):
            self.vectors[text] = vector
        while len(self.vectors) > self.size:
            self.vectors.popitem(last=False)
        if not texts:
            return self.encoder.encode([])
        return np.stack([self.vectors[text] for text in texts])


@lru_cache(maxsize=1)
def _encoder() -> SentenceEncoder:
    """One remembering encoder per process (model objects are not part of the saved state)."""
    from storyline.copies.embed import SentenceEncoder

    return cast("SentenceEncoder", _RememberingEncoder(SentenceEncoder()))


def quote_state(ctx: Context) -> QuoteState:
    state = ctx.state.setdefault(STATE_KEY, QuoteState())
    if not isinstance(state, QuoteState):
        raise TypeError(f"ctx.state[{STATE_KEY!r}] holds a {type(state).__name__}, not a QuoteState")
    return state


def quotation(doc: Document, quote: Quote) -> Quotation:
    """A found quote as the document keeps it, its speaker linked to the entity of the named mention."""
    speaker = None
    if quote.speaker_start is not None and quote.speaker_end is not None:
        speaker = mention_in(doc.mentions, quote.speaker_start, quote.speaker_end, SPEAKER_KINDS)
    return Quotation(
        start=quote.start,
        end=quote.end,
        text=quote.text,
        direct=quote.direct,
        cue=quote.cue,
        cue_start=quote.cue_start,
        cue_end=quote.cue_end,
        source_start=quote.source_start,
        source_end=quote.source_end,
        speaker=quote.speaker,
        speaker_start=quote.speaker_start,
        speaker_end=quote.speaker_end,
        speaker_entity_id=None if speaker is None else speaker.entity_id,
        evidence=quote.evidence,
    )


def _same_as(doc: Document, found: list[Quotation], state: QuoteState) -> list[Quotation]:
    """Mark each quote that an earlier article of the story carries with the earliest such quote's id."""
    earlier = [item for item in state.by_story.get(doc.story_id or "", []) if item[0] != doc.id]
    if not earlier or not found:
        return found
    by_article: dict[str, list[Quotation]] = {doc.id: found}
    ids: dict[tuple[str, int], str] = {}
    for article_id, quote_id, quote in earlier:
        quotes = by_article.setdefault(article_id, [])
        ids[(article_id, len(quotes))] = quote_id
        quotes.append(quote)
    order = {quote_id: n for n, (_, quote_id, _) in enumerate(earlier)}
    marked = list(found)
    for group in link_quotes(by_article, encoder=_encoder()):
        mine = [index for article_id, index in group if article_id == doc.id]
        theirs = [ids[member] for member in group if member[0] != doc.id]
        if not theirs:
            continue
        first = min(theirs, key=order.__getitem__)
        for index in mine:
            marked[index] = replace(marked[index], same_as=first)
    return marked


def run(docs: list[Document], ctx: Context) -> list[Document]:
    """Find the quotes of every English document of the batch and link them to earlier ones of their story."""
    state = quote_state(ctx)
    parses = batch_parses(docs, ctx)
    for doc in docs:
        if not doc.is_english:
            doc.quotations = []
            doc.notes.append(f"quotes: skipped, language {doc.language or 'unknown'}")
            continue
        found: list[Quotation] = []
        spans: set[tuple[int, int]] = set()
        for quote in find_quotes(doc.text, parses[doc.id], entity_mentions(doc.mentions)):
            if (quote.start, quote.end) not in spans:  # one quote per span (its id is the span's)
                spans.add((quote.start, quote.end))
                found.append(quotation(doc, quote))
        doc.quotations = _same_as(doc, found, state)
        state.remember(doc)
        ctx.counts["quotes.found"] += len(found)
        ctx.counts["quotes.linked"] += sum(q.same_as is not None for q in doc.quotations)
    return docs


def absorb(docs: list[Document], ctx: Context) -> None:
    state = quote_state(ctx)
    for doc in docs:
        state.remember(doc)


STAGE = Stage(
    name="quotes",
    requires=("text", "language", "mentions", "parse", "story_id"),
    assigns=("quotations",),
    run=run,
    absorb=absorb,
)
