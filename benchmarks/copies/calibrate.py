"""Pair-level calibration of the comparison on the ECB+ copy set: features and verdicts per gold relation.

    .venv/bin/python benchmarks/copies/calibrate.py --data data/copies-ecbplus --split train

Pairs: every gold copy with its original (by gold kind), every two originals of one topic and other subtopic
(``hard_negative``) and of one subtopic (``same_event``: separate reports of one happening, not copies).
Prints, per relation, the quantiles of each feature and the verdicts of ``compare``.
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from storyline.copies.compare import compare, prepare
from storyline.copies.embed import SentenceEncoder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--split", default="train", choices=("train", "dev", "all"))
    parser.add_argument("--max-negatives", type=int, default=4000)
    args = parser.parse_args()
    rows = [json.loads(line) for line in (args.data / "articles.jsonl").open(encoding="utf-8")]
    labels = {r["id"]: r for r in (json.loads(line) for line in (args.data / "labels.jsonl").open(encoding="utf-8"))}
    rows = [r for r in rows if args.split == "all" or r["split"] == args.split]
    prepared = {r["id"]: prepare(r["id"], r["text"], r["language"]) for r in rows}
    encoder = SentenceEncoder()
    pairs: list[tuple[str, str, str]] = []
    for r in rows:
        gold = labels[r["id"]]
        if gold["copy_of"] and gold["copy_of"] in prepared:
            pairs.append((r["id"], gold["copy_of"], gold["copy_kind"]))
    originals = [r for r in rows if r["variant"] == "original"]
    by_topic: dict[int, list[dict[str, object]]] = defaultdict(list)
    for r in originals:
        by_topic[int(r["topic"])].append(r)
    negatives: list[tuple[str, str, str]] = []
    for docs in by_topic.values():
        for x, y in itertools.combinations(docs, 2):
            relation = "same_event" if x["subtopic"] == y["subtopic"] else "hard_negative"
            negatives.append((str(x["id"]), str(y["id"]), relation))
    rng = np.random.default_rng(0)
    if len(negatives) > args.max_negatives:
        negatives = [negatives[i] for i in sorted(rng.choice(len(negatives), args.max_negatives, replace=False))]
    features: dict[str, list[dict[str, float]]] = defaultdict(list)
    verdicts: dict[str, Counter[str]] = defaultdict(Counter)
    for a, b, relation in pairs + negatives:
        match = compare(prepared[a], prepared[b], encoder.encode)
        features[relation].append(match.features)
        verdicts[relation][str(match.kind)] += 1
        if relation == "hard_negative" and match.kind is not None:
            print("LINKED hard negative", a, b, match.kind, {k: round(v, 3) for k, v in match.features.items()})
    for relation in sorted(features):
        print(f"== {relation}: {len(features[relation])} pairs, verdicts {dict(verdicts[relation])}")
        names = sorted({k for f in features[relation] for k in f})
        for name in names:
            values = sorted(f[name] for f in features[relation] if name in f)
            qs = [values[int(q * (len(values) - 1))] for q in (0.0, 0.02, 0.05, 0.25, 0.5, 0.75, 0.95, 0.98, 1.0)]
            print(f"   {name:16s} n={len(values):5d} " + " ".join(f"{v:6.3f}" for v in qs))


if __name__ == "__main__":
    main()
