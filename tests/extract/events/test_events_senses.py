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
        # The ninth session's round: PolNeAR training articles (every 50th from the 19th, 7th and 31st).
        ("They are largely banking on winning their delegate-rich home states in upcoming contests.", "COERCE"),
        ("We're going to have to beat Donald Trump at the ballot box.", "ASSAULT"),
        ("Clinton struggled to beat back the Sanders challenge among average voters.", "ASSAULT"),
        ("The reality TV star is painting Republicans into a demographic corner that could threaten their viability.",
         "THREATEN"),
        ("He's trying to appeal to a sense of displacement, a sense of being left out.", "REQUEST"),
        ("In reality, it yielded a couple of floor votes easily parried by the GOP.", "CONCEDE"),
        ("“Certainly, this was a way to set us apart from Bernie Sanders,” he conceded.", "CONCEDE"),
        ("This is the unique event that allows him to share some laughs about the political process.", "CONCEDE"),
        ("But he and election-law experts agree it will be difficult to win the majority of justices.", "AGREE"),
        ("Several prominent GOP elders agreed that Trump needs to deliver a speech.", "AGREE"),
        ("Mr. Manafort said he agreed with Mr. Cruz.", "AGREE"),
        ("Sanders rallied young people with his calls to end the rigged economy.", "PROTEST"),
        ("The only hitch in Clinton's plans to rally this vital Democratic constituency is clear.", "THREATEN"),
        ("Sanders had breakfast with Al Sharpton, a civil rights activist who hosts an MSNBC show.", "CONSULT"),
        ("Proponents urged a raise to where it stood in 1975, when the Ford administration undertook the last major "
         "expansion of overtime eligibility.", "AGREE"),
        ("It will feel like you're out there in the job market, as opposed to this weird training position.", "REJECT"),
        ("A six-year trend of declining federal budget deficits will end this year.", "REJECT"),
        ("A projection by the consulting firm Oxford Economics predicted a disproportionate number.", "CONSULT"),
        ("He thinks she would have been committed to the issue anyway.", "AGREE"),
        ("The man didn't accept anyone's comfort, but he didn't leave.", "AGREE"),
        ("The lower-court judges are disallowing in some states what is accepted practice in others.", "AGREE"),
        ("The Senate repudiates both administrations, which gave huge power to Education secretaries.", "AID"),
        ("Trump never missed a chance to remind the audience he was the only candidate self-funding his campaign.",
         "AID"),
        ("Clinton's team was all too happy to seize on Ryan's comments.", "COERCE"),
        ("Florida Sen. Marco Rubio suspended his campaign after losing his home-state primary.", "SANCTION"),
        ("The speech struck a chord with voters.", "PROTEST"),
        ("His endorsements will carry a great deal of weight.", "AGREE"),
        ("The plan is lifted almost whole cloth from a paper published shortly before.", "CONCEDE"),
        ("As she seeks reelection, the senator struggles to keep her distance from Trump.", "REQUEST"),
        ("However, it produced the result that Sanders was seeking.", "REQUEST"),
        ("The odds in favor of Democrats regaining control of the Senate shot up after the Iowa exchange.", "ASSAULT"),
        ("Davis did not immediately return a request seeking comment.", "REQUEST"),
        ("This allows him to catch up regularly on Skype with his sons and his wife.", "CONCEDE"),
        ("''These results should cause us to rethink the gains from trade,'' they argued.", "REQUEST"),
        ("\"I don't think it should be done behind closed doors,\" Chaffetz said.", "REQUEST"),
        ("The 6.1-magnitude quake struck Qeshm island, home to 120,000 people.", "ASSAULT"),
        ("A 59-year-old woman stepped out of her car and was struck by a car.", "ASSAULT"),
        ("Firefighters fought the blaze in temperatures of minus 17 degrees.", "ASSAULT"),
        ("Trump brought SNL its highest ratings since 2012, when NBA Hall of Fame player Charles Barkley hosted.",
         "CONSULT"),
        ("The Clinton campaign has a larger field operation that has been trained more thoroughly.", "MOBILIZE"),
        ("In her New Year speech, Merkel warned against the forces of hate.", "THREATEN"),
        ("Hassan touts her history of fighting addiction.", "ASSAULT"),
        ("Having fought his own angst-ridden primary against Clinton eight years ago, Obama could help.", "ASSAULT"),
        ("Female troops preferred Clinton 51 percent to 24 percent, while male troops backed Trump, 57 percent to 22.",
         "SUPPORT"),
        ("The IMF had warned that the Brexit vote could depress growth in Britain for years.", "THREATEN"),
        ("This was exactly the sort of demographic change the party warned about in its 2013 report.", "THREATEN"),
        ("Murphy's floor speech wasn't a solo effort, but he offered the emotional high point of the night.", "AGREE"),
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
        ("Israeli jets struck targets in Gaza on Tuesday.", "ASSAULT"),
        ("The army fought Taliban fighters for two days.", "ASSAULT"),
        ("Government forces fought the rebels near Kunduz.", "ASSAULT"),
        ("Kabul seeks talks with the Taliban.", "REQUEST"),
        ("US advisers trained Afghan soldiers for years.", "MOBILIZE"),
        ("Militants shot up the village overnight.", "ASSAULT"),
        ("Ethiopia indicated it should have acted against Libya.", "REQUEST"),
        ("Russia said on Tuesday that Sudan must return a Mi-26 helicopter.", "REQUEST"),
        ("The government allowed aid convoys to enter the besieged city.", "CONCEDE"),
        # ECB+ news, where the first version of these senses lost real events:
        ("Gaetano Lo Presti, one of 99 alleged Sicilian Mafia members seized on Tuesday, has hanged himself.",
         "COERCE"),
        ("A firebomb attack on a bank killed three people as police fought pitched battles with protesters.",
         "ASSAULT"),
        ("It was not clear whether he had his back to the police when they opened fire.", "ASSAULT"),
        ("Russia warned the United States against deploying missiles in Europe.", "THREATEN"),
        ("Rockets struck the city of Ashkelon overnight.", "ASSAULT"),
        ("Thousands of teachers went on strike over pay.", "PROTEST"),
        ("Thousands of workers struck on Monday over pay.", "PROTEST"),
        ("Iran accepted the UN resolution ending the war.", "AGREE"),
        ("The government accepted 500 refugees from Syria.", "AGREE"),
        ("Pakistan hosted the Afghan delegation in Islamabad.", "CONSULT"),
        ("The minister appealed to the rebels to lay down their arms.", "REQUEST"),
        ("Protesters rallied outside parliament on Friday.", "PROTEST"),
        ("The Taliban yielded control of the district to government forces.", "CONCEDE"),
        ("The government conceded to the demands of the protesters.", "CONCEDE"),
        ("Russia committed troops to the operation.", "AGREE"),
        ("The government agreed with the rebels on a ceasefire.", "AGREE"),
        ("On September 17, Tajik President Emomali Rahmon agreed with Pakistani Prime Minister Imran Khan to boost "
         "negotiations in Dushanbe between the Taliban and Afghan Tajiks.", "AGREE"),
        ("Three-quarters of the NEA's executive board voted to endorse Clinton, Eskelsen Garcia said.", "SUPPORT"),
        ("The Taliban seized the city of Kunduz.", "COERCE"),
        ("The United States suspended military aid to Pakistan.", "SANCTION"),
        ("Israel is opposed to French mediation in peace negotiations with Syria.", "REJECT"),
        ("Nazary told AFP that the Taliban were offering the NRF control of ministries and embassies.", "AGREE"),
        ("Cairo's security chief has warned that police will no longer tolerate rallies by the Kifaya group.",
         "THREATEN"),
        ("The video showed Chicago police officer Jason Van Dyke shooting McDonald.", "ASSAULT"),
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


def test_a_retort_in_words_is_an_accusation_and_return_fire_is_not() -> None:
    retort = "Forbes shot back in an article stating that New York was the billionaire capital."
    assert ("ACCUSE", "shot") in events_of(retort)
    assert "ASSAULT" in {category for category, _ in events_of("Police shot back at the gunmen.")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Cosby is attacked in the media while Bill Clinton is praised.",
        "Sanders attacked Clinton in a speech on Tuesday, calling her weak.",
        "Sanders attacked Clinton, calling her the most ignorant candidate in our history.",
        "In an incendiary press conference, Trump launched a pre-emptive attack against Obama, calling him ignorant.",
        "Clinton attacked Trump, saying he would appoint Supreme Court judges.",
    ],
)
def test_an_attack_in_words_is_an_accusation(sentence: str) -> None:
    categories = {category for category, _ in events_of(sentence)}
    assert "ACCUSE" in categories and "ASSAULT" not in categories, events_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels attacked the army base in Kunduz, saying it was a legitimate target.",
        "The rebels launched an attack on the base, killing ten soldiers.",
        "Rebels attacked government positions during the night.",
        "Rebels attacked Kabul, saying it was a legitimate target.",
    ],
)
def test_an_armed_attack_stays_an_assault(sentence: str) -> None:
    assert "ASSAULT" in {category for category, _ in events_of(sentence)}, events_of(sentence)


def test_an_attack_the_clause_happens_after_takes_no_source_from_it() -> None:
    doc = load_parser()("Donald Trump tweeted Sunday after a lone-wolf attack on an Orlando nightclub.")
    [event] = [e for s in doc.sents for e in code_sentence(s) if e.plover == "ASSAULT"]
    assert event.source is None, event.explanation
