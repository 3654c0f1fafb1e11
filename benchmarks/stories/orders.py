"""ECB+ story and topic B³ over several feeding orders: online clustering depends on the order, so report the spread.

python benchmarks/stories/orders.py --data ../shared/bench/stories/ecbplus --topics dev --seeds 0-4
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from storyline.eval.stories import DEV_TOPICS, evaluate_stories, parse_topics


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--topics", default="dev", help="dev, train, all, or a list such as 1-35 (default dev)")
    parser.add_argument("--seeds", default="0-4", help="feeding orders (default 0-4)")
    args = parser.parse_args(argv)
    if args.topics == "train":
        topics = [topic for topic in range(1, 36) if topic not in DEV_TOPICS]
    elif args.topics == "all":
        topics = list(range(1, 36))
    else:
        topics = parse_topics(args.topics)
    scores = [evaluate_stories(args.data, topics, None, seed=seed) for seed in parse_topics(args.seeds)]
    for score in scores:
        print(
            f"seed {score.seed}: story P {score.story.precision:.3f} R {score.story.recall:.3f} F1 {score.story.f1:.3f}"
            f" | topic P {score.topic.precision:.3f} R {score.topic.recall:.3f} F1 {score.topic.f1:.3f}"
        )
    for name in ("story", "topic"):
        f1 = [getattr(score, name).f1 for score in scores]
        precision = statistics.mean(getattr(score, name).precision for score in scores)
        recall = statistics.mean(getattr(score, name).recall for score in scores)
        print(
            f"{name}: mean P {precision:.3f} R {recall:.3f} F1 {statistics.mean(f1):.3f}"
            f" (min {min(f1):.3f}, max {max(f1):.3f}) over {len(scores)} orders, {scores[0].documents} documents"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
