"""The seed articles: the events a careful reader finds are coded, with the right actors, places and dates;
intents, negations, denials, purposes and boilerplate are not coded as things that happened.

The expected lists below were checked by hand against the five articles in examples/afghan-resistance.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.extract.events import EventMention, find_events
from storyline.extract.ner import recognise
from storyline.extract.nlp import load_parser
from storyline.extract.time import find_times

SEEDS = Path(__file__).resolve().parents[3] / "examples" / "afghan-resistance"
# The day each article was published (from its own text), the anchor for relative dates.
ANCHORS = {"000": "2021-10-07", "001": "2021-10-07", "002": "2021-09-30", "003": "2022-01-11", "004": "2021-08-26"}


@pytest.fixture(scope="module")
def coded() -> dict[str, tuple[str, list[EventMention]]]:
    files = sorted(SEEDS.glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in files]
    parser = load_parser()
    found: dict[str, tuple[str, list[EventMention]]] = {}
    for path, text, entities in zip(files, texts, recognise(texts), strict=True):
        key = path.name[:3]
        found[key] = (text, find_events(text, parser(text), entities, find_times(text, ANCHORS[key])))
    return found


def factual(event: EventMention) -> bool:
    """What an exporter keeps as having happened: not negated, not hypothetical, not a mere intent."""
    return not event.negated and not event.hypothetical and event.mode != "intent"


def sentence(text: str, event: EventMention) -> str:
    return text[event.evidence_start : event.evidence_end]


# (article, PLOVER, mode, trigger words, source words, target words, location, date text)
EXPECTED = [
    ("000", "AGREE", "intent", "ready", "resistance forces", "Taliban", None, None),
    ("000", "AGREE", None, "agreed", "Emomali Rahmon", "Imran Khan", None, "September 17"),
    ("000", "AID", "asylum", "sanctuary", "Tajik government", "them", None, None),
    ("001", "REQUEST", None, "asks for", "Afghan resistance", None, None, None),
    ("001", "AGREE", "intent", "readiness", None, "Taliban", None, None),
    ("001", "MOBILIZE", "troops", "pull troops", "Taliban", None, None, None),
    ("002", "AID", "asylum", "given safety", None, "Ahmad Massoud", "Dushanbe", None),
    ("002", "SUPPORT", None, "supported", "Rahmon", "Northern Alliance", None, None),
    ("003", "CONSULT", None, "meeting", "opposition group", "Taliban", None, None),
    ("003", "CONSULT", None, "held talks", "Amir Khan Muttaqi", "Ahmad Massoud", "Iran", "weekend"),
    ("003", "CONSULT", None, "meeting", "Taliban minister", "Ahmad Massoud", "Tehran", "Sunday"),
    ("003", "ACCUSE", "allege", "accused", "Nazary", "Taliban", None, None),
    ("003", "REQUEST", None, "appealed for", "Nazary", "international community", None, None),
    ("004", "CONSULT", None, "talks", "National Resistance Front", "Taliban", None, "Wednesday"),
    ("004", "CONSULT", None, "held talks", "National Resistance Front", "Taliban representatives", "Charikar", None),
    ("004", "AGREE", None, "agreed", "sides", None, None, None),
    ("004", "REJECT", None, "turned down", "Massoud", "Taliban delegation", None, None),
]


@pytest.mark.parametrize("expected", EXPECTED, ids=[f"{e[0]}-{e[1]}-{e[3]}" for e in EXPECTED])
def test_each_expected_event_is_coded_with_its_actors_place_and_date(
    coded: dict[str, tuple[str, list[EventMention]]], expected: tuple[str, ...]
) -> None:
    article, plover, mode, trigger, source, target, location, date_text = expected
    _, events = coded[article]

    def fits(event: EventMention) -> bool:
        return (
            event.plover == plover
            and event.mode == mode
            and trigger is not None
            and trigger in event.trigger.text
            and (source is None or (event.source is not None and source in event.source.text))
            and (target is None or (event.target is not None and target in event.target.text))
            and (location is None or (event.location is not None and location in event.location.text))
            and (date_text is None or (event.date_text is not None and date_text in event.date_text))
        )

    matches = [event for event in events if fits(event)]
    assert matches, f"no {plover} '{trigger}' in {article}: {[(e.plover, e.trigger.text) for e in events]}"
    if mode != "intent":
        assert any(factual(event) for event in matches)
        assert all(0.0 < event.confidence <= 1.0 and event.explanation for event in matches)


def test_event_dates_are_the_events_own_not_the_reporting_date(
    coded: dict[str, tuple[str, list[EventMention]]],
) -> None:
    events = coded["004"][1]
    charikar = next(e for e in events if e.date_text and "Wednesday" in e.date_text)
    assert charikar.date == "2021-08-25"
    events = coded["003"][1]
    tehran = next(e for e in events if e.location is not None and e.location.text == "Tehran")
    assert tehran.date == "2022-01-09"  # "Sunday's meeting", not "On Monday … said"
    # "… told TASS on October 6": the date of the telling, not of the (intended) talks.
    events = coded["000"][1]
    ready = next(e for e in events if "ready" in e.trigger.text)
    assert ready.date is None


# (article, words of the sentence, categories that must not be coded there as having happened; empty: none at all)
MUST_NOT = [
    ("000", "never ruled out negotiations", ()),
    ("000", "ready to hold talks", ("CONSULT",)),
    ("000", "safe haven as a base to fight", ("ASSAULT",)),
    ("001", "announced their readiness to negotiate", ("CONSULT",)),
    ("001", "in no hurry to comment on the appeal", ()),
    ("001", "the organization is banned in the Russian Federation", ()),
    ("001", "to send the information to the editor", ()),
    ("002", "don’t assist us for the sake of God", ("AID",)),
    ("003", "did not bear fruit", ("AGREE", "CONCEDE", "REJECT", "SUPPORT")),
    ("003", "There were no results in these informal talks", ()),
    ("003", "We did not go to them", ()),
    ("003", "Taliban deny any resistance", ()),
    ("004", "forced to set off for negotiations", ("CONSULT",)),
]


@pytest.mark.parametrize("case", MUST_NOT, ids=[c[1][:30] for c in MUST_NOT])
def test_intents_negations_denials_and_boilerplate_are_not_coded_as_facts(
    coded: dict[str, tuple[str, list[EventMention]]], case: tuple[str, str, tuple[str, ...]]
) -> None:
    article, words, forbidden = case
    text, events = coded[article]
    assert words in text
    there = [e for e in events if words in sentence(text, e) and factual(e)]
    wrong = [(e.plover, e.trigger.text, e.explanation) for e in there if not forbidden or e.plover in forbidden]
    assert wrong == []


def test_a_meeting_that_did_not_bear_fruit_still_happened(
    coded: dict[str, tuple[str, list[EventMention]]],
) -> None:
    text, events = coded["003"]
    there = [e for e in events if "did not bear fruit" in sentence(text, e)]
    assert [(e.plover, e.trigger.text, factual(e)) for e in there] == [("CONSULT", "meeting", True)]


def test_the_negated_refusal_is_returned_with_its_flag(coded: dict[str, tuple[str, list[EventMention]]]) -> None:
    events = coded["000"][1]
    ruled_out = [e for e in events if "ruled out" in e.trigger.text]
    assert ruled_out and all(e.negated and e.plover == "REJECT" for e in ruled_out)


def test_spans_are_slices_of_the_article(coded: dict[str, tuple[str, list[EventMention]]]) -> None:
    for text, events in coded.values():
        assert events
        for event in events:
            for span in (event.source, event.target, event.location, event.trigger):
                if span is not None:
                    assert 0 <= span.start < span.end <= len(text)
                    assert text[span.start : span.end] == span.text
            assert event.evidence_start <= event.trigger.start < event.trigger.end <= event.evidence_end
