"""Places of one name in different places: "Paris" in a Texas story and "Paris" in a story on France are two
entities, though the same name joins every other kind of entity across articles.

:class:`PlaceHomes` remembers where each place entity was first geocoded (its home) and, for a name, which entity
lives where. A mention geocoded far (more than :data:`SAME_PLACE_KM`) from the home of the entity its name points
to is another place when the two readings lie in different countries or are both major places (a country, a
province, a city of :data:`MAJOR_POPULATION`): "Georgia" the country and the US state, Washington the capital and
the state. Two towns of one country, one of them small, stay one entity, the majority of its mentions deciding
its place: that is far likelier a geocoding slip ("Cleveland" read once as a village of 663 in Missouri beside
Kansas City) than a second Cleveland in the news.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from storyline.extract.geo import Place, distance_km

SAME_PLACE_KM = 100.0  # two readings of a name this far apart are two places (a city and its province are closer)
MAJOR_POPULATION = 100_000


def _major(place: Place) -> bool:
    return place.feature in ("country", "admin1", "continent") or (place.population or 0) >= MAJOR_POPULATION


def other_place(home: Place, place: Place) -> float | None:
    """How far apart two readings of one name are, when they are two places (else ``None``)."""
    km = distance_km(home.lat, home.lon, place.lat, place.lon)
    if km <= SAME_PLACE_KM:
        return None
    return km if home.country != place.country or (_major(home) and _major(place)) else None


@dataclass
class PlaceHomes:
    """Where each place entity was first geocoded, and the entities of each name by place."""

    home: dict[str, Place] = field(default_factory=dict)  # entity id -> first place
    by_name: dict[str, list[str]] = field(default_factory=dict)  # name key -> entities of that name, oldest first

    def note(self, entity_id: str, key: str, place: Place | None) -> None:
        """Remember the first place an entity's mention was geocoded to."""
        if place is None or entity_id in self.home:
            return
        self.home[entity_id] = place
        self.by_name.setdefault(key, []).append(entity_id)

    def elsewhere(self, entity_id: str, place: Place | None) -> float | None:
        """How far ``place`` lies from the entity's home, when it is another place (see :func:`other_place`)."""
        home = self.home.get(entity_id)
        return None if place is None or home is None else other_place(home, place)

    def at(self, key: str, place: Place, live: Callable[[str], str]) -> str | None:
        """The entity of this name at ``place`` (not another place by :func:`other_place`), if any (``live`` gives
        the id that holds a merged one)."""
        for entity_id in self.by_name.get(key, []):
            if other_place(self.home[entity_id], place) is None:
                return live(entity_id)
        return None
