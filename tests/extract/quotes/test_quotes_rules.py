"""The attribution rules on single sentences, parsed by the real pipeline: the span conventions PolNeAR uses
(measured on its training split, benchmarks/quotes/README.md)."""

from __future__ import annotations

import pytest

from storyline.extract.nlp import load_parser
from storyline.extract.quotes import find_quotes
from storyline.extract.quotes.indirect import _without_dangling_word


def _attributions(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(quote.source, quote.cue, quote.text) for quote in find_quotes(text, load_parser()(text), ())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a title line "Name: statement"
            "Rubio: I Still Believe Trump Can't Be Trusted.\n\nMarco Rubio spoke on Sunday.",
            ("Rubio", ":", "I Still Believe Trump Can't Be Trusted"),
        ),
        (  # a cue tucked into the middle of what was said: the content runs over both sides
            "Mr. Obama met Mr. Kerry on Monday. The goal, he said, is to forge a durable cease-fire that would halt "
            "the bombings.",
            ("he", "said", "The goal, he said, is to forge a durable cease-fire that would halt the bombings"),
        ),
        (  # an object before the preposition belongs to the content, and the cue is the verb alone
            "The senator compared the new tax to a war on the middle class.",
            ("The senator", "compared", "the new tax to a war on the middle class"),
        ),
        (  # with nothing between them, the preposition belongs to the cue
            "Officials were referring to the new rules on trade.",
            ("Officials", "were referring to", "the new rules on trade"),
        ),
        (  # the verb a cue hangs from by "to" is part of the cue
            "The mayor continued to argue that the plan was sound.",
            ("The mayor", "continued to argue", "that the plan was sound"),
        ),
        (  # a bracket that closes inside the span stays
            "Senate Majority Leader Harry Reid (D) said the bill would pass next week.",
            ("Senate Majority Leader Harry Reid (D)", "said", "the bill would pass next week"),
        ),
        (  # a second "that" clause the parser hangs on the verb
            "The campaign said that turnout was high, and that the results would be known soon.",
            ("The campaign", "said", "that turnout was high, and that the results would be known soon"),
        ),
        (  # a content that opens a quote runs to the quote's end
            "He said that he’ll “need a lot of help. So we’ll see how it works.” The race goes on.",
            ("He", "said", "that he’ll “need a lot of help. So we’ll see how it works"),
        ),
        (  # an adverb between the verb and its content belongs to the cue
            "The governor said repeatedly that the budget was balanced.",
            ("The governor", "said repeatedly", "that the budget was balanced"),
        ),
        (  # the verb's modifiers after an object content run with the content
            "Carson did not mention any of his rivals by name.",
            ("Carson", "did not mention", "any of his rivals by name"),
        ),
        (  # a square bracket that closes inside the span stays
            "“It is about what you do when you do [disagree],” Hassan said.",
            ("Hassan", "said", "It is about what you do when you do [disagree]"),
        ),
        (  # a relative pronoun before the cue opens the content
            "The governor backed a plan, which officials said would cost billions of dollars.",
            ("officials", "said", "which officials said would cost billions of dollars"),
        ),
        (  # the subject of a passive cue opens the content
            "The senator is accused of lying to the committee about the deal.",
            (None, "is accused of", "The senator is accused of lying to the committee about the deal"),
        ),
        (  # a passive cue without a complement reports its subject; the by phrase is the source
            "The meeting with the donors was first reported by Politico.",
            ("Politico", "was first reported", "The meeting with the donors"),
        ),
        (  # an adverb right after the cue of a content before it joins the cue
            "“We will win this state,” the senator said later.",
            ("the senator", "said later", "We will win this state"),
        ),
        (  # a clause the parser hangs on the verb from before it loses to an object after it
            "Clinton won the state easily, and that was no surprise, the report cites a memo from the White House as "
            "proof.",
            ("the report", "cites", "a memo from the White House as proof"),
        ),
        (  # but the subject of a passive "asked" or "told" is who was asked, not what was said
            "The governor was told that the plan would fail.",
            (None, "was told", "that the plan would fail"),
        ),
        (  # the words of a quote's sentence before its opening mark belong to the content
            "The new plans “will fail the students of this state,” he said.",
            ("he", "said", "The new plans “will fail the students of this state"),
        ),
        (  # an "as" clause with a speech verb reports the clause it hangs from
            "As reported by Reuters, the main forces of the Taliban are members of foreign groups.",
            ("Reuters", "reported", "the main forces of the Taliban are members of foreign groups"),
        ),
        (
            "As Tajikistan's president noted in his speech, the border is closed.",
            ("Tajikistan's president", "noted", "the border is closed"),
        ),
        (
            "The army moved north, as the minister put it.",
            ("the minister", "put it", "The army moved north"),
        ),
        (  # a relative clause on the source of "according to" is not what was said
            "According to Mansour, who previously took part in the talks, the Taliban delegation had seven members.",
            ("Mansour", "According to", "the Taliban delegation had seven members"),
        ),
        (  # "This was according to X": X said what the sentence before says
            "  • A meeting between the opposition and the Taliban did not bear fruit.\n"
            "  • This was according to a member of the National Resistance Front.",
            (
                "a member of the National Resistance Front",
                "according to",
                "A meeting between the opposition and the Taliban did not bear fruit",
            ),
        ),
        (  # of two subjects the parser gives the cue, the one next to it: the other is a word of the quote
            "“Hillary Clinton’s campaign is in panic mode. Full panic mode,” said Leslie Wimes, a strategist.",
            ("Leslie Wimes, a strategist", "said", "Hillary Clinton’s campaign is in panic mode. Full panic mode"),
        ),
        (  # ... and of two as near, the one with no quote mark between it and the cue
            "Mr. Obama has not proposed a value-added tax. ''On a blackboard, the VAT's a great tax,'' said Douglas "
            "Holtz-Eakin, a former adviser.",
            ("Douglas Holtz-Eakin, a former adviser", "said", "On a blackboard, the VAT's a great tax"),
        ),
        (  # a cue clause that ends its paragraph with a colon: the next paragraph is what was said
            "The governor added:\n\nIt’s typical of Hillary Clinton. She knows nothing.\n\nThen he left.",
            ("The governor", "added", "It’s typical of Hillary Clinton. She knows nothing"),
        ),
        (
            'He said:\n\n"We have a situation where we have our inner cities."',
            ("He", "said", "We have a situation where we have our inner cities"),
        ),
        (  # a second cue of the same source ends the first one's content
            "Sen. David Perdue said he didn’t believe those claims did Romney in, arguing that it was divisions in "
            "the party that were a bigger hurdle.",
            ("Sen. David Perdue", "said", "he didn’t believe those claims did Romney in"),
        ),
        (  # the writer's relative clause tacked on at the end is not what was said
            "The ministry said the emails were exchanges between Carter and Eric Fanning, who was his chief of staff "
            "at the time.",
            ("The ministry", "said", "the emails were exchanges between Carter and Eric Fanning"),
        ),
        (  # "in a statement" joins the cue ("in an interview" does not)
            "The senator said in a statement that the bill would pass.",
            ("The senator", "said in a statement", "that the bill would pass"),
        ),
        (
            "“The bill will pass,” the senator said in a statement.",
            ("the senator", "said in a statement", "The bill will pass"),
        ),
        (  # a no-break space is trimmed like a space
            "Mr. Trump\xa0 said the country was strong.",
            ("Mr. Trump", "said", "the country was strong"),
        ),
    ],
)
def test_attribution_spans_follow_polnear(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _attributions(text)


def test_when_asked_leaves_when_out_of_the_cue() -> None:
    cues = [cue for _, cue, _ in _attributions("When asked about the polls, the governor said that he was calm.")]
    assert cues and all(cue is not None and not cue.lower().startswith("when") for cue in cues)


def test_transcript_lines_are_attributed_to_their_speaker_labels() -> None:
    text = (
        "Fallin spoke to CNN on Sunday.\n\nTAPPER: Do you think he has campaigned as a healer?\n\n"
        "FALLIN: I think he is trying to campaign as a healer.\n\nQ: What comes next?"
    )
    found = _attributions(text)
    assert ("TAPPER", ":", "Do you think he has campaigned as a healer") in found
    assert ("FALLIN", ":", "I think he is trying to campaign as a healer") in found
    assert not any(source == "Q" for source, _, _ in found)


def test_transcript_lines_inside_quote_marks_are_attributed_too() -> None:
    text = (
        'Partial transcript as follows:\n\n"WALLACE: Let’s start with the debate story tonight.\n\n'
        '"PENCE: Well, look, Hillary Clinton thinks this is an episode of a reality show.'
    )
    found = _attributions(text)
    assert ("WALLACE", ":", "Let’s start with the debate story tonight") in found
    assert ("PENCE", ":", "Well, look, Hillary Clinton thinks this is an episode of a reality show") in found


def test_a_quote_signed_with_a_dash_and_a_name_is_that_persons() -> None:
    text = (
        "Readers answered.\n\n“He represents our greatest shame.” ― Sonya Herridge\n"
        "“He makes blanket statements about people.”― Carla Sanchez.\n\nGetty/Instagram."
    )
    found = _attributions(text)
    assert ("Sonya Herridge", "―", "He represents our greatest shame") in found
    assert ("Carla Sanchez", "―", "He makes blanket statements about people") in found


def test_a_dash_and_a_name_after_a_quote_inside_a_sentence_is_the_articles_byline() -> None:
    text = 'Rajoy said Monday that his party was "still the No. 1 force in Spain."--Kim Hjelmgaard.'
    assert not any(source == "Kim Hjelmgaard" for source, _, _ in _attributions(text))


def test_as_clauses_without_a_speech_verb_or_with_a_complement_of_their_own_report_nothing_else() -> None:
    assert not any(cue == "expected" for _, cue, _ in _attributions("As expected, the army moved north."))
    found = _attributions("As she explained how tough it is to run, the crowd went quiet.")
    assert not any(content == "the crowd went quiet" for _, _, content in found)


def test_who_is_quoted_is_not_what_was_said() -> None:
    text = "France 24 quoted Financial Times as reported last week that numerous leaders have fled to Tajikistan."
    found = _attributions(text)
    assert not any(content == "Financial Times" for _, _, content in found)
    assert ("France 24", "reported", "that numerous leaders have fled to Tajikistan") in found


def test_a_content_the_parse_cut_after_a_conjunction_ends_before_it() -> None:
    text = "they were very worried about the direction of the economy, and"
    assert _without_dangling_word(text, (0, len(text))) == (0, text.index(","))
    assert _without_dangling_word(text, (0, 9)) == (0, 9)
    assert _without_dangling_word("and", (0, 3)) == (0, 3)  # nothing would be left
