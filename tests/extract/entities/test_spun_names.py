"""Spun spellings of organisation names (storyline.extract.entities.spun), on the real sentences of the seed
articles: article 002 is a synonym-spun copy that writes "Nationwide Resistance Entrance" for the National
Resistance Front and "the Nationwide congress occasion of Afghanistan" for the National Congress Party of
Afghanistan, which articles 000 and 001 name as written."""

from __future__ import annotations

import pickle
from pathlib import Path

from storyline.document import Document
from storyline.extract.entities import EntityIndex
from storyline.extract.entities.spun import SpunNames, lexicon_names, spells, spun_mentions
from storyline.extract.entities.stage import entity_state
from storyline.extract.entities.stage import run as run_entities
from storyline.extract.ner import EntityMention, recognise
from storyline.pipeline import Context
from storyline.settings import Options

SEEDS = Path(__file__).resolve().parents[3] / "examples" / "afghan-resistance"
SPUN_PARTY = "Nationwide congress occasion of Afghanistan"


def seed_line(prefix: str, starting: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    (line,) = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith(starting)]
    return line


def words(phrase: str) -> list[str]:
    return phrase.split()


def known_from(text: str) -> SpunNames:
    """The organisation names the real recogniser finds in ``text``."""
    return SpunNames(mention.text for mention in recognise([text])[0] if mention.kind == "ORG")


def test_a_spun_name_reads_back_through_the_spinners_synonyms() -> None:
    assert spells(words("nationwide congress occasion of afghanistan"), words("national congress party of afghanistan"))
    assert spells(words("nationwide resistance entrance"), words("national resistance front"))
    # WordNet's own synonyms count too: "Organisation" for "Organization"
    assert spells(words("north atlantic treaty organisation"), words("north atlantic treaty organization"))


def test_short_names_and_names_rewritten_throughout_are_never_spelled() -> None:
    # two content words: "Department of Transportation" is another body than "Department of Transport"
    assert not spells(words("department of transportation"), words("department of transport"))
    assert not spells(words("national congress party"), words("national congress party"))  # nothing swapped
    assert not spells(words("nationwide congress occasion"), words("national party congress"))  # word order
    assert not spells(words("nationwide entrance"), words("national front"))  # too short


def test_the_lower_cased_party_of_the_spun_article_is_found_from_the_name_in_another_article() -> None:
    known = known_from(seed_line("001", "The Afghan National Resistance Forces"))
    line = seed_line("002", "Ahmad Massoud, the chief")
    recognised = recognise([line])[0]
    start = line.index(SPUN_PARTY)
    assert not any(m.kind == "ORG" and m.start <= start < m.end for m in recognised)  # the model misses it
    found = spun_mentions(line, recognised, (lexicon_names(), known))
    party = [m for m in found if (m.start, m.end) == (start, start + len(SPUN_PARTY))]
    assert [(m.text, m.kind, m.source) for m in party] == [(SPUN_PARTY, "ORG", "corpus")]
    assert not [m for m in found if m.text == "Afghanistan" and start <= m.start < start + len(SPUN_PARTY)]
    assert [m.text for m in found if m.kind == "PERSON"] == [m.text for m in recognised if m.kind == "PERSON"]
    # without the other article's name there is nothing to spell
    assert spun_mentions(line, recognised, (lexicon_names(),)) == sorted(recognised, key=lambda m: (m.start, m.end))


def test_ordinary_prose_does_not_fire() -> None:
    known = SpunNames(["National Congress Party", "National Resistance Front"])
    for text in (
        "He spoke of the nationwide congress occasion at length.",  # no capital to go by
        "Nationwide congress occasion planners met.",  # a capital only because a sentence starts
        "The National Resistance Front met.",  # the name as written is no spun spelling
    ):
        assert spun_mentions(text, [], (known,)) == [], text
    sentence_start = "Nationwide Resistance Entrance fighters held the valley."  # two capitalised words: a name
    assert [m.text for m in spun_mentions(sentence_start, [], (known,))] == ["Nationwide Resistance Entrance"]


def test_the_stage_finds_and_merges_the_spun_names_of_the_seed_articles() -> None:
    texts = [(str(path), path.read_text("utf-8")) for path in sorted(SEEDS.glob("*.txt"))[:3]]
    docs = [Document(uri=uri, raw_text=text, text=text, language="en") for uri, text in texts]
    ctx = Context(Options())
    spun = run_entities(docs, ctx)[2]
    index = entity_state(ctx).index
    party = [m for m in spun.mentions if m.text == SPUN_PARTY]
    assert len(party) == 2 and {m.kind for m in party} == {"ORG"}
    assert party[0].evidence == "spun spelling of 'National Congress Party of Afghanistan'"
    entity = index.entity(str(party[0].entity_id))
    assert entity.name == "National Congress Party of Afghanistan"  # a spun spelling never names the entity
    assert SPUN_PARTY in entity.aliases and (entity.country, entity.sector) == ("AFG", "party")
    (front_mention,) = [m for m in spun.mentions if m.text == "Nationwide Resistance Entrance"]
    assert front_mention.evidence == "spun spelling of 'National Resistance Front'"
    assert index.entity(str(front_mention.entity_id)).name == "National Resistance Front"


def test_an_original_met_after_its_spun_copy_joins_it() -> None:
    index = EntityIndex()
    spun_text = "Fighters of the Nationwide Resistance Entrance held out."
    original_text = "The National Resistance Front said so."
    at = spun_text.index("Nationwide")
    (spun,) = index.add_article("a", spun_text, [EntityMention(at, at + 30, spun_text[at : at + 30], "ORG", "ORG")])
    at = original_text.index("National")
    mention = EntityMention(at, at + 25, original_text[at : at + 25], "ORG", "ORG")
    (original,) = index.add_article("b", original_text, [mention])
    assert original.entity_id == spun.entity_id
    assert original.evidence == "'Nationwide Resistance Entrance' is a spun spelling of it"
    entity = index.entity(spun.entity_id)
    assert (entity.name, entity.aliases) == ("National Resistance Front", ("Nationwide Resistance Entrance",))
    # an index pickled before it kept spellings gets them from its records
    state = index.__dict__.copy()
    del state["_spellings"], state["_spun_keys"]
    restored = pickle.loads(pickle.dumps(index))
    restored.__setstate__(state)
    assert restored.spellings.spelled(words("nationwide resistance entrance")) is not None
