"""The ``stories`` stage: every article joins the story (one real-world happening) it reports, or opens one.

Stories are grouped into topics (the ongoing subject). Both are kept, online, in a :class:`StoryIndex` in
``ctx.state["stories"]``; the store persists it and writes the contract's ``story`` and ``topic`` records from
``index.stories()`` and ``index.topics()``. The stage assigns ``Document.story_id``.

- A copy (``copy_of`` set by the ``copies`` stage) joins its origin's story whenever the origin is in the index.
- An article joining a topic has the topic's recent articles grouped again, so some of them may change story
  (``StoryIndex.take_moves``): documents of the batch get their final story, articles stored in earlier batches
  get an ``ArticleUpdate``.
- Articles in a language the index does not handle (English only for now) get no story and a note
  ``"stories: skipped, language xx"``; they are not rejected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.document import ArticleUpdate, Document
from storyline.pipeline import Context, Stage
from storyline.stories.cluster import Assignment, StoryIndex, StoryOptions

if TYPE_CHECKING:
    from storyline.store import Repository

__all__ = [
    "STAGE",
    "STATE_KEY",
    "Assignment",
    "StoryIndex",
    "StoryOptions",
    "absorb",
    "finish",
    "run",
    "story_index",
]

STATE_KEY = "stories"


def story_index(ctx: Context) -> StoryIndex:
    """The run's story index (created on first use)."""
    return ctx.state_of(STATE_KEY, StoryIndex, StoryIndex)


def _add(index: StoryIndex, doc: Document) -> Assignment:
    return index.add(doc.id, doc.text, title=doc.title, published=doc.published, outlet=doc.outlet, copy_of=doc.copy_of)


def run(docs: list[Document], ctx: Context) -> list[Document]:
    """Assign ``story_id`` to every document of the batch, in order."""
    index = story_index(ctx)
    languages = index.options.languages
    for doc in docs:
        if doc.language not in languages:
            doc.notes.append(f"stories: skipped, language {doc.language or 'unknown'}")
            ctx.counts["stories.skipped"] += 1
            continue
        assignment = _add(index, doc)
        doc.story_id = assignment.story_id
        ctx.counts["stories.new"] += assignment.new_story
        ctx.counts["topics.new"] += assignment.new_topic
    in_batch: set[str] = set()
    for doc in docs:  # a later article of the batch may have moved an earlier one to another story
        if doc.story_id is not None:
            doc.story_id = index.story_of(doc.id)
            in_batch.add(doc.id)
    moved = index.take_moves()
    ctx.counts["stories.moved"] += len(moved)
    for article_id, story_id in moved.items():
        if article_id not in in_batch:
            ctx.updates.append(ArticleUpdate(article_id, story_id=story_id, fields=("story_id",)))
    return docs


def absorb(docs: list[Document], ctx: Context) -> None:
    """Add stored articles to the index as a run would have; a stored article whose story is not the one the index
    now gives it (stored without one, or moved since) gets it as an update."""
    index = story_index(ctx)
    added: set[str] = set()
    for doc in docs:
        if doc.language not in index.options.languages:
            continue
        _add(index, doc)
        added.add(doc.id)
    for doc in docs:
        if doc.id in added and doc.story_id != index.story_of(doc.id):
            ctx.updates.append(ArticleUpdate(doc.id, story_id=index.story_of(doc.id), fields=("story_id",)))
    for article_id, story_id in index.take_moves().items():
        if article_id not in added:
            ctx.updates.append(ArticleUpdate(article_id, story_id=story_id, fields=("story_id",)))


def finish(ctx: Context, repo: Repository) -> None:
    """Write the index's stories and topics to the store, replacing the previous view."""
    index = story_index(ctx)
    repo.replace_stories(index.stories(), index.topics())


STAGE = Stage(
    name="stories",
    requires=("text", "language", "published"),
    assigns=("story_id",),
    run=run,
    absorb=absorb,
    finish=finish,
)
