"""What later stages derive from the articles: copy links, stories, topics, and the stages' saved state.

``Repository`` mixes this in; it is kept apart so that each module holds one kind of data.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass

import sqlalchemy as sa

from storyline.document import ArticleUpdate, Entity, Event, Quotation, Story, Topic
from storyline.store.models import (
    articles,
    corpus_state,
    entities,
    entity_redirects,
    event_actors,
    event_mentions,
    events,
    mentions,
    quotes,
    store_version,
    stories,
    topics,
)

PAGE_SIZE = 1000
Span = tuple[str, int, int]  # (article_id, start, end)


@dataclass(frozen=True)
class StateSnapshot:
    """A stage's pickled corpus-level state and the highest article ``seq`` it had seen."""

    name: str
    seq: int
    payload: bytes


class DerivedData:
    """Copy links, stories, topics and state; needs the engine and write transaction of ``Repository``."""

    _engine: sa.Engine

    def _write_transaction(self, lock: bool = True) -> AbstractContextManager[sa.Connection]:
        raise NotImplementedError  # provided by Repository

    def update_articles(self, updates: Iterable[ArticleUpdate]) -> int:
        """Apply stages' changes to stored articles in one transaction, in order; returns rows changed."""
        changed = 0
        with self._write_transaction() as conn:
            for update in updates:
                if not update.fields:
                    continue
                values = {name: getattr(update, name) for name in update.fields}
                changed += conn.execute(
                    articles.update().where(articles.c.id == update.article_id).values(values)
                ).rowcount
            if changed:
                raise_version(conn)
        return changed

    def replace_stories(self, all_stories: Iterable[Story], all_topics: Iterable[Topic]) -> None:
        """Replace the story and topic tables with the stories stage's current view, in one transaction."""
        story_rows = [
            {
                "id": story.id,
                "title": story.title,
                "topic_id": story.topic_id,
                "first_published": story.first_published,
                "last_published": story.last_published,
                "independent_sources": story.independent_sources,
            }
            for story in all_stories
        ]
        topic_rows = [{"id": topic.id, "title": topic.title} for topic in all_topics]
        self._replace_tables((stories, story_rows), (topics, topic_rows))

    def _replace_tables(self, *contents: tuple[sa.Table, Sequence[Mapping[str, object]]]) -> None:
        """Empty the tables of a stage's view and fill them with its new rows, all in one transaction."""
        with self._write_transaction() as conn:
            for table, _rows in contents:
                conn.execute(table.delete())
            for table, rows in contents:
                if rows:
                    conn.execute(table.insert(), list(rows))
            raise_version(conn)

    def story_of_articles(self) -> dict[str, str]:
        """Article id -> the id of the story it is in now, for every article placed in a story, in ingest order."""
        with self._engine.connect() as conn:
            return dict(_placed_articles(conn))

    def iter_stories(self) -> Iterator[Story]:
        """Every story, ordered by id, with its articles in ingest order."""
        with self._engine.connect() as conn:
            members: dict[str, list[str]] = {}
            for article_id, story_id in _placed_articles(conn):
                members.setdefault(story_id, []).append(article_id)
            rows = conn.execute(sa.select(stories).order_by(stories.c.id)).all()
        for row in rows:
            yield Story(
                id=row.id,
                title=row.title,
                topic_id=row.topic_id,
                article_ids=tuple(members.get(row.id, ())),
                first_published=row.first_published,
                last_published=row.last_published,
                independent_sources=row.independent_sources,
            )

    def iter_topics(self) -> Iterator[Topic]:
        """Every topic, ordered by id, with its stories ordered by id."""
        with self._engine.connect() as conn:
            members: dict[str, list[str]] = {}
            query = sa.select(stories.c.topic_id, stories.c.id).where(stories.c.topic_id.is_not(None))
            for topic_id, story_id in conn.execute(query.order_by(stories.c.id)):
                members.setdefault(topic_id, []).append(story_id)
            rows = conn.execute(sa.select(topics).order_by(topics.c.id)).all()
        for row in rows:
            yield Topic(id=row.id, title=row.title, story_ids=tuple(members.get(row.id, ())))

    def replace_entities(self, all_entities: Iterable[Entity], redirects: Mapping[str, str]) -> None:
        """Replace the entity view (and the ids merged into others) with the entities stage's current one."""
        rows = [
            {
                "id": entity.id,
                "name": entity.name,
                "kind": entity.kind,
                "aliases": _json(entity.aliases),
                "roles": _json(entity.roles),
                "country": entity.country,
                "sector": entity.sector,
                "lat": entity.lat,
                "lon": entity.lon,
                "geonames_id": entity.geonames_id,
                "merges": _json(entity.merges),
                "mention_count": entity.mention_count,
            }
            for entity in all_entities
        ]
        redirect_rows = [{"from_id": old, "to_id": new} for old, new in sorted(redirects.items())]
        self._replace_tables((entities, rows), (entity_redirects, redirect_rows))

    def entity_redirects(self) -> dict[str, str]:
        """Entity ids issued earlier and merged since -> the id that holds them now."""
        with self._engine.connect() as conn:
            return {row.from_id: row.to_id for row in conn.execute(sa.select(entity_redirects))}

    def iter_entities(self) -> Iterator[tuple[Entity, list[Span]]]:
        """Every entity, ordered by id, with its mentions (article ingest order, then position)."""
        redirects = self.entity_redirects()
        spans: dict[str, list[Span]] = {}
        with self._engine.connect() as conn:
            query = (
                sa.select(mentions.c.entity_id, mentions.c.article_id, mentions.c.start, mentions.c.end)
                .join(articles, articles.c.id == mentions.c.article_id)
                .where(mentions.c.entity_id.is_not(None))
                .order_by(articles.c.seq, mentions.c.position)
            )
            for entity_id, article_id, start, end in conn.execute(query):
                spans.setdefault(redirects.get(entity_id, entity_id), []).append((article_id, start, end))
            rows = conn.execute(sa.select(entities).order_by(entities.c.id)).all()
        for row in rows:
            entity = Entity(
                id=row.id,
                name=row.name,
                kind=row.kind,
                aliases=tuple(json.loads(row.aliases)),
                roles=tuple(json.loads(row.roles)),
                country=row.country,
                sector=row.sector,
                lat=row.lat,
                lon=row.lon,
                geonames_id=row.geonames_id,
                merges=tuple(json.loads(row.merges)),
                mention_count=row.mention_count,
            )
            yield entity, spans.get(row.id, [])

    def iter_quotations(self) -> Iterator[tuple[str, str, Quotation]]:
        """Every quote as (quote id, article id, quote), in article ingest order; speakers follow entity merges."""
        from storyline.store.annotations import quotation_from_row

        redirects = self.entity_redirects()
        last: tuple[int, int] = (0, -1)
        while True:
            with self._engine.connect() as conn:
                query = (
                    sa.select(quotes, articles.c.seq)
                    .join(articles, articles.c.id == quotes.c.article_id)
                    .where(sa.tuple_(articles.c.seq, quotes.c.position) > sa.tuple_(*last))
                    .order_by(articles.c.seq, quotes.c.position)
                    .limit(PAGE_SIZE)
                )
                rows = [dict(row) for row in conn.execute(query).mappings()]
            if not rows:
                return
            for row in rows:
                last = (row.pop("seq"), row["position"])
                quote_id, article_id = row["id"], row["article_id"]
                quotation = quotation_from_row(row)
                speaker = quotation.speaker_entity_id
                if speaker in redirects:
                    quotation = dataclasses.replace(quotation, speaker_entity_id=redirects[speaker])
                yield quote_id, article_id, quotation

    def replace_events(self, all_events: Iterable[Event]) -> None:
        """Replace the event view (events and the entities each involves) with the events stage's current one."""
        rows: list[dict[str, object]] = []
        actor_rows: list[dict[str, object]] = []
        for event in all_events:
            rows.append(
                {
                    "id": event.id,
                    "plover": event.plover,
                    "mode": event.mode,
                    "cameo": event.cameo,
                    "source_ids": _json(event.source_ids),
                    "target_ids": _json(event.target_ids),
                    "location_id": event.location_id,
                    "date": event.date,
                    "date_text": event.date_text,
                    "story_id": event.story_id,
                    "independent_sources": event.independent_sources,
                    "confidence": event.confidence,
                }
            )
            roles = [("source", i) for i in event.source_ids] + [("target", i) for i in event.target_ids]
            roles += [("location", event.location_id)] if event.location_id else []
            actor_rows += ({"event_id": event.id, "role": r, "entity_id": i} for r, i in sorted(set(roles)))
        self._replace_tables((events, rows), (event_actors, actor_rows))

    def iter_events(self) -> Iterator[tuple[Event, list[Span]]]:
        """Every event, ordered by id, with its evidence: the reporting sentences (article ingest order)."""
        evidence: dict[str, list[Span]] = {}
        with self._engine.connect() as conn:
            query = (
                sa.select(event_mentions.c.event_id, event_mentions.c.article_id, event_mentions.c.start)
                .add_columns(event_mentions.c.end)
                .join(articles, articles.c.id == event_mentions.c.article_id)
                .where(event_mentions.c.event_id.is_not(None))
                .order_by(articles.c.seq, event_mentions.c.position)
            )
            for event_id, article_id, start, end in conn.execute(query):
                evidence.setdefault(event_id, []).append((article_id, start, end))
            rows = conn.execute(sa.select(events).order_by(events.c.id)).all()
        for row in rows:
            event = Event(
                id=row.id,
                plover=row.plover,
                confidence=row.confidence,
                independent_sources=row.independent_sources,
                mode=row.mode,
                cameo=row.cameo,
                source_ids=tuple(json.loads(row.source_ids)),
                target_ids=tuple(json.loads(row.target_ids)),
                location_id=row.location_id,
                date=row.date,
                date_text=row.date_text,
                story_id=row.story_id,
            )
            yield event, evidence.get(row.id, [])

    def save_state(self, snapshot: StateSnapshot) -> None:
        with self._write_transaction() as conn:
            conn.execute(corpus_state.delete().where(corpus_state.c.name == snapshot.name))
            conn.execute(
                corpus_state.insert(), {"name": snapshot.name, "seq": snapshot.seq, "payload": snapshot.payload}
            )

    def load_state(self, name: str) -> StateSnapshot | None:
        with self._engine.connect() as conn:
            row = conn.execute(sa.select(corpus_state).where(corpus_state.c.name == name)).first()
        return None if row is None else StateSnapshot(row.name, int(row.seq), bytes(row.payload))

    def max_seq(self) -> int:
        with self._engine.connect() as conn:
            return int(conn.scalar(sa.select(sa.func.max(articles.c.seq))) or 0)


def raise_version(conn: sa.Connection) -> None:
    """Count a write that readers can see (``store_version``): last in its transaction, so that on PostgreSQL the
    row's lock is held only while committing. Saving a stage's own state is not such a write."""
    conn.execute(_RAISE_VERSION)


_RAISE_VERSION = store_version.update().where(store_version.c.id == 1).values(version=store_version.c.version + 1)


def _json(values: Iterable[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False, separators=(",", ":"))


def _placed_articles(conn: sa.Connection) -> list[tuple[str, str]]:
    """(article id, story id) of every article placed in a story, in ingest order."""
    query = (
        sa.select(articles.c.id, articles.c.story_id).where(articles.c.story_id.is_not(None)).order_by(articles.c.seq)
    )
    return [(row.id, row.story_id) for row in conn.execute(query)]
