"""Toponym resolution: each place mention of an article to one gazetteer place, chosen by explainable context.

For each distinct place name in an article (one sense per name and article), the candidates come from
:meth:`Gazetteer.ranked` with their prior (feature kind, then population; a weak name costs two points). Each
name holds a probability over its candidates (a softmax of its scores, first of the priors alone). A
candidate's score adds to its prior:

* ``container``: the name is followed by ", <state or country>" ("Alexandria, La.", "Paris, Texas",
  "Kabul, Afghanistan") and the candidate lies in it (+3);
* ``cue``: the name follows "province of" / "state of" / "region of" and the candidate is a first-level
  division, or "city of" / "town of" / "village of" and it is a city (+2);
* ``country focus``: the share of the other names' probability that lies in the candidate's country (× 2.5),
  counted only where another name vouches for that country: its best reading before context lies there, or a
  container puts it there. Small namesakes alone make no focus ("Paris" and "Berlin": not Paris, Maine and
  Berlin, New Hampshire, though each name's many US namesakes add up to more than its one European city);
* ``admin1 focus``: the share that lies in its first-level division (× 2.0);
* ``near``: one of the other names' likeliest candidates (a town, county or province, not a country) lies
  within 50 km (+2), 150 km (+1) or 300 km (+0.5) of it, weighted by that candidate's probability
  (``min(1, 2·√p)``; readings below 2 % probability count not at all), a probability computed without its own
  ``near`` part, so that two small towns cannot make each other likely by their nearness alone.

Three rounds rescore every name against the others' probabilities (soft context, so two unlikely readings
cannot lock each other in as hard choices can); the best-scoring candidate wins and its
:attr:`PlaceMention.evidence` lists what decided it. In an article that names six countries or more, a world
place (a country, a national capital, a city of a million, or of 100,000 and ten times the size) called by its
own name wins over a small namesake town that no container, cue or provincial focus places ("Paris" in an article
on climate talks is not Paris, Kentucky). The weights were set on the LGL corpus as a coarse grid
(``benchmarks/geo/README.md``), not per item.

Which mentions are places: the recogniser's ``GPE`` and ``LOC`` mentions; an ``ORG`` or ``PERSON`` mention
whose text is also a ``GPE``/``LOC`` mention in the article, or is a major place name (the main name of a
country, first-level division or city of 100,000 or more, or a known "… County/Parish/Borough") and shares no
word with a person's full name in the article ("Georgia" or "Shreveport" tagged as a person, "Tarrant County"
as an organisation); the leading major place name of an organisation ("Rapides Parish" in "Rapides Parish Fire
District", "Minnesota" in "Minnesota Department of Transportation"); and, on request (``demonyms=True``), a
``NORP`` mention that is a country's demonym ("American"). Every such mention is
returned; ``place`` is ``None`` where the gazetteer knows no place of that name (streets, rivers, buildings).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from storyline.extract.geo.gazetteer import Gazetteer, Place, load_gazetteer
from storyline.extract.ner import EntityMention, fold

PLACE_KINDS = frozenset({"GPE", "LOC"})
MAX_CANDIDATES = 40
CONTAINER_BONUS = 3.0
CUE_BONUS = 2.0
_CUE_PATTERN = re.compile(r"\b(province|state|region|city|town|village) of\s+$", re.IGNORECASE)
COUNTRY_FOCUS_WEIGHT = 2.5
ADMIN1_FOCUS_WEIGHT = 2.0
NEAR_KM = ((50.0, 2.0), (150.0, 1.0), (300.0, 0.5))
ROUNDS = 3
MAJOR_CITY_POPULATION = 100_000
# Words that name provinces somewhere ("Northern", Ghana) but, alone, say nothing about a place.
_GENERIC_TEXT = """north northern south southern east eastern west western central capital national federal united upper
lower middle new greater coast coastal island islands lake river city state union great grand saint st"""
_GENERIC_WORDS = frozenset(_GENERIC_TEXT.split())
ORGANISATION_PREFIX = "organisation-prefix"  # EntityMention.source of a place name cut from an organisation's
_COUNTY_WORDS = (" county", " parish", " borough")
NEAR_CANDIDATES = 10  # the other names' most probable candidates that count as anchors for "near"
MIN_ANCHOR_PROBABILITY = 0.02  # a reading of another name less likely than this anchors nothing
# A world place (a country, a national capital, a city of a million, or of 100,000 and ten times the town's size)
# wins over a small namesake town (under 100,000) that the text does not place: "Paris", "Copenhagen" and
# "Potsdam" in an article on climate talks that names nine countries, not the towns of Kentucky and New York that a
# US focus and each other's nearness made likelier.
WORLD_ARTICLE_COUNTRIES = 6  # countries an article names before its bare world-city names are the world's
WORLD_CITY_POPULATION = 1_000_000
SMALL_TOWN_POPULATION = 100_000
WORLD_MAX_UNIT_SHARE = 0.1  # a namesake in a province the article is about keeps its chance
# In any article, a village this small yields to a metropolis of its name (a national capital or a city of a
# million) that no container, cue or provincial focus keeps away: "Montreal" in US news is not Montreal, Wisconsin.
VILLAGE_POPULATION = 1_000
_CONTAINER_PATTERN = re.compile(r",\s+((?:[A-Z][\w]*\.?)(?:\s+[A-Z][\w]*\.?){0,2})")


@dataclass(frozen=True)
class PlaceMention:
    """A place mention: code-point span, text, the place it names (``None`` when unknown), and why."""

    start: int
    end: int
    text: str
    place: Place | None
    evidence: str


@dataclass
class _Name:
    """One distinct place name of an article, its candidates and its current choice."""

    key: str
    candidates: list[Place]
    priors: list[float]  # prior with name bonus, from Gazetteer.ranked
    container: Place | None = None
    cue: str | None = None  # "admin1" after "province of", "city" after "city of"
    cue_text: str = ""
    probabilities: list[float] = field(default_factory=list)
    anchor_probabilities: list[float] = field(default_factory=list)  # without "near": no circular support
    choice: int = 0
    evidence: str = ""


def _container(text: str, end: int, gazetteer: Gazetteer) -> Place | None:
    """The state or country named right after ", " following a mention ending at ``end``, if any."""
    match = _CONTAINER_PATTERN.match(text, end)
    if match is None:
        return None
    words = match.group(1).split()
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[:size])
        found = gazetteer.lookup(phrase)
        if found and found[0].feature in ("admin1", "country"):
            return found[0]
        admin = [place for place in found if place.feature == "admin1" and place.geonames_id is not None]
        if admin and phrase.endswith("."):  # "La.", "Calif.": a state abbreviation
            return admin[0]
    return None


def _inside(place: Place, container: Place) -> bool:
    if container.feature == "country":
        return place.country == container.country and place != container
    return place.admin1 == container.admin1 and place != container


def _is_major_name(key: str, gazetteer: Gazetteer) -> bool:
    """A country's or first-level division's main name, a name ending in County/Parish/Borough that the
    gazetteer knows, or the main name of a city of 100,000 people or more; never a generic word ("Northern")."""
    if not set(key.split()) - _GENERIC_WORDS:
        return False
    for place in gazetteer.exact(key):
        main = fold(place.name) == key
        if main and place.feature in ("country", "admin1"):
            return True
        if place.feature == "admin2" and key.endswith(_COUNTY_WORDS):
            return True
        if main and place.feature == "city" and (place.population or 0) >= MAJOR_CITY_POPULATION:
            return True
    return False


def _place_mentions(mentions: Sequence[EntityMention], gazetteer: Gazetteer, demonyms: bool) -> list[EntityMention]:
    """The mentions that name places (see the module docstring), with place prefixes cut from organisations."""
    place_texts = {fold(mention.text) for mention in mentions if mention.kind in PLACE_KINDS}
    person_words = {word for mention in mentions if mention.kind == "PERSON" for word in fold(mention.text).split()
                    if len(fold(mention.text).split()) > 1}  # fmt: skip
    found: list[EntityMention] = []
    for mention in mentions:
        key = fold(mention.text)
        if mention.kind in PLACE_KINDS:
            found.append(mention)
        elif mention.kind == "NORP":
            if demonyms and _is_demonym(mention, gazetteer):
                found.append(mention)  # "American", "Georgians": the country whose demonym it is
        elif mention.kind in ("ORG", "PERSON"):
            if key in place_texts or (_is_major_name(key, gazetteer) and not set(key.split()) & person_words):
                found.append(mention)
            elif mention.kind == "ORG" and (prefix := _place_prefix(mention, gazetteer)) is not None:
                found.append(prefix)  # "Rapides Parish" in "Rapides Parish Fire District"
    return found


def _is_demonym(mention: EntityMention, gazetteer: Gazetteer) -> bool:
    """A ``NORP`` mention that is a country's demonym ("French", "Georgians")."""
    return mention.kind == "NORP" and any(place.feature == "country" for place in gazetteer.exact(fold(mention.text)))


def _demonym_mentions(mentions: Sequence[EntityMention], gazetteer: Gazetteer) -> list[EntityMention]:
    """The ``NORP`` mentions that are a country's demonym, as context for the other names."""
    return [mention for mention in mentions if _is_demonym(mention, gazetteer)]


def _place_prefix(mention: EntityMention, gazetteer: Gazetteer) -> EntityMention | None:
    """The longest leading words of an organisation's name that are a major place name, as a mention."""
    words = list(re.finditer(r"[^\s,]+", mention.text))
    for size in range(len(words) - 1, 0, -1):
        end = words[size - 1].end()
        text = mention.text[:end]
        if _is_major_name(fold(text), gazetteer):
            return EntityMention(mention.start, mention.start + end, text, mention.label, "GPE", ORGANISATION_PREFIX)
    return None


def _lookup_text(text: str) -> str:
    return re.sub(r"['’]s$", "", text.strip())


class Geocoder:
    """Resolves the place mentions of an article against the offline gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def lookup(self, name: str) -> list[Place]:
        """Candidates for a place name, best first before any context."""
        return self.gazetteer.lookup(name)

    def resolve(self, text: str, mentions: Sequence[EntityMention], *, demonyms: bool = False) -> list[PlaceMention]:
        """The place mentions among ``mentions`` (one article's), each resolved in the article's context.

        With ``demonyms``, a ``NORP`` mention that is a country's demonym ("American") counts as a mention of
        that country, as the LGL annotators counted it; without, it is still context ("French officials in Paris
        met German envoys from Berlin": France and Germany, not Paris, Maine and Berlin, New Hampshire) but no
        place mention.
        """
        places = _place_mentions(mentions, self.gazetteer, demonyms)
        context = places if demonyms else places + _demonym_mentions(mentions, self.gazetteer)
        names: dict[str, _Name] = {}
        for mention in context:
            key = fold(_lookup_text(mention.text))
            name = names.get(key)
            if name is None:
                ranked = self.gazetteer.ranked(_lookup_text(mention.text))[:MAX_CANDIDATES]
                name = names[key] = _Name(key, [place for place, _ in ranked], [prior for _, prior in ranked])
            if name.cue is None and (cue := _CUE_PATTERN.search(text, max(0, mention.start - 20), mention.start)):
                name.cue = "city" if cue.group(1).casefold() in ("city", "town", "village") else "admin1"
                name.cue_text = cue.group(0).strip()
            if name.container is None and name.candidates:
                container = _container(text, mention.end, self.gazetteer)
                if container is not None and any(_inside(place, container) for place in name.candidates):
                    name.container = container
        self._choose(list(names.values()))
        result = []
        for mention in places:
            name = names[fold(_lookup_text(mention.text))]
            place = name.candidates[name.choice] if name.candidates else None
            evidence = name.evidence if place is not None else "no gazetteer entry"
            if mention.source == ORGANISATION_PREFIX:
                evidence = f"place name leading an organisation's name; {evidence}"
            elif mention.kind not in PLACE_KINDS:
                evidence = f"{mention.kind} mention taken as a place; {evidence}"
            result.append(PlaceMention(mention.start, mention.end, mention.text, place, evidence))
        return result

    def _choose(self, names: list[_Name]) -> None:
        known = [name for name in names if name.candidates]
        for name in known:
            name.probabilities = _softmax(name.priors)
        parts: dict[str, _Parts] = {}
        vouched = _vouched(known)  # the same every round: it reads no probability
        for _ in range(ROUNDS):
            context = _Context.of(known, vouched)
            parts = {name.key: _parts(name, context) for name in known}
            for name in known:
                name.probabilities = _softmax(parts[name.key].totals.tolist())
                name.anchor_probabilities = _softmax(parts[name.key].fixed.tolist())
        countries = {n.candidates[0].country for n in known if n.candidates[0].feature == "country"}
        for name in known:
            found = parts[name.key]
            name.choice = int(np.argmax(found.totals))
            world = _world_place_over_namesake(name, found) if len(countries) >= WORLD_ARTICLE_COUNTRIES else None
            why = f"a world place, in an article naming {len(countries)} countries"
            village = name.candidates[name.choice]
            if world is None and village.feature == "city" and (village.population or 0) < VILLAGE_POPULATION:
                world = _world_place_over_namesake(name, found, metropolis=True)
                why = f"a metropolis, not a village of {village.population or 0:,} that the text does not place"
            if world is not None:
                name.choice = world
            name.evidence = found.explain(name, name.choice)
            if world is not None:  # the text placed the namesake nowhere: the choice says why it is the world's
                name.evidence += f"; {why}"


@dataclass(frozen=True)
class _Context:
    """The article's names' current probabilities, summed by country and admin1, and the places near which a
    candidate gains ("anchors"), as arrays."""

    count: int
    countries: dict[str | None, float]  # summed over all names
    units: dict[str | None, float]
    anchors: list[tuple[Place, float, str]]  # (place, weight, owning name's key)
    lat: np.ndarray
    lon: np.ndarray
    weight: np.ndarray
    columns: dict[int, list[int]]  # id() of an anchor place -> its columns in the arrays
    vouched: dict[str | None, set[str]]  # country -> keys of the names whose own best reading lies in it

    @staticmethod
    def of(names: list[_Name], vouched: dict[str | None, set[str]]) -> _Context:
        countries: dict[str | None, float] = {}
        units: dict[str | None, float] = {}
        anchors: list[tuple[Place, float, str]] = []
        for name in names:
            for place, probability in zip(name.candidates, name.probabilities, strict=True):
                countries[place.country] = countries.get(place.country, 0.0) + probability
                if place.feature not in ("country", "continent"):
                    units[place.admin1] = units.get(place.admin1, 0.0) + probability
            weights = name.anchor_probabilities or name.probabilities  # no support from one's own nearness
            top = sorted(zip(weights, name.candidates, strict=True), key=lambda pair: -pair[0])
            anchors += [
                (place, min(1.0, math.sqrt(probability) * 2), name.key)
                for probability, place in top[:NEAR_CANDIDATES]
                if place.feature not in ("country", "continent") and probability >= MIN_ANCHOR_PROBABILITY
            ]
        lat = np.radians(np.array([place.lat for place, _, _ in anchors], dtype=float))
        lon = np.radians(np.array([place.lon for place, _, _ in anchors], dtype=float))
        weight = np.array([weight for _, weight, _ in anchors], dtype=float)
        columns: dict[int, list[int]] = {}
        for column, (place, _, _) in enumerate(anchors):
            columns.setdefault(id(place), []).append(column)
        return _Context(len(names), countries, units, anchors, lat, lon, weight, columns, vouched)


def _vouched(names: list[_Name]) -> dict[str | None, set[str]]:
    """Country -> keys of the names that vouch for it: their best reading before context lies there, or a container
    puts them there."""
    vouched: dict[str | None, set[str]] = {}
    for name in names:
        vouched.setdefault(name.candidates[0].country, set()).add(name.key)
        if name.container is not None:
            vouched.setdefault(name.container.country, set()).add(name.key)
    return vouched


@dataclass(frozen=True)
class _Parts:
    """Each candidate's score and its parts in one context."""

    totals: np.ndarray
    fixed: np.ndarray
    country_share: list[float]
    unit_share: list[float]
    near_bonus: np.ndarray
    near_anchor: np.ndarray  # index into the context's anchors (-1: none)
    near_km: np.ndarray
    anchors: list[tuple[Place, float, str]]

    def explain(self, name: _Name, index: int) -> str:
        place = name.candidates[index]
        reasons = [f"{place.feature} {place.name} ({place.country or '-'}, population {place.population or 0:,})"]
        if name.priors[index] <= place.prior - 1:
            same_city = place.feature != "city" and any(
                other.feature == "city" and fold(other.name) == fold(place.name) for other in name.candidates
            )
            reasons.append("ranked below the city of its name" if same_city else "alternate name")
        if name.container is not None and _inside(place, name.container):
            reasons.append(f"in {name.container.name} (named after a comma)")
        if name.cue is not None and place.feature == name.cue:
            reasons.append(f"after '{name.cue_text}'")
        if self.country_share[index] >= 0.01:
            reasons.append(f"country focus {place.country} {self.country_share[index]:.2f}")
        if self.unit_share[index] >= 0.01:
            reasons.append(f"admin1 focus {place.admin1} {self.unit_share[index]:.2f}")
        if self.near_bonus[index] > 0:
            anchor, _, key = self.anchors[int(self.near_anchor[index])]
            reasons.append(f"{self.near_km[index]:.0f} km from {anchor.name} ({key})")
        return "; ".join(reasons)


def _world_place_over_namesake(name: _Name, parts: _Parts, metropolis: bool = False) -> int | None:
    """The candidate that is a world place (a country, a national capital, a city of a million, or of 100,000 and
    ten times the town's size; with ``metropolis``, only a national capital or a city of a million), by one of its
    own names, when the choice is a small town of another country that nothing in the text places: no container,
    no cue, and little of the article in its province (see :data:`WORLD_ARTICLE_COUNTRIES` and
    :data:`VILLAGE_POPULATION`)."""
    chosen = name.candidates[name.choice]
    if chosen.feature != "city" or (chosen.population or 0) >= SMALL_TOWN_POPULATION:
        return None
    if name.container is not None or name.cue is not None or parts.unit_share[name.choice] >= WORLD_MAX_UNIT_SHARE:
        return None
    for index, place in enumerate(name.candidates):
        population = place.population or 0
        world = (
            place.capital
            or place.feature == "country"
            or population >= WORLD_CITY_POPULATION
            or (population >= SMALL_TOWN_POPULATION and population >= 10 * (chosen.population or 0))
        )
        if metropolis:
            world = place.feature == "city" and (place.capital or population >= WORLD_CITY_POPULATION)
        own_name = name.priors[index] > place.prior - 1  # not "White House" for Casablanca (an alternate name)
        if index != name.choice and world and own_name and place.country != chosen.country:
            return index
    return None


def _parts(name: _Name, context: _Context) -> _Parts:
    """Score every candidate of ``name`` against the other names (its own probabilities taken out)."""
    others = context.count - 1
    own_countries: dict[str | None, float] = {}
    own_units: dict[str | None, float] = {}
    for place, probability in zip(name.candidates, name.probabilities, strict=True):
        own_countries[place.country] = own_countries.get(place.country, 0.0) + probability
        if place.feature not in ("country", "continent"):
            own_units[place.admin1] = own_units.get(place.admin1, 0.0) + probability
    country_share, unit_share, fixed = [], [], []
    for index, place in enumerate(name.candidates):
        share = unit = 0.0
        if others and place.country:
            share = (context.countries.get(place.country, 0.0) - own_countries.get(place.country, 0.0)) / others
        if others and place.admin1:
            unit = (context.units.get(place.admin1, 0.0) - own_units.get(place.admin1, 0.0)) / others
        share, unit = max(0.0, share), max(0.0, unit)
        if not context.vouched.get(place.country, set()) - {name.key}:  # only namesakes there: no focus
            share = 0.0
        country_share.append(share)
        unit_share.append(unit)
        score = name.priors[index] + COUNTRY_FOCUS_WEIGHT * share + ADMIN1_FOCUS_WEIGHT * unit
        if name.container is not None and _inside(place, name.container):
            score += CONTAINER_BONUS
        if name.cue is not None and place.feature == name.cue:
            score += CUE_BONUS
        fixed.append(score)
    size = len(name.candidates)
    near_bonus, near_anchor, near_km = np.zeros(size), np.full(size, -1), np.zeros(size)
    if context.anchors:
        lat = np.radians(np.array([place.lat for place in name.candidates]))[:, None]
        lon = np.radians(np.array([place.lon for place in name.candidates]))[:, None]
        a = (
            np.sin((context.lat - lat) / 2) ** 2
            + np.cos(lat) * np.cos(context.lat) * np.sin((context.lon - lon) / 2) ** 2
        )
        km = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
        bonus = np.zeros_like(km)
        for limit, value in reversed(NEAR_KM):
            bonus = np.where(km <= limit, value, bonus)
        bonus = bonus * context.weight
        for index, place in enumerate(name.candidates):  # another name for the same place is no anchor
            bonus[index, context.columns.get(id(place), [])] = 0.0
        own = np.array([key == name.key for _, _, key in context.anchors])
        bonus[:, own] = 0.0
        for index, place in enumerate(name.candidates):
            if place.feature in ("country", "continent"):
                bonus[index, :] = 0.0
        best = np.argmax(bonus, axis=1)
        near_bonus = bonus[np.arange(size), best]
        near_anchor = np.where(near_bonus > 0, best, -1)
        near_km = km[np.arange(size), best]
    totals = np.array(fixed) + near_bonus
    return _Parts(totals, np.array(fixed), country_share, unit_share, near_bonus, near_anchor, near_km, context.anchors)


def _softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    weights = [math.exp(score - top) for score in scores]
    total = sum(weights)
    return [weight / total for weight in weights]


@lru_cache(maxsize=1)
def geocoder() -> Geocoder:
    """The geocoder over the shipped gazetteer, built once per process."""
    return Geocoder(load_gazetteer())
