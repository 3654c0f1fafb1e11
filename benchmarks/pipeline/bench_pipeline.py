"""The whole pipeline (ingest to events, every stage) over the ECB+ documents: articles/s and per-stage cost.

    python benchmarks/pipeline/bench_pipeline.py [--articles 772] [--batch-size 32] [--export OUT.jsonl]
        [--profile OUT.prof]

The ECB+ documents of ../shared/bench/stories/ecbplus (772, each once, in the stream order the stories benchmark
uses) are written as JSONL and ingested into an empty SQLite store through ``storyline.corpus.ingest`` with the
default stages, the models loaded beforehand (their load time is reported apart). It prints one JSON line:
articles/s and words/s end to end, the seconds of every stage (``Context.seconds``), the parse's share, what all
other stages cost against the parse (issue 7 asks ≤ 50 %), and the process's peak RSS.

``--export`` writes the resulting store in the export contract's JSONL (to check that a change to the pipeline's
speed leaves its results alone); ``--profile`` writes cProfile statistics of the timed run.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import resource
import tempfile
import time
from pathlib import Path

from storyline import corpus
from storyline.eval.stories import read_corpus, stream_order
from storyline.export import write_export
from storyline.pipeline import DEFAULT_STAGES, build
from storyline.settings import Options
from storyline.store import open_store

ROOT = Path(__file__).resolve().parents[2]
ECBPLUS = ROOT.parent / "shared" / "bench" / "stories" / "ecbplus"


def write_corpus(path: Path, articles: int) -> int:
    """Write the first ``articles`` ECB+ documents in stream order as JSONL; return their words."""
    documents = stream_order(read_corpus(ECBPLUS))[:articles]
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for doc in documents:
            words += len(doc.text.split())
            out.write(json.dumps({"title": doc.text.split("\n", 1)[0], "text": doc.text, "url": doc.url}) + "\n")
    return words


def load_models() -> float:
    """Load every model the stages use, so that the timed run measures work, not loading; return seconds."""
    from storyline.clean.language import identify_language
    from storyline.copies.embed import SentenceEncoder
    from storyline.extract.entities import actor_attributes
    from storyline.extract.geo import geocoder
    from storyline.extract.ner import place_gazetteer
    from storyline.extract.nlp import load_parser, load_pipeline
    from storyline.worker import shared_worker

    started = time.perf_counter()
    load_pipeline()
    load_parser()
    identify_language("The language model loads on first use.")
    place_gazetteer()
    geocoder()
    actor_attributes("Tajik President Emomali Rahmon")
    SentenceEncoder().encode(["warm up"])
    build(DEFAULT_STAGES)
    worker = shared_worker()  # the second process for the NER model and the parser (None: one core, or turned off)
    while worker is not None and not worker.ready() and not worker.broken:
        time.sleep(0.05)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=772)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--export", type=Path, help="write the resulting store as export JSONL here")
    parser.add_argument("--profile", type=Path, help="write cProfile statistics of the timed run here")
    args = parser.parse_args()
    loading = load_models()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "articles.jsonl"
        words = write_corpus(source, args.articles)
        url = f"sqlite:///{folder / 'bench.db'}"
        repo = open_store(url)
        options = Options(db=url, progress=False, batch_size=args.batch_size)
        profile = cProfile.Profile() if args.profile else None
        try:
            started = time.perf_counter()
            if profile is not None:
                profile.enable()
            report = corpus.ingest([str(source)], repo, options)
            seconds = time.perf_counter() - started
            if profile is not None:
                profile.disable()
                profile.dump_stats(args.profile)
            if args.export:
                write_export(repo, "jsonl", args.export)
        finally:
            repo.close()
    # Seconds of each stage in the main process, and of the models' work in the worker process (stage.worker).
    spent = report.stage_seconds
    stages = {name: round(value, 2) for name, value in spent.items() if "." not in name}
    worker = {name.split(".")[0]: round(value, 2) for name, value in spent.items() if name.endswith(".worker")}
    cost = {name: spent.get(name, 0.0) + spent.get(f"{name}.worker", 0.0) for name in stages}
    parse = cost.get("parse", 0.0)
    others = sum(value for name, value in cost.items() if name != "parse")
    print(
        json.dumps(
            {
                "articles": report.added,
                "words": words,
                "seconds": round(seconds, 1),
                "articles_per_s": round(report.added / seconds, 2),
                "words_per_s": round(words / seconds),
                "stage_seconds": stages,
                "worker_seconds": worker,
                "worker_documents": {name: report.stage_counts[f"{name}.worker"] for name in worker},
                "parse_share": round(parse / seconds, 3) if seconds else None,
                "other_stages_vs_parse": round(others / parse, 2) if parse else None,
                "model_load_seconds": round(loading, 1),
                "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "worker_peak_rss_mib": _worker_peak_rss_mib(),
            }
        )
    )


def _worker_peak_rss_mib() -> int | None:
    """The model worker's peak resident memory (Linux), if the run had one."""
    from storyline.worker import shared_worker

    worker = shared_worker(start=False)
    status = Path(f"/proc/{worker.pid}/status") if worker is not None else None
    if status is None or not status.is_file():
        return None
    for line in status.read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024)
    return None


if __name__ == "__main__":
    main()
