"""Sweep the story-decision thresholds on the ECB+ training topics (never the dev topics).

    python benchmarks/stories/tune.py --data ../shared/bench/stories/ecbplus [--seeds 0-4]

For each (story_threshold, background_weight) pair it feeds the training topics (1-35 minus the dev topics) in
several fixed orders and prints the mean story and topic B³ F1. The defaults in ``StoryOptions`` came from sweeps
like this one (and a random search over the term-kind weights, which moved F1 by less than the order-to-order
spread), together with the seed articles' grouping.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import replace
from pathlib import Path

from storyline.eval.stories import DEV_TOPICS, evaluate_stories, parse_topics
from storyline.stories.cluster import StoryOptions

TRAIN_TOPICS = [topic for topic in range(1, 36) if topic not in DEV_TOPICS]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--seeds", default="0-4", help="feeding orders to average over (default 0-4)")
    parser.add_argument("--thresholds", default="0.13,0.15,0.17,0.19,0.21")
    parser.add_argument("--background", default="0.0,0.5,0.7")
    args = parser.parse_args(argv)
    seeds = parse_topics(args.seeds)
    base = StoryOptions()
    print("story_threshold background_weight story_F1 topic_F1")
    for background in (float(x) for x in args.background.split(",")):
        for threshold in (float(x) for x in args.thresholds.split(",")):
            options = replace(base, story_threshold=threshold, background_weight=background)
            scores = [evaluate_stories(args.data, TRAIN_TOPICS, None, seed=seed, options=options) for seed in seeds]
            story = statistics.mean(score.story.f1 for score in scores)
            topic = statistics.mean(score.topic.f1 for score in scores)
            print(f"{threshold:.2f} {background:.2f} {story:.3f} {topic:.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
