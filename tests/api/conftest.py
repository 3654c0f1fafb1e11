"""The API tests' store: the sample corpus ingested by the library (clean, copies, stories), plus annotations.

The store is built once per session; a test that writes gets a copy of the file of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api_helpers import EXAMPLES, STAGES, TOKEN, store_copy
from fastapi.testclient import TestClient
from seed_annotations import annotate, spun_copy

from storyline import corpus
from storyline.api import ApiSettings, create_app
from storyline.settings import Options
from storyline.store import Repository


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Path of the built store file and what the annotations wrote."""
    path = tmp_path_factory.mktemp("api-store") / "seed.db"
    repo = Repository(path)
    try:
        report = corpus.ingest([str(EXAMPLES)], repo, Options(progress=False), stages=STAGES)
        assert report.added == 5, report
        origin = next(doc for doc in repo.iter_articles() if doc.story_id and "hold talks" in doc.text)
        spun = spun_copy(origin)
        assert repo.add_article(spun)
        written = annotate(repo._engine)
    finally:
        repo.close()
    return {"path": path, "spun_id": spun.id, "origin_id": origin.id, **written}


@pytest.fixture(scope="session")
def read_client(seed_store: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A client of an app over a copy of the seed store, reads only (no token), no rate limit."""
    path = store_copy(seed_store, tmp_path_factory.mktemp("api-read") / "store.db")
    repo = Repository(path)
    app = create_app(repo, ApiSettings(rate_per_minute=0))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client
    repo.close()


@pytest.fixture(scope="module")
def write_client(seed_store: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A client of an app over its own copy of the seed store, with a write token."""
    path = store_copy(seed_store, tmp_path_factory.mktemp("api-write") / "store.db")
    repo = Repository(path)
    app = create_app(repo, ApiSettings(token=TOKEN, rate_per_minute=0, ingest_stages=STAGES))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client
    repo.close()
