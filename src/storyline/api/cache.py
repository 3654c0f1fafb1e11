"""A small in-process cache of encoded JSON answers, so that hot reads (a story, a timeline) skip the database.

Answers are keyed by the store's version as well as the request: a counter raised by every write readers can see
(``store_version``, see ``StoreVersion``), so anything written by any process (an article, a stage's stories or
events) makes every older answer unreachable within half a second. An answer is kept ``ttl`` seconds at most
besides. The least recently used go first when the kept answers pass ``max_entries`` or ``max_total_bytes``
together; an answer larger than ``max_bytes`` is never kept; a write through this server clears all at once.
"""

from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from fastapi import Request

from storyline.store import queries


def encode_json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


class ResponseCache:
    """Encoded JSON bodies by request (path and query), each for ``ttl`` seconds; ``ttl`` 0 keeps nothing."""

    def __init__(
        self,
        ttl: float,
        max_entries: int = 100_000,
        max_bytes: int = 1_000_000,
        max_total_bytes: int = 64 * 2**20,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.max_total_bytes = max_total_bytes
        self.clock = clock
        self._entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._total_bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    @property
    def total_bytes(self) -> int:
        """The bytes of the answers kept now (bodies only)."""
        return self._total_bytes

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._total_bytes = 0

    def key(self, request: Request, version: object) -> str:
        query = "&".join(sorted(f"{k}={v}" for k, v in request.query_params.multi_items()))
        return f"{version}|{request.url.path}?{query}"

    def get(self, key: str) -> bytes | None:
        """The kept answer for a key, or None (missing or too old)."""
        with self._lock:
            found = self._entries.get(key)
            if found is None or found[0] <= self.clock():
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return found[1]

    def put(self, key: str, body: bytes) -> None:
        if self.ttl <= 0 or len(body) > min(self.max_bytes, self.max_total_bytes):
            return
        with self._lock:
            replaced = self._entries.pop(key, None)
            if replaced is not None:
                self._total_bytes -= len(replaced[1])
            self._entries[key] = (self.clock() + self.ttl, body)
            self._total_bytes += len(body)
            while len(self._entries) > self.max_entries or self._total_bytes > self.max_total_bytes:
                _key, (_expires, dropped) = self._entries.popitem(last=False)
                self._total_bytes -= len(dropped)

    def body(self, key: str, compute: Callable[[], Any]) -> bytes:
        """The encoded answer for ``key``: kept, or computed (and kept while it may be)."""
        found = self.get(key) if self.ttl > 0 else None
        if found is not None:
            return found
        body = encode_json(compute())
        self.put(key, body)
        return body


class StoreVersion:
    """The store's version for caching (``store_version``, raised by every write), read again every ``max_age`` s.

    So whatever any process writes reaches the answers within ``max_age`` (0.5 s by default), and a cached answer
    costs no database round trip (nor a hop to a worker thread) in between.
    """

    def __init__(self, engine: sa.Engine, max_age: float = 0.5, clock: Callable[[], float] = time.monotonic) -> None:
        self.engine = engine
        self.max_age = max_age
        self.clock = clock
        self._value: tuple[float, int] | None = None

    def fresh(self) -> int | None:
        """The version when read recently enough, else None (then call ``refresh``, off the event loop)."""
        value = self._value
        return value[1] if value is not None and value[0] > self.clock() else None

    def refresh(self) -> int:
        with self.engine.connect() as conn:
            version = queries.current_version(conn)
        self._value = (self.clock() + self.max_age, version)
        return version
