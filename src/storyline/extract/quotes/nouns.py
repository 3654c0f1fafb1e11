"""Attributions whose cue is a noun or a preposition (measured on PolNeAR's training split, round 5).

* **Nouns with a complement**: a that-clause (``the mayor's claim that …``), a to-infinitive (``his promise to
  …``) or a preposition with its object (``opposition to …``, ``questions about …``); :func:`.spans.noun_complement`.
  Whether the noun is a cue is the learned cue model's call (:func:`noun_features`: the verb features under a
  ``n|`` prefix, the frame ``n:that``, ``n:to``, ``n:of`` …): most such nouns report nothing (``the fact that``,
  ``a lot of``). The cue is the noun with the determiner and adjectives right before it (``the allegation``,
  ``earlier claim``) and its preposition; for the object or predicate of a verb it starts at that verb (``made
  conflicting statements about``, ``is a fervent supporter of``), as PolNeAR draws it. The source is a possessive
  before the noun (``Trump's``, with its ``'s``) or the verb's subject; the content the complement.
* **Polls**: a sentence that opens with ``In a/the … poll|survey,``: the phrase is the source, ``In`` the cue and
  the rest of the sentence the content.

Light verbs already taken as cues (``expressed concern that …``) are handled with the verb
(:func:`.spans.light_verb_object`); a noun whose cue overlaps a cue found before is left out.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from storyline.extract.quotes.cues import cue_features, cue_model, cue_probability
from storyline.extract.quotes.direct import QuotedSpan
from storyline.extract.quotes.indirect import (
    MODEL_THRESHOLD,
    Attribution,
    clip_to,
    cue_span,
    paragraph_of,
    quote_at,
    source_span,
    trim,
)
from storyline.extract.quotes.spans import noun_complement, subtree_span, that_clause

CUE_MODIFIER_DEPS = frozenset({"det", "amod"})
VERB_DEPS = frozenset({"dobj", "attr"})  # "made the suggestion that", "is a fervent supporter of"
POLL_NOUNS = frozenset({"poll", "survey"})
POLL_SCORE = 0.5  # below SURE: a verb cue whose content holds the poll keeps it


def noun_frame(noun: Token) -> tuple[str, Token, Token] | None:
    """``(frame, last word of the cue, head of the content)`` of a noun with a complement, else ``None``."""
    found = noun_complement(noun)
    if found is None:
        return None
    last, head = found
    if last.i != noun.i:
        return f"n:{last.lower_}", last, head  # "opposition to", "questions about"
    clause = that_clause(noun)
    return ("n:that" if clause is not None and clause.i == head.i else "n:to"), last, head


def noun_features(noun: Token, frame: str) -> list[str]:
    """Cue-model features of a noun: the verb features under their own prefix, so the two do not share weights."""
    return ["n|bias", *(f"n|{feature}" for feature in cue_features(noun, frame))]


def noun_candidates(doc: Doc, quotes: Sequence[QuotedSpan]) -> Iterator[tuple[Token, str, Token, Token]]:
    """Every noun outside quote marks with a complement: ``(noun, frame, last word of the cue, content head)``."""
    for token in doc:
        if token.pos_ != "NOUN" or quote_at(quotes, token.idx) is not None:
            continue
        found = noun_frame(token)
        if found is not None:
            yield token, *found


def noun_attributions(doc: Doc, quotes: Sequence[QuotedSpan], taken: Sequence[Attribution]) -> list[Attribution]:
    """The nouns the cue model takes for cues (``taken``: the attributions found so far, whose cues stay theirs)."""
    text = doc.text
    model = cue_model()
    found: list[Attribution] = []
    for token, frame, last, head in noun_candidates(doc, quotes):
        score = cue_probability(noun_features(token, frame), model.weights, model.bias)
        if score < MODEL_THRESHOLD:
            continue
        content = clip_to(text, subtree_span(head), paragraph_of(text, token.idx))
        if content is None:
            continue
        first = token.i
        for child in reversed(list(token.lefts)):
            if child.i == first - 1 and child.dep_ in CUE_MODIFIER_DEPS:
                first = child.i  # "the allegation", "earlier claim"
        start = doc[first].idx
        source = None
        possessives = [child for child in token.children if child.dep_ == "poss"]
        if possessives:
            source = trim(text, *subtree_span(possessives[0]))
        elif token.dep_ in VERB_DEPS and token.head.pos_ in ("VERB", "AUX"):
            source = source_span(token.head)
            start = cue_span(token.head)[0]  # "made conflicting statements about"
        cue = (start, last.idx + len(last))
        if any(other.cue is not None and other.cue[0] < cue[1] and cue[0] < other.cue[1] for other in taken):
            continue
        found.append(Attribution((content,), cue, source, False, "noun", score))
    return found


def poll_attributions(doc: Doc) -> list[Attribution]:
    """``In a new CNN poll, Clinton leads …``: a sentence that opens with a poll or survey set off by a comma."""
    text = doc.text
    found: list[Attribution] = []
    for sentence in doc.sents:
        first = sentence[0]
        if first.lower_ != "in" or first.dep_ != "prep":
            continue
        objects = [child for child in first.children if child.dep_ == "pobj"]
        if not objects or objects[0].lemma_.lower() not in POLL_NOUNS:
            continue
        after = objects[0].right_edge.i + 1
        if after >= sentence.end or doc[after].text != ",":
            continue
        content = clip_to(text, (doc[after].idx + 1, sentence.end_char), paragraph_of(text, first.idx))
        if content is None:
            continue
        source = trim(text, *subtree_span(objects[0]))
        found.append(Attribution((content,), (first.idx, first.idx + len(first)), source, False, "poll", POLL_SCORE))
    return found
