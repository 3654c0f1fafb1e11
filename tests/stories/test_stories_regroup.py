"""Grouping a topic's window again: average-link, the mapping onto stable story ids, and moves reaching the store."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_stories_cluster import by_seed_number, seed_documents

from storyline.document import Document
from storyline.eval.stories import b_cubed, read_corpus, stream_order
from storyline.pipeline import Context
from storyline.settings import Options
from storyline.stories import STATE_KEY, StoryIndex, absorb, run
from storyline.stories.features import extract_terms
from storyline.stories.regroup import Member, attach_lone, average_link, match_groups, window_similarities

ECBPLUS = Path(__file__).resolve().parents[3] / "shared" / "bench" / "stories" / "ecbplus"
needs_ecbplus = pytest.mark.skipif(not ECBPLUS.is_dir(), reason="ECB+ is not in ../shared/bench/stories/ecbplus")


def symmetric(values: list[float], size: int) -> np.ndarray:
    matrix = np.zeros((size, size))
    matrix[np.triu_indices(size, 1)] = values[: size * (size - 1) // 2]
    return matrix + matrix.T + np.eye(size)


def test_average_link_finds_the_two_blocks_of_a_block_matrix() -> None:
    similarity = np.full((5, 5), 0.05)
    similarity[np.ix_([0, 2, 4], [0, 2, 4])] = 0.6
    similarity[np.ix_([1, 3], [1, 3])] = 0.5
    assert average_link(similarity, 0.3) == [0, 1, 0, 1, 0]
    assert average_link(similarity, 0.04) == [0, 0, 0, 0, 0]
    assert average_link(similarity, 0.7) == [0, 1, 2, 3, 4]


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 9), st.lists(st.floats(0.0, 1.0), min_size=36, max_size=36), st.floats(0.05, 0.95))
def test_average_link_groups_are_labelled_by_their_first_item_and_respect_the_threshold(
    size: int, values: list[float], threshold: float
) -> None:
    similarity = symmetric(values, size)
    labels = average_link(similarity, threshold)
    groups: dict[int, list[int]] = {}
    for item, label in enumerate(labels):
        groups.setdefault(label, []).append(item)
    assert all(min(items) == label for label, items in groups.items())
    # No two groups left apart average the threshold or more: agglomeration stopped only when none did.
    for first in groups.values():
        for second in groups.values():
            if first is not second:
                assert similarity[np.ix_(first, second)].mean() < threshold
    if threshold > similarity[np.triu_indices(size, 1)].max():
        assert labels == list(range(size))


def test_a_lone_member_joins_the_group_it_is_closest_to_only_when_close_enough() -> None:
    score = np.full((5, 5), 0.1)
    score[np.ix_([0, 1], [0, 1])] = 1.5
    score[np.ix_([2, 3], [2, 3])] = 1.5
    score[4, [2, 3]] = score[[2, 3], 4] = 0.85  # member 4 averages 0.85 with group {2, 3}
    labels = average_link(score, 1.0)
    assert labels == [0, 0, 2, 2, 4]
    assert attach_lone(labels, score, 0.8) == [0, 0, 2, 2, 2]
    assert attach_lone(labels, score, 0.9) == labels
    assert attach_lone([0, 1, 2], np.full((3, 3), 0.95), 0.5) == [0, 1, 2]  # lone members never pair up


def test_match_groups_keeps_ids_and_gives_a_split_off_part_no_story() -> None:
    # Members 0-3 were in story 7, member 4 in story 9, member 5 is new.
    stories: list[int | None] = [7, 7, 7, 7, 9, None]
    assert match_groups([0, 0, 0, 0, 4, 5], stories) == {0: 7, 4: 9, 5: None}
    assert match_groups([0, 0, 0, 3, 3, 3], stories) == {0: 7, 3: 9}  # 3 of story 7 split off, joined by 9's member
    assert match_groups([0, 0, 2, 2, 2, 2], stories) == {2: 7, 0: None}  # the larger overlap keeps story 7


@given(st.lists(st.tuples(st.integers(0, 4), st.one_of(st.none(), st.integers(0, 3))), min_size=1, max_size=20))
def test_match_groups_gives_each_story_to_one_group_at_most(pairs: list[tuple[int, int | None]]) -> None:
    labels = [label for label, _ in pairs]
    stories = [story for _, story in pairs]
    chosen = match_groups(labels, stories)
    assert set(chosen) == set(labels)
    taken = [story for story in chosen.values() if story is not None]
    assert len(taken) == len(set(taken))
    for label, story in chosen.items():
        if story is not None:
            assert any(lab == label and sto == story for lab, sto in pairs)


def members_of(texts: list[str]) -> list[Member]:
    index = StoryIndex()
    members = []
    for number, text in enumerate(texts):
        vector, _ = index._vectorise(extract_terms(text))
        terms = np.array(list(vector), dtype=np.uint32)
        members.append(Member(f"a{number}", terms, np.array(list(vector.values()), dtype=np.float32), None, number))
    return members


def test_terms_the_whole_window_shares_count_for_nothing_within_it() -> None:
    texts = [
        "The Indian navy captured 23 pirates in the Gulf of Aden in December 2008.",
        "Officials said the Indian navy captured 23 pirates in the Gulf of Aden in December 2008.",
        "The Indian navy ship Sukanya captured 26 pirates in the Gulf of Aden in March 2011.",
        "Officials said the Sukanya of the Indian navy captured 26 pirates in the Gulf of Aden in March 2011.",
    ]
    within, plain = window_similarities(members_of(texts), smoothing=0.0, power=1.0, max_gap_days=None)
    # The navy, the pirates and the Gulf of Aden are in all four: within the window only the 23 or 26, the year, the
    # month and the ship's name link articles (and "officials said", which two of the four share).
    assert within[0, 2] == pytest.approx(0.0, abs=1e-9) and within[0, 1] > 0.3 and within[2, 3] > 0.3
    # Over the whole stream's weights the shared words pull the two happenings together.
    assert plain[0, 2] > 0.3
    assert np.allclose(np.diag(within), 1.0) and np.allclose(within, within.T)


def test_articles_further_apart_than_the_gap_are_never_linked() -> None:
    members = members_of(["Storm floods the old harbour of Valletta.", "Storm floods the old harbour of Valletta."])
    members[0].day, members[1].day = 700_000, 700_010
    within, plain = window_similarities(members, smoothing=3.0, power=1.0, max_gap_days=7)
    assert within[0, 1] == plain[0, 1] == 0.0


@needs_ecbplus
def test_moves_reach_the_store_as_updates_and_a_restored_index_agrees() -> None:
    """Feed ECB+ topics 12 and 35 (two happenings each) in batches of 5: what the store would hold (the story given
    in the batch, then the updates) is what the index says at the end; absorbing into a pickled copy agrees."""
    documents = stream_order(read_corpus(ECBPLUS, [12, 35]), seed=3)
    ctx = Context(options=Options())
    stored: dict[str, str | None] = {}
    subtopic: dict[str, str] = {}
    docs = []
    for document in documents:
        doc = Document(uri=document.name, raw_text=document.text, text=document.text, language="en")
        subtopic[doc.id] = document.subtopic
        docs.append(doc)
    halfway = None
    updates = 0
    for start in range(0, len(docs), 5):
        for doc in run(docs[start : start + 5], ctx):
            stored[doc.id] = doc.story_id
        for update in ctx.updates:
            assert update.fields == ("story_id",) and update.article_id in stored
            stored[update.article_id] = update.story_id
            updates += 1
        ctx.updates.clear()
        if start == 20:
            halfway = ctx.state[STATE_KEY].__getstate__()
    index = ctx.state[STATE_KEY]
    assert ctx.counts["stories.moved"] >= updates > 0  # some moved articles were stored in an earlier batch
    assert stored == {doc.id: index.story_of(doc.id) for doc in docs}
    # Each topic's two happenings told apart for the most part (one story per topic would score about 0.67).
    assert b_cubed({a: str(s) for a, s in stored.items()}, subtopic).f1 >= 0.8
    # A run restarted from the state saved after 25 articles absorbs the rest as stored: same stories, no updates.
    assert halfway is not None
    restored = StoryIndex.__new__(StoryIndex)
    restored.__setstate__(halfway)
    later = Context(options=Options(), state={STATE_KEY: restored})
    for doc in docs[25:]:
        doc.story_id = stored[doc.id]
    absorb(docs[25:], later)
    assert {doc.id: restored.story_of(doc.id) for doc in docs} == stored
    assert later.updates == []


def test_late_articles_about_older_happenings_keep_their_place_in_the_window() -> None:
    """The seed articles with their real dates, out of publication order: 003 (January 2022) first, then 004 (August
    2021), then 000 and 001 (October 2021). A late, older article is grouped with its window and not dropped from it
    before the articles of its own happening come in."""
    docs = by_seed_number(seed_documents())
    published = {"000": None, "001": "2021-10-07", "002": None, "003": "2022-01-12", "004": "2021-08-25"}
    for number, day in published.items():
        docs[number].published = day
    ctx = Context(options=Options())
    run([docs[number] for number in ("003", "004", "000", "002", "001")], ctx)
    assert docs["000"].story_id == docs["001"].story_id
    assert len({docs[number].story_id for number in ("000", "002", "003", "004")}) == 4
