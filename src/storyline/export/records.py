"""Export records: the objects of the export contract (``../shared/contract/README.md``), built from the store.

Each record is a dict whose keys come in the contract's order; a value the pipeline has not produced is
``None`` (null), never a guess. Articles come first (ingest order), then stories and topics (by id); the
entity, quote and event records come with the stages that produce them, and are simply absent until then.

``RECORD_FIELDS`` declares every record type's fields and their kinds; the tabular writers derive their
columns and types from it, so a new field is declared once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from storyline.document import Document, Story, Topic
from storyline.store.repository import Repository

FieldKind = Literal["str", "float", "int", "bool", "json"]

ARTICLE_FIELDS: tuple[tuple[str, FieldKind], ...] = (
    ("type", "str"),
    ("id", "str"),
    ("uri", "str"),
    ("outlet", "str"),
    ("title", "str"),
    ("published", "str"),
    ("language", "str"),
    ("text", "str"),
    ("copy_of", "str"),
    ("copy_kind", "str"),
    ("spin_score", "float"),
    ("story_id", "str"),
)

STORY_FIELDS: tuple[tuple[str, FieldKind], ...] = (
    ("type", "str"),
    ("id", "str"),
    ("title", "str"),
    ("topic_id", "str"),
    ("article_ids", "json"),
    ("first_published", "str"),
    ("last_published", "str"),
)

TOPIC_FIELDS: tuple[tuple[str, FieldKind], ...] = (
    ("type", "str"),
    ("id", "str"),
    ("title", "str"),
    ("story_ids", "json"),
)

# Record type -> its fields in contract order. Later types (entity, quote, event) are added here.
RECORD_FIELDS: dict[str, tuple[tuple[str, FieldKind], ...]] = {
    "article": ARTICLE_FIELDS,
    "story": STORY_FIELDS,
    "topic": TOPIC_FIELDS,
}


def article_record(doc: Document) -> dict[str, Any]:
    """The contract's ``article`` object for a stored document."""
    return {
        "type": "article",
        "id": doc.id,
        "uri": doc.uri,
        "outlet": doc.outlet,
        "title": doc.title,
        "published": doc.published,
        "language": doc.language,
        "text": doc.text,
        "copy_of": doc.copy_of,
        "copy_kind": doc.copy_kind,
        "spin_score": doc.spin_score,
        "story_id": doc.story_id,
    }


def story_record(story: Story) -> dict[str, Any]:
    """The contract's ``story`` object."""
    return {
        "type": "story",
        "id": story.id,
        "title": story.title,
        "topic_id": story.topic_id,
        "article_ids": list(story.article_ids),
        "first_published": story.first_published,
        "last_published": story.last_published,
    }


def topic_record(topic: Topic) -> dict[str, Any]:
    """The contract's ``topic`` object."""
    return {"type": "topic", "id": topic.id, "title": topic.title, "story_ids": list(topic.story_ids)}


def iter_records(repo: Repository) -> Iterator[dict[str, Any]]:
    """Every record of the knowledge base, in a deterministic order: articles (ingest order), stories, topics."""
    for doc in repo.iter_articles():
        yield article_record(doc)
    for story in repo.iter_stories():
        yield story_record(story)
    for topic in repo.iter_topics():
        yield topic_record(topic)
