"""The settings of the story and topic index (:class:`storyline.stories.cluster.StoryIndex`)."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.errors import StorylineError
from storyline.stories.features import KINDS

__all__ = ["StoryOptions"]


@dataclass(frozen=True)
class StoryOptions:
    """How the index weighs terms and decides; the defaults were tuned on the ECB+ training topics."""

    # Weight of each kind of term (see ``features.KINDS``) before the IDF weighting.
    kind_weights: tuple[tuple[str, float], ...] = (
        ("word", 1.0),
        ("name", 1.5),
        ("phrase", 0.5),
        ("number", 1.0),
        ("year", 1.0),
        ("weekday", 1.0),
        ("month", 1.0),
    )
    idf_power: float = 1.0  # > 1 would favour rare terms (names, numbers) over common ones still more
    # Topics are about the ongoing subject, not the happening: no numbers or dates.
    topic_kind_weights: tuple[tuple[str, float], ...] = (
        ("word", 1.0),
        ("name", 1.0),
        ("phrase", 1.0),
        ("number", 0.0),
        ("year", 0.0),
        ("weekday", 0.0),
        ("month", 0.0),
    )
    topic_idf_power: float = 1.0
    doc_terms: int = 150  # strongest terms kept in an article's vector
    centroid_terms: int = 100  # strongest terms kept in a story's centroid
    topic_centroid_terms: int = 64  # ... in a topic's centroid, and in the whole stream's (the background)
    query_terms: int = 32  # article terms used to look up candidate stories
    posted_terms: int = 32  # centroid terms under which a story (or topic) is posted in the inverted index
    postings_scanned: int = 200  # most recent stories scanned per query term
    candidates: int = 48  # candidates scored in full
    # Stories: a topic's recent articles are grouped again each time one joins (see ``regroup``).
    regroup_threshold: float = 0.09  # average similarity at which two groups of a topic's window merge, but ...
    regroup_floor: float = 1.1  # ... at least this / n in a window of n: few articles say little about what is shared
    regroup_cohesion: float = 0.0  # two groups merge only if they average this share of the lower of their own averages
    name_share: float = 0.6  # two groups whose names differ stay apart: each has a name this share of it holds ...
    name_absent: float = 0.1  # ... that this share of the other holds at most (a share above 1 turns the rule off)
    name_size: int = 5  # ... when both groups have at least this many members
    name_lead_sentences: int = 3  # ... names of an article's lead: its first this many sentences (0: the whole text)
    lone_link: float = 0.8  # an article left alone joins the group it averages this share of the threshold with
    same_story_cosine: float = 0.35  # or: cosine of two articles' own vectors at which they are one story
    topic_smoothing: float = 3.0  # window size offset in the within-topic weight (1 - df / (n + smoothing)) ** power
    topic_power: float = 1.0
    window_size: int = 64  # most recent articles of a topic that are grouped again (and may change story)
    background_weight: float = 0.5  # share of the cosine to the whole stream taken off each story cosine
    background_warmup: float = 3.0  # articles after which the background counts half (seen / (seen + warmup))
    topic_threshold: float = 0.15  # cosine to a topic centroid needed for an article to join the topic
    topic_link_threshold: float = 0.1  # or: similarity to a story for an article to join that story's topic
    topic_merge_threshold: float = 0.15  # cosine between two topic centroids at which the topics become one
    max_gap_days: int = 7  # articles further apart in publication time are not one story (nor linked to a topic)
    topic_gap_days: int = 400  # a topic silent for longer than this takes no new story
    languages: tuple[str, ...] = ("en",)  # articles in other languages are skipped with a note

    def __post_init__(self) -> None:
        counts = (
            "doc_terms",
            "centroid_terms",
            "topic_centroid_terms",
            "query_terms",
            "posted_terms",
            "candidates",
            "window_size",
            "name_size",
        )
        for name in (*counts, "postings_scanned"):
            if getattr(self, name) < 1:
                raise StorylineError("E410", f"stories option {name} must be at least 1", f"set {name} to 1 or more")
        negative = (
            "max_gap_days",
            "topic_gap_days",
            "background_weight",
            "background_warmup",
            "idf_power",
            "name_lead_sentences",
        )
        for name in (*negative, "topic_smoothing", "topic_power", "regroup_floor", "regroup_cohesion", "name_absent"):
            if getattr(self, name) < 0:
                raise StorylineError("E411", f"stories option {name} must not be negative", f"set {name} to 0 or more")
        for name in ("regroup_threshold", "same_story_cosine"):
            if getattr(self, name) <= 0:
                raise StorylineError("E411", f"stories option {name} must be positive", f"set {name} above 0")
        unknown = {kind for kind, _ in (*self.kind_weights, *self.topic_kind_weights)} - set(KINDS)
        if unknown:
            raise StorylineError(
                "E412", f"unknown term kinds {sorted(unknown)} in the stories options", f"use {', '.join(KINDS)}"
            )

    def weight_of(self, kind: str) -> float:
        return dict(self.kind_weights).get(kind, 1.0)

    def topic_weight_of(self, kind: str) -> float:
        return dict(self.topic_kind_weights).get(kind, 1.0)
