"""Train the cue model (``src/storyline/extract/quotes/cue_model.json``): logistic regression over verb features.

Every verb of a PolNeAR training article that has a content frame (:func:`storyline.extract.quotes.indirect.verb_frame`)
is an example, and so is every noun with a complement (:func:`storyline.extract.quotes.nouns.noun_candidates`:
``the claim that …``, ``opposition to …``); it is positive when it lies inside a gold ``Cue`` span. Features are
:func:`storyline.extract.quotes.cues.cue_features` (for nouns :func:`storyline.extract.quotes.nouns.noun_features`).
Needs scikit-learn (training only; the library reads the weights from the generated JSON file and needs nothing
more).

    .venv/bin/python benchmarks/quotes/train_cues.py ../shared/bench/quotes/polnear/train \
        --out src/storyline/extract/quotes/cue_model.json
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.tokens import Doc

from storyline.eval.quotes import PolnearArticle, read_polnear
from storyline.extract.nlp import load_parser
from storyline.extract.quotes.cues import cue_features
from storyline.extract.quotes.direct import find_quoted_spans
from storyline.extract.quotes.indirect import RULE_FRAMES, quote_at, verb_frame
from storyline.extract.quotes.nouns import noun_candidates, noun_features


def examples(articles: Sequence[PolnearArticle], docs: Iterable[Doc]) -> tuple[list[list[str]], list[int]]:
    """One feature list and label per verb with a content frame and per noun with a complement."""
    features: list[list[str]] = []
    labels: list[int] = []
    for article, doc in zip(articles, docs, strict=True):
        cue_chars: set[int] = set()
        for attribution in article.attributions:
            for start, end in attribution.cue:
                cue_chars.update(range(start, end))
        quotes = find_quoted_spans(article.text)
        for token in doc:
            if token.pos_ not in ("VERB", "AUX") or quote_at(quotes, token.idx) is not None:
                continue
            frame, head = verb_frame(token, quotes, set(), article.text)
            if head is None or frame in RULE_FRAMES:
                continue
            features.append(cue_features(token, frame))
            labels.append(int(token.idx in cue_chars))
        for token, frame, _, _ in noun_candidates(doc, quotes):
            features.append(noun_features(token, frame))
            labels.append(int(token.idx in cue_chars))
    return features, labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--sample", type=int, default=None, help="train on a random sample of this many files")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--c", type=float, default=0.5)
    args = parser.parse_args()
    articles = read_polnear(args.data)
    if args.sample is not None:
        random.Random(args.seed).shuffle(articles)
        articles = sorted(articles[: args.sample], key=lambda article: article.name)
    docs = load_parser().pipe((a.text for a in articles), batch_size=8)
    features, labels = examples(articles, docs)
    train(features, labels, args.out, args.min_count, args.c)


def train(features: list[list[str]], labels: list[int], out: Path, min_count: int, c: float) -> None:
    """Fit the logistic model and write the weights module."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = CountVectorizer(analyzer=lambda x: x, min_df=min_count, binary=True)
    matrix = vectorizer.fit_transform(features)
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    weights = {str(name): round(float(w), 4) for name, w in zip(names, model.coef_[0], strict=True) if abs(w) >= 0.01}
    payload = {
        "about": "PolNeAR train cue model; benchmarks/quotes/train_cues.py",
        "bias": round(float(model.intercept_[0]), 4),
        "weights": dict(sorted(weights.items())),
    }
    out.write_text(json.dumps(payload, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(labels)} examples, {sum(labels)} cues, {len(weights)} weights -> {out}")


if __name__ == "__main__":
    main()
