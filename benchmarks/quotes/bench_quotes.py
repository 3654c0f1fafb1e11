"""Throughput of the quote finder beside the parse it runs on.

Parses every article of a folder of ``.txt`` files (or of a PolNeAR split's ``text/``) once with
``load_parser()``, then times :func:`storyline.extract.quotes.find_quotes` alone over the parsed documents
(``--repeat`` passes), and prints words per second for both. Entities are left out (``--entities`` adds
:func:`storyline.extract.ner.recognise` and times it too), so the figure is the quote rules, not NER.

    .venv/bin/python benchmarks/quotes/bench_quotes.py ../shared/bench/quotes/polnear/dev/text
    .venv/bin/python benchmarks/quotes/bench_quotes.py examples/afghan-resistance --entities --repeat 5
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path

from storyline.extract.ner import EntityMention
from storyline.extract.nlp import load_parser
from storyline.extract.quotes import find_quotes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--entities", action="store_true")
    args = parser.parse_args()
    paths = sorted(args.folder.glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    words = sum(len(text.split()) for text in texts)
    nlp = load_parser()
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=8))
    parse_seconds = time.perf_counter() - started
    entities: list[Sequence[EntityMention]] = [() for _ in texts]
    if args.entities:
        from storyline.extract.ner import recognise

        started = time.perf_counter()
        entities = list(recognise(texts))
        ner_seconds = time.perf_counter() - started
        print(f"ner      {ner_seconds:8.2f} s  {words / ner_seconds:10.0f} words/s")
    found = 0
    started = time.perf_counter()
    for _ in range(args.repeat):
        found = sum(len(find_quotes(t, d, e)) for t, d, e in zip(texts, docs, entities, strict=True))
    quote_seconds = (time.perf_counter() - started) / args.repeat
    print(f"{len(texts)} articles, {words} words, {found} quotes and attributions")
    print(f"parse    {parse_seconds:8.2f} s  {words / parse_seconds:10.0f} words/s")
    print(f"quotes   {quote_seconds:8.2f} s  {words / quote_seconds:10.0f} words/s  (mean of {args.repeat})")


if __name__ == "__main__":
    main()
