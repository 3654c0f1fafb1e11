"""Spun spellings of organisation names: a synonym spinner's rewrite of a name the corpus already knows.

Spinning tools swap the words of a text for thesaurus synonyms, names included: the spun copies of the seed
corpus write "Nationwide Resistance Entrance" for the National Resistance Front and "the Nationwide congress
occasion of Afghanistan" for the National Congress Party of Afghanistan, lower-casing words on the way, so the
model finds the first as a new name and the second not at all. A phrase *spells* a known name when, read back
word by word through the spinner's synonyms, it gives that name (case- and accent-blind):

* the synonyms are those the spin score reads (:func:`storyline.copies.synonyms.load_table`, WordNet, most
  common senses) and :data:`SPINNER_SWAPS`, swaps of name words that spun copies show and that WordNet's most
  common senses do not link (``nationwide`` → ``national``, ``occasion`` → ``party``, ``entrance`` → ``front``);
* the name has three content words or more, at least one of them swapped and at least one kept (``congress``),
  so that no short name ("Department of Transport" in "Department of Transportation") and no name rewritten
  throughout is ever read into a phrase.

:class:`SpunNames` holds known names and finds the one a phrase spells (in either direction: the phrase is a
spun copy of a known name, or a known name is a spun copy of the phrase). :func:`spun_mentions` finds spun
names in an article's text that the recogniser left out or did not take for organisations: a phrase that spells
a known organisation, starting with a capitalised word that does not start the sentence (or with two capitalised
content words), on one line, is an ``ORG`` mention. The ``entities`` stage reads the names of
:data:`~storyline.extract.entities.lexicon.ORGANISATIONS`, of the organisations the index has seen and of the
article's own; the index merges a spun name with the name it spells (evidence ``"spun spelling of '...'"``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from storyline.extract.entities.lexicon import ORGANISATIONS
from storyline.extract.entities.names import ACRONYM_SKIP_WORDS, name_key
from storyline.extract.ner import EntityMention, fold

MIN_WORDS = 3  # content words: a shorter name is too easily spelled by ordinary words ("Department of Transport")
# Spun word -> the name words it stands for: swaps seen in spun copies that WordNet's most common senses miss.
_SWAP_TEXT = """
nationwide:national occasion:party entrance:front photographs:images worldwide:international
"""
SPINNER_SWAPS: dict[str, tuple[str, ...]] = {
    spun: (original,) for spun, original in (pair.split(":") for pair in _SWAP_TEXT.split())
}
_WORD = re.compile(r"\w+")
_JOINERS = frozenset({" ", "-", "\u00a0"})  # what may stand between the words of one name
_SENTENCE_ENDS = frozenset(".!?:;\"“”‘'|")


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, tuple[str, ...]]:
    from storyline.copies.synonyms import load_table

    return load_table()


@lru_cache(maxsize=65536)
def originals(word: str) -> frozenset[str]:
    """The name words a spinner may have swapped for ``word`` (folded), the word itself not included."""
    found = _synonyms().get(word, ()) + SPINNER_SWAPS.get(word, ())
    return frozenset(found) - {word}


def spells(spun: Sequence[str], original: Sequence[str]) -> bool:
    """Whether the folded words ``spun`` read back through the spinner's synonyms give ``original`` (see the
    module docstring: three content words or more, one swapped at least, one content word kept at least)."""
    if len(spun) != len(original) or _content_words(original) < MIN_WORDS:
        return False
    swapped = kept = 0
    for word, name_word in zip(spun, original, strict=True):
        if word == name_word:
            kept += name_word not in ACRONYM_SKIP_WORDS
        elif name_word in originals(word):
            swapped += 1
        else:
            return False
    return swapped > 0 and kept > 0


@dataclass(frozen=True)
class Spelling:
    """A phrase and the known name it spells; ``reverse`` when the known name is the spun copy of the phrase."""

    name: str
    size: int
    reverse: bool

    @property
    def evidence(self) -> str:
        if self.reverse:
            return f"'{self.name}' is a spun spelling of it"
        return f"spun spelling of '{self.name}'"


class SpunNames:
    """Known names of three content words or more, by their first word and by the words a spinner may have
    written for it (a plain picklable object: the entity index keeps one)."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._by_original: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._known: set[tuple[str, ...]] = set()
        for name in names:
            self.add(name)

    def add(self, name: str) -> None:
        words = tuple(name_key(name).split())
        if _content_words(words) < MIN_WORDS or words in self._known:
            return
        self._known.add(words)
        self._by_first.setdefault(words[0], []).append((words, name))
        for original in originals(words[0]):
            self._by_original.setdefault(original, []).append((words, name))

    def spelled(self, words: Sequence[str], *, reverse: bool = False) -> Spelling | None:
        """The longest known name that the start of ``words`` (folded) spells; with ``reverse``, also a known name
        that spells the start of ``words``."""
        if not words:
            return None
        best: Spelling | None = None
        first = words[0]
        for key in (first, *originals(first)):
            for name_words, name in self._by_first.get(key, ()):
                size = len(name_words)
                if (best is None or size > best.size) and spells(words[:size], name_words):
                    best = Spelling(name, size, reverse=False)
        if reverse and best is None:
            for name_words, name in self._by_original.get(first, ()):
                size = len(name_words)
                if (best is None or size > best.size) and spells(name_words, words[:size]):
                    best = Spelling(name, size, reverse=True)
        return best


@lru_cache(maxsize=1)
def lexicon_names() -> SpunNames:
    """The organisations of the lexicon (international bodies, agencies, movements) as known names."""
    return SpunNames(ORGANISATIONS)


def spun_mentions(text: str, found: Sequence[EntityMention], books: Sequence[SpunNames]) -> list[EntityMention]:
    """``found`` with the spun spellings of the names in ``books`` added as ``ORG`` mentions (see the module
    docstring); mentions inside a spun name (its country: "... of Afghanistan") give way to it."""
    tokens = list(_WORD.finditer(text))
    folded: dict[int, str] = {}  # only the words of capitalised runs are ever read: fold those

    def words_between(first: int, last: int) -> list[str]:
        for index in range(first, last):
            if index not in folded:
                folded[index] = fold(tokens[index].group())
        return [folded[index] for index in range(first, last)]

    added: list[EntityMention] = []
    taken: set[int] = set()
    position = 0
    while position < len(tokens):
        token = tokens[position]
        if not token.group()[:1].isupper():
            position += 1
            continue
        run = _name_run(text, tokens, position)
        run_words = words_between(position, run)
        spellings = [spelling for book in books if (spelling := book.spelled(run_words)) is not None]
        spelling = max(spellings, key=lambda s: s.size, default=None)
        if spelling is None:
            position += 1
            continue
        phrase = tokens[position : position + spelling.size]
        start, end = phrase[0].start(), phrase[-1].end()
        capitalised = sum(t.group()[:1].isupper() and fold(t.group()) not in ACRONYM_SKIP_WORDS for t in phrase)
        inside = [m for m in found if start <= m.start and m.end <= end]
        crossing = any(m.start < end and start < m.end and m not in inside for m in found)
        exact = [m for m in inside if (m.start, m.end) == (start, end)]
        if crossing or (exact and exact[0].kind == "ORG") or (_starts_sentence(text, start) and capitalised < 2):
            position += 1
            continue
        taken.update(id(m) for m in inside)
        added.append(EntityMention(start, end, text[start:end], "ORG", "ORG", "corpus"))
        position += spelling.size
    if not added:
        return list(found)
    kept = [m for m in found if id(m) not in taken]
    return sorted(kept + added, key=lambda m: (m.start, m.end))


def _content_words(words: Sequence[str]) -> int:
    return sum(word not in ACRONYM_SKIP_WORDS for word in words)


def _name_run(text: str, tokens: Sequence[re.Match[str]], position: int) -> int:
    """The end of the tokens from ``position`` joined by single spaces or hyphens on one line."""
    end = position + 1
    while end < len(tokens) and text[tokens[end - 1].end() : tokens[end].start()] in _JOINERS:
        end += 1
    return end


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before.endswith("\n") or before[-1] in _SENTENCE_ENDS
