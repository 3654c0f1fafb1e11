"""The HTML pages over the sample store: what each shows, highlighting by offsets, copy diffs, and errors."""

from __future__ import annotations

import html
import re
from typing import Any

from fastapi.testclient import TestClient
from html_audit import assert_no_script_but_ours

from storyline.api.pages import circle_layout, project


def page(client: TestClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert_no_script_but_ours(response.text)
    return response.text


def test_index_lists_stories_with_source_counts(read_client: TestClient) -> None:
    text = page(read_client, "/")
    stories = read_client.get("/api/stories").json()["items"]
    positions = [text.index(f'href="/stories/{story["id"]}"') for story in stories]
    assert positions == sorted(positions)  # the API's newest-first order
    assert "3 articles" in text and "independent source" in text
    assert 'href="/topics/t1/timeline"' in text


def test_index_search_marks_matches(read_client: TestClient) -> None:
    text = page(read_client, "/?q=Dushanbe")
    assert "<mark>Dushanbe</mark>" in text
    assert "Articles matching" in text
    assert "No article matches" in page(read_client, "/?q=zzqxj")


def test_story_page_shows_copies_quotes_and_evidence(read_client: TestClient, seed_store: dict[str, Any]) -> None:
    text = page(read_client, "/stories/s1")
    # The spun copy against its origin: the origin's words struck, the substitutes inserted.
    for original, substitute in (("forces", "troops"), ("ready", "prepared"), ("talks", "discussions")):
        assert f"<del>{original}</del>" in text or re.search(rf"<del>[^<]*\b{original}\b", text), original
        assert re.search(rf"<ins>[^<]*\b{substitute}\b", text), substitute
    assert 'class="copy-relation copy-spun"' in text
    # The quote, with its speaker resolved through the redirect of its pre-merge id.
    assert "The resistance forces have never ruled out negotiations with the Taliban" in text
    assert '<a class="actor" href="/entities/e1">Abdul Latif Pedram</a>, said' in text
    # Event evidence highlighted inside the article text, the trigger marked within it.
    assert '<mark class="evidence" title="event CONSULT">ready to hold ' in text
    assert '<mark class="evidence trigger"' in text and ">talks</mark>" in text
    assert 'class="plover plover-consult"' in text


def test_article_page_links_mentions_to_entities(read_client: TestClient, seed_store: dict[str, Any]) -> None:
    text = page(read_client, f"/articles/{seed_store['origin_id']}")
    assert re.search(r'<a class="mention[^"]*" href="/entities/e1" title="PERSON: [^"]*">Abdul Latif Pedram</a>', text)
    assert "Copied by:" in text and seed_store["spun_id"] in text


def test_timeline_page_orders_dated_and_keeps_undated_apart(read_client: TestClient) -> None:
    text = page(read_client, "/topics/t1/timeline")
    dated, undated = text.split("<h2>Undated events</h2>")
    assert dated.index("2021-08-15") < dated.index("2021-10-06")
    assert "REQUEST" in undated and "ACCUSE" in undated and "REQUEST" not in dated
    assert '<mark class="trigger" title="trigger">swept</mark>' in dated


def test_network_page_draws_actors_and_events(read_client: TestClient) -> None:
    text = page(read_client, "/network")
    assert text.count('<a class="node"') == 7 - 1  # every actor of an event; Dushanbe takes part in none
    assert 'class="edge plover-assault"' in text and 'class="edge plover-consult"' in text
    assert 'href="/entities/e2"' in text
    filtered = page(read_client, "/network?plover=ACCUSE")
    assert filtered.count('<a class="node"') == 2


def test_map_page_places_dots_by_projection(read_client: TestClient) -> None:
    text = page(read_client, "/map")
    assert 'href="/static/world-110m.svg"' in text
    kabul = project(34.53, 69.17)
    assert f'cx="{kabul["x"]}" cy="{kabul["y"]}"' in text
    assert "Kabul: 1 event" in text


def test_entity_page(read_client: TestClient) -> None:
    text = page(read_client, "/entities/e9")
    assert "<h1>Abdul Latif Pedram" in text and "merged from e9" in text
    assert "leader of the National Congress Party" in text
    assert "never ruled out negotiations" in text
    assert "REQUEST" in text and '<mark class="trigger" title="trigger">expected</mark>' in text


def test_page_errors_are_html(read_client: TestClient) -> None:
    for url, status in (("/stories/nope", 404), ("/entities/nope", 404), ("/network?plover=x", 400), ("/nowhere", 404)):
        response = read_client.get(url)
        assert response.status_code == status
        assert response.headers["content-type"].startswith("text/html")
        assert f"<h1>{status}:" in response.text


def test_static_assets_are_served_locally(read_client: TestClient) -> None:
    for name in ("style.css", "app.js", "world-110m.svg"):
        response = read_client.get(f"/static/{name}")
        assert response.status_code == 200 and len(response.content) > 500
    svg = read_client.get("/static/world-110m.svg").text
    assert svg.startswith("<svg") and svg.count("Z") > 200  # ~280 rings of Natural Earth 110m
    assert "http" not in read_client.get("/static/app.js").text  # no external fetch


def test_layout_helpers() -> None:
    assert project(90, -180) == {"x": 0.0, "y": 0.0} and project(-90, 180) == {"x": 0.0, "y": 180.0}
    graph = {
        "nodes": [{"id": "a", "weight": 4}, {"id": "b", "weight": 1}],
        "edges": [{"source": "a", "target": "b", "weight": 2, "plover": "AID", "events": 1}],
    }
    layout = circle_layout(graph, 600)
    assert layout["nodes"][0]["r"] > layout["nodes"][1]["r"]
    edge = layout["edges"][0]
    assert (edge["x1"], edge["y1"]) == (layout["nodes"][0]["x"], layout["nodes"][0]["y"])


def test_escaping_of_a_stored_title(read_client: TestClient, seed_store: dict[str, Any]) -> None:
    title = read_client.get(f"/api/articles/{seed_store['spun_id']}").json()["title"]
    assert html.escape(title, quote=False) in page(read_client, "/stories/s1")
