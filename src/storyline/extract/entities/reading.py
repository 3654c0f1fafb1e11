"""What the entity index keeps while it reads one article (:class:`~storyline.extract.entities.resolve.EntityIndex`):
the names met so far, the full names of people, bare surnames, acronyms, and where each place mention was
geocoded. Nothing of it outlives the article."""

from __future__ import annotations

from dataclasses import dataclass, field

from storyline.extract.geo import Place


@dataclass
class FullNameMention:
    """A full-name mention of a person in the article being read."""

    entity_id: str
    name: str
    surname: str
    relative: bool


@dataclass
class ArticleReading:
    """What the index keeps while it reads one article: the names met so far and the entities they went to."""

    article_id: str
    text: str
    names: dict[tuple[bool, str], str] = field(default_factory=dict)
    full_names: list[FullNameMention] = field(default_factory=list)
    bare: dict[str, str] = field(default_factory=dict)  # surname -> entity made from a bare surname here
    acronyms: dict[str, tuple[str, str]] = field(default_factory=dict)  # acronym -> (entity id, long name)
    acronym_mentions: dict[str, str] = field(default_factory=dict)  # acronyms met in this article -> entity id
    person_ends: dict[int, tuple[str, str]] = field(default_factory=dict)  # end of a person mention -> (entity, name)
    surname_uses: dict[str, dict[str, int]] = field(default_factory=dict)  # surname -> entity -> bare uses here
    places: dict[tuple[int, int], Place] = field(default_factory=dict)  # span -> where it was geocoded
