"""Held-out check of the quote finder on PolNeAR train: a quarter of the training articles (by text, shuffled with
``random.Random(7)``) is held out, the cue model is trained on the other articles (as ``train_cues.py`` does) and
the finder is scored on the held-out annotation files with that model. Needs scikit-learn, like ``train_cues.py``.

    .venv/bin/python benchmarks/quotes/heldout.py ../shared/bench/quotes/polnear/train
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

from storyline.eval.quotes import QuoteScore, read_polnear, score_article
from storyline.extract.nlp import load_parser
from storyline.extract.quotes import cues, find_quotes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_cues import examples, train


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    articles = read_polnear(args.data)
    texts = sorted({article.text for article in articles})
    random.Random(args.seed).shuffle(texts)
    held = set(texts[: len(texts) // 4])
    docs = dict(zip(texts, load_parser().pipe(texts, batch_size=8), strict=True))
    rest = [article for article in articles if article.text not in held]
    with tempfile.TemporaryDirectory() as folder:
        model = Path(folder) / "cue_model.json"
        features, labels = examples(rest, [docs[article.text] for article in rest])
        train(features, labels, model, 2, 0.5)
        cues.MODEL_PATH = model  # the finder reads this model instead of the shipped one
        cues.cue_model.cache_clear()
        score = QuoteScore()
        for article in articles:
            if article.text not in held:
                continue
            rows: list[dict[str, tuple[int, int] | None]] = []
            for quote in find_quotes(article.text, docs[article.text], ()):
                if quote.cue_start is None or quote.cue_end is None:
                    continue
                source = quote.source_start, quote.source_end
                rows.append(
                    {
                        "source": None if source[0] is None or source[1] is None else (source[0], source[1]),
                        "cue": (quote.cue_start, quote.cue_end),
                        "content": (quote.start, quote.end),
                    }
                )
            score_article(article.text, article.attributions, rows, score)
    print(*score.lines(), sep="\n")


if __name__ == "__main__":
    main()
