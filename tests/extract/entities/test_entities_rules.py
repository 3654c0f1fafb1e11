"""Name forms, roles, actor attributes and the index's merge rules on small texts written for the purpose."""

from __future__ import annotations

import re

import pytest

from storyline.errors import StorylineError
from storyline.extract.entities import EntityIndex, actor_attributes, actor_profile
from storyline.extract.entities.names import acronym_matches, clean_name, initials, spelling_variant, surname
from storyline.extract.entities.roles import appositive_roles, named_as_relative, title_before
from storyline.extract.ner import EntityMention


def _mentions(text: str, spans: list[tuple[str, str]]) -> list[EntityMention]:
    """Mentions of the given surfaces (each at its next occurrence), with the given kinds."""
    found: list[EntityMention] = []
    position = 0
    for surface, kind in spans:
        start = text.index(surface, position)
        label = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "NORP": "MISC"}[kind]
        found.append(EntityMention(start, start + len(surface), surface, label, kind, "test"))
        position = start + 1
    return found


def test_name_forms() -> None:
    assert clean_name("the Taliban *") == "Taliban"
    assert clean_name("Tajikistan’s") == "Tajikistan"
    assert clean_name("the U.N.") == "UN"
    assert surname("Abdul Latif Pedram") == "pedram"
    assert initials("Collective Security Treaty Organization") == "CSTO"
    assert acronym_matches("NRF", "National Resistance Front", strict=True)
    assert acronym_matches("ISIS", "Islamic State of Iraq and Syria", strict=False)
    assert not acronym_matches("NRF", "Northern Alliance", strict=False)


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Mansoor", "Mansour", True),
        ("Panjshir", "Panjsher", True),
        ("Iran", "Oran", False),  # too few consonants to tell
        ("Mansoor", "Nansoor", False),  # first letter differs
        ("Ahmad Massoud", "Ahmad Shah Massoud", False),
    ],
)
def test_spelling_variants(first: str, second: str, same: bool) -> None:
    assert spelling_variant(first, second) is same


def test_titles_and_appositives() -> None:
    text = (
        "On Monday, Colombian Defense Minister Diego Molano met Maria Lopez, a judge of the Supreme Court, in Bogota."
    )
    assert title_before(text, text.index("Diego")) == "Colombian Defense Minister"
    assert appositive_roles(text, text.index("Lopez") + len("Lopez")) == ["judge of the Supreme Court"]
    text = "the chairman of the Green Party of Kenya John Otieno said"
    assert title_before(text, text.index("John")) == "chairman of the Green Party of Kenya"
    text = "According to Otieno, the party needs support."
    assert appositive_roles(text, text.index("Otieno") + len("Otieno")) == []
    for sentence, name, title in (
        ("He wanted to force Saddam to go.", "Saddam", None),  # a verb, not a title
        ("Then the former President Bill Clinton spoke.", "Bill", "former President"),
        ("Although General Sani Abacha agreed.", "Sani", "General"),
        ("Acme’s chairman John Smith said.", "John", "Acme’s chairman"),
        ("the U.S. Attorney Mary White said.", "Mary", "U.S. Attorney"),
    ):
        assert title_before(sentence, sentence.index(name)) == title, sentence
    text = "Mr. Lee met Sam Hart, the ambassador to the U.N. in New York, on Monday."
    assert appositive_roles(text, text.index("Hart") + len("Hart")) == ["ambassador to the U.N. in New York"]
    text = "The group is led by Karim Nasser, the nephew of the late Omar Nasser, a former general."
    assert named_as_relative(text, text.index("Omar"))
    assert not named_as_relative(text, text.index("Karim"))


@pytest.mark.parametrize(
    ("phrase", "context", "expected"),
    [
        ("Tajik President Emomali Rahmon", "", ("TJK", "government")),
        ("Collective Security Treaty Organization", "", (None, "IGO")),
        ("Pakistani Army", "", ("PAK", "military")),
        ("Kenyan opposition leader", "", ("KEN", "opposition")),
        ("rebels", "", (None, "rebel")),
        ("Defense Minister", "German", ("DEU", "government")),
        ("the Ministry of Interior", "Peru", ("PER", "government")),
        ("a Reuters reporter", "", ("GBR", "media")),
        ("Gdansk police", "", ("POL", "police")),
        ("former President Jacob Zuma", "", (None, "elite")),
        ("a cat named Frank", "", (None, None)),
    ],
)
def test_actor_attributes(phrase: str, context: str, expected: tuple[str | None, str | None]) -> None:
    country, sector, _ = actor_attributes(phrase, context)
    assert (country, sector) == expected


def test_residual_text_drops_the_nationality() -> None:
    assert actor_attributes("four Saudi men")[2] == "four  men"
    assert actor_attributes("an American destroyer")[2] == "destroyer"
    profile = actor_profile("American warplanes")
    assert profile is not None and profile.pattern == "warplane"


def test_an_acronym_used_before_its_definition_merges_later_and_keeps_the_older_id() -> None:
    index = EntityIndex()
    first_text = "Fighters of the PLF attacked a convoy, the PLF said."
    first = index.add_article("a1", first_text, _mentions(first_text, [("PLF", "ORG"), ("PLF", "ORG")]))
    second_text = "The People's Liberation Front (PLF) denied it. The PLF is banned."
    second = index.add_article(
        "a2",
        second_text,
        _mentions(second_text, [("People's Liberation Front", "ORG"), ("PLF", "ORG"), ("PLF", "ORG")]),
    )
    acronym_id = first[0].entity_id
    assert {item.entity_id for item in second} == {acronym_id}  # the older id stays
    merged = index.entity("e000002")  # the id the long name got before the definition joined the two
    assert merged.id == acronym_id == "e000001" and merged.name == "People's Liberation Front"
    assert any("acronym 'PLF' defined in text" in merge for merge in merged.merges)
    assert len(merged.mentions) == 5
    assert [entity.id for entity in index.entities()] == [acronym_id]
    assert index.live_id("e000002") == acronym_id and index.live_id(acronym_id) == acronym_id


def test_bare_surnames_do_not_cross_articles_but_full_names_do() -> None:
    index = EntityIndex()
    text1 = "Minister Sara Haddad met Omar Haddad. Haddad said talks went well."
    out1 = index.add_article(
        "a1", text1, _mentions(text1, [("Sara Haddad", "PERSON"), ("Omar Haddad", "PERSON"), ("Haddad", "PERSON")])
    )
    assert index.entity(out1[2].entity_id).name == "Omar Haddad"  # the most recently named
    text2 = "Haddad resigned. Sara Haddad later denied it."
    out2 = index.add_article("a2", text2, _mentions(text2, [("Haddad", "PERSON"), ("Sara Haddad", "PERSON")]))
    sara = index.entity(out1[0].entity_id)
    assert out2[1].entity_id == sara.id
    assert out2[0].entity_id == sara.id  # the bare surname met first joins the full name of its own article
    assert any("surname of 'Sara Haddad' in the same article" in merge for merge in sara.merges)


def test_country_qualified_party_names_merge_and_places_do_not_merge_with_nationalities() -> None:
    index = EntityIndex()
    text = (
        "The Kenyan Green Party met in Kenya. Later the Green Party of Kenya and the Green Party said Kenyan voters"
        " care."
    )
    spans = [
        ("Kenyan Green Party", "ORG"),
        ("Kenya", "GPE"),
        ("Green Party of Kenya", "ORG"),
        ("Green Party", "ORG"),
        ("Kenyan", "NORP"),
    ]
    out = index.add_article("a1", text, _mentions(text, spans))
    assert out[0].entity_id == out[2].entity_id == out[3].entity_id
    assert out[1].entity_id != out[4].entity_id
    party = index.entity(out[0].entity_id)
    assert (party.country, party.sector) == ("KEN", "party")


def test_titles_inside_a_mention_and_acronyms_defined_after_them() -> None:
    index = EntityIndex()
    text = "ISIL (Islamic State in the Levant) struck. President Maria Silva spoke; Silva left. Mr. Li came."
    spans = [
        ("ISIL", "ORG"),
        ("Islamic State in the Levant", "ORG"),
        ("President Maria Silva", "PERSON"),
        ("Silva", "PERSON"),
        ("Mr. Li", "PERSON"),
    ]
    out = index.add_article("a1", text, _mentions(text, spans))
    assert out[1].entity_id == out[0].entity_id
    assert out[1].evidence == "acronym 'ISIL' defined in text as 'Islamic State in the Levant'"
    silva = index.entity(out[2].entity_id)
    assert (silva.name, silva.roles, silva.sector) == ("Maria Silva", ("President",), "government")
    assert out[3].entity_id == silva.id
    assert index.entity(out[4].entity_id).roles == ()
    assert [entity.id for entity in index.entities()] == sorted({item.entity_id for item in out})
    assert all(entity.mentions for entity in index.entities())


def test_unknown_ids_are_refused() -> None:
    with pytest.raises(StorylineError, match=re.escape("[E530]")):
        EntityIndex().entity("e999999")


def test_a_nickname_after_a_comma_joins_the_person_before_it_and_only_then() -> None:
    index = EntityIndex()
    text = "Ahmad Shah Massoud, nicknamed the Lion of Panjshir, was killed in 2001. The Lion of Panjshir was 48."
    out = index.add_article(
        "a1", text, _mentions(text, [("Ahmad Shah Massoud", "PERSON"), *[("Lion of Panjshir", "PERSON")] * 2])
    )
    assert out[1].entity_id == out[0].entity_id == out[2].entity_id
    assert "Lion of Panjshir" in index.entity(out[0].entity_id).aliases
    text2 = "Rivals of Omar Haddad met a man called Sara Lind."
    out2 = index.add_article("a2", text2, _mentions(text2, [("Omar Haddad", "PERSON"), ("Sara Lind", "PERSON")]))
    assert out2[0].entity_id != out2[1].entity_id  # no comma: not a nickname


def test_a_middle_initial_does_not_split_a_person_but_two_different_ones_do() -> None:
    index = EntityIndex()
    first = "Donald Trump spoke in Ohio."
    [trump] = index.add_article("a1", first, _mentions(first, [("Donald Trump", "PERSON")]))
    second = "Donald J. Trump won the primary."
    [trump_j] = index.add_article("a2", second, _mentions(second, [("Donald J. Trump", "PERSON")]))
    assert trump_j.entity_id == trump.entity_id
    assert trump_j.evidence == "same name as 'Donald Trump' but for the middle initial"
    bushes = "George W. Bush met his father, George H. W. Bush, and George Bush Jr."
    w, hw = index.add_article(
        "a3", bushes, _mentions(bushes, [("George W. Bush", "PERSON"), ("George H. W. Bush", "PERSON")])
    )
    assert w.entity_id != hw.entity_id  # a son is not his father
    later = "George Bush visited Texas."
    [plain] = index.add_article("a4", later, _mentions(later, [("George Bush", "PERSON")]))
    assert plain.entity_id not in {w.entity_id, hw.entity_id}  # two initials known: the plain name names neither


def test_a_place_has_the_country_it_was_geocoded_in() -> None:
    from storyline.extract.entities.stage import EntityState
    from storyline.extract.geo import PlaceMention, country_of, geocoder

    assert country_of(4361885) == "USA" and country_of(None) is None
    text = "The governor of Maryland spoke in Annapolis, Maryland, on Monday."
    state = EntityState()
    found = _mentions(text, [("Maryland", "GPE"), ("Annapolis", "GPE"), ("Maryland", "GPE")])
    located: list[PlaceMention] = geocoder().resolve(text, found)
    state.add("a1", text, found, located)
    [maryland] = [e for e in state.view({}) if e.name == "Maryland"]
    assert maryland.country == "USA", maryland  # the name alone gave Liberia's Maryland County


def test_a_surname_the_article_has_settled_on_stays_that_persons() -> None:
    # From PolNeAR's training split: Sen. Chris Murphy is "Murphy" throughout; a victim named once in full later is
    # not who the next "Murphy" is.
    text = (
        "Sen. Chris Murphy spoke. Murphy said no. Murphy left. Murphy came back. He paid tribute to a teacher's "
        "aide, Anne Marie Murphy, who was killed. Murphy said he would go on."
    )
    names = [("Chris Murphy", "PERSON"), *[("Murphy", "PERSON")] * 3, ("Anne Marie Murphy", "PERSON")]
    out = EntityIndex().add_article("a1", text, _mentions(text, [*names, ("Murphy", "PERSON")]))
    assert out[-1].entity_id == out[0].entity_id != out[-2].entity_id
