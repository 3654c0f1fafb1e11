"""The shared parse: sentences end at paragraph breaks, not at wrapped lines; one parse per batch for all stages."""

from __future__ import annotations

from storyline.document import Document, Mention
from storyline.extract.common import batch_parses, entity_mentions, mention_in
from storyline.extract.nlp import load_parser
from storyline.extract.parse import run
from storyline.pipeline import Context
from storyline.settings import Options


def test_a_headline_is_its_own_sentence_and_a_wrapped_line_is_not() -> None:
    nlp = load_parser()
    headline = nlp("Afghan resistance asks Tajikistan for help\nThe party leader said they need help. He left.")
    assert next(s.text.strip() for s in headline.sents) == "Afghan resistance asks Tajikistan for help"
    wrapped = nlp("The leader said that the resistance\nneeds help from the\nUnited States, he said.")
    assert len(list(wrapped.sents)) == 1
    blank = nlp("Talks in Charikar\n\nthe delegations met.")
    assert len(list(blank.sents)) == 2


def test_the_parse_stage_parses_english_documents_once_per_batch() -> None:
    ctx = Context(options=Options())
    docs = [
        Document(uri="a", raw_text="x", text="Massoud rejected the offer.", language="en"),
        Document(uri="b", raw_text="y", text="Массуд отклонил предложение.", language="ru"),
    ]
    run(docs, ctx)
    parses = batch_parses(docs, ctx)
    assert list(parses) == [docs[0].id]
    assert batch_parses(docs, ctx)[docs[0].id] is parses[docs[0].id]  # the same objects: not parsed again
    assert ctx.counts["parse.documents"] == 1


def test_stored_mentions_come_back_as_recogniser_mentions() -> None:
    stored = [
        Mention(0, 7, "Massoud", "PERSON", "e1"),
        Mention(17, 24, "Taliban", "ORG"),
        Mention(30, 35, "Tajik", "NORP"),
    ]
    assert [(m.label, m.kind) for m in entity_mentions(stored)] == [("PER", "PERSON"), ("ORG", "ORG"), ("MISC", "NORP")]
    assert mention_in(stored, 0, 7) is stored[0]
    assert mention_in(stored, 10, 30, frozenset({"ORG"})) is stored[1]
    assert mention_in(stored, 8, 16) is None
