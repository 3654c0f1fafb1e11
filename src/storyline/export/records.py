"""Export records: the objects of the export contract (``../shared/contract/README.md``), built from the store.

Each record is a dict whose keys come in the contract's order; a value the pipeline has not produced is
``None`` (null), never a guess. Articles come first (ingest order), then stories and topics (by id); the
entity, quote and event records follow, from the stages that produce them (absent when those did not run).

``RECORD_FIELDS`` declares every record type's fields and their kinds; the tabular writers derive their
columns and types from it, so a new field is declared once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Literal

from storyline.document import Document, Entity, Event, Quotation, Story, Topic
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

ENTITY_FIELDS: tuple[tuple[str, FieldKind], ...] = (
    ("type", "str"),
    ("id", "str"),
    ("name", "str"),
    ("kind", "str"),
    ("aliases", "json"),
    ("country", "str"),
    ("sector", "str"),
    ("geo", "json"),
    ("mentions", "json"),
)

QUOTE_FIELDS: tuple[tuple[str, FieldKind], ...] = (
    ("type", "str"),
    ("id", "str"),
    ("article_id", "str"),
    ("start", "int"),
    ("end", "int"),
    ("text", "str"),
    ("direct", "bool"),
    ("speaker_id", "str"),
    ("cue", "str"),
)

EVENT_FIELDS: tuple[tuple[str, FieldKind], ...] = (
    ("type", "str"),
    ("id", "str"),
    ("plover", "str"),
    ("mode", "str"),
    ("cameo", "str"),
    ("source_ids", "json"),
    ("target_ids", "json"),
    ("location_id", "str"),
    ("date", "str"),
    ("date_text", "str"),
    ("evidence", "json"),
    ("independent_sources", "int"),
    ("confidence", "float"),
)

# Record type -> its fields in contract order.
RECORD_FIELDS: dict[str, tuple[tuple[str, FieldKind], ...]] = {
    "article": ARTICLE_FIELDS,
    "story": STORY_FIELDS,
    "topic": TOPIC_FIELDS,
    "entity": ENTITY_FIELDS,
    "quote": QUOTE_FIELDS,
    "event": EVENT_FIELDS,
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


def entity_record(entity: Entity, mentions: Sequence[tuple[str, int, int]]) -> dict[str, Any]:
    """The contract's ``entity`` object: the entity and where it is mentioned."""
    geo = None
    if entity.lat is not None and entity.lon is not None:
        geo = {"lat": entity.lat, "lon": entity.lon, "geonames_id": entity.geonames_id}
    return {
        "type": "entity",
        "id": entity.id,
        "name": entity.name,
        "kind": entity.kind,
        "aliases": list(entity.aliases),
        "country": entity.country,
        "sector": entity.sector,
        "geo": geo,
        "mentions": [{"article_id": a, "start": start, "end": end} for a, start, end in mentions],
    }


def quote_record(quote_id: str, article_id: str, quotation: Quotation) -> dict[str, Any]:
    """The contract's ``quote`` object."""
    return {
        "type": "quote",
        "id": quote_id,
        "article_id": article_id,
        "start": quotation.start,
        "end": quotation.end,
        "text": quotation.text,
        "direct": quotation.direct,
        "speaker_id": quotation.speaker_entity_id,
        "cue": quotation.cue,
    }


def event_record(event: Event, evidence: Sequence[tuple[str, int, int]]) -> dict[str, Any]:
    """The contract's ``event`` object: one event with every report of it as evidence."""
    return {
        "type": "event",
        "id": event.id,
        "plover": event.plover,
        "mode": event.mode,
        "cameo": event.cameo,
        "source_ids": list(event.source_ids),
        "target_ids": list(event.target_ids),
        "location_id": event.location_id,
        "date": event.date,
        "date_text": event.date_text,
        "evidence": [{"article_id": a, "start": start, "end": end} for a, start, end in evidence],
        "independent_sources": event.independent_sources,
        "confidence": event.confidence,
    }


def iter_records(repo: Repository) -> Iterator[dict[str, Any]]:
    """Every record of the knowledge base, in a deterministic order: articles (ingest order), stories, topics,
    entities (by id), quotes (article ingest order), events (by id)."""
    for doc in repo.iter_articles():
        yield article_record(doc)
    for story in repo.iter_stories():
        yield story_record(story)
    for topic in repo.iter_topics():
        yield topic_record(topic)
    for entity, mentions in repo.iter_entities():
        yield entity_record(entity, mentions)
    for quote_id, article_id, quotation in repo.iter_quotations():
        yield quote_record(quote_id, article_id, quotation)
    for event, evidence in repo.iter_events():
        yield event_record(event, evidence)
