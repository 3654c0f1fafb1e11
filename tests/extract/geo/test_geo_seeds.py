"""The seed articles' places, recognised and geocoded, land where they are.

Reference positions are the test author's own knowledge of geography (rounded to about 0.1°), not read from
the gazetteer: cities within 50 km, provinces within 100 km of the province's centre, countries by their
ISO code and within 600 km of their middle (a country's reference point is a convention, not a place).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.extract.geo import PlaceMention, distance_km, geocoder
from storyline.extract.ner import recognise

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "afghan-resistance"

CITIES = {  # name: (latitude, longitude)
    "Dushanbe": (38.56, 68.78),
    "Kabul": (34.53, 69.17),
    "Charikar": (35.01, 69.17),
    "Tehran": (35.69, 51.39),
    "Moscow": (55.75, 37.62),
}
PROVINCES = {
    "Panjshir": (35.45, 69.85),
    "Panjsher": (35.45, 69.85),
    "Takhar": (36.60, 69.80),
    "Badakhshan": (36.80, 71.40),
    "Parwan Province": (35.00, 68.90),
    "Herat": (34.40, 62.40),  # "a warlord of the Afghan province of Herat": the province
}
COUNTRIES = {  # name: (ISO 3166-1 alpha-3, latitude, longitude of the middle)
    "Tajikistan": ("TJK", 38.9, 71.0),
    "Afghanistan": ("AFG", 33.9, 67.7),
    "Iran": ("IRN", 32.4, 53.7),
    "Russia": ("RUS", 61.5, 100.0),
    "Pakistan": ("PAK", 30.4, 69.3),
    "China": ("CHN", 35.9, 104.2),
}


@pytest.fixture(scope="module")
def resolved() -> dict[str, list[PlaceMention]]:
    paths = sorted(EXAMPLES.glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    coder = geocoder()
    return {
        path.name: coder.resolve(text, mentions)
        for path, text, mentions in zip(paths, texts, recognise(texts), strict=True)
    }


def _by_text(resolved: dict[str, list[PlaceMention]]) -> dict[str, list[PlaceMention]]:
    found: dict[str, list[PlaceMention]] = {}
    for mentions in resolved.values():
        for mention in mentions:
            found.setdefault(mention.text, []).append(mention)
    return found


def test_every_seed_city_is_found_and_within_50_km(resolved: dict[str, list[PlaceMention]]) -> None:
    found = _by_text(resolved)
    for name, (lat, lon) in CITIES.items():
        assert name in found, f"{name} was not recognised as a place"
        for mention in found[name]:
            assert mention.place is not None, name
            error = distance_km(mention.place.lat, mention.place.lon, lat, lon)
            assert error <= 50, f"{name}: {error:.0f} km off ({mention.evidence})"


def test_every_seed_province_is_found_and_within_100_km_of_its_centre(
    resolved: dict[str, list[PlaceMention]],
) -> None:
    found = _by_text(resolved)
    for name, (lat, lon) in PROVINCES.items():
        assert name in found, f"{name} was not recognised as a place"
        for mention in found[name]:
            assert mention.place is not None and mention.place.feature == "admin1", name
            assert mention.place.country == "AFG"
            error = distance_km(mention.place.lat, mention.place.lon, lat, lon)
            assert error <= 100, f"{name}: {error:.0f} km off ({mention.evidence})"


def test_seed_countries_get_their_iso_code(resolved: dict[str, list[PlaceMention]]) -> None:
    found = _by_text(resolved)
    for name, (iso, lat, lon) in COUNTRIES.items():
        assert name in found, f"{name} was not recognised as a place"
        for mention in found[name]:
            assert mention.place is not None and mention.place.feature == "country", name
            assert mention.place.country == iso and mention.place.geonames_id is not None
            assert distance_km(mention.place.lat, mention.place.lon, lat, lon) <= 600, name


def test_seed_place_mentions_keep_their_offsets_and_explain_themselves(
    resolved: dict[str, list[PlaceMention]],
) -> None:
    for name, mentions in resolved.items():
        text = (EXAMPLES / name).read_text(encoding="utf-8")
        assert mentions, name
        for mention in mentions:
            assert text[mention.start : mention.end] == mention.text
            assert mention.evidence
            if mention.place is not None:
                assert mention.place.name.split()[0][:3].casefold() in mention.evidence.casefold()
