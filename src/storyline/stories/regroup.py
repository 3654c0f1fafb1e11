"""Re-grouping a topic's recent articles into stories, weighted by what tells the topic's happenings apart.

Inside one topic, what every article of the topic says (the pirates, the navy, the Gulf of Aden) is no evidence of
*which* happening an article reports; what only some of them say (a ship's name, 23 or 26 pirates, 2008 or 2011) is.
So each time an article joins a topic, the topic's recent articles (its *window*) are grouped again:

1. Each member's story vector (global IDF, see :mod:`storyline.stories.cluster`) is re-weighted by how
   discriminative each term is inside the window: ``(1 - df / (n + topic_smoothing)) ** topic_power``, where ``df``
   counts the members that hold the term and ``n`` is the window's size. The smoothing keeps what two or three
   articles share from counting for nothing before the topic has shown its variety.
2. The re-weighted vectors are compared (cosine). So are the vectors as they are: two articles that are close even
   with the whole stream's weights (``same_story_cosine``) report one happening whatever their topic, which matters
   while a window holds too few articles for its weights to say much. Each pair's score is the better of the two
   similarities, each divided by its threshold; the within-topic threshold is ``regroup_threshold`` but at least
   ``regroup_floor / n`` (a window of a handful of articles shows little of what its topic shares). Two members
   further apart in publication time than ``max_gap_days`` score 0.
3. The members are grouped by average-link agglomeration, merging while two groups' average score reaches 1.
4. The caller maps the groups onto the topic's existing stories (largest overlap first), so that story ids stay
   where they were whenever the evidence allows.

The window is small (``window_size`` members at most, and only those published within ``max_gap_days`` of the
newest), so a regrouping costs a dense matrix product of a few dozen rows: well under a millisecond.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

__all__ = ["Member", "average_link", "match_groups", "window_similarities"]


@dataclass(slots=True, eq=False)
class Member:
    """An article in its topic's window: its story vector (term ids and unit-length weights), day and arrival."""

    article_id: str
    terms: np.ndarray  # uint32 term ids
    weights: np.ndarray  # float32 weights, unit length (the article's story vector)
    day: int | None
    arrival: int  # the index's article count when it came in: orders the window
    published: str | None = None
    outlet: str | None = None
    headline: tuple[str, bool] | None = None  # (headline or first sentence, is headline), as the story keeps titles
    copies: list[str] = field(default_factory=list)  # copies that joined this article's story: they move with it
    names: frozenset[int] = frozenset()  # ids of the name terms (capitalised words) among ``terms``


def window_similarities(
    members: Sequence[Member], *, smoothing: float, power: float, max_gap_days: int | None
) -> tuple[np.ndarray, np.ndarray]:
    """Cosine similarities of the members' vectors re-weighted by how few members of the window share each term,
    and of their vectors as they are (weighted over the whole stream)."""
    count = len(members)
    lengths = [len(member.terms) for member in members]
    if count == 0 or sum(lengths) == 0:
        return np.eye(count), np.eye(count)
    rows = np.repeat(np.arange(count), lengths)
    _, position = np.unique(np.concatenate([member.terms for member in members]), return_inverse=True)
    shared_by = np.bincount(position)
    plain = np.concatenate([member.weights for member in members]).astype(np.float64)
    weights = plain * np.clip(1.0 - shared_by / (count + smoothing), 0.0, None)[position] ** power
    norms = np.sqrt(np.bincount(rows, weights=weights * weights, minlength=count))
    norms[norms == 0.0] = 1.0
    # Only terms two members or more hold add to a dot product: the matrix keeps those columns alone.
    held = shared_by[position] >= 2
    column = np.cumsum(shared_by >= 2) - 1
    matrix = np.zeros((count, int(column[-1]) + 1 if len(column) else 0))
    matrix[rows[held], column[position[held]]] = weights[held] / norms[rows[held]]
    similarity = matrix @ matrix.T
    matrix[rows[held], column[position[held]]] = plain[held]
    plain_similarity = matrix @ matrix.T
    for result in (similarity, plain_similarity):
        np.fill_diagonal(result, 1.0)
    if max_gap_days is not None:
        days = np.array([np.nan if member.day is None else member.day for member in members])
        apart = np.abs(days[:, None] - days[None, :]) > max_gap_days  # nan compares False: undated is never apart
        similarity[apart] = plain_similarity[apart] = 0.0
    return similarity, plain_similarity


def name_marks(members: Sequence[Member]) -> np.ndarray:
    """Which members hold which name (a column per name two members or more hold): 1.0 or 0.0."""
    held = Counter(name for member in members for name in member.names)
    columns = {name: column for column, name in enumerate(sorted(name for name, n in held.items() if n >= 2))}
    marks = np.zeros((len(members), len(columns)))
    for row, member in enumerate(members):
        for name in member.names:
            column = columns.get(name)
            if column is not None:
                marks[row, column] = 1.0
    return marks


def names_conflict(first: np.ndarray, second: np.ndarray, share: float, absent: float) -> bool:
    """Whether each group has a name most of it holds (``share`` or more) that the other barely holds (``absent``
    or less): two happenings of one topic with different people, places or things at their centre."""
    return bool(np.any((first >= share) & (second <= absent)) and np.any((second >= share) & (first <= absent)))


def average_link(
    similarity: np.ndarray,
    threshold: float,
    cohesion: float = 0.0,
    marks: np.ndarray | None = None,
    name_share: float = 0.5,
    name_absent: float = 0.0,
    name_size: int = 2,
) -> list[int]:
    """Group items by average-link agglomeration until no two groups average ``threshold``; a group label per item.

    With ``cohesion`` above 0, two groups of two or more items each merge only when their average also reaches
    ``cohesion`` times the lower of their own averages (the mean score of the pairs inside each): two tight groups
    that are only loosely linked to each other stay apart, however the absolute threshold is set.

    Labels are the lowest item index of each group. Ties go to the lower indices, so the result is deterministic.
    """
    count = len(similarity)
    labels = list(range(count))
    if count < 2:
        return labels
    linked = similarity.astype(np.float64, copy=True)
    np.fill_diagonal(linked, -np.inf)
    sizes = np.ones(count)
    inside = np.zeros(count)  # sum of the scores of the pairs inside each group
    candidates = linked.copy()  # linked, less the pairs the cohesion rule has turned down
    held = marks.copy() if marks is not None else np.zeros((count, 0))  # how many of each group hold each name
    for _ in range(count - 1):
        while True:
            flat = int(np.argmax(candidates))
            first, second = divmod(flat, count)
            if candidates[first, second] < threshold:
                return labels
            ok = True
            if marks is not None and marks.shape[1] and min(sizes[first], sizes[second]) >= name_size:
                ok = not names_conflict(
                    held[first] / sizes[first], held[second] / sizes[second], name_share, name_absent
                )
            if ok and cohesion > 0.0 and sizes[first] >= 2 and sizes[second] >= 2:
                own = min(inside[first] / _pairs(sizes[first]), inside[second] / _pairs(sizes[second]))
                ok = linked[first, second] >= cohesion * own
            if ok:
                break
            candidates[first, second] = candidates[second, first] = -np.inf
        keep, gone = min(first, second), max(first, second)
        inside[keep] += inside[gone] + linked[keep, gone] * sizes[keep] * sizes[gone]
        merged = (sizes[keep] * linked[keep] + sizes[gone] * linked[gone]) / (sizes[keep] + sizes[gone])
        for matrix in (linked, candidates):
            matrix[keep, :] = merged
            matrix[:, keep] = merged
            matrix[keep, keep] = -np.inf
            matrix[gone, :] = -np.inf
            matrix[:, gone] = -np.inf
        held[keep] += held[gone]
        sizes[keep] += sizes[gone]
        labels = [keep if label == gone else label for label in labels]
    return labels


def _pairs(size: float) -> float:
    return size * (size - 1) / 2


def match_groups(labels: Sequence[int], stories: Sequence[int | None]) -> dict[int, int | None]:
    """Map each group label to the existing story it shares the most members with, one group per story.

    ``stories[i]`` is the story member ``i`` is in now (None for one not yet placed). Pairs are taken by overlap,
    largest first (ties: the larger group, then the older story); a group left without a story maps to None (a new
    story is to be opened for it).
    """
    sizes = Counter(labels)
    overlap = Counter((label, story) for label, story in zip(labels, stories, strict=True) if story is not None)
    chosen: dict[int, int | None] = {}
    taken: set[int] = set()
    for (label, story), _ in sorted(overlap.items(), key=lambda item: (-item[1], -sizes[item[0][0]], item[0][1])):
        if label in chosen or story in taken:
            continue
        chosen[label] = story
        taken.add(story)
    for label in sizes:
        chosen.setdefault(label, None)
    return chosen


def attach_lone(labels: Sequence[int], score: np.ndarray, minimum: float) -> list[int]:
    """Put each member left alone into the group of two or more it averages the highest score with, when that is
    ``minimum`` or more (groups as average-link left them: a lone member does not draw another one in)."""
    groups: dict[int, list[int]] = {}
    for item, label in enumerate(labels):
        groups.setdefault(label, []).append(item)
    larger = [items for items in groups.values() if len(items) > 1]
    result = list(labels)
    if not larger:
        return result
    for items in groups.values():
        if len(items) != 1:
            continue
        (item,) = items
        averages = [float(score[item, members].mean()) for members in larger]
        best = int(np.argmax(averages))
        if averages[best] >= minimum:
            result[item] = labels[larger[best][0]]
    return result
