"""Readings that are no event, from the tenth session's samples of real news (PolNeAR's 2016 articles, train every
50th from the 3rd and the 47th; ECB+): money, votes and jobs where the lexicon sees violence or aid, poll results,
acts of "anyone", verbal attacks in election news and clauses negated by "nor". Each beside a sentence where the
same words are an event."""

from __future__ import annotations

import pytest

from storyline.extract.events.coder import CodedEvent, code_sentence
from storyline.extract.nlp import load_parser


def coded(text: str) -> list[CodedEvent]:
    doc = load_parser()(text)
    return [event for sentence in doc.sents for event in code_sentence(sentence)]


def categories(text: str) -> set[str]:
    return {event.plover for event in coded(text)}


@pytest.mark.parametrize(
    ("sentence", "plover"),
    [
        ("The Clinton Foundation received as much as $26.4 million in previously undisclosed payments.", "CONSULT"),
        ("Bernie Sanders will receive at least 42.", "AGREE"),
        ("Clinton will be awarded delegates proportionally in keeping with Democratic regulations.", "AGREE"),
        ("U.S. deaths from Alzheimer's are exploding, and Hillary Clinton wants to make it a major issue.", "ASSAULT"),
        ("Two young go-getters tied enough rubber bands around a watermelon to make it explode.", "ASSAULT"),
        ("Mr. Cruz raised $11.9 million in February despite burning through $17.5 million.", "ASSAULT"),
        ("The advisers who make up his kitchen cabinet burn up their email accounts and phone lines.", "ASSAULT"),
        ("The address lasted 76 minutes, with fireworks shooting over Lake Erie.", "ASSAULT"),
        ("That could mean getting fired or having security clearance revoked.", "ASSAULT"),
        ("Maurice Cheeks was fired Saturday as coach of the Philadelphia 76ers.", "ASSAULT"),
        ("It starts with his proposition that journalists are killing journalism.", "ASSAULT"),
        ("Colleges have a different set of costs to consider when it comes to charging tuition.", "ACCUSE"),
        ("But it begs the question, because of the dysfunction in Congress.", "REQUEST"),
        ("More than 500 Cruz supporters roared when Texas was called for Ted Cruz after the polls closed.", "REQUEST"),
        ("The plan would be funded by taxing all Wall Street transactions.", "AGREE"),
        ("He and his wife had just welcomed a second baby girl three weeks ago, his brother added.", "SUPPORT"),
        # polls
        ("About two-thirds of Republican primary voters in all five states support temporarily banning non-citizen "
         "Muslims from entering the United States.", "COERCE"),
        ("Only about 4 in 10 Republican voters in each state want all immigrants in the country illegally to be "
         "deported.", "THREATEN"),
        ("In Vermont, Bernie Sanders was supported by overwhelming majorities of both men and women.", "SUPPORT"),
        # anyone at all, a lifetime's experience
        ("Anyone who endorses violence, hatred or oppression is not welcome in our country.", "SUPPORT"),
        ("A friend referred to him as the most beautiful soul I've ever met in my whole life.", "CONSULT"),
        ("I have a message to every last person threatening the peace on our streets and the safety of our police.",
         "THREATEN"),
        ("Anyone can endorse him.", "SUPPORT"),
        # a second round (train every 50th from the 15th)
        ("Voters see their own party as insufficiently committed.", "AGREE"),
        ("The new Unplugged is meant to appeal to Generation Xers and millennials alike.", "REQUEST"),
        ("The North Dakota delegation has been heavily sought after because they are free agents.", "REQUEST"),
        ("David Duchovny and Gillian Anderson signed on for The X-Files.", "SUPPORT"),
        ("The influential delegate warned of a ferocious battle ahead that could split the party.", "THREATEN"),
        ("The controversy centers on comments Clinton made during a speech attacking the Republican nominee.",
         "ASSAULT"),
        ("He deployed his pastor father, Rafael Cruz, as a surrogate.", "MOBILIZE"),
        ("Silverman responded, \"Thank God they can fix this in post-production.\"", "SUPPORT"),
        ("For his part, he said he would be honored to serve should the opportunity present itself.", "AGREE"),
        ("That is troubling because it threatens the extensive work that economists did.", "THREATEN"),
        ("Democrats have been burned in recent elections by low turnout from episodic voters.", "ASSAULT"),
        ("They are free agents from the first ballot in Cleveland, able to support Cruz, Trump or John Kasich.",
         "AGREE"),
        ("That will help even the energy some.", "AGREE"),
        ("But his economic pitch to the white working class holds obvious appeal in the upper Midwest.", "REQUEST"),
        ("However, most state parties release those delegates if their candidate is no longer running.", "RETREAT"),
        ("He declared that together they should beat her at the polls in November.", "REQUEST"),
        ("Callers asked how much money he was getting to talk up Trump.", "CONSULT"),
        # read off the held-out sample (train every 50th from the 29th) after it was judged
        ("Not as many people signed up, meaning the feds have to shell out less money.", "ASSAULT"),
        ("It was a critique he made again and again, inviting vicious ridicule from Gov. Chris Christie.", "REQUEST"),
        ("Voters consistently reject establishment Republicans.", "REJECT"),
        ("It was days before the endorsement, a coup over Sen. Bernie Sanders, who has long opposed the tax.",
         "REJECT"),
        ("Investors seem to agree: Twitter shares were up 17 percent on deal speculation.", "AGREE"),
        ("Democratic politicians typically oppose taxing consumption on fairness grounds.", "REJECT"),
        ("Candidates who meet that threshold are eligible for the debates.", "CONSULT"),
        ("Cruz has said he is the only candidate in the field who can beat Trump.", "THREATEN"),
        ("Her campaign quickly blasted out an email to supporters.", "ACCUSE"),
    ],
)  # fmt: skip
def test_a_reading_that_is_no_event_codes_none(sentence: str, plover: str) -> None:
    assert plover not in categories(sentence), [e.explanation for e in coded(sentence)]


@pytest.mark.parametrize(
    ("sentence", "plover"),
    [
        ("A car bomb exploded outside the embassy on Monday.", "ASSAULT"),
        ("Protesters burned the embassy and two police cars.", "ASSAULT"),
        ("SKY-TV reports that the 3 bank employees were burnt to death.", "ASSAULT"),
        ("A fire burned it to the ground.", "ASSAULT"),
        ("A driver fatally shot eight co-workers.", "ASSAULT"),
        ("Shots were fired at the police station.", "ASSAULT"),
        ("The soldiers were fired on by rebels.", "ASSAULT"),
        ("The bullet struck the girl seconds after it was fired from more than a block away.", "ASSAULT"),
        ("Militants killed 12 soldiers in an ambush.", "ASSAULT"),
        ("An allegedly intoxicated driver who tried to flee has been charged in her murder.", "ACCUSE"),
        ("The driver was charged with DWI.", "ACCUSE"),
        ("The MacArthur Foundation last year awarded her one of its prestigious grants.", "SUPPORT"),
        ("Pakistan received the Afghan delegation in Islamabad.", "CONSULT"),
        ("Three-quarters of the NEA's executive board voted to endorse Clinton.", "SUPPORT"),
        ("Iran funded the rebels for years.", "AID"),
        ("Russia committed troops to the operation.", "AGREE"),
        ("The minister appealed to the rebels to lay down their arms.", "REQUEST"),
        ("Russia deployed troops to the border.", "MOBILIZE"),
        ("The president thanked Japan for its aid.", "SUPPORT"),
        ("The president invited the rebels to talks in Geneva.", "REQUEST"),
        ("Artillery units shelled the town overnight.", "ASSAULT"),
        ("Russia has repeatedly rejected calls for a ceasefire.", "REJECT"),
        ("The aide declined to specify the nature of those discussions.", "REJECT"),
        ("Some presidential candidates called for a ban on assault weapons.", "REQUEST"),
        ("The prime minister met the opposition leader on Monday.", "CONSULT"),
        ("Someone attacked the police station on Monday.", "ASSAULT"),
        ("Lawyers for Clinton appeared to oppose the effort, saying in court files that her account was private.",
         "REJECT"),
        ("The rebels threatened the town with an assault.", "THREATEN"),
        ("The government released 20 prisoners on Monday.", "RETREAT"),
        ("The army is able to attack the city within days.", "THREATEN"),
        ("Kabul seeks talks with the Taliban.", "REQUEST"),
        ("The two governments signed a treaty of friendship.", "SUPPORT"),
        ("The creamery building was burned down by teenagers in 2003.", "ASSAULT"),
        ("The Navy rushed its frigate INS Tabar, which was already deployed nearby to the Gulf of Aden.", "MOBILIZE"),
        ("Criminals could also launch their attacks via e-mail.", "THREATEN"),
    ],
)  # fmt: skip
def test_the_same_words_as_events_still_code(sentence: str, plover: str) -> None:
    assert plover in categories(sentence), [e.explanation for e in coded(sentence)]


ELECTION_NEWS = (
    "The presidential candidate spoke at the convention before the primary election. "
    "As Trump attacked Clinton, the attendees chanted. "
    "Trump sought to rally Republicans with sharp and relentless attacks on Clinton and the Democratic Party. "
    "He said his recent attacks on Trump have given his campaign momentum. "
    "A gunman attacked Smith with a knife outside the rally. "
)


def test_in_election_news_a_person_attacking_a_person_accuses() -> None:
    events = coded(ELECTION_NEWS)
    by_sentence = {event.sentence.text.split()[1]: event.plover for event in events}
    assert by_sentence["Trump"] == "ACCUSE"  # "As Trump attacked Clinton"
    assert by_sentence["sought"] == "ACCUSE"
    assert by_sentence["said"] == "ACCUSE"
    assert by_sentence["gunman"] == "ASSAULT"  # violence in the sentence


def test_in_election_news_a_rally_is_no_protest_unless_it_is_against_something() -> None:
    rally = ELECTION_NEWS + "Keith Hutto, a plumbing contractor who attended the rally with Mr. Moody, left early."
    assert not any(e.plover == "PROTEST" and "Hutto" in e.sentence.text for e in coded(rally))
    protest = ELECTION_NEWS + "Hundreds of students held a rally against the war outside the hall."
    assert any(e.plover == "PROTEST" and "students" in e.sentence.text for e in coded(protest))


def test_outside_election_news_an_attack_on_a_person_stays_an_assault() -> None:
    assert "ASSAULT" in categories("Taliban fighters attacked Massoud near the border.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Nor, apparently, have they warned Mr. Hannity away from giving advice to Mr. Trump.",
        "Neither the Taliban nor the NRF attacked the town.",
        "The Taliban did not attack the town, nor did they shell it.",
    ],
)
def test_nor_and_neither_negate(sentence: str) -> None:
    events = coded(sentence)
    assert events and all(event.negated for event in events), [e.explanation for e in events]


def test_both_acts_of_a_plain_conjunction_happen() -> None:
    events = coded("The army shelled the town and attacked the base.")
    assert len(events) == 2 and not any(event.negated for event in events)


def test_able_to_is_a_capacity_unless_it_was_done() -> None:
    [capacity] = coded("The delegation is able to support Cruz.")
    assert capacity.hypothetical
    done = coded("Cops say they were able to free the hostages.")
    assert done and not any(event.hypothetical for event in done), [e.explanation for e in done]


def test_an_obligation_that_was_never_said_is_no_request() -> None:
    [unsaid] = coded("Trump tweeted that he had never suggested the U.S. should use a database to track Muslims.")
    assert unsaid.plover == "REQUEST" and unsaid.negated
    [said] = coded("The minister said that Russia must withdraw its troops.")
    assert said.plover == "REQUEST" and not said.negated
