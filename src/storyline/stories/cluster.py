"""Online story and topic clustering: each article joins the story it reports, or opens one.

The :class:`StoryIndex` is the corpus-level state of the ``stories`` stage. It is updated one article at a time and
never re-clusters what it holds:

1. The article's terms (:mod:`storyline.stories.features`) are weighted by kind and by inverse document frequency,
   counted online over every article the index has seen, and the strongest ``doc_terms`` make its vector.
2. Candidate stories come from an inverted index over the strongest terms of every story's centroid (the most
   recently posted ``postings_scanned`` stories per term, so old stories fall out of reach as the store grows).
3. The article joins the candidate whose centroid it is most similar to, when that similarity reaches
   ``story_threshold`` and the story is not further than ``max_gap_days`` away in publication time; otherwise it
   opens a new story. The similarity is the cosine to the story centroid less ``background_weight`` times the cosine
   to the whole stream's centroid: what every article of the stream shares (the common language of a large
   stream, the one subject of a small one) is no evidence of the same happening. A copy (``copy_of``) always joins
   its origin's story.
4. A new story joins the topic of the nearest story when that is close enough (``topic_link_threshold``), else the
   most similar topic (cosine of topic vectors, which leave numbers and dates out, ``topic_threshold``), else it
   opens a topic. Topics whose centroids come close (``topic_merge_threshold``) merge; stories never do, so an
   article's story id never changes once given.

Everything is plain Python and numpy (compact ``array`` centroids, a hashed document-frequency table), so the
index pickles as it is and the store can persist it between runs. Term ids are CRC-32 hashes of the term keys; the
rare collision merges two terms, which costs a little precision and nothing else.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import repeat
from operator import mul

import numpy as np

from storyline.document import Story, Topic
from storyline.errors import StorylineError
from storyline.stories.features import KINDS, extract_terms, first_sentence, kind_of, parse_day, term_id
from storyline.stories.titles import best_title

__all__ = ["Assignment", "StoryIndex", "StoryOptions"]

DF_BUCKETS_BITS = 24  # 16 M counters (64 MiB): document frequencies of hashed terms


@dataclass(frozen=True)
class StoryOptions:
    """How the index weighs terms and decides; the defaults were tuned on the ECB+ training topics."""

    # Weight of each kind of term (see ``features.KINDS``) before the IDF weighting.
    kind_weights: tuple[tuple[str, float], ...] = (
        ("word", 1.0),
        ("name", 1.5),
        ("phrase", 0.5),
        ("number", 1.0),
        ("year", 1.0),
        ("weekday", 1.0),
        ("month", 1.0),
    )
    idf_power: float = 1.0  # > 1 would favour rare terms (names, numbers) over common ones still more
    # Topics are about the ongoing subject, not the happening: no numbers or dates.
    topic_kind_weights: tuple[tuple[str, float], ...] = (
        ("word", 1.0),
        ("name", 1.0),
        ("phrase", 1.0),
        ("number", 0.0),
        ("year", 0.0),
        ("weekday", 0.0),
        ("month", 0.0),
    )
    topic_idf_power: float = 1.0
    doc_terms: int = 150  # strongest terms kept in an article's vector
    centroid_terms: int = 100  # strongest terms kept in a story's centroid
    topic_centroid_terms: int = 64  # ... in a topic's centroid, and in the whole stream's (the background)
    query_terms: int = 32  # article terms used to look up candidate stories
    posted_terms: int = 32  # centroid terms under which a story (or topic) is posted in the inverted index
    postings_scanned: int = 200  # most recent stories scanned per query term
    candidates: int = 48  # candidates scored in full
    story_threshold: float = 0.25  # similarity to a story centroid needed to join it (after the background)
    background_weight: float = 0.5  # share of the cosine to the whole stream taken off each story cosine
    background_warmup: float = 3.0  # articles after which the background counts half (seen / (seen + warmup))
    topic_threshold: float = 0.15  # cosine to a topic centroid needed for a new story to join the topic
    topic_link_threshold: float = 0.1  # or: similarity to a story for a new story to join that story's topic
    topic_merge_threshold: float = 0.15  # cosine between two topic centroids at which the topics become one
    max_gap_days: int = 7  # a story with no article this close in publication time is not joined
    topic_gap_days: int = 400  # a topic silent for longer than this takes no new story
    languages: tuple[str, ...] = ("en",)  # articles in other languages are skipped with a note

    def __post_init__(self) -> None:
        counts = ("doc_terms", "centroid_terms", "topic_centroid_terms", "query_terms", "posted_terms", "candidates")
        for name in (*counts, "postings_scanned"):
            if getattr(self, name) < 1:
                raise StorylineError("E410", f"stories option {name} must be at least 1", f"set {name} to 1 or more")
        for name in ("max_gap_days", "topic_gap_days", "background_weight", "background_warmup", "idf_power"):
            if getattr(self, name) < 0:
                raise StorylineError("E411", f"stories option {name} must not be negative", f"set {name} to 0 or more")
        unknown = {kind for kind, _ in (*self.kind_weights, *self.topic_kind_weights)} - set(KINDS)
        if unknown:
            raise StorylineError(
                "E412", f"unknown term kinds {sorted(unknown)} in the stories options", f"use {', '.join(KINDS)}"
            )

    def weight_of(self, kind: str) -> float:
        return dict(self.kind_weights).get(kind, 1.0)

    def topic_weight_of(self, kind: str) -> float:
        return dict(self.topic_kind_weights).get(kind, 1.0)


@dataclass(frozen=True)
class Assignment:
    """Where an article went: its story and that story's topic, and whether either was opened by it."""

    story_id: str
    topic_id: str
    new_story: bool
    new_topic: bool
    similarity: float  # cosine to the joined story's centroid (1.0 for a copy, 0.0 for a new story)


@dataclass(slots=True)
class _Centroid:
    """A truncated sum of article vectors: term ids and weights in compact arrays, and the norm."""

    terms: array[int] = field(default_factory=lambda: array("I"))
    weights: array[float] = field(default_factory=lambda: array("f"))
    norm: float = 0.0

    def dot(self, vector: dict[int, float]) -> float:
        return float(sum(map(mul, self.weights, map(vector.get, self.terms, repeat(0.0)))))

    def cosine(self, vector: dict[int, float]) -> float:
        return 0.0 if self.norm == 0.0 else self.dot(vector) / self.norm

    def add(self, vector: dict[int, float], keep: int) -> None:
        total = dict(zip(self.terms, self.weights, strict=True))
        for term, weight in vector.items():
            total[term] = total.get(term, 0.0) + weight
        strongest = sorted(total.items(), key=lambda item: -item[1])[:keep]
        self.terms = array("I", [t for t, _ in strongest])
        self.weights = array("f", [w for _, w in strongest])
        self.norm = math.sqrt(sum(w * w for _, w in strongest))


@dataclass(slots=True)
class _Story:
    number: int
    topic: int
    centroid: _Centroid = field(default_factory=_Centroid)
    article_ids: list[str] = field(default_factory=list)
    first_day: int | None = None
    last_day: int | None = None
    first_published: str | None = None
    last_published: str | None = None
    titles: list[tuple[str, bool]] = field(default_factory=list)  # (headline or first sentence, is headline)
    outlets: set[str] = field(default_factory=set)
    unattributed: int = 0  # original (non-copy) articles with no outlet: each counts as its own source


@dataclass(slots=True)
class _Topic:
    number: int
    centroid: _Centroid = field(default_factory=_Centroid)
    stories: list[int] = field(default_factory=list)
    last_day: int | None = None
    articles: int = 0
    merged_into: int | None = None  # set when merged into another topic, whose number replaces this one


_LOG_TF = [0.0] + [1.0 + math.log(n) for n in range(1, 64)]  # 1 + ln(tf), looked up for small counts
TITLE_CANDIDATES = 8  # titles kept per story to choose the most representative from
TOPIC_MERGE_CHECKS = 16  # a topic looks for a topic to merge with at each of its first 16 articles, then every 16th


class StoryIndex:
    """The story and topic index: see the module docstring. Picklable; no handles, no globals."""

    def __init__(self, options: StoryOptions | None = None) -> None:
        self.options = options or StoryOptions()
        self.article_count = 0
        self._df = np.zeros(1 << DF_BUCKETS_BITS, dtype=np.uint32)
        self._stories: list[_Story] = []
        self._topics: list[_Topic] = []
        self._background = _Centroid()  # every article's vector, summed: what any article of the stream shares
        self._story_postings: dict[int, array[int]] = {}
        self._topic_postings: dict[int, array[int]] = {}
        self._story_of_article: dict[str, int] = {}
        self._kind_weight = {kind: self.options.weight_of(kind) for kind in KINDS}
        self._topic_kind_weight = {kind: self.options.topic_weight_of(kind) for kind in KINDS}

    def __getstate__(self) -> dict[str, object]:
        """Pickle the document frequencies sparsely: most of the 16 M hashed counters are zero in a young index."""
        state = dict(self.__dict__)
        filled = np.flatnonzero(self._df).astype(np.uint32)
        state["_df"] = (filled, self._df[filled])
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        sparse = state["_df"]
        if not isinstance(sparse, tuple):  # pragma: no cover - not a state this class wrote
            raise TypeError("not a pickled StoryIndex")
        df = np.zeros(1 << DF_BUCKETS_BITS, dtype=np.uint32)
        df[sparse[0]] = sparse[1]
        state["_df"] = df
        self.__dict__.update(state)

    # ---- reading -------------------------------------------------------------------------------------------------

    def __len__(self) -> int:
        return self.article_count

    def story_of(self, article_id: str) -> str | None:
        number = self._story_of_article.get(article_id)
        return None if number is None else _story_key(number)

    def topic_of(self, story_id: str) -> str:
        """The topic a story belongs to now (topics merge as evidence comes in); KeyError for an unknown story."""
        number = int(story_id[1:]) - 1 if story_id[:1] == "s" and story_id[1:].isdigit() else -1
        if not 0 <= number < len(self._stories):
            raise KeyError(story_id)
        return _topic_key(self._stories[number].topic)

    def stories(self) -> Iterator[Story]:
        """Every story, in the order they were opened, as the store and the export keep them."""
        for story in self._stories:
            yield Story(
                id=_story_key(story.number),
                title=best_title(story.titles, story.centroid.terms, story.centroid.weights),
                topic_id=_topic_key(story.topic),
                article_ids=tuple(story.article_ids),
                first_published=story.first_published,
                last_published=story.last_published,
                independent_sources=len(story.outlets) + story.unattributed,
            )

    def topics(self) -> Iterator[Topic]:
        """Every topic still standing (merged ones are gone), in the order they were opened."""
        for topic in self._topics:
            if topic.merged_into is not None:
                continue
            largest = max(topic.stories, key=lambda number: len(self._stories[number].article_ids))
            story = self._stories[largest]
            yield Topic(
                id=_topic_key(topic.number),
                title=best_title(story.titles, story.centroid.terms, story.centroid.weights),
                story_ids=tuple(_story_key(number) for number in topic.stories),
            )

    # ---- adding --------------------------------------------------------------------------------------------------

    def add(
        self,
        article_id: str,
        text: str,
        *,
        title: str | None = None,
        published: str | None = None,
        outlet: str | None = None,
        copy_of: str | None = None,
    ) -> Assignment:
        """Put one article in its story (joining or opening one) and return where it went.

        Adding an article the index already holds returns its story again and changes nothing.
        """
        known = self._story_of_article.get(article_id)
        if known is not None:
            story = self._stories[known]
            return Assignment(_story_key(known), _topic_key(story.topic), False, False, 1.0)
        vector, topic_vector = self._vectorise(extract_terms(text, title))
        day = parse_day(published)
        origin = self._story_of_article.get(copy_of) if copy_of else None
        similarity = 1.0
        new_story = new_topic = False
        if origin is not None:
            story = self._stories[origin]
        else:
            joined, similarity, nearest = self._best_story(vector, day)
            if joined is not None:
                story = joined
            else:
                if nearest is not None:
                    topic = nearest.topic
                else:
                    topic, new_topic = self._topic_for(topic_vector, day)
                story = self._open_story(topic)
                new_story, similarity = True, 0.0
        headline = (title, True) if title else (first_sentence(text), False)
        self._join(story, article_id, vector, topic_vector, day, published, outlet, copy_of, headline)
        return Assignment(_story_key(story.number), _topic_key(story.topic), new_story, new_topic, similarity)

    def _vectorise(self, counts: dict[str, int]) -> tuple[dict[int, float], dict[int, float]]:
        """Weight an article's term counts for stories and for topics (counting them into the frequencies)."""
        self.article_count += 1
        if not counts:
            return {}, {}
        options = self.options
        story_weight, topic_weight = self._kind_weight, self._topic_kind_weight
        terms = list(counts)
        kinds = [kind_of(term) for term in terms]
        id_list = [term_id(term) for term in terms]
        tf_list = [_LOG_TF[n] if n < len(_LOG_TF) else 1.0 + math.log(n) for n in counts.values()]
        story_list = [story_weight[kind] for kind in kinds]
        topic_list = [topic_weight[kind] for kind in kinds]
        ids = np.array(id_list, dtype=np.uint32)
        buckets = ids & np.uint32((1 << DF_BUCKETS_BITS) - 1)
        self._df[np.unique(buckets)] += 1
        idf = np.log((self.article_count + 1) / (self._df[buckets].astype(np.float64) + 1)) + 1.0
        tf = np.array(tf_list)
        story_weights = np.array(story_list)
        topic_weights = np.array(topic_list)
        return (
            _unit_vector(ids, tf * story_weights * idf**options.idf_power, options.doc_terms),
            _unit_vector(ids, tf * topic_weights * idf**options.topic_idf_power, options.doc_terms),
        )

    def _candidates(self, vector: dict[int, float], postings: dict[int, array[int]]) -> list[int]:
        options = self.options
        strongest = sorted(vector.items(), key=lambda item: -item[1])[: options.query_terms]
        overlap: dict[int, float] = {}
        for term, weight in strongest:
            posted = postings.get(term)
            if posted is None:
                continue
            for number in posted[-options.postings_scanned :]:
                overlap[number] = overlap.get(number, 0.0) + weight
        if len(overlap) <= options.candidates:
            return list(overlap)
        return sorted(overlap, key=lambda number: -overlap[number])[: options.candidates]

    def _best_story(self, vector: dict[int, float], day: int | None) -> tuple[_Story | None, float, _Story | None]:
        """The most similar story, with its similarity; it is returned first only when it may be joined (similarity
        at least ``story_threshold``), and last when it is close enough for a new story to share its topic."""
        options = self.options
        best: _Story | None = None
        best_similarity = -1.0
        # The background of a stream of a few articles is those few articles: it says little yet.
        seen = self.article_count - 1
        weight = options.background_weight * seen / (seen + options.background_warmup) if seen > 0 else 0.0
        shared = weight * self._background.cosine(vector)
        for number in self._candidates(vector, self._story_postings):
            story = self._stories[number]
            if day is not None and story.first_day is not None and story.last_day is not None:
                gap = max(story.first_day - day, day - story.last_day, 0)
                if gap > options.max_gap_days:
                    continue
            similarity = story.centroid.cosine(vector) - shared
            if similarity > best_similarity:
                best, best_similarity = story, similarity
        joined = best if best_similarity >= options.story_threshold else None
        nearest = best if best_similarity >= options.topic_link_threshold else None
        return joined, best_similarity, nearest

    def _topic_for(self, vector: dict[int, float], day: int | None) -> tuple[int, bool]:
        options = self.options
        best: _Topic | None = None
        best_similarity = options.topic_threshold
        for number in self._candidates(vector, self._topic_postings):
            topic = self._topics[number]
            if topic.merged_into is not None:
                continue
            if day is not None and topic.last_day is not None and day - topic.last_day > options.topic_gap_days:
                continue
            similarity = topic.centroid.cosine(vector)
            if similarity >= best_similarity:
                best, best_similarity = topic, similarity
        if best is not None:
            return best.number, False
        topic = _Topic(number=len(self._topics))
        self._topics.append(topic)
        return topic.number, True

    def _open_story(self, topic: int) -> _Story:
        story = _Story(number=len(self._stories), topic=topic)
        self._stories.append(story)
        self._topics[topic].stories.append(story.number)
        return story

    def _join(
        self,
        story: _Story,
        article_id: str,
        vector: dict[int, float],
        topic_vector: dict[int, float],
        day: int | None,
        published: str | None,
        outlet: str | None,
        copy_of: str | None,
        title: tuple[str, bool],
    ) -> None:
        options = self.options
        story.article_ids.append(article_id)
        self._story_of_article[article_id] = story.number
        if copy_of is None:
            if outlet:
                story.outlets.add(outlet)
            else:
                story.unattributed += 1
        if day is not None:
            story.first_day = day if story.first_day is None else min(story.first_day, day)
            story.last_day = day if story.last_day is None else max(story.last_day, day)
        if published:
            if story.first_published is None or published < story.first_published:
                story.first_published = published
            if story.last_published is None or published > story.last_published:
                story.last_published = published
        if title[0] and len(story.titles) < TITLE_CANDIDATES and title not in story.titles:
            story.titles.append(title)
        topic = self._topics[story.topic]
        if day is not None:
            topic.last_day = day if topic.last_day is None else max(topic.last_day, day)
        if vector and options.background_weight:
            self._background.add(vector, options.topic_centroid_terms)
        if vector:
            _add_and_post(self._story_postings, story.number, story.centroid, vector, options.centroid_terms, options)
        topic.articles += 1
        if topic_vector:
            _add_and_post(
                self._topic_postings, topic.number, topic.centroid, topic_vector, options.topic_centroid_terms, options
            )
            if topic.articles <= TOPIC_MERGE_CHECKS or topic.articles % TOPIC_MERGE_CHECKS == 0:
                self._merge_topic_if_close(topic)

    def _merge_topic_if_close(self, topic: _Topic) -> None:
        """Merge a topic into the nearest other topic when their centroids have come close enough."""
        options = self.options
        centroid = topic.centroid
        if centroid.norm == 0.0:
            return
        query = dict(zip(centroid.terms[: options.posted_terms], centroid.weights[: options.posted_terms], strict=True))
        best: _Topic | None = None
        best_similarity = options.topic_merge_threshold
        full = dict(zip(centroid.terms, centroid.weights, strict=True))
        for number in self._candidates(query, self._topic_postings):
            other = self._topics[number]
            if other is topic or other.merged_into is not None:
                continue
            similarity = other.centroid.cosine(full) / centroid.norm
            if similarity >= best_similarity:
                best, best_similarity = other, similarity
        if best is None:
            return
        keep, gone = (best, topic) if best.articles >= topic.articles else (topic, best)
        for number in gone.stories:
            self._stories[number].topic = keep.number
        keep.stories.extend(gone.stories)
        gone.stories = []
        keep.articles += gone.articles
        if gone.last_day is not None:
            keep.last_day = gone.last_day if keep.last_day is None else max(keep.last_day, gone.last_day)
        gone_vector = dict(zip(gone.centroid.terms, gone.centroid.weights, strict=True))
        _add_and_post(
            self._topic_postings, keep.number, keep.centroid, gone_vector, options.topic_centroid_terms, options
        )
        gone.merged_into = keep.number
        gone.centroid = _Centroid()


def _unit_vector(ids: np.ndarray, weights: np.ndarray, keep: int) -> dict[int, float]:
    """The ``keep`` strongest terms, scaled to unit length, as term id -> weight (zero weights dropped)."""
    if len(weights) > keep:
        top = np.argpartition(-weights, keep)[:keep]
        ids, weights = ids[top], weights[top]
    nonzero = weights > 0
    ids, weights = ids[nonzero], weights[nonzero]
    norm = float(np.sqrt(np.dot(weights, weights)))
    if norm == 0.0:
        return {}
    return dict(zip(ids.tolist(), (weights / norm).tolist(), strict=True))


def _add_and_post(
    postings: dict[int, array[int]],
    number: int,
    centroid: _Centroid,
    vector: dict[int, float],
    keep: int,
    options: StoryOptions,
) -> None:
    """Add a vector to a story's (or topic's) centroid; post it under strongest terms it was not posted under."""
    count = options.posted_terms
    before = set(centroid.terms[:count])
    centroid.add(vector, keep)
    for term in centroid.terms[:count]:
        if term not in before:
            entries = postings.get(term)
            if entries is None:
                postings[term] = array("i", [number])
            else:
                entries.append(number)


def _story_key(number: int) -> str:
    return f"s{number + 1}"


def _topic_key(number: int) -> str:
    return f"t{number + 1}"
