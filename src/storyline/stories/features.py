"""What an article says about the happening it reports, as weighted terms.

A happening is told apart from others of its kind by its specifics: who (names), where (places), when (years,
months, weekdays) and how much (numbers), on top of the ordinary content words. ``extract_terms`` turns a text into
counts of such terms, each key carrying its kind as a prefix so that each kind can be weighted on its own:

======  ===============================================  =====================
prefix  kind                                              example
======  ===============================================  =====================
(none)  content word, lower-cased and lightly stemmed     ``arrest``
``e:``  capitalised word inside a sentence (a name part)  ``e:pedram``
``p:``  run of capitalised words (a full name)            ``p:abdul latif pedram``
``n:``  number                                            ``n:23``, ``n:6.1``
``y:``  year                                              ``y:2021``
``d:``  weekday                                           ``d:saturday``
``m:``  month                                             ``m:oct``
======  ===============================================  =====================

No language model is needed: names are found from capitalisation, which works for English and most languages
written in Latin or Cyrillic script. Words that begin a sentence are not taken as names (they are capitalised
anyway), nor are the words of title-case lines such as headlines.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from datetime import date
from functools import lru_cache

__all__ = ["KINDS", "extract_terms", "first_sentence", "kind_of", "lead", "parse_day", "term_id"]

KINDS: tuple[str, ...] = ("word", "name", "phrase", "number", "year", "weekday", "month")
_PREFIX_KIND = {"e": "name", "p": "phrase", "n": "number", "y": "year", "d": "weekday", "m": "month"}

_TOKEN = re.compile(r"\w+(?:[.,:]\d+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_MONTHS = {
    "january": "jan", "february": "feb", "march": "mar", "april": "apr", "may": "may", "june": "jun",
    "july": "jul", "august": "aug", "september": "sep", "october": "oct", "november": "nov", "december": "dec",
    "jan": "jan", "feb": "feb", "mar": "mar", "apr": "apr", "jun": "jun", "jul": "jul", "aug": "aug",
    "sep": "sep", "sept": "sep", "oct": "oct", "nov": "nov", "dec": "dec",
}  # fmt: skip
# Function words and reporting verbs: they say nothing about which happening an article reports.
_STOPWORD_TEXT = """
a about above across after again against all almost also although am among an and another any are around as at
be because been before being below between both but by can could did do does doing done down during each
either else even ever every few for from further get gets got had has have having he her here hers herself him
himself his how however i if in into is it its itself just least less like many may me might more most much
must my myself neither no nor not now of off often on once one only or other others our ours ourselves out
over own per perhaps quite rather said same say says see seen she should since so some still such than that
the their theirs them themselves then there these they this those though through thus to told too under until
up upon us very via was we were what whatever when where whether which while who whom whose why will with
within without would yet you your yours yourself yourselves according also mr mrs ms dr new news report
reported reports reuters ap afp
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_SUFFIXES = ("ings", "ing", "edly", "ied", "ies", "ed", "es", "s")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light suffix-stripper: ``arrested``/``arrests``/``arresting`` -> ``arrest``; short words stay."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def term_id(term: str) -> int:
    """A stable 32-bit id for a term key (CRC-32 of its UTF-8 bytes): the same in every process and run."""
    return zlib.crc32(term.encode("utf-8", "surrogatepass"))


def kind_of(term: str) -> str:
    """The kind of a term key made by :func:`extract_terms` (one of ``KINDS``)."""
    if len(term) > 2 and term[1] == ":":
        return _PREFIX_KIND.get(term[0], "word")
    return "word"


def _is_title_case(tokens: list[str]) -> bool:
    long_words = [t for t in tokens if len(t) > 3 and t[0].isalpha()]
    return len(long_words) >= 2 and sum(1 for t in long_words if t[0].isupper()) > 0.6 * len(long_words)


def _sentence_terms(tokens: list[str], counts: Counter[str], names_allowed: bool) -> None:
    phrase: list[str] = []
    for position, token in enumerate(tokens):
        lower = token.lower()
        first = token[0]
        if first.isdigit():
            term = ("y:" if _YEAR.match(lower) else "n:") + lower
        elif lower in _WEEKDAYS:
            term = "d:" + lower
        elif first.isupper() and lower.rstrip(".") in _MONTHS and (lower != "may" or (token == "May" and position > 0)):
            term = "m:" + _MONTHS[lower.rstrip(".")]
        else:
            if lower in STOPWORDS or len(lower) < 2:
                term = ""
            else:
                term = stem(lower)
                counts[term] += 1
            if names_allowed and position > 0 and first.isupper() and term:
                phrase.append(lower)
                continue
            if phrase:
                _count_phrase(phrase, counts)
                phrase = []
            continue
        counts[term] += 1
        if phrase:
            _count_phrase(phrase, counts)
            phrase = []
    if phrase:
        _count_phrase(phrase, counts)


def _count_phrase(phrase: list[str], counts: Counter[str]) -> None:
    if len(phrase) > 1:
        counts["p:" + " ".join(phrase)] += 1
    for part in phrase:
        counts["e:" + part] += 1


def extract_terms(text: str, title: str | None = None) -> Counter[str]:
    """Count the terms of an article (title first, then the text), keyed as described in the module docstring."""
    counts: Counter[str] = Counter()
    source = text if not title else f"{title}\n{text}"
    for sentence in _SENTENCE_END.split(source):
        tokens = _TOKEN.findall(sentence)
        if tokens:
            _sentence_terms(tokens, counts, names_allowed=not _is_title_case(tokens))
    return counts


def lead(text: str, sentences: int) -> str:
    """The first ``sentences`` sentences of a text (lines count as sentence breaks), joined by newlines."""
    kept: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        if sentence.strip():
            kept.append(sentence)
            if len(kept) == sentences:
                break
    return "\n".join(kept)


def first_sentence(text: str, limit: int = 200) -> str:
    """The first sentence (or line) of a text, cut at a word boundary near ``limit`` characters."""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        sentence = _SENTENCE_END.split(line, maxsplit=1)[0].strip()
        if len(sentence) <= limit:
            return sentence
        cut = sentence.rfind(" ", 0, limit)
        return sentence[: cut if cut > limit // 2 else limit].rstrip(",;:") + "…"
    return ""


def parse_day(published: str | None) -> int | None:
    """Day number (proleptic ordinal) of ISO ``YYYY-MM-DD``, ``YYYY-MM`` (the 1st) or ``YYYY`` (1 Jan); else None."""
    if not published:
        return None
    parts = published[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
        return date(year, month, day).toordinal()
    except (ValueError, IndexError):
        return None
