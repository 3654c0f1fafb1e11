"""Spin score: how likely an English text is a synonym-spun rewrite, with no original needed.

Spinning tools swap words for thesaurus synonyms without regard to context, so a spun text is full of
collocations that fluent writers never produce: "performing president" for "acting president", "worldwide group"
for "international community", "Getty Photographs" for "Getty Images". The score measures that against a
reference language model of English, the CMU generic trigram model that ships in the ``pocketsphinx`` wheel:

- **telltales**: a word whose swap for one of its own synonyms (WordNet, most common senses) makes the words
  around it far likelier under the model (by ``TELLTALE_NATS`` or more) is a telltale; the telltale phrase is
  the word with its neighbours (the whole capitalised name when it sits in one), and ``expected`` says what it
  stands for;
- **context gain**: the mean gain in log-probability that a word's two predecessors give it; spun text, whose
  collocations are broken, gains less.

The two combine in a logistic score fitted on the ECB+ copy benchmark's train topics (originals against their
spun copies, ``benchmarks/copies/fit_spin.py``). Texts in other languages get no score (``None``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from storyline.copies.evidence import SpinEvidence, SpinPhrase
from storyline.errors import StorylineError

TOKEN_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
CLAUSE_BREAK_RE = re.compile(r"[^\w\s'’-]|\n")
# One scan for both: a word (group 1) or a clause-break character; no word contains a break character.
_WORD_OR_BREAK_RE = re.compile(rf"({TOKEN_RE.pattern})|{CLAUSE_BREAK_RE.pattern}")
LOG_BASE = math.log(1.0001)  # pocketsphinx scores are in units of log base 1.0001
IMPOSSIBLE = -536870912
COMMON_WORD = -13.0  # natural-log unigram probability above which a word counts as common
TELLTALE_NATS = 3.0  # a synonym must make the neighbourhood e**3 = 20 times likelier
MIN_ELIGIBLE = 20  # fewer common words than this: too little text to judge
# Logistic weights over (telltales per 100 common words, mean context gain); see benchmarks/copies/fit_spin.py.
WEIGHTS = (3.53, 0.528, -6.089)
FLAG_AT = 0.5
MAX_PHRASES = 25
_STOPWORDS_TEXT = """
a an the of to in and or for on at by with from as is was are were be been being has have had it its that this
these those he she they we i you him her them us me my your his their our not no but if so do does did will
would can could may might must shall should than then there here who whom which what when where why how
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


class ReferenceModel:
    """The reference trigram model of English, with cached natural-log probabilities."""

    PROBES = ("aardvark", "xylophone")  # known words that follow almost nothing: they expose backoff weights

    def __init__(self, path: Path | None = None) -> None:
        try:
            from pocketsphinx import NGramModel, get_model_path
        except ImportError as error:  # pragma: no cover - the package is a dependency
            raise StorylineError(
                "E303", "the reference language model is not installed", "pip install pocketsphinx"
            ) from error
        model_path = path or Path(get_model_path()) / "en-us" / "en-us.lm.bin"
        self._model: Any = NGramModel.readfile(str(model_path))
        # One cache per order: unigrams by word, longer n-grams by tuple (word first, history nearest first).
        self._unigrams: dict[str, float] = {}
        self._cache: dict[tuple[str, ...], float] = {}

    def _ask(self, key: list[str]) -> float:
        raw = self._model.prob(key)
        return -math.inf if raw <= IMPOSSIBLE else raw * LOG_BASE

    def logp(self, word: str, *history: str) -> float:
        """ln P(word | history), history nearest first; -inf for unknown words."""
        if not history:
            return self.unigram(word)
        key = (word, *history)
        value = self._cache.get(key)
        if value is None:
            if len(self._cache) > 500_000:
                self._cache.clear()
            value = self._cache[key] = self._ask(list(key))
        return value

    def bigram(self, word: str, before: str) -> float:
        """ln P(word | before)."""
        key = (word, before)
        value = self._cache.get(key)
        if value is None:
            if len(self._cache) > 500_000:
                self._cache.clear()
            value = self._cache[key] = self._ask([word, before])
        return value

    def known(self, word: str) -> bool:
        return self.unigram(word) > -math.inf

    def unigram(self, word: str) -> float:
        value = self._unigrams.get(word)
        if value is None:
            if len(self._unigrams) > 500_000:  # bounded like the n-gram cache: names and typos never end
                self._unigrams.clear()
            value = self._unigrams[word] = self._ask([word])
        return value


class _Token(NamedTuple):
    text: str
    lower: str
    start: int
    end: int
    clause: int


def _tokens(text: str) -> list[_Token]:
    """The words of ``text``, each with the number of its clause (a clause break lies between two words)."""
    out: list[_Token] = []
    clause = 0
    broken = False
    for match in _WORD_OR_BREAK_RE.finditer(text):
        word = match.group(1)
        if word is None:  # a clause break: the next word starts a new clause
            broken = True
            continue
        if broken:
            clause += 1
            broken = False
        out.append(_Token(word, word.lower().replace("’", "'"), match.start(), match.end(), clause))
    return out


@dataclass(frozen=True)
class _Telltale:
    index: int
    replacement: str
    gain: float


class SpinScorer:
    """Scores texts for spinning; holds the reference model and the synonym table (one per run)."""

    def __init__(self, model: ReferenceModel | None = None, synonyms: dict[str, tuple[str, ...]] | None = None) -> None:
        from storyline.copies.synonyms import load_table

        self.model = model or ReferenceModel()
        self.synonyms = synonyms if synonyms is not None else load_table()
        self._candidate_cache: dict[str, tuple[str, ...]] = {}
        self._swaps: dict[tuple[str | None, str, str | None], tuple[str, float] | None] = {}  # by neighbourhood

    def features(self, text: str) -> tuple[float, float, int, list[_Telltale], list[_Token]]:
        """(telltales per 100 common words, mean context gain, common words, telltales, tokens)."""
        tokens = _tokens(text)
        model = self.model
        unigram, logp = model.unigram, model.logp
        telltales: list[_Telltale] = []
        eligible = 0
        gains: list[float] = []
        inf = -math.inf
        last = len(tokens) - 1
        swaps = self._swaps
        for i, token in enumerate(tokens):
            word = token.lower
            uni = unigram(word)
            if uni == inf:
                continue
            clause = token.clause
            before = tokens[i - 1].lower if i > 0 and tokens[i - 1].clause == clause else None
            before_known = before is not None and unigram(before) > inf
            if before is not None and before_known:
                before2 = tokens[i - 2].lower if i > 1 and tokens[i - 2].clause == clause else None
                if before2 and unigram(before2) > inf:
                    gains.append(logp(word, before, before2) - uni)
                else:
                    gains.append(model.bigram(word, before) - uni)
            if uni < COMMON_WORD or word in STOPWORDS:
                continue
            eligible += 1
            after = tokens[i + 1].lower if i < last and tokens[i + 1].clause == clause else None
            if not before_known:
                before = None
            if after is not None and unigram(after) == inf:
                after = None
            if before is None and after is None:
                continue
            key = (before, word, after)
            if key in swaps:
                best = swaps[key]
            else:
                if len(swaps) > 200_000:
                    swaps.clear()
                best = swaps[key] = self._best_swap(before, word, after)
            if best is not None:
                telltales.append(_Telltale(i, best[0], best[1]))
        rate = 100.0 * len(telltales) / max(eligible, 1)
        gain = sum(gains) / len(gains) if gains else 0.0
        return rate, gain, eligible, telltales, tokens

    def _best_swap(self, before: str | None, word: str, after: str | None) -> tuple[str, float] | None:
        """The synonym of ``word`` that makes its neighbourhood likeliest, with its gain, if it gains enough."""
        candidates = self._candidates(word)
        if not candidates:
            return None
        base = self._local(before, word, after)
        best: tuple[str, float] | None = None
        for candidate in candidates:
            gain = self._local(before, candidate, after) - base
            if gain >= TELLTALE_NATS and (best is None or gain > best[1]):
                best = (candidate, gain)
        return best

    def _candidates(self, word: str) -> tuple[str, ...]:
        found = self._candidate_cache.get(word)
        if found is None:
            found = self._candidate_cache[word] = self._find_candidates(word)
        return found

    def _find_candidates(self, word: str) -> tuple[str, ...]:
        found = self.synonyms.get(word)
        if found:
            return found
        if word.endswith("s") and len(word) > 3:
            singular = self.synonyms.get(word[:-1], ())
            return tuple(w + "s" for w in singular if self.model.known(w + "s"))
        return ()

    def _local(self, before: str | None, word: str, after: str | None) -> float:
        model = self.model
        if before:
            score = model.bigram(word, before)
            if after:
                score += model.logp(after, word, before)
        else:
            score = model.unigram(word)
            if after:
                score += model.bigram(after, word)
        return score

    def score(self, text: str, language: str | None) -> SpinEvidence | None:
        if language not in (None, "en"):
            return None
        rate, gain, eligible, telltales, tokens = self.features(text)
        if eligible < MIN_ELIGIBLE:
            return None
        z = WEIGHTS[0] + WEIGHTS[1] * rate + WEIGHTS[2] * gain
        probability = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
        phrases = _phrases(text, tokens, telltales)
        return SpinEvidence(round(probability, 4), probability >= FLAG_AT, phrases)


def _phrases(text: str, tokens: list[_Token], telltales: list[_Telltale]) -> tuple[SpinPhrase, ...]:
    """Telltales with their neighbours, or with the capitalised name they sit in; overlapping ones merged."""
    swaps = {t.index: t for t in telltales}
    spans: list[tuple[int, int]] = []
    for t in telltales:
        i = t.index
        first, last = i, i
        if tokens[i].text[0].isupper():
            while first > 0 and tokens[first - 1].text[0].isupper() and tokens[first - 1].clause == tokens[i].clause:
                first -= 1
            while (
                last + 1 < len(tokens)
                and tokens[last + 1].text[0].isupper()
                and tokens[last + 1].clause == tokens[i].clause
            ):
                last += 1
        if first == last:
            if i > 0 and tokens[i - 1].clause == tokens[i].clause:
                first = i - 1
            if i + 1 < len(tokens) and tokens[i + 1].clause == tokens[i].clause:
                last = i + 1
        if spans and first <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(last, spans[-1][1]))
        else:
            spans.append((first, last))
    phrases: list[SpinPhrase] = []
    for first, last in spans:
        pieces: list[str] = []
        surprise = 0.0
        for k in range(first, last + 1):
            swap = swaps.get(k)
            word = tokens[k].text
            if swap is not None:
                surprise += swap.gain
                word = swap.replacement.capitalize() if word[0].isupper() else swap.replacement
            pieces.append(word)
        start, end = tokens[first].start, tokens[last].end
        phrases.append(SpinPhrase(start, end, text[start:end], " ".join(pieces), round(surprise, 3)))
    phrases.sort(key=lambda p: -p.surprise)
    return tuple(phrases[:MAX_PHRASES])
