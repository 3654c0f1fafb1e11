"""The ``events`` stage: who did what to whom, coded in PLOVER, and each real-world event kept once.

For each English article, :func:`find_events` codes the events of every sentence from the parse (shared with
the quotes stage), the entity mentions and the time mentions. What did not happen is not reported as if it
did: negated events ("did not bear fruit") and hypothetical ones ("if talks fail") are left out (counted in
``events.negated`` / ``events.hypothetical``); an intent keeps its PLOVER category with mode ``intent`` where
the coder gives it. Each argument is linked to the entity of the mention that names it; a subject pronoun to the
one person it can stand for ("Rahmon's close ties …, he this month awarded …"); "the sides" to the two actors of
the report just before ("… held talks with the Taliban … The sides agreed to continue dialogue").

The same event reported by several articles is one :class:`~storyline.document.Event`: reports of one story
with the same category, source, target and date share an event id (``ctx.state["events"]``, saved with the
corpus state). Its ``independent_sources`` counts copy groups (an article and its copies count once), not
articles. At the end of a run the event view is written to the store, entity ids following their merges.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from storyline.document import Document, Event, EventReport
from storyline.extract.common import batch_parses, entity_mentions, mention_in
from storyline.extract.descriptions import organisation_described
from storyline.extract.entities.lexicon import KIN_WORDS
from storyline.extract.events import ArgumentSpan, EventMention, find_events
from storyline.extract.ner import fold
from storyline.pipeline import Context, Stage

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from storyline.store import Repository

STATE_KEY = "events"
ACTOR_KINDS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC"})
PLACE_KINDS = frozenset({"GPE", "LOC", "FAC"})
EventKey = tuple[str, str, str, str, str]  # story (or article), PLOVER category, source, target, date


@dataclass
class _Gathered:
    """What the reports of one event say, gathered."""

    report: EventReport
    story_id: str | None  # as the first reporting article had it then (the stories stage may move it later)
    article_id: str = ""  # the first reporting article ("" in a state saved before it was kept)
    groups: set[str] = field(default_factory=set)  # copy-group roots of the reporting articles
    confidence: float = 0.0


@dataclass
class EventState:
    """Events by key, in the order they were first reported."""

    keys: dict[EventKey, str] = field(default_factory=dict)
    events: dict[str, _Gathered] = field(default_factory=dict)

    def add(self, doc: Document, report: EventReport) -> str:
        """The id of the event this report belongs to (a new one where none matches)."""
        key = (
            doc.story_id or doc.id,
            report.plover,
            report.source_entity_id or fold(report.source_text or ""),
            report.target_entity_id or fold(report.target_text or ""),
            report.date or "",
        )
        event_id = report.event_id or self.keys.get(key) or f"v{len(self.events) + 1:06d}"
        self.keys.setdefault(key, event_id)
        gathered = self.events.setdefault(event_id, _Gathered(report, doc.story_id, doc.id))
        gathered.groups.add(doc.copy_of or doc.id)
        gathered.confidence = max(gathered.confidence, report.confidence)
        return event_id

    def view(self, redirects: dict[str, str], stories: Mapping[str, str | None] | None = None) -> list[Event]:
        """The events, entity ids following ``redirects`` and each in the story its first reporting article is in
        now (``stories``: article id to story id; the stories stage regroups, so an article can move)."""
        now = stories or {}

        def entity(entity_id: str | None) -> tuple[str, ...]:
            return () if entity_id is None else (redirects.get(entity_id, entity_id),)

        return [
            Event(
                id=event_id,
                plover=g.report.plover,
                confidence=round(g.confidence, 4),
                independent_sources=len(g.groups),
                mode=g.report.mode,
                cameo=g.report.cameo,
                source_ids=entity(g.report.source_entity_id),
                target_ids=entity(g.report.target_entity_id),
                location_id=(entity(g.report.location_entity_id) or (None,))[0],
                date=g.report.date,
                date_text=g.report.date_text,
                story_id=now.get(g.article_id, g.story_id),
            )
            for event_id, g in self.events.items()
        ]


def event_state(ctx: Context) -> EventState:
    return ctx.state_of(STATE_KEY, EventState, EventState)


def _entity_of(doc: Document, span: ArgumentSpan | None, kinds: frozenset[str]) -> str | None:
    """The entity an argument names: its head, read from the words before any apposition or parenthesis.

    "Ali Maisam Nazary, the head of external relations for the NRF" names Nazary; "NRF leader Ahmad Massoud, a son
    of Ahmad Shah Massoud" names the son; "representatives of the Taliban" names the Taliban. Within the head part,
    the last person or organisation wins, else the last other mention of the allowed kinds; a place after ``in``
    or ``at`` says where an actor is ("the opposition group in Afghanistan"), never who it is. A span that names
    nothing but describes an organisation ("the party") names the organisation it describes; a relative named
    through someone ("Massoud’s father") is not that someone.
    """
    if span is None:
        return None
    head_end = span.end
    cut = _APPOSITION.search(doc.text, span.start, span.end)
    if cut is not None and cut.start() > span.start:
        head_end = cut.start()
    inside = [m for m in doc.mentions if span.start <= m.start and m.end <= head_end and m.kind in kinds]
    if any(_RELATIVE_AFTER.match(doc.text, m.end, head_end) for m in inside):
        return None  # "Massoud’s father" is not Massoud: a relative named through him is someone else
    if "PERSON" in kinds:  # "the only remaining opposition group in Afghanistan" is not Afghanistan
        located = [m for m in inside if m.kind in PLACE_KINDS and _LOCATED_IN.search(doc.text, span.start, m.start)]
        if located:
            kept = [m for m in inside if m not in located]
            return kept[-1].entity_id if kept else None
    if not inside:
        whole = mention_in(doc.mentions, span.start, span.end, kinds)
        if whole is None and "ORG" in kinds:  # "the party supports …": the party named before
            whole = organisation_described(doc.text, span.start, span.end, doc.mentions)
        return None if whole is None else whole.entity_id
    actors = [m for m in inside if m.kind in ("PERSON", "ORG")]
    return (actors or inside)[-1].entity_id


def _speaker_of(doc: Document, span: ArgumentSpan | None) -> str | None:
    """The named speaker the quotes stage resolved for this very source ("he", "the Afghan politician"), if any."""
    if span is None:
        return None
    for quote in doc.quotations:
        same = quote.source_start is not None and (quote.source_start, quote.source_end) == (span.start, span.end)
        if same and quote.speaker_entity_id is not None:
            return quote.speaker_entity_id
    return None


_APPOSITION = re.compile(r",\s|\s\(|\s[–—]\s")
_RELATIVE_AFTER = re.compile(rf"['’]s?\s+(?:late\s+)?(?:{'|'.join(sorted(KIN_WORDS))})s?\b", re.IGNORECASE)
_LOCATED_IN = re.compile(r"\s(?:in|at|inside|within)\s+(?:the\s+)?$")  # before a place that says where an actor is


def _resolved(doc: Document, span: ArgumentSpan | None, parse: Doc | None) -> str | None:
    """The person a pronoun stands for, only where it can be no one else: the one person named before it in its
    sentence as a subject or a possessor ("In an indication of Rahmon’s close ties …, he this month awarded …") or
    as the subject of the sentence before. On general news the quotes stage's rule for "he said" (the nearest
    preceding subject) picked the wrong person for event arguments too often ("She applauded him": both the same
    woman)."""
    if span is None or parse is None or span.text.lower() not in _PERSON_PRONOUNS:
        return None
    pronoun = parse.char_span(span.start, span.end, alignment_mode="expand")
    if pronoun is None:
        return None
    sentence = pronoun.sent
    before = parse[sentence.start - 1].sent if sentence.start > 0 else None
    people: set[str] = set()
    for mention in doc.mentions:
        if mention.kind != "PERSON" or mention.entity_id is None:
            continue
        named = parse.char_span(mention.start, mention.end, alignment_mode="expand")
        if named is None:
            continue
        role = named.root.dep_
        earlier_here = named.start >= sentence.start and named.end <= pronoun.start
        subject_before = before is not None and named.start >= before.start and named.end <= before.end
        if (earlier_here and role in {"nsubj", "nsubjpass", "poss"}) or (subject_before and role == "nsubj"):
            people.add(mention.entity_id)
    return people.pop() if len(people) == 1 else None


# Subject pronouns only: an object pronoun is never its own clause's subject ("She applauded him", "see him endorse
# her"), which this rule cannot tell apart, and five of nine object pronouns it resolved on news were wrong.
_PERSON_PRONOUNS = frozenset({"he", "she"})


def report(doc: Document, event: EventMention, parse: Doc | None = None) -> EventReport:
    """A coded event as the document keeps it, its arguments linked to entities (a pronoun to the one person it can
    stand for, where the parse is given)."""
    return EventReport(
        plover=event.plover,
        start=event.evidence_start,
        end=event.evidence_end,
        trigger_start=event.trigger.start,
        trigger_end=event.trigger.end,
        confidence=event.confidence,
        explanation=event.explanation,
        mode=event.mode,
        context=event.context,
        cameo=event.cameo,
        source_text=None if event.source is None else event.source.text,
        source_entity_id=_speaker_of(doc, event.source)
        or _entity_of(doc, event.source, ACTOR_KINDS)
        or _resolved(doc, event.source, parse),
        target_text=None if event.target is None else event.target.text,
        target_entity_id=_entity_of(doc, event.target, ACTOR_KINDS) or _resolved(doc, event.target, parse),
        location_text=None if event.location is None else event.location.text,
        location_entity_id=_entity_of(doc, event.location, PLACE_KINDS),
        date=event.date,
        date_text=event.date_text,
    )


ANAPHORA_CHARS = 800


# actors that only point back: "delegates of the two sides", "the parties", "they"
_BACK_REFERENCE = re.compile(r"\b(?:(?:the|both|two) (?:sides|parties|delegations)|they|them)\b", re.IGNORECASE)


def _has_actors(report: EventReport) -> bool:
    return any((report.source_entity_id, report.source_text, report.target_entity_id, report.target_text))


def _names_no_actor(report: EventReport) -> bool:
    """No actor, or only words that point back to actors named before ("the two sides")."""
    if report.source_entity_id or report.target_entity_id:
        return False
    return all(text is None or _BACK_REFERENCE.search(text) for text in (report.source_text, report.target_text))


def _reported_before(coded: EventReport, reports: Sequence[EventReport]) -> EventReport | None:
    """The event an actor-less report goes on about: "The NRF delegation held talks with the Taliban in Charikar.
    … The talks were held in a good atmosphere", "… the two sides had a direct dialogue" (:func:`_names_no_actor`).
    The nearest earlier report of the article (within :data:`ANAPHORA_CHARS`) of the same category, with actors,
    and no other date or place; None if there is none."""
    if not _names_no_actor(coded):
        return None
    for earlier in reversed(reports):
        if coded.start - earlier.start > ANAPHORA_CHARS:
            return None
        if earlier.plover != coded.plover or not _has_actors(earlier):
            continue
        if coded.date not in (None, earlier.date) or coded.location_entity_id not in (None, earlier.location_entity_id):
            continue
        return earlier
    return None


_THE_SIDES = re.compile(r"^(?:the|both|both the|the two) (?:sides|parties)$", re.IGNORECASE)


def _between_the_sides(coded: EventReport, reports: Sequence[EventReport]) -> EventReport:
    """ "The sides agreed to continue dialogue": the sides are the two actors of the nearest earlier report of the
    article (within :data:`ANAPHORA_CHARS`) that names both, its source as the source and its target as the target."""
    if coded.source_entity_id or coded.target_entity_id or not _THE_SIDES.match(coded.source_text or ""):
        return coded
    for earlier in reversed(reports):
        if coded.start - earlier.start > ANAPHORA_CHARS:
            break
        if earlier.source_entity_id and earlier.target_entity_id:
            return replace(coded, source_entity_id=earlier.source_entity_id, target_entity_id=earlier.target_entity_id)
    return coded


def run(docs: list[Document], ctx: Context) -> list[Document]:
    """Code the events of every English document of the batch and give each report its event."""
    state = event_state(ctx)
    parses = batch_parses(docs, ctx)
    for doc in docs:
        if not doc.is_english:
            doc.events = []
            doc.notes.append(f"events: skipped, language {doc.language or 'unknown'}")
            continue
        reports: list[EventReport] = []
        for event in find_events(doc.text, parses[doc.id], entity_mentions(doc.mentions), doc.times):
            if event.negated or event.hypothetical:
                ctx.counts["events.negated" if event.negated else "events.hypothetical"] += 1
                continue
            coded = _between_the_sides(report(doc, event, parses[doc.id]), reports)
            earlier = _reported_before(coded, reports)
            if earlier is not None:
                coded = replace(coded, event_id=earlier.event_id)
                ctx.counts["events.anaphoric"] += 1
            reports.append(replace(coded, event_id=state.add(doc, coded)))
        doc.events = reports
        ctx.counts["events.reports"] += len(reports)
    return docs


def absorb(docs: list[Document], ctx: Context) -> None:
    state = event_state(ctx)
    for doc in docs:
        for stored in doc.events:
            state.add(doc, stored)


def finish(ctx: Context, repo: Repository) -> None:
    """Write the event view, entity ids following the merges the entities stage has recorded, each event in the
    story its first reporting article is in now."""
    redirects = repo.entity_redirects()
    repo.replace_events(event_state(ctx).view(redirects, repo.story_of_articles()))


STAGE = Stage(
    name="events",
    requires=("text", "language", "mentions", "parse", "times", "story_id", "quotations"),
    assigns=("events",),
    run=run,
    absorb=absorb,
    finish=finish,
)
