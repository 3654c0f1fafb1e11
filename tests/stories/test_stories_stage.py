"""The stories stage inside a run: story ids stored, the story and topic view written, state carried across runs."""

from __future__ import annotations

from pathlib import Path

from storyline.corpus import ingest
from storyline.export.records import iter_records
from storyline.settings import Options
from storyline.store import open_store

STAGES = ("clean", "copies", "stories")


def _prefix(record: dict[str, object]) -> str:
    return Path(str(record["uri"])).name[:3]


def test_seeds_are_stored_with_their_stories_and_one_topic(store_url: str, seed_paths: list[Path]) -> None:
    repo = open_store(store_url)
    ingest([str(path) for path in seed_paths], repo, Options(), stages=STAGES)
    records = list(iter_records(repo))
    articles = {_prefix(r): r for r in records if r["type"] == "article"}
    stories = {r["id"]: r for r in records if r["type"] == "story"}
    topics = [r for r in records if r["type"] == "topic"]
    # 000 and 001 report one statement (001 rewrites 000); the others are a story each; all one topic.
    assert articles["000"]["story_id"] == articles["001"]["story_id"]
    others = {articles[p]["story_id"] for p in ("000", "002", "003", "004")}
    assert len(others) == 4 and set(stories) == others
    assert len(topics) == 1 and sorted(topics[0]["story_ids"]) == sorted(stories)  # type: ignore[type-var]
    shared = stories[articles["000"]["story_id"]]
    assert shared["article_ids"] == [articles["000"]["id"], articles["001"]["id"]]
    assert shared["topic_id"] == topics[0]["id"]
    assert shared["first_published"] == shared["last_published"] == "2021-10-07"  # only 001 states its date
    assert all(story["title"] for story in stories.values())


def test_a_second_run_continues_the_stories_of_the_first(store_url: str, seed_paths: list[Path]) -> None:
    """Ingesting in two runs gives the same stories as one run: the index is saved and restored."""
    repo = open_store(store_url)
    ingest([str(path) for path in seed_paths[:2]], repo, Options(), stages=STAGES)
    first = {a.id: a.story_id for a in repo.iter_articles()}
    assert len(set(first.values())) == 1  # 000 and 001: one story
    ingest([str(path) for path in seed_paths[2:]], repo, Options(), stages=STAGES)
    stories = list(repo.iter_stories())
    assert len(stories) == 4
    assert {a.id: a.story_id for a in repo.iter_articles()}.items() >= first.items()
    assert len(list(repo.iter_topics())) == 1


def test_articles_stored_before_the_stage_existed_are_backfilled(store_url: str, seed_paths: list[Path]) -> None:
    repo = open_store(store_url)
    ingest([str(path) for path in seed_paths[:3]], repo, Options(), stages=("clean",))
    assert all(a.story_id is None for a in repo.iter_articles())
    report = ingest([str(path) for path in seed_paths], repo, Options(), stages=("clean", "stories"))
    assert report.added == 2 and report.already_stored == 3
    stored = list(repo.iter_articles())
    assert all(a.story_id is not None for a in stored)
    assert sorted(a for s in repo.iter_stories() for a in s.article_ids) == sorted(a.id for a in stored)
