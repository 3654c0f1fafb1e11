"""He and she: a pronoun's speaker skips people the article shows to be of the other gender. Texts modelled on
2016 PolNeAR articles (Carly Fiorina and Hewlett-Packard; a church minister; Chris Shays on MSNBC)."""

from __future__ import annotations

import pytest

from quoting import quote_with

CASES = [
    # she skips a man the text calls he
    (
        "Richard Keyworth was one of the more trusted minds on the board, and he was so fired up about the deal "
        "that he called Carly Fiorina at home. "
        '"We will have to convince them that we have done the right thing," she said.',
        "convince them",
        "Carly Fiorina",
    ),
    # a pronoun in a clause the person reports shows nothing of the person ("told reporters that she …")
    (
        "Dexter Wakefield, a minister with the church, told reporters that she was a regular at the congregation. "
        '"She was a very pleasant and outgoing person," he said.',
        "pleasant",
        "Dexter Wakefield",
    ),
    # the person named in the pronoun's own sentence keeps it, though only Trump is shown to be a he
    (
        "Some Republicans are endorsing Hillary Clinton, and Donald Trump lost his temper over it. "
        "Former Rep. Chris Shays was pro John Kasich while the Ohio governor was in the running, he said on MSNBC.",
        "pro John Kasich",
        "Chris Shays",
    ),
    # where the article shows nothing, a first name given nearly always to one sex does ("Eric" and "Loretta")
    (
        'Eric Holder met Loretta Lynch in Washington on Monday. "We discussed the case at length," she said.',
        "discussed the case",
        "Loretta Lynch",
    ),
]


@pytest.mark.parametrize(
    ("text", "words", "speaker"), CASES, ids=["she-not-he", "reported-clause", "same-sentence", "first-name"]
)
def test_a_pronoun_names_a_speaker_of_its_gender(text: str, words: str, speaker: str) -> None:
    quote = quote_with(text, words)
    assert quote.speaker == speaker
