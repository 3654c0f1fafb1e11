"""Time-tagger throughput in words per second per core, beside spaCy on the same text.

    python benchmarks/time/throughput.py [--repeat 5] [--spacy MODEL]

The text is every TBAQ document (../shared/bench/time/TBAQ-cleaned, 256 news articles, 86,034 words),
each tagged with its own DCT as anchor, plus the seed articles in examples/afghan-resistance. Time is CPU
time of this process (``time.process_time``), so the figure is per core and does not depend on what else
the machine runs; the best of ``--repeat`` passes is kept. Words are whitespace-separated tokens.

spaCy is measured on the same texts: the blank English tokenizer always, and a full pipeline when
``--spacy`` names an installed one (``en_core_web_sm``). Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from storyline.eval.time import read_timeml, timeml_files
from storyline.extract.time import find_times

ROOT = Path(__file__).resolve().parents[2]
TBAQ = ROOT.parent / "shared" / "bench" / "time" / "TBAQ-cleaned"
SEEDS = ROOT / "examples" / "afghan-resistance"


def best_rate(work: Callable[[], None], words: int, repeat: int) -> float:
    """Words per CPU second over the fastest of ``repeat`` passes."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return words / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--spacy", default=None, help="an installed spaCy pipeline to time as well")
    args = parser.parse_args()

    documents = [(d.text, d.anchor) for d in map(read_timeml, timeml_files(TBAQ))]
    documents += [(p.read_text(encoding="utf-8"), None) for p in sorted(SEEDS.glob("*.txt"))]
    words = sum(len(text.split()) for text, _ in documents)
    mentions = sum(len(find_times(text, anchor)) for text, anchor in documents)

    def tag() -> None:
        for text, anchor in documents:
            find_times(text, anchor)

    result: dict[str, object] = {
        "documents": len(documents),
        "words": words,
        "mentions": mentions,
        "time_words_per_cpu_second": round(best_rate(tag, words, args.repeat)),
    }
    import spacy  # only for the comparison

    tokenizer = spacy.blank("en")

    def tokenize() -> None:
        for text, _ in documents:
            tokenizer(text)

    result["spacy_blank_tokenizer_words_per_cpu_second"] = round(best_rate(tokenize, words, args.repeat))
    if args.spacy:
        pipeline = spacy.load(args.spacy)

        def parse() -> None:
            for _ in pipeline.pipe(text for text, _ in documents):
                pass

        result[f"spacy_{args.spacy}_words_per_cpu_second"] = round(best_rate(parse, words, 1))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
