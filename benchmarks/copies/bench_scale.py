"""Scale benchmark of the copy index, with datasketch's MinHashLSH side by side in the same run.

    .venv/bin/python benchmarks/copies/bench_scale.py --articles 100000 --queries 1000 --out out/copies-scale-100k.json
    .venv/bin/python benchmarks/copies/bench_scale.py --articles 1000000 --queries 1000 --baseline-articles 100000

Synthetic news-like articles (seeded): 150-700 words in sentences of 8-30 words, drawn from a Zipfian vocabulary of
60,000 pseudo-words, with 12 % capitalised names from a Zipfian list of 30,000 and 3 % numbers; so common words
and names collide across articles the way news vocabulary does. Each article's text is regenerated from its seed.

Measured:
- **build**: wall and CPU time to sketch and insert every article, sketching in ``--workers`` processes (text
  generation, in chunks of 20,000 articles, timed apart and left out);
- **memory**: bytes held by the index arrays (``CopyIndex.nbytes``) and the growth of the process's resident
  memory over the build (ids and per-id dict included);
- **query**: per-query wall time (sketch + candidate lookup + ranking) for ``--queries`` queries, half of them
  edited copies of indexed articles (a sentence dropped and one added, 3 words changed, a dateline), a quarter
  spun copies (25 % of the words swapped), a quarter new articles; median, p90, p99, and the share of copies whose
  source comes back among the top 6 candidates (recall at the candidate stage).

The baseline (datasketch ``MinHashLSH``, 128 permutations, threshold 0.5, word 3-gram shingles) is built and
queried over the first ``--baseline-articles`` articles in the same process, after the index is measured.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import platform
import resource
import statistics
import time
from pathlib import Path

import numpy as np

from storyline.copies.index import CopyIndex, IndexConfig

VOCABULARY = 60_000
NAMES = 30_000


CHUNK = 20_000  # articles generated, then built, at a time (the texts of a million articles do not fit in memory)


def _cpu_seconds() -> float:
    """User and system CPU of this process and of its finished children (the sketching workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def rss_bytes() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


class Corpus:
    """Deterministic synthetic articles: article ``i`` is generated from seed ``(seed, i)``."""

    def __init__(self, seed: int) -> None:
        rng = np.random.default_rng(seed)
        letters = np.array(list("etaoinshrdlcumwfgypbvkjxqz"))
        weights = np.linspace(2.0, 0.2, len(letters))
        weights /= weights.sum()
        self.words = ["".join(rng.choice(letters, size=rng.integers(2, 10), p=weights)) for _ in range(VOCABULARY)]
        self.names = [w.capitalize() + rng.choice(["", "ov", "son", "ez", "i"]) for w in self.words[:NAMES]]
        self.word_array = np.array(self.words, dtype=object)
        self.name_array = np.array(self.names, dtype=object)
        self.number_array = np.array([str(n) for n in range(5000)], dtype=object)
        self.word_cdf = np.cumsum(1 / np.arange(1, VOCABULARY + 1, dtype=np.float64) ** 1.07)
        self.word_cdf /= self.word_cdf[-1]
        self.name_cdf = np.cumsum(1 / np.arange(1, NAMES + 1, dtype=np.float64))
        self.name_cdf /= self.name_cdf[-1]
        self.seed = seed

    def sentences(self, i: int) -> list[str]:
        rng = np.random.default_rng((self.seed, i))
        count = int(rng.integers(150, 700))
        tokens = self.word_array[np.searchsorted(self.word_cdf, rng.random(count))]
        kinds = rng.random(count)
        names = kinds < 0.12
        tokens[names] = self.name_array[np.searchsorted(self.name_cdf, rng.random(int(names.sum())))]
        numbers = (kinds >= 0.12) & (kinds < 0.15)
        tokens[numbers] = self.number_array[rng.integers(1, 5000, size=int(numbers.sum()))]
        bounds = np.cumsum(rng.integers(8, 30, size=count // 8 + 1))
        bounds = [0, *bounds[bounds < count].tolist(), count]
        out: list[str] = []
        for start, end in itertools.pairwise(bounds):
            if end > start:
                piece = tokens[start:end].tolist()
                out.append(piece[0].capitalize() + (" " + " ".join(piece[1:]) if len(piece) > 1 else "") + ".")
        return out

    def text(self, i: int) -> str:
        return " ".join(self.sentences(i))

    def edited(self, i: int, rng: np.random.Generator) -> str:
        sentences = self.sentences(i)
        if len(sentences) > 3:
            del sentences[int(rng.integers(1, len(sentences) - 1))]
        sentences.append(self.sentences(i + 10_000_000)[0])
        words = " ".join(sentences).split(" ")
        for _ in range(3):
            words[int(rng.integers(0, len(words)))] = self.words[int(rng.integers(0, VOCABULARY))]
        return "NEW YORK (Wire) - " + " ".join(words)

    def spun(self, i: int, rng: np.random.Generator) -> str:
        words = self.text(i).split(" ")
        for k in range(len(words)):
            if words[k][:1].islower() and rng.random() < 0.25:
                words[k] = self.words[int(rng.integers(100, VOCABULARY))]
        return " ".join(words)


def measure_index(
    corpus: Corpus, articles: int, queries: list[tuple[str, int | None]], workers: int
) -> dict[str, object]:
    gc.collect()
    index = CopyIndex(IndexConfig())
    before = rss_bytes()
    build = generate = build_cpu = 0.0
    for start in range(0, articles, CHUNK):
        t0 = time.perf_counter()
        ids = [f"a{i}" for i in range(start, min(start + CHUNK, articles))]
        texts = [corpus.text(i) for i in range(start, start + len(ids))]
        t1 = time.perf_counter()
        cpu = _cpu_seconds()
        index.add_many(ids, texts, [None] * len(ids), workers=workers)
        build_cpu += _cpu_seconds() - cpu
        build += time.perf_counter() - t1
        generate += t1 - t0
        del texts
    index._buckets.flush()
    grown = rss_bytes() - before
    times: list[float] = []
    hits = total = 0
    for text, source in queries:
        t0 = time.perf_counter()
        found = index.candidates(index.sketch(text), limit=6)
        times.append(time.perf_counter() - t0)
        if source is not None:
            total += 1
            hits += any(c.row == source for c in found)
    return {
        "articles": articles,
        "workers": workers,
        "build_s": round(build, 1),
        "build_cpu_s": round(build_cpu, 1),
        "build_us_per_article": round(build / articles * 1e6, 1),
        "text_generation_s_excluded": round(generate, 1),
        "load_average_after_build": os.getloadavg()[0],
        "index_array_bytes": index.nbytes,
        "rss_growth_bytes": grown,
        "query_ms": _quantiles(times),
        "candidate_recall": round(hits / total, 4) if total else None,
    }


def measure_datasketch(corpus: Corpus, articles: int, queries: list[tuple[str, int | None]]) -> dict[str, object]:
    from datasketch import MinHash, MinHashLSH

    def sketch(text: str) -> MinHash:
        tokens = text.lower().split()
        shingles = {" ".join(tokens[k : k + 3]).encode() for k in range(max(len(tokens) - 2, 1))}
        m = MinHash(num_perm=128)
        m.update_batch(list(shingles))
        return m

    gc.collect()
    before = rss_bytes()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    build = build_cpu = 0.0
    for i in range(articles):
        text = corpus.text(i)
        t0, c0 = time.perf_counter(), time.process_time()
        lsh.insert(f"a{i}", sketch(text))
        build += time.perf_counter() - t0
        build_cpu += time.process_time() - c0
    grown = rss_bytes() - before
    times: list[float] = []
    hits = total = 0
    for text, source in queries:
        if source is not None and source >= articles:
            continue
        t0 = time.perf_counter()
        found = lsh.query(sketch(text))
        times.append(time.perf_counter() - t0)
        if source is not None:
            total += 1
            hits += f"a{source}" in found
    return {
        "articles": articles,
        "build_s": round(build, 1),
        "build_cpu_s": round(build_cpu, 1),
        "build_us_per_article": round(build / articles * 1e6, 1),
        "rss_growth_bytes": grown,
        "query_ms": _quantiles(times),
        "candidate_recall": round(hits / total, 4) if total else None,
    }


def _quantiles(seconds: list[float]) -> dict[str, float]:
    ms = sorted(s * 1000 for s in seconds)
    return {
        "median": round(statistics.median(ms), 3),
        "p90": round(ms[int(0.9 * (len(ms) - 1))], 3),
        "p99": round(ms[int(0.99 * (len(ms) - 1))], 3),
    }


def make_queries(corpus: Corpus, articles: int, count: int, within: int, seed: int) -> list[tuple[str, int | None]]:
    rng = np.random.default_rng(seed)
    out: list[tuple[str, int | None]] = []
    for q in range(count):
        source = int(rng.integers(0, within))
        if q % 4 < 2:
            out.append((corpus.edited(source, rng), source))
        elif q % 4 == 2:
            out.append((corpus.spun(source, rng), source))
        else:
            out.append((corpus.text(articles + 20_000_000 + q), None))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--baseline-articles", type=int, default=None, help="default: same as --articles")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--workers", type=int, default=2, help="processes that sketch during the build")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    corpus = Corpus(args.seed)
    baseline_articles = args.baseline_articles or args.articles
    # Queries copy articles the baseline also holds, so both recalls are measured on the same questions.
    queries = make_queries(corpus, args.articles, args.queries, min(args.articles, baseline_articles), args.seed + 1)
    result: dict[str, object] = {
        "machine": f"{platform.processor() or platform.machine()}, {len(os.sched_getaffinity(0))} cores",
        "python": platform.python_version(),
        "storyline_index": measure_index(corpus, args.articles, queries, args.workers),
    }
    print(json.dumps(result, indent=2), flush=True)
    if not args.no_baseline:
        result["datasketch_minhashlsh"] = measure_datasketch(corpus, baseline_articles, queries)
    print(json.dumps(result, indent=2))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
