"""The web pages: server-rendered HTML (Jinja2, autoescaped) over the same queries as the JSON API.

Untrusted text (titles, outlets, article text, names) only ever reaches a template as data, which escapes
it; highlighted text arrives as pieces (:mod:`storyline.api.highlight`), each escaped on its own. CSS
classes and link targets are built here from fixed sets and quoted ids, never from article content. The
pages need no script to be read; ``/static/app.js`` only lays the actor network out better.
"""

# No "from __future__ import annotations": FastAPI must see the local Annotated aliases of the route functions.

import math
import urllib.parse
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from storyline.api.app import DATE_PATTERN, ID_PATTERN, PACKAGE_DIR, PLOVER_PATTERN, AppState, IdPath, connection_for
from storyline.api.highlight import Mark, spin_comparisons, split_text
from storyline.api.security import ApiError, not_found
from storyline.store import graph, queries
from storyline.store.search import search

PLOVER_CATEGORIES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
MAP_WIDTH, MAP_HEIGHT = 360.0, 180.0
NETWORK_SIZE = 600.0
PAGE_SIZE = 30


def plover_class(category: str | None) -> str:
    """A CSS class for a PLOVER category, from the fixed list (anything else is ``plover-other``)."""
    return f"plover-{category.lower()}" if category in PLOVER_CATEGORIES else "plover-other"


def path_quote(value: object) -> str:
    """An id quoted as one URL path segment."""
    return urllib.parse.quote(str(value), safe="")


def safe_url(value: object) -> str | None:
    """A link target only when it is an http(s) URL; anything else (``javascript:``, ``data:``…) is no link."""
    text = str(value or "").strip()
    parsed = urllib.parse.urlsplit(text)
    if parsed.scheme.lower() in ("http", "https") and parsed.netloc:
        return urllib.parse.urlunsplit(parsed)
    return None


def templates_for(state: AppState) -> Jinja2Templates:
    environment = Environment(
        loader=FileSystemLoader(PACKAGE_DIR / "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "svg"), default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["pq"] = path_quote
    environment.filters["safe_url"] = safe_url
    environment.filters["plover_class"] = plover_class
    environment.globals["search_method"] = state.search.method
    return Jinja2Templates(env=environment)


def error_page(request: Request, error: ApiError) -> Response:
    templates: Jinja2Templates = request.app.state.storyline_templates
    return templates.TemplateResponse(request, "error.html", {"error": error}, status_code=error.status)


def page_router(state: AppState, templates: Jinja2Templates) -> APIRouter:
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
    Conn = Annotated[sa.Connection, Depends(connection_for(state))]
    backend = state.repo.backend

    def render(request: Request, name: str, context: dict[str, Any]) -> Response:
        return templates.TemplateResponse(request, name, context)

    @router.get("/")
    def index(
        request: Request,
        conn: Conn,
        q: Annotated[str | None, Query(max_length=500)] = None,
        topic: Annotated[str | None, Query(pattern=ID_PATTERN)] = None,
        offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    ) -> Response:
        query = (q or "").replace("\x00", "").strip()
        results = search(conn, state.search, query, PAGE_SIZE + 1, offset) if query else None
        story_page = queries.list_stories(conn, queries.Filters(topic=topic), PAGE_SIZE, offset, backend)
        topic_page = queries.list_topics(conn, 100, 0)
        context = {
            "q": query,
            "results": None if results is None else results[:PAGE_SIZE],
            "more_results": results is not None and len(results) > PAGE_SIZE,
            "stories": story_page,
            "topics": topic_page["items"],
            "topic": topic,
            "offset": offset,
            "page_size": PAGE_SIZE,
        }
        return render(request, "index.html", context)

    @router.get("/stories/{story_id}")
    def story_page(request: Request, conn: Conn, story_id: IdPath) -> Response:
        story = queries.get_story(conn, story_id)
        if story is None:
            raise not_found("story", story_id)
        return render(request, "story.html", {"story": story, **_story_view(conn, story)})

    @router.get("/articles/{article_id}")
    def article_page(request: Request, conn: Conn, article_id: IdPath) -> Response:
        article = queries.get_article(conn, article_id)
        if article is None:
            raise not_found("article", article_id)
        article["event_reports"] = article["events"]
        view = _article_views(conn, [article], article["quotes"], article["events"], [])
        return render(request, "article.html", {"article": article, "view": view[0]})

    @router.get("/topics/{topic_id}/timeline")
    def timeline_page(request: Request, conn: Conn, topic_id: IdPath) -> Response:
        timeline = queries.topic_timeline(conn, topic_id)
        if timeline is None:
            raise not_found("topic", topic_id)
        shown = timeline["dated"][:500] + timeline["undated"][:200]
        excerpts = _evidence_excerpts(conn, shown)
        return render(request, "timeline.html", {"timeline": timeline, "excerpts": excerpts})

    @router.get("/network")
    def network_page(
        request: Request,
        conn: Conn,
        topic: Annotated[str | None, Query(pattern=ID_PATTERN)] = None,
        plover: Annotated[str | None, Query(pattern=PLOVER_PATTERN)] = None,
        date_from: Annotated[str | None, Query(pattern=DATE_PATTERN)] = None,
        date_to: Annotated[str | None, Query(pattern=DATE_PATTERN)] = None,
    ) -> Response:
        filters = queries.Filters(topic=topic, plover=plover, date_from=date_from, date_to=date_to)
        network_graph = graph.network(conn, filters, 80)
        layout = circle_layout(network_graph, NETWORK_SIZE)
        context = {
            "graph": network_graph,
            "layout": layout,
            "size": NETWORK_SIZE,
            "categories": PLOVER_CATEGORIES,
            "filters": filters,
            "topics": queries.list_topics(conn, 100, 0)["items"],
        }
        return render(request, "network.html", context)

    @router.get("/map")
    def map_page(
        request: Request, conn: Conn, topic: Annotated[str | None, Query(pattern=ID_PATTERN)] = None
    ) -> Response:
        found = graph.places(conn, queries.Filters(topic=topic), 1000)["items"]
        points = [place | project(place["lat"], place["lon"]) for place in found]
        context = {"places": points, "width": MAP_WIDTH, "height": MAP_HEIGHT, "topic": topic}
        return render(request, "map.html", context)

    @router.get("/entities/{entity_id}")
    def entity_page(request: Request, conn: Conn, entity_id: IdPath) -> Response:
        entity = graph.get_entity(conn, entity_id)
        if entity is None:
            raise not_found("entity", entity_id)
        excerpts = _evidence_excerpts(conn, entity["events"][:300])
        return render(request, "entity.html", {"entity": entity, "excerpts": excerpts})

    return router


def project(lat: float, lon: float) -> dict[str, float]:
    """Equirectangular projection onto the map's 360 × 180 view box (the world outline uses the same)."""
    lon = ((lon + 180.0) % 360.0) - 180.0
    return {"x": round(lon + 180.0, 3), "y": round(90.0 - max(-90.0, min(90.0, lat)), 3)}


def circle_layout(graph: dict[str, Any], size: float) -> dict[str, Any]:
    """Nodes on a circle (heaviest first), edge end points, radii and stroke widths: a layout without script."""
    nodes = graph["nodes"]
    centre, radius = size / 2, size / 2 - 70
    position: dict[str, tuple[float, float]] = {}
    placed = []
    top = max((node["weight"] for node in nodes), default=1) or 1
    for index, node in enumerate(nodes):
        angle = 2 * math.pi * index / max(1, len(nodes)) - math.pi / 2
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        position[node["id"]] = (x, y)
        placed.append(
            node | {"x": round(x, 1), "y": round(y, 1), "r": round(4 + 10 * math.sqrt(node["weight"] / top), 1)}
        )
    heaviest = max((edge["weight"] for edge in graph["edges"]), default=1) or 1
    lines = []
    for edge in graph["edges"]:
        (x1, y1), (x2, y2) = position[edge["source"]], position[edge["target"]]
        width = round(1 + 5 * edge["weight"] / heaviest, 1)
        lines.append(
            edge | {"x1": round(x1, 1), "y1": round(y1, 1), "x2": round(x2, 1), "y2": round(y2, 1), "width": width}
        )
    return {"nodes": placed, "edges": lines}


def _evidence_excerpts(conn: sa.Connection, events: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Per event id, its evidence passages as pieces with the trigger marked (text from the articles)."""
    article_ids = sorted({item["article_id"] for event in events for item in event.get("evidence", [])})
    texts = queries.article_texts(conn, article_ids[:500])
    excerpts: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        shown = []
        for item in event.get("evidence", [])[:3]:
            text = texts.get(item["article_id"])
            if text is None:
                continue
            start, end = max(0, item["start"]), min(len(text), item["end"])
            trigger = Mark(item["trigger_start"] - start, item["trigger_end"] - start, "trigger", "trigger")
            shown.append({"article_id": item["article_id"], "pieces": split_text(text[start:end], [trigger])})
        excerpts[event["id"]] = shown
    return excerpts


def _story_view(conn: sa.Connection, story: dict[str, Any]) -> dict[str, Any]:
    evidence = [item | {"event": event} for event in story["events"] for item in event["evidence"]]
    views = _article_views(conn, story["articles"], story["quotes"], story["event_reports"], evidence)
    involved = {ident for event in story["events"] for ident in (*event["source_ids"], *event["target_ids"])}
    involved |= {event["location_id"] for event in story["events"] if event["location_id"]}
    names = queries.entity_names(conn, involved)
    return {"views": views, "names": names}


def _article_views(
    conn: sa.Connection,
    article_list: list[dict[str, Any]],
    quote_list: list[dict[str, Any]],
    reports: list[dict[str, Any]],
    evidence: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Per article: its text in pieces (mentions, quotes, event evidence and triggers marked) and spin diffs."""
    present = {article["id"]: article for article in article_list}
    origin_ids = {
        str(article["copy_evidence"].get("matched_id"))
        for article in article_list
        if article.get("copy_evidence") and article["copy_evidence"].get("matched_id")
    }
    origin_texts = {ident: article["text"] for ident, article in present.items()}
    origin_texts |= queries.article_texts(conn, sorted(origin_ids - set(origin_texts)))
    views = []
    for article in article_list:
        marks = [
            Mark(
                m["start"], m["end"], "mention", f"{m['kind']}: {m['text']}", f"/entities/{path_quote(m['entity_id'])}"
            )
            if m.get("entity_id")
            else Mark(m["start"], m["end"], "mention", f"{m['kind']}: {m['text']}")
            for m in article.get("mentions", [])
        ]
        marks += [
            Mark(q["start"], q["end"], "quote", f"quote of {q['speaker_name'] or q['speaker'] or 'unknown speaker'}")
            for q in quote_list
            if q["article_id"] == article["id"]
        ]
        for report in reports:
            if report["article_id"] != article["id"]:
                continue
            marks.append(Mark(report["start"], report["end"], "evidence", f"event {report['plover']}"))
            marks.append(
                Mark(report["trigger_start"], report["trigger_end"], "trigger", f"trigger of {report['plover']}")
            )
        for item in evidence:
            if item["article_id"] == article["id"]:
                marks.append(Mark(item["start"], item["end"], "evidence", f"event {item['event']['plover']}"))
        copy_evidence = article.get("copy_evidence") or None
        matched = str(copy_evidence.get("matched_id")) if copy_evidence else None
        comparisons = spin_comparisons(article["text"], copy_evidence, origin_texts.get(matched) if matched else None)
        views.append(
            {
                "id": article["id"],
                "pieces": split_text(article["text"], marks),
                "comparisons": comparisons,
                "matched_id": matched,
                "matched_present": matched in origin_texts if matched else False,
            }
        )
    return views
