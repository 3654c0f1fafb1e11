"""The quotes of a short real-news text as the pipeline finds them (parse, recogniser, quote rules), for the tests
of who a quote's speaker is."""

from __future__ import annotations

from storyline.extract.ner import recognise
from storyline.extract.nlp import load_parser
from storyline.extract.quotes import Quote, find_quotes


def quotes_of(text: str) -> list[Quote]:
    return find_quotes(text, load_parser()(text), recognise([text])[0])


def quote_with(text: str, words: str) -> Quote:
    """The one quote of ``text`` whose content holds ``words``."""
    [quote] = [quote for quote in quotes_of(text) if words in quote.text]
    return quote
