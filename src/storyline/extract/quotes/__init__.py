"""Quotes and attributions: who said what, with ``he said`` resolved to a name.

:func:`find_quotes` finds direct quotes (:mod:`.direct`), attributions from the parse (:mod:`.indirect`: cue verbs,
``according to``, colons, split quotes) and resolves each source to a named mention (:mod:`.speakers`).
:func:`link_quotes` (:mod:`.link`) groups the same quote carried by several articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from storyline.extract.ner import EntityMention, fold
from storyline.extract.quotes.attributions import find_attributions
from storyline.extract.quotes.direct import QuotedSpan, find_quoted_spans
from storyline.extract.quotes.indirect import Attribution, trim
from storyline.extract.quotes.link import link_quotes
from storyline.extract.quotes.speakers import ROLE_NOUNS, Speaker, SpeakerResolver

__all__ = ["Attribution", "Quote", "QuotedSpan", "Speaker", "find_attributions", "find_quotes", "link_quotes"]

MIN_UNCUED_WORDS = 4
CATAPHORA_CHARS = 600


@dataclass(frozen=True)
class Quote:
    """One quotation or attribution; offsets are code points into the article text."""

    start: int
    end: int
    text: str  # == article[start:end]; the content (for a split quote, from the first part to the last)
    direct: bool  # inside quote marks (mixed quotes: True when the content is mostly quoted)
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    source_start: int | None
    source_end: int | None
    speaker: str | None  # the resolved speaker's full name as written in the article
    speaker_start: int | None
    speaker_end: int | None
    evidence: str  # how the speaker was found
    parts: tuple[tuple[int, int], ...] = ()  # the content's pieces (a quote split around its cue, or over paragraphs)
    kind: str = "verb"  # verb, according, colon, dash, continued
    source: str | None = None  # the source as written ("he", "the Afghan politician")


def _uncued(text: str, quotes: Sequence[QuotedSpan], attributions: Sequence[Attribution]) -> list[Attribution]:
    """Quotes of a sentence or more that no cue claims: they continue the attribution just before them."""
    covered = [(a.content_start, a.content_end) for a in attributions]
    found: list[Attribution] = []
    for quote in quotes:
        if any(start <= quote.start and quote.end <= end for start, end in covered):
            continue
        if len(text[quote.start : quote.end].split()) < MIN_UNCUED_WORDS:
            continue  # scare quotes, titles
        before = [a for a in attributions if a.content_end <= quote.outer_start]
        if not before:
            continue
        previous = before[-1]
        gap = text[previous.content_end : quote.outer_start]
        if gap.count("\n") > 2 or len(gap) > 400:
            continue
        found.append(Attribution(quote.parts, None, None, True, "continued"))
    return found


def find_quotes(text: str, parse: Doc, entities: Sequence[EntityMention]) -> list[Quote]:
    """Every quote and attribution of ``text`` (``parse`` is ``load_parser()(text)``), speakers resolved."""
    if parse.text != text:
        from storyline.errors import StorylineError

        raise StorylineError("E706", "the parse is not of this text", "pass load_parser()(text) for the same text")
    quoted = find_quoted_spans(text)
    attributions = find_attributions(parse, quoted)
    attributions = sorted([*attributions, *_uncued(text, quoted, attributions)], key=lambda a: a.content_start)
    resolver = SpeakerResolver(parse, entities, quoted)
    quotes: list[Quote] = []
    previous: Speaker | None = None
    spans: set[tuple[int, int]] = set()
    for attribution in attributions:
        start, end = trim(text, attribution.content_start, attribution.content_end)
        if end <= start or (start, end) in spans:  # one quote per content span: two cues can claim the same words
            continue
        spans.add((start, end))
        speaker: Speaker | None = None
        if attribution.source is not None:
            speaker = resolver.resolve(*attribution.source)
            resolver.remember(attribution.source[0], speaker)
        elif attribution.kind == "continued" and previous is not None:
            speaker = Speaker(previous.name, previous.start, previous.end, "continues the attribution before it")
        previous = speaker
        cue = attribution.cue
        source = attribution.source
        quotes.append(
            Quote(
                start=start,
                end=end,
                text=text[start:end],
                direct=attribution.direct,
                cue=None if cue is None else text[cue[0] : cue[1]],
                cue_start=None if cue is None else cue[0],
                cue_end=None if cue is None else cue[1],
                source_start=None if source is None else source[0],
                source_end=None if source is None else source[1],
                speaker=None if speaker is None else speaker.name,
                speaker_start=None if speaker is None else speaker.start,
                speaker_end=None if speaker is None else speaker.end,
                evidence="no named speaker" if speaker is None else speaker.evidence,
                parts=attribution.content,
                kind=attribution.kind,
                source=None if source is None else text[source[0] : source[1]],
            )
        )
    return _name_indefinite_sources(parse, quotes)


def _cue_lemma(parse: Doc, quote: Quote) -> str | None:
    if quote.cue_start is None or quote.cue_end is None:
        return None
    span = parse.char_span(quote.cue_start, quote.cue_end, alignment_mode="expand")
    return None if span is None or len(span) == 0 else span.root.lemma_.lower()


def _name_indefinite_sources(parse: Doc, quotes: list[Quote]) -> list[Quote]:
    """``…, an opposition figure told AFP. Ali Maisam Nazary, … told AFP …``: an indefinite role source takes the
    named source of a following attribution with the same cue verb (within :data:`CATAPHORA_CHARS`)."""
    named: list[Quote] = []
    for position, quote in enumerate(quotes):
        if quote.speaker is None and quote.source is not None and quote.source_start is not None:
            words = quote.source.lower().split()
            if len(words) >= 2 and words[0] in ("a", "an") and fold(words[-1]) in ROLE_NOUNS:
                lemma = _cue_lemma(parse, quote)
                for later in quotes[position + 1 : position + 4]:
                    if later.source_start is None or later.source_start - quote.source_start > CATAPHORA_CHARS:
                        break
                    if later.speaker is not None and lemma is not None and _cue_lemma(parse, later) == lemma:
                        evidence = f"indefinite {quote.source!r} -> named source of the next {lemma!r}"
                        quote = replace(
                            quote,
                            speaker=later.speaker,
                            speaker_start=later.speaker_start,
                            speaker_end=later.speaker_end,
                            evidence=evidence,
                        )
                        break
        named.append(quote)
    return named
