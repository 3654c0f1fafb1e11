"""Time expressions: found in text and normalised to TIMEX3 values against the publication date.

:func:`find_times` runs every rule (stated dates and times in :mod:`.timex_rules`, relative dates in
:mod:`.timex_relative`, durations, references and sets in :mod:`.timex_durations`) over the text, keeps the
longest expression wherever matches overlap, then reads each one in text order: absolute dates as stated,
relative ones ("on Wednesday", "last week", "two days ago", "the third quarter") against the anchor, with the
tense of the sentence deciding the direction. A past-tense "the talks were held on Wednesday" is the
Wednesday on or before the anchor; a future-tense "talks will be held on Wednesday" the one on or after it.

Without an anchor nothing is invented: a value keeps what the text states and marks the rest unknown,
``XXXX-10-06`` for "October 6", ``XXXX-WXX-3`` for "Wednesday", ``XXXX-SU`` for "last summer".

Spans follow TimeML: determiners and modifiers belong to the expression ("the past two years", "early
1990", "about three weeks"); prepositions do not ("on Friday" is tagged "Friday").

The pipeline stage :data:`STAGE` sets ``Document.times`` on English documents and notes a skip for others.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from storyline.document import Document
from storyline.extract import timex_calendar as cal
from storyline.extract.first_chars import guarded
from storyline.extract.timex_calendar import Direction
from storyline.extract.timex_durations import DURATION_RULES
from storyline.extract.timex_patterns import words
from storyline.extract.timex_relative import RELATIVE_RULES
from storyline.extract.timex_rules import ABSOLUTE_RULES, Resolver, Rule
from storyline.pipeline import Context, Stage

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")

# Longest match wins; on equal length, the earlier rule in this order.
RULES: tuple[Rule, ...] = ABSOLUTE_RULES + RELATIVE_RULES + DURATION_RULES


@dataclass(frozen=True)
class TimeMention:
    """A time expression: code-point span into the text, TIMEX3 type and value, and the rule that found it."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION or SET
    value: str  # TIMEX3 value: 2021-10-06, 2021-W40, 2021-SU, 199, P3D, XXXX-10-06, PRESENT_REF, ...
    rule: str
    mod: str | None = None  # TIMEX3 mod: START, END, MID, APPROX, MORE_THAN, ...


def find_times(text: str, anchor: str | None = None) -> list[TimeMention]:
    """Every time expression in ``text``, in text order, normalised against ``anchor`` (an ISO date or ``None``).

    ``anchor`` may be ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (a time after ``T`` is ignored); relative
    expressions that need more than the anchor gives keep ``X`` for what is unknown. Raises ``ValueError``
    for an anchor that is not an ISO date.
    """
    reference = cal.parse_anchor(anchor)
    candidates = _candidates(text)
    chosen = _select(candidates)
    resolver = Resolver(reference, TenseReader(text).direction)
    mentions: list[TimeMention] = []
    for start, end, rule, match in chosen:
        found = rule.normalise(match, resolver)
        if found is None:
            continue
        mentions.append(TimeMention(start, end, text[start:end], found.type, found.value, rule.name, found.mod))
        if found.remember:
            resolver.remember(found.value)
    return mentions


Candidate = tuple[int, int, Rule, re.Match[str]]


@cache
def _rule_patterns() -> tuple[re.Pattern[str], ...]:
    """Each rule's pattern behind a look-ahead for the characters its matches can start with (the same matches,
    found in about two thirds of the time: :mod:`storyline.extract.first_chars`)."""
    return tuple(guarded(rule.pattern) for rule in RULES)


def _candidates(text: str) -> list[tuple[int, int, int, Rule, re.Match[str]]]:
    found: list[tuple[int, int, int, Rule, re.Match[str]]] = []
    for priority, (rule, pattern) in enumerate(zip(RULES, _rule_patterns(), strict=True)):
        for match in pattern.finditer(text):
            start, end = match.span(rule.group) if rule.group else match.span()
            if end <= start or (rule.accept is not None and not rule.accept(match, text)):
                continue
            start, end = _trim(text, start, end)
            if end > start:
                found.append((start, end, priority, rule, match))
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces, a trailing comma and a possessive ("Friday's" is tagged "Friday", as TimeML does)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if end - start > 2 and text[end - 2] in "'’" and text[end - 1] in "sS":
        end -= 2
    return start, end


def _select(candidates: list[tuple[int, int, int, Rule, re.Match[str]]]) -> list[Candidate]:
    """Keep the longest expression wherever candidates overlap (ties: rule order, then the earlier one)."""
    ordered = sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0]))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Candidate] = []
    for start, end, _, rule, match in ordered:
        index = bisect.bisect_right(starts, start)
        if index > 0 and ends[index - 1] > start:
            continue
        if index < len(starts) and starts[index] < end:
            continue
        starts.insert(index, start)
        ends.insert(index, end)
        kept.insert(index, (start, end, rule, match))
    return kept


# ------------------------------------------------------------------------------------------------ tense

_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n")
# A full stop after these (or after a single letter: "U.S.", "J. Smith") ends an abbreviation, not a sentence.
_ABBREVIATIONS = words(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun mr mrs ms dr "
    "st sen rep gov gen lt col sgt capt cmdr adm maj prof rev vs v corp inc co ltd bros no nos jr sr ft mt pres "
    "ave blvd dept univ est approx"
)
_WORD_BEFORE_STOP = re.compile(r"([A-Za-z]+)\.[\"'”’)\]]*\s+$")
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
FUTURE_WORDS = words("will 'll ’ll shall won't won’t wo gonna tomorrow upcoming would")
# "<word> to" that looks ahead: "set to resume Monday", "is to meet Friday", "plans to", "expected to".
FUTURE_BEFORE_TO = words(
    "going set likely expected scheduled due is are plans plan planned planning intends intend hopes hope "
    "wants want seeks seek aims aim agreed prepared ready about slated poised"
)
PAST_WORDS = words(
    "was were had been did ago yesterday earlier wasn't weren't didn't hadn't said told met went came took "
    "made held left began fell rose saw won lost sold bought paid got gave found fled fought led became "
    "brought thought kept ran sent spent stood struck swept flew drew grew knew threw wrote spoke broke "
    "chose froze hid meant sought stole stuck taught tore understood woke wore withdrew overtook "
    "undertook arose"
)
PRESENT_WORDS = words("is are am isn't aren't says say has have does do remains remain continues")
REPORTING_WORDS = words("said says told added according announced reported stated noted")
_NOT_PAST_ED = words(
    "expected scheduled proposed needed based related called concerned interested supposed unexpected "
    "unprecedented limited united red bed need speed seed feed breed shed indeed hundred"
)
_PRESENT_AUXILIARIES = words("is are am be being")
# Extra distance (in characters) for a reporting verb that is not right next to the expression: "said" tells
# when the report was made, which is what a bare weekday next to it usually means ("said Friday").
REPORTING_PENALTY = 25
TENSE_WINDOW = 250


# An "-ed" word after a determiner (and perhaps an adverb) is an adjective, not a verb: "an unspecified date",
# "the revised offer", "a still unspecified date".
_DETERMINERS = words("a an the its their his her our")
_ADVERBS_BEFORE_ADJECTIVES = words("still very more most less newly recently previously already widely")
_AUXILIARIES = words("was were been be being is are am had has have")


def _adjective(tokens: list[re.Match[str]], index: int) -> bool:
    """An "-ed" word that is no finite verb: after a determiner, or a participle with its agent and no auxiliary
    ("new markets untouched by the crisis")."""
    before = [token[0].lower() for token in tokens[max(0, index - 2) : index]]
    if before and before[-1] in _DETERMINERS:
        return True
    if len(before) == 2 and before[1] in _ADVERBS_BEFORE_ADJECTIVES and before[0] in _DETERMINERS:
        return True
    if index + 1 < len(tokens) and tokens[index + 1][0].lower() == "by":
        return not any(token[0].lower() in _AUXILIARIES for token in tokens[max(0, index - 3) : index])
    return False


class TenseReader:
    """The tense around a position: the nearest tense marker in the same sentence decides the direction."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._breaks: list[int] | None = None
        self._cache: dict[int, list[tuple[int, int, Direction, bool]]] = {}

    def _sentence(self, position: int) -> tuple[int, int]:
        if self._breaks is None:
            self._breaks = [m.end() for m in _SENTENCE_BREAK.finditer(self.text) if not self._abbreviation(m)]
        index = bisect.bisect_right(self._breaks, position)
        start = self._breaks[index - 1] if index > 0 else 0
        end = self._breaks[index] if index < len(self._breaks) else len(self.text)
        return start, end

    def _abbreviation(self, stop: re.Match[str]) -> bool:
        """Is this full stop the end of an abbreviation ("Oct. 23", "vs. Wade", "U.S. officials")?"""
        if stop[0][0] != ".":
            return False
        found = _WORD_BEFORE_STOP.search(self.text, max(0, stop.start() - 12), stop.end())
        return found is not None and (len(found[1]) == 1 or found[1].lower() in _ABBREVIATIONS)

    def _markers(self, start: int, end: int) -> list[tuple[int, int, Direction, bool]]:
        cached = self._cache.get(start)
        if cached is not None:
            return cached
        markers: list[tuple[int, int, Direction, bool]] = []
        tokens = list(_WORD.finditer(self.text, start, end))
        for index, match in enumerate(tokens):
            word = match[0].lower()
            following = tokens[index + 1][0].lower() if index + 1 < len(tokens) else ""
            if word in FUTURE_WORDS or (word in FUTURE_BEFORE_TO and following == "to"):
                markers.append((match.start(), match.end(), Direction.FORWARD, False))
            elif word in PAST_WORDS or (
                len(word) > 4 and word.endswith("ed") and word not in _NOT_PAST_ED and not _adjective(tokens, index)
            ):
                # A participle takes the tense of its auxiliary: "will be held" looks ahead, "is held" is present.
                auxiliaries = {token[0].lower() for token in tokens[max(0, index - 3) : index]}
                if auxiliaries & FUTURE_WORDS:
                    markers.append((match.start(), match.end(), Direction.FORWARD, False))
                elif auxiliaries & _PRESENT_AUXILIARIES:
                    markers.append((match.start(), match.end(), Direction.EITHER, False))
                else:
                    markers.append((match.start(), match.end(), Direction.BACK, word in REPORTING_WORDS))
            elif word in PRESENT_WORDS:
                markers.append((match.start(), match.end(), Direction.EITHER, word in REPORTING_WORDS))
        self._cache[start] = markers
        return markers

    def direction(self, position: int) -> Direction | None:
        """The direction the tense around ``position`` gives: EITHER for the present, ``None`` for no tense near."""
        start, end = self._sentence(position)
        markers = self._markers(start, end)
        # Only markers within TENSE_WINDOW characters count, which keeps a run-on "sentence" linear.
        first = bisect.bisect_left(markers, (position - TENSE_WINDOW,))
        best: tuple[int, Direction] | None = None
        for marker_start, marker_end, direction, reporting in markers[first:]:
            if marker_start > position + TENSE_WINDOW:
                break
            gap = marker_start - position if marker_start >= position else max(0, position - marker_end)
            distance = gap + (REPORTING_PENALTY if reporting and gap > 2 else 0)
            if best is None or distance < best[0]:
                best = (distance, direction)
        return None if best is None else best[1]


# ------------------------------------------------------------------------------------------------ stage


def run(docs: list[Document], ctx: Context) -> list[Document]:
    """Set ``times`` on every English document; note the skip on the others."""
    for doc in docs:
        if not doc.is_english:
            doc.times = []
            doc.notes.append(f"time: skipped, language {doc.language or 'unknown'}")
            continue
        try:
            mentions = find_times(doc.text, doc.published)
        except ValueError:
            doc.notes.append(f"time: publication date {doc.published!r} is not ISO; relative dates left unresolved")
            mentions = find_times(doc.text, None)
        doc.times = mentions
        ctx.counts["time.mentions"] += len(mentions)
    return docs


STAGE = Stage(name="time", requires=("text", "language", "published"), assigns=("times",), run=run)

__all__ = ["RULES", "STAGE", "TIMEX_TYPES", "TenseReader", "TimeMention", "find_times", "run"]
