"""The quotes stage's memory of each story's quotes follows the articles the stories stage moves."""

from __future__ import annotations

import pickle

from storyline.document import ArticleUpdate, Document, Mention, Quotation
from storyline.extract.quotes import Quote
from storyline.extract.quotes.stage import QuoteState, quotation

SAID = "We did not go to them. They came to us"


def _doc(uri: str, story: str, *quotes: str) -> Document:
    text = " ".join(f"“{quote}”, he said." for quote in quotes)
    found = []
    position = 0
    for quote in quotes:
        start = text.index(quote, position)
        found.append(Quotation(start, start + len(quote), quote, True, cue="said"))
        position = start + len(quote)
    doc = Document(uri=uri, raw_text=text, text=text, language="en", story_id=story)
    doc.quotations = found
    return doc


def test_quotes_move_with_their_article_and_keep_arrival_order() -> None:
    first = _doc("a.txt", "s1", SAID)
    second = _doc("b.txt", "s2", "The talks in Tehran did not bear fruit")
    third = _doc("c.txt", "s2", "Tajikistan can become a platform for talks")
    state = QuoteState()
    for doc in (first, second, third):
        state.remember(doc)
    assert [item[0] for item in state.by_story["s2"]] == [second.id, third.id]

    moved = state.follow_moves([ArticleUpdate(first.id, story_id="s2", fields=("story_id",))])
    assert moved == 1
    assert "s1" not in state.by_story  # a story left without quotes is forgotten
    assert [item[0] for item in state.by_story["s2"]] == [first.id, second.id, third.id]  # the earliest first
    assert state.by_story["s2"][0][1] == first.quotations[0].quote_id(first.id)


def test_updates_of_other_fields_or_to_the_same_story_move_nothing() -> None:
    doc = _doc("a.txt", "s1", SAID)
    state = QuoteState()
    state.remember(doc)
    updates = [
        ArticleUpdate(doc.id, copy_of="x", copy_kind="exact", fields=("copy_of", "copy_kind")),
        ArticleUpdate(doc.id, story_id="s1", fields=("story_id",)),
        ArticleUpdate("unknown", story_id="s9", fields=("story_id",)),
    ]
    assert state.follow_moves(updates) == 0
    assert list(state.by_story) == ["s1"]


def test_a_state_saved_before_articles_were_placed_still_follows_moves() -> None:
    first, second = _doc("a.txt", "s1", SAID), _doc("b.txt", "s2", "The talks in Tehran did not bear fruit")
    state = QuoteState()
    state.remember(first)
    state.remember(second)
    old = pickle.loads(pickle.dumps(state))
    del old.__dict__["placed"]
    restored = pickle.loads(pickle.dumps(old))
    assert restored.placed == state.placed  # rebuilt from the stories it keeps
    assert restored.follow_moves([ArticleUpdate(second.id, story_id="s1", fields=("story_id",))]) == 1
    assert [item[0] for item in restored.by_story["s1"]] == [first.id, second.id]


def test_a_quotes_speaker_is_named_as_its_entity_is_in_the_article() -> None:
    text = "Sen. Chris Murphy spoke. He honoured a teacher's aide, Anne Marie Murphy. “It matters,” Murphy said."
    doc = Document(uri="x", raw_text=text, text=text, language="en")
    position = 0
    for name, entity in [("Chris Murphy", "e1"), ("Anne Marie Murphy", "e2"), ("Murphy", "e1")]:
        start = text.index(name, position)
        doc.mentions.append(Mention(start, start + len(name), name, "PERSON", entity_id=entity))
        position = start + len(name)
    bare = text.rindex("Murphy")
    content = text.index("It matters")
    # The resolver's name is the longest one ending in the surname; the mention is Sen. Chris Murphy's.
    quote = Quote(
        content, content + 10, "It matters", True, "said", bare + 7, bare + 11, bare, bare + 6,
        "Anne Marie Murphy", bare, bare + 6, "named in the source",
    )  # fmt: skip
    found = quotation(doc, quote)
    assert (found.speaker, found.speaker_entity_id) == ("Chris Murphy", "e1")
