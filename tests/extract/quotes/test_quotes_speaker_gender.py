"""He and she: a pronoun's speaker skips people the article shows to be of the other gender. Texts modelled on a
2016 PolNeAR article (Carly Fiorina and Hewlett-Packard) and on the seeds' style."""

from __future__ import annotations

from storyline.extract.ner import recognise
from storyline.extract.nlp import load_parser
from storyline.extract.quotes import find_quotes


def _speakers(text: str) -> list[tuple[str, str | None]]:
    quotes = find_quotes(text, load_parser()(text), recognise([text])[0])
    return [(q.text, q.speaker) for q in quotes]


def test_she_skips_a_man_the_text_calls_he() -> None:
    text = (
        "Richard Keyworth was one of the more trusted minds on the board, and he was so fired up about the deal "
        "that he called Carly Fiorina at home. "
        '"We will have to convince them that we have done the right thing," she said.'
    )
    speakers = dict(_speakers(text))
    quote = next(k for k in speakers if "convince them" in k)
    assert speakers[quote] == "Carly Fiorina"


def test_a_pronoun_in_a_reported_clause_shows_no_gender() -> None:
    # "told … that she was a regular": she is the victim, not the minister; his "He said" stays his
    text = (
        "Dexter Wakefield, a minister with the church, told reporters that she was a regular at the congregation. "
        '"She was a very pleasant and outgoing person," he said.'
    )
    speakers = dict(_speakers(text))
    quote = next(k for k in speakers if "pleasant" in k)
    assert speakers[quote] == "Dexter Wakefield"


def test_the_person_named_in_the_sentence_keeps_the_pronoun() -> None:
    text = (
        "Some Republicans are endorsing Hillary Clinton, and Donald Trump lost his temper over it. "
        "Former Rep. Chris Shays was pro John Kasich while the Ohio governor was in the running, he said on MSNBC."
    )
    speakers = dict(_speakers(text))
    quote = next(k for k in speakers if "pro John Kasich" in k)
    assert speakers[quote] == "Chris Shays"  # not Donald Trump, though only Trump is shown to be a he
