"""Ingest + clean + store throughput and peak memory on 10,000 articles built from ECB+.

    python benchmarks/ingest/bench_ingest.py --backend sqlite [--articles 10000]
    python benchmarks/ingest/bench_ingest.py --backend postgres   # starts a throwaway server (tests/pg_server.py)

Each run builds a JSONL corpus from the ECB+ documents in ../shared/bench/stories/ecbplus (article n is
document n mod 772 as carried by outlet "Wire <n // 772>", so the ids differ and cleaning does the full
work for each), ingests it into an empty store through the library (``storyline.corpus.ingest``, what the
CLI calls), and prints one JSON line: articles/s, seconds, and the process's peak RSS. Run each backend in
its own process so that peak memory is that backend's alone.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from storyline import corpus
from storyline.eval.stories import read_corpus
from storyline.settings import Options
from storyline.store import open_store

ROOT = Path(__file__).resolve().parents[2]
ECBPLUS = ROOT.parent / "shared" / "bench" / "stories" / "ecbplus"


def write_corpus(path: Path, articles: int) -> int:
    documents = read_corpus(ECBPLUS)
    size = 0
    with path.open("w", encoding="utf-8") as out:
        for n in range(articles):
            doc = documents[n % len(documents)]
            line = json.dumps(
                {"title": doc.text.split("\n", 1)[0], "text": doc.text, "outlet": f"Wire {n // len(documents)}"}
            )
            size += len(line)
            out.write(line + "\n")
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "articles.jsonl"
        chars = write_corpus(source, args.articles)
        server = None
        if args.backend == "postgres":
            sys.path.insert(0, str(ROOT / "tests"))
            from pg_server import start_server

            server = start_server()
            url = server.create_schema()
        else:
            url = f"sqlite:///{folder / 'bench.db'}"
        repo = open_store(url)
        try:
            started = time.perf_counter()
            report = corpus.ingest([str(source)], repo, Options(db=url, progress=False), stages=("clean",))
            seconds = time.perf_counter() - started
        finally:
            repo.close()
            if server is not None:
                from pg_server import stop_server

                stop_server(server)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "backend": args.backend,
                "articles": report.added,
                "input_mb": round(chars / 1e6, 1),
                "seconds": round(seconds, 1),
                "articles_per_s": round(report.added / seconds, 1),
                "peak_rss_mib": round(peak_mib),
            }
        )
    )


if __name__ == "__main__":
    main()
