"""The Document that flows through every stage, and its annotation types.

Everything here is a plain dataclass: picklable, comparable, free of database or model handles, so a
stage can be mapped over partitions of documents by any runner.

Offsets (``start``/``end``) are Unicode code-point offsets into ``Document.text``, the cleaned text that
the store keeps and the export writes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storyline.copies.evidence import CopyEvidence, SpinEvidence
    from storyline.extract.time import TimeMention


@dataclass(frozen=True)
class Span:
    """A half-open range ``[start, end)`` of code points in a document's cleaned text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")


@dataclass(frozen=True)
class RemovedLine:
    """A line that cleaning removed from the raw text, and the rule that removed it."""

    text: str
    rule: str


@dataclass
class Document:
    """One article.

    ``ingest`` fills the raw fields; ``clean`` fills ``text``, ``language`` and ``removed``; later stages
    fill what they declare in their ``ASSIGNS``. A field a stage has not produced stays ``None``/empty.
    """

    uri: str
    raw_text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    # Filled by clean.
    text: str = ""
    language: str | None = None
    language_score: float | None = None
    removed: list[RemovedLine] = field(default_factory=list)
    # Filled by copies.
    copy_of: str | None = None
    copy_kind: str | None = None
    spin_score: float | None = None
    copy_evidence: CopyEvidence | None = None  # aligned passages that show the copy (None when not a copy)
    spin_evidence: SpinEvidence | None = None  # the telltale phrases behind spin_score (None when not scored)
    # Filled by stories.
    story_id: str | None = None
    # Filled by extract.time: time expressions normalised to TIMEX3 values (empty for non-English documents).
    times: list[TimeMention] = field(default_factory=list)
    # Filled by the entities stage: named-entity mentions, resolved to entities (and places to coordinates).
    mentions: list[Mention] = field(default_factory=list)
    # Filled by the quotes stage.
    quotations: list[Quotation] = field(default_factory=list)
    # Filled by the events stage: the events this article reports.
    events: list[EventReport] = field(default_factory=list)
    # Free-form notes a stage wants to keep (skip reasons, warnings), never data another stage relies on.
    notes: list[str] = field(default_factory=list)
    # Set by a stage that refuses the document (see ``pipeline.refuse``); the pipeline records it as a reject.
    rejected: str | None = None
    # The last id computed and the field values it was computed from (the stages ask for it often: a hash of the text).
    _id_memo: tuple[tuple[str | None, ...], str] | None = field(default=None, repr=False, compare=False)

    @property
    def id(self) -> str:
        """A content-derived id: the same article ingested twice gets the same id.

        It hashes what the article *is* (title, text, date, outlet, URL), not where the file happened to lie,
        so moving a folder does not duplicate it, while the same text from two outlets stays two articles.
        """
        key = (self.title, self.raw_text, self.published, self.outlet, self.url)
        memo = self._id_memo
        if memo is not None and all(now is then for now, then in zip(key, memo[0], strict=True)):
            return memo[1]
        value = article_id(*key)
        self._id_memo = (key, value)
        return value

    @property
    def is_english(self) -> bool:
        return self.language == "en"


def article_id(title: str | None, raw_text: str, published: str | None, outlet: str | None, url: str | None) -> str:
    digest = hashlib.sha256()
    for part in (title, raw_text, published, outlet, url):
        value = "" if part is None else part
        digest.update(len(value).to_bytes(8, "big"))
        digest.update(value.encode("utf-8", "surrogatepass"))
    return "a" + digest.hexdigest()[:20]


@dataclass(frozen=True)
class Mention:
    """A named entity in the text, resolved to a corpus entity; a place also to a gazetteer entry."""

    start: int
    end: int
    text: str
    kind: str  # the contract's entity kinds: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, OTHER
    entity_id: str | None = None  # the entity as issued when the article was processed (see entity_redirects)
    evidence: str | None = None  # why it resolved to that entity (a merge's evidence, or "new entity")
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    place_evidence: str | None = None  # why that gazetteer entry won


@dataclass(frozen=True)
class Quotation:
    """A quote in the text: what was said (``start``/``end``), how, and who said it."""

    start: int
    end: int
    text: str
    direct: bool  # inside quotation marks
    cue: str | None = None  # "said", "noted", "according to", ":" ...
    cue_start: int | None = None
    cue_end: int | None = None
    source_start: int | None = None  # the source as written: "he", "the Afghan politician"
    source_end: int | None = None
    speaker: str | None = None  # the named speaker it resolves to, as named in the article
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity_id: str | None = None
    evidence: str | None = None  # how the speaker was found
    same_as: str | None = None  # id of the earlier quote (another article) that carries the same words

    def quote_id(self, article_id: str) -> str:
        return "q" + hashlib.sha256(f"{article_id}:{self.start}:{self.end}".encode()).hexdigest()[:20]


@dataclass(frozen=True)
class EventReport:
    """One event as this article reports it: PLOVER coding, arguments, date, and the words that show it."""

    plover: str
    start: int  # the evidence: the sentence that reports the event
    end: int
    trigger_start: int  # the words that carry the event
    trigger_end: int
    confidence: float
    explanation: str  # which pattern or lexicon entry coded it, on which words
    mode: str | None = None
    context: str | None = None
    cameo: str | None = None
    source_text: str | None = None
    source_entity_id: str | None = None
    target_text: str | None = None
    target_entity_id: str | None = None
    location_text: str | None = None
    location_entity_id: str | None = None
    date: str | None = None  # the event's own date (TIMEX3 value) where the text gives it, else None
    date_text: str | None = None
    event_id: str | None = None  # the corpus-level event this report belongs to


@dataclass(frozen=True)
class ArticleUpdate:
    """A change a stage makes to an article stored in an earlier batch (a late origin, a merged story).

    Stages never write to the store: they put these in ``ctx.updates`` and the run applies them.
    """

    article_id: str
    copy_of: str | None = None
    copy_kind: str | None = None
    story_id: str | None = None
    fields: tuple[str, ...] = ()  # which of the fields above to change; the others are left as stored

    UPDATABLE = ("copy_of", "copy_kind", "story_id")

    def __post_init__(self) -> None:
        unknown = set(self.fields) - set(self.UPDATABLE)
        if unknown:
            raise ValueError(f"cannot update {sorted(unknown)}; updatable: {self.UPDATABLE}")


@dataclass(frozen=True)
class Story:
    """One real-world happening: the articles that report it, grouped by the stories stage."""

    id: str
    title: str
    topic_id: str | None
    article_ids: tuple[str, ...]
    first_published: str | None
    last_published: str | None
    independent_sources: int  # copy groups among the articles, not articles


@dataclass(frozen=True)
class Topic:
    """An ongoing subject: stories grouped by their actors and theme."""

    id: str
    title: str
    story_ids: tuple[str, ...]


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place, merged across articles by the entities stage."""

    id: str
    name: str  # the fullest form seen
    kind: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()  # titles and roles as written: "Taliban Foreign Minister"
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # government, military, rebel, opposition, party, IGO, media, ...
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    merges: tuple[str, ...] = ()  # the evidence of each merge that built it
    mention_count: int = 0


@dataclass(frozen=True)
class Event:
    """One real-world event, however many articles report it (their reports point to it by ``event_id``)."""

    id: str
    plover: str
    confidence: float
    independent_sources: int  # copy groups among the reporting articles, not articles
    mode: str | None = None
    cameo: str | None = None
    source_ids: tuple[str, ...] = ()
    target_ids: tuple[str, ...] = ()
    location_id: str | None = None
    date: str | None = None
    date_text: str | None = None
    story_id: str | None = None


@dataclass(frozen=True)
class Reject:
    """An input that could not become an article: where it came from and why, in one line."""

    uri: str
    reason: str
    line: int | None = None

    @property
    def message(self) -> str:
        where = self.uri if self.line is None else f"{self.uri}:{self.line}"
        return f"{where}: {self.reason}"

    @property
    def id(self) -> str:
        key = f"{self.uri}\x00{self.line}\x00{self.reason}"
        return "r" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]
