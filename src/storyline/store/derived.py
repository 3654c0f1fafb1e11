"""What later stages derive from the articles: copy links, stories, topics, and the stages' saved state.

``Repository`` mixes this in; it is kept apart so that each module holds one kind of data.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass

import sqlalchemy as sa

from storyline.document import ArticleUpdate, Story, Topic
from storyline.store.models import articles, corpus_state, stories, topics


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
        with self._write_transaction() as conn:
            conn.execute(stories.delete())
            conn.execute(topics.delete())
            if story_rows:
                conn.execute(stories.insert(), story_rows)
            if topic_rows:
                conn.execute(topics.insert(), topic_rows)

    def iter_stories(self) -> Iterator[Story]:
        """Every story, ordered by id, with its articles in ingest order."""
        with self._engine.connect() as conn:
            members: dict[str, list[str]] = {}
            query = (
                sa.select(articles.c.story_id, articles.c.id)
                .where(articles.c.story_id.is_not(None))
                .order_by(articles.c.seq)
            )
            for story_id, article_id in conn.execute(query):
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
