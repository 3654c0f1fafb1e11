"""Score the copies stage and datasketch's MinHashLSH on a labelled copy set, side by side.

    .venv/bin/python benchmarks/copies/run_quality.py --data benchmarks/.data/copies-ecbplus \
        --predictions out/copies-predictions.jsonl

The stage's run is ``storyline.eval.copies.evaluate_copies`` (what ``storyline eval copies`` calls); the baseline is
``baseline_minhash``. Prints one JSON object: ``storyline`` and ``minhashlsh``, each overall and per split.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from storyline.eval.copies import CopiesScore, baseline_minhash, evaluate_copies, read_labelled, score


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--predictions", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    started = time.perf_counter()
    ours = evaluate_copies(args.data, args.predictions)
    ours_s = time.perf_counter() - started
    articles = read_labelled(args.data)
    started = time.perf_counter()
    baseline = baseline_minhash(articles)
    baseline_s = time.perf_counter() - started
    splits = sorted({a.split for a in articles})
    base = score(articles, baseline)
    base_by_split = {name: score(articles, baseline, name) for name in splits}
    result = {
        "storyline": {"seconds": round(ours_s, 1), **ours.to_dict()},
        "minhashlsh": {
            "seconds": round(baseline_s, 1),
            **CopiesScore(**{**base.__dict__, "by_split": base_by_split}).to_dict(),
        },
    }
    text = json.dumps(result, indent=1)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
