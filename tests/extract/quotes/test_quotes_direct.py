"""Direct quotes from quote marks alone, and attributions on short parsed texts."""

from __future__ import annotations

import pytest
from spacy.language import Language

from storyline.extract.nlp import load_parser
from storyline.extract.quotes import find_quotes
from storyline.extract.quotes.direct import find_quoted_spans


def _inner(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted_spans(text)]


def test_curly_and_straight_marks() -> None:
    assert _inner("He said “We will win,” and left.") == ["We will win,"]
    assert _inner('She said "No deal" twice.') == ["No deal"]
    assert _inner("''We are ready,'' Ms. Khan wrote.") == ["We are ready,"]


def test_apostrophes_are_not_quotes_but_nested_single_quotes_stay_inside() -> None:
    text = "“Tajikistan’s role is ‘decisive’ here,” he said. Don't worry."
    assert _inner(text) == ["Tajikistan’s role is ‘decisive’ here,"]


def test_a_quote_over_two_paragraphs_is_one_quote_with_two_parts() -> None:
    text = "He said: “First part of it.\n“Second part of it.”\nThen he left."
    (quote,) = find_quoted_spans(text)
    assert [text[s:e] for s, e in quote.parts] == ["First part of it.", "Second part of it."]
    assert quote.closed


def test_a_closing_mark_that_opens_a_paragraph_is_read_as_an_opening_one() -> None:
    text = "Getty/Instagram.\n\n”Fear. I am truly afraid.” ― Edwin G. Monroy\n“Next one.”\nHe said ” then left."
    assert _inner(text) == ["Fear. I am truly afraid.", "Next one."]
    text = "He said: “First part of it.\n”Second part of it.”\nThen he left."
    (quote,) = find_quoted_spans(text)
    assert [text[s:e] for s, e in quote.parts] == ["First part of it.", "Second part of it."]


def test_a_missing_closing_mark_ends_the_quote_with_its_paragraph() -> None:
    text = "He stressed: “We did not go to them. They came to us.\n\nNext paragraph “quoted” here."
    quotes = find_quoted_spans(text)
    assert [text[q.start : q.end] for q in quotes] == ["We did not go to them. They came to us.", "quoted"]
    assert [q.closed for q in quotes] == [False, True]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_parser()


def test_a_quote_split_around_its_cue_is_one_attribution(nlp: Language) -> None:
    text = "“We need support,” Nazary said. “We are struggling with our own resources.”"
    (quote,) = find_quotes(text, nlp(text), ())
    assert [text[s:e] for s, e in quote.parts] == ["We need support,", "We are struggling with our own resources."]
    assert quote.cue == "said" and quote.source == "Nazary" and quote.direct


def test_indirect_and_according_to(nlp: Language) -> None:
    text = "Pedram also noted that the resistance expected support. According to officials, talks will resume."
    quotes = find_quotes(text, nlp(text), ())
    assert [(q.cue, q.source, q.text, q.direct) for q in quotes] == [
        ("also noted", "Pedram", "that the resistance expected support", False),
        ("According to", "officials", "talks will resume", False),
    ]


def test_colon_introduced_quote_takes_the_phrase_before_the_colon(nlp: Language) -> None:
    text = "Abdul Latif Pedram, the party leader: “Either we accept it or we resist.”"
    (quote,) = find_quotes(text, nlp(text), ())
    assert quote.cue == ":" and quote.source == "Abdul Latif Pedram, the party leader"
    assert quote.text == "Either we accept it or we resist"
