"""Word senses: sentences of real news (PolNeAR's 2016 articles) where a lexicon verb is used in a sense that is no
event, beside sentences where the same verb is one (PLOVER's gold records, the seeds, general English)."""

from __future__ import annotations

import pytest

from storyline.extract.events import main_event
from storyline.extract.events.coder import code_sentence
from storyline.extract.nlp import load_parser


def events_of(sentence: str) -> list[tuple[str, str]]:
    doc = load_parser()(sentence)
    return [(e.plover, " ".join(t.text for t in e.trigger_tokens)) for s in doc.sents for e in code_sentence(s)]


@pytest.mark.parametrize(
    ("sentence", "plover"),
    [
        ("Caddell went on to discuss recently released polls, including ones showing Trump leading.", "RETREAT"),
        ("Mitt Romney released his returns in 2012, even though they exposed his foreign bank accounts.", "RETREAT"),
        ("The clip has faced ridicule online since it was released on Tuesday.", "RETREAT"),
        ("He entered each debate with a game plan and flawlessly executed it.", "ASSAULT"),
        ("It's destroying the reputation of this committee, said Del. Stacey Plaskett.", "ASSAULT"),
        ("Since the very first day the president signed this bill into law, he has been open to changes.", "SUPPORT"),
        ("Mr. Obama officially opened the museum by ringing a large bell.", "RETREAT"),
        ("They sent a letter on Thursday to Senate leaders opposing reauthorization of the program.", "AID"),
        ("Mr. Obama, who was given a sneak peek of the museum recently, spoke during the ceremony.", "AID"),
        ("In offering analysis of the ongoing presidential election, Pat Caddell pointed to the polls.", "AGREE"),
        ("The administration signaled willingness to change ACA but has been met with opposition.", "CONSULT"),
        ("Graham asked.", "REQUEST"),
        ("How did such an arcane proposal even make it into her platform?", "REQUEST"),
        ("But Trump claims that he should be the exception.", "REQUEST"),
        ("A contentious visa program that allows wealthy foreigners to obtain citizenship expires.", "CONCEDE"),
        ("The outcome showed Clinton had received 49.84 percent while Sanders received 49.59 percent.", "CONSULT"),
        ("When Nega helped found the movement in 2008, the year he returned to teaching, he was 50.", "RETREAT"),
        ("Obama economic adviser Christina Romer was sidelined after demonstrating that the stimulus was small.",
         "PROTEST"),
        ("A Quinnipiac poll found that Clinton would beat Trump 46 to 40 percent in a general election.", "ASSAULT"),
        ("And so, committed Democrats have been fighting about Obama ever since he entered office.", "ASSAULT"),
        ("While Warren, Biden and Obama have occupied the spotlight, other backers have campaigned.", "COERCE"),
    ],
)  # fmt: skip
def test_a_verb_in_a_sense_that_is_no_event_codes_none(sentence: str, plover: str) -> None:
    assert plover not in {category for category, _ in events_of(sentence)}, events_of(sentence)


@pytest.mark.parametrize(
    ("sentence", "plover"),
    [
        ("The rebels released two hostages on Monday.", "RETREAT"),
        ("The kidnappers freed the journalist after a week.", "RETREAT"),
        ("He was released one day before guards turned their guns on the remaining prisoners.", "RETREAT"),
        ("Government forces destroyed the bridge near the border.", "ASSAULT"),
        ("Libyan leader Muammar Gaddafi and Bulgarian President Todor Zhivkov today signed a treaty of friendship.",
         "SUPPORT"),
        ("Uzbekistan finally opened the Friendship Bridge after four years.", "RETREAT"),
        ("The European Community on Monday gave the Ivory Coast 5.1 million dollars of aid.", "AID"),
        ("The prime minister met with opposition leaders in the capital.", "CONSULT"),
        ("The mayor asked the army to protect the city.", "REQUEST"),
        ("Russia said on Tuesday that Sudan must return a Mi-26 helicopter.", "REQUEST"),
        ("The troops returned to their barracks after the talks.", "RETREAT"),
        ("Thousands of Iraqi Kurds demonstrated in the northern city of Kirkuk on Sunday.", "PROTEST"),
        ("Israeli troops occupied the town of Jenin.", "COERCE"),
        ("Three men were beaten by the police outside the station.", "ASSAULT"),
        ("Police beat 20 protesters in the square.", "ASSAULT"),
    ],
)  # fmt: skip
def test_the_same_verbs_in_their_event_sense_still_code(sentence: str, plover: str) -> None:
    assert plover in {category for category, _ in events_of(sentence)}, events_of(sentence)


def test_a_verbal_attack_is_an_accusation() -> None:
    event = main_event(
        "He attacked other candidates on stage for accepting donations from lobbyists.",
        load_parser()("He attacked other candidates on stage for accepting donations from lobbyists."),
    )
    assert event is not None and (event.plover, event.cameo) == ("ACCUSE", "111")


def test_a_relative_clause_on_a_person_word_keeps_its_event() -> None:
    sentence = "Trump is a rampant xenophobe, who has repeatedly pledged to ban all Muslims from entering the country."
    assert "THREATEN" in {category for category, _ in events_of(sentence)}
