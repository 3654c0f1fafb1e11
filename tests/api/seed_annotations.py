"""Entities, mentions, quotes and events for the sample store, written straight into their tables.

The extraction stages that fill these tables are not wired into ingest yet, so the API tests put a few rows
there themselves, at offsets found in the seed articles' stored text (never typed in by hand), so that every
page has something real to show and to highlight.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from storyline.copies.evidence import AlignedPassage, CopyEvidence
from storyline.document import Document
from storyline.store.models import (
    articles,
    entities,
    entity_redirects,
    event_actors,
    event_mentions,
    events,
    mentions,
    quotes,
)

ENTITIES: tuple[dict[str, Any], ...] = (
    {
        "id": "e1",
        "name": "Abdul Latif Pedram",
        "kind": "PERSON",
        "aliases": ["Pedram", "Abdul Latif Pedram"],
        "roles": ["leader of the National Congress Party"],
        "country": "AFG",
        "sector": "OPP",
    },
    {"id": "e2", "name": "Taliban", "kind": "ORG", "aliases": ["Taliban"], "roles": ["insurgents"], "country": "AFG"},
    {
        "id": "e3",
        "name": "Tajikistan",
        "kind": "GPE",
        "aliases": ["Tajikistan"],
        "roles": [],
        "country": "TJK",
        "lat": 38.5,
        "lon": 71.0,
        "geonames_id": 1220409,
    },
    {
        "id": "e4",
        "name": "Kabul",
        "kind": "GPE",
        "aliases": ["Kabul"],
        "roles": [],
        "country": "AFG",
        "lat": 34.53,
        "lon": 69.17,
        "geonames_id": 1138958,
    },
    {
        "id": "e5",
        "name": "National Resistance Front",
        "kind": "ORG",
        "aliases": ["NRF", "National Resistance Front"],
        "roles": ["armed opposition"],
        "country": "AFG",
    },
    {
        "id": "e6",
        "name": "Ali Maisam Nazary",
        "kind": "PERSON",
        "aliases": ["Nazary"],
        "roles": ["head of external relations for the National Resistance Front"],
        "country": "AFG",
    },
    {
        "id": "e7",
        "name": "Dushanbe",
        "kind": "GPE",
        "aliases": ["Dushanbe"],
        "roles": [],
        "country": "TJK",
        "lat": 38.54,
        "lon": 68.78,
        "geonames_id": 1221874,
    },
)
# An id issued before "Pedram" was merged into e1.
REDIRECTS = ({"from_id": "e9", "to_id": "e1"},)


@dataclass(frozen=True)
class EventSpec:
    id: str
    plover: str
    evidence: str  # a sentence part to find in some article
    trigger: str  # a word inside it
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    location: str | None
    date: str | None


EVENTS: tuple[EventSpec, ...] = (
    EventSpec("v1", "CONSULT", "ready to hold talks with the Taliban", "talks", ("e5",), ("e2",), "e3", "2021-10-06"),
    EventSpec("v2", "ASSAULT", "Taliban fighters swept into Kabul", "swept", ("e2",), ("e4",), "e4", "2021-08-15"),
    EventSpec(
        "v3",
        "REQUEST",
        "expected political, humanitarian and spiritual support from Tajikistan",
        "expected",
        ("e1",),
        ("e3",),
        None,
        None,
    ),
    EventSpec("v4", "ACCUSE", "accused the Taliban of refusing", "accused", ("e6",), ("e2",), None, None),
)
QUOTE_TEXT = "The resistance forces have never ruled out negotiations with the Taliban"


def annotate(engine: sa.Engine) -> dict[str, Any]:
    """Insert the rows; returns what was written (ids, offsets) for the tests to check against."""
    with engine.begin() as conn:
        texts = {
            row.id: row.text for row in conn.execute(sa.select(articles.c.id, articles.c.text, articles.c.story_id))
        }
        stories_of = dict(conn.execute(sa.select(articles.c.id, articles.c.story_id)).all())
        conn.execute(
            entities.insert(),
            [
                {
                    "id": e["id"],
                    "name": e["name"],
                    "kind": e["kind"],
                    "aliases": json.dumps(e["aliases"]),
                    "roles": json.dumps(e["roles"]),
                    "country": e.get("country"),
                    "sector": e.get("sector"),
                    "lat": e.get("lat"),
                    "lon": e.get("lon"),
                    "geonames_id": e.get("geonames_id"),
                    "merges": "[]",
                    "mention_count": 0,
                }
                for e in ENTITIES
            ],
        )
        conn.execute(entity_redirects.insert(), list(REDIRECTS))
        mention_rows = []
        for article_id, text in sorted(texts.items()):
            position = 0
            for entity in ENTITIES:
                for alias in sorted(entity["aliases"], key=len, reverse=True):
                    start = text.find(alias)
                    if start < 0:
                        continue
                    mention_rows.append(
                        {
                            "article_id": article_id,
                            "position": position,
                            "start": start,
                            "end": start + len(alias),
                            "text": alias,
                            "kind": entity["kind"],
                            "entity_id": entity["id"],
                            "lat": entity.get("lat"),
                            "lon": entity.get("lon"),
                        }
                    )
                    position += 1
                    break
        conn.execute(mentions.insert(), mention_rows)
        counts: dict[str, int] = {}
        for row in mention_rows:
            counts[row["entity_id"]] = counts.get(row["entity_id"], 0) + 1
        for entity_id, count in counts.items():
            conn.execute(entities.update().where(entities.c.id == entity_id).values(mention_count=count))
        quote_article = next(ident for ident, text in sorted(texts.items()) if QUOTE_TEXT in text)
        quote_start = texts[quote_article].index(QUOTE_TEXT)
        conn.execute(
            quotes.insert(),
            {
                "article_id": quote_article,
                "position": 0,
                "id": "q1",
                "start": quote_start,
                "end": quote_start + len(QUOTE_TEXT),
                "text": QUOTE_TEXT,
                "direct": True,
                "cue": "said",
                "speaker": "he",
                "speaker_entity_id": "e9",  # the pre-merge id: the API must resolve it
            },
        )
        written: dict[str, Any] = {"quote_article": quote_article, "events": {}}
        positions: dict[str, int] = {}
        for spec in EVENTS:
            article_id = next(ident for ident, text in sorted(texts.items()) if spec.evidence in text)
            start = texts[article_id].index(spec.evidence)
            trigger = start + spec.evidence.index(spec.trigger)
            positions[article_id] = position = positions.get(article_id, -1) + 1
            conn.execute(
                events.insert(),
                {
                    "id": spec.id,
                    "plover": spec.plover,
                    "source_ids": json.dumps(spec.sources),
                    "target_ids": json.dumps(spec.targets),
                    "location_id": spec.location,
                    "date": spec.date,
                    "story_id": stories_of[article_id],
                    "independent_sources": 1,
                    "confidence": 0.8,
                },
            )
            conn.execute(
                event_mentions.insert(),
                {
                    "article_id": article_id,
                    "position": position,
                    "event_id": spec.id,
                    "plover": spec.plover,
                    "start": start,
                    "end": start + len(spec.evidence),
                    "trigger_start": trigger,
                    "trigger_end": trigger + len(spec.trigger),
                    "confidence": 0.8,
                    "explanation": "test fixture",
                    "date": spec.date,
                },
            )
            roles = [("source", e) for e in spec.sources] + [("target", e) for e in spec.targets]
            roles += [("location", spec.location)] if spec.location else []
            conn.execute(event_actors.insert(), [{"event_id": spec.id, "role": r, "entity_id": e} for r, e in roles])
            written["events"][spec.id] = {"article_id": article_id, "story_id": stories_of[article_id], "start": start}
    return written


SPIN_SWAPS = (("forces", "troops"), ("ready", "prepared"), ("talks", "discussions"), ("suitable", "appropriate"))


def spun_copy(origin: Document) -> Document:
    """A synonym-spun copy of an article's first paragraph, linked to it as the copies stage would link it."""
    paragraph = origin.text.split("\n", 1)[0]
    spun = paragraph
    for word, swap in SPIN_SWAPS:
        spun = spun.replace(f" {word} ", f" {swap} ", 1)
    passage = AlignedPassage(0, len(spun), 0, len(paragraph), 0.8, "substituted")
    return Document(
        uri="fixture://spun-copy",
        raw_text=spun,
        text=spun,
        title="Spun: Afghan resistance ready for discussions",
        outlet="Spinner Daily",
        published="2021-10-08",
        language="en",
        copy_of=origin.id,
        copy_kind="spun",
        spin_score=0.91,
        copy_evidence=CopyEvidence(matched_id=origin.id, kind="spun", score=0.8, passages=(passage,)),
        story_id=origin.story_id,
    )
