"""Online story and topic clustering: each article joins the story it reports, or opens one.

The :class:`StoryIndex` is the corpus-level state of the ``stories`` stage. It is updated one article at a time and
never re-clusters what it holds; only the few recent articles of the topic an article joins are grouped again:

1. The article's terms (:mod:`storyline.stories.features`) are weighted by kind and by inverse document frequency,
   counted online over every article the index has seen, and the strongest ``doc_terms`` make its vector.
2. Candidate stories come from an inverted index over the strongest terms of every story's centroid (the most
   recently posted ``postings_scanned`` stories per term, so old stories fall out of reach as the store grows).
3. The article takes the topic of the most similar candidate story, when that similarity reaches
   ``topic_link_threshold`` and the story is not further than ``max_gap_days`` away in publication time; else the
   most similar topic (cosine of topic vectors, which leave numbers and dates out, ``topic_threshold``); else it
   opens a topic. The story similarity is the cosine to the story centroid less ``background_weight`` times the
   cosine to the whole stream's centroid: what every article of the stream shares is no evidence. Topics whose
   centroids come close (``topic_merge_threshold``) merge.
4. The article enters its topic's window (the topic's latest ``window_size`` articles within ``max_gap_days`` of
   the newest), and the window is grouped again (:mod:`storyline.stories.regroup`): with each term weighted by how
   few of the window's articles hold it, so that what tells the topic's happenings apart (a name, a number, a year)
   counts and what the whole topic says does not. The groups are mapped onto the topic's stories by overlap, so
   story ids stay where they were; an article whose group maps elsewhere moves story (``take_moves``), and the
   article's own group gives its story (a new one when it maps to none). A copy (``copy_of``) joins its origin's
   story and moves with it.

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
from storyline.stories.features import KINDS, extract_terms, first_sentence, kind_of, lead, parse_day, term_id
from storyline.stories.options import StoryOptions
from storyline.stories.regroup import (
    Member,
    attach_lone,
    average_link,
    match_groups,
    name_marks,
    window_similarities,
)
from storyline.stories.titles import best_title

__all__ = ["Assignment", "StoryIndex", "StoryOptions"]

DF_BUCKETS_BITS = 24  # 16 M counters (64 MiB): document frequencies of hashed terms


@dataclass(frozen=True)
class Assignment:
    """Where an article went: its story and that story's topic, and whether either was opened by it."""

    story_id: str
    topic_id: str
    new_story: bool
    new_topic: bool
    similarity: float  # cosine to the joined story's centroid before it joined (1.0 for a copy, 0.0 for a new story)


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

    def add(self, vector: dict[int, float], keep: int, sign: float = 1.0) -> None:
        """Add a vector (``sign`` -1: take it away; what falls to about zero goes) and keep the strongest terms."""
        total = dict(zip(self.terms, self.weights, strict=True))
        for term, weight in vector.items():
            total[term] = total.get(term, 0.0) + sign * weight
        strongest = sorted(((t, w) for t, w in total.items() if w > 1e-6), key=lambda item: -item[1])[:keep]
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
    outlets: dict[str, int] = field(default_factory=dict)  # outlet -> original articles from it
    unattributed: int = 0  # original (non-copy) articles with no outlet: each counts as its own source


@dataclass(slots=True)
class _Topic:
    number: int
    centroid: _Centroid = field(default_factory=_Centroid)
    stories: list[int] = field(default_factory=list)
    last_day: int | None = None
    articles: int = 0
    merged_into: int | None = None  # set when merged into another topic, whose number replaces this one
    window: list[Member] = field(default_factory=list)  # the recent articles that are grouped again, oldest first


_LOG_TF = [0.0] + [1.0 + math.log(n) for n in range(1, 64)]  # 1 + ln(tf), looked up for small counts
TITLE_CANDIDATES = 8  # titles kept per story to choose the most representative from
TOPIC_MERGE_CHECKS = 16  # a topic looks for a topic to merge with at each of its first 16 articles, then every 16th
WINDOW_SWEEP = 4096  # every so many articles, the windows of topics silent for longer than max_gap_days are let go


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
        self._moved: dict[str, int] = {}  # articles whose story changed since take_moves() -> their story now
        self._windowed: set[int] = set()  # topics with a non-empty window
        self._latest_day: int | None = None
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
        self._upgrade()

    def _upgrade(self) -> None:
        """Give a state pickled before topics kept windows what it lacks (its stories then regroup from scratch)."""
        if hasattr(self, "_moved"):
            return
        self._moved, self._windowed, self._latest_day = {}, set(), None
        for topic in self._topics:
            if not hasattr(topic, "window"):
                topic.window = []
        for story in self._stories:
            if isinstance(story.outlets, set):
                story.outlets = dict.fromkeys(story.outlets, 1)

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
        """Every story that holds an article, in the order they were opened, as the store and the export keep them.

        A story whose articles all moved to another one when its topic was grouped again is left out.
        """
        for story in self._stories:
            if not story.article_ids:
                continue
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
            held = [number for number in topic.stories if self._stories[number].article_ids]
            if topic.merged_into is not None or not held:
                continue
            largest = max(held, key=lambda number: len(self._stories[number].article_ids))
            story = self._stories[largest]
            yield Topic(
                id=_topic_key(topic.number),
                title=best_title(story.titles, story.centroid.terms, story.centroid.weights),
                story_ids=tuple(_story_key(number) for number in held),
            )

    def take_moves(self) -> dict[str, str]:
        """Articles whose story changed (their topic was grouped again) since the last call -> their story now."""
        moved = {article_id: _story_key(number) for article_id, number in self._moved.items()}
        self._moved.clear()
        return moved

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

        Other recent articles of its topic may change story as a result (see :meth:`take_moves`). Adding an article
        the index already holds returns its story again and changes nothing.
        """
        known = self._story_of_article.get(article_id)
        if known is not None:
            story = self._stories[known]
            return Assignment(_story_key(known), _topic_key(story.topic), False, False, 1.0)
        counts = extract_terms(text, title)
        vector, topic_vector = self._vectorise(counts)
        day = parse_day(published)
        if day is not None:
            self._latest_day = day if self._latest_day is None else max(self._latest_day, day)
        origin = self._story_of_article.get(copy_of) if copy_of else None
        headline = (title, True) if title else (first_sentence(text), False)
        new_topic = False
        if origin is not None:
            story = self._stories[origin]
            self._note_copy(story, str(copy_of), article_id)
            similarity = 1.0
        else:
            nearest = self._nearest_story(vector, day)
            if nearest is not None:
                topic = nearest.topic
            else:
                topic, new_topic = self._topic_for(topic_vector, day)
            member = Member(
                article_id,
                np.fromiter(vector.keys(), dtype=np.uint32, count=len(vector)),
                np.fromiter(vector.values(), dtype=np.float32, count=len(vector)),
                day,
                self.article_count,
                published,
                outlet,
                headline,
                names=self._central_names(text, title, counts, vector),
            )
            story = self._regroup(self._topics[topic], member)
            similarity = story.centroid.cosine(vector)
        new_story = not story.article_ids
        self._join(story, article_id, vector, topic_vector, day, published, outlet, copy_of, headline)
        if self.article_count % WINDOW_SWEEP == 0:
            self._let_go_of_silent_windows()
        return Assignment(_story_key(story.number), _topic_key(story.topic), new_story, new_topic, similarity)

    def _central_names(
        self, text: str, title: str | None, counts: dict[str, int], vector: dict[int, float]
    ) -> frozenset[int]:
        """The ids of the names (capitalised words) an article's story vector holds, of those its lead names when
        ``name_lead_sentences`` is set: whom the happening is about, not whom the background mentions."""
        sentences = self.options.name_lead_sentences
        named = extract_terms(lead(text, sentences), title) if sentences else counts
        ids = (term_id(term) for term in named if kind_of(term) == "name")
        return frozenset(name for name in ids if name in vector)

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

    def _nearest_story(self, vector: dict[int, float], day: int | None) -> _Story | None:
        """The most similar story, when it is close enough (``topic_link_threshold``) for the article to take its
        topic. The similarity is the cosine to its centroid less the weighted cosine to the stream's centroid."""
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
        return best if best_similarity >= options.topic_link_threshold else None

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

    # ---- grouping a topic's window again ---------------------------------------------------------------------------

    def _regroup(self, topic: _Topic, member: Member) -> _Story:
        """Add a member to the topic's window, group the window again, move members whose group changed story, and
        return the story the new member belongs in (opened here when its group maps to no story)."""
        options = self.options
        window = topic.window
        window.append(member)
        self._windowed.add(topic.number)
        within_topic, plain = window_similarities(
            window, smoothing=options.topic_smoothing, power=options.topic_power, max_gap_days=options.max_gap_days
        )
        # A link when either says so: 1 is the threshold of each, and average-link averages the better of the two.
        threshold = max(options.regroup_threshold, options.regroup_floor / len(window))
        score = np.maximum(within_topic / threshold, plain / options.same_story_cosine)
        labels = average_link(
            score,
            1.0,
            options.regroup_cohesion,
            name_marks(window) if options.name_share <= 1.0 else None,
            options.name_share,
            options.name_absent,
            options.name_size,
        )
        if options.lone_link < 1.0:
            labels = attach_lone(labels, score, options.lone_link)
        current = [self._story_of_article.get(entry.article_id) for entry in window]
        chosen = match_groups(labels, current)
        stories: dict[int, _Story] = {}
        for label, number in chosen.items():
            stories[label] = self._open_story(topic.number) if number is None else self._stories[number]
        for entry, label, number in zip(window, labels, current, strict=True):
            target = stories[label]
            if number is not None and number != target.number:
                self._move(entry, self._stories[number], target)
        story = stories[labels[-1]]
        self._trim_window(window)
        return story

    def _trim_window(self, window: list[Member]) -> None:
        """Let go of the oldest members over ``window_size``, and of members the stream has moved on from: an article
        that came in after them is more than ``max_gap_days`` newer (a late article about an old happening stays)."""
        gap = self.options.max_gap_days
        kept: list[Member] = []
        newest_since: int | None = None
        for entry in reversed(window):
            if entry.day is None or newest_since is None or newest_since - entry.day <= gap:
                kept.append(entry)
            if entry.day is not None:
                newest_since = entry.day if newest_since is None else max(newest_since, entry.day)
        kept.reverse()
        window[:] = kept[-self.options.window_size :]

    def _let_go_of_silent_windows(self) -> None:
        """Empty the windows of topics that have been silent for longer than ``max_gap_days`` (their articles can no
        longer share a story with a new one), so that the windows of a long dated stream do not pile up."""
        if self._latest_day is None:
            return
        for number in sorted(self._windowed):
            topic = self._topics[number]
            if topic.last_day is not None and self._latest_day - topic.last_day > self.options.max_gap_days:
                topic.window = []
                self._windowed.discard(number)

    def _note_copy(self, story: _Story, origin_id: str, copy_id: str) -> None:
        for entry in self._topics[story.topic].window:
            if entry.article_id == origin_id or origin_id in entry.copies:
                entry.copies.append(copy_id)
                return

    def _move(self, entry: Member, source: _Story, target: _Story) -> None:
        """Move a window member (and the copies that joined through it) from one story of its topic to another."""
        options = self.options
        vector = dict(zip(entry.terms.tolist(), entry.weights.tolist(), strict=True))
        for article_id in (entry.article_id, *entry.copies):
            if self._story_of_article.get(article_id) != source.number:
                continue
            source.article_ids.remove(article_id)
            target.article_ids.append(article_id)
            self._story_of_article[article_id] = target.number
            self._moved[article_id] = target.number
            if vector:
                source.centroid.add(vector, options.centroid_terms, sign=-1.0)
                _add_and_post(
                    self._story_postings, target.number, target.centroid, vector, options.centroid_terms, options
                )
        if entry.day is not None:
            target.first_day = entry.day if target.first_day is None else min(target.first_day, entry.day)
            target.last_day = entry.day if target.last_day is None else max(target.last_day, entry.day)
        if entry.published:
            _widen_published(target, entry.published)
        if entry.outlet is None:
            source.unattributed -= 1
            target.unattributed += 1
        else:
            left = source.outlets.get(entry.outlet, 0) - 1
            if left > 0:
                source.outlets[entry.outlet] = left
            else:
                source.outlets.pop(entry.outlet, None)
            target.outlets[entry.outlet] = target.outlets.get(entry.outlet, 0) + 1
        if entry.headline is not None and entry.headline[0]:
            if entry.headline in source.titles:
                source.titles.remove(entry.headline)
            if len(target.titles) < TITLE_CANDIDATES and entry.headline not in target.titles:
                target.titles.append(entry.headline)

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
                story.outlets[outlet] = story.outlets.get(outlet, 0) + 1
            else:
                story.unattributed += 1
        if day is not None:
            story.first_day = day if story.first_day is None else min(story.first_day, day)
            story.last_day = day if story.last_day is None else max(story.last_day, day)
        if published:
            _widen_published(story, published)
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
        if gone.window:
            keep.window = sorted(keep.window + gone.window, key=lambda entry: entry.arrival)[-options.window_size :]
            gone.window = []
            self._windowed.discard(gone.number)
            self._windowed.add(keep.number)


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


def _widen_published(story: _Story, published: str) -> None:
    if story.first_published is None or published < story.first_published:
        story.first_published = published
    if story.last_published is None or published > story.last_published:
        story.last_published = published


def _story_key(number: int) -> str:
    return f"s{number + 1}"


def _topic_key(number: int) -> str:
    return f"t{number + 1}"
