"""The ``entities`` stage: named entities found, places geocoded, mentions merged into corpus entities.

For each English article: the shipped recogniser (:func:`storyline.extract.ner.recognise`) finds the mentions,
:func:`~storyline.extract.entities.spun.spun_mentions` adds the spun spellings of organisation names known to the
lexicon, the index or the article ("the Nationwide congress occasion of Afghanistan"), the geocoder
(:mod:`storyline.extract.geo`) resolves the place mentions in the article's context, and the :class:`EntityIndex`
(kept in ``ctx.state["entities"]``, saved with the corpus state) resolves every mention to an entity, within and
across articles. The stage assigns ``Document.mentions``; at the end of a run it writes
the entity view (names, aliases, roles, country, sector, and for places the coordinates most of their
mentions resolved to, and the country of that place) with the ids merged since they were issued (``entity_redirects``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.document import Document, Entity, Mention
from storyline.extract.common import batch_entities, entity_mentions, prefetch_entities
from storyline.extract.entities.resolve import EntityIndex, ResolvedMention
from storyline.pipeline import Context, Stage

if TYPE_CHECKING:
    from storyline.extract.geo import PlaceMention
    from storyline.extract.ner import EntityMention
    from storyline.store import Repository

STATE_KEY = "entities"
PlaceKey = tuple[int | None, float, float]  # (geonames id, lat, lon)
# A place's country is the one it was geocoded in ("Maryland" in a US article is the state, not Liberia's county,
# which the name alone gave); organisations and groups keep the country their names and contexts give.
_PLACE_KINDS = frozenset({"GPE", "LOC", "FAC"})


@dataclass
class EntityState:
    """The entity index, the ids it has issued, and where each entity's place mentions resolved to."""

    index: EntityIndex = field(default_factory=EntityIndex)
    issued: set[str] = field(default_factory=set)
    places: dict[str, Counter[PlaceKey]] = field(default_factory=dict)

    def add(self, article_id: str, text: str, found: list[EntityMention], places: list[PlaceMention]) -> list[Mention]:
        """Resolve one article's mentions; return them as the document keeps them."""
        place_at = {(p.start, p.end): p for p in places}
        geocoded = {span: p.place for span, p in place_at.items() if p.place is not None}
        resolved = {(r.start, r.end): r for r in self.index.add_article(article_id, text, found, geocoded)}
        mentions = []
        for mention in found:
            entity: ResolvedMention | None = resolved.get((mention.start, mention.end))
            place = place_at.get((mention.start, mention.end))
            geo = place.place if place is not None else None
            entity_id = entity.entity_id if entity is not None else None
            if entity_id is not None:
                self.issued.add(entity_id)
                if geo is not None:
                    self.places.setdefault(entity_id, Counter())[(geo.geonames_id, geo.lat, geo.lon)] += 1
            mentions.append(
                Mention(
                    mention.start,
                    mention.end,
                    mention.text,
                    mention.kind,
                    entity_id=entity_id,
                    evidence=entity.evidence if entity is not None else None,
                    lat=None if geo is None else geo.lat,
                    lon=None if geo is None else geo.lon,
                    geonames_id=None if geo is None else geo.geonames_id,
                    place_evidence=None if place is None else place.evidence,
                )
            )
        return mentions

    def redirects(self) -> dict[str, str]:
        """Issued ids merged since into another entity -> the id that holds them now."""
        moved = {}
        for entity_id in sorted(self.issued):
            live = self.index.live_id(entity_id)
            if live != entity_id:
                moved[entity_id] = live
        return moved

    def view(self, redirects: dict[str, str]) -> list[Entity]:
        """Every entity as the store keeps it, with the place most of its mentions resolved to (``redirects`` is
        what :meth:`redirects` gives: the places of merged ids count for the entity that holds them now)."""
        from storyline.extract.geo import country_of

        places: dict[str, Counter[PlaceKey]] = {}
        for entity_id, resolved_to in self.places.items():
            places.setdefault(redirects.get(entity_id, entity_id), Counter()).update(resolved_to)
        view = []
        for entity in self.index.entities():
            counts = places.get(entity.id)
            geonames_id, lat, lon = (None, None, None)
            if counts:
                geonames_id, lat, lon = min(counts.items(), key=lambda item: (-item[1], str(item[0])))[0]
            view.append(
                Entity(
                    id=entity.id,
                    name=entity.name,
                    kind=entity.kind,
                    aliases=tuple(entity.aliases),
                    roles=tuple(entity.roles),
                    country=(country_of(geonames_id) if entity.kind in _PLACE_KINDS else None) or entity.country,
                    sector=entity.sector,
                    lat=lat,
                    lon=lon,
                    geonames_id=geonames_id,
                    merges=tuple(entity.merges),
                    mention_count=len(entity.mentions),
                )
            )
        return view


def entity_state(ctx: Context) -> EntityState:
    return ctx.state_of(STATE_KEY, EntityState, EntityState)


def run(docs: list[Document], ctx: Context) -> list[Document]:
    """Find, geocode and resolve the named entities of every English document of the batch, in order."""
    from storyline.extract.entities.spun import SpunNames, lexicon_names, spun_mentions
    from storyline.extract.geo import geocoder

    state = entity_state(ctx)
    english = [doc for doc in docs if doc.is_english]
    for doc in docs:
        if not doc.is_english:
            doc.mentions = []
            doc.notes.append(f"entities: skipped, language {doc.language or 'unknown'}")
    places = geocoder()
    for doc, recognised in zip(english, batch_entities(english, ctx), strict=True):
        own = SpunNames(mention.text for mention in recognised if mention.kind == "ORG")
        found = spun_mentions(doc.text, recognised, (lexicon_names(), state.index.spellings, own))
        located = places.resolve(doc.text, found)
        doc.mentions = state.add(doc.id, doc.text, found, located)
        ctx.counts["entities.mentions"] += len(doc.mentions)
        ctx.counts["entities.places"] += sum(m.lat is not None for m in doc.mentions)
    return docs


def absorb(docs: list[Document], ctx: Context) -> None:
    """Add stored articles' mentions to the index as the run that stored them did."""
    from storyline.extract.geo import Place, PlaceMention

    state = entity_state(ctx)
    for doc in docs:
        if not doc.is_english or not doc.mentions:
            continue
        places = [
            PlaceMention(m.start, m.end, m.text, Place(m.geonames_id, m.text, m.lat, m.lon, "stored", None, None), "")
            for m in doc.mentions
            if m.lat is not None and m.lon is not None
        ]
        state.add(doc.id, doc.text, entity_mentions(doc.mentions), places)


def finish(ctx: Context, repo: Repository) -> None:
    """Write the entity view and the merged ids to the store."""
    state = entity_state(ctx)
    redirects = state.redirects()
    repo.replace_entities(state.view(redirects), redirects)


STAGE = Stage(
    name="entities",
    requires=("text", "language"),
    assigns=("mentions",),
    run=run,
    absorb=absorb,
    finish=finish,
    prefetch=prefetch_entities,
)
