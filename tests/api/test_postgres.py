"""The API over PostgreSQL: the same answers as on SQLite, and full-text search through to_tsvector."""

from __future__ import annotations

import pytest
from api_helpers import EXAMPLES
from fastapi.testclient import TestClient
from html_audit import assert_no_script_but_ours
from seed_annotations import annotate, spun_copy

from storyline import corpus
from storyline.api import ApiSettings, create_app
from storyline.settings import Options
from storyline.store import Repository

pytestmark = pytest.mark.postgres


def test_api_on_postgresql(postgres_url: str, read_client: TestClient) -> None:
    repo = Repository(postgres_url)
    try:
        corpus.ingest([str(EXAMPLES)], repo, Options(progress=False), stages=("clean", "copies", "stories"))
        origin = next(doc for doc in repo.iter_articles() if doc.story_id and "hold talks" in doc.text)
        assert repo.add_article(spun_copy(origin))  # the same store as the SQLite one, built the same way
        annotate(repo._engine)
        app = create_app(repo, ApiSettings(rate_per_minute=0))
        with TestClient(app, raise_server_exceptions=False) as client:
            found = client.get("/api/search", params={"q": "Dushanbe capital"}).json()
            assert found["method"] == "tsvector" and found["items"]
            assert any(piece["match"] for piece in found["items"][0]["snippet"])
            stories = client.get("/api/stories").json()["items"]
            dated = [story["last_published"] for story in stories if story["last_published"]]
            assert stories[0]["last_published"] is not None and dated == sorted(dated, reverse=True)  # nulls last
            same = ("/api/stories/s1", "/api/topics/t1/timeline", "/api/entities/e9", "/api/network", "/api/events")
            for url in same:
                mine, theirs = client.get(url), read_client.get(url)
                assert mine.status_code == theirs.status_code == 200
                assert mine.json() == theirs.json(), url
            assert client.get("/api/articles", params={"outlet": "%\x01"}).status_code == 200
            assert client.get("/api/entities", params={"name": "_"}).json()["items"] == []
            for url in ("/", "/stories/s1", "/topics/t1/timeline", "/network", "/map", "/entities/e1", "/?q=Taliban"):
                response = client.get(url)
                assert response.status_code == 200, url
                assert_no_script_but_ours(response.text)
    finally:
        repo.close()
