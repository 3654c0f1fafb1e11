"""The HTTP API (JSON under ``/api``, OpenAPI at ``/openapi.json``) and the web pages, over one store.

``create_app(repo, settings)`` builds the application; ``serve`` (in :mod:`storyline.api.serve`) runs it.
Reads are plain GETs; the one write, ``POST /api/articles``, needs the token and runs the ingest pipeline
(:func:`storyline.corpus.ingest`) on the posted articles, one ingest at a time.
"""

# No "from __future__ import annotations": FastAPI must see the local Annotated aliases of the route functions.

import asyncio
import io
import json
import logging
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path as FilePath
from typing import Annotated, Any, TypeVar

import sqlalchemy as sa
from fastapi import APIRouter, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import AfterValidator
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline import __version__, corpus
from storyline.api.cache import ResponseCache, StoreVersion, encode_json
from storyline.api.security import ApiError, GuardMiddleware, RateLimiter, bad_parameter, check_token, not_found
from storyline.api.settings import ApiSettings
from storyline.document import Document
from storyline.ingest import STDIN, read_input
from storyline.settings import Options
from storyline.store import Repository, graph, queries
from storyline.store.search import SearchSupport, detect_support, prepare_store, search

log = logging.getLogger(__name__)

PACKAGE_DIR = FilePath(__file__).parent
ID_PATTERN = r"^[A-Za-z0-9_.:\-]{1,64}$"
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
PLOVER_PATTERN = r"^[A-Z_]{2,32}$"
MAX_POSTED_ARTICLES = 500
JSON_TYPES = ("application/json", "application/x-ndjson", "application/jsonl")
T = TypeVar("T")


_ARTICLE_IN: dict[str, Any] = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "text": {"type": "string", "minLength": 1},
        "title": {"type": ["string", "null"]},
        "url": {"type": ["string", "null"]},
        "outlet": {"type": ["string", "null"]},
        "published": {"type": ["string", "null"], "description": "ISO date or a date as written"},
    },
}
POSTED_ARTICLES_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {"oneOf": [_ARTICLE_IN, {"type": "array", "items": _ARTICLE_IN, "minItems": 1, "maxItems": 500}]}
        }
    },
}


def _printable(value: str | None) -> str | None:
    """Refuse text no backend can compare against (NUL, lone surrogates)."""
    if value is not None and any(char == "\x00" or "\ud800" <= char <= "\udfff" for char in value):
        raise ValueError("must not contain NUL characters or lone surrogates")
    return value


IdPath = Annotated[str, Path(pattern=ID_PATTERN, description="An id as the API lists it.")]
IdQuery = Annotated[str | None, Query(pattern=ID_PATTERN)]
DateQuery = Annotated[
    str | None, Query(pattern=DATE_PATTERN, description="ISO date or prefix: 2021, 2021-10, 2021-10-07.")
]
TextQuery = Annotated[str | None, Query(min_length=1, max_length=200), AfterValidator(_printable)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]


class ReadThreads:
    """Where the JSON reads run, first come first served: a few threads, not one per waiting request, so that under
    load the event loop and the readers do not queue for Python's interpreter lock behind dozens of threads.
    Started on first use; ``close`` (at the app's shutdown) stops them, and a later use starts them again."""

    def __init__(self, count: int) -> None:
        self.count = count
        self._executor: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=self.count, thread_name_prefix="storyline-read")
            executor = self._executor
        return await asyncio.get_running_loop().run_in_executor(executor, function, *args)

    def close(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True)


@dataclass(frozen=True)
class AppState:
    """Everything a request handler needs, built once per app (no module-level state)."""

    repo: Repository
    settings: ApiSettings
    engine: sa.Engine
    search: SearchSupport
    ingest_lock: threading.Lock
    cache: ResponseCache
    version: StoreVersion
    readers: ReadThreads


def store_engine(repo: Repository) -> sa.Engine:
    """The repository's engine: the API reads with its own parameterised queries."""
    return repo.engine


def create_app(repo: Repository, settings: ApiSettings) -> FastAPI:
    """The API and pages over an open store. With ``settings.prepare_store`` the search index is made here."""
    engine = store_engine(repo)
    support = prepare_store(engine, repo.backend) if settings.prepare_store else detect_support(engine, repo.backend)
    cache = ResponseCache(settings.cache_seconds, max_total_bytes=settings.cache_megabytes * 2**20)
    readers = ReadThreads(settings.read_threads)
    state = AppState(repo, settings, engine, support, threading.Lock(), cache, StoreVersion(engine), readers)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        readers.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Storyline",
        version=__version__,
        description="Stories, events, actors, quotes and places found in news articles, with their evidence.",
        docs_url=None,  # the interactive docs load scripts from a CDN; the schema stays at /openapi.json
        redoc_url=None,
    )
    app.state.storyline = state
    _install_error_handlers(app)
    app.include_router(_api_router(state))
    from storyline.api.pages import page_router, templates_for  # pages import app's helpers

    templates = templates_for(state)
    app.state.storyline_templates = templates
    app.include_router(page_router(state, templates))
    app.mount("/static", StaticFiles(directory=PACKAGE_DIR / "static"), name="static")
    app.add_middleware(
        GuardMiddleware, settings=settings, limiter=RateLimiter(settings.rate_per_minute, settings.rate_burst)
    )
    return app


def connection_for(state: AppState) -> Any:
    """A dependency giving a read connection, after checking the read token where reads need one."""

    def connection(request: Request) -> Iterator[sa.Connection]:
        if state.settings.read_requires_token:
            check_token(request, state.settings)
        with state.engine.connect() as conn:
            yield conn

    return connection


def _answerer(state: AppState) -> Callable[[Request, Callable[[sa.Connection], Any]], Awaitable[Response]]:
    """How every JSON read is answered: from the cache when it holds the answer for the store's current
    version, else computed and encoded in one worker thread (one hop off the event loop, one connection)."""

    def compute_body(compute: Callable[[sa.Connection], Any]) -> bytes:
        with state.engine.connect() as conn:
            return encode_json(compute(conn))

    async def answer(request: Request, compute: Callable[[sa.Connection], Any]) -> Response:
        if state.settings.read_requires_token:
            check_token(request, state.settings)
        if state.cache.ttl <= 0:
            return Response(await state.readers.run(compute_body, compute), media_type="application/json")
        version = state.version.fresh()
        if version is None:
            version = await state.readers.run(state.version.refresh)
        key = state.cache.key(request, version)
        body = state.cache.get(key)
        if body is None:
            body = await state.readers.run(compute_body, compute)
            state.cache.put(key, body)
        return Response(body, media_type="application/json")

    return answer


def _api_router(state: AppState) -> APIRouter:
    router = APIRouter(prefix="/api")
    Limit = Annotated[int, Query(ge=1, le=state.settings.max_page_size)]
    backend = state.repo.backend
    answer = _answerer(state)

    @router.get("/articles", tags=["articles"], summary="Articles, most recently ingested first")
    async def list_articles(
        request: Request,
        topic: IdQuery = None,
        story: IdQuery = None,
        actor: IdQuery = None,
        place: IdQuery = None,
        outlet: TextQuery = None,
        date_from: DateQuery = None,
        date_to: DateQuery = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Response:
        filters = queries.Filters(
            topic=topic, story=story, actor=actor, place=place, outlet=outlet, date_from=date_from, date_to=date_to
        )
        return await answer(request, lambda conn: queries.list_articles(conn, filters, limit, offset))

    @router.get("/articles/{article_id}", tags=["articles"], summary="One article with its evidence and annotations")
    async def get_article(request: Request, article_id: IdPath) -> Response:
        return await answer(request, lambda conn: _found("article", article_id, queries.get_article(conn, article_id)))

    @router.post(
        "/articles",
        tags=["articles"],
        summary="Ingest articles (needs the token)",
        description=(
            "Body: one JSON article object or a list of them, each with `text` (required) and optionally `title`, "
            "`url`, `outlet`, `published`. Runs the ingest pipeline; answers what was added and what was rejected."
        ),
        responses={201: {"description": "Some articles were added"}, 200: {"description": "Nothing new was added"}},
        openapi_extra={"requestBody": POSTED_ARTICLES_BODY},
    )
    async def post_articles(request: Request) -> JSONResponse:
        check_token(request, state.settings)
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type not in JSON_TYPES:
            raise ApiError(415, "E316", f"unsupported content type {content_type or 'none'!r}", "send application/json")
        records = _posted_records(await request.body())
        report = await run_in_threadpool(_ingest_records, state, records)
        state.cache.clear()  # this server's next reads see the write at once, not within half a second
        await run_in_threadpool(state.version.refresh)
        return JSONResponse(report, status_code=201 if report["added"] else 200)

    @router.get("/stories", tags=["stories"], summary="Stories, newest first, with source counts")
    async def list_stories(
        request: Request,
        topic: IdQuery = None,
        actor: IdQuery = None,
        outlet: TextQuery = None,
        date_from: DateQuery = None,
        date_to: DateQuery = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Response:
        filters = queries.Filters(topic=topic, actor=actor, outlet=outlet, date_from=date_from, date_to=date_to)
        return await answer(request, lambda conn: queries.list_stories(conn, filters, limit, offset, backend))

    @router.get("/stories/{story_id}", tags=["stories"], summary="A story: articles, copy relations, quotes, events")
    async def get_story(request: Request, story_id: IdPath) -> Response:
        return await answer(request, lambda conn: _found("story", story_id, queries.get_story(conn, story_id)))

    @router.get("/topics", tags=["topics"], summary="Topics with their story counts")
    async def list_topics(request: Request, limit: Limit = 50, offset: Offset = 0) -> Response:
        return await answer(request, lambda conn: queries.list_topics(conn, limit, offset))

    @router.get("/topics/{topic_id}/timeline", tags=["topics"], summary="A topic's events by date, undated apart")
    async def timeline(request: Request, topic_id: IdPath) -> Response:
        return await answer(request, lambda conn: _found("topic", topic_id, queries.topic_timeline(conn, topic_id)))

    @router.get("/entities", tags=["entities"], summary="Entities, most mentioned first")
    async def list_entities(
        request: Request,
        kind: Annotated[str | None, Query(pattern=r"^[A-Z]{2,10}$")] = None,
        name: TextQuery = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Response:
        filters = queries.Filters(kind=kind, name=name)
        return await answer(request, lambda conn: graph.list_entities(conn, filters, limit, offset))

    @router.get("/entities/{entity_id}", tags=["entities"], summary="An entity: aliases, roles, quotes, events")
    async def get_entity(request: Request, entity_id: IdPath) -> Response:
        return await answer(request, lambda conn: _found("entity", entity_id, graph.get_entity(conn, entity_id)))

    @router.get("/events", tags=["events"], summary="Events by date, with their evidence")
    async def list_events(
        request: Request,
        topic: IdQuery = None,
        story: IdQuery = None,
        actor: IdQuery = None,
        plover: Annotated[str | None, Query(pattern=PLOVER_PATTERN)] = None,
        place: IdQuery = None,
        outlet: TextQuery = None,
        date_from: DateQuery = None,
        date_to: DateQuery = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Response:
        filters = queries.Filters(
            topic=topic,
            story=story,
            actor=actor,
            plover=plover,
            place=place,
            outlet=outlet,
            date_from=date_from,
            date_to=date_to,
        )
        return await answer(request, lambda conn: queries.list_events(conn, filters, limit, offset))

    @router.get("/network", tags=["events"], summary="Actors as nodes, events as edges by PLOVER category")
    async def network(
        request: Request,
        topic: IdQuery = None,
        plover: Annotated[str | None, Query(pattern=PLOVER_PATTERN)] = None,
        date_from: DateQuery = None,
        date_to: DateQuery = None,
        max_nodes: Annotated[int, Query(ge=1, le=500)] = 100,
    ) -> Response:
        filters = queries.Filters(topic=topic, plover=plover, date_from=date_from, date_to=date_to)
        return await answer(request, lambda conn: graph.network(conn, filters, max_nodes))

    @router.get("/places", tags=["events"], summary="Geocoded places with their event counts")
    async def list_places(
        request: Request,
        topic: IdQuery = None,
        plover: Annotated[str | None, Query(pattern=PLOVER_PATTERN)] = None,
        date_from: DateQuery = None,
        date_to: DateQuery = None,
        limit: Annotated[int, Query(ge=1, le=2000)] = 500,
    ) -> Response:
        filters = queries.Filters(topic=topic, plover=plover, date_from=date_from, date_to=date_to)
        return await answer(request, lambda conn: graph.places(conn, filters, limit))

    @router.get("/search", tags=["articles"], summary="Full-text search over article titles, texts and outlets")
    async def search_articles(
        request: Request,
        q: Annotated[str, Query(min_length=1, max_length=500), AfterValidator(_printable)],
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> Response:
        def found(conn: sa.Connection) -> dict[str, Any]:
            result = queries.page(search(conn, state.search, q, limit + 1, offset), limit, offset)
            return result | {"method": state.search.method}

        return await answer(request, found)

    return router


def _found(what: str, ident: str, found: dict[str, Any] | None) -> dict[str, Any]:
    if found is None:
        raise not_found(what, ident)
    return found


def _posted_records(body: bytes) -> list[dict[str, Any]]:
    """The article objects of a POST body: one JSON object, a list of them, or JSON Lines."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise bad_parameter("the body is not UTF-8", "send UTF-8 encoded JSON") from None
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        try:
            value = [json.loads(line) for line in text.splitlines() if line.strip()]
        except json.JSONDecodeError as error:
            raise bad_parameter(
                f"the body is not JSON: {error.msg} (line {error.lineno})", "send a JSON object"
            ) from None
    records = value if isinstance(value, list) else [value]
    if not records:
        raise bad_parameter("no articles in the body", "send at least one article object")
    if len(records) > MAX_POSTED_ARTICLES:
        raise ApiError(413, "E314", f"more than {MAX_POSTED_ARTICLES} articles in one request", "send fewer at a time")
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise bad_parameter(f"article {number} is not a JSON object", 'send objects like {"text": "..."}')
        if not isinstance(record.get("text"), str) or not record["text"].strip():
            raise bad_parameter(f"article {number} has no text", "give each article a non-empty string 'text'")
    return records


def _ingest_records(state: AppState, records: list[dict[str, Any]]) -> dict[str, Any]:
    """Run the ingest pipeline on posted records (as a JSON Lines stream); one ingest at a time."""
    data = "".join(json.dumps(record, ensure_ascii=True) + "\n" for record in records).encode()
    options = Options(progress=False)
    read = [item for item in read_input(STDIN, options, stdin=io.BytesIO(data)) if isinstance(item, Document)]
    with state.ingest_lock:
        report = corpus.ingest(
            [STDIN], state.repo, options, stages=state.settings.ingest_stages, stdin=io.BytesIO(data)
        )
    stored = [doc.id for doc in read if state.repo.has_article(doc.id)]
    return {
        "added": report.added,
        "already_stored": report.already_stored,
        "ids": list(dict.fromkeys(stored)),
        "rejects": [{"line": reject.line, "reason": reject.reason} for reject in report.rejects],
    }


# ---- Errors: JSON under /api, an HTML page elsewhere ----


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/openapi")) or request.url.path == "/api"


def error_response(request: Request, error: ApiError, headers: dict[str, str] | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse(error.to_dict(), status_code=error.status, headers=headers)
    from storyline.api.pages import error_page

    return error_page(request, error)


def _install_error_handlers(app: FastAPI) -> None:
    async def on_api_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, ApiError)
        return error_response(request, error)

    async def on_validation_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        problems = []
        for problem in error.errors()[:5]:
            where = ".".join(str(part) for part in problem.get("loc", ()) if part not in ("query", "path", "body"))
            problems.append(f"{where or 'request'}: {problem.get('msg', 'invalid')}")
        fix = "see /openapi.json for each parameter's form"
        return error_response(request, bad_parameter("invalid request: " + "; ".join(problems), fix))

    async def on_http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        if error.status_code == 404:
            api_error = ApiError(404, "E310", "no such page or endpoint", "see /openapi.json for the endpoints")
        elif error.status_code == 405:
            api_error = ApiError(405, "E317", "method not allowed here", "see /openapi.json for each path's methods")
        else:
            api_error = ApiError(error.status_code, "E318", str(error.detail), None)
        return error_response(request, api_error, dict(error.headers or {}))

    async def on_unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        api_error = ApiError(500, "E399", "internal error", "report it with the request that caused it")
        return error_response(request, api_error)

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(Exception, on_unexpected)
