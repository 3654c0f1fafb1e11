"""Entity resolution and actor attributes.

:class:`EntityIndex` merges the named-entity mentions of articles (from :func:`storyline.extract.ner.recognise`)
into entities, within and across articles, with the evidence of every merge; :func:`actor_attributes` gives the
country (ISO 3166 alpha-3) and sector of an actor phrase. See :mod:`.resolve` and :mod:`.actors`.
"""

from storyline.extract.entities.actors import ActorProfile, actor_attributes, actor_profile
from storyline.extract.entities.lexicon import SECTOR_CODES
from storyline.extract.entities.resolve import Entity, EntityIndex, ResolvedMention

__all__ = [
    "SECTOR_CODES",
    "ActorProfile",
    "Entity",
    "EntityIndex",
    "ResolvedMention",
    "actor_attributes",
    "actor_profile",
]
