"""Load test of the HTTP API: a synthetic store, a uvicorn server, and N concurrent clients in a second process.

    .venv/bin/python benchmarks/api/load.py build --db benchmarks/.data/api-100k.db --articles 100000
    .venv/bin/python benchmarks/api/load.py run --db benchmarks/.data/api-100k.db --clients 50 --duration 60 \
        --out benchmarks/api/results-2core.json

``build`` writes a store of synthetic articles through ``Repository.add_articles`` (real ids, real schema), with
stories, topics, entities, mentions, quotes, events and their evidence in the proportions below. ``run`` starts
the server (``python load.py serve``, its own process, loopback only), waits for it, then runs the clients here:
each client loops over random story and timeline requests (``--paths``) until the time is up, and the run prints
p50 / p90 / p99 / max latency, requests per second and errors per kind of request, and writes them as JSON.
Everything stays on 127.0.0.1; request loops are bounded by ``--duration`` and stop by themselves.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

from storyline.document import Document
from storyline.store import Repository
from storyline.store.models import entities, event_actors, event_mentions, events, mentions, quotes, stories, topics

ARTICLES_PER_STORY = 5
STORIES_PER_TOPIC = 100
EVENTS_PER_STORY = 3
ENTITY_COUNT = 3000
PLOVER = ("CONSULT", "ASSAULT", "AID", "ACCUSE", "PROTEST", "AGREE", "REQUEST", "COERCE", "SUPPORT", "REJECT")
OUTLETS = tuple(f"Outlet {n}" for n in range(40))
WORDS = [
    "government",
    "officials",
    "said",
    "talks",
    "ministers",
    "border",
    "troops",
    "ceasefire",
    "agreement",
    "the",
    "of",
    "and",
    "in",
    "to",
    "a",
    "on",
    "for",
    "with",
    "that",
    "was",
    "were",
    "by",
    "from",
    "at",
    "as",
    "this",
    "after",
    "before",
    "minister",
    "president",
    "spokesman",
    "statement",
    "meeting",
    "capital",
    "region",
    "forces",
    "attack",
    "aid",
    "refugees",
    "election",
    "parliament",
    "opposition",
    "leader",
    "protest",
    "police",
    "security",
    "council",
    "report",
]
CHUNK = 2000


def synthetic_text(rng: random.Random, names: list[str]) -> str:
    sentences = []
    for _ in range(rng.randint(18, 30)):
        words = [rng.choice(WORDS) for _ in range(rng.randint(10, 22))]
        words.insert(rng.randrange(len(words)), rng.choice(names))
        sentences.append(" ".join(words).capitalize() + ".")
    return "\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3))


def build(db: Path, article_count: int, seed: int) -> None:
    rng = random.Random(seed)
    names = [f"Actor{n} {rng.choice(WORDS).title()}" for n in range(ENTITY_COUNT)]
    story_count = max(1, article_count // ARTICLES_PER_STORY)
    topic_count = max(1, story_count // STORIES_PER_TOPIC)
    repo = Repository(db)
    engine = repo._engine
    started = time.perf_counter()
    try:
        with engine.begin() as conn:
            conn.execute(topics.insert(), [{"id": f"t{n}", "title": f"Topic {n}"} for n in range(topic_count)])
            conn.execute(
                entities.insert(),
                [
                    {
                        "id": f"e{n}",
                        "name": name,
                        "kind": "GPE" if n % 10 == 0 else "PERSON",
                        "aliases": json.dumps([name]),
                        "roles": "[]",
                        "lat": rng.uniform(-60, 70) if n % 10 == 0 else None,
                        "lon": rng.uniform(-180, 180) if n % 10 == 0 else None,
                        "merges": "[]",
                        "mention_count": rng.randint(1, 500),
                    }
                    for n, name in enumerate(names)
                ],
            )
        story_rows: list[dict[str, Any]] = []
        docs: list[Document] = []
        for story in range(story_count):
            day = f"2021-{1 + story % 12:02d}-{1 + story % 28:02d}"
            story_rows.append(
                {
                    "id": f"s{story}",
                    "title": f"Story {story}",
                    "topic_id": f"t{story % topic_count}",
                    "first_published": day,
                    "last_published": day,
                    "independent_sources": rng.randint(1, ARTICLES_PER_STORY),
                }
            )
            for _ in range(ARTICLES_PER_STORY):
                text = synthetic_text(rng, names)
                docs.append(
                    Document(
                        uri=f"synthetic://{len(docs)}",
                        raw_text=text,
                        text=text,
                        title=f"Report {len(docs)} on story {story}",
                        published=day,
                        outlet=rng.choice(OUTLETS),
                        language="en",
                        story_id=f"s{story}",
                    )
                )
            if len(docs) >= CHUNK:
                _store(repo, docs, rng, names)
                docs = []
        if docs:
            _store(repo, docs, rng, names)
        with engine.begin() as conn:
            conn.execute(stories.insert(), story_rows)
            _add_events(conn, rng, story_count)
    finally:
        repo.close()
    print(
        f"built {db}: {article_count} articles, {story_count} stories, {topic_count} topics "
        f"in {time.perf_counter() - started:.0f} s"
    )


def _store(repo: Repository, docs: list[Document], rng: random.Random, names: list[str]) -> None:
    repo.add_articles(docs)
    mention_rows, quote_rows = [], []
    for doc in docs:
        for position in range(3):
            ident = rng.randrange(ENTITY_COUNT)
            start = doc.text.find(names[ident])
            if start >= 0:
                mention_rows.append(
                    {
                        "article_id": doc.id,
                        "position": position,
                        "start": start,
                        "end": start + len(names[ident]),
                        "text": names[ident],
                        "kind": "PERSON",
                        "entity_id": f"e{ident}",
                    }
                )
        quote_rows.append(
            {
                "article_id": doc.id,
                "position": 0,
                "id": f"q{doc.id}",
                "start": 0,
                "end": 60,
                "text": doc.text[:60],
                "direct": True,
                "cue": "said",
                "speaker": "x",
                "speaker_entity_id": f"e{rng.randrange(ENTITY_COUNT)}",
            }
        )
    with repo._engine.begin() as conn:
        if mention_rows:
            conn.execute(mentions.insert(), mention_rows)
        conn.execute(quotes.insert(), quote_rows)


def _add_events(conn: sa.Connection, rng: random.Random, story_count: int) -> None:
    by_story: dict[str, list[str]] = {}
    for story_id, article_id in conn.execute(sa.text("SELECT story_id, id FROM articles")):
        by_story.setdefault(story_id, []).append(article_id)
    event_rows, mention_rows, actor_rows = [], [], []
    for story in range(story_count):
        for number in range(EVENTS_PER_STORY):
            ident = f"v{story}_{number}"
            source, target = rng.randrange(ENTITY_COUNT), rng.randrange(ENTITY_COUNT)
            dated = rng.random() < 0.8
            event_rows.append(
                {
                    "id": ident,
                    "plover": rng.choice(PLOVER),
                    "source_ids": json.dumps([f"e{source}"]),
                    "target_ids": json.dumps([f"e{target}"]),
                    "location_id": f"e{rng.randrange(0, ENTITY_COUNT, 10)}",
                    "date": f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if dated else None,
                    "story_id": f"s{story}",
                    "independent_sources": rng.randint(1, 3),
                    "confidence": 0.7,
                }
            )
            actor_rows += [
                {"event_id": ident, "role": "source", "entity_id": f"e{source}"},
                {"event_id": ident, "role": "target", "entity_id": f"e{target}"},
            ]
            for position, article_id in enumerate(by_story.get(f"s{story}", [])[:2]):
                mention_rows.append(
                    {
                        "article_id": article_id,
                        "position": number * 2 + position,
                        "event_id": ident,
                        "plover": event_rows[-1]["plover"],
                        "start": 10,
                        "end": 120,
                        "trigger_start": 20,
                        "trigger_end": 25,
                        "confidence": 0.7,
                        "explanation": "synthetic",
                    }
                )
        if len(event_rows) >= CHUNK:
            _flush(conn, event_rows, mention_rows, actor_rows)
            event_rows, mention_rows, actor_rows = [], [], []
    _flush(conn, event_rows, mention_rows, actor_rows)


def _flush(conn: sa.Connection, *batches: list[dict[str, Any]]) -> None:
    for table, rows in zip((events, event_mentions, event_actors), batches, strict=True):
        if rows:
            conn.execute(table.insert(), rows)


def app_factory() -> Any:
    """The app for one server worker (``uvicorn --factory``), from the environment ``serve`` sets."""
    from storyline.api import ApiSettings, create_app

    repo = Repository(os.environ["STORYLINE_BENCH_DB"])
    # The clients all come from one address: no rate limit here.
    settings = ApiSettings(
        rate_per_minute=0,
        cache_seconds=float(os.environ["STORYLINE_BENCH_CACHE"]),
        read_threads=int(os.environ.get("STORYLINE_BENCH_READ_THREADS", "2")),
    )
    return create_app(repo, settings)


def serve(db: Path, port: int, cache_seconds: float, workers: int, read_threads: int) -> None:
    import uvicorn

    os.environ["STORYLINE_BENCH_DB"] = str(db.resolve())
    os.environ["STORYLINE_BENCH_CACHE"] = str(cache_seconds)
    os.environ["STORYLINE_BENCH_READ_THREADS"] = str(read_threads)
    if workers > 1:
        app_factory()  # make the search index once, before the workers start
    uvicorn.run(
        "load:app_factory",
        factory=True,
        app_dir=str(Path(__file__).parent),
        host="127.0.0.1",
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
    )


class _Connection:
    """A minimal HTTP/1.1 keep-alive client: the load generator must cost little CPU next to the server it loads."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        await self.reader.readexactly(length)
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def _client(
    host: str,
    port: int,
    paths: list[str],
    ids: dict[str, list[str]],
    until: float,
    seed: int,
    results: dict[str, list[float]],
    errors: dict[str, int],
) -> None:
    rng = random.Random(seed)
    connection = _Connection(host, port)
    while time.perf_counter() < until:
        kind = rng.choice(paths)
        if kind == "story":
            path = f"/api/stories/{rng.choice(ids['stories'])}"
        elif kind == "timeline":
            path = f"/api/topics/{rng.choice(ids['topics'])}/timeline"
        else:
            path = f"/stories/{rng.choice(ids['stories'])}"
        began = time.perf_counter()
        try:
            status = await asyncio.wait_for(connection.get(path), timeout=30)
            problem = None if status == 200 else f"HTTP {status}"
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as error:
            problem = type(error).__name__
            await connection.close()
            connection = _Connection(host, port)
        elapsed = time.perf_counter() - began
        if problem is None:
            results.setdefault(kind, []).append(elapsed)
        else:
            errors[f"{kind}: {problem}"] = errors.get(f"{kind}: {problem}", 0) + 1
    await connection.close()


async def _load(
    port: int, clients: int, duration: float, paths: list[str], ids: dict[str, list[str]]
) -> dict[str, Any]:
    results: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    until = time.perf_counter() + duration
    await asyncio.gather(*(_client("127.0.0.1", port, paths, ids, until, n, results, errors) for n in range(clients)))
    summary: dict[str, Any] = {}
    for kind in paths:
        times = sorted(results.get(kind, []))
        summary[kind] = {
            "requests": len(times),
            "errors": sum(n for key, n in errors.items() if key.startswith(f"{kind}:")),
            "error_kinds": {key.split(": ", 1)[1]: n for key, n in errors.items() if key.startswith(f"{kind}:")},
            "rps": round(len(times) / duration, 1),
            "p50_ms": round(1000 * statistics.median(times), 1) if times else None,
            "p90_ms": round(1000 * times[int(0.90 * (len(times) - 1))], 1) if times else None,
            "p99_ms": round(1000 * times[int(0.99 * (len(times) - 1))], 1) if times else None,
            "max_ms": round(1000 * times[-1], 1) if times else None,
        }
    return summary


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def run(
    db: Path,
    port: int,
    clients: int,
    duration: float,
    paths: list[str],
    out: Path | None,
    cache_seconds: float,
    workers: int,
    read_threads: int,
    warmup: float,
) -> None:
    with Repository(db) as repo, repo._engine.connect() as conn:
        ids = {
            "stories": list(conn.scalars(sa.select(stories.c.id))),
            "topics": list(conn.scalars(sa.select(topics.c.id))),
        }
        article_count = repo.counts()["articles"]
    command = [sys.executable, __file__, "serve", "--db", str(db), "--port", str(port)]
    command += ["--cache-seconds", str(cache_seconds), "--workers", str(workers), "--read-threads", str(read_threads)]
    server = subprocess.Popen(command)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 600  # the first start builds the full-text index
        while True:
            try:
                if httpx.get(f"{base}/api/topics", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the server did not come up")
            time.sleep(0.5)
        for _ in range(3):  # warm the server up (first queries, imports)
            httpx.get(f"{base}/api/stories/{ids['stories'][0]}", timeout=30)
            httpx.get(f"{base}/api/topics/{ids['topics'][0]}/timeline", timeout=30)
        # The same load for `warmup` seconds first, measured apart: a server that has run a while has the store's
        # pages in the OS cache and its hot answers kept; the figures after it are the steady state.
        warmup_summary = asyncio.run(_load(port, clients, warmup, paths, ids)) if warmup > 0 else None
        cpu_before, wall_before = _cpu_seconds(server.pid), time.perf_counter()
        summary = asyncio.run(_load(port, clients, duration, paths, ids))
        server_cpu = _cpu_seconds(server.pid) - cpu_before
        server_wall = time.perf_counter() - wall_before
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    report = {
        "articles": article_count,
        "stories": len(ids["stories"]),
        "topics": len(ids["topics"]),
        "clients": clients,
        "duration_s": duration,
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}",
        "cache_seconds": cache_seconds,
        "server_workers": workers,
        "read_threads": read_threads,
        "warmup_s": warmup,
        # Measured on the server process (its workers, when more than one, are not counted: then null).
        "server_cpu_share": round(server_cpu / server_wall, 2) if workers == 1 else None,
        "server_cpu_ms_per_request": (
            round(1000 * server_cpu / max(1, sum(r["requests"] for r in summary.values())), 2) if workers == 1 else None
        ),
        "results": summary,
        "warmup_results": warmup_summary,
    }
    print(json.dumps(report, indent=2))
    if out is not None:
        out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build")
    build_cmd.add_argument("--db", type=Path, required=True)
    build_cmd.add_argument("--articles", type=int, default=100_000)
    build_cmd.add_argument("--seed", type=int, default=1)
    serve_cmd = commands.add_parser("serve")
    serve_cmd.add_argument("--db", type=Path, required=True)
    serve_cmd.add_argument("--port", type=int, default=8765)
    run_cmd = commands.add_parser("run")
    run_cmd.add_argument("--db", type=Path, required=True)
    run_cmd.add_argument("--port", type=int, default=8765)
    run_cmd.add_argument("--clients", type=int, default=50)
    run_cmd.add_argument("--duration", type=float, default=60.0)
    run_cmd.add_argument("--paths", default="story,timeline", help="comma-separated: story, timeline, story-page")
    run_cmd.add_argument("--out", type=Path)
    for command in (serve_cmd, run_cmd):
        command.add_argument("--cache-seconds", type=float, default=300.0, help="the API's cache_seconds (0: off)")
        command.add_argument("--workers", type=int, default=1, help="server processes")
        command.add_argument("--read-threads", type=int, default=2, help="the API's read_threads")
    run_cmd.add_argument("--warmup", type=float, default=0.0, help="seconds of the same load first, reported apart")
    args = parser.parse_args()
    if args.command == "build":
        if args.db.exists():
            raise SystemExit(f"{args.db} exists; remove it first")
        args.db.parent.mkdir(parents=True, exist_ok=True)
        build(args.db, args.articles, args.seed)
    elif args.command == "serve":
        serve(args.db, args.port, args.cache_seconds, args.workers, args.read_threads)
    else:
        run(
            args.db,
            args.port,
            args.clients,
            args.duration,
            args.paths.split(","),
            args.out,
            args.cache_seconds,
            args.workers,
            args.read_threads,
            args.warmup,
        )


if __name__ == "__main__":
    main()
