"""Event coding: who did what to whom, when and where, in PLOVER 2.0 and CAMEO, each event with its evidence.

:func:`find_events` codes every event of an article from spaCy's parse (``storyline.extract.nlp.load_parser()``),
the article's named entities and its time expressions; :func:`main_event` codes the main event of one sentence.
The coder is rule-based and explains itself: a lexicon (:mod:`.lexicon`) of verbs, phrasal verbs and nouns by
PLOVER category with CAMEO codes, dependency patterns (:mod:`.patterns`) for triggers and arguments, and frames
(:mod:`.modality`, :mod:`.coder`) for intent, requests, refusals, threats, negation, conditions and reports.

What is returned: :func:`find_events` returns negated, hypothetical and denied events too, *with the flag set*
(``negated``, ``hypothetical``), so a caller can show what was ruled out; an exporter that wants only what
happened keeps ``not negated and not hypothetical``, and an expressed intent is kept as the AGREE/THREATEN with
``mode == "intent"`` (its ``intended`` field names the act intended, e.g. CONSULT for "ready to hold talks").
Source, target and location are text spans; the caller links them to entities. Offsets are code points.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyline.extract.events.coder import CodedEvent, code_sentence, main_of
from storyline.extract.ner import EntityMention
from storyline.extract.time import TimeMention

DATED_TYPES = frozenset({"DATE", "TIME"})


@dataclass(frozen=True)
class ArgumentSpan:
    """A span of the article text (code points, end exclusive) and its text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class EventMention:
    """One coded event with its arguments, evidence and how it was found."""

    plover: str
    mode: str | None
    context: str | None
    cameo: str | None
    source: ArgumentSpan | None
    target: ArgumentSpan | None
    location: ArgumentSpan | None
    date: str | None  # TIMEX value of a time mention that modifies the event, else None
    date_text: str | None
    evidence_start: int  # the sentence
    evidence_end: int
    trigger: ArgumentSpan  # the words that carry the event
    confidence: float
    explanation: str
    negated: bool
    hypothetical: bool
    reported_by: str | None
    intended: str | None = None  # for mode "intent" (and AGREE/THREATEN/REQUEST/REJECT frames): the act's category


def find_events(
    text: str, parse: Doc, entities: Sequence[EntityMention] = (), times: Sequence[TimeMention] = ()
) -> list[EventMention]:
    """Every event in ``text`` (parsed as ``parse``), in text order; negated and hypothetical ones flagged."""
    events: list[EventMention] = []
    for sentence in parse.sents:
        for coded in code_sentence(sentence):
            events.append(_mention(text, coded, entities, times))
    return events


def main_event(sentence: str, parse: Doc) -> EventMention | None:
    """The main event of one sentence (the highest in its parse tree), or ``None`` where it has none."""
    coded = [event for span in parse.sents for event in code_sentence(span)]
    chosen = main_of(coded)
    return None if chosen is None else _mention(sentence, chosen, (), ())


def _mention(
    text: str, coded: CodedEvent, entities: Sequence[EntityMention], times: Sequence[TimeMention]
) -> EventMention:
    doc = coded.sentence.doc
    first, last = coded.trigger_tokens[0], coded.trigger_tokens[-1]
    date = _event_time(coded, times)
    return EventMention(
        plover=coded.plover,
        mode=coded.mode,
        context=None,
        cameo=coded.cameo,
        source=_span(text, doc, coded.source, entities),
        target=_span(text, doc, coded.target, entities),
        location=_span(text, doc, coded.location, entities, places_only=True),
        date=None if date is None else date.value,
        date_text=None if date is None else date.text,
        evidence_start=coded.sentence.start_char,
        evidence_end=coded.sentence.end_char,
        trigger=ArgumentSpan(first.idx, last.idx + len(last.text), text[first.idx : last.idx + len(last.text)]),
        confidence=coded.confidence,
        explanation=coded.explanation,
        negated=coded.negated,
        hypothetical=coded.hypothetical,
        reported_by=None if coded.reporter is None else _text(doc, coded.reporter),
        intended=coded.intended,
    )


def _text(doc: Doc, bounds: tuple[int, int]) -> str:
    return doc[bounds[0] : bounds[1]].text


def _span(
    text: str,
    doc: Doc,
    bounds: tuple[int, int] | None,
    entities: Sequence[EntityMention],
    places_only: bool = False,
) -> ArgumentSpan | None:
    """Character span of a token range, widened to the entity mentions it cuts through."""
    if bounds is None:
        return None
    tokens = doc[bounds[0] : bounds[1]]
    start, end = tokens.start_char, tokens.end_char
    for entity in entities:
        if entity.end <= start or entity.start >= end:
            continue
        if places_only:
            if entity.kind in {"GPE", "LOC"}:
                start, end = entity.start, entity.end
                break
            continue
        start, end = min(start, entity.start), max(end, entity.end)
    return ArgumentSpan(start, end, text[start:end])


def _event_time(coded: CodedEvent, times: Sequence[TimeMention]) -> TimeMention | None:
    """The dated time mention inside the sentence whose parse attaches to the event's own words, else ``None``."""
    sentence: Span = coded.sentence
    chain = {token.i for token in coded.chain}
    for mention in times:
        if mention.type not in DATED_TYPES or mention.start < sentence.start_char or mention.end > sentence.end_char:
            continue
        span = sentence.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if _attaches(span.root, chain):
            return mention
    return None


def _attaches(root: Token, chain: set[int]) -> bool:
    """Whether a time expression modifies one of the event's words: directly ("on Wednesday", "Sunday's
    meeting", "last year"), or through one preposition ("over the weekend"); not through a noun phrase."""
    current = root
    for _ in range(3):
        if current.dep_ == "pobj" and current.head.dep_ == "prep":
            current = current.head
            continue
        if current.dep_ in {"prep", "npadvmod", "advmod", "tmod", "poss", "compound", "nmod", "obl"}:
            return current.head.i in chain
        return False
    return False


__all__ = ["ArgumentSpan", "EventMention", "find_events", "main_event"]
