"""Guards around every request: the write token, body size and per-client rate limits, headers, and errors.

Every refusal is a 4xx with a JSON body ``{"error": {"code", "message", "fix"}}`` (an HTML page for the web
pages), never a stack trace. The headers make the browser refuse any script the pages did not ship
(``script-src 'self'``, no inline script), so that even a mistake in escaping could not run injected code.
"""

from __future__ import annotations

import hmac
import json
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from fastapi import Request

from storyline.api.settings import TOKEN_ENV, ApiSettings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
AsgiApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
_MAX_TRACKED_CLIENTS = 10_000


class ApiError(Exception):
    """A request the API refuses: an HTTP status, a code, what is wrong and how to fix it."""

    def __init__(self, status: int, code: str, message: str, fix: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fix = fix

    def to_dict(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message, "fix": self.fix}}


def not_found(what: str, ident: str) -> ApiError:
    return ApiError(
        404, "E310", f"no {what} with id {ident!r}", "list them (GET the collection) to find an id that exists"
    )


def bad_parameter(message: str, fix: str | None = None) -> ApiError:
    return ApiError(400, "E311", message, fix)


def check_token(request: Request, settings: ApiSettings) -> None:
    """Refuse a request that lacks the configured token (``Authorization: Bearer …`` or ``X-Storyline-Token``)."""
    if settings.token is None:
        raise ApiError(
            403,
            "E313",
            "writing is switched off on this server (no API token is configured)",
            f"start the server with {TOKEN_ENV} set to a secret, and send it as 'Authorization: Bearer <token>'",
        )
    given = request.headers.get("x-storyline-token", "")
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer":
        given = credentials.strip()
    if not given or not hmac.compare_digest(given.encode(), settings.token.encode()):
        raise ApiError(
            401,
            "E312",
            "missing or wrong API token" if given else "this request needs the API token",
            "send the server's token as 'Authorization: Bearer <token>'",
        )


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """A token bucket per client address: ``burst`` requests at once, refilled at ``per_minute``."""

    def __init__(self, per_minute: int, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_second = per_minute / 60.0
        self.burst = burst
        self.clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def retry_after(self, client: str) -> float:
        """0 when the client may go on (one request is counted), else the seconds to wait."""
        if self.per_second <= 0:
            return 0.0
        now = self.clock()
        with self._lock:
            bucket = self._buckets.get(client)
            if bucket is None:
                if len(self._buckets) >= _MAX_TRACKED_CLIENTS:
                    self._forget_full_buckets(now)
                bucket = self._buckets[client] = _Bucket(float(self.burst), now)
            bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.updated) * self.per_second)
            bucket.updated = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return 0.0
            return (1.0 - bucket.tokens) / self.per_second

    def _forget_full_buckets(self, now: float) -> None:
        refill = self.burst / self.per_second
        stale = [key for key, bucket in self._buckets.items() if now - bucket.updated >= refill]
        for key in stale or list(self._buckets)[: len(self._buckets) // 2]:
            del self._buckets[key]


class _BodyTooLarge(Exception):
    pass


class GuardMiddleware:
    """Pure ASGI middleware: rate limit, body size limit and security headers on every HTTP response."""

    def __init__(self, app: AsgiApp, settings: ApiSettings, limiter: RateLimiter) -> None:
        self.app = app
        self.settings = settings
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        wait = self.limiter.retry_after(str(client[0]) if client else "unknown")
        if wait > 0:
            error = ApiError(429, "E315", "too many requests from this client", f"wait {wait:.1f} s and retry")
            await _send_error(send, error, extra=[(b"retry-after", str(max(1, round(wait))).encode())])
            return
        limit = self.settings.max_body_bytes
        declared = _header(scope, b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _send_error(send, _too_large(limit))
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {name.lower() for name, _value in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *((name, value) for name, value in SECURITY_HEADERS if name not in names),
                ]
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except _BodyTooLarge:
            if not started:
                await _send_error(send, _too_large(limit))


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "E314", f"request body larger than {limit} bytes", "send fewer or smaller articles at a time")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value).decode("latin-1").strip()
    return None


async def _send_error(send: Send, error: ApiError, extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps(error.to_dict()).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        *SECURITY_HEADERS,
        *(extra or []),
    ]
    await send({"type": "http.response.start", "status": error.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
