"""List the speakers the pipeline gives the quotes of a sample of real news, for a hand check of who said what.

PolNeAR scores the spans of an attribution, never whom its source names. This script takes every ``--every``-th
article of a PolNeAR split (the sample ``benchmarks/events/news_sample.py`` takes), runs the whole pipeline over
them into a fresh SQLite store and prints one line per quote: article, source as written, the speaker's name, the
entity the store links it to, and the text before the source. ``--pronouns`` keeps the quotes whose source is a
bare "he" or "she". Run it on two versions of the code and diff the outputs to judge what a change moves
(benchmarks/quotes/README.md, "He and she after the text turns to someone new").

    .venv/bin/python benchmarks/quotes/speaker_sample.py --offset 19 --pronouns > /tmp/after.txt
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from news_sample import POLNEAR, ingested_sample, sample

CONTEXT = 250  # characters before the source


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="train", choices=["train", "dev"])
    parser.add_argument("--every", type=int, default=50)
    parser.add_argument("--offset", type=int, default=19)
    parser.add_argument("--limit", type=int, default=16)
    parser.add_argument("--pronouns", action="store_true", help="only quotes whose source is a bare he or she")
    args = parser.parse_args()
    texts = sample(args.split, args.every, args.offset, args.limit)
    if not texts:
        sys.exit(f"no PolNeAR texts under {POLNEAR / args.split}")
    with ingested_sample(texts) as store:
        rows = store.execute(
            "SELECT a.uri, a.text, q.source_start, q.source_end, q.speaker, coalesce(e.name, '-') FROM quotes q "
            "JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_entity_id "
            "ORDER BY a.uri, q.start"
        )
        count = 0
        for uri, text, start, end, speaker, entity in rows:
            source = "" if start is None else text[start:end]
            if args.pronouns and source.lower() not in ("he", "she"):
                continue
            before = " ".join(text[max(0, (start or 0) - CONTEXT) : start or 0].split())
            print(f"{Path(uri).name} | {source} | {speaker or ''} | {entity} | {before}")
            count += 1
    print(f"{count} quotes in {len(texts)} articles", file=sys.stderr)


if __name__ == "__main__":
    main()
