"""``storyline serve``: run the API and pages over a store with uvicorn, on loopback unless told otherwise."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from dataclasses import replace
from typing import Any

from storyline.api.settings import TOKEN_ENV, ApiSettings, is_loopback
from storyline.errors import StorylineError
from storyline.store import Repository

log = logging.getLogger(__name__)

# How ``serve`` hands the store and settings to worker processes (``app_from_environment``); the token travels in
# STORYLINE_API_TOKEN, as it came.
DB_ENV = "STORYLINE_SERVE_DB"
SETTINGS_ENV = "STORYLINE_SERVE_SETTINGS"
MAX_WORKERS = 64


def serve(
    db: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    settings: ApiSettings | None = None,
    public_reads: bool = False,
    log_level: str = "info",
    workers: int = 1,
) -> None:
    """Open the store at ``db`` and serve it until interrupted.

    ``settings`` default to :meth:`ApiSettings.from_env` (the token from ``STORYLINE_API_TOKEN``). On an
    address other than loopback, reads need the token too, unless ``public_reads``; with neither a token
    nor ``public_reads`` such an address is refused. ``workers`` > 1 runs that many server processes on one
    port (each with its own cache and its own per-client rate limits); the full-text index is made once, first.
    """
    import uvicorn

    from storyline.api.app import create_app

    chosen = settings if settings is not None else ApiSettings.from_env()
    if not is_loopback(host) and not public_reads:
        if chosen.token is None:
            raise StorylineError(
                "E302",
                f"refusing to serve on {host}, reachable from other machines, with no API token",
                "set STORYLINE_API_TOKEN (reads and writes then need it), pass --public to open reads, "
                "or bind 127.0.0.1",
            )
        chosen = replace(chosen, read_requires_token=True)
    if not 1 <= port <= 65535:
        raise StorylineError("E303", f"port {port} is not a TCP port", "pass a port between 1 and 65535")
    if not 1 <= workers <= MAX_WORKERS:
        raise StorylineError("E304", f"{workers} workers", f"pass between 1 and {MAX_WORKERS} worker processes")
    repo = Repository(db)
    try:
        app = create_app(repo, chosen)
        if workers == 1:
            uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)
            return
    finally:
        repo.close()
    os.environ[DB_ENV] = db
    os.environ[SETTINGS_ENV] = settings_to_json(replace(chosen, prepare_store=False))
    if chosen.token is not None:
        os.environ[TOKEN_ENV] = chosen.token
    uvicorn.run(
        "storyline.api.serve:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        server_header=False,
    )


def settings_to_json(settings: ApiSettings) -> str:
    """The settings as JSON, without the token (see ``settings_from_json``)."""
    values = dataclasses.asdict(settings)
    del values["token"]
    return json.dumps(values)


def settings_from_json(text: str, token: str | None) -> ApiSettings:
    values: dict[str, Any] = json.loads(text)
    values["ingest_stages"] = tuple(values["ingest_stages"])
    return ApiSettings(token=token, **values)


def app_from_environment() -> Any:
    """The app of one worker process of ``serve(workers=N)`` (a uvicorn factory), from the environment it set."""
    from storyline.api.app import create_app

    token = os.environ.get(TOKEN_ENV, "").strip() or None
    return create_app(Repository(os.environ[DB_ENV]), settings_from_json(os.environ[SETTINGS_ENV], token))
