"""Scale benchmark for the ``stories`` stage: synthetic news streams, timed through the real stage.

Two measurements (see README.md in this folder for the commands and the figures):

* ``--from-empty N``: cluster N articles from an empty index, in publication order, in batches of 64 through
  ``storyline.stories.run``; report the wall time of the stage calls, articles per second and peak memory.
* ``--grow N --probe K``: fill an index with N articles, then add K more one at a time and report the median
  (and 90th/99th percentile) time of one ``run([doc], ctx)`` call, and peak memory.

The articles are synthetic but shaped like news: a stream of topics (each with its own vocabulary and recurring
actors), each topic a run of stories (happenings with their own names, numbers and dates), each story a few
articles published over a few days, written as sentences of Zipf-distributed common words mixed with the topic's
and the story's words, capitalised names inside sentences, numbers, and a title-case headline. Generation time is
not counted.
"""

from __future__ import annotations

import argparse
import gc
import json
import pickle
import resource
import statistics
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from storyline.document import Document
from storyline.eval.stories import b_cubed
from storyline.pipeline import Context
from storyline.settings import Options
from storyline.stories import STATE_KEY, StoryIndex, run

SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou", "ar", "en", "il")]
START = date(2020, 1, 1)


def pseudo_words(rng: np.random.Generator, count: int, syllables: tuple[int, int]) -> list[str]:
    words: set[str] = set()
    while len(words) < count:
        n = int(rng.integers(syllables[0], syllables[1] + 1))
        words.add("".join(SYLLABLES[i] for i in rng.integers(0, len(SYLLABLES), n)))
    return sorted(words)


@dataclass
class Vocabulary:
    common: list[str]
    common_cdf: np.ndarray
    names: list[str]

    def common_words(self, rng: np.random.Generator, count: int) -> list[str]:
        return [self.common[i] for i in np.searchsorted(self.common_cdf, rng.random(count))]


def vocabulary(rng: np.random.Generator) -> Vocabulary:
    common = pseudo_words(rng, 40_000, (1, 4))
    ranks = np.arange(1, len(common) + 1, dtype=np.float64)
    p = 1.0 / ranks**1.07
    names = [w.capitalize() for w in pseudo_words(rng, 300_000, (2, 4))]
    cdf = np.cumsum(p / p.sum())
    cdf[-1] = 1.0
    return Vocabulary(common, cdf, names)


@dataclass
class StoryPlan:
    topic: int
    topic_words: list[str]
    actors: list[str]
    names: list[str]
    numbers: list[str]
    day: int
    size: int


def story_plans(rng: np.random.Generator, vocab: Vocabulary, articles: int) -> Iterator[StoryPlan]:
    """Stories until ``articles`` articles are planned: topics of 1-40 stories, stories of 1-30 articles."""
    planned = 0
    span_days = max(30, articles // 300)  # about 300 articles a day
    topic = 0
    while planned < articles:
        topic += 1
        topic_words = [vocab.common[i] for i in rng.integers(300, 20_000, 30)]
        actors = [vocab.names[i] for i in rng.integers(0, len(vocab.names), 6)]
        topic_start = int(rng.integers(0, span_days))
        for _ in range(int(rng.integers(1, 41))):
            size = min(int(rng.geometric(0.25)), 30, articles - planned)
            if size <= 0:
                return
            planned += size
            yield StoryPlan(
                topic=topic,
                topic_words=topic_words,
                actors=actors,
                names=[vocab.names[i] for i in rng.integers(0, len(vocab.names), 8)],
                numbers=[str(int(x)) for x in rng.integers(2, 5000, 3)],
                day=topic_start + int(rng.integers(0, 120)),
                size=size,
            )


def article_text(rng: np.random.Generator, vocab: Vocabulary, plan: StoryPlan) -> tuple[str, str]:
    """A headline and a body of about 350 words for one article of a story."""
    sentences = []
    for _ in range(int(rng.integers(10, 20))):
        words = vocab.common_words(rng, 14)
        words += [plan.topic_words[i] for i in rng.integers(0, len(plan.topic_words), 4)]
        words += [plan.names[i] for i in rng.integers(0, len(plan.names), 2)]
        if rng.random() < 0.5:
            words.append(plan.actors[int(rng.integers(0, len(plan.actors)))])
        if rng.random() < 0.3:
            words.append(plan.numbers[int(rng.integers(0, len(plan.numbers)))])
        order = rng.permutation(len(words))
        sentence = " ".join(words[i] for i in order)
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
    headline_words = [plan.names[0], *(plan.topic_words[i] for i in rng.integers(0, len(plan.topic_words), 5))]
    headline = " ".join(w.capitalize() for w in headline_words)
    return headline, " ".join(sentences)


def stream(seed: int, articles: int) -> Iterator[Document]:
    """``articles`` synthetic English articles in publication order (stories interleave)."""
    rng = np.random.default_rng(seed)
    vocab = vocabulary(rng)
    plans = list(story_plans(rng, vocab, articles))
    dated: list[tuple[int, int, int]] = []  # (day, plan, copy number)
    for number, plan in enumerate(plans):
        for copy in range(plan.size):
            dated.append((plan.day + int(rng.integers(0, 4)), number, copy))
    dated.sort()
    for day, number, copy in dated:
        title, text = article_text(rng, vocab, plans[number])
        published = (START + timedelta(days=day)).isoformat()
        yield Document(
            uri=f"synthetic://{plans[number].topic}/{number}/{copy}",
            raw_text=text,
            title=title,
            published=published,
            text=text,
            language="en",
            outlet=f"outlet{int(rng.integers(0, 500))}",
        )


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def rss_mib() -> float:
    """Resident memory now (Linux): with the generator's memory measured before, what the index holds."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def from_empty(articles: int, seed: int, measure_pickle: bool = False) -> dict[str, object]:
    ctx = Context(options=Options(), state={STATE_KEY: StoryIndex()})
    seconds = cpu_seconds = 0.0
    planned: dict[str, str] = {}  # article id -> the synthetic story it was written for
    docs = stream(seed, articles)
    while batch := [doc for _, doc in zip(range(64), docs, strict=False)]:
        planned.update((doc.id, doc.uri.rsplit("/", 1)[0]) for doc in batch)
        started, cpu_started = time.perf_counter(), time.process_time()
        run(batch, ctx)
        seconds += time.perf_counter() - started
        cpu_seconds += time.process_time() - cpu_started
        ctx.updates.clear()  # a run hands these to the store after each batch
    index = ctx.state[STATE_KEY]
    found = {article: index.story_of(article) or "" for article in planned}
    score = b_cubed(found, planned)
    extra: dict[str, object] = {}
    if measure_pickle:
        started = time.perf_counter()
        extra["pickle_mib"] = round(len(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)) / 2**20, 1)
        extra["pickle_seconds"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    stories = sum(1 for _ in index.stories())
    extra["stories_records_seconds"] = round(time.perf_counter() - started, 1)
    return {
        "benchmark": "from-empty",
        "articles": len(index),
        "stage_seconds": round(seconds, 1),
        "stage_cpu_seconds": round(cpu_seconds, 1),
        "articles_per_second": round(len(index) / seconds, 1),
        "stories": stories,
        "planned_stories": len(set(planned.values())),
        "topics": sum(1 for _ in index.topics()),
        "articles_moved": ctx.counts["stories.moved"],  # moves to another story when a topic was grouped again
        "story_b3_f1_vs_plan": round(score.f1, 3),
        "peak_rss_mib": round(peak_rss_mib()),
        **extra,
    }


def grow_and_probe(articles: int, probe: int, seed: int) -> dict[str, object]:
    ctx = Context(options=Options(), state={STATE_KEY: StoryIndex()})
    docs = stream(seed, articles + probe)
    first = next(docs)  # the generator plans every story on its first article
    gc.collect()
    rss_before = rss_mib()
    run([first], ctx)
    fill_seconds = 0.0
    left = articles - 1
    while left > 0:
        batch = [doc for _, doc in zip(range(min(64, left)), docs, strict=False)]
        left -= len(batch)
        started = time.perf_counter()
        run(batch, ctx)
        fill_seconds += time.perf_counter() - started
        ctx.updates.clear()
    probes = list(docs)
    gc.collect()
    index_rss = rss_mib() - rss_before
    timings = []
    cpu_timings = []
    for doc in probes:
        t, cpu = time.perf_counter(), time.process_time()
        run([doc], ctx)
        timings.append((time.perf_counter() - t) * 1000)
        ctx.updates.clear()
        cpu_timings.append((time.process_time() - cpu) * 1000)
    timings.sort()
    index = ctx.state[STATE_KEY]
    return {
        "benchmark": "grow-and-probe",
        "index_articles": articles,
        "fill_stage_seconds": round(fill_seconds, 1),
        "probes": len(timings),
        "median_ms": round(statistics.median(timings), 2),
        "p90_ms": round(timings[int(0.9 * len(timings))], 2),
        "p99_ms": round(timings[int(0.99 * len(timings))], 2),
        "cpu_median_ms": round(statistics.median(cpu_timings), 2),
        "stories": sum(1 for _ in index.stories()),
        "articles_moved": ctx.counts["stories.moved"],
        "index_rss_mib": round(index_rss),
        "peak_rss_mib": round(peak_rss_mib()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from-empty", type=int, metavar="N", help="cluster N articles from an empty index")
    parser.add_argument("--grow", type=int, metavar="N", help="fill an index with N articles, then probe")
    parser.add_argument("--probe", type=int, default=2000, metavar="K", help="articles timed one by one (2000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pickle", action="store_true", help="also time and size the pickled index (from-empty)")
    args = parser.parse_args(argv)
    if args.from_empty:
        print(json.dumps(from_empty(args.from_empty, args.seed, args.pickle)), flush=True)
    if args.grow:
        print(json.dumps(grow_and_probe(args.grow, args.probe, args.seed)), flush=True)
    if not (args.from_empty or args.grow):
        parser.print_help()
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
