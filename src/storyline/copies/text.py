"""Text pieces the copy index and the comparison share: words with offsets, sentences, anchors, hashes.

Everything works on any script: words are Unicode ``\\w`` runs, normalised by NFKC and case folding.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

WORD_RE = re.compile(r"\w+(?:['’]\w+)*")
# A sentence ends at . ! ? (or the CJK marks) followed by space and a capital, digit or opening quote, or at a line
# break. Abbreviations such as "U.S. officials" may split a sentence in two; both halves still align.
SENTENCE_END_RE = re.compile(r"(?<=[.!?。！？])[\"'”’»)]*\s+(?=[\"'“‘«(]?[^\s\"'“‘«(a-z])|\n+")

_CYRILLIC_LATIN = "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch - y - e yu ya ye i yi g"
_GREEK_LATIN = "a v g d e z i th i k l m n x o p r s t y f ch ps o s"
_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґ", _CYRILLIC_LATIN.split(" "), strict=True))
_GREEK = dict(zip("αβγδεζηθικλμνξοπρστυφχψως", _GREEK_LATIN.split(" "), strict=True))
_TRANSLIT = {**_CYRILLIC, **_GREEK}


@dataclass(frozen=True)
class Words:
    """The words of a text: normalised forms and their code-point spans."""

    forms: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.forms)


def normalise(word: str) -> str:
    return unicodedata.normalize("NFKC", word).casefold().replace("’", "'")


def words(text: str) -> Words:
    if text.isascii():  # NFKC leaves ASCII alone and case folding is lowering: one pass over the lowered text
        matches = list(WORD_RE.finditer(text.lower()))
        return Words(
            tuple(match.group() for match in matches),
            tuple(match.start() for match in matches),
            tuple(match.end() for match in matches),
        )
    forms: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for match in WORD_RE.finditer(text):
        forms.append(normalise(match.group()))
        starts.append(match.start())
        ends.append(match.end())
    return Words(tuple(forms), tuple(starts), tuple(ends))


def sentences(text: str, min_words: int = 3) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text`` with at least ``min_words`` words, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END_RE.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    kept: list[tuple[int, int]] = []
    for begin, end in spans:
        piece = text[begin:end]
        stripped = piece.strip()
        if len(WORD_RE.findall(stripped)) < min_words:
            continue
        offset = begin + (len(piece) - len(piece.lstrip()))
        kept.append((offset, offset + len(stripped)))
    return kept


@lru_cache(maxsize=65_536)
def fold_ascii(word: str) -> str:
    """A script-independent key for a name: transliterate Cyrillic and Greek, drop accents, keep letters and digits."""
    lowered = word.casefold()
    out = "".join(_TRANSLIT.get(ch, ch) for ch in lowered).replace("-", "")
    decomposed = unicodedata.normalize("NFKD", out)
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum())


def anchors(text: str) -> list[str]:
    """Words that survive spinning, rewording and often translation: numbers and capitalised names.

    A capitalised word at the start of a sentence is skipped (it is capitalised by position, not as a name).
    Names are folded to ASCII and cut to their first five letters, so inflections and transliterations
    ("Tajikistan", "Tadschikistan" do not meet, but "Pedram", "Педрам" do) often meet.
    """
    found: list[str] = []
    for begin, end in sentences(text, min_words=1):
        for i, match in enumerate(WORD_RE.finditer(text, begin, end)):
            word = match.group()
            if word[0].isdigit():
                digits = "".join(ch for ch in word if ch.isdigit())
                if digits:
                    found.append("#" + digits)
            elif i > 0 and word[0].isupper():
                key = fold_ascii(word)[:5]
                if len(key) >= 3:
                    found.append(key)
    return found


# A capitalised word (Latin, Greek or Cyrillic capital) or a number, with the sentence break right before it, if any.
_ANCHOR_WITH_BREAK_RE = re.compile(
    r"([.!?。！？][\"'”’»)]*\s+|\n\s*)?\b([A-Z\u00C0-\u00DE\u0391-\u03A9\u0400-\u042F][\w'’]*|\d\w*)"
)


def fast_tokens(text: str) -> tuple[list[str], list[str]]:
    """Two regex passes for the index: the normalised word forms, and the raw anchor words: numbers and
    capitalised words that do not start a sentence (the first word, or a word after a line break or . ! ?)."""
    if text.isascii():
        forms = WORD_RE.findall(text.lower())
    else:
        # Words are found before case-folding: folding can turn a mark that is no word character into a letter
        # (U+0345, the Greek iota subscript, folds to "ι").
        nfkc = unicodedata.normalize("NFKC", text)
        forms = [word.casefold().replace("’", "'") for word in WORD_RE.findall(nfkc)]
    found = _ANCHOR_WITH_BREAK_RE.findall(text)
    first = WORD_RE.search(text)
    start = first.start() if first else -1
    anchor_words = [word for brk, word in found if not brk]
    if found and not found[0][0] and text.find(found[0][1]) == start and not found[0][1][0].isdigit():
        anchor_words = anchor_words[1:]  # the first word of the text starts a sentence
    return forms, anchor_words


def anchor_key(word: str) -> str | None:
    """The anchor key of a raw anchor word (see ``anchors``); None for a name shorter than three letters."""
    if word[0].isdigit():
        return "#" + "".join(ch for ch in word if ch.isdigit())
    key = fold_ascii(word)[:5]
    return key if len(key) >= 3 else None


def hash_tokens(tokens: list[str] | tuple[str, ...]) -> npt.NDArray[np.uint64]:
    """A 32-bit CRC of each token, as uint64 for the shingle arithmetic (stable across processes and machines)."""
    crc = zlib.crc32
    return np.fromiter((crc(t.encode("utf-8", "surrogatepass")) for t in tokens), dtype=np.uint64, count=len(tokens))


_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))


def shingle_hashes(token_hashes: npt.NDArray[np.uint64], size: int) -> npt.NDArray[np.uint64]:
    """64-bit hashes of the runs of ``size`` consecutive tokens (one hash for a text shorter than ``size``).

    Repeated runs give repeated hashes: the sketches take minima, so a multiset sketches like its set.
    """
    n = len(token_hashes)
    if n == 0:
        return np.zeros(0, dtype=np.uint64)
    if n < size:
        size = n
    count = n - size + 1
    mixed = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(size):
            mixed = mixed * _MIX[k % 3] + token_hashes[k : k + count] + np.uint64(k + 1)
        mixed ^= mixed >> np.uint64(29)
        mixed *= _MIX[1]
        mixed ^= mixed >> np.uint64(32)
    return mixed
