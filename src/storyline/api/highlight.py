"""Cut untrusted article text into pieces at annotation offsets, for templates to escape piece by piece.

Highlighting never inserts markup into the text: the text is split at every span boundary, and each piece
carries the classes (and a label) of the spans covering it; the template escapes each piece and wraps it
in an element of its own. Overlapping and nested spans are fine; spans outside the text are clipped, and
empty ones are dropped. A word diff of two passages (a spun copy against its origin) works the same way.
"""

from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Mark:
    """A span to highlight: code-point offsets, a CSS class (from a fixed set, never from data), a label."""

    start: int
    end: int
    css_class: str
    label: str = ""
    anchor: str = ""


@dataclass
class Piece:
    """A run of text and the marks covering all of it (none: plain text)."""

    text: str
    classes: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)

    @property
    def marked(self) -> bool:
        return bool(self.classes)

    @property
    def css(self) -> str:
        return " ".join(dict.fromkeys(self.classes))

    @property
    def title(self) -> str:
        return "; ".join(label for label in dict.fromkeys(self.labels) if label)


def split_text(text: str, marks: list[Mark]) -> list[Piece]:
    """The text as consecutive pieces; concatenating their ``text`` gives back the input exactly."""
    length = len(text)
    clipped = [
        Mark(max(0, mark.start), min(length, mark.end), mark.css_class, mark.label, mark.anchor)
        for mark in marks
        if min(length, mark.end) > max(0, mark.start)
    ]
    cuts = sorted({0, length, *(mark.start for mark in clipped), *(mark.end for mark in clipped)})
    pieces: list[Piece] = []
    for left, right in itertools.pairwise(cuts):
        covering = [mark for mark in clipped if mark.start <= left and right <= mark.end]
        pieces.append(
            Piece(
                text[left:right],
                [mark.css_class for mark in covering],
                [mark.label for mark in covering],
                [mark.anchor for mark in covering if mark.anchor],
            )
        )
    return pieces


_WORDS = re.compile(r"\S+|\s+")


def word_diff(origin: str, copy: str) -> list[dict[str, Any]]:
    """The copy's passage against the origin's, word by word: pieces ``{"text", "op"}``, op one of
    ``same``, ``removed`` (origin's word replaced or dropped) and ``added`` (the copy's word)."""
    left, right = _WORDS.findall(origin), _WORDS.findall(copy)
    pieces: list[dict[str, Any]] = []
    matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
    for op, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if op == "equal":
            pieces.append({"text": "".join(right[b_start:b_end]), "op": "same"})
            continue
        if a_end > a_start:
            pieces.append({"text": "".join(left[a_start:a_end]), "op": "removed"})
        if b_end > b_start:
            pieces.append({"text": "".join(right[b_start:b_end]), "op": "added"})
    return pieces


def spin_comparisons(
    text: str, evidence: dict[str, Any] | None, origin_text: str | None, limit: int = 12
) -> list[dict[str, Any]]:
    """For a copy, its substituted (failing those, its non-verbatim) aligned passages, diffed with the origin's."""
    if not evidence or origin_text is None:
        return []
    passages = [p for p in evidence.get("passages", []) if isinstance(p, dict)]
    # Substituted passages show spinning; failing those, semantic ones show a rewrite. Verbatim runs show nothing.
    substituted = [p for p in passages if p.get("how") == "substituted"] or [
        p for p in passages if p.get("how") != "verbatim"
    ]
    comparisons: list[dict[str, Any]] = []
    for passage in substituted[:limit]:
        try:
            start, end = int(passage["start"]), int(passage["end"])
            other_start, other_end = int(passage["other_start"]), int(passage["other_end"])
        except (KeyError, TypeError, ValueError):
            continue
        mine, theirs = text[start:end], origin_text[other_start:other_end]
        if not mine or not theirs:
            continue
        comparisons.append(
            {
                "how": str(passage.get("how", "")),
                "similarity": passage.get("similarity"),
                "diff": word_diff(theirs, mine),
            }
        )
    return comparisons
