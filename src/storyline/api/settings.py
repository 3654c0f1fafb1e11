"""What the HTTP API and web interface can be told: the write token, limits, and the stages an HTTP ingest runs."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from storyline.errors import StorylineError
from storyline.pipeline import DEFAULT_STAGES

TOKEN_ENV = "STORYLINE_API_TOKEN"
# The stages a POST /api/articles runs, in order: the whole pipeline, as `storyline ingest` runs it.
DEFAULT_INGEST_STAGES: tuple[str, ...] = DEFAULT_STAGES


@dataclass(frozen=True)
class ApiSettings:
    """Settings of one API server.

    ``token``: writes (ingest) need ``Authorization: Bearer <token>``; with no token writing is switched off.
    ``read_requires_token``: reads need the token too (``serve`` turns this on for a non-loopback address
    unless told the reads are public). ``max_body_bytes`` bounds a request body; ``rate_per_minute`` and
    ``rate_burst`` bound one client's requests (0 switches the limit off); ``max_page_size`` bounds ``limit``;
    ``cache_seconds`` and ``cache_megabytes`` bound the kept JSON answers (see :mod:`storyline.api.cache`).
    """

    token: str | None = None
    read_requires_token: bool = False
    max_body_bytes: int = 2_000_000
    rate_per_minute: int = 1200
    rate_burst: int = 120
    max_page_size: int = 200
    ingest_stages: tuple[str, ...] = DEFAULT_INGEST_STAGES
    # Seconds a JSON answer may be served from the in-process cache (0: never). Any write to the store, by any
    # process, invalidates every kept answer within half a second (see storyline.api.cache), so this only bounds
    # how long an answer is kept at all.
    cache_seconds: float = 300.0
    # The most memory the kept answers take together, in MiB.
    cache_megabytes: int = 64
    # Threads that compute JSON answers (database reads), first come first served.
    read_threads: int = 2
    # Create the full-text index (and the indexes the API's queries use) when the app starts.
    prepare_store: bool = True

    def __post_init__(self) -> None:
        if self.token is not None and len(self.token) < 16:
            raise StorylineError(
                "E300",
                "the API token is shorter than 16 characters",
                f"set {TOKEN_ENV} to a long random string, "
                "e.g. python -c 'import secrets; print(secrets.token_urlsafe())'",
            )
        if self.max_body_bytes < 1024:
            raise StorylineError("E301", f"max_body_bytes must be at least 1024, not {self.max_body_bytes}", None)
        if self.rate_per_minute < 0 or self.rate_burst < 1:
            raise StorylineError(
                "E301", "rate_per_minute must be 0 (off) or more and rate_burst at least 1", "pass sane limits"
            )
        if not 0 <= self.cache_seconds <= 3600:
            raise StorylineError("E301", f"cache_seconds must lie in [0, 3600], not {self.cache_seconds}", None)
        if not 1 <= self.cache_megabytes <= 65_536:
            raise StorylineError("E301", f"cache_megabytes must lie in [1, 65536], not {self.cache_megabytes}", None)
        if not 1 <= self.read_threads <= 64:
            raise StorylineError("E301", f"read_threads must lie in [1, 64], not {self.read_threads}", None)
        if not 1 <= self.max_page_size <= 10_000:
            raise StorylineError("E301", f"max_page_size must lie in [1, 10000], not {self.max_page_size}", None)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> ApiSettings:
        """Settings with the token taken from ``STORYLINE_API_TOKEN`` (empty means none)."""
        env = os.environ if environ is None else environ
        token = env.get(TOKEN_ENV, "").strip() or None
        return replace(cls(token=token), **overrides)

    @property
    def writes_enabled(self) -> bool:
        return self.token is not None


def is_loopback(host: str) -> bool:
    """Whether a host to bind to is a loopback address (``localhost`` counts)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
