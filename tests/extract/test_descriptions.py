"""Definite descriptions of organisations resolved to the organisation named before them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyline.extract.descriptions import organisation_described
from storyline.extract.ner import EntityMention
from storyline.extract.nlp import load_parser
from storyline.extract.quotes import find_quotes


def _mention(text: str, name: str, kind: str, after: int = 0) -> EntityMention:
    start = text.index(name, after)
    return EntityMention(start, start + len(name), name, "ORG" if kind == "ORG" else "LOC", kind, "test")


TEXT = (
    "Head of the National Congress Party of Afghanistan met the Taliban in Dushanbe. "
    "The party supports the Afghan resistance, and this movement says the group is banned."
)
MENTIONS = [
    _mention(TEXT, "National Congress Party of Afghanistan", "ORG"),
    _mention(TEXT, "Taliban", "ORG"),
    _mention(TEXT, "Dushanbe", "GPE"),
]


def _described(words: str) -> str | None:
    start = TEXT.index(words)
    found = organisation_described(TEXT, start, start + len(words), MENTIONS)
    return None if found is None else found.text


def test_a_description_names_the_nearest_organisation_before_with_its_noun() -> None:
    assert _described("The party") == "National Congress Party of Afghanistan"
    assert _described("this movement") is None  # no organisation before calls itself a movement
    assert _described("the group") is None  # nor a group: "Taliban" does not say it is one
    assert _described("the Afghan resistance") is None  # not an organisation noun


def test_the_nearest_of_two_organisations_with_the_noun_wins() -> None:
    text = "The Labour Party met the Green Party. Later the party said no."
    mentions = [_mention(text, "Labour Party", "ORG"), _mention(text, "Green Party", "ORG")]
    start = text.index("the party")
    found = organisation_described(text, start, start + 9, mentions)
    assert found is not None and found.text == "Green Party"


@given(st.integers(0, len(TEXT)), st.integers(0, 40))
def test_what_is_found_is_an_organisation_before_the_description(start: int, width: int) -> None:
    end = min(len(TEXT), start + width)
    found = organisation_described(TEXT, start, end, MENTIONS)
    assert found is None or (found.kind == "ORG" and found.end <= start)


def test_a_quote_whose_source_is_the_party_gets_the_party_as_speaker() -> None:
    text = (
        "The National Congress Party of Afghanistan met on Monday. The party said that Tajikistan could host the talks."
    )
    quotes = find_quotes(text, load_parser()(text), [_mention(text, "National Congress Party of Afghanistan", "ORG")])
    said = [quote for quote in quotes if quote.cue == "said"]
    assert said and said[0].speaker == "National Congress Party of Afghanistan"
    assert "nearest organisation before" in said[0].evidence
