"""Places of one name in different places stay apart across articles: Paris, Texas and Paris, France; the country
Georgia and the US state; while one town read once as a namesake village of the same country stays one entity."""

from __future__ import annotations

from storyline.extract.entities import EntityIndex
from storyline.extract.entities.homonyms import other_place
from storyline.extract.geo import Place, geocoder
from storyline.extract.ner import EntityMention


def _place(name: str, country: str, feature: str | None = None) -> Place:
    return next(
        place
        for place in geocoder().lookup(name)
        if place.country == country and (feature is None or place.feature == feature)
    )


def _add(index: EntityIndex, article_id: str, text: str, name: str, place: Place) -> tuple[str, str]:
    start = text.index(name)
    mention = EntityMention(start, start + len(name), name, "LOC", "GPE", "test")
    [resolved] = index.add_article(article_id, text, [mention], {(mention.start, mention.end): place})
    return resolved.entity_id, resolved.evidence


def test_a_name_geocoded_to_another_country_is_another_place() -> None:
    index = EntityIndex()
    texas, _ = _add(index, "a1", "Storms hit Paris on Monday.", "Paris", _place("Paris", "USA"))
    france, evidence = _add(index, "a2", "Talks opened in Paris on Tuesday.", "Paris", _place("Paris", "FRA"))
    assert texas != france and "another place" in evidence
    again, evidence = _add(index, "a3", "Paris police said the talks went on.", "Paris", _place("Paris", "FRA"))
    assert again == france and "same name 'Paris' and place" in evidence
    home, _ = _add(index, "a4", "Paris schools closed after the storm.", "Paris", _place("Paris", "USA"))
    assert home == texas


def test_the_country_and_the_state_of_one_name_are_two_places() -> None:
    index = EntityIndex()
    state, _ = _add(index, "a1", "Georgia voters went to the polls.", "Georgia", _place("Georgia", "USA", "admin1"))
    country, _ = _add(index, "a2", "Georgia signed a deal with the EU.", "Georgia", _place("Georgia", "GEO"))
    assert state != country


def test_a_small_namesake_town_of_the_same_country_stays_one_entity() -> None:
    ohio = _place("Cleveland", "USA")
    village = next(p for p in geocoder().lookup("Cleveland") if p.country == "USA" and (p.population or 0) < 1000)
    assert other_place(ohio, village) is None  # far apart, but one of them small: a slip, not a second Cleveland
    index = EntityIndex()
    first, _ = _add(index, "a1", "The convention opened in Cleveland.", "Cleveland", ohio)
    second, evidence = _add(index, "a2", "Delegates left Cleveland on Friday.", "Cleveland", village)
    assert first == second and "same name 'Cleveland' as in an earlier article" in evidence


def test_without_places_the_same_name_joins_as_before() -> None:
    index = EntityIndex()
    text = "Storms hit Paris on Monday."
    mention = EntityMention(10, 15, "Paris", "LOC", "GPE", "test")
    [first] = index.add_article("a1", text, [mention])
    [second] = index.add_article("a2", text, [mention])
    assert first.entity_id == second.entity_id
