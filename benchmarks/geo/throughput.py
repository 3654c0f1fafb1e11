"""Geocoding throughput in words per second per core, beside spaCy's own parse speed on the same text.

    python benchmarks/geo/throughput.py [--articles 200] [--repeat 3]

The text is the first ``--articles`` LGL articles (../shared/bench/geo/lgl.xml). Time is CPU time of this
process (``time.process_time``), so the figures are per core; the best of ``--repeat`` passes is kept. Words are
whitespace-separated tokens. Measured:

* ``resolve``: :meth:`Geocoder.resolve` alone, given the recogniser's mentions (computed once, outside the clock);
* ``recognise_and_resolve``: the recogniser and the geocoder together, as the entities stage would run them;
* ``spacy_parse``: the project's spaCy parser (``storyline.extract.nlp.load_parser``: en_core_web_md 3.8.0
  without NER) over the same texts.

The one-time costs (reading the gazetteer, loading the models) are reported apart. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from storyline.eval.geo import read_lgl
from storyline.extract.geo import geocoder
from storyline.extract.ner import recognise

LGL = Path(__file__).resolve().parents[3] / "shared" / "bench" / "geo" / "lgl.xml"


def best_seconds(work: Callable[[], None], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    texts = [article.text for article in read_lgl(LGL)[: args.articles]]
    words = sum(len(text.split()) for text in texts)
    start = time.process_time()
    coder = geocoder()
    gazetteer_seconds = time.process_time() - start
    start = time.process_time()
    mentions = recognise(texts)
    first_recognise_seconds = time.process_time() - start

    def resolve() -> None:
        for text, found in zip(texts, mentions, strict=True):
            coder.resolve(text, found)

    def recognise_and_resolve() -> None:
        for text, found in zip(texts, recognise(texts), strict=True):
            coder.resolve(text, found)

    from storyline.extract.nlp import load_parser

    nlp = load_parser()

    def parse() -> None:
        for _ in nlp.pipe(texts, batch_size=32):
            pass

    places = sum(len(coder.resolve(text, found)) for text, found in zip(texts, mentions, strict=True))
    result = {
        "articles": len(texts),
        "words": words,
        "place_mentions": places,
        "gazetteer_load_cpu_seconds": round(gazetteer_seconds, 2),
        "first_recognise_cpu_seconds_with_model_load": round(first_recognise_seconds, 2),
        "resolve_words_per_cpu_second": round(words / best_seconds(resolve, args.repeat)),
        "recognise_and_resolve_words_per_cpu_second": round(words / best_seconds(recognise_and_resolve, args.repeat)),
        "spacy_parse_words_per_cpu_second": round(words / best_seconds(parse, args.repeat)),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
