"""The offline gazetteer: places from GeoNames (via installed packages), looked up by folded name.

:func:`load_gazetteer` reads ``data/gazetteer.tsv.gz`` (written by :mod:`storyline.extract.geo.build`) once per
process (about four seconds). :meth:`Gazetteer.ranked` returns the candidates for a name with their prior,
best first: feature kind, then population (a country before a province before a city of the same name, as a
reader takes a bare "Georgia" or "Takhar"); a weak name (a city's GeoNames alternate name, a county's name
without "County") costs :data:`WEAK_NAME_COST`; a national capital gets :data:`CAPITAL_BONUS`.

Names are folded (:func:`storyline.extract.ner.fold`: case, accents, punctuation; "U.S." → "us"). A name
that is not known as written is tried without an administrative word ("Parwan Province" → the province,
"Hamilton Township" → the town, "Panjshir Valley" → the province it is named after), with "St."/"Mt."/"Ft."
spelled out, and, for countries and provinces, by its consonant skeleton when the spelling is close (a vowel
variant: "Panjsher" → Panjshir). A province or county named after a city inside it that is large for it
("Kabul", "Dushanbe", "Paris") ranks :data:`SEAT_MARGIN` below the city; a province sharing its name with its
country's capital ("Washington") ranks just below the capital.
"""

from __future__ import annotations

import gzip
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from storyline.errors import StorylineError
from storyline.extract.ner import fold, skeleton

DATA_FILE = Path(__file__).parent / "data" / "gazetteer.tsv.gz"
FEATURES = ("continent", "country", "admin1", "admin2", "city")
# Prior bonus of each feature kind over a city of the same population (country > admin1 > city).
FEATURE_BONUS = {"continent": 3.0, "country": 3.0, "admin1": 2.0, "admin2": 0.5, "city": 0.0}
CAPITAL_BONUS = 0.5  # a national capital is better known than its population says
WEAK_NAME_COST = 2.0  # a city's alternate name, a county's name without "County"
SEAT_MARGIN = 1.5  # a province named after its main city ranks this far below the city
# "St. Paris", "Mt. Pleasant", "Ft. Worth": GeoNames spells the word out.
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}
# Regions of the world (folded: "the Gulf" is "gulf") that none of the gazetteer's sources places (no GeoNames id
# or centre there): a place that shares the name ("Middle East", Maryland; "Koréa", Ivory Coast; the Gulf province
# of Papua New Guinea) is not what news means by it, so they stay unresolved.
WORLD_REGIONS = frozenset(
    {"middle east", "near east", "far east", "latin america", "central america", "balkans", "caucasus",
     "central asia", "south asia", "southeast asia", "east asia", "west africa", "east africa", "north africa",
     "southern africa", "sub saharan africa", "horn of africa", "sahel", "maghreb", "levant", "persian gulf", "gulf",
     "scandinavia", "caribbean", "eastern europe", "western europe", "central europe", "korea", "korean peninsula",
     "arctic", "indochina", "mesopotamia", "kurdistan"}
)  # fmt: skip
# Seats of government, which news names for the government itself ("the White House said", "the Kremlin denied"):
# the towns that share the name (White House, Tennessee) are not meant, and the building is no gazetteer place.
SEATS_OF_GOVERNMENT = frozenset(
    {"white house", "kremlin", "pentagon", "downing street", "elysee", "elysee palace", "zhongnanhai", "blue house",
     "capitol hill", "quai d orsay", "foggy bottom"}
)  # fmt: skip
_ABBREVIATION = re.compile(r"^(st|ste|mt|ft|pt) ")
_ADMIN1_WORDS = ("province", "state", "region", "governorate", "oblast", "prefecture")
_ADMIN2_WORDS = ("county", "parish", "borough", "district")
_WORDS_PATTERN = re.compile(
    r"^(?:(?P<pre>province|state|region|county|district|city|town|village|governorate) of )?(?P<name>.+?)"
    r"(?: (?P<post>province|state|region|governorate|oblast|prefecture|county|parish|borough|district|city|township"
    r"|valley))?$"
)


@dataclass(frozen=True)
class Place:
    """A gazetteer entry. ``geonames_id`` is ``None`` where no shipped data has one (non-US admin1, admin2)."""

    geonames_id: int | None
    name: str
    lat: float
    lon: float
    feature: str  # "continent", "country", "admin1", "admin2" or "city"
    country: str | None  # ISO 3166-1 alpha-3
    population: int | None
    admin1: str | None = None  # "CC.code" of the first-level division it lies in (or is), e.g. "US.LA"
    capital: bool = False  # a national capital

    @property
    def prior(self) -> float:
        """How likely a reader takes a bare mention of the name to be this place, before context."""
        bonus = FEATURE_BONUS[self.feature] + (CAPITAL_BONUS if self.capital else 0.0)
        return bonus + 0.5 * math.log10((self.population or 0) + 10)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class Gazetteer:
    """Places and the folded names that point to them."""

    places: tuple[Place, ...]
    by_key: dict[str, tuple[int, ...]]  # folded name -> indexes into places, best prior first
    weak: frozenset[tuple[int, str]]  # (index, folded key) pairs where the key is only a weak name
    by_skeleton: dict[str, tuple[int, ...]]  # consonant skeleton -> indexes of countries and admin1 units

    def exact(self, key: str) -> list[Place]:
        """Places whose folded name or alternate name is ``key``, best prior first."""
        return [self.places[index] for index in self.by_key.get(key, ())]

    def _scored(self, key: str) -> dict[int, float]:
        return {index: self.places[index].prior + self.name_bonus(index, key) for index in self.by_key.get(key, ())}

    def lookup(self, name: str) -> list[Place]:
        """Candidates for a place name, best prior first (empty when nothing fits)."""
        return [place for place, _ in self.ranked(name)]

    def ranked(self, name: str) -> list[tuple[Place, float]]:
        """Candidates for a place name with their prior scores (name bonus included), best first."""
        key = fold(name)
        if re.fullmatch(r"\w( \w)+", key):  # "u s" from "U.S."
            key = key.replace(" ", "")
        if len(key) < 2 or key in WORLD_REGIONS or key in SEATS_OF_GOVERNMENT:
            return []
        scores = self._scored(key)
        spelled = _ABBREVIATION.sub(lambda match: _ABBREVIATIONS[match.group(1)] + " ", key)
        if spelled != key:
            scores = self._scored(spelled) | scores
        match = _WORDS_PATTERN.match(key)
        strong = any((index, key) not in self.weak for index in scores)
        if match is not None and (match.group("pre") or match.group("post")) and not strong:
            word = match.group("pre") or match.group("post") or ""
            allowed = {"city"}
            if word in _ADMIN1_WORDS:
                allowed = {"admin1", "country"}
            elif word == "valley":  # "Panjshir Valley": placed at the province or town it is named after
                allowed = {"admin1", "admin2", "city"}
            elif word in _ADMIN2_WORDS:
                allowed = {"admin2", "admin1"}
            for index, score in self._scored(match.group("name")).items():
                if self.places[index].feature in allowed:
                    restored = score + (WEAK_NAME_COST if (index, match.group("name")) in self.weak else 0.0)
                    scores[index] = max(scores.get(index, restored), restored)
        if not scores and len(key) >= 5:
            for index in self.by_skeleton.get(skeleton(key), ()):
                if SequenceMatcher(None, key, fold(self.places[index].name)).ratio() >= 0.8:
                    scores[index] = self.places[index].prior - 0.5
        found = [self.places[index] for index in scores]
        by_place = {self.places[index]: score for index, score in scores.items()}
        for unit in found:
            seat = _seat(unit, found)
            if seat is not None and seat.admin1 == unit.admin1:  # "Kabul": the city, unless "province of Kabul"
                by_place[unit] = min(by_place[unit], by_place[seat] - SEAT_MARGIN)
            elif seat is not None:  # "Washington": the capital before the state, unless the context says otherwise
                by_place[unit] = min(by_place[unit], by_place[seat] - 0.01)
        return sorted(by_place.items(), key=lambda item: -item[1])

    def name_bonus(self, index: int, key: str) -> float:
        """0 when ``key`` is one of the place's names, minus :data:`WEAK_NAME_COST` when only a weak name."""
        return -WEAK_NAME_COST if (index, key) in self.weak else 0.0


def _seat(unit: Place, found: list[Place]) -> Place | None:
    """The city that an admin unit among ``found`` is named after: same name, in it, and a large part of it;
    or the national capital of the unit's country, wherever it lies ("Washington": the capital, not the state)."""
    if unit.feature not in ("admin1", "admin2"):
        return None
    name = fold(unit.name)
    for city in found:
        if city.capital and city.country == unit.country and fold(city.name) == name:
            return city
        if city.feature == "city" and city.admin1 == unit.admin1 and fold(city.name) == name:
            population, total = city.population or 0, unit.population or 0
            if population >= 100_000 or population >= 0.2 * total:
                return city
    return None


def _alpha3() -> dict[str, str]:
    import pycountry

    codes = {country.alpha_2: country.alpha_3 for country in pycountry.countries}
    codes["XK"] = "XKX"  # Kosovo: user-assigned code, as GeoNames uses it
    return codes


def read_gazetteer(path: Path = DATA_FILE) -> Gazetteer:
    """Read a gazetteer file written by :func:`storyline.extract.geo.build.build`."""
    if not path.is_file():
        raise StorylineError(
            "E601", f"the gazetteer file {path} is missing", "run `python -m storyline.extract.geo.build` to build it"
        )
    alpha3 = _alpha3()
    places: list[Place] = []
    keys: dict[str, list[int]] = defaultdict(list)
    weak: set[tuple[int, str]] = set()
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 10:
                raise StorylineError("E602", f"{path}: malformed line {line[:80]!r}", "rebuild the gazetteer file")
            geonames_id, name, feature, cc, admin1, lat, lon, population, names, weak_names = fields
            index = len(places)
            places.append(
                Place(
                    geonames_id=int(geonames_id) if geonames_id else None,
                    name=name,
                    lat=float(lat),
                    lon=float(lon),
                    feature="city" if feature == "capital" else feature,
                    country=alpha3.get(cc) if cc else None,
                    population=int(population) if population else None,
                    admin1=f"{cc}.{admin1}" if cc and admin1 else None,
                    capital=feature == "capital",
                )
            )
            for key in names.split("|"):
                if key:
                    keys[key].append(index)
            for key in weak_names.split("|"):
                if key:
                    keys[key].append(index)
                    weak.add((index, key))
    by_key = {key: tuple(sorted(indexes, key=lambda index: -places[index].prior)) for key, indexes in keys.items()}
    shapes: dict[str, list[int]] = defaultdict(list)
    for index, place in enumerate(places):
        if place.feature in ("country", "admin1") and len(fold(place.name)) >= 5:
            shapes[skeleton(place.name)].append(index)
    return Gazetteer(
        places=tuple(places),
        by_key=by_key,
        weak=frozenset(weak),
        by_skeleton={shape: tuple(indexes) for shape, indexes in shapes.items()},
    )


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, read once per process (about two seconds)."""
    return read_gazetteer(DATA_FILE)


@lru_cache(maxsize=1)
def _countries_by_geonames_id() -> dict[int, str]:
    return {
        place.geonames_id: place.country
        for place in load_gazetteer().places
        if place.geonames_id is not None and place.country is not None
    }


def country_of(geonames_id: int | None) -> str | None:
    """The ISO 3166-1 alpha-3 country of a gazetteer place by its GeoNames id ("Maryland", 4361885 → USA)."""
    return None if geonames_id is None else _countries_by_geonames_id().get(geonames_id)
