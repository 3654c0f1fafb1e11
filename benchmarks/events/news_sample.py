"""List the events the pipeline codes in a sample of real news, for a hand check of their precision.

PLOVER's gold records all hold an event, so they score what an event is coded as, never whether a sentence holds
one. This script takes every ``--every``-th article of a PolNeAR split (2016 US political news from many outlets,
none of it about the seeds' conflict), from ``--offset``, runs the whole pipeline over them into a fresh SQLite
store and prints one line per coded event: category, mode, source and target as written, the rule that coded it
(its explanation) and the sentence. Run it on two versions of the code and diff the outputs to judge what a
change adds and removes (benchmarks/events/README.md, "Precision on general news").

    .venv/bin/python benchmarks/events/news_sample.py --split train --every 50 --offset 31 > /tmp/after.txt
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POLNEAR = ROOT.parent / "shared" / "bench" / "quotes" / "polnear"


def sample(split: str, every: int, offset: int, limit: int) -> list[Path]:
    """Every ``every``-th text of the split (1-based position ``offset`` modulo ``every``), at most ``limit``."""
    texts = sorted((POLNEAR / split / "text").glob("*.txt"))
    return [t for i, t in enumerate(texts, start=1) if i % every == offset % every][:limit]


@contextmanager
def ingested_sample(texts: list[Path]) -> Iterator[sqlite3.Connection]:
    """The whole pipeline run over ``texts`` into a fresh SQLite store, open for reading; removed on exit."""
    storyline = Path(sys.executable).with_name("storyline")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for text in texts:
            shutil.copy(text, folder / text.name)
        db = Path(tmp) / "sample.db"
        subprocess.run([str(storyline), "ingest", str(folder), "--db", str(db), "--no-progress"], check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        connection = sqlite3.connect(db)
        try:
            yield connection
        finally:
            connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="train", choices=["train", "dev"])
    parser.add_argument("--every", type=int, default=50)
    parser.add_argument("--offset", type=int, default=31)
    parser.add_argument("--limit", type=int, default=16)
    args = parser.parse_args()
    texts = sample(args.split, args.every, args.offset, args.limit)
    if not texts:
        sys.exit(f"no PolNeAR texts under {POLNEAR / args.split}")
    with ingested_sample(texts) as store:
        rows = store.execute(
            'SELECT m.plover, m.mode, m.source_text, m.target_text, m.explanation, a.text, m.start, m."end" '
            "FROM event_mentions m JOIN articles a ON a.id = m.article_id ORDER BY a.id, m.position"
        )
        count = 0
        for plover, mode, source, target, explanation, text, start, end in rows:
            sentence = " ".join(text[start:end].split())
            print(f"{plover} {mode} [{source or ''}] -> [{target or ''}] | {explanation} | {sentence}")
            count += 1
    print(f"{count} events in {len(texts)} articles", file=sys.stderr)


if __name__ == "__main__":
    main()
