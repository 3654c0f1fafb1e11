"""Event-coder throughput: events and articles per CPU second, beside the parse it runs on.

    python benchmarks/events/throughput.py [--repeat 3] [--limit N]

The texts are the ECB+ documents (../shared/bench/stories/ecbplus, every topic; news articles) plus the seed
articles in examples/afghan-resistance. The parse (``storyline.extract.nlp.load_parser()``, spaCy
``en_core_web_md`` without NER, ``nlp.pipe``) is timed once; the coder (:func:`storyline.extract.events.find_events`
over the ready parses, with the time mentions of each text, without entities) is timed as the best of
``--repeat`` passes. Time is CPU time of this process (``time.process_time``), so figures are per core.
Prints one JSON line: documents, words, events, parse and coder seconds, articles and events per second,
and the coder's cost as a share of the parse.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from storyline.eval.stories import read_corpus
from storyline.extract.events import find_events
from storyline.extract.nlp import load_parser
from storyline.extract.time import find_times

ROOT = Path(__file__).resolve().parents[2]
ECBPLUS = ROOT.parent / "shared" / "bench" / "stories" / "ecbplus"
SEEDS = ROOT / "examples" / "afghan-resistance"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N documents (0: all)")
    args = parser.parse_args()

    texts = [document.text for document in read_corpus(ECBPLUS)]
    texts += [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    if args.limit:
        texts = texts[: args.limit]
    words = sum(len(text.split()) for text in texts)
    nlp = load_parser()
    start = time.process_time()
    parses = list(nlp.pipe(texts, batch_size=32))
    parse_seconds = time.process_time() - start
    times = [find_times(text) for text in texts]

    best = float("inf")
    events = 0
    for _ in range(args.repeat):
        start = time.process_time()
        events = sum(
            len(find_events(text, doc, (), found)) for text, doc, found in zip(texts, parses, times, strict=True)
        )
        best = min(best, time.process_time() - start)
    print(
        json.dumps(
            {
                "documents": len(texts),
                "words": words,
                "events": events,
                "parse_cpu_seconds": round(parse_seconds, 2),
                "events_cpu_seconds": round(best, 2),
                "parse_articles_per_second": round(len(texts) / parse_seconds, 1),
                "events_articles_per_second": round(len(texts) / best, 1),
                "events_per_second": round(events / best),
                "events_cost_share_of_parse": round(best / parse_seconds, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
