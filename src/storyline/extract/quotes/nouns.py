"""Attributions whose cue is a noun or a preposition (measured on PolNeAR's training split, round 5).

* **Speech nouns with a that-clause**: ``Trump's assertion that …``, ``the campaign's earlier claim that …``,
  ``complaints that …``. The cue is the noun with the determiner and adjectives right before it (PolNeAR mostly
  draws ``the assertion``, ``earlier claim``), the content the clause with its ``that``, the source a possessive
  before the noun (``Trump's``, with its ``'s``, as PolNeAR mostly keeps it) or, for an object, the subject of its
  verb (``he reiterated his claim that …``). Only nouns of saying (:data:`SPEECH_NOUNS`): nouns of belief and
  feeling (``the notion that``, ``fears that``, ``the case that``) head a reported clause far less often.
* **Light verbs** (``expressed concern that …``, ``made comments about …``, ``voiced support for …``): a verb of
  :data:`LIGHT_VERBS` already taken as a cue with an object noun that carries a complement (a that-clause, a
  to-infinitive or a preposition of :data:`NOUN_PREPOSITIONS` with its object) has the cue run over the noun (and
  the preposition) and the content start at the complement.
* **Polls**: a sentence that opens with ``In a/the … poll|survey,``: the phrase is the source, ``In`` the cue and
  the rest of the sentence the content.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from storyline.extract.quotes.direct import QuotedSpan
from storyline.extract.quotes.indirect import Attribution, _clip, _paragraph, _source_span, quote_at, trim
from storyline.extract.quotes.spans import subtree_span, that_clause

SPEECH_NOUNS = frozenset(
    {
        *("claim", "assertion", "allegation", "accusation", "suggestion", "complaint", "statement", "warning"),
        *("argument", "contention", "promise", "pledge", "vow", "insistence", "charge", "admission", "assurance"),
        *("report", "announcement", "remark", "comment", "message", "prediction", "denial", "boast", "threat"),
        *("acknowledgment", "acknowledgement", "speculation"),
    }
)
CUE_MODIFIER_DEPS = frozenset({"det", "amod"})
POLL_NOUNS = frozenset({"poll", "survey"})
NOUN_SCORE = 0.5  # below SURE: a verb cue whose content holds the noun keeps it


def noun_attributions(doc: Doc, quotes: Sequence[QuotedSpan]) -> list[Attribution]:
    """Speech nouns with a that-clause (``Trump's assertion that …``), outside quote marks."""
    text = doc.text
    found: list[Attribution] = []
    for token in doc:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in SPEECH_NOUNS or quote_at(quotes, token.idx) is not None:
            continue
        clause = that_clause(token)
        if clause is None:
            continue
        content = _clip(text, subtree_span(clause), _paragraph(text, token.idx))
        if content is None:
            continue
        first = token.i
        for child in reversed(list(token.lefts)):
            if child.i == first - 1 and child.dep_ in CUE_MODIFIER_DEPS:
                first = child.i  # "the assertion", "earlier claim"
        source = None
        possessives = [child for child in token.children if child.dep_ == "poss"]
        if possessives:
            source = trim(text, *subtree_span(possessives[0]))
        elif token.dep_ == "dobj" and token.head.pos_ == "VERB":
            source = _source_span(token.head)  # "he reiterated the claim that"
        cue = (doc[first].idx, token.idx + len(token))
        found.append(Attribution((content,), cue, source, False, "noun", NOUN_SCORE))
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
        content = _clip(text, (doc[after].idx + 1, sentence.end_char), _paragraph(text, first.idx))
        if content is None:
            continue
        source = trim(text, *subtree_span(objects[0]))
        found.append(Attribution((content,), (first.idx, first.idx + len(first)), source, False, "poll", NOUN_SCORE))
    return found
