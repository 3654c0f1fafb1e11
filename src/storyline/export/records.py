"""Export records: the objects of the export contract (``../shared/contract/README.md``), built from the store.

Each record is a dict whose keys come in the contract's order; a value the pipeline has not produced is
``None`` (null), never a guess. For now the store holds articles only; the story, topic, entity, quote and
event records come with the stages that produce them, and are simply absent until then.

``RECORD_FIELDS`` declares every record type's fields and their kinds; the tabular writers derive their
columns and types from it, so a new field is declared once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from storyline.document import Document
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

# Record type -> its fields in contract order. Later types (story, topic, entity, quote, event) are added here.
RECORD_FIELDS: dict[str, tuple[tuple[str, FieldKind], ...]] = {
    "article": ARTICLE_FIELDS,
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


def iter_records(repo: Repository) -> Iterator[dict[str, Any]]:
    """Every record of the knowledge base, in a deterministic order: articles in ingest order."""
    for doc in repo.iter_articles():
        yield article_record(doc)
