"""The API's reads: parameterised SQLAlchemy Core queries over the store, returning plain JSON-ready dicts.

Every value a client sends reaches the database as a bound parameter, never as SQL text. Lists take
``limit``/``offset`` and fetch one row more than asked, so that a page says whether another follows
(``next_offset``) without counting the whole table. Entity ids given by a client are resolved through
``entity_redirects``, so an id issued before two entities were merged still finds the merged one.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from storyline.store.models import (
    articles,
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

ARTICLE_SUMMARY_COLUMNS = (
    articles.c.id,
    articles.c.title,
    articles.c.outlet,
    articles.c.published,
    articles.c.language,
    articles.c.url,
    articles.c.copy_of,
    articles.c.copy_kind,
    articles.c.spin_score,
    articles.c.story_id,
)
# Most events a timeline or the network reads at once; more are cut, and the reply says so.
MAX_TIMELINE_EVENTS = 5000
MAX_NETWORK_EVENTS = 20_000


@dataclass(frozen=True)
class Filters:
    """What a list can be narrowed to; ``None`` means no narrowing. Dates are ISO prefixes (2021, 2021-10, …)."""

    topic: str | None = None
    story: str | None = None
    actor: str | None = None
    plover: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    place: str | None = None
    outlet: str | None = None
    kind: str | None = None
    name: str | None = None


def page(rows: Sequence[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    """A page of a list: its items and where the next page starts (null at the end)."""
    more = len(rows) > limit
    return {
        "items": list(rows[:limit]),
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if more else None,
    }


def json_list(text: str | None) -> list[Any]:
    if not text:
        return []
    value = json.loads(text)
    return value if isinstance(value, list) else []


def _json_object(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    value = json.loads(text)
    return value if isinstance(value, dict) else None


def _date_range(column: sa.ColumnElement[Any], filters: Filters) -> list[sa.ColumnElement[bool]]:
    """ISO date bounds: ``date_to`` 2021-10 keeps every day of October (an inclusive prefix)."""
    clauses: list[sa.ColumnElement[bool]] = []
    if filters.date_from is not None:
        clauses.append(column >= filters.date_from)
    if filters.date_to is not None:
        clauses.append(column <= filters.date_to + "\uffff")
    return clauses


def entity_ids(conn: sa.Connection, entity_id: str) -> list[str]:
    """The ids that stand for an entity: its current id (after redirects) and every id redirected to it."""
    found = [resolve_entity_id(conn, entity_id)]
    frontier = list(found)
    for _hop in range(8):
        if not frontier:
            break
        query = sa.select(entity_redirects.c.from_id).where(entity_redirects.c.to_id.in_(frontier))
        frontier = [ident for ident in conn.scalars(query) if ident not in found]
        found += frontier
    return found


def resolve_entity_id(conn: sa.Connection, entity_id: str) -> str:
    """The current id of an entity, following redirects (merged entities) a few hops at most."""
    current = entity_id
    for _hop in range(8):
        target = conn.scalar(sa.select(entity_redirects.c.to_id).where(entity_redirects.c.from_id == current))
        if target is None or target == current:
            return current
        current = target
    return current


def _topic_story_ids(topic_id: str | sa.BindParameter[str]) -> sa.Select[tuple[str]]:
    return sa.select(stories.c.id).where(stories.c.topic_id == topic_id)


_EVIDENCE_COLUMNS = (
    event_mentions.c.event_id,
    event_mentions.c.article_id,
    event_mentions.c.start,
    event_mentions.c.end,
    event_mentions.c.trigger_start,
    event_mentions.c.trigger_end,
)
_EVIDENCE_ORDER = (event_mentions.c.article_id, event_mentions.c.position)


def evidence_query(event_scope: sa.Select[Any]) -> sa.Select[Any]:
    """The evidence spans of the events a query of event ids selects (build it once for a hot path)."""
    return sa.select(*_EVIDENCE_COLUMNS).where(event_mentions.c.event_id.in_(event_scope)).order_by(*_EVIDENCE_ORDER)


# ---- Articles ----


_SUMMARY_NAMES = tuple(column.name for column in ARTICLE_SUMMARY_COLUMNS)


def article_summary(row: Any) -> dict[str, Any]:
    values = row_dict(row)
    return {name: values[name] for name in _SUMMARY_NAMES}


def list_articles(conn: sa.Connection, filters: Filters, limit: int, offset: int) -> dict[str, Any]:
    """Articles, most recently ingested first."""
    query = sa.select(*ARTICLE_SUMMARY_COLUMNS)
    if filters.topic is not None:
        query = query.where(articles.c.story_id.in_(_topic_story_ids(filters.topic)))
    if filters.story is not None:
        query = query.where(articles.c.story_id == filters.story)
    if filters.outlet is not None:
        query = query.where(articles.c.outlet == filters.outlet)
    for entity in (filters.actor, filters.place):
        if entity is not None:
            mentioning = sa.select(mentions.c.article_id).where(mentions.c.entity_id.in_(entity_ids(conn, entity)))
            query = query.where(articles.c.id.in_(mentioning))
    query = query.where(*_date_range(articles.c.published, filters))
    rows = conn.execute(query.order_by(articles.c.seq.desc()).limit(limit + 1).offset(offset)).all()
    return page([article_summary(row) for row in rows], limit, offset)


def get_article(conn: sa.Connection, article_id: str) -> dict[str, Any] | None:
    """One article with its text, copy and spin evidence, copies of it, and what was found in it."""
    row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).first()
    if row is None:
        return None
    record = article_summary(row) | {
        "uri": row.uri,
        "text": row.text,
        "copy_evidence": _json_object(row.copy_evidence),
        "spin_evidence": _json_object(row.spin_evidence),
    }
    copies = conn.execute(
        sa.select(articles.c.id, articles.c.title, articles.c.outlet, articles.c.copy_kind)
        .where(articles.c.copy_of == article_id)
        .order_by(articles.c.seq)
    ).all()
    record["copies"] = [dict(copy._mapping) for copy in copies]
    record["mentions"] = article_mentions(conn, [article_id]).get(article_id, [])
    record["quotes"] = article_quotes(conn, [article_id])
    record["events"] = article_event_reports(conn, [article_id])
    return record


def article_texts(conn: sa.Connection, article_ids: Sequence[str]) -> dict[str, str]:
    if not article_ids:
        return {}
    rows = conn.execute(sa.select(articles.c.id, articles.c.text).where(articles.c.id.in_(list(article_ids))))
    return {row.id: row.text for row in rows}


def article_mentions(conn: sa.Connection, article_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    if not article_ids:
        return defaultdict(list)
    query = (
        sa.select(mentions)
        .where(mentions.c.article_id.in_(list(article_ids)))
        .order_by(mentions.c.article_id, mentions.c.position)
    )
    return _mentions_by_article(conn.execute(query))


def _mentions_by_article(rows: Iterable[sa.Row[Any]]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        values = row_dict(row)
        found[values["article_id"]].append(
            {
                "start": values["start"],
                "end": values["end"],
                "text": values["text"],
                "kind": values["kind"],
                "entity_id": values["entity_id"],
                "lat": values["lat"],
                "lon": values["lon"],
            }
        )
    return found


def quote_record(row: sa.Row[Any]) -> dict[str, Any]:
    values = row_dict(row)
    return {
        "id": values["id"],
        "article_id": values["article_id"],
        "start": values["start"],
        "end": values["end"],
        "text": values["text"],
        "direct": bool(values["direct"]),
        "cue": values["cue"],
        "speaker": values["speaker"],
        "speaker_id": values["speaker_entity_id"],
        "speaker_name": values["speaker_name"],
        "same_as": values["same_as"],
    }


def quotes_query() -> sa.Select[Any]:
    return sa.select(quotes, entities.c.name.label("speaker_name")).outerjoin(
        entities, entities.c.id == quotes.c.speaker_entity_id
    )


def article_quotes(conn: sa.Connection, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    if not article_ids:
        return []
    query = quotes_query().where(quotes.c.article_id.in_(list(article_ids)))
    records = [quote_record(row) for row in conn.execute(query.order_by(quotes.c.article_id, quotes.c.position))]
    return resolve_speakers(conn, records)


def resolve_speakers(conn: sa.Connection, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Name each speaker whose id was merged into another entity since (``speaker_id`` stays as stored)."""
    unnamed = {record["speaker_id"] for record in records if record["speaker_id"] and record["speaker_name"] is None}
    current = {ident: resolve_entity_id(conn, ident) for ident in unnamed}
    names = entity_names(conn, current.values())
    for record in records:
        record["speaker_entity"] = current.get(record["speaker_id"], record["speaker_id"])
        if record["speaker_name"] is None and record["speaker_entity"] in names:
            record["speaker_name"] = names[record["speaker_entity"]]
    return records


def _event_report(row: sa.Row[Any]) -> dict[str, Any]:
    values = row_dict(row)
    return {
        "article_id": values["article_id"],
        "event_id": values["event_id"],
        "plover": values["plover"],
        "mode": values["mode"],
        "start": values["start"],
        "end": values["end"],
        "trigger_start": values["trigger_start"],
        "trigger_end": values["trigger_end"],
        "source_text": values["source_text"],
        "source_id": values["source_entity_id"],
        "target_text": values["target_text"],
        "target_id": values["target_entity_id"],
        "location_text": values["location_text"],
        "date": values["date"],
        "date_text": values["date_text"],
        "confidence": values["confidence"],
        "explanation": values["explanation"],
    }


def article_event_reports(conn: sa.Connection, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Events as reported in these articles (each with its evidence span and trigger)."""
    if not article_ids:
        return []
    query = (
        sa.select(event_mentions)
        .where(event_mentions.c.article_id.in_(list(article_ids)))
        .order_by(event_mentions.c.article_id, event_mentions.c.position)
    )
    return [_event_report(row) for row in conn.execute(query)]


# ---- Stories and topics ----


def _newest_first(column: sa.ColumnElement[Any], backend: str) -> sa.ColumnElement[Any]:
    # SQLite puts nulls last in DESC already (and then its index serves the order); PostgreSQL must be told.
    return column.desc().nulls_last() if backend == "postgresql" else column.desc()


def _story_record(row: sa.Row[Any]) -> dict[str, Any]:
    values = row_dict(row)
    return {
        "id": values["id"],
        "title": values["title"],
        "topic_id": values["topic_id"],
        "first_published": values["first_published"],
        "last_published": values["last_published"],
        "independent_sources": values["independent_sources"],
    }


def source_counts(conn: sa.Connection, story_ids: Sequence[str]) -> dict[str, dict[str, int]]:
    """Articles and distinct outlets per story."""
    if not story_ids:
        return {}
    query = (
        sa.select(articles.c.story_id, sa.func.count(), sa.func.count(sa.distinct(articles.c.outlet)))
        .where(articles.c.story_id.in_(list(story_ids)))
        .group_by(articles.c.story_id)
    )
    return {story: {"articles": int(n), "outlets": int(outlets)} for story, n, outlets in conn.execute(query)}


def list_stories(conn: sa.Connection, filters: Filters, limit: int, offset: int, backend: str) -> dict[str, Any]:
    """Stories, newest (last article published) first, each with its source counts."""
    query = sa.select(stories)
    if filters.topic is not None:
        query = query.where(stories.c.topic_id == filters.topic)
    if filters.outlet is not None:
        by_outlet = sa.select(articles.c.story_id).where(articles.c.outlet == filters.outlet)
        query = query.where(stories.c.id.in_(by_outlet))
    if filters.actor is not None:
        involved = sa.select(event_actors.c.event_id).where(
            event_actors.c.entity_id.in_(entity_ids(conn, filters.actor))
        )
        query = query.where(stories.c.id.in_(sa.select(events.c.story_id).where(events.c.id.in_(involved))))
    query = query.where(*_date_range(stories.c.last_published, filters))
    order = (_newest_first(stories.c.last_published, backend), stories.c.id)
    rows = conn.execute(query.order_by(*order).limit(limit + 1).offset(offset)).all()
    items = [_story_record(row) for row in rows]
    counts = source_counts(conn, [item["id"] for item in items[:limit]])
    for item in items:
        item["sources"] = counts.get(item["id"], {"articles": 0, "outlets": 0})
    return page(items, limit, offset)


# get_story's statements, built once: the story id is their one parameter (the hot path of the API).
_STORY_ID: sa.BindParameter[str] = sa.bindparam("story_id", type_=sa.String())
_STORY_ARTICLE_IDS = sa.select(articles.c.id).where(articles.c.story_id == _STORY_ID)
_STORY_EVENT_IDS = sa.select(events.c.id).where(events.c.story_id == _STORY_ID)
_STORY_EVIDENCE = evidence_query(_STORY_EVENT_IDS)
_STORY_STATEMENTS = {
    "story": sa.select(stories, topics.c.title.label("topic_title"))
    .outerjoin(topics, topics.c.id == stories.c.topic_id)
    .where(stories.c.id == _STORY_ID),
    "articles": sa.select(*ARTICLE_SUMMARY_COLUMNS, articles.c.text, articles.c.copy_evidence, articles.c.spin_evidence)
    .where(articles.c.story_id == _STORY_ID)
    .order_by(articles.c.seq),
    "quotes": quotes_query()
    .where(quotes.c.article_id.in_(_STORY_ARTICLE_IDS))
    .order_by(quotes.c.article_id, quotes.c.position),
    "mentions": sa.select(mentions)
    .where(mentions.c.article_id.in_(_STORY_ARTICLE_IDS))
    .order_by(mentions.c.article_id, mentions.c.position),
    "reports": sa.select(event_mentions)
    .where(event_mentions.c.article_id.in_(_STORY_ARTICLE_IDS))
    .order_by(event_mentions.c.article_id, event_mentions.c.position),
    "events": sa.select(events)
    .where(events.c.story_id == _STORY_ID)
    .order_by(events.c.date.is_(None), events.c.date, events.c.id),
}


def get_story(conn: sa.Connection, story_id: str) -> dict[str, Any] | None:
    """A story with its articles (text and copy relations), their quotes and the story's events with evidence."""
    params = {"story_id": story_id}
    row = conn.execute(_STORY_STATEMENTS["story"], params).first()
    if row is None:
        return None
    record = _story_record(row)
    record["topic"] = None if row.topic_id is None else {"id": row.topic_id, "title": row.topic_title}
    article_rows = conn.execute(_STORY_STATEMENTS["articles"], params).all()
    record["articles"] = [
        article_summary(article)
        | {
            "text": article.text,
            "copy_evidence": _json_object(article.copy_evidence),
            "spin_evidence": _json_object(article.spin_evidence),
        }
        for article in article_rows
    ]
    record["sources"] = {
        "articles": len(article_rows),
        "outlets": len({article.outlet for article in article_rows if article.outlet is not None}),
    }
    quote_records = [quote_record(quote) for quote in conn.execute(_STORY_STATEMENTS["quotes"], params)]
    record["quotes"] = resolve_speakers(conn, quote_records)
    mentions_by_article = _mentions_by_article(conn.execute(_STORY_STATEMENTS["mentions"], params))
    for article in record["articles"]:
        article["mentions"] = mentions_by_article.get(article["id"], [])
    record["event_reports"] = [_event_report(report) for report in conn.execute(_STORY_STATEMENTS["reports"], params)]
    story_events = [event_record(event) for event in conn.execute(_STORY_STATEMENTS["events"], params)]
    record["events"] = attach_evidence(conn, story_events, _STORY_EVIDENCE, params)
    return record


def list_topics(conn: sa.Connection, limit: int, offset: int) -> dict[str, Any]:
    counted = (
        sa.select(stories.c.topic_id, sa.func.count().label("story_count")).group_by(stories.c.topic_id).subquery()
    )
    query = (
        sa.select(topics.c.id, topics.c.title, sa.func.coalesce(counted.c.story_count, 0).label("story_count"))
        .outerjoin(counted, counted.c.topic_id == topics.c.id)
        .order_by(topics.c.id)
        .limit(limit + 1)
        .offset(offset)
    )
    return page([dict(row._mapping) for row in conn.execute(query)], limit, offset)


def get_topic(conn: sa.Connection, topic_id: str) -> dict[str, Any] | None:
    row = conn.execute(sa.select(topics).where(topics.c.id == topic_id)).first()
    return None if row is None else {"id": row.id, "title": row.title}


_TOPIC_ID: sa.BindParameter[str] = sa.bindparam("topic_id", type_=sa.String())
_TOPIC_EVENT_IDS = sa.select(events.c.id).where(events.c.story_id.in_(_topic_story_ids(_TOPIC_ID)))
_TOPIC_EVIDENCE = evidence_query(_TOPIC_EVENT_IDS)
_TIMELINE_STATEMENTS = {
    "topic": sa.select(topics).where(topics.c.id == _TOPIC_ID),
    "events": sa.select(events)
    .where(events.c.story_id.in_(_topic_story_ids(_TOPIC_ID)))
    .order_by(events.c.date.is_(None), events.c.date, events.c.id)
    .limit(MAX_TIMELINE_EVENTS + 1),
    "stories": sa.select(stories.c.id, stories.c.title).where(stories.c.topic_id == _TOPIC_ID).order_by(stories.c.id),
}


def topic_timeline(conn: sa.Connection, topic_id: str) -> dict[str, Any] | None:
    """The topic's events by event date (ties by id), and apart from them the undated ones."""
    params = {"topic_id": topic_id}
    topic = conn.execute(_TIMELINE_STATEMENTS["topic"], params).first()
    if topic is None:
        return None
    rows = conn.execute(_TIMELINE_STATEMENTS["events"], params).all()
    records = attach_evidence(conn, [event_record(row) for row in rows[:MAX_TIMELINE_EVENTS]], _TOPIC_EVIDENCE, params)
    names = actor_names(conn, _TOPIC_EVENT_IDS, params)
    for event in records:
        involved = (*event["source_ids"], *event["target_ids"], event["location_id"])
        event["actor_names"] = {ident: names[ident] for ident in involved if ident in names}
    stories_in_topic = conn.execute(_TIMELINE_STATEMENTS["stories"], params).all()
    return {
        "id": topic.id,
        "title": topic.title,
        "stories": [{"id": row.id, "title": row.title} for row in stories_in_topic],
        "dated": [event for event in records if event["date"] is not None],
        "undated": [event for event in records if event["date"] is None],
        "truncated": len(rows) > MAX_TIMELINE_EVENTS,
    }


def actor_names(
    conn: sa.Connection, event_scope: sa.Select[Any], params: dict[str, Any] | None = None
) -> dict[str, str]:
    """Names of every entity taking part in (or the place of) the events an id query selects."""
    query = sa.select(entities.c.id, entities.c.name).where(
        entities.c.id.in_(sa.select(event_actors.c.entity_id).where(event_actors.c.event_id.in_(event_scope)))
    )
    return {row.id: row.name for row in conn.execute(query, params)}


# ---- Entities ----


def entity_names(conn: sa.Connection, ids: Iterable[str]) -> dict[str, str]:
    wanted = sorted(set(ids))
    names: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        names.update(
            (row.id, row.name)
            for row in conn.execute(sa.select(entities.c.id, entities.c.name).where(entities.c.id.in_(chunk)))
        )
    return names


# ---- Events ----


def row_dict(row: sa.Row[Any]) -> dict[str, Any]:
    """A row as a dict by column name (zip over ``_fields``: several times faster than attribute access)."""
    return dict(zip(row._fields, row, strict=True))


def event_record(row: sa.Row[Any]) -> dict[str, Any]:
    """The contract-like event object of an ``events`` row (the row may carry more columns)."""
    record = row_dict(row)
    return {
        "id": record["id"],
        "plover": record["plover"],
        "mode": record["mode"],
        "cameo": record["cameo"],
        "source_ids": json_list(record["source_ids"]),
        "target_ids": json_list(record["target_ids"]),
        "location_id": record["location_id"],
        "date": record["date"],
        "date_text": record["date_text"],
        "story_id": record["story_id"],
        "independent_sources": record["independent_sources"],
        "confidence": record["confidence"],
    }


def actor_ids(records: Iterable[dict[str, Any]]) -> set[str]:
    found: set[str] = set()
    for record in records:
        found.update(record["source_ids"])
        found.update(record["target_ids"])
        if record["location_id"]:
            found.add(record["location_id"])
    return found


def attach_evidence(
    conn: sa.Connection,
    records: list[dict[str, Any]],
    evidence: sa.Select[Any] | None = None,
    params: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Give each event its evidence: the article spans that report it.

    ``evidence``, an ``evidence_query`` covering the records, finds all the evidence in one query (else the
    records' ids are sent in chunks); ``params`` are its bound parameters, if it has any."""
    if not records:
        return records
    by_id: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if evidence is not None:
        statements = [evidence]
    else:
        ids = [record["id"] for record in records]
        statements = [
            sa.select(*_EVIDENCE_COLUMNS)
            .where(event_mentions.c.event_id.in_(ids[start : start + 500]))
            .order_by(*_EVIDENCE_ORDER)
            for start in range(0, len(ids), 500)
        ]
    for statement in statements:
        for event_id, article_id, start, end, trigger_start, trigger_end in conn.execute(statement, params):
            by_id[event_id].append(
                {
                    "article_id": article_id,
                    "start": start,
                    "end": end,
                    "trigger_start": trigger_start,
                    "trigger_end": trigger_end,
                }
            )
    for record in records:
        record["evidence"] = by_id.get(record["id"], [])
    return records


def event_filters(conn: sa.Connection, query: sa.Select[Any], filters: Filters) -> sa.Select[Any]:
    if filters.topic is not None:
        query = query.where(events.c.story_id.in_(_topic_story_ids(filters.topic)))
    if filters.story is not None:
        query = query.where(events.c.story_id == filters.story)
    if filters.plover is not None:
        query = query.where(events.c.plover == filters.plover)
    if filters.actor is not None:
        involved = sa.select(event_actors.c.event_id).where(
            event_actors.c.entity_id.in_(entity_ids(conn, filters.actor))
        )
        query = query.where(events.c.id.in_(involved))
    if filters.place is not None:
        query = query.where(events.c.location_id.in_(entity_ids(conn, filters.place)))
    if filters.outlet is not None:
        reported = (
            sa.select(event_mentions.c.event_id)
            .join(articles, articles.c.id == event_mentions.c.article_id)
            .where(articles.c.outlet == filters.outlet)
        )
        query = query.where(events.c.id.in_(reported))
    return query.where(*_date_range(events.c.date, filters))


def list_events(conn: sa.Connection, filters: Filters, limit: int, offset: int) -> dict[str, Any]:
    """Events by date (undated last), then id."""
    query = event_filters(conn, sa.select(events), filters)
    query = query.order_by(events.c.date.is_(None), events.c.date, events.c.id).limit(limit + 1).offset(offset)
    records = attach_evidence(conn, [event_record(row) for row in conn.execute(query)])
    return page(records, limit, offset)


def current_version(conn: sa.Connection) -> int:
    """The store's version: it grows with every write readers can see (articles, views, …), by any process."""
    return int(conn.scalar(sa.select(store_version.c.version).where(store_version.c.id == 1)) or 0)
