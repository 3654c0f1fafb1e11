"""The entity index: entity mentions merged within and across articles, each merge with its evidence.

Articles arrive one at a time (:meth:`EntityIndex.add_article`); the index is a plain picklable object whose ids
depend only on the order of the input (``e000001``, ``e000002``, … in order of first mention). Rules, in order:

People (kind ``PERSON``; a title inside the mention, ``"President Vladimir Putin"``, is split off as a role):

* a full name (two words or more) is the same person as the same full name anywhere (``"same full name"``), or a
  longer full name of this article that ends with it (``"Latif Pedram"``), or a vowel-spelling variant of a full
  name seen before (``"spelling variant (vowel skeleton)"``). ``Ahmad Massoud`` and ``Ahmad Shah Massoud`` are
  different full names and never merge; a middle initial does not split a person (``Donald J. Trump``), unless two
  different initials are known for the name (``George W. Bush``, ``George H. W. Bush``); a full name known as a
  person's stays that person where the recogniser calls it something else;
* a bare surname is the person of that surname most recently named in full *in the same article*, passing over
  full names introduced as someone's relative (``"the son of … Ahmad Shah Massoud"``), so that ``"Massoud's
  father"`` after ``"Ahmad Massoud, the son of Ahmad Shah Massoud"`` is the son; a surname the article has used
  three times for one person stays that person's (``"Murphy"`` after ``"a teacher's aide, Anne Marie Murphy"`` is
  still Sen. Chris Murphy). ``Khan`` is the surname of ``Ismail Khan``, not of ``Amir Khan Muttaqi``. A surname
  of a vowel variant counts (``Mansour`` for ``Abdul Hafiz Mansoor``). Across articles a bare surname only meets
  the same bare surname;
* a bare surname seen before its full name in the same article joins the full name when it comes.

Organisations, places and groups (every other kind):

* the same name (case- and accent-blind, without leading article or possessive), unless it is a place geocoded
  in another place (:mod:`.homonyms`: Paris, Texas is not Paris, France);
* a plural nationality word joins its singular (``Afghans`` / ``Afghan``);
* the same name without a country qualifier (``"Afghan National Congress Party"``, ``"National Congress Party of
  Afghanistan"`` → ``"National Congress Party"``), unless the two countries differ;
* an acronym defined in the text (``"National Resistance Front (NRF)"``, ``"NRF (National Resistance Front)"``),
  in this article or an earlier one, or of three letters or more matching the initials of a longer name of the
  same article (``CSTO``);
* a spun spelling of an organisation's name (:mod:`.spun`): three content words or more that read back through a
  synonym spinner's swaps into a known organisation's name, or that a known name reads back into (``"Nationwide
  Resistance Entrance"`` / ``"National Resistance Front"``), also without the country; a spun spelling never
  names the entity;
* a vowel-spelling variant (``Panjsher`` / ``Panjshir``), unless the name is itself a known place or nationality.

When new evidence joins two existing entities, the older id stays and the newer one redirects to it. Roles are
read around person mentions (:mod:`.roles`). An organisation's country and sector come from its own name and the
country written next to it (:mod:`.actors`), by majority over its mentions; a person's come from the roles, read
when the entity is viewed, with what the index then knows of the organisations they name (``"NRF leader"``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from storyline.errors import StorylineError
from storyline.extract.entities.actors import (
    GROUP_CODES,
    actor_profile,
    country_around,
    is_known_place_name,
    known_key,
    organisation_core,
)
from storyline.extract.entities.homonyms import PlaceHomes
from storyline.extract.entities.names import (
    acronym_matches,
    clean_name,
    initials,
    is_acronym,
    name_key,
    remember_initials,
    same_but_initials,
    spelling_variant,
    surname,
    top_vote,
    variant_key,
    vote,
)
from storyline.extract.entities.reading import ArticleReading, FullNameMention
from storyline.extract.entities.roles import HONORIFICS, mention_roles, named_as_relative, nickname_comma, split_title
from storyline.extract.entities.spun import SpunNames
from storyline.extract.geo import Place
from storyline.extract.ner import EntityMention

PLACE_KINDS = frozenset({"GPE", "LOC", "FAC"})
SETTLED_SURNAME_USES = 3  # a bare surname used this often for one person in an article stays that person's
# Acronyms matched to a longer name by initials alone (not defined in the text) need this many letters: two-letter
# codes (US, NJ, NC) match too many names.
MIN_INITIALS = 3
_DEFINITION = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9&]{1,9})\s*\)")
_DEFINED_BEFORE = re.compile(r"\b([A-Z][A-Z0-9&]{1,7})\s*\(\s*$")


@dataclass(frozen=True)
class ResolvedMention:
    """A mention of an article and the entity it refers to, with the evidence that linked them."""

    start: int
    end: int
    text: str
    entity_id: str
    evidence: str


@dataclass(frozen=True)
class Entity:
    """An entity as the index knows it now."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    country: str | None
    sector: str | None
    mentions: tuple[tuple[str, int, int], ...]
    merges: tuple[str, ...]


@dataclass
class _Record:
    id: str
    person: bool
    names: list[str] = field(default_factory=list)
    kinds: dict[str, int] = field(default_factory=dict)
    roles: list[str] = field(default_factory=list)
    countries: dict[str, int] = field(default_factory=dict)
    sectors: dict[str, int] = field(default_factory=dict)
    mentions: list[tuple[str, int, int]] = field(default_factory=list)
    merges: list[str] = field(default_factory=list)
    name_counts: dict[str, int] = field(default_factory=dict)
    nicknames: set[str] = field(default_factory=set)  # never the entity's name while it has another

    def __setstate__(self, state: dict[str, object]) -> None:
        """A record saved before nicknames were kept has none."""
        self.__dict__.update(state)
        self.__dict__.setdefault("nicknames", set())

    @property
    def full(self) -> bool:
        return any(len(name_key(name).split()) > 1 for name in self.names)


class EntityIndex:
    """Entities of a corpus, built article by article (see the module docstring)."""

    def __init__(self) -> None:
        self._records: dict[str, _Record] = {}
        self._redirects: dict[str, str] = {}
        self._counter = 0
        self._names: dict[tuple[bool, str], str] = {}  # (person, name key) -> id
        self._cores: dict[str, tuple[str, str | None]] = {}  # name key without its country -> (id, country)
        self._variants: dict[tuple[bool, str], list[str]] = {}
        self._acronyms: dict[str, tuple[str, str, str]] = {}  # acronym -> (id, long name, article id)
        self._version = 0  # articles read: the cache of organisations' attributes is valid for one version
        self._known_cache: tuple[int, dict[str, tuple[str | None, tuple[str, ...]]]] | None = None
        self._spellings = SpunNames()  # organisation names of three content words or more, for spun spellings
        self._spun_keys: set[str] = set()  # name keys found to be spun spellings: never an entity's canonical name
        self._initials: dict[str, tuple[str, str]] = {}  # name key without middle initials -> (id, initials or *)
        self._homes = PlaceHomes()  # where place entities lie: two places of one name stay two entities

    def __setstate__(self, state: dict[str, object]) -> None:
        """An index pickled before it kept organisation names for their spun spellings gets them from its records."""
        self.__dict__.update(state)
        self.__dict__.setdefault("_initials", {})  # pickled before the middle-initial rule
        self.__dict__.setdefault("_homes", PlaceHomes())  # pickled before places of one name were kept apart
        if "_spellings" not in state:
            self._spellings = SpunNames(
                name for record in self._records.values() if top_vote(record.kinds) == "ORG" for name in record.names
            )
            self._spun_keys = set()

    # ----------------------------------------------------------------------------------------------- public
    def add_article(
        self,
        article_id: str,
        text: str,
        mentions: Sequence[EntityMention],
        places: Mapping[tuple[int, int], Place] | None = None,
    ) -> list[ResolvedMention]:
        """Resolve the mentions of one article (in text order) and add them to the index (``places``: where the
        geocoder put its place mentions, by span)."""
        self._version += 1
        article = ArticleReading(article_id, text, places=dict(places or {}))
        resolved = []
        for mention in sorted(mentions, key=lambda m: (m.start, m.end)):
            entity_id, evidence = self._resolve(article, mention)
            resolved.append(ResolvedMention(mention.start, mention.end, mention.text, entity_id, evidence))
        return [
            ResolvedMention(item.start, item.end, item.text, self._live(item.entity_id), item.evidence)
            for item in resolved
        ]

    def entities(self) -> list[Entity]:
        """Every entity, in id order."""
        return [self._entity(record) for _, record in sorted(self._records.items())]

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id (an id merged into an older entity gives that entity)."""
        live = self._live(entity_id)
        if live not in self._records:
            raise StorylineError("E530", f"no entity with id {entity_id!r}", "use an id returned by add_article")
        return self._entity(self._records[live])

    @property
    def spellings(self) -> SpunNames:
        """The organisation names the index has seen, for finding their spun spellings in a new article."""
        return self._spellings

    def live_id(self, entity_id: str) -> str:
        """The id that holds ``entity_id`` now (itself unless it was merged into an older entity); cheap."""
        return self._live(entity_id)

    def __len__(self) -> int:
        return len(self._records)

    # ------------------------------------------------------------------------------------------ resolution
    def _resolve(self, article: ArticleReading, mention: EntityMention) -> tuple[str, str]:
        name = clean_name(mention.text) or mention.text.strip() or mention.text
        person = mention.kind == "PERSON" or self._named_person(article, name)
        title = None
        if person:
            title, name = split_title(name)  # "President Vladimir Putin": a title, then the name
            if title and all(word.rstrip(".").lower() in HONORIFICS for word in title.split()):
                title = None  # "Mr." is not a role
        key = name_key(name) or mention.text
        comma = nickname_comma(article.text, mention.start) if person else None
        given_to = None if comma is None else article.person_ends.get(len(article.text[:comma].rstrip()))
        if given_to is not None and (True, key) not in article.names:
            entity_id, evidence = given_to[0], f"nickname given to '{given_to[1]}' in the same article"
            self._records[self._live(entity_id)].nicknames.add(name)
        elif person and len(key.split()) > 1:
            entity_id, evidence = self._resolve_full_name(article, name, key)
            remember_initials(key, entity_id, self._initials)
            article.full_names.append(
                FullNameMention(entity_id, name, surname(name), named_as_relative(article.text, mention.start))
            )
        elif person:
            entity_id, evidence = self._resolve_bare_name(article, name, key)
        else:
            place = article.places.get((mention.start, mention.end))
            entity_id, evidence = self._resolve_other(article, name, key, mention.kind, place)
            self._homes.note(self._live(entity_id), key, place)
            entity_id, evidence = self._acronym_before(article, entity_id, evidence, name, mention.start)
            if is_acronym(name):
                article.acronym_mentions.setdefault(name, entity_id)
        entity_id = self._live(entity_id)
        article.names.setdefault((person, key), entity_id)
        self._names.setdefault((person, key), entity_id)
        self._record_mention(article, mention, entity_id, name, evidence, title)
        if person:
            article.person_ends[mention.end] = (self._live(entity_id), name)
        if not person:
            self._read_definition(article, entity_id, name, mention.end)
        elif len(key.split()) > 1:
            self._join_bare_surname(article, entity_id, name)
        return self._live(entity_id), evidence

    def _named_person(self, article: ArticleReading, name: str) -> bool:
        """A full name known as a person's, which the recogniser took for something else here ("Donald Trump" as
        an organisation in one sentence of one article): still that person."""
        key = name_key(name)
        return len(key.split()) > 1 and ((True, key) in article.names or (True, key) in self._names)

    def _resolve_full_name(self, article: ArticleReading, name: str, key: str) -> tuple[str, str]:
        if (True, key) in article.names:
            return article.names[(True, key)], "same name in the same article"
        longer = {
            full.entity_id: full.name
            for full in article.full_names
            if name_key(full.name).endswith(" " + key) and name_key(full.name) != key
        }
        if len(longer) == 1:
            entity_id, full_name = next(iter(longer.items()))
            return entity_id, f"part of '{full_name}' in the same article"
        if (True, key) in self._names:
            return self._names[(True, key)], f"same full name '{name}' as in an earlier article"
        initialled = same_but_initials(
            key, self._initials, lambda k: article.names.get((True, k)) or self._names.get((True, k))
        )
        if initialled is not None:
            other = self._records[self._live(initialled)].names[0]
            return self._live(initialled), f"same name as '{other}' but for the middle initial"
        variant = self._variant(True, name)
        if variant is not None:
            return variant
        return self._new(True, name), "new entity"

    def _resolve_bare_name(self, article: ArticleReading, name: str, key: str) -> tuple[str, str]:
        candidates = [full for full in article.full_names if full.surname == key]
        if candidates:
            named = [full for full in candidates if not full.relative] or candidates
            uses = article.surname_uses.setdefault(key, {})
            chosen = named[-1]
            settled = [full for full in named if uses.get(self._live(full.entity_id), 0) >= SETTLED_SURNAME_USES]
            if settled and settled[-1] is not chosen:  # "Murphy" stays Sen. Chris Murphy, called so ten times,
                chosen = settled[-1]  # after the article names a victim, "a teacher's aide, Anne Marie Murphy"
            uses[self._live(chosen.entity_id)] = uses.get(self._live(chosen.entity_id), 0) + 1
            return chosen.entity_id, f"surname of '{chosen.name}' in the same article"
        variants = [full for full in article.full_names if spelling_variant(full.surname, key)]
        if variants:
            chosen = variants[-1]
            return (
                chosen.entity_id,
                f"spelling variant (vowel skeleton) of the surname of '{chosen.name}' in the same article",
            )
        if (True, key) in article.names:
            return article.names[(True, key)], "same name in the same article"
        known = self._names.get((True, key))
        if known is not None and not self._records[self._live(known)].full:
            return known, f"same name '{name}' as in an earlier article"
        entity_id = self._new(True, name)
        article.bare[key] = entity_id
        return entity_id, "new entity"

    def _join_bare_surname(self, article: ArticleReading, entity_id: str, name: str) -> None:
        """A bare surname met before its full name in this article joins the full name."""
        bare = article.bare.pop(surname(name), None)
        if bare is not None and self._live(bare) != self._live(entity_id):
            self._merge(entity_id, bare, f"surname of '{name}' in the same article")

    def _resolve_other(
        self, article: ArticleReading, name: str, key: str, kind: str, place: Place | None = None
    ) -> tuple[str, str]:
        if is_acronym(name):
            found = self._resolve_acronym(article, name)
            if found is not None:
                return found
        if (False, key) in article.names:
            return article.names[(False, key)], "same name in the same article"
        if (False, key) in self._names:
            known = self._live(self._names[(False, key)])
            if place is None or (km := self._homes.elsewhere(known, place)) is None:
                return known, f"same name '{name}' as in an earlier article"
            there = self._homes.at(key, place, self._live)
            if there is not None:
                return there, f"same name '{name}' and place as in an earlier article"
            return self._new(False, name), f"not the '{name}' of an earlier article, {km:,.0f} km away: another place"
        if kind == "NORP":
            for other in (key[:-1],) if key.endswith("s") else (key + "s",):
                if (False, other) in self._names:
                    group_id = self._names[(False, other)]
                    known_name = self._records[self._live(group_id)].names[0]
                    singular, plural = (known_name, name) if key.endswith("s") else (name, known_name)
                    return group_id, f"'{plural}' is the plural of '{singular}'"
        core, qualifier = organisation_core(name) or ((key, None) if len(key.split()) > 1 else (None, None))
        if core is not None and core in self._cores:
            entity_id, other_country = self._cores[core]
            if qualifier is None or other_country is None or qualifier == other_country:
                first_name = self._records[self._live(entity_id)].names[0]
                return entity_id, f"same name as '{first_name}' without the country"
        if len(key.split()) > 1:
            for acronym, (entity_id, _) in list(article.acronyms.items()):
                if acronym_matches(acronym, name, strict=True) and acronym == initials(name):
                    return entity_id, f"'{acronym}' matches the initials of '{name}' in the same article"
            for acronym, entity_id in list(article.acronym_mentions.items()):
                if len(acronym) >= MIN_INITIALS and acronym == initials(name):
                    return entity_id, f"'{acronym}' matches the initials of '{name}' in the same article"
        spun = self._spun(name, key, core) if kind == "ORG" else None
        if spun is not None:
            return spun
        variant = None if is_known_place_name(name) else self._variant(False, name)
        if variant is not None:
            return variant
        return self._new(False, name), "new entity"

    def _spun(self, name: str, key: str, core: str | None) -> tuple[str, str] | None:
        """The organisation whose name this name spells through a spinner's synonyms, or which spells this name
        (``"Nationwide Resistance Entrance"`` / ``"National Resistance Front"``); also without the country."""
        for words in (key.split(), *([core.split()] if core is not None and core != key else [])):
            spelling = self._spellings.spelled(words, reverse=True)
            if spelling is None or spelling.size != len(words):
                continue
            entity_id = self._names.get((False, name_key(spelling.name)))
            if entity_id is None:
                entity_id = self._cores.get(name_key(spelling.name), (None, None))[0]
            if entity_id is not None:
                self._spun_keys.add(name_key(spelling.name) if spelling.reverse else key)
                return entity_id, spelling.evidence
        return None

    def _resolve_acronym(self, article: ArticleReading, acronym: str) -> tuple[str, str] | None:
        if acronym in article.acronyms:
            entity_id, long_name = article.acronyms[acronym]
            return entity_id, f"acronym defined in text as '{long_name}'"
        for (person, other_key), entity_id in list(article.names.items()):
            long_enough = len(acronym) >= MIN_INITIALS and len(other_key.split()) > 1
            if long_enough and not person and initials(other_key) == acronym:
                long_name = self._records[self._live(entity_id)].names[0]
                return entity_id, f"acronym matches the initials of '{long_name}' in the same article"
        if acronym in self._acronyms:
            entity_id, long_name, where = self._acronyms[acronym]
            return entity_id, f"acronym defined in text as '{long_name}' (article {where})"
        return None

    def _acronym_before(
        self, article: ArticleReading, entity_id: str, evidence: str, name: str, start: int
    ) -> tuple[str, str]:
        """``NRF (National Resistance Front)``: a long name in parentheses after an acronym met just before."""
        match = _DEFINED_BEFORE.search(article.text, max(0, start - 20), start)
        if match is None or len(name_key(name).split()) < 2:
            return entity_id, evidence
        acronym = match.group(1)
        acronym_id = article.acronym_mentions.get(acronym)
        if acronym_id is None or not acronym_matches(acronym, name, strict=False):
            return entity_id, evidence
        acronym_id = self._live(acronym_id)
        article.acronyms[acronym] = (acronym_id, name)
        self._acronyms.setdefault(acronym, (acronym_id, name, article.article_id))
        reason = f"acronym '{acronym}' defined in text as '{name}'"
        if evidence == "new entity":  # the record made for the long name is not needed: it is the acronym's
            self._records.pop(entity_id)
            self._redirects[entity_id] = acronym_id
        elif self._live(entity_id) != acronym_id:
            self._merge(acronym_id, entity_id, reason)
        return acronym_id, reason

    def _read_definition(self, article: ArticleReading, entity_id: str, name: str, end: int) -> None:
        """``National Resistance Front (NRF)``: the acronym names this entity from now on."""
        match = _DEFINITION.match(article.text, end)
        if match is None or len(name_key(name).split()) < 2:
            return
        acronym = match.group(1)
        if not is_acronym(acronym) or not acronym_matches(acronym, name, strict=False):
            return
        entity_id = self._live(entity_id)
        article.acronyms[acronym] = (entity_id, name)
        self._acronyms.setdefault(acronym, (entity_id, name, article.article_id))
        named = self._names.get((False, name_key(acronym)))
        if named is not None and self._live(named) != entity_id:
            self._merge(
                entity_id, named, f"acronym '{acronym}' defined in text as '{name}' (article {article.article_id})"
            )

    def _variant(self, person: bool, name: str) -> tuple[str, str] | None:
        for entity_id in self._variants.get((person, variant_key(name)), []):
            record = self._records[self._live(entity_id)]
            for other in record.names:
                shorter, longer = sorted((name_key(other), name_key(name)), key=len)
                if spelling_variant(other, name) and not longer.startswith(shorter):
                    return record.id, f"spelling variant (vowel skeleton) of '{other}'"
        return None

    # ------------------------------------------------------------------------------------------- records
    def _new(self, person: bool, name: str) -> str:
        self._counter += 1
        entity_id = f"e{self._counter:06d}"
        self._records[entity_id] = _Record(entity_id, person)
        return entity_id

    def _live(self, entity_id: str) -> str:
        while entity_id in self._redirects:
            entity_id = self._redirects[entity_id]
        return entity_id

    def _record_mention(
        self,
        article: ArticleReading,
        mention: EntityMention,
        entity_id: str,
        name: str,
        evidence: str,
        title: str | None,
    ) -> None:
        record = self._records[entity_id]
        person = record.person
        if name not in record.names:
            if record.names:  # a new name form joins the entity: keep why
                record.merges.append(f"'{name}' (article {article.article_id}): {evidence}")
            record.names.append(name)
            self._variants.setdefault((person, variant_key(name)), []).append(entity_id)
            core = None if person else organisation_core(name)
            if core is not None:
                self._cores.setdefault(core[0], (entity_id, core[1]))
            elif not person and len(name.split()) >= 2:
                self._cores.setdefault(name_key(name), (entity_id, None))
            record.name_counts[name] = 0
        record.name_counts[name] += 1
        if not person and mention.kind == "ORG":
            self._spellings.add(name)
        vote(record.kinds, mention.kind)
        record.mentions.append((article.article_id, mention.start, mention.end))
        self._read_attributes(article, mention, record, name, title)

    def _read_attributes(
        self, article: ArticleReading, mention: EntityMention, record: _Record, name: str, title: str | None
    ) -> None:
        if record.person:  # a person's country and sector are read from the roles when the entity is viewed
            roles = mention_roles(article.text, mention.start, mention.end)
            record.roles.extend(role for role in ([title, *roles] if title else roles) if role not in record.roles)
            return
        profile = actor_profile(name, known=self._known(article, record.id))
        if profile is not None:
            vote(record.countries, profile.country)
            if mention.kind not in PLACE_KINDS and mention.kind != "NORP":
                vote(record.sectors, profile.sector)
        if mention.kind not in PLACE_KINDS and mention.kind != "NORP":
            vote(record.countries, country_around(article.text, mention.start, mention.end))

    def _known(self, article: ArticleReading, reading: str) -> dict[str, tuple[str | None, tuple[str, ...]]]:
        """What the index knows about the organisations named so far in this article, by surface name (except
        the entity being read, whose own name must speak for itself)."""
        known: dict[str, tuple[str | None, tuple[str, ...]]] = {}
        for (person, _), entity_id in article.names.items():
            record = self._records.get(self._live(entity_id))
            if person or record is None or not record.sectors or record.id == reading:
                continue
            country, sector = top_vote(record.countries), top_vote(record.sectors)
            sectors: tuple[str, ...] = () if sector in (None, "IGO") else (str(sector),)
            for surface in record.names:
                known[known_key(surface)] = ("IGO" if sector == "IGO" else country, sectors)
        return known

    def _merge(self, keep_id: str, drop_id: str, evidence: str) -> None:
        keep_id, drop_id = self._live(keep_id), self._live(drop_id)
        if keep_id == drop_id:
            return
        if drop_id < keep_id:  # the older id stays
            keep_id, drop_id = drop_id, keep_id
        keep, drop = self._records[keep_id], self._records.pop(drop_id)
        for name in drop.names:
            if name not in keep.names:
                keep.names.append(name)
        for name, count in drop.name_counts.items():
            keep.name_counts[name] = keep.name_counts.get(name, 0) + count
        keep.roles.extend(role for role in drop.roles if role not in keep.roles)
        keep.nicknames |= drop.nicknames
        for target, source in (
            (keep.kinds, drop.kinds),
            (keep.countries, drop.countries),
            (keep.sectors, drop.sectors),
        ):
            for value, count in source.items():
                target[value] = target.get(value, 0) + count
        keep.mentions = sorted([*keep.mentions, *drop.mentions])
        keep.merges.extend([*drop.merges, f"{drop_id}: {evidence}"])
        self._redirects[drop_id] = keep_id

    def _known_bodies(self) -> dict[str, tuple[str | None, tuple[str, ...]]]:
        """Every organisation's names with what the index knows of it now (for reading people's roles: ``"NRF
        leader"``), rebuilt only after new articles."""
        if self._known_cache is not None and self._known_cache[0] == self._version:
            return self._known_cache[1]
        known: dict[str, tuple[str | None, tuple[str, ...]]] = {}
        for _, record in sorted(self._records.items()):
            if record.person or not record.sectors:
                continue
            country, sector = top_vote(record.countries), top_vote(record.sectors)
            sectors: tuple[str, ...] = () if sector in (None, "IGO") else (str(sector),)
            for surface in record.names:
                known.setdefault(known_key(surface), ("IGO" if sector == "IGO" else country, sectors))
        self._known_cache = (self._version, known)
        return known

    def _person_attributes(self, record: _Record) -> tuple[str | None, str | None]:
        """Country and sector of a person by majority over the roles (ties: the first role's)."""
        countries: dict[str, int] = {}
        sectors: dict[str, int] = {}
        known = self._known_bodies()
        for role in record.roles:
            profile = actor_profile(role, known=known)
            if profile is not None:
                vote(countries, profile.country or profile.group)
                vote(sectors, profile.sector)
        return top_vote(countries), top_vote(sectors)

    def _entity(self, record: _Record) -> Entity:
        kind = top_vote(record.kinds) or "OTHER"
        canonical = max(
            record.names,
            key=lambda n: (
                n not in record.nicknames,
                name_key(n) not in self._spun_keys,
                not is_acronym(n),
                len(name_key(n).split()),
                not (n.isupper() and len(n) > 3),
                record.name_counts.get(n, 0),
                len(n),
                -record.names.index(n),
            ),
        )
        if record.person:
            country, sector = self._person_attributes(record)
        else:
            country = top_vote(record.countries)
            sector = None if kind in PLACE_KINDS or kind == "NORP" else top_vote(record.sectors)
        if country in GROUP_CODES:
            country, sector = None, "IGO"
        return Entity(
            id=record.id,
            name=canonical,
            kind=kind,
            aliases=tuple(name for name in record.names if name != canonical),
            roles=tuple(record.roles),
            country=country,
            sector=sector,
            mentions=tuple(record.mentions),
            merges=tuple(record.merges),
        )
