"""Fit the spin score's logistic weights on the ECB+ copy set's train topics: originals against spun copies.

    .venv/bin/python benchmarks/copies/fit_spin.py --data data/copies-ecbplus

Features per article (``SpinScorer.features``): telltales per 100 common words and mean context gain. Prints the
weights to paste into ``storyline/copies/spin.py`` (``WEIGHTS``), and the flag rates they give on train and dev.
Articles with fewer than ``MIN_ELIGIBLE`` common words get no score and are left out.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import numpy as np

from storyline.copies.spin import FLAG_AT, MIN_ELIGIBLE, SpinScorer


def fit_logistic(x: np.ndarray, y: np.ndarray, ridge: float = 1e-3, steps: int = 50) -> np.ndarray:
    """Newton-Raphson (IRLS) for logistic regression with a small ridge; ``x`` without the intercept column."""
    design = np.hstack([np.ones((len(x), 1)), x])
    weights = np.zeros(design.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-design @ weights))
        gradient = design.T @ (y - p) - ridge * weights
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + ridge * np.eye(len(weights))
        step = np.linalg.solve(hessian, gradient)
        weights += step
        if np.abs(step).max() < 1e-8:
            break
    return weights


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    args = parser.parse_args()
    scorer = SpinScorer()
    rows = [json.loads(line) for line in (args.data / "articles.jsonl").open(encoding="utf-8")]
    samples: dict[str, list[tuple[float, float, int]]] = {"train": [], "dev": []}
    for row in rows:
        if row["variant"] not in ("original", "spun"):
            continue
        rate, gain, eligible, _, _ = scorer.features(row["text"])
        if eligible >= MIN_ELIGIBLE:
            samples[row["split"]].append((rate, gain, int(row["variant"] == "spun")))
    train = np.array(samples["train"])
    weights = fit_logistic(train[:, :2], train[:, 2])
    print("WEIGHTS =", tuple(round(float(w), 3) for w in weights))
    for split, data in samples.items():
        array = np.array(data)
        z = weights[0] + array[:, :2] @ weights[1:]
        flagged = 1 / (1 + np.exp(-z)) >= FLAG_AT
        spun = array[:, 2] == 1
        print(
            f"{split}: originals flagged {flagged[~spun].mean():.4f} ({(~spun).sum()}), "
            f"spun flagged {flagged[spun].mean():.4f} ({spun.sum()})"
        )
    print("check:", math.isfinite(float(weights.sum())))


if __name__ == "__main__":
    main()
