"""Every JSON endpoint over the sample store: what it answers, its filters, pagination and its 4xx errors."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient


def test_openapi_lists_every_endpoint(read_client: TestClient) -> None:
    schema = read_client.get("/openapi.json").json()
    expected = {
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/topics",
        "/api/topics/{topic_id}/timeline",
        "/api/entities",
        "/api/entities/{entity_id}",
        "/api/events",
        "/api/network",
        "/api/places",
        "/api/search",
    }
    assert expected <= set(schema["paths"])
    assert "post" in schema["paths"]["/api/articles"]
    assert not any(path.startswith("/stories") for path in schema["paths"])  # pages stay out of the API schema


def test_articles_newest_ingested_first_with_pagination(read_client: TestClient, seed_store: dict[str, Any]) -> None:
    first = read_client.get("/api/articles", params={"limit": 4}).json()
    assert len(first["items"]) == 4 and first["next_offset"] == 4
    assert first["items"][0]["id"] == seed_store["spun_id"]  # stored last
    rest = read_client.get("/api/articles", params={"limit": 4, "offset": 4}).json()
    assert len(rest["items"]) == 2 and rest["next_offset"] is None
    ids = [item["id"] for item in first["items"] + rest["items"]]
    assert len(set(ids)) == 6


def test_article_filters(read_client: TestClient, seed_store: dict[str, Any]) -> None:
    by_outlet = read_client.get("/api/articles", params={"outlet": "Spinner Daily"}).json()["items"]
    assert [item["id"] for item in by_outlet] == [seed_store["spun_id"]]
    by_actor = read_client.get("/api/articles", params={"actor": "e6"}).json()["items"]
    assert by_actor and all("Nazary" in read_client.get(f"/api/articles/{a['id']}").json()["text"] for a in by_actor)
    by_old_id = read_client.get("/api/articles", params={"actor": "e9"}).json()["items"]
    by_new_id = read_client.get("/api/articles", params={"actor": "e1"}).json()["items"]
    assert by_old_id == by_new_id and by_new_id  # a merged entity's old id finds the same articles
    october = read_client.get("/api/articles", params={"date_from": "2021-10", "date_to": "2021-10"}).json()["items"]
    assert october and all(item["published"].startswith("2021-10") for item in october)
    by_topic = read_client.get("/api/articles", params={"topic": "t1"}).json()["items"]
    assert len(by_topic) == 6
    assert read_client.get("/api/articles", params={"topic": "t-none"}).json()["items"] == []


def test_article_detail_has_evidence(read_client: TestClient, seed_store: dict[str, Any]) -> None:
    spun = read_client.get(f"/api/articles/{seed_store['spun_id']}").json()
    assert spun["copy_of"] == seed_store["origin_id"] and spun["copy_kind"] == "spun"
    assert spun["copy_evidence"]["passages"][0]["how"] == "substituted"
    origin = read_client.get(f"/api/articles/{seed_store['origin_id']}").json()
    assert seed_store["spun_id"] in [copy["id"] for copy in origin["copies"]]
    for mention in origin["mentions"]:
        assert origin["text"][mention["start"] : mention["end"]] == mention["text"]
    quoted = read_client.get(f"/api/articles/{seed_store['quote_article']}").json()
    assert [quote["id"] for quote in quoted["quotes"]] == ["q1"]


def test_stories_newest_first_with_source_counts(read_client: TestClient) -> None:
    items = read_client.get("/api/stories").json()["items"]
    assert {item["id"] for item in items} == {"s1", "s2", "s3", "s4"}
    dated = [item["last_published"] for item in items if item["last_published"]]
    assert dated == sorted(dated, reverse=True)
    assert items.index(next(i for i in items if i["last_published"])) == 0  # undated stories come last
    s1 = next(item for item in items if item["id"] == "s1")
    assert s1["sources"]["articles"] == 3 and s1["sources"]["outlets"] == 1  # two seeds + the spun copy
    assert read_client.get("/api/stories", params={"actor": "e4"}).json()["items"][0]["id"] == "s4"


def test_story_detail(read_client: TestClient, seed_store: dict[str, Any]) -> None:
    story = read_client.get("/api/stories/s1").json()
    assert story["topic"]["id"] == "t1"
    kinds = {article["id"]: article["copy_kind"] for article in story["articles"]}
    assert kinds[seed_store["spun_id"]] == "spun" and "rewrite" in kinds.values()
    quote = story["quotes"][0]
    assert (quote["speaker_id"], quote["speaker_entity"], quote["speaker_name"]) == ("e9", "e1", "Abdul Latif Pedram")
    event_ids = {event["id"] for event in story["events"]}
    assert {"v1", "v3"} <= event_ids
    texts = {article["id"]: article["text"] for article in story["articles"]}
    for event in story["events"]:
        for evidence in event["evidence"]:
            span = texts[evidence["article_id"]][evidence["start"] : evidence["end"]]
            trigger = texts[evidence["article_id"]][evidence["trigger_start"] : evidence["trigger_end"]]
            assert trigger in span and span


def test_topics_and_timeline(read_client: TestClient) -> None:
    topics = read_client.get("/api/topics").json()["items"]
    assert topics == [{"id": "t1", "title": topics[0]["title"], "story_count": 4}]
    timeline = read_client.get("/api/topics/t1/timeline").json()
    assert [event["date"] for event in timeline["dated"]] == ["2021-08-15", "2021-10-06"]
    assert {event["id"] for event in timeline["undated"]} == {"v3", "v4"}
    assert all(event["date"] is None for event in timeline["undated"])
    assert timeline["dated"][0]["actor_names"]["e4"] == "Kabul"


def test_entities(read_client: TestClient) -> None:
    listed = read_client.get("/api/entities", params={"kind": "GPE"}).json()["items"]
    assert {item["id"] for item in listed} == {"e3", "e4", "e7"}
    counts = [item["mention_count"] for item in listed]
    assert counts == sorted(counts, reverse=True)
    assert [e["id"] for e in read_client.get("/api/entities", params={"name": "nazar"}).json()["items"]] == ["e6"]
    assert read_client.get("/api/entities", params={"name": "%"}).json()["items"] == []  # LIKE wildcards are literal
    pedram = read_client.get("/api/entities/e9").json()  # the old id redirects
    assert pedram["id"] == "e1" and pedram["redirected_from"] == "e9"
    assert "Pedram" in pedram["aliases"] and pedram["roles"]
    assert [quote["id"] for quote in pedram["quotes"]] == ["q1"]
    assert [(event["id"], event["roles"]) for event in pedram["events"]] == [("v3", ["source"])]
    assert pedram["mentioned_in"]


def test_events_filters(read_client: TestClient) -> None:
    def ids(**params: Any) -> list[str]:
        return [event["id"] for event in read_client.get("/api/events", params=params).json()["items"]]

    assert ids() == ["v2", "v1", "v3", "v4"]  # dated by date, then undated
    assert ids(plover="ASSAULT") == ["v2"]
    assert ids(actor="e2") == ["v2", "v1", "v4"]
    assert ids(place="e4") == ["v2"]
    assert ids(date_from="2021-09-01") == ["v1"]
    assert ids(story="s1") == ["v1", "v3"]
    assert ids(topic="t1", limit=1) == ["v2"]
    assert ids(outlet="no such outlet") == []


def test_network_edges_by_category(read_client: TestClient) -> None:
    graph = read_client.get("/api/network").json()
    edges = {(edge["source"], edge["target"], edge["plover"]): edge["weight"] for edge in graph["edges"]}
    assert edges == {
        ("e5", "e2", "CONSULT"): 1,
        ("e2", "e4", "ASSAULT"): 1,
        ("e1", "e3", "REQUEST"): 1,
        ("e6", "e2", "ACCUSE"): 1,
    }
    names = {node["id"]: node["name"] for node in graph["nodes"]}
    assert names["e2"] == "Taliban"
    only = read_client.get("/api/network", params={"plover": "ACCUSE"}).json()
    assert {node["id"] for node in only["nodes"]} == {"e6", "e2"}


def test_places(read_client: TestClient) -> None:
    items = read_client.get("/api/places").json()["items"]
    by_id = {item["id"]: item for item in items}
    assert set(by_id) == {"e3", "e4", "e7"}
    assert by_id["e4"]["event_count"] == 1 and items[0]["event_count"] >= items[-1]["event_count"]


def test_search(read_client: TestClient) -> None:
    found = read_client.get("/api/search", params={"q": "Dushanbe capital"}).json()
    assert found["method"] == "fts5" and found["items"]
    every = [
        read_client.get(f"/api/articles/{a['id']}").json() for a in read_client.get("/api/articles").json()["items"]
    ]
    expected = {a["id"] for a in every if "dushanbe" in a["text"].lower() and "capital" in a["text"].lower()}
    assert {item["id"] for item in found["items"]} == expected
    for item in found["items"]:
        assert {piece["text"].lower() for piece in item["snippet"] if piece["match"]} & {"dushanbe", "capital"}
    assert read_client.get("/api/search", params={"q": 'Taliban" OR NEAR(x'}).status_code == 200  # no FTS syntax
    assert read_client.get("/api/search", params={"q": "zzqxj"}).json()["items"] == []


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/stories/nope", 404),
        ("/api/articles/nope", 404),
        ("/api/entities/nope", 404),
        ("/api/topics/nope/timeline", 404),
        ("/api/stories?limit=0", 400),
        ("/api/stories?limit=100000", 400),
        ("/api/stories?offset=-1", 400),
        ("/api/events?date_from=yesterday", 400),
        ("/api/events?plover=lower", 400),
        ("/api/articles?outlet=%00", 400),
        ("/api/search", 400),
        ("/api/search?q=", 400),
        ("/api/stories/has%20space", 400),
        ("/api/nothing-here", 404),
    ],
)
def test_bad_requests_are_clear_json_4xx(read_client: TestClient, url: str, status: int) -> None:
    response = read_client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"].startswith("E3") and error["message"]


def test_security_headers_on_every_response(read_client: TestClient) -> None:
    for url in ("/api/stories", "/", "/api/stories/nope", "/static/style.css"):
        headers = read_client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_interactive_docs_are_off(read_client: TestClient) -> None:
    assert read_client.get("/docs").status_code == 404  # they would load scripts from a CDN
