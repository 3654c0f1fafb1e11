"""Extractive titles: a story is named by the most representative headline among its articles.

Each story keeps the headlines of its first articles, and for articles without a headline their first sentence.
The title is the candidate whose terms carry the most of the story centroid's weight, divided by the square root
of its length so that long sentences do not win by size alone; ties go to the earliest candidate. A headline is
preferred to any first sentence: it was written to name the happening.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from storyline.stories.features import extract_terms, term_id

__all__ = ["best_title", "title_score"]


def title_score(title: str, centroid: dict[int, float]) -> float:
    """How much of a centroid's weight a title's terms carry, for its length."""
    terms = {term_id(term) for term in extract_terms(title)}
    if not terms:
        return 0.0
    return sum(centroid.get(term, 0.0) for term in terms) / math.sqrt(len(terms))


def best_title(
    titles: Sequence[tuple[str, bool]], centroid_terms: Sequence[int], centroid_weights: Sequence[float]
) -> str:
    """The most representative of ``titles`` (text, is-headline) for a centroid; "" when there is none."""
    headlines = [text for text, is_headline in titles if is_headline]
    return _most_representative(headlines or [text for text, _ in titles], centroid_terms, centroid_weights)


def _most_representative(
    titles: Sequence[str], centroid_terms: Sequence[int], centroid_weights: Sequence[float]
) -> str:
    if not titles:
        return ""
    centroid = dict(zip(centroid_terms, centroid_weights, strict=True))
    best, best_score = titles[0], title_score(titles[0], centroid)
    for title in titles[1:]:
        score = title_score(title, centroid)
        if score > best_score:
            best, best_score = title, score
    return best
