"""The ``quotes`` stage: every quote of an article with its cue and named speaker, linked across copies.

For each English article, :func:`find_quotes` reads the parse (shared with the events stage through
:func:`storyline.extract.common.batch_parses`) and the article's entity mentions; a speaker resolved to a named
mention gets that mention's entity id. A quote that another article of the same story already carries (a
syndicated copy, a translation reworded) gets ``same_as``: the id of the earliest such quote, scored as
:func:`~storyline.extract.quotes.link_quotes` scores a pair. The quotes of each story are kept in
``ctx.state["quotes"]`` for that (at most ``QUOTES_PER_STORY`` each), and saved with the corpus state; when the
stories stage moves an article to another story (an ``ArticleUpdate`` in ``ctx.updates``), its quotes move too.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from storyline.document import ArticleUpdate, Document, Quotation
from storyline.extract.common import batch_parses, entity_mentions, mention_in
from storyline.extract.quotes import Quote, find_quotes
from storyline.extract.quotes.link import LINK_THRESHOLD, content_words, link_score, long_enough, overlap
from storyline.pipeline import Context, Stage

if TYPE_CHECKING:
    from storyline.copies.embed import SentenceEncoder

STATE_KEY = "quotes"
QUOTES_PER_STORY = 200
# Outside a copy group a quote is compared in full (embeddings) only with earlier quotes it shares this share of
# content words with: the same words said twice share most of them, reworded translations come as copies.
MIN_OVERLAP_OUTSIDE_COPIES = 0.3
SPEAKER_KINDS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


@dataclass
class QuoteState:
    """The quotes seen so far, by story: (article id, quote id, quote) in ingest order."""

    by_story: dict[str, list[tuple[str, str, Quotation]]] = field(default_factory=dict)
    # article id -> (the order it came in, its story), for the articles whose quotes are kept: moves touch only them
    placed: dict[str, tuple[int, str]] = field(default_factory=dict)

    def __setstate__(self, state: dict[str, object]) -> None:
        """A state saved before ``placed`` was kept gets it from its stories (their order as arrival order)."""
        self.__dict__.update(state)
        if "placed" not in state:
            self.placed = {}
            for story_id, kept in self.by_story.items():
                for article_id, _, _ in kept:
                    self.placed.setdefault(article_id, (len(self.placed), story_id))

    def remember(self, doc: Document) -> None:
        if doc.story_id is None:
            return
        kept = self.by_story.setdefault(doc.story_id, [])
        room = QUOTES_PER_STORY - len(kept)
        added = [(doc.id, q.quote_id(doc.id), q) for q in doc.quotations[: max(room, 0)]]
        if added:
            kept += added
            self.placed.setdefault(doc.id, (len(self.placed), doc.story_id))

    def follow_moves(self, updates: list[ArticleUpdate]) -> int:
        """Move the remembered quotes of articles the stories stage has moved to another story (``ctx.updates``),
        so that later articles are linked against the story each quote is in now; return how many quotes moved."""
        moved = 0
        for update in updates:
            place = self.placed.get(update.article_id)
            if "story_id" not in update.fields or update.story_id is None or place is None:
                continue
            arrival, story_id = place
            if update.story_id == story_id:
                continue
            kept = self.by_story.get(story_id, [])
            going = [item for item in kept if item[0] == update.article_id]
            staying = [item for item in kept if item[0] != update.article_id]
            if staying:
                self.by_story[story_id] = staying
            else:
                self.by_story.pop(story_id, None)
            joined = self.by_story.setdefault(update.story_id, []) + going
            joined.sort(key=lambda item: self.placed[item[0]][0])  # stable: quotes keep their article's order
            self.by_story[update.story_id] = joined
            self.placed[update.article_id] = (arrival, update.story_id)
            moved += len(going)
        return moved


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
def _encoder() -> _RememberingEncoder:
    """One remembering encoder per process (model objects are not part of the saved state)."""
    from storyline.copies.embed import SentenceEncoder

    return _RememberingEncoder(SentenceEncoder())


def quote_state(ctx: Context) -> QuoteState:
    return ctx.state_of(STATE_KEY, QuoteState, QuoteState)


def quotation(doc: Document, quote: Quote) -> Quotation:
    """A found quote as the document keeps it, its speaker linked to the entity of the named mention."""
    speaker = None
    name = quote.speaker
    if quote.speaker_start is not None and quote.speaker_end is not None:
        speaker = mention_in(doc.mentions, quote.speaker_start, quote.speaker_end, SPEAKER_KINDS)
    if speaker is not None and speaker.entity_id is not None:
        # The speaker's own name in this article: the resolver's longest name ending in the same surname can be
        # someone else's ("Murphy" is Sen. Chris Murphy, not "a teacher's aide, Anne Marie Murphy").
        own = [m.text for m in doc.mentions if m.entity_id == speaker.entity_id and m.kind == speaker.kind]
        if own and name not in own:
            name = max(own, key=lambda text: (len(text.split()), len(text)))
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
        speaker=name,
        speaker_start=quote.speaker_start,
        speaker_end=quote.speaker_end,
        speaker_entity_id=None if speaker is None else speaker.entity_id,
        evidence=quote.evidence,
    )


def _same_as(doc: Document, found: list[Quotation], state: QuoteState) -> list[Quotation]:
    """Mark each quote that an earlier article of the story carries with the id of the earliest such quote.

    The new article's quotes are scored against the story's earlier ones only (not those against each other,
    which were linked when they came in) with :func:`link_score`, as :func:`link_quotes` scores a pair.
    """
    new = [(index, quote) for index, quote in enumerate(found) if long_enough(quote.text)]
    earlier = [
        item for item in state.by_story.get(doc.story_id or "", []) if item[0] != doc.id and long_enough(item[2].text)
    ]
    if not new or not earlier:
        return found
    earlier_words = [content_words(quote.text) for _, _, quote in earlier]
    weighed = _weighed([quote.text for _, quote in new], [quote.text for _, _, quote in earlier], doc.copy_of)
    new = [item for item, kept in zip(new, weighed, strict=True) if kept]
    if not new:
        return found
    new_words = [content_words(quote.text) for _, quote in new]
    encoder = _encoder()
    cosine = encoder.encode([q.text for _, q in new]) @ encoder.encode([q.text for _, _, q in earlier]).T
    marked = list(found)
    for row, ((index, quote), words) in enumerate(zip(new, new_words, strict=True)):
        for column, (_, quote_id, old) in enumerate(earlier):  # ingest order: the first match is the earliest
            if quote.speaker and old.speaker and quote.speaker != old.speaker:
                continue
            if link_score(float(cosine[row, column]), overlap(words, earlier_words[column])) >= LINK_THRESHOLD:
                marked[index] = replace(quote, same_as=old.same_as or quote_id)
                break
    return marked


def _weighed(new: list[str], earlier: list[str], copy_of: str | None) -> list[bool]:
    """Which of an article's new quotes linking weighs against the story's earlier ones (both non-empty): all of
    them in a copy group; outside one, where embeddings cost most, only those that share
    :data:`MIN_OVERLAP_OUTSIDE_COPIES` of their content words with an earlier quote."""
    if copy_of is not None:
        return [True] * len(new)
    earlier_words = [content_words(text) for text in earlier]
    best = [max(overlap(content_words(text), other) for other in earlier_words) for text in new]
    return [share >= MIN_OVERLAP_OUTSIDE_COPIES for share in best]


def _embed_ahead(docs: list[Document], found_in: dict[str, list[Quotation]], state: QuoteState) -> None:
    """Embed at once the quotes the batch's linking will weigh, as :func:`_same_as` picks them (the story's earlier
    quotes, and the batch's own as they come in): one long call to the encoder instead of two short ones per
    article, which cost it nearly twice as much per quote. A quote this misses is embedded when it is weighed."""
    earlier_by_story: dict[str, list[str]] = {}
    wanted: dict[str, None] = {}
    for doc in docs:
        found = found_in.get(doc.id)
        if found is None or doc.story_id is None:
            continue
        if doc.story_id not in earlier_by_story:
            earlier_by_story[doc.story_id] = [
                quote.text for article, _, quote in state.by_story.get(doc.story_id, []) if article != doc.id
            ]
        earlier = [text for text in earlier_by_story[doc.story_id] if long_enough(text)]
        new = [quote.text for quote in found if long_enough(quote.text)]
        if new and earlier:
            new = [text for text, kept in zip(new, _weighed(new, earlier, doc.copy_of), strict=True) if kept]
            if new:
                wanted.update(dict.fromkeys(earlier + new))
        earlier_by_story[doc.story_id].extend(quote.text for quote in found)
    if wanted:
        _encoder().encode(list(wanted))


def run(docs: list[Document], ctx: Context) -> list[Document]:
    """Find the quotes of every English document of the batch and link them to earlier ones of their story."""
    state = quote_state(ctx)
    ctx.counts["quotes.moved"] += state.follow_moves(ctx.updates)
    parses = batch_parses(docs, ctx)
    found_in: dict[str, list[Quotation]] = {
        doc.id: [
            quotation(doc, quote) for quote in find_quotes(doc.text, parses[doc.id], entity_mentions(doc.mentions))
        ]
        for doc in docs
        if doc.is_english
    }
    _embed_ahead(docs, found_in, state)
    for doc in docs:
        if not doc.is_english:
            doc.quotations = []
            doc.notes.append(f"quotes: skipped, language {doc.language or 'unknown'}")
            continue
        found = found_in[doc.id]
        doc.quotations = _same_as(doc, found, state)
        state.remember(doc)
        ctx.counts["quotes.found"] += len(found)
        ctx.counts["quotes.linked"] += sum(q.same_as is not None for q in doc.quotations)
    return docs


def absorb(docs: list[Document], ctx: Context) -> None:
    state = quote_state(ctx)
    for doc in docs:
        state.remember(doc)
    state.follow_moves(ctx.updates)


STAGE = Stage(
    name="quotes",
    requires=("text", "language", "mentions", "parse", "story_id"),
    assigns=("quotations",),
    run=run,
    absorb=absorb,
)
