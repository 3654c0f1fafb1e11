"""Actors and places: entities with their quotes and events, the actor network, and the places of events."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlalchemy as sa

from storyline.store.models import articles, entities, event_actors, events, mentions, quotes
from storyline.store.queries import (
    MAX_NETWORK_EVENTS,
    Filters,
    actor_ids,
    attach_evidence,
    entity_ids,
    entity_names,
    event_filters,
    event_record,
    json_list,
    page,
    quote_record,
    quotes_query,
    resolve_entity_id,
    resolve_speakers,
)


def network(conn: sa.Connection, filters: Filters, max_nodes: int) -> dict[str, Any]:
    """Actors as nodes and, per (source, target, PLOVER category), one edge weighted by independent sources."""
    query = event_filters(conn, sa.select(events), filters).order_by(events.c.id).limit(MAX_NETWORK_EVENTS + 1)
    rows = conn.execute(query).all()
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    weight_of: dict[str, int] = defaultdict(int)
    for row in rows[:MAX_NETWORK_EVENTS]:
        sources, targets = json_list(row.source_ids), json_list(row.target_ids)
        for source in sources:
            for target in targets:
                if source == target:
                    continue
                key = (str(source), str(target), row.plover)
                edge = edges.setdefault(
                    key, {"source": key[0], "target": key[1], "plover": key[2], "weight": 0, "events": 0}
                )
                edge["weight"] += row.independent_sources
                edge["events"] += 1
                weight_of[key[0]] += row.independent_sources
                weight_of[key[1]] += row.independent_sources
    kept = sorted(weight_of, key=lambda ident: (-weight_of[ident], ident))[:max_nodes]
    kept_set = set(kept)
    names = entity_names(conn, kept)
    kinds = (
        dict(conn.execute(sa.select(entities.c.id, entities.c.kind).where(entities.c.id.in_(kept))).all())
        if kept
        else {}
    )
    nodes = [
        {"id": ident, "name": names.get(ident, ident), "kind": kinds.get(ident), "weight": weight_of[ident]}
        for ident in kept
    ]
    kept_edges = [edge for edge in edges.values() if edge["source"] in kept_set and edge["target"] in kept_set]
    kept_edges.sort(key=lambda edge: (-edge["weight"], edge["source"], edge["target"], edge["plover"]))
    return {
        "nodes": nodes,
        "edges": kept_edges,
        "truncated": len(rows) > MAX_NETWORK_EVENTS or len(weight_of) > max_nodes,
    }


def places(conn: sa.Connection, filters: Filters, limit: int) -> dict[str, Any]:
    """Geocoded places (entities with coordinates), with how many events happened there and how often named."""
    at_place = (
        event_filters(conn, sa.select(events.c.location_id, sa.func.count().label("n")), filters)
        .where(events.c.location_id.is_not(None))
        .group_by(events.c.location_id)
        .subquery()
    )
    query = (
        sa.select(entities, sa.func.coalesce(at_place.c.n, 0).label("event_count"))
        .outerjoin(at_place, at_place.c.location_id == entities.c.id)
        .where(entities.c.lat.is_not(None), entities.c.lon.is_not(None))
        .order_by(sa.desc("event_count"), entities.c.mention_count.desc(), entities.c.id)
        .limit(limit)
    )
    items = [
        {
            "id": row.id,
            "name": row.name,
            "kind": row.kind,
            "lat": row.lat,
            "lon": row.lon,
            "country": row.country,
            "mention_count": row.mention_count,
            "event_count": int(row.event_count),
        }
        for row in conn.execute(query)
    ]
    return {"items": items}


def _entity_record(row: sa.Row[Any]) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "kind": row.kind,
        "aliases": json_list(row.aliases),
        "roles": json_list(row.roles),
        "country": row.country,
        "sector": row.sector,
        "geo": None if row.lat is None else {"lat": row.lat, "lon": row.lon, "geonames_id": row.geonames_id},
        "mention_count": row.mention_count,
    }


def list_entities(conn: sa.Connection, filters: Filters, limit: int, offset: int) -> dict[str, Any]:
    """Entities, most mentioned first; ``name`` matches a part of the name, case-insensitively."""
    query = sa.select(entities)
    if filters.kind is not None:
        query = query.where(entities.c.kind == filters.kind)
    if filters.name is not None:
        pattern = "%" + filters.name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(entities.c.name.ilike(pattern, escape="\\"))
    query = query.order_by(entities.c.mention_count.desc(), entities.c.id).limit(limit + 1).offset(offset)
    return page([_entity_record(row) for row in conn.execute(query)], limit, offset)


def get_entity(conn: sa.Connection, entity_id: str) -> dict[str, Any] | None:
    """An entity with its aliases and roles, the quotes it is the speaker of, and the events it takes part in."""
    current = resolve_entity_id(conn, entity_id)
    row = conn.execute(sa.select(entities).where(entities.c.id == current)).first()
    if row is None:
        return None
    record = _entity_record(row)
    record["redirected_from"] = entity_id if current != entity_id else None
    ids = entity_ids(conn, current)
    quote_rows = conn.execute(
        quotes_query()
        .where(quotes.c.speaker_entity_id.in_(ids))
        .order_by(quotes.c.article_id, quotes.c.position)
        .limit(500)
    ).all()
    record["quotes"] = resolve_speakers(conn, [quote_record(quote) for quote in quote_rows])
    roles = conn.execute(
        sa.select(event_actors.c.event_id, event_actors.c.role).where(event_actors.c.entity_id.in_(ids))
    ).all()
    role_of: dict[str, set[str]] = defaultdict(set)
    for event_id, role in roles:
        role_of[event_id].add(role)
    event_rows = conn.execute(
        sa.select(events)
        .where(events.c.id.in_(sorted(role_of)[:2000]))
        .order_by(events.c.date.is_(None), events.c.date, events.c.id)
    ).all()
    record["events"] = attach_evidence(
        conn, [event_record(event) | {"roles": sorted(role_of[event.id])} for event in event_rows]
    )
    names = entity_names(conn, actor_ids(record["events"]))
    for event in record["events"]:
        event["actor_names"] = {ident: names[ident] for ident in actor_ids([event]) if ident in names}
    record["mentioned_in"] = [
        dict(article._mapping)
        for article in conn.execute(
            sa.select(articles.c.id, articles.c.title, articles.c.outlet, articles.c.published)
            .where(articles.c.id.in_(sa.select(mentions.c.article_id).where(mentions.c.entity_id.in_(ids))))
            .order_by(articles.c.seq)
            .limit(200)
        )
    ]
    return record
