"""The events stage's own parts: arguments linked to the entity they name, events gathered across reports."""

from __future__ import annotations

from dataclasses import replace

from storyline.document import Document, EventReport, Mention
from storyline.extract.events import ArgumentSpan
from storyline.extract.events.stage import (
    ACTOR_KINDS,
    EventState,
    _between_the_sides,
    _entity_of,
    _reported_before,
    _resolved,
)
from storyline.extract.nlp import load_parser

TEXT = (
    "Ali Maisam Nazary, the head of external relations for the National Resistance Front, accused the Taliban. "
    "Taliban Foreign Minister Amir Khan Muttaqi met NRF leader Ahmad Massoud, a son of Ahmad Shah Massoud."
)


def _doc() -> Document:
    doc = Document(uri="x", raw_text=TEXT, text=TEXT, language="en")
    names = [
        ("Ali Maisam Nazary", "PERSON", "e1"),
        ("National Resistance Front", "ORG", "e2"),
        ("Taliban", "ORG", "e3"),
        ("Amir Khan Muttaqi", "PERSON", "e4"),
        ("NRF", "ORG", "e2"),
        ("Ahmad Massoud", "PERSON", "e5"),
        ("Ahmad Shah Massoud", "PERSON", "e6"),
    ]
    position = 0
    for name, kind, entity in names:
        start = TEXT.index(name, position)
        doc.mentions.append(Mention(start, start + len(name), name, kind, entity_id=entity))
        position = start + 1
    return doc


def _span(doc: Document, words: str) -> ArgumentSpan:
    start = doc.text.index(words)
    return ArgumentSpan(start, start + len(words), words)


def test_an_argument_names_its_head_not_its_apposition() -> None:
    doc = _doc()
    nazary = _span(doc, "Ali Maisam Nazary, the head of external relations for the National Resistance Front")
    assert _entity_of(doc, nazary, ACTOR_KINDS) == "e1"
    assert _entity_of(doc, _span(doc, "Taliban Foreign Minister Amir Khan Muttaqi"), ACTOR_KINDS) == "e4"
    son = _span(doc, "NRF leader Ahmad Massoud, a son of Ahmad Shah Massoud")
    assert _entity_of(doc, son, ACTOR_KINDS) == "e5"
    assert _entity_of(doc, _span(doc, "the Taliban"), ACTOR_KINDS) == "e3"
    assert _entity_of(doc, None, ACTOR_KINDS) is None


def test_a_place_that_says_where_an_actor_is_does_not_name_it() -> None:
    text = "The Taliban met the only remaining opposition group in Afghanistan. US troops in Iraq left Afghanistan."
    doc = Document(uri="x", raw_text=text, text=text, language="en")
    for name, kind, entity in [("Taliban", "ORG", "e1"), ("Afghanistan", "GPE", "e2"), ("US", "GPE", "e3")]:
        start = text.index(name)
        doc.mentions.append(Mention(start, start + len(name), name, kind, entity_id=entity))
    iraq = text.index("Iraq")
    doc.mentions.append(Mention(iraq, iraq + 4, "Iraq", "GPE", entity_id="e4"))
    assert _entity_of(doc, _span(doc, "the only remaining opposition group in Afghanistan"), ACTOR_KINDS) is None
    assert _entity_of(doc, _span(doc, "US troops in Iraq"), ACTOR_KINDS) == "e3"


def test_a_relative_named_through_someone_is_not_that_someone() -> None:
    text = "Rahmon awarded Massoud’s father a medal. Massoud’s troops held the valley."
    doc = Document(uri="x", raw_text=text, text=text, language="en")
    for position, entity in [(text.index("Massoud"), "e1"), (text.rindex("Massoud"), "e1")]:
        doc.mentions.append(Mention(position, position + 7, "Massoud", "PERSON", entity_id=entity))
    assert _entity_of(doc, _span(doc, "Massoud’s father"), ACTOR_KINDS) is None
    assert _entity_of(doc, _span(doc, "Massoud’s troops"), ACTOR_KINDS) == "e1"  # his side, not a relative


def test_reports_of_one_event_share_it_and_copies_count_once() -> None:
    state = EventState()
    report = EventReport("CONSULT", 0, 10, 0, 3, 0.8, "lexicon", source_entity_id="e4", target_entity_id="e5")
    first = Document(uri="a", raw_text="a", text="a", language="en", story_id="s1")
    copy = Document(uri="b", raw_text="b", text="b", language="en", story_id="s1", copy_of=first.id)
    other = Document(uri="c", raw_text="c", text="c", language="en", story_id="s1")
    ids = {state.add(doc, report) for doc in (first, copy, other)}
    assert len(ids) == 1
    (event,) = state.view({"e5": "e9"})
    assert event.independent_sources == 2 and event.target_ids == ("e9",)
    assert state.add(first, EventReport("REJECT", 0, 10, 0, 3, 0.7, "lexicon")) not in ids


def test_an_event_follows_its_article_when_the_stories_stage_moves_it() -> None:
    """The stories stage regroups a topic's recent articles: the event view takes the story its first reporting
    article is in when the view is written, not the one it was in when the event was coded."""
    state = EventState()
    report = EventReport("CONSULT", 0, 10, 0, 3, 0.8, "lexicon", source_entity_id="e4", target_entity_id="e5")
    first = Document(uri="a", raw_text="a", text="a", language="en", story_id="s1")
    state.add(first, report)
    assert [event.story_id for event in state.view({})] == ["s1"]
    assert [event.story_id for event in state.view({}, {first.id: "s7"})] == ["s7"]
    assert [event.story_id for event in state.view({}, {"another article": "s9"})] == ["s1"]


def test_an_actorless_report_goes_on_about_the_event_just_before_it() -> None:
    talks = EventReport(
        "CONSULT", 0, 90, 40, 45, 0.8, "t", source_entity_id="e2", target_entity_id="e3", event_id="v000001"
    )
    again = EventReport("CONSULT", 91, 140, 95, 100, 0.6, "t")
    sides = EventReport("CONSULT", 141, 200, 150, 160, 0.6, "t", source_text="delegates of the two sides")
    other = EventReport("CONSULT", 141, 200, 150, 160, 0.6, "t", source_text="the ministers")
    assert _reported_before(again, [talks]) is talks
    assert _reported_before(sides, [talks, again]) is talks
    assert _reported_before(other, [talks]) is None  # an actor of its own, even unnamed
    assert _reported_before(replace(again, plover="ASSAULT"), [talks]) is None
    assert _reported_before(replace(again, date="2021-09-01"), [talks]) is None
    assert _reported_before(replace(again, start=2000), [talks]) is None  # too far on
    assert _reported_before(talks, []) is None


def test_the_sides_are_the_two_actors_of_the_report_before() -> None:
    talks = EventReport(
        "CONSULT", 0, 90, 40, 45, 0.8, "t", source_entity_id="e2", target_entity_id="e3", event_id="v000001"
    )
    agreed = EventReport("AGREE", 91, 180, 100, 106, 0.6, "t", source_text="The sides")
    linked = _between_the_sides(agreed, [talks])
    assert (linked.source_entity_id, linked.target_entity_id) == ("e2", "e3")
    assert _between_the_sides(replace(agreed, source_text="The ministers"), [talks]).source_entity_id is None
    assert _between_the_sides(replace(agreed, start=2000), [talks]).source_entity_id is None  # too far on


def _with_people(text: str, names: list[tuple[str, str]]) -> Document:
    doc = Document(uri="x", raw_text=text, text=text, language="en")
    position = 0
    for name, entity in names:
        start = text.index(name, position)
        doc.mentions.append(Mention(start, start + len(name), name, "PERSON", entity_id=entity))
        position = start + 1
    return doc


def test_a_subject_pronoun_is_the_one_person_it_can_stand_for() -> None:
    text = "In an indication of Rahmon's close ties with resistance leaders, he this month awarded a medal."
    doc = _with_people(text, [("Rahmon", "e1")])
    assert _resolved(doc, _span(doc, "he"), load_parser()(text)) == "e1"
    two = "Sanders met Clinton on Monday. In a speech after Warren's remarks, he praised her."
    doc = _with_people(two, [("Sanders", "e1"), ("Clinton", "e2"), ("Warren", "e3")])
    assert _resolved(doc, _span(doc, "he"), load_parser()(two)) is None  # Sanders and Warren: either
    assert _resolved(doc, _span(doc, "her"), load_parser()(two)) is None  # an object pronoun stays unresolved
