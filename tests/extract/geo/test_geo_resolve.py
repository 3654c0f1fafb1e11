"""The gazetteer and the resolver: candidates, context rules, and properties over arbitrary input."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.extract.geo import Place, distance_km, geocoder, load_gazetteer
from storyline.extract.geo.gazetteer import DATA_FILE
from storyline.extract.ner import EntityMention


def _mentions(text: str, *names: str) -> list[EntityMention]:
    """GPE mentions of each occurrence of ``names`` in ``text`` (whole words)."""
    found = []
    for name in names:
        for match in re.finditer(rf"\b{re.escape(name)}\b", text):
            found.append(EntityMention(match.start(), match.end(), name, "LOC", "GPE"))
    return sorted(found, key=lambda mention: mention.start)


def _place(text: str, name: str, *others: str) -> Place:
    resolved = geocoder().resolve(text, _mentions(text, name, *others))
    place = next(mention.place for mention in resolved if mention.text == name)
    assert place is not None, name
    return place


def test_the_shipped_gazetteer_is_compact_and_holds_every_kind_of_place() -> None:
    assert DATA_FILE.stat().st_size < 15_000_000
    gazetteer = load_gazetteer()
    kinds = {place.feature for place in gazetteer.places}
    assert kinds == {"continent", "country", "admin1", "admin2", "city"}
    assert len(gazetteer.places) > 200_000
    assert load_gazetteer() is gazetteer  # read once per process


def test_a_bare_ambiguous_name_prefers_country_then_province_then_city() -> None:
    coder = geocoder()
    assert coder.lookup("Georgia")[0].feature == "country"
    assert coder.lookup("Georgia")[1].feature == "admin1" and coder.lookup("Georgia")[1].country == "USA"
    takhar = coder.lookup("Takhar")[0]
    assert takhar.feature == "admin1" and takhar.country == "AFG"
    kabul = coder.lookup("Kabul")[0]  # the city, not the province named after it
    assert kabul.feature == "city" and kabul.geonames_id is not None


def test_spelling_variants_and_administrative_words_find_the_place() -> None:
    coder = geocoder()
    assert coder.lookup("Panjsher")[0] == coder.lookup("Panjshir")[0]
    assert coder.lookup("Parwan Province")[0].feature == "admin1"
    parish = coder.lookup("Rapides Parish")[0]
    assert parish.feature == "admin2" and parish.admin1 == "US.LA"
    assert coder.lookup("U.S.")[0].country == "USA" and coder.lookup("U.S.")[0].feature == "country"
    assert coder.lookup("Mt. Pleasant")[0].name.startswith("Mount")
    assert coder.lookup("") == [] and coder.lookup("Xqzzyvq") == []


def test_us_states_carry_their_geonames_id_and_other_provinces_none() -> None:
    louisiana = geocoder().lookup("Louisiana")[0]
    assert louisiana.feature == "admin1" and louisiana.geonames_id == 4331987
    assert distance_km(louisiana.lat, louisiana.lon, 31.0, -92.0) < 161
    assert geocoder().lookup("Badakhshan")[0].geonames_id is None


def test_context_picks_the_paris_of_a_texas_story() -> None:
    text = "Storms hit Paris and Sherman on Monday. Texas officials said Dallas sent crews."
    paris = _place(text, "Paris", "Sherman", "Texas", "Dallas")
    assert paris.country == "USA" and paris.admin1 == "US.TX"
    assert _place("Paris is the capital of France.", "Paris", "France").country == "FRA"


def test_a_state_after_a_comma_decides_the_town() -> None:
    text = "Alexandria, La. — A woman was arrested on Monday."
    alexandria = _place(text, "Alexandria")
    assert alexandria.admin1 == "US.LA"
    assert distance_km(alexandria.lat, alexandria.lon, 31.31, -92.45) < 20


def test_one_name_has_one_place_in_an_article() -> None:
    text = "Dublin police said Columbus roads were shut. In Dublin, schools closed."
    resolved = geocoder().resolve(text, _mentions(text, "Dublin", "Columbus"))
    places = {mention.place for mention in resolved if mention.text == "Dublin"}
    assert len(places) == 1


def test_people_and_organisations_are_places_only_with_a_major_place_name() -> None:
    text = "Georgia said Acme Corp would help Smith."
    mentions = [
        EntityMention(0, 7, "Georgia", "PER", "PERSON"),
        EntityMention(13, 22, "Acme Corp", "ORG", "ORG"),
        EntityMention(34, 39, "Smith", "PER", "PERSON"),
    ]
    resolved = geocoder().resolve(text, mentions)
    assert [mention.text for mention in resolved] == ["Georgia"]
    text = "Jackson Smith met the Shreveport Police Department and Jackson."
    mentions = [
        EntityMention(0, 13, "Jackson Smith", "PER", "PERSON"),
        EntityMention(22, 50, "Shreveport Police Department", "ORG", "ORG"),
        EntityMention(55, 62, "Jackson", "PER", "PERSON"),  # a person's name here, though a city's too
    ]
    resolved = geocoder().resolve(text, mentions)
    assert [(mention.text, mention.start) for mention in resolved] == [("Shreveport", 22)]
    assert resolved[0].place is not None and resolved[0].place.admin1 == "US.LA"


@st.composite
def _text_and_mentions(draw: st.DrawFn) -> tuple[str, list[EntityMention]]:
    words = draw(
        st.lists(
            st.one_of(
                st.sampled_from(["Paris", "Texas", "Kabul", "Georgia", "U.S.", "St.", "County", ",", "La."]),
                st.text(min_size=1, max_size=8),
            ),
            min_size=1,
            max_size=12,
        )
    )
    text = " ".join(words)
    mentions = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        kind = draw(st.sampled_from(["GPE", "LOC", "ORG", "PERSON", "NORP"]))
        mentions.append(EntityMention(start, end, text[start:end], "LOC", kind))
    return text, mentions


@settings(max_examples=150, deadline=None)
@given(_text_and_mentions())
def test_resolving_arbitrary_mentions_never_fails_and_keeps_offsets(sample: tuple[str, list[EntityMention]]) -> None:
    text, mentions = sample
    resolved = geocoder().resolve(text, mentions)
    assert len(resolved) <= len(mentions)
    for mention in resolved:  # a mention, or the leading place name of an organisation's mention
        assert any(given.start == mention.start and mention.end <= given.end for given in mentions)
        assert text[mention.start : mention.end] == mention.text
        assert mention.evidence
        if mention.place is not None:
            assert -90 <= mention.place.lat <= 90 and -180 <= mention.place.lon <= 180


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_lookup_of_any_string_returns_places_best_first(name: str) -> None:
    gazetteer = load_gazetteer()
    ranked = gazetteer.ranked(name)
    assert [score for _, score in ranked] == sorted((score for _, score in ranked), reverse=True)
    assert [place for place, _ in ranked] == gazetteer.lookup(name)


def test_province_centres_come_from_the_box_of_their_towns_across_the_antimeridian() -> None:
    from storyline.extract.geo.build import _centre

    assert _centre([(10.0, 20.0), (20.0, 40.0)]) == (15.0, 30.0)
    lat, lon = _centre([(60.0, 179.0), (62.0, -179.0)])  # Chukotka-like: the box spans 2°, not 358°
    assert lat == 61.0 and abs(abs(lon) - 180.0) < 1e-6


def test_province_of_and_city_of_say_which_kind_of_place_is_meant() -> None:
    text = "Ismail Khan, a warlord of the Afghan province of Herat, met them."
    assert _place(text, "Herat").feature == "admin1"
    resolved = geocoder().resolve(text, _mentions(text, "Herat"))
    assert "after 'province of'" in resolved[0].evidence
    text = "Fighting reached the city of Herat on Monday."
    assert _place(text, "Herat").feature == "city"


def test_a_generic_word_leading_an_organisation_is_no_place() -> None:
    text = "The Northern Alliance and the Minnesota Department of Transportation met."
    mentions = [
        EntityMention(4, 21, "Northern Alliance", "ORG", "ORG"),
        EntityMention(30, 69, "Minnesota Department of Transportation", "ORG", "ORG"),
    ]
    resolved = geocoder().resolve(text, mentions)
    assert [mention.text for mention in resolved] == ["Minnesota"]
    assert "organisation" in resolved[0].evidence


def test_countries_by_their_other_names_and_world_regions_that_no_town_answers() -> None:
    coder = geocoder()
    for name, country in [("Burma", "MMR"), ("Macedonia", "MKD"), ("Kosovo", "XKX"), ("DR Congo", "COD"),
                          ("Zaire", "COD"), ("Bosnia", "BIH"), ("Ceylon", "LKA")]:  # fmt: skip
        found = coder.lookup(name)[0]
        assert (found.feature, found.country) == ("country", country), name
    for region in ["Middle East", "the Middle East", "Korea", "the Gulf", "the Balkans", "Sub-Saharan Africa"]:
        assert coder.lookup(region) == [], region  # not Middle East, Maryland, nor Koréa, Ivory Coast
    for seat in ["White House", "the Kremlin", "Downing Street"]:
        assert coder.lookup(seat) == [], seat  # the government speaking, not White House, Tennessee


# Modelled on a 2016 article on climate talks (PolNeAR dev, The New York Times): a US focus, Kentucky named, nine
# countries; "Paris" there was Paris, Kentucky, 38 km from "Midway" (Midway, Kentucky, for the same reason).
CLIMATE_NEWS = (
    "Obama flew from Honolulu to Midway. Kentucky Republicans oppose the Paris agreement, and Louisiana is sinking. "
    "In Copenhagen in 2009 China, India, Brazil and South Africa blocked a deal; in Paris they joined Germany, "
    "Rwanda, Fiji and the Marshall Islands, said a scientist at the Potsdam Institute."
)


def test_in_an_article_about_many_countries_a_bare_world_city_is_the_world_one() -> None:
    names = ["Honolulu", "Midway", "Kentucky", "Paris", "Louisiana", "Copenhagen", "China", "India", "Brazil",
             "South Africa", "Germany", "Rwanda", "Fiji", "Marshall Islands", "Potsdam"]  # fmt: skip
    resolved = {m.text: m for m in geocoder().resolve(CLIMATE_NEWS, _mentions(CLIMATE_NEWS, *names))}
    assert resolved["Paris"].place is not None and resolved["Paris"].place.country == "FRA"
    assert "world place" in resolved["Paris"].evidence
    assert resolved["Copenhagen"].place is not None and resolved["Copenhagen"].place.country == "DNK"
    assert resolved["Potsdam"].place is not None and resolved["Potsdam"].place.country == "DEU"
    assert resolved["Kentucky"].place is not None and resolved["Kentucky"].place.country == "USA"


def test_a_local_story_keeps_its_small_town() -> None:
    text = "A Lipscomb student from Paris spent spring break in Guatemala. Nashville friends joined her in Honduras."
    paris = _place(text, "Paris", "Guatemala", "Nashville", "Honduras")
    assert paris.country == "USA" and paris.admin1 == "US.TN"


def test_demonyms_are_context_but_no_place_mentions() -> None:
    text = "French officials in Paris met German envoys from Berlin on Tuesday."
    german = text.index("German")
    mentions = [
        *_mentions(text, "Paris", "Berlin"),
        EntityMention(0, 6, "French", "MISC", "NORP"),
        EntityMention(german, german + 6, "German", "MISC", "NORP"),
    ]
    resolved = geocoder().resolve(text, sorted(mentions, key=lambda m: m.start))
    assert [m.text for m in resolved] == ["Paris", "Berlin"]
    countries = {m.text: m.place.country for m in resolved if m.place is not None}
    assert countries == {"Paris": "FRA", "Berlin": "DEU"}


def test_small_namesakes_alone_make_no_country_focus() -> None:
    # Each name's many small US namesakes add up to more probability than its one European city, but no name
    # vouches for the US (none is likeliest there before context), so the namesakes carry no US focus.
    text = "Ministers met in Paris on Monday. Talks go on in Berlin next week, then in Vienna and Geneva."
    countries = {m.text: m.place.country for m in geocoder().resolve(text, _mentions(text, "Paris", "Berlin"))}
    assert countries == {"Paris": "FRA", "Berlin": "DEU"}
    names = ("Paris", "Berlin", "Vienna", "Geneva")
    countries = {m.text: m.place.country for m in geocoder().resolve(text, _mentions(text, *names)) if m.place}
    assert countries == {"Paris": "FRA", "Berlin": "DEU", "Vienna": "AUT", "Geneva": "CHE"}
    # A name that is likeliest in the US (a state) vouches for it: the small towns of a Texas story stay.
    assert _place("Storms hit Paris and Berlin. Texas crews helped.", "Paris", "Berlin", "Texas").country == "USA"


def test_a_village_yields_to_the_metropolis_of_its_name() -> None:
    # US states vouch for the US, but nothing places "Montreal" there: not the Wisconsin village of 783
    text = "Trump spoke in Ohio and Texas on Monday. He will hold a rally in Montreal next week."
    montreal = _place(text, "Montreal", "Ohio", "Texas")
    assert montreal.country == "CAN" and (montreal.population or 0) > 1_000_000
    # a town the text places keeps its name: the state after a comma
    assert _place("Floods hit Paris, Texas, on Monday.", "Paris").admin1 == "US.TX"
