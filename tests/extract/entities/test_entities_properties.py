"""Properties of the entity index on generated articles: no crash, every mention resolves to an entity that
lists it, ids deterministic for the same input order, and a pickled index gives the same entities."""

from __future__ import annotations

import pickle

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.extract.entities import SECTOR_CODES, EntityIndex, actor_attributes
from storyline.extract.ner import EntityMention

WORDS = [
    "Ahmad",
    "Shah",
    "Massoud",
    "Khan",
    "Ismail",
    "NRF",
    "National",
    "Resistance",
    "Front",
    "(NRF)",
    "the",
    "son",
    "of",
    "President",
    "Tajik",
    "Panjshir",
    "Panjsher",
    "Mansoor",
    "Mansour",
    "leader",
    ",",
    "said",
    "’s",
    "U.N.",
    "*",
    "Ünïcode",
    "",
]
KINDS = ["PERSON", "ORG", "GPE", "LOC", "NORP", "OTHER"]
LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "NORP": "MISC", "OTHER": "MISC"}


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, list[EntityMention]]:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
    text = " ".join(words)
    starts = [0]
    for word in words[:-1]:
        starts.append(starts[-1] + len(word) + 1)
    mentions = []
    for _ in range(draw(st.integers(0, 12))):
        first = draw(st.integers(0, len(words) - 1))
        last = draw(st.integers(first, min(len(words) - 1, first + 3)))
        start, end = starts[first], starts[last] + len(words[last])
        kind = draw(st.sampled_from(KINDS))
        mentions.append(EntityMention(start, end, text[start:end], LABELS[kind], kind, "test"))
    return text, mentions


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(articles(), min_size=1, max_size=4))
def test_every_mention_resolves_and_the_index_is_deterministic(batch: list[tuple[str, list[EntityMention]]]) -> None:
    first, second = EntityIndex(), EntityIndex()
    for number, (text, mentions) in enumerate(batch):
        article = f"a{number}"
        resolved = first.add_article(article, text, mentions)
        assert len(resolved) == len(mentions)
        for item in resolved:
            entity = first.entity(item.entity_id)
            assert entity.id == item.entity_id  # returned ids are the live ones
            assert (article, item.start, item.end) in entity.mentions
            assert item.evidence
        assert second.add_article(article, text, mentions) == resolved
    assert first.entities() == second.entities()
    assert pickle.loads(pickle.dumps(first)).entities() == first.entities()
    total = sum(len(entity.mentions) for entity in first.entities())
    assert total == sum(len(mentions) for _, mentions in batch)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.text(max_size=20))
def test_actor_attributes_never_crash(name: str, context: str) -> None:
    country, sector, residual = actor_attributes(name, context)
    assert country is None or len(country) == 3
    assert sector is None or sector in SECTOR_CODES
    assert isinstance(residual, str)
