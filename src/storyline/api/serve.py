"""``storyline serve``: run the API and pages over a store with uvicorn, on loopback unless told otherwise."""

from __future__ import annotations

import logging
from dataclasses import replace

from storyline.api.settings import ApiSettings, is_loopback
from storyline.errors import StorylineError
from storyline.store import Repository

log = logging.getLogger(__name__)


def serve(
    db: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    settings: ApiSettings | None = None,
    public_reads: bool = False,
    log_level: str = "info",
) -> None:
    """Open the store at ``db`` and serve it until interrupted.

    ``settings`` default to :meth:`ApiSettings.from_env` (the token from ``STORYLINE_API_TOKEN``). On an
    address other than loopback, reads need the token too, unless ``public_reads``; with neither a token
    nor ``public_reads`` such an address is refused.
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
    repo = Repository(db)
    try:
        app = create_app(repo, chosen)
        uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)
    finally:
        repo.close()
