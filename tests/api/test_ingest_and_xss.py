"""Writing over HTTP (token, content type, bounds) and a corpus of hostile articles rendered harmlessly."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from api_helpers import TOKEN, store_copy
from fastapi.testclient import TestClient
from html_audit import assert_no_script_but_ours, audit_html

from storyline.api import ApiSettings, create_app
from storyline.store import Repository

AUTH = {"Authorization": f"Bearer {TOKEN}"}

# Hostile inputs: each would run script if it reached a page unescaped (or as a link, or as an attribute).
PAYLOADS: tuple[str, ...] = (
    "<script>alert('xss-1')</script>",
    "<img src=x onerror=alert('xss-2')>",
    "<a href=\"javascript:alert('xss-3')\">click me</a>",
    "\"><svg onload=alert('xss-4')>",
    "</textarea></title><script>alert('xss-5')</script>",
    "<iframe srcdoc=\"<script>alert('xss-6')</script>\"></iframe>",
    "<div style=\"background:url(javascript:alert('xss-7'))\">",
    "<scr<script>ipt>alert('xss-8')</scr</script>ipt>",
    "'; alert('xss-9'); //",
    "<!-- <b onmouseover=alert('xss-10')> -->",
    "{{ 7 * 7 }} {% raw %}",
    "<math><mi xlink:href=\"javascript:alert('xss-11')\">x</mi></math>",
)


def hostile_articles() -> list[dict[str, Any]]:
    articles = []
    for number, payload in enumerate(PAYLOADS):
        articles.append(
            {
                "title": f"Hostile {number} {payload}",
                "outlet": f"Outlet {payload}",
                "url": "javascript:alert('xss-url')" if number % 2 else f"https://example.org/{number}?q={payload}",
                "published": "2022-03-0" + str(1 + number % 9),
                "text": (
                    f"Officials in Kabul said on Monday that talks had stalled. {payload}\n"
                    f"A spokesman for the ministry, quoted by reporters, added: {payload} and nothing more.\n"
                    "The statement followed a week of clashes near the border with Tajikistan."
                ),
            }
        )
    return articles


@pytest.fixture(scope="module")
def posted(write_client: TestClient) -> dict[str, Any]:
    response = write_client.post("/api/articles", json=hostile_articles(), headers=AUTH)
    assert response.status_code == 201, response.text
    return dict(response.json())


def test_post_adds_articles_through_the_pipeline(write_client: TestClient, posted: dict[str, Any]) -> None:
    assert posted["added"] == len(PAYLOADS) and posted["rejects"] == []
    assert len(posted["ids"]) == len(PAYLOADS)
    stored = write_client.get(f"/api/articles/{posted['ids'][0]}").json()
    assert stored["story_id"] is not None and stored["language"] == "en"  # clean and stories ran
    again = write_client.post("/api/articles", json=hostile_articles()[0], headers=AUTH)
    assert again.status_code == 200 and again.json()["added"] == 0 and again.json()["already_stored"] == 1


def test_posted_text_is_searchable(write_client: TestClient, posted: dict[str, Any]) -> None:
    found = write_client.get("/api/search", params={"q": "spokesman ministry"}).json()["items"]
    assert set(posted["ids"]) <= {item["id"] for item in found}  # the FTS triggers index new articles


def test_hostile_articles_never_reach_a_page_unescaped(write_client: TestClient, posted: dict[str, Any]) -> None:
    urls = {"/", "/?q=alert", "/?q=spokesman", "/network", "/map"}
    for article_id in posted["ids"]:
        article = write_client.get(f"/api/articles/{article_id}").json()
        urls.add(f"/articles/{article_id}")
        urls.add(f"/stories/{article['story_id']}")
    for url in sorted(urls):
        response = write_client.get(url)
        assert response.status_code == 200, url
        assert_no_script_but_ours(response.text)
        for payload in PAYLOADS:
            if "<" in payload:
                assert payload not in response.text, (url, payload)
        assert '="javascript:' not in response.text.lower()  # as text it may show; never as an attribute value
    page = write_client.get(f"/articles/{posted['ids'][0]}").text
    stored = write_client.get(f"/api/articles/{posted['ids'][0]}").json()
    shown = audit_html(page).text_content
    assert stored["text"].splitlines()[0] in shown and stored["outlet"] in shown  # shown, as text


def test_hostile_query_strings_are_escaped(write_client: TestClient) -> None:
    for payload in PAYLOADS:
        response = write_client.get("/", params={"q": payload})
        assert response.status_code == 200
        assert_no_script_but_ours(response.text)
        assert payload not in response.text or "<" not in payload


def test_json_api_returns_text_as_data(write_client: TestClient, posted: dict[str, Any]) -> None:
    response = write_client.get(f"/api/articles/{posted['ids'][0]}")
    assert response.headers["content-type"] == "application/json"
    assert PAYLOADS[0] in response.json()["title"]  # JSON keeps the text as it is; the pages escape it


@pytest.mark.parametrize(
    ("headers", "status", "code"),
    [
        ({}, 401, "E312"),
        ({"Authorization": "Bearer wrong-token-wrong-token"}, 401, "E312"),
        ({"Authorization": f"Basic {TOKEN}"}, 401, "E312"),
        ({"X-Storyline-Token": TOKEN}, 400, "E311"),  # the token is right; the body is then judged
    ],
)
def test_post_needs_the_token(write_client: TestClient, headers: dict[str, str], status: int, code: str) -> None:
    response = write_client.post(
        "/api/articles", content=b"[]", headers={"content-type": "application/json", **headers}
    )
    assert response.status_code == status
    assert response.json()["error"]["code"] == code


def test_post_is_switched_off_without_a_configured_token(read_client: TestClient) -> None:
    response = read_client.post("/api/articles", json={"text": "x"}, headers=AUTH)
    assert response.status_code == 403 and "STORYLINE_API_TOKEN" in response.json()["error"]["fix"]


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"{not json", "application/json", 400),
        (b"[]", "application/json", 400),
        (b"[1, 2]", "application/json", 400),
        (b'{"title": "no text"}', "application/json", 400),
        (b'{"text": ""}', "application/json", 400),
        (b'{"text": 5}', "application/json", 400),
        (b"\xff\xfe", "application/json", 400),
        (b'{"text": "fine"}', "text/plain", 415),
        (json.dumps([{"text": "x"}] * 501).encode(), "application/json", 413),
        (b"x" * 2_000_001, "application/json", 413),
    ],
)
def test_bad_posts_are_refused(write_client: TestClient, body: bytes, content_type: str, status: int) -> None:
    response = write_client.post("/api/articles", content=body, headers={"content-type": content_type, **AUTH})
    assert response.status_code == status, response.text
    assert response.json()["error"]["message"]


def test_chunked_body_over_the_limit_is_cut_off(write_client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(40):
            yield b" " * 100_000

    response = write_client.post(
        "/api/articles", content=chunks(), headers={"content-type": "application/json", **AUTH}
    )
    assert response.status_code == 413 and response.json()["error"]["code"] == "E314"


def test_jsonl_body_is_accepted(seed_store: dict[str, Any], tmp_path: Path) -> None:
    lines = "\n".join(
        json.dumps({"text": f"Line article {n} about a ceasefire in Kabul.", "title": f"L{n}"}) for n in range(2)
    )
    repo = Repository(store_copy(seed_store, tmp_path / "store.db"))
    try:
        app = create_app(repo, ApiSettings(token=TOKEN, ingest_stages=("clean",), prepare_store=False))
        with TestClient(app) as client:
            response = client.post(
                "/api/articles", content=lines.encode(), headers={"content-type": "application/x-ndjson", **AUTH}
            )
            assert response.status_code == 201 and response.json()["added"] == 2
            titles = {client.get(f"/api/articles/{ident}").json()["title"] for ident in response.json()["ids"]}
            assert titles == {"L0", "L1"}
    finally:
        repo.close()


def test_rate_limit_answers_429(seed_store: dict[str, Any], tmp_path: Path) -> None:
    repo = Repository(store_copy(seed_store, tmp_path / "store.db"))
    try:
        app = create_app(repo, ApiSettings(rate_per_minute=60, rate_burst=3, prepare_store=False))
        with TestClient(app) as client:
            statuses = [client.get("/api/topics").status_code for _ in range(4)]
            assert statuses == [200, 200, 200, 429]
            limited = client.get("/api/topics")
            assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
            assert limited.json()["error"]["code"] == "E315"
    finally:
        repo.close()
