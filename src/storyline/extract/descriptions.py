"""Definite descriptions of organisations: ``the party`` after ``the National Congress Party of Afghanistan``.

News names an organisation once and then calls it by what it is (``the party``, ``the movement``, ``the front``).
:func:`organisation_described` finds the organisation such a description refers to: the nearest organisation
mention before it (within :data:`MAX_DISTANCE` characters) whose name holds the description's head noun. Nothing
else is guessed: ``the group`` after ``Taliban`` names nothing, since the name does not say it is a group. The
quotes stage uses it for sources (``…, the party said``), the events stage for actors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from storyline.extract.ner import fold

MAX_DISTANCE = 2000
MAX_WORDS = 4
DETERMINERS = frozenset({"the", "this", "that"})
ORGANISATION_NOUNS = frozenset(
    {"party", "group", "front", "movement", "organisation", "organization", "alliance", "ministry", "agency"}
    | {"company", "council", "committee", "union", "coalition", "militia", "network", "commission", "federation"}
    | {"association", "bank", "court", "government", "army", "league", "bloc"}
)
_WORD = re.compile(r"[\w'’-]+")


class NamedSpan(Protocol):
    """A mention as both the recogniser and the store keep it."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def text(self) -> str: ...

    @property
    def kind(self) -> str: ...


def organisation_described[M: NamedSpan](text: str, start: int, end: int, mentions: Sequence[M]) -> M | None:
    """The organisation mention ``text[start:end]`` describes (``the party``, ``this movement``, ``the ruling
    party``), or None when it is no such description or no organisation before it has that noun in its name."""
    words = [fold(word) for word in _WORD.findall(text[start:end])]
    if not 2 <= len(words) <= MAX_WORDS or words[0] not in DETERMINERS or words[-1] not in ORGANISATION_NOUNS:
        return None
    head = words[-1]
    found: M | None = None
    for mention in mentions:
        if mention.kind != "ORG" or mention.end > start or start - mention.end > MAX_DISTANCE:
            continue
        named = head in (fold(word) for word in _WORD.findall(mention.text))
        if named and (found is None or mention.end > found.end):
            found = mention
    return found
