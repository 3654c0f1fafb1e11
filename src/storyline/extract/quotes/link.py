"""The same quote carried by several articles, even reworded by translation.

Two quotes of different articles are linked when ``cosine + OVERLAP_WEIGHT * overlap`` reaches
:data:`LINK_THRESHOLD`, where ``cosine`` compares their multilingual sentence embeddings
(:class:`storyline.copies.embed.SentenceEncoder`, Universal Sentence Encoder run in numpy) and ``overlap`` is the
share of the shorter quote's content words found in the other (case- and accent-blind). Quotes whose speakers are
both resolved and differ are never linked. Linked pairs are closed transitively into groups, except where a group
would then hold two different resolved speakers.

Calibration on the seed articles (``benchmarks/quotes/README.md``): the pairs of 000 and 001 that carry the same
statement (001 machine-translated and reworded, two of 000's quotes merged into one) score 0.81-1.48; the highest
pair that does not is 0.79 (cosine 0.60, overlap 0.38); 0.80 sits between. Neither signal alone separates them:
cosine ranges 0.59-0.99 on true pairs and reaches 0.65 on false ones. Quotes shorter than :data:`MIN_WORDS` words are
not linked (``“superb”`` says nothing about where it came from).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

import numpy as np
import numpy.typing as npt

from storyline.extract.ner import fold

if TYPE_CHECKING:
    from storyline.copies.embed import SentenceEncoder

LINK_THRESHOLD = 0.8
OVERLAP_WEIGHT = 0.5
MIN_WORDS = 6
_STOP_TEXT = (
    "a an the of to in on for and or but is are was were be been it its this that these those with by as at from "
    "we our us they their them he his she her i you not no will would can could should may might has have had do "
    "does did so if than then there here which who whom what when where how all any some such"
)
STOP_WORDS = frozenset(_STOP_TEXT.split())


class _HasText(Protocol):
    @property
    def text(self) -> str: ...


@lru_cache(maxsize=65_536)
def content_words(text: str) -> frozenset[str]:
    """Folded words of a quote without function words (remembered: a story's quotes are weighed again and again)."""
    return frozenset(word for word in fold(text).split() if word not in STOP_WORDS and len(word) > 1)


@lru_cache(maxsize=65_536)
def long_enough(text: str) -> bool:
    """Whether a quote has the :data:`MIN_WORDS` words it needs to be linked."""
    return len(text.split()) >= MIN_WORDS


def overlap(first: frozenset[str], second: frozenset[str]) -> float:
    """Share of the smaller word set found in the other."""
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def link_score(cosine: float, word_overlap: float) -> float:
    """How surely two quotes are one: embedding cosine plus half the word overlap."""
    return cosine + OVERLAP_WEIGHT * word_overlap


def _find(parents: list[int], item: int) -> int:
    while parents[item] != item:
        parents[item] = parents[parents[item]]
        item = parents[item]
    return item


def similarity_matrix(texts: Sequence[str], encoder: SentenceEncoder) -> npt.NDArray[np.float32]:
    """Cosine similarity of every pair of texts (unit vectors from the encoder)."""
    vectors = encoder.encode(list(texts))
    matrix: npt.NDArray[np.float32] = vectors @ vectors.T
    return matrix


def link_quotes(
    quotes_by_article: Mapping[str, Sequence[_HasText]],
    *,
    encoder: SentenceEncoder | None = None,
    threshold: float = LINK_THRESHOLD,
) -> list[list[tuple[str, int]]]:
    """Groups of ``(article_id, quote index)`` carrying the same quote across articles (groups of two or more).

    ``encoder`` defaults to a new :class:`~storyline.copies.embed.SentenceEncoder` (loaded only when there are
    quotes from two articles or more to compare).
    """
    items = [
        (article, index, quote.text, getattr(quote, "speaker", None))
        for article, quotes in quotes_by_article.items()
        for index, quote in enumerate(quotes)
        if long_enough(quote.text)
    ]
    if len({item[0] for item in items}) < 2:
        return []
    words = [content_words(item[2]) for item in items]
    if encoder is None:
        from storyline.copies.embed import SentenceEncoder

        encoder = SentenceEncoder()
    cosine = similarity_matrix([item[2] for item in items], encoder)
    parents = list(range(len(items)))
    known = [frozenset() if item[3] is None else frozenset({item[3]}) for item in items]  # per group root
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if items[i][0] == items[j][0]:
                continue
            first, second = _find(parents, i), _find(parents, j)
            if first == second or len(known[first] | known[second]) > 1:
                continue  # a group never joins quotes of two different speakers, not even through a third
            if link_score(float(cosine[i, j]), overlap(words[i], words[j])) >= threshold:
                parents[first] = second
                known[second] = known[first] | known[second]
    groups: dict[int, list[tuple[str, int]]] = {}
    for position, (article, index, _, _) in enumerate(items):
        groups.setdefault(_find(parents, position), []).append((article, index))
    linked = [sorted(group) for group in groups.values() if len({article for article, _ in group}) >= 2]
    return sorted(linked)
