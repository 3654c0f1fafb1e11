"""The stories stage on real articles: the seed articles' stories and topic, copies, languages, persistence."""

from __future__ import annotations

import copy
import pickle
from functools import cache
from pathlib import Path

import pytest

from storyline.document import Document
from storyline.errors import StorylineError
from storyline.ingest.text import read_text
from storyline.pipeline import Context, build, run_batch
from storyline.settings import Options
from storyline.stories import STAGE, STATE_KEY, StoryIndex, StoryOptions, run, story_index

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "afghan-resistance"


@cache
def cleaned_seeds() -> tuple[Document, ...]:
    read = [read_text(str(path), path.read_bytes()) for path in sorted(EXAMPLES.glob("*.txt"))]
    docs = [doc for doc in read if isinstance(doc, Document)]
    assert len(docs) == 5
    kept, rejects = run_batch(docs, build(["clean"]), Context(options=Options()))
    assert not rejects
    return tuple(kept)


def seed_documents() -> list[Document]:
    """The five seed articles in file (ingest) order, read and cleaned by the real ingest and clean stages."""
    return copy.deepcopy(list(cleaned_seeds()))


def by_seed_number(docs: list[Document]) -> dict[str, Document]:
    return {Path(doc.uri).name[:3]: doc for doc in docs}


def test_seed_articles_make_four_stories_of_one_topic() -> None:
    ctx = Context(options=Options())
    docs = by_seed_number(run(seed_documents(), ctx))
    # 000 and 001 are the same interview (001 a reworded machine translation); 002-004 are three other happenings.
    assert docs["000"].story_id == docs["001"].story_id
    others = [docs[number].story_id for number in ("000", "002", "003", "004")]
    assert len(set(others)) == 4
    index = story_index(ctx)
    assert len({record.topic_id for record in index.stories()}) == 1
    (topic,) = index.topics()
    assert set(topic.story_ids) == set(others)


def test_story_records_carry_titles_dates_and_sources() -> None:
    ctx = Context(options=Options())
    docs = by_seed_number(run(seed_documents(), ctx))
    index = story_index(ctx)
    records = {record.id: record for record in index.stories()}
    interview = records[str(docs["000"].story_id)]
    assert set(interview.article_ids) == {docs["000"].id, docs["001"].id}
    assert interview.title == "Afghan resistance asks for assistance from Tajikistan"  # 001's headline
    assert interview.first_published == interview.last_published == "2021-10-07"  # 000 has no date line
    assert interview.independent_sources == 2
    held = [article for record in records.values() for article in record.article_ids]
    assert sorted(held) == sorted(doc.id for doc in docs.values())  # each article in exactly one story
    assert records[str(docs["003"].story_id)].title == "Afghan opposition party says meeting with Taliban was fruitless"


def test_a_copy_joins_its_origins_story_and_is_not_an_independent_source() -> None:
    ctx = Context(options=Options())
    docs = by_seed_number(seed_documents())
    run([docs["003"]], ctx)
    copy = docs["000"]
    copy.copy_of = docs["003"].id  # as the copies stage would say, whatever the text
    run([copy], ctx)
    assert copy.story_id == docs["003"].story_id
    (record,) = story_index(ctx).stories()
    assert record.article_ids == (docs["003"].id, copy.id)
    assert record.independent_sources == 1


def test_adding_an_article_again_changes_nothing() -> None:
    ctx = Context(options=Options())
    docs = seed_documents()
    run(docs, ctx)
    before = list(story_index(ctx).stories())
    again = run(seed_documents(), ctx)
    assert [doc.story_id for doc in again] == [doc.story_id for doc in docs]
    assert list(story_index(ctx).stories()) == before
    assert len(story_index(ctx)) == 5


def test_non_english_articles_are_skipped_with_a_note() -> None:
    ctx = Context(options=Options())
    doc = Document(
        uri="ru.txt", raw_text="Талибы провели переговоры.", text="Талибы провели переговоры.", language="ru"
    )
    unknown = Document(uri="x.txt", raw_text="zzz", text="zzz", language=None)
    (ru, nothing) = run([doc, unknown], ctx)
    assert ru.story_id is None and ru.notes == ["stories: skipped, language ru"]
    assert nothing.story_id is None and nothing.notes == ["stories: skipped, language unknown"]
    assert ru.rejected is None
    assert len(story_index(ctx)) == 0


def test_the_same_report_two_months_later_is_another_story() -> None:
    ctx = Context(options=Options())
    text = by_seed_number(seed_documents())["003"].text
    first = Document(uri="a", raw_text=text, text=text, language="en", published="2022-01-11")
    week_later = Document(uri="b", raw_text=text + " ", text=text + " ", language="en", published="2022-01-18")
    months_later = Document(uri="c", raw_text=text + "  ", text=text + "  ", language="en", published="2022-03-20")
    run([first, week_later, months_later], ctx)
    assert first.story_id == week_later.story_id
    assert months_later.story_id != first.story_id
    story = next(r for r in story_index(ctx).stories() if r.id == first.story_id)
    assert (story.first_published, story.last_published) == ("2022-01-11", "2022-01-18")


def test_the_index_survives_pickling_and_goes_on_the_same_way() -> None:
    docs = seed_documents()
    ctx = Context(options=Options())
    run(docs[:3], ctx)
    restored = Context(options=Options(), state={STATE_KEY: pickle.loads(pickle.dumps(story_index(ctx)))})
    rest = seed_documents()[3:]
    run(docs[3:], ctx)
    run(rest, restored)
    assert [doc.story_id for doc in rest] == [doc.story_id for doc in docs[3:]]
    assert list(story_index(restored).stories()) == list(story_index(ctx).stories())


def test_stage_declares_what_it_needs_and_fits_after_clean() -> None:
    assert STAGE.requires == ("text", "language", "published") and STAGE.assigns == ("story_id",)
    ctx = Context(options=Options())
    stages = [*build(["clean"]), STAGE]
    read = [read_text(str(path), path.read_bytes()) for path in sorted(EXAMPLES.glob("*.txt"))]
    kept, rejects = run_batch([doc for doc in read if isinstance(doc, Document)], stages, ctx)
    assert not rejects and all(doc.story_id for doc in kept)
    assert ctx.counts["stories.new"] == 4 and ctx.counts["topics.new"] == 1


def test_state_under_the_key_must_be_a_story_index() -> None:
    assert isinstance(story_index(Context(options=Options())), StoryIndex)
    with pytest.raises(TypeError):
        story_index(Context(options=Options(), state={STATE_KEY: {}}))


def test_topic_of_follows_the_story_records() -> None:
    ctx = Context(options=Options())
    run(seed_documents(), ctx)
    index = story_index(ctx)
    for record in index.stories():
        assert index.topic_of(record.id) == record.topic_id
    with pytest.raises(KeyError):
        index.topic_of("s99")
    with pytest.raises(KeyError):
        index.topic_of("t1")


def test_bad_options_say_what_to_set() -> None:
    with pytest.raises(StorylineError, match=r"E410.*candidates"):
        StoryOptions(candidates=0)
    with pytest.raises(StorylineError, match=r"E411.*max_gap_days"):
        StoryOptions(max_gap_days=-1)
    with pytest.raises(StorylineError, match=r"E412.*colour"):
        StoryOptions(kind_weights=(("colour", 1.0),))
