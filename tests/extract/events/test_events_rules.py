"""Event coding on made-up sentences: each rule of meaning (intent, negation, condition, threat, request,
refusal, report, passive) on general English, and properties that hold for any text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.extract.events import EventMention, find_events, main_event
from storyline.extract.events.cameo import ROOT_PLOVER, cameo_root, read_conversion_table
from storyline.extract.events.lexicon import NOUNS, OBJECT_SENSES, PHRASAL_VERBS, VERBS
from storyline.extract.nlp import load_parser

CONVERSION = Path(__file__).resolve().parents[4] / "shared" / "bench" / "events" / "CAMEO2PLOVER-2021.txt"


def code(sentence: str) -> EventMention:
    event = main_event(sentence, load_parser()(sentence))
    assert event is not None, sentence
    return event


def test_massoud_rejects_the_taliban_offer_where_petrarch_found_nothing() -> None:
    event = code("Ahmad Massoud rejected the Taliban offer.")
    assert (event.plover, event.cameo) == ("REJECT", "120")
    assert event.source is not None and event.source.text == "Ahmad Massoud"
    assert event.target is not None and event.target.text == "Taliban"
    assert "reject" in event.explanation and "source" in event.explanation


@pytest.mark.parametrize(
    ("sentence", "plover", "mode", "source", "target"),
    [
        ("The rebels attacked a police station in the north.", "ASSAULT", None, "The rebels", "a police station"),
        ("Police arrested twelve protesters outside parliament.", "COERCE", "arrest", "Police", "protesters"),
        ("The minister held talks with union leaders in Lyon.", "CONSULT", None, "The minister", "union leaders"),
        ("The two parties signed a trade agreement on Friday.", "SUPPORT", None, "The two parties", None),
        ("Farmers staged a protest against the new tax law.", "PROTEST", None, "Farmers", None),
        ("The government turned down the union's proposal.", "REJECT", None, "The government", "the union"),
        ("The opposition is ready to hold talks with the president.", "AGREE", "intent", "The opposition", "president"),
        ("The army threatened to shell the rebel positions.", "THREATEN", None, "The army", None),
        ("The mayor urged residents to leave the city.", "REQUEST", None, "The mayor", "residents"),
        ("The council refused to lift the curfew.", "REJECT", None, "The council", None),
        ("The journalist was detained by border guards.", "COERCE", "arrest", "border guards", "The journalist"),
        ("The president awarded Massoud's father a medal.", "SUPPORT", None, "The president", "father"),
        (  # whose readiness: the subject of the verb that has it
            "The resistance forces announced their readiness to negotiate with the Taliban.",
            "AGREE",
            "intent",
            "The resistance forces",
            "Taliban",
        ),
    ],
)
def test_general_sentences_are_coded_with_their_actors(
    sentence: str, plover: str, mode: str | None, source: str | None, target: str | None
) -> None:
    event = code(sentence)
    assert (event.plover, event.mode) == (plover, mode), event.explanation
    if source is not None:
        assert event.source is not None and source in event.source.text, event.explanation
    if target is not None:
        assert event.target is not None and target in event.target.text, event.explanation


def test_negation_and_condition_are_flagged() -> None:
    negated = code("The army did not attack the village.")
    assert negated.plover == "ASSAULT" and negated.negated
    conditional = code("Officials fear the militants could attack the convoy.")
    assert conditional.plover == "ASSAULT" and conditional.hypothetical


def test_an_event_anywhere_inside_a_condition_is_hypothetical() -> None:
    sentence = "If you want somebody who is going to beat the rebels, vote for him."
    events = find_events(sentence, load_parser()(sentence), (), ())
    assert events and all(e.hypothetical for e in events if "beat" in e.trigger.text)
    main = code("If the talks fail, the army will attack the village.")
    assert main.plover in {"ASSAULT", "THREATEN"} and not main.hypothetical, main.explanation


@pytest.mark.parametrize(
    ("sentence", "trigger", "flag"),
    [
        ("Sanders said he will vote for Clinton, but he has not endorsed her or conceded his bid.", "conceded",
         "negated"),
        ("Ms. Hughes avoids discussing the election with her mother.", "discussing", "negated"),
        ("To publicly endorse the crimes of the Nazi regime can be punished with up to five years in prison.",
         "endorse", "hypothetical"),
        ("The agreement will enter into force when at least 55 countries officially ratify it.", "ratify",
         "hypothetical"),
        ("He said that even after he steps down, he will look for ways to carry the agreement out.", "steps",
         "hypothetical"),
        ("Russia warned the United States against deploying missiles in Europe.", "deploying", "hypothetical"),
        ("The police prevented the protesters from attacking the embassy.", "attacking", "hypothetical"),
    ],
)  # fmt: skip
def test_what_has_not_happened_is_flagged(sentence: str, trigger: str, flag: str) -> None:
    events = [e for e in find_events(sentence, load_parser()(sentence), (), ()) if trigger in e.trigger.text]
    assert events and all(getattr(e, flag) for e in events), events


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("The army did not attack the village but shelled the town.", "shelled"),
        ("When the rebels attacked the base, the army withdrew.", "attacked"),
    ],
)
def test_what_happened_beside_it_is_not(sentence: str, trigger: str) -> None:
    events = [e for e in find_events(sentence, load_parser()(sentence), (), ()) if trigger in e.trigger.text]
    assert events and not any(e.negated or e.hypothetical for e in events), events


def test_a_reported_event_names_its_reporter() -> None:
    event = code("Troops shelled the town overnight, a local official said.")
    assert event.plover == "ASSAULT" and event.reported_by == "a local official"


def test_a_pronoun_in_a_quote_is_the_speaker_only_in_the_first_person() -> None:
    parser = load_parser()
    third = "“The Russians will help us, they will send weapons to us,” the commander said."
    events = find_events(third, parser(third), (), ())
    assert events and all(
        e.source is None or e.source.text != "the commander" for e in events if "send" in e.trigger.text
    )
    first = "“We will attack the convoy tomorrow,” the commander said."
    event = code(first)
    assert event.source is not None and event.source.text == "the commander", event.explanation


def test_an_aside_in_parentheses_reports_no_event() -> None:
    sentence = "The rebels (the group is banned in several countries) held talks with the government in Geneva."
    events = find_events(sentence, load_parser()(sentence), (), ())
    assert [event.plover for event in events] == ["CONSULT"]


def test_a_sentence_without_an_event_has_no_main_event() -> None:
    parser = load_parser()
    for sentence in ("The weather was mild in Kabul.", "He is a tall man with a beard.", ""):
        assert main_event(sentence, parser(sentence)) is None


def test_the_lexicon_agrees_with_the_plover_conversion_table_except_where_documented() -> None:
    if not CONVERSION.is_file():
        pytest.skip("../shared/bench/events/CAMEO2PLOVER-2021.txt is not here")
    table = read_conversion_table(CONVERSION)
    deviations = {"080", "181", "175", "0813", "0814"}  # resign, abduct, crackdown, curfew/emergency (see lexicon)
    entries = [*VERBS.values(), *NOUNS.values(), *PHRASAL_VERBS.values(), *OBJECT_SENSES.values()]
    for entry in entries:
        assert cameo_root(entry.cameo) in ROOT_PLOVER
        if entry.cameo in table and entry.cameo not in deviations:
            assert table[entry.cameo][0] == entry.plover, entry


VOCABULARY = (
    "the army rebels attacked talks held with Taliban in Kabul on Monday not if will said refused to offer "
    "meeting between and of , . ( ) “ ” – police arrested protest agreed ready"
)
WORDS = st.sampled_from([*VOCABULARY.split(), "\n", "\n\n"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS | st.text(max_size=6), max_size=40).map(" ".join))
def test_any_text_gives_events_whose_spans_are_slices_of_it(text: str) -> None:
    events = find_events(text, load_parser()(text), (), ())
    for event in events:
        assert event.plover in set(ROOT_PLOVER.values()) | {"RETREAT"}
        for span in (event.source, event.target, event.location, event.trigger):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text)
                assert text[span.start : span.end] == span.text
        assert 0 <= event.evidence_start <= event.evidence_end <= len(text)
        assert 0.0 < event.confidence <= 1.0
