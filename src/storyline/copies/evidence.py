"""What the copies stage leaves on a document as evidence: aligned passages and telltale spin phrases.

A leaf module (it imports nothing from storyline), so ``document.py`` can name these types without an import
cycle. Every type round-trips through plain JSON-ready dicts (``to_dict`` / ``from_dict``) for the store.
Offsets are code-point offsets into ``Document.text`` (``start``/``end``) and into the matched article's
text (``other_start``/``other_end``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

KINDS: tuple[str, ...] = ("exact", "near", "spun", "translated", "rewrite")


@dataclass(frozen=True)
class AlignedPassage:
    """A passage of this article and the passage of the matched article it lines up with.

    ``how`` says how they line up: ``verbatim`` (same words), ``substituted`` (same word positions, some
    words swapped: the shape spinning leaves) or ``semantic`` (same meaning by sentence embedding: rewrites
    and translations). ``similarity`` is 1.0 for verbatim runs, the share of kept words for substituted
    passages and the cosine for semantic pairs.
    """

    start: int
    end: int
    other_start: int
    other_end: int
    similarity: float
    how: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AlignedPassage:
        return cls(
            int(data["start"]),
            int(data["end"]),
            int(data["other_start"]),
            int(data["other_end"]),
            float(data["similarity"]),
            str(data["how"]),
        )


@dataclass(frozen=True)
class CopyEvidence:
    """Why an article was linked as a copy: the article it was aligned with, the kind, and the passages.

    ``matched_id`` is the member of the copy group the article was compared with; ``Document.copy_of`` is the
    group's origin, which is the same article unless the match was itself a copy. ``also`` lists the other
    indexed articles this one was found to copy at the same time, with the kind (the best match wins
    ``matched_id``: the strongest kind, then the highest score).
    """

    matched_id: str
    kind: str
    score: float
    passages: tuple[AlignedPassage, ...]
    also: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "matched_id": self.matched_id,
            "kind": self.kind,
            "score": self.score,
            "passages": [p.to_dict() for p in self.passages],
            "also": [list(pair) for pair in self.also],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CopyEvidence:
        passages = tuple(AlignedPassage.from_dict(p) for p in data.get("passages", []))
        also = tuple((str(i), str(k)) for i, k in data.get("also", []))
        return cls(str(data["matched_id"]), str(data["kind"]), float(data["score"]), passages, also)


@dataclass(frozen=True)
class SpinPhrase:
    """A phrase that gives spinning away: ``text`` as written, ``expected`` the common phrasing it stands for."""

    start: int
    end: int
    text: str
    expected: str
    surprise: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SpinPhrase:
        return cls(
            int(data["start"]), int(data["end"]), str(data["text"]), str(data["expected"]), float(data["surprise"])
        )


@dataclass(frozen=True)
class SpinEvidence:
    """The spin score of an article, whether it is flagged as spun, and the telltale phrases, most telling first."""

    score: float
    flagged: bool
    phrases: tuple[SpinPhrase, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"score": self.score, "flagged": self.flagged, "phrases": [p.to_dict() for p in self.phrases]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SpinEvidence:
        phrases = tuple(SpinPhrase.from_dict(p) for p in data.get("phrases", []))
        return cls(float(data["score"]), bool(data["flagged"]), phrases)
