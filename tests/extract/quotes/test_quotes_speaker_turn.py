"""He and she after the text has turned to someone new: the pronoun names that person, not the speaker of the
attribution before. Texts modelled on 2016 PolNeAR articles (read by hand in the eleventh session)."""

from __future__ import annotations

import pytest

from quoting import quote_with, quotes_of

CASES = [
    # a new subject after the previous attribution
    (
        '"The committee has not asked me to testify," Mr. Aftergood said in an interview. '
        "Rep. Devin Nunes, chairman of the House Intelligence Committee, did not second-guess the recommendation, "
        "but he did call for more accountability down the road.",
        "more accountability",
        "Devin Nunes",
    ),
    # the only person of the sentence before, a sentence whose subject is no one
    (
        '"I do not think this was the case in which to pursue it," Stephen Vladeck said. '
        "That might sound strange to anyone listening to FBI Director James Comey's statement on Tuesday morning. "
        'He called her handling of the information "extremely careless."',
        "extremely careless",
        "James Comey",
    ),
    # the owner of the subject of the pronoun's own sentence
    (
        '"Trump is positioned to run the house in these first three states," said Lee Miringoff, a pollster. '
        "Donald Trump's beef with Fox News was aimed at Megyn Kelly, who he claims has been unfair to him.",
        "has been unfair",
        "Donald Trump",
    ),
    # in the pronoun's own sentence, the subject of its main clause, not of a clause inside it
    (
        '"We were surprised by the meeting," Obama said. Attorney General Loretta Lynch still has the final say on '
        "whether Clinton faces prosecution, and she has said she will accept the recommendation.",
        "accept the recommendation",
        "Loretta Lynch",
    ),
]

KEPT = [
    # someone named in a clause the previous speaker reports is not whom the text turned to
    (
        '"How could I not say that?" Kelly Ayotte said. The Republican incumbent said that her position is genuine '
        'and that voting for Donald Trump is no endorsement. "I was at every event," she said.',
        "every event",
        "Kelly Ayotte",
    ),
    # a person of unknown gender does not take a "he" from a speaker shown to be a he
    (
        '"There is just a ton of work with this job," Chris Murphy said, and he laughed. '
        "In that sense, Sandy Hook was not just a national tragedy, but a personal summons. "
        '"This was something different," he added.',
        "something different",
        "Chris Murphy",
    ),
]


@pytest.mark.parametrize(
    ("text", "words", "speaker"), CASES, ids=["new-subject", "sole-person", "subject-owner", "main-clause"]
)
def test_a_pronoun_names_the_person_the_text_turned_to(text: str, words: str, speaker: str) -> None:
    quote = quote_with(text, words)
    assert quote.speaker == speaker
    assert "turned to" in quote.evidence


@pytest.mark.parametrize(("text", "words", "speaker"), KEPT, ids=["reported-clause", "gender-not-shown"])
def test_the_previous_speaker_stays_where_the_text_did_not_turn(text: str, words: str, speaker: str) -> None:
    quote = quote_with(text, words)
    assert quote.speaker == speaker


def test_a_plural_description_names_no_single_person() -> None:
    # before, "The leaders" took the one person next to "27 leaders" (Theresa May), and "the attendees" of a rally
    # took Hillary Clinton
    text = (
        "It was a rare spot of unity for a summit of 27 leaders - British Prime Minister Theresa May was not "
        "invited - with 27 different plans for Europe.\n\n"
        'The leaders said they had agreed to put together "a reform plan" by March.'
    )
    quote = quote_with(text, "reform plan")
    assert quote.source == "The leaders" and quote.speaker is None


def test_a_group_of_named_people_is_no_single_speaker() -> None:
    text = (
        "The two leading Republicans, Donald J. Trump and Senator Ted Cruz of Texas, said on Sunday that the "
        "nominee should be chosen by the voters."
    )
    quote = quote_with(text, "nominee")
    assert quote.source is not None and quote.source.startswith("The two leading Republicans")
    assert quote.speaker is None


def test_a_name_modifying_a_title_is_not_the_speaker() -> None:
    # "Trump" and "Obama" modify "chairman" and "adviser" here; the speakers are Manafort and Plouffe
    text = (
        "Donald Trump spoke in Ohio. Trump campaign chairman Paul Manafort said the candidate would win the state. "
        'Former Obama adviser David Plouffe said the race was "far from over."'
    )
    speakers = {q.text[:12]: q.speaker for q in quotes_of(text)}
    assert speakers["the candidat"] == "Paul Manafort"
    assert speakers["the race was"] == "David Plouffe"


def test_they_names_no_single_person() -> None:
    # before, "They" took Randi Weingarten, the speaker before it
    text = (
        "Union president Randi Weingarten endorsed Hillary Clinton in October. But throughout the summer, members "
        "within both unions criticized the decision. They said the endorsement was rushed."
    )
    quote = quote_with(text, "rushed")
    assert quote.source == "They" and quote.speaker is None
