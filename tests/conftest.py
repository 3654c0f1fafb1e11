"""Shared fixtures: database URLs for both backends, and the sample articles.

``store_url`` runs a test once on SQLite and once on PostgreSQL. The PostgreSQL server is a throwaway one
that the test session starts itself (``tests/pg_server.py``); without PostgreSQL those tests skip, except
under CI=true or STORYLINE_REQUIRE_PG=1, where they fail. Under CI=true the Hypothesis examples are drawn
from a fixed seed.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from pg_server import PostgresServer, PostgresUnavailable, start_server, stop_server
from storyline.copies.evidence import AlignedPassage, CopyEvidence, SpinEvidence, SpinPhrase
from storyline.document import Document, RemovedLine

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "afghan-resistance"

# CI draws the property tests' examples from a fixed seed, so a build passes or fails on the code, not on the
# draw; a developer's run explores new examples each time (and keeps what fails in .hypothesis/).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    try:
        server = start_server()
    except PostgresUnavailable as error:
        if os.environ.get("CI") == "true" or os.environ.get("STORYLINE_REQUIRE_PG") == "1":
            pytest.fail(f"PostgreSQL is required here but unavailable: {error}")
        pytest.skip(f"no PostgreSQL server: {error}")
    yield server
    stop_server(server)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'store.db'}"


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """A new, empty schema (as good as a new database to the store) on the session's server."""
    return postgres_server.create_schema()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    """Each database backend in turn: a test using it (or the fixtures below) runs once per backend."""
    return str(request.param)


@pytest.fixture
def new_store_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Callable[[], str]:
    """Make a new, empty database on the current backend at each call (for example, per Hypothesis example)."""
    if backend == "postgres":
        server: PostgresServer = request.getfixturevalue("postgres_server")
        return server.create_schema
    numbers = itertools.count(1)
    return lambda: f"sqlite:///{tmp_path / f'store{next(numbers)}.db'}"


@pytest.fixture
def store_url(new_store_url: Callable[[], str]) -> str:
    """An empty database, on each backend in turn."""
    return new_store_url()


@pytest.fixture
def seed_paths() -> list[Path]:
    return sorted(EXAMPLES.glob("*.txt"))


@pytest.fixture
def seed_documents(seed_paths: list[Path]) -> list[Document]:
    """The sample articles as Documents built directly (no ingest), text = raw text.

    The fields later stages fill are given varied values, so that every stored field is exercised: partial
    dates, a removed line, notes, a copy link with its evidence, and scores whose decimal form is long.
    """
    dates = ["2021-10-06", "2021-10", "2021", None, "2022-01-31"]
    docs = []
    for n, path in enumerate(seed_paths):
        raw = path.read_text(encoding="utf-8")
        docs.append(
            Document(
                uri=f"examples/afghan-resistance/{path.name}",
                raw_text=raw,
                title=raw.splitlines()[0].strip() or None,
                published=dates[n % len(dates)],
                outlet="TASS" if n == 0 else None,
                text=raw,
                language="en",
                language_score=1 - 1 / (n + 3),
                removed=[RemovedLine("[ad_1]", "boilerplate")] if "[ad_1]" in raw else [],
                notes=[f"seed {n}"] if n % 2 else [],
            )
        )
    docs[1].copy_of, docs[1].copy_kind, docs[1].spin_score = docs[0].id, "rewrite", 1 / 3
    docs[1].copy_evidence = CopyEvidence(docs[0].id, "rewrite", 0.8, (AlignedPassage(0, 40, 10, 52, 0.75, "semantic"),))
    docs[1].spin_evidence = SpinEvidence(1 / 3, False, (SpinPhrase(4, 14, "resistance", "opposition", 2.5),))
    return docs
