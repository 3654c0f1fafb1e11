"""Entity resolution on the five seed articles: the real recogniser, then the index over the articles in order."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from storyline.extract.entities import Entity, EntityIndex, ResolvedMention
from storyline.extract.ner import EntityMention, recognise

ROOT = Path(__file__).resolve().parents[3]
SEEDS = sorted((ROOT / "examples" / "afghan-resistance").glob("*.txt"))


@pytest.fixture(scope="module")
def seed_input() -> list[tuple[str, str, list[EntityMention]]]:
    texts = [path.read_text(encoding="utf-8") for path in SEEDS]
    return [
        (path.name[:3], text, mentions) for path, text, mentions in zip(SEEDS, texts, recognise(texts), strict=True)
    ]


@pytest.fixture(scope="module")
def resolved(
    seed_input: list[tuple[str, str, list[EntityMention]]],
) -> tuple[EntityIndex, dict[str, list[ResolvedMention]]]:
    index = EntityIndex()
    by_article = {article: index.add_article(article, text, mentions) for article, text, mentions in seed_input}
    return index, by_article


def _text(seed_input: list[tuple[str, str, list[EntityMention]]], article: str) -> str:
    return next(text for name, text, _ in seed_input if name == article)


def _at(
    resolved: tuple[EntityIndex, dict[str, list[ResolvedMention]]], article: str, start: int
) -> tuple[Entity, ResolvedMention]:
    index, by_article = resolved
    mention = next(item for item in by_article[article] if item.start == start)
    return index.entity(mention.entity_id), mention


def _named(index: EntityIndex, name: str) -> Entity:
    found = [entity for entity in index.entities() if entity.name == name]
    assert len(found) == 1, f"{name!r}: {[entity.id for entity in found]}"
    return found[0]


def _surface_entities(
    resolved: tuple[EntityIndex, dict[str, list[ResolvedMention]]], surface: str
) -> set[tuple[str, str]]:
    index, by_article = resolved
    return {
        (article, index.entity(item.entity_id).name)
        for article, items in by_article.items()
        for item in items
        if item.text == surface
    }


def test_bare_surnames_resolve_to_the_full_name_of_the_same_article(
    resolved: tuple[EntityIndex, dict[str, list[ResolvedMention]]],
) -> None:
    assert {name for _, name in _surface_entities(resolved, "Pedram")} == {"Abdul Latif Pedram"}
    assert {name for _, name in _surface_entities(resolved, "Rahmon")} == {"Emomali Rahmon"}
    index, by_article = resolved
    pedram = _named(index, "Abdul Latif Pedram")
    assert {article for article, _, _ in pedram.mentions} == {"000", "001", "002"}
    evidence = {item.evidence for items in by_article.values() for item in items if item.text == "Pedram"}
    assert evidence == {"surname of 'Abdul Latif Pedram' in the same article"}


def test_spelling_variants_merge(resolved: tuple[EntityIndex, dict[str, list[ResolvedMention]]]) -> None:
    index, _ = resolved
    panjshir = _named(index, "Panjshir")
    assert "Panjsher" in panjshir.aliases
    assert any("spelling variant (vowel skeleton)" in merge for merge in panjshir.merges)
    assert panjshir.country == "AFG"
    mansoor = _named(index, "Abdul Hafiz Mansoor")
    assert "Mansour" in mansoor.aliases
    assert {name for _, name in _surface_entities(resolved, "Mansour")} == {"Abdul Hafiz Mansoor"}


def test_acronyms_defined_in_text_merge(resolved: tuple[EntityIndex, dict[str, list[ResolvedMention]]]) -> None:
    index, by_article = resolved
    front = _named(index, "National Resistance Front")
    assert "NRF" in front.aliases
    # 002, the spun copy, writes "Nationwide Resistance Entrance": a spun spelling of the name
    assert {article for article, _, _ in front.mentions} == {"000", "002", "003", "004"}
    assert {name for _, name in _surface_entities(resolved, "NRF")} == {"National Resistance Front"}
    first_nrf = next(item for item in by_article["003"] if item.text == "NRF")
    assert first_nrf.evidence == "acronym defined in text as 'National Resistance Front'"
    csto = _named(index, "Collective Security Treaty Organization")
    assert "CSTO" in csto.aliases
    assert {name for _, name in _surface_entities(resolved, "CSTO")} == {"Collective Security Treaty Organization"}


def test_plural_nationality_words_join_the_singular(
    resolved: tuple[EntityIndex, dict[str, list[ResolvedMention]]],
) -> None:
    afghan = _named(resolved[0], "Afghan")
    assert "Afghans" in afghan.aliases and afghan.country == "AFG" and afghan.sector is None
    assert "'Afghans' is the plural of 'Afghan'" in " ".join(afghan.merges)


def test_country_qualified_names_of_a_party_merge(
    resolved: tuple[EntityIndex, dict[str, list[ResolvedMention]]],
) -> None:
    party = _named(resolved[0], "National Congress Party of Afghanistan")
    assert set(party.aliases) == {"National Congress Party", "Afghan National Congress Party"}
    assert all("without the country" in merge for merge in party.merges)
    assert (party.country, party.sector) == ("AFG", "party")


def test_the_son_is_not_his_father(
    seed_input: list[tuple[str, str, list[EntityMention]]],
    resolved: tuple[EntityIndex, dict[str, list[ResolvedMention]]],
) -> None:
    index, _ = resolved
    son, father = _named(index, "Ahmad Massoud"), _named(index, "Ahmad Shah Massoud")
    assert son.id != father.id
    assert {article for article, _, _ in son.mentions} == {"000", "002", "003", "004"}
    # "Massoud’s father" (002) is the son; "Massoud’s troops" in the 1990s (003) the father; "Commander Massoud"
    # (003) and "Massoud had turned down" (004) the son.
    for article, phrase, expected in (
        ("002", "Massoud’s father", son),
        ("003", "Massoud’s troops", father),
        ("003", "Commander Massoud", son),
        ("004", "Massoud had turned down", son),
    ):
        text = _text(seed_input, article)
        start = text.index(phrase) + phrase.index("Massoud")
        entity, mention = _at(resolved, article, start)
        assert entity.id == expected.id, (article, phrase, entity.name)
        assert mention.evidence == f"surname of '{expected.name}' in the same article"


def test_khan_is_ismail_khan(
    seed_input: list[tuple[str, str, list[EntityMention]]],
    resolved: tuple[EntityIndex, dict[str, list[ResolvedMention]]],
) -> None:
    index, _ = resolved
    text = _text(seed_input, "003")
    entity, mention = _at(resolved, "003", text.index("Khan –"))
    assert entity.name == "Ismail Khan"
    assert mention.evidence == "surname of 'Ismail Khan' in the same article"
    people = {_named(index, name).id for name in ("Ismail Khan", "Imran Khan", "Amir Khan Muttaqi")}
    assert len(people) == 3


def test_a_nickname_is_the_person_it_is_given_to(
    seed_input: list[tuple[str, str, list[EntityMention]]],
    resolved: tuple[EntityIndex, dict[str, list[ResolvedMention]]],
) -> None:
    text = _text(seed_input, "003")
    entity, mention = _at(resolved, "003", text.index("Lion of Panjshir"))
    assert entity.name == "Ahmad Shah Massoud"
    assert mention.evidence == "nickname given to 'Ahmad Shah Massoud' in the same article"
    assert entity.id != _named(resolved[0], "Ahmad Massoud").id  # the son stays apart


def test_roles_and_titles_are_kept(resolved: tuple[EntityIndex, dict[str, list[ResolvedMention]]]) -> None:
    index, _ = resolved
    assert "leader of the National Congress Party" in _named(index, "Abdul Latif Pedram").roles
    assert "Taliban Foreign Minister" in _named(index, "Amir Khan Muttaqi").roles
    assert "Tajik President" in _named(index, "Emomali Rahmon").roles
    assert "warlord of the Afghan province of Herat" in _named(index, "Ismail Khan").roles
    assert "NRF leader" in _named(index, "Ahmad Massoud").roles
    assert "journalist turned politician" in _named(index, "Fereshta Hazrati").roles
    assert "head of external relations for the National Resistance Front" in _named(index, "Ali Maisam Nazary").roles


@pytest.mark.parametrize(
    ("name", "country", "sector"),
    [
        ("National Resistance Front", "AFG", "rebel"),
        ("Taliban", "AFG", "government"),
        ("Tajikistan", "TJK", None),
        ("Collective Security Treaty Organization", None, "IGO"),
        ("Ahmad Massoud", "AFG", "rebel"),
        ("Abdul Latif Pedram", "AFG", "party"),
        ("Emomali Rahmon", "TJK", "government"),
        ("Amir Khan Muttaqi", "AFG", "government"),
        ("Imran Khan", "PAK", "government"),
        ("Vladimir Putin", "RUS", "government"),
        ("TASS", "RUS", "media"),
        ("Dushanbe", "TJK", None),
        ("Ali Maisam Nazary", "AFG", "rebel"),  # through the NRF, whose country a later article gives
    ],
)
def test_actor_attributes_of_the_main_actors(
    resolved: tuple[EntityIndex, dict[str, list[ResolvedMention]]], name: str, country: str | None, sector: str | None
) -> None:
    entity = _named(resolved[0], name)
    assert (entity.country, entity.sector) == (country, sector)


def test_every_mention_resolves_and_ids_are_deterministic(
    seed_input: list[tuple[str, str, list[EntityMention]]],
    resolved: tuple[EntityIndex, dict[str, list[ResolvedMention]]],
) -> None:
    index, by_article = resolved
    for article, text, mentions in seed_input:
        assert len(by_article[article]) == len(mentions)
        for item in by_article[article]:
            entity = index.entity(item.entity_id)
            assert (article, item.start, item.end) in entity.mentions
            assert text[item.start : item.end] == item.text
    again = EntityIndex()
    for article, text, mentions in seed_input:
        again.add_article(article, text, mentions)
    assert again.entities() == index.entities()
    restored = pickle.loads(pickle.dumps(index))
    assert restored.entities() == index.entities()
    assert [entity.id for entity in index.entities()] == sorted(entity.id for entity in index.entities())
