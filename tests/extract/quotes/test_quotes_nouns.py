"""Noun cues, light verbs and polls (round 5, :mod:`storyline.extract.quotes.nouns`) on single sentences parsed by
the real pipeline."""

from __future__ import annotations

import pytest

from storyline.extract.nlp import load_parser
from storyline.extract.quotes import find_quotes


def _attributions(text: str) -> list[tuple[str | None, str | None, str, str]]:
    return [(quote.source, quote.cue, quote.text, quote.kind) for quote in find_quotes(text, load_parser()(text), ())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a noun with a that-clause the cue model takes: the possessive (with its 's) is the source
            "Trump's claim that thousands of people cheered was false.",
            ("Trump's", "claim", "that thousands of people cheered", "noun"),
        ),
        (  # a noun with a preposition: the preposition ends the cue, its object is the content
            "The governor's opposition to the pipeline angered union leaders.",
            ("The governor's", "opposition to", "the pipeline", "noun"),
        ),
        (  # the object of a verb: the cue starts at the verb, whose subject is the source
            "Clinton has faced questions about her use of a private email server.",
            ("Clinton", "has faced questions about", "her use of a private email server", "noun"),
        ),
        (  # a light verb's cue runs over its object noun; the content starts at the noun's clause
            "The senator expressed concern that the bill would raise taxes on the middle class.",
            ("The senator", "expressed concern", "that the bill would raise taxes on the middle class", "verb"),
        ),
        (
            "Cruz made the argument that the deal would hurt American workers.",
            ("Cruz", "made the argument", "that the deal would hurt American workers", "verb"),
        ),
        (  # a sentence that opens with a poll: the poll is the source, "In" the cue
            "In a new CNN poll, Clinton leads Trump by six points among likely voters.",
            ("a new CNN poll", "In", "Clinton leads Trump by six points among likely voters", "poll"),
        ),
    ],
)
def test_noun_and_poll_cues(text: str, expected: tuple[str | None, str | None, str, str]) -> None:
    assert expected in _attributions(text)


@pytest.mark.parametrize(
    "text",
    [
        "The fact that the economy is recovering helps the incumbent.",  # the cue model scores "fact" low
        "In the morning, Clinton met with donors in New York.",  # an opening phrase that is no poll
    ],
)
def test_no_noun_or_poll_cue(text: str) -> None:
    assert [a for a in _attributions(text) if a[3] in ("noun", "poll")] == []


def test_other_verbs_keep_their_object_as_content() -> None:
    """Only light verbs (``express``, ``make``, ``voice`` …) give their cue to the object noun."""
    found = _attributions("He repeated his claim that the election was rigged against him.")
    assert ("He", "repeated", "his claim that the election was rigged against him", "verb") in found
