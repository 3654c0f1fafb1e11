"""Entity-resolution throughput: mentions (and words) per CPU second of :class:`EntityIndex.add_article`.

    python benchmarks/entities/throughput.py [--repeat 3]

The texts are every TBAQ document (../shared/bench/time/TBAQ-cleaned, 256 news articles, the texts of
benchmarks/ner and benchmarks/time) and the five seed articles. Their mentions come from
``storyline.extract.ner.recognise`` once (not timed); then a fresh index reads all articles in order, and the
best CPU time (``time.process_time``, so per core) of ``--repeat`` passes is kept. The lexicon and gazetteer
are loaded before timing (a one-off of a few seconds per process). Also timed: one call of ``entities()``
(the corpus view, where people's country and sector are read from their roles). Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import pickle
import time
from pathlib import Path

from storyline.eval.time import read_timeml, timeml_files
from storyline.extract.entities import EntityIndex, actor_attributes
from storyline.extract.ner import place_gazetteer, recognise

ROOT = Path(__file__).resolve().parents[2]
TBAQ = ROOT.parent / "shared" / "bench" / "time" / "TBAQ-cleaned"
SEEDS = ROOT / "examples" / "afghan-resistance"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = [read_timeml(path).text for path in timeml_files(TBAQ)]
    texts += [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    mentions = recognise(texts)
    place_gazetteer()
    actor_attributes("Tajik President")  # loads the lexicon
    words = sum(len(text.split()) for text in texts)
    count = sum(len(found) for found in mentions)
    best = float("inf")
    index = EntityIndex()
    for _ in range(args.repeat):
        index = EntityIndex()
        start = time.process_time()
        for number, (text, found) in enumerate(zip(texts, mentions, strict=True)):
            index.add_article(f"a{number:04d}", text, found)
        best = min(best, time.process_time() - start)
    start = time.process_time()
    view = index.entities()
    view_seconds = time.process_time() - start
    result = {
        "articles": len(texts),
        "words": words,
        "mentions": count,
        "entities": len(index),
        "merged_forms": sum(len(entity.merges) for entity in view),
        "cpu_seconds": round(best, 3),
        "mentions_per_second": round(count / best),
        "words_per_second": round(words / best),
        "entities_view_cpu_seconds": round(view_seconds, 3),
        "pickled_bytes": len(pickle.dumps(index)),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
