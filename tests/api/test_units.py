"""The API's small parts on their own: text splitting and word diffs, limits, cache, settings, map outline."""

from __future__ import annotations

import struct
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st

from storyline.api.cache import ResponseCache
from storyline.api.highlight import Mark, spin_comparisons, split_text, word_diff
from storyline.api.outline import read_polygon_rings, ring_path
from storyline.api.pages import path_quote, plover_class, safe_url
from storyline.api.security import RateLimiter
from storyline.api.settings import ApiSettings, is_loopback
from storyline.errors import StorylineError
from storyline.store.search import query_terms, segments

marks = st.builds(
    Mark,
    start=st.integers(-5, 60),
    end=st.integers(-5, 60),
    css_class=st.sampled_from(["mention", "quote", "evidence", "trigger"]),
)


@given(st.text(max_size=50), st.lists(marks, max_size=8))
def test_split_text_keeps_the_text_and_marks_exactly_the_covered_pieces(text: str, given_marks: list[Mark]) -> None:
    pieces = split_text(text, given_marks)
    assert "".join(piece.text for piece in pieces) == text
    assert all(piece.text for piece in pieces)
    offset = 0
    for piece in pieces:
        covering = sorted(
            mark.css_class
            for mark in given_marks
            if max(0, mark.start) <= offset and offset + len(piece.text) <= min(len(text), mark.end)
        )
        assert sorted(piece.classes) == covering
        offset += len(piece.text)


@given(st.lists(st.sampled_from(["war", "peace", "talks", "the", "said", " ", "\n"]), max_size=20), st.data())
def test_word_diff_rebuilds_both_sides(words: list[str], data: st.DataObject) -> None:
    origin = " ".join(words)
    copy = " ".join(data.draw(st.permutations(words)))
    pieces = word_diff(origin, copy)
    assert "".join(p["text"] for p in pieces if p["op"] != "removed") == copy
    assert "".join(p["text"] for p in pieces if p["op"] != "added") == origin


def test_spin_comparison_shows_substitutions_against_the_origin() -> None:
    origin = "The rebels are ready to hold talks today."
    copy = "The rebels are prepared to hold discussions today."
    evidence = {"passages": [{"start": 0, "end": len(copy), "other_start": 0, "other_end": len(origin),
                              "similarity": 0.7, "how": "substituted"}]}  # fmt: skip
    [comparison] = spin_comparisons(copy, evidence, origin)
    assert {p["text"] for p in comparison["diff"] if p["op"] == "removed"} == {"ready", "talks"}
    assert {p["text"] for p in comparison["diff"] if p["op"] == "added"} == {"prepared", "discussions"}
    assert spin_comparisons(copy, evidence, None) == []
    assert spin_comparisons(copy, {"passages": [{"how": "substituted"}]}, origin) == []  # malformed: skipped


def test_search_terms_drop_every_operator() -> None:
    assert query_terms('Taliban" OR NEAR(x, y) -Kabul *') == ["Taliban", "OR", "NEAR", "x", "y", "Kabul"]
    assert query_terms("") == [] and len(query_terms("a " * 50)) == 16
    assert segments("a \x02b\x03 c") == [
        {"text": "a ", "match": False},
        {"text": "b", "match": True},
        {"text": " c", "match": False},
    ]


def test_rate_limiter_refills_over_time() -> None:
    now = [0.0]
    limiter = RateLimiter(per_minute=60, burst=2, clock=lambda: now[0])
    assert [limiter.retry_after("a") for _ in range(3)][:2] == [0.0, 0.0]
    assert limiter.retry_after("a") > 0 and limiter.retry_after("b") == 0.0  # per client
    now[0] += 1.0
    assert limiter.retry_after("a") == 0.0
    assert RateLimiter(per_minute=0, burst=1).retry_after("x") == 0.0  # switched off


def test_response_cache_expires_and_bounds() -> None:
    now = [0.0]
    calls: list[int] = []
    cache = ResponseCache(ttl=2.0, max_entries=2, clock=lambda: now[0])

    def compute() -> dict[str, int]:
        calls.append(1)
        return {"n": len(calls)}

    assert cache.body("a", compute) == cache.body("a", compute) == b'{"n":1}'
    now[0] += 2.5
    assert cache.body("a", compute) == b'{"n":2}'
    cache.body("b", compute)
    cache.body("c", compute)
    assert cache.body("a", compute) == b'{"n":5}'  # "a" was the least recently used and went
    assert ResponseCache(ttl=0).body("x", compute) == b'{"n":6}'


def test_response_cache_keeps_within_its_byte_budget() -> None:
    cache = ResponseCache(ttl=60.0, max_total_bytes=100)
    for n in range(10):
        cache.put(f"k{n}", bytes(30))
        assert cache.total_bytes <= 100
    assert cache.total_bytes == 90 and cache.get("k9") is not None and cache.get("k6") is None
    cache.put("k9", bytes(10))  # replacing an answer counts its new size only
    assert cache.total_bytes == 70
    cache.put("big", bytes(101))  # larger than the whole budget: never kept
    assert cache.get("big") is None and cache.total_bytes == 70
    cache.clear()
    assert cache.total_bytes == 0 and cache.get("k9") is None


def test_settings_validation_and_environment() -> None:
    assert ApiSettings.from_env({"STORYLINE_API_TOKEN": " " + "t" * 20 + " "}).token == "t" * 20
    assert ApiSettings.from_env({}).writes_enabled is False
    for bad in ({"token": "short"}, {"max_body_bytes": 10}, {"rate_burst": 0}, {"max_page_size": 0}):
        with pytest.raises(StorylineError):
            ApiSettings(**bad)  # type: ignore[arg-type]
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("example.org")


def test_link_helpers() -> None:
    assert safe_url("https://example.org/a?b=<c>") == "https://example.org/a?b=<c>"
    for hostile in ("javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x", "//evil", "http://"):
        assert safe_url(hostile) is None
    assert path_quote("a/b?c") == "a%2Fb%3Fc"
    assert plover_class("ASSAULT") == "plover-assault" and plover_class('x" onclick="y') == "plover-other"


def test_outline_reads_polygon_shapefiles() -> None:
    ring = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 0.0)]
    content = struct.pack("<i4d2i", 5, 0, 0, 10, 10, 1, len(ring)) + struct.pack("<i", 0)
    content += b"".join(struct.pack("<2d", x, y) for x, y in ring)
    shp = bytes(100) + struct.pack(">2i", 1, len(content) // 2) + content
    assert read_polygon_rings(shp) == [ring]
    assert ring_path(ring) == "M180 90L190 90L190 80Z"
    assert ring_path([(0.0, 0.0), (0.01, 0.01), (0.0, 0.0)]) == ""  # collapses below a triangle


def test_cached_answers_follow_the_store(seed_store: dict[str, object], tmp_path: Path) -> None:
    """What another process (here: another Repository) writes shows within half a second, cache or not: a new
    article, and a stage's view written without any new article."""
    from api_helpers import store_copy
    from fastapi.testclient import TestClient

    from storyline.api import create_app
    from storyline.document import Document, Story
    from storyline.store import Repository
    from storyline.store.models import stories

    path = store_copy(seed_store, tmp_path / "store.db")
    server_repo, writer = Repository(path), Repository(path)
    try:
        app = create_app(server_repo, ApiSettings(rate_per_minute=0, cache_seconds=600))
        with TestClient(app) as client:
            before = client.get("/api/stories/s1").json()
            assert client.get("/api/stories/s1").json() == before  # from the cache
            doc = Document(uri="other://1", raw_text="Late report.", text="Late report.", language="en", story_id="s1")
            assert writer.add_article(doc)
            time.sleep(0.6)  # StoreVersion reads the store's version again every 0.5 s
            after = client.get("/api/stories/s1").json()
            assert [a["id"] for a in after["articles"]] == [*(a["id"] for a in before["articles"]), doc.id]
            with writer.engine.connect() as conn:
                rows = conn.execute(sa.select(stories)).all()
            writer.replace_stories(  # what the stories stage's finish does: no new article, new titles
                [
                    Story(row.id, f"Retitled {row.id}", None, (), row.first_published, row.last_published, 1)
                    for row in rows
                ],
                [],
            )
            time.sleep(0.6)
            assert client.get("/api/stories/s1").json()["title"] == "Retitled s1"
    finally:
        writer.close()
        server_repo.close()


def test_serve_refuses_an_open_address_without_a_token(tmp_path: Path) -> None:
    from storyline.api import serve

    with pytest.raises(StorylineError) as refused:
        serve(str(tmp_path / "store.db"), host="0.0.0.0", settings=ApiSettings())
    assert refused.value.code == "E302" and not (tmp_path / "store.db").exists()  # refused before opening
    with pytest.raises(StorylineError) as bad_port:
        serve(str(tmp_path / "store.db"), port=70000, settings=ApiSettings())
    assert bad_port.value.code == "E303"
