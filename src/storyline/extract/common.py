"""What the extraction stages share: one parse per document per batch, and the stored mentions as NER mentions.

The ``quotes`` and ``events`` stages both read spaCy's dependency parse; :func:`batch_parses` parses a batch's
English documents once and hands both stages the same ``Doc`` objects (kept in ``ctx.state`` for the batch
only, never saved or stored). :func:`entity_mentions` turns a document's stored :class:`Mention` list (what
the ``entities`` stage assigned) back into the recogniser's :class:`EntityMention` form the extractors take.

:func:`batch_entities` and :func:`batch_parses` take the models' answers from the run's model worker
(:mod:`storyline.worker`) where the stages' ``prefetch`` (:func:`prefetch_entities`,
:func:`prefetch_parses`) asked it for them, and compute them in-process otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from storyline.document import Document, Mention
from storyline.extract.ner import EntityMention
from storyline.pipeline import Context
from storyline.worker import collect, submit

if TYPE_CHECKING:
    from spacy.tokens import Doc

PARSE_STATE_KEY = "_parses"  # not a stage name: never saved with the stages' state
PARSE_BATCH_SIZE = 16

# Contract kind -> CoNLL-2003 label, the inverse of ner.entity_kind's mapping.
_LABEL_OF_KIND = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def batch_parses(docs: Sequence[Document], ctx: Context) -> dict[str, Doc]:
    """The parse of every English document of the batch (by id), computed once for all stages of the batch."""
    from storyline.extract.nlp import load_parser

    english = [doc for doc in docs if doc.is_english]
    key = tuple(doc.id for doc in english)
    cached = ctx.state.get(PARSE_STATE_KEY)
    if cached is not None and cached[0] == key:
        parses: dict[str, Doc] = cached[1]
        return parses
    nlp = load_parser()
    answer = collect(ctx, "parse", key)
    if answer is not None:
        from spacy.tokens import Doc

        parsed: Sequence[Doc] = [Doc(nlp.vocab).from_bytes(data) for data in answer]
    else:
        parsed = list(nlp.pipe((doc.text for doc in english), batch_size=PARSE_BATCH_SIZE))
    parses = {doc.id: parse for doc, parse in zip(english, parsed, strict=True)}
    ctx.state[PARSE_STATE_KEY] = (key, parses)
    ctx.counts["parse.documents"] += len(english)
    return parses


def batch_entities(english: Sequence[Document], ctx: Context) -> list[list[EntityMention]]:
    """The recogniser's mentions of each of these English documents (:func:`storyline.extract.ner.recognise`)."""
    from storyline.extract.ner import recognise

    answer = collect(ctx, "entities", [doc.id for doc in english])
    if answer is not None:
        found: list[list[EntityMention]] = answer
        return found
    return recognise([doc.text for doc in english])


def prefetch_entities(docs: list[Document], ctx: Context) -> None:
    """The ``entities`` stage's prefetch: the run's model worker starts recognising the batch's English texts."""
    _submit_english(ctx, "entities", docs)


def prefetch_parses(docs: list[Document], ctx: Context) -> None:
    """The ``parse`` stage's prefetch: the run's model worker starts parsing the batch's English texts."""
    _submit_english(ctx, "parse", docs)


def _submit_english(ctx: Context, kind: str, docs: list[Document]) -> None:
    english = [doc for doc in docs if doc.is_english]
    submit(ctx, kind, [doc.id for doc in english], [doc.text for doc in english])


def entity_mentions(mentions: Sequence[Mention]) -> list[EntityMention]:
    """Stored mentions as the recogniser's mentions (label from kind: PERSON -> PER, GPE/LOC -> LOC, ...)."""
    return [
        EntityMention(m.start, m.end, m.text, _LABEL_OF_KIND.get(m.kind, "MISC"), m.kind, "stored") for m in mentions
    ]


def mention_in(
    mentions: Sequence[Mention], start: int, end: int, kinds: frozenset[str] | None = None
) -> Mention | None:
    """The mention that best names the span [start, end): the same span, else the longest one inside it."""
    best: Mention | None = None
    for mention in mentions:
        if kinds is not None and mention.kind not in kinds:
            continue
        if (mention.start, mention.end) == (start, end):
            return mention
        inside = start <= mention.start and mention.end <= end
        if inside and (best is None or mention.end - mention.start > best.end - best.start):
            best = mention
    return best
