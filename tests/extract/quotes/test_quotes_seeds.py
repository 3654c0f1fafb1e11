"""Every quotation of the five seed articles, found with the right named speaker.

The list below was made by reading the articles (examples/afghan-resistance/): each entry is a piece of the quoted
words, the speaker a careful reader names (``None`` where the article names nobody: "experts", "a source") and
whether the words are inside quote marks. Direct quotes must be direct; mixed quotes (a few quoted words inside
reported speech) may be either.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.extract.ner import recognise, skeleton
from storyline.extract.nlp import load_parser
from storyline.extract.quotes import Quote, find_quotes, link_quotes

SEEDS = Path(__file__).resolve().parents[3] / "examples" / "afghan-resistance"
PEDRAM = "Abdul Latif Pedram"
NAZARY = "Ali Maisam Nazary"
RAHMON = "Emomali Rahmon"
MANSOOR = "Abdul Hafiz Mansoor"
DIRECT, INDIRECT, MIXED = True, False, None

# (article prefix, words inside the quote, speaker, direct / indirect / mixed)
EXPECTED: list[tuple[str, str, str | None, bool | None]] = [
    ("000", "The Afghan resistance forces are ready to hold talks", PEDRAM, INDIRECT),
    ("000", "The resistance forces have never ruled out negotiations", PEDRAM, DIRECT),
    ("000", "the Afghan resistance expected political, humanitarian", PEDRAM, INDIRECT),
    ("000", "Tajikistan is the focus of attention for Afghan people", PEDRAM, DIRECT),
    ("000", "Dushanbe could play a crucial role", PEDRAM, INDIRECT),
    ("000", "Tajikistan’s role in attaining peace and stability is possible", PEDRAM, DIRECT),
    ("000", "the need for contacts with the US, China", PEDRAM, INDIRECT),
    ("000", "it does not intend to remain idle", PEDRAM, MIXED),
    ("000", "We are doing our patriotic duty. Finally", PEDRAM, DIRECT),
    ("000", "the need for ending the conflict and tension", RAHMON, INDIRECT),
    ("000", "the prospects are poor for any such attempt", None, INDIRECT),
    ("001", "Tajikistan can become a platform for such negotiations", PEDRAM, INDIRECT),
    ("001", "Tajikistan is in the center of attention of the Afghan people", PEDRAM, DIRECT),
    ("001", "it is also necessary to ask for help from the United States", PEDRAM, INDIRECT),
    ("001", "Resistance will not sit idly", PEDRAM, DIRECT),
    ("001", "We are doing our patriotic duty. Ultimately", PEDRAM, DIRECT),
    ("002", "The entire weight of the damaging penalties", RAHMON, DIRECT),
    ("002", "If we go away the scenario with out consideration", RAHMON, DIRECT),
    ("002", "a pretext for an additional crackdown on the opposition", None, MIXED),
    ("002", "We plan to announce formal resistance to the Taliban", PEDRAM, DIRECT),
    ("002", "Both we settle for the Islamist state or we resist", PEDRAM, DIRECT),
    ("002", "Nothing is extra essential to us than freedom", PEDRAM, DIRECT),
    ("002", "they don’t have any alternative however to have interaction in battle", PEDRAM, INDIRECT),
    ("002", "Help for the resistance will develop", PEDRAM, INDIRECT),
    ("002", "We would like good relations with all of the international locations", PEDRAM, DIRECT),
    ("002", "the resistance had “superb” contacts with Moscow", PEDRAM, MIXED),
    ("002", "the resistance can depend on help from Moscow", "Temur Umarov", INDIRECT),
    ("002", "Russia understands that the probably situation", "Temur Umarov", DIRECT),
    ("002", "It’s additionally an financial battle", PEDRAM, DIRECT),
    ("002", "We don’t need a few international locations to help us", "Mohammad Zahir Aghbar", DIRECT),
    ("002", "Afghan sources, equivalent to copper", None, INDIRECT),
    ("003", "A recent meeting in Iran between the Taliban", NAZARY, INDIRECT),
    ("003", "pages separated", NAZARY, MIXED),
    ("003", "There were no results in these informal talks", NAZARY, DIRECT),
    ("003", "We were on two separate pages", NAZARY, DIRECT),
    ("003", "he had held talks over the weekend in Iran", "Amir Khan Muttaqi", INDIRECT),
    ("003", "brief encounter", NAZARY, MIXED),
    ("003", "We did not go to them. They came to us", NAZARY, DIRECT),
    ("003", "affiliated with the resistance and we work very closely together", NAZARY, MIXED),
    ("003", "going in and out of Afghanistan", NAZARY, MIXED),
    ("003", "Commander Massoud travels, he goes to many places", NAZARY, DIRECT),
    ("003", "We need any kind of support or assistance", NAZARY, DIRECT),
    ("003", "The NRF is the last remaining democratic force in the country", NAZARY, DIRECT),
    ("004", "he had stepped down to prevent any bloodshed", "Ashraf Ghani", INDIRECT),
    ("004", "he becomes “the caretaker president”", "Amrullah Saleh", MIXED),
    ("004", "a Taliban delegation had been forced to set off", None, INDIRECT),
    ("004", "The National Resistance Front’s delegation held talks", MANSOOR, DIRECT),
    ("004", "the Taliban delegation had seven members", MANSOOR, INDIRECT),
    ("004", "The sides agreed to continue dialogue on peace", MANSOOR, DIRECT),
    ("004", "Massoud had turned down the Taliban delegation’s proposals", None, INDIRECT),
]


@pytest.fixture(scope="module")
def seed_quotes() -> dict[str, tuple[str, list[Quote]]]:
    paths = sorted(SEEDS.glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    entities = recognise(texts)
    parses = list(load_parser().pipe(texts))
    return {
        path.name[:3]: (text, find_quotes(text, parse, mentions))
        for path, text, parse, mentions in zip(paths, texts, parses, entities, strict=True)
    }


def _containing(quotes: list[Quote], words: str) -> list[Quote]:
    return [quote for quote in quotes if words in quote.text]


@pytest.mark.parametrize(("article", "words", "speaker", "direct"), EXPECTED, ids=[e[1][:30] for e in EXPECTED])
def test_every_seed_quote_is_found_with_its_speaker(
    seed_quotes: dict[str, tuple[str, list[Quote]]], article: str, words: str, speaker: str | None, direct: bool | None
) -> None:
    text, quotes = seed_quotes[article]
    assert words in text
    found = _containing(quotes, words)
    assert found, f"no quote of {article} contains {words!r}"
    assert any(quote.speaker == speaker for quote in found), [(q.speaker, q.evidence) for q in found]
    if direct is not None:
        assert any(quote.direct is direct for quote in found if quote.speaker == speaker)


def test_seed_quotes_are_exact_spans_of_their_article(seed_quotes: dict[str, tuple[str, list[Quote]]]) -> None:
    for text, quotes in seed_quotes.values():
        for quote in quotes:
            assert text[quote.start : quote.end] == quote.text
            if quote.speaker_start is not None and quote.speaker_end is not None:
                # the speaker points at a named mention ending like the full name (Mansour / Abdul Hafiz Mansoor)
                mention = text[quote.speaker_start : quote.speaker_end].split()[-1]
                assert quote.speaker is not None
                assert skeleton(mention) in {skeleton(word) for word in quote.speaker.split()}
            if quote.cue_start is not None and quote.cue_end is not None:
                assert text[quote.cue_start : quote.cue_end] == quote.cue


def test_a_quote_without_its_closing_mark_ends_with_its_paragraph(
    seed_quotes: dict[str, tuple[str, list[Quote]]],
) -> None:
    _, quotes = seed_quotes["003"]
    (quote,) = _containing(quotes, "We did not go to them.")
    assert quote.text == "We did not go to them. They came to us"
    assert quote.cue == "stressed" and quote.source == "He"
    assert "pronoun 'He'" in quote.evidence


def test_khan_is_not_mistaken_for_a_speaker_and_pronouns_follow_the_last_speaker(
    seed_quotes: dict[str, tuple[str, list[Quote]]],
) -> None:
    _, quotes = seed_quotes["003"]
    (revealed,) = _containing(quotes, "affiliated with the resistance")
    assert revealed.speaker == NAZARY  # "Nazary revealed that Khan … was … 'affiliated …'"
    (added,) = _containing(quotes, "We were on two separate pages")
    assert added.source == "he" and added.speaker == NAZARY


def test_descriptions_resolve_to_the_person_they_describe(seed_quotes: dict[str, tuple[str, list[Quote]]]) -> None:
    _, quotes = seed_quotes["000"]
    (leader,) = _containing(quotes, "We are doing our patriotic duty")
    assert leader.source == "the National Congress Party leader"
    assert leader.speaker == PEDRAM and "description" in leader.evidence
    (politician,) = _containing(quotes, "Tajikistan is the focus of attention")
    assert politician.source == "the Afghan politician" and politician.speaker == PEDRAM


def test_the_translated_interview_is_linked_across_articles(seed_quotes: dict[str, tuple[str, list[Quote]]]) -> None:
    from storyline.copies.embed import SentenceEncoder

    by_article = {article: quotes for article, (_, quotes) in seed_quotes.items()}
    groups = link_quotes(by_article, encoder=SentenceEncoder())
    duty = {
        (article, index)
        for article, quotes in by_article.items()
        for index, quote in enumerate(quotes)
        if "We are doing our patriotic duty" in quote.text
    }
    assert len(duty) == 2
    assert any(duty <= set(group) for group in groups)
    for group in groups:
        speakers = {by_article[article][index].speaker for article, index in group} - {None}
        assert len(speakers) <= 1  # quotes of different speakers are never one quote
