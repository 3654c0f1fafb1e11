"""Corrections of recognised names from the words around them: spans that stop short or run on, and outlets.

:func:`storyline.extract.ner.recognise` calls these after the model, on one spaCy document at a time; each rule
has a name in :data:`storyline.extract.ner.RULES` and changes :class:`~storyline.extract.ner.Candidate` objects
(token ranges with a CoNLL label) in place or adds new ones. Span rules run before the document-level votes of
``ner`` (they change which words a name has), label rules after them (their evidence is stronger than a vote).

Span rules (:func:`fix_spans`):

* ``edges``: symbols at a name's edges are cut off ("Trump #immigration" gave "Trump #"), and a name of symbols
  only is dropped;

* ``headline-words``: a name run on into words of a title-case headline is cut back to the name the document
  uses elsewhere, when the extra words appear in lower case in the same document ("Taliban Forced To Holds
  Talks" gives "Taliban");
* ``name-continues``: a person's name goes on into an adjacent capitalised word that no vocabulary knows and no
  gazetteer lists ("Mohammad Zahir Aghbar", where the model stopped at "Zahir");
* ``org-heads``: a MISC name whose last word heads organisations ("Afghan National Resistance Forces") is an
  organisation; an organisation followed by "of" and a country takes the country in ("Ministry of Internal
  Security of Afghanistan"), as the model already does for "National Congress Party of Afghanistan";
* ``outlets``: a place name followed by a channel number in an outlet's position ("France 24 quoted ...",
  "according to Russia 24") is a broadcaster.

Label rules (:func:`fix_labels`):

* ``outlets``: a media word joined to a place ("Satellite Tajikistan", "Radio Kabul") is an outlet;
* ``credits``: in a photo credit, a name after "via", "by way of" or "courtesy of", or after a slash where the
  model took it for a place, is an agency ("© Dimitry Astakhov/Sputnik/AFP by way of Getty Photographs"); so is
  the name after "source –" ("Photo: ..., source – Riafan");
* ``organisations``: the names of :data:`~storyline.extract.entities.lexicon.ORGANISATIONS` (international
  bodies, news agencies, armed movements) are organisations; written out in full and left untagged by the model
  ("Al-Qaeda"), they are added;
* ``nicknames``: a name given to a person (", nicknamed the Lion of Panjshir") is a person;
* ``surnames``: once a document names a person in full, a later bare last name the model missed is that person
  ("Donald Trump … when Trump in his announcement speech called …"), not part of a longer name ("Trump Tower");
  where it opens a sentence, a line or a clause ("As Trump attacked …"), only if the document also uses it bare
  inside a sentence and a lower-case word or a possessive follows ("Trump spoke …", "Trump's plan"), since a
  capitalised word there may be a common one ("White wine prices rose").

Spun spellings of organisation names ("the Nationwide congress occasion of Afghanistan" for the National Congress
Party of Afghanistan) are not found here: the name they spell is mostly known from other articles, so the
``entities`` stage finds them with the corpus's names (:mod:`storyline.extract.entities.spun`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from storyline.extract.entities.lexicon import ORGANISATIONS
from storyline.extract.ner import Candidate, PlaceGazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SPAN_RULES = frozenset({"edges", "headline-words", "name-continues", "org-heads", "outlets"})
LABEL_RULES = frozenset({"outlets", "credits", "organisations", "nicknames", "surnames"})

# Last words of the names of political and armed organisations ("... Resistance Forces", "... Congress Party"),
# never of events or competitions (leagues and cups are MISC in CoNLL-2003).
_ORG_HEAD_TEXT = """
forces party front army movement council committee ministry alliance organization organisation agency corps
brigade brigades guard guards police commission coalition government
"""
ORG_HEADS = frozenset(_ORG_HEAD_TEXT.split())
# Words that make a place name an outlet's ("Sputnik Tajikistan", "Radio Free Afghanistan", "Kabul Times").
_MEDIA_TEXT = """
sputnik satellite radio tv television press news times post channel broadcasting agency daily herald tribune
journal gazette telegraph voice echo today
"""
MEDIA_WORDS = frozenset(_MEDIA_TEXT.split())
# Words after which a name is an outlet being quoted, and verbs an outlet does.
_OUTLET_BEFORE = ("according to", "reported by", "told", "quoted by", "as reported", "cited by")
_OUTLET_VERB_TEXT = "quoted quotes reported reports said says cited cites wrote writes aired broadcast"
_OUTLET_VERBS = frozenset(_OUTLET_VERB_TEXT.split())
# In a photo credit, the names after these are agencies.
_CREDIT_VIA = (("via",), ("by", "way", "of"), ("courtesy", "of"))
_SOURCE_WORDS = frozenset({"source", "sources", "credit", "courtesy"})  # "source – Riafan"
_CAPTION_WORDS = frozenset({"photo", "photos", "picture", "image", "images", "credit", "video"})  # "Photo: ..."
_DASHES = frozenset({"–", "—", "-", ":", "--"})
# ", nicknamed the Lion of Panjshir": after a person, these words introduce another name of the person.
_NICKNAME_CUES = ("nicknamed", "dubbed", "known as", "also known as", "called")
_CALENDAR_TEXT = """january february march april may june july august september october november december monday
tuesday wednesday thursday friday saturday sunday"""
_MONTHS_DAYS = frozenset(_CALENDAR_TEXT.split())


def fix_spans(doc: Doc, found: list[Candidate], gazetteer: PlaceGazetteer, rules: frozenset[str]) -> None:
    """Apply the span rules named in ``rules`` to the mentions ``found`` in ``doc`` (in place)."""
    if "edges" in rules:
        _trim_edges(doc, found)
    if "headline-words" in rules:
        _trim_headline_words(doc, found)
    if "name-continues" in rules:
        _continue_names(doc, found, gazetteer)
    if "org-heads" in rules:
        _organisation_heads(doc, found, gazetteer)
    if "outlets" in rules:
        _numbered_channels(doc, found)


def fix_labels(doc: Doc, found: list[Candidate], gazetteer: PlaceGazetteer, rules: frozenset[str]) -> None:
    """Apply the label rules named in ``rules`` to the mentions ``found`` in ``doc`` (in place; may add some)."""
    if "outlets" in rules:
        for mention in found:
            if mention.label != "ORG" and _is_place_outlet(doc[mention.start : mention.end], gazetteer):
                _relabel(mention, "ORG", "document")
    if "credits" in rules:
        _credits(doc, found)
    if "organisations" in rules:
        _organisations(doc, found)
    if "nicknames" in rules:
        _nicknames(doc, found)
    if "surnames" in rules:
        _surnames(doc, found)


def _trim_edges(doc: Doc, found: list[Candidate]) -> None:
    """Symbols at a name's edges are not part of it ("Trump #immigration" gave "Trump #", "jet ― Trump" gave
    "― Trump"); a "name" of symbols only ("#") is dropped."""
    kept: list[Candidate] = []
    for mention in found:
        start, end = mention.start, mention.end
        while start < end and _symbol(doc[start].text) and not (doc[start].text == "(" and _closed(doc, start, end)):
            start += 1
        while (
            end > start and _symbol(doc[end - 1].text) and not (doc[end - 1].text == ")" and _opened(doc, start, end))
        ):
            end -= 1
        if start == end:
            continue
        if (start, end) != (mention.start, mention.end):
            _set_span(doc, mention, start, end, "document")
        kept.append(mention)
    found[:] = kept


def _symbol(text: str) -> bool:
    return not any(ch.isalnum() for ch in text)


def _closed(doc: Doc, start: int, end: int) -> bool:
    return any(token.text == ")" for token in doc[start + 1 : end])


def _opened(doc: Doc, start: int, end: int) -> bool:
    return any(token.text == "(" for token in doc[start : end - 1])  # "Ujpest ( Budapest )" keeps its bracket


def _relabel(mention: Candidate, label: str, source: str) -> None:
    mention.label, mention.source = label, source


def _set_span(doc: Doc, mention: Candidate, start: int, end: int, source: str) -> None:
    mention.start, mention.end, mention.text, mention.source = start, end, doc[start:end].text, source


def _covered(found: Iterable[Candidate]) -> set[int]:
    return {position for mention in found for position in range(mention.start, mention.end)}


def _line_of(doc: Doc, position: int) -> Span:
    """The sentence of ``doc[position]`` where sentences are set (pre-tokenised text), else its line."""
    if doc.has_annotation("SENT_START"):
        return doc[position].sent
    start, end = position, position + 1
    while start > 0 and "\n" not in doc[start - 1].whitespace_ + doc[start - 1].text:
        start -= 1
    while end < len(doc) and "\n" not in doc[end - 1].whitespace_ + doc[end].text:
        end += 1
    return doc[start:end]


def _is_title_case_headline(span: Span) -> bool:
    """A line of four words or more, nearly all capitalised but not in capitals: "Taliban Forced To Holds Talks"."""
    words = [token for token in span if token.is_alpha]
    capitalised = sum(token.is_title for token in words)
    return len(words) >= 4 and capitalised >= 0.8 * len(words)


def _trim_headline_words(doc: Doc, found: list[Candidate]) -> None:
    names = {(mention.text, mention.label) for mention in found}
    lower_words: set[str] | None = None
    for mention in found:
        for keep in range(mention.end - mention.start - 1, 0, -1):
            head, rest = doc[mention.start : mention.start + keep], doc[mention.start + keep : mention.end]
            if (head.text, mention.label) not in names:
                continue
            if lower_words is None:
                lower_words = {token.text for token in doc if token.is_alpha and token.text.islower()}
            if all(token.lower_ in lower_words for token in rest) and _is_title_case_headline(
                _line_of(doc, mention.start)
            ):
                _set_span(doc, mention, head.start, head.end, "document")
                break


def _is_surname_like(token: Token, gazetteer: PlaceGazetteer) -> bool:
    """A capitalised word that is no English word the vectors know, no month or day, and no place."""
    return (
        token.is_alpha
        and token.is_title
        and len(token) >= 3
        and not token.vocab.has_vector(token.lower_)
        and token.lower_ not in _MONTHS_DAYS
        and gazetteer.kind(token.text) is None
    )


def _continue_names(doc: Doc, found: list[Candidate], gazetteer: PlaceGazetteer) -> None:
    if not doc.vocab.vectors.n_keys:  # a model without word vectors cannot tell names from English words
        return
    covered = _covered(found)
    for mention in found:
        if mention.label != "PER" or mention.end >= len(doc):
            continue
        following = doc[mention.end]
        after = doc[mention.end + 1] if mention.end + 1 < len(doc) else None
        if (
            following.i not in covered
            and following.is_sent_start is not True
            and _is_surname_like(following, gazetteer)
            and (after is None or not after.is_title)
        ):
            _set_span(doc, mention, mention.start, mention.end + 1, "document")
            covered.add(following.i)


def _organisation_heads(doc: Doc, found: list[Candidate], gazetteer: PlaceGazetteer) -> None:
    by_start = {mention.start: mention for mention in found}
    joined: list[Candidate] = []
    for mention in found:
        if mention in joined:
            continue
        words = mention.text.lower().split()
        if (
            mention.label == "MISC"
            and len(words) >= 2
            and words[-1] in ORG_HEADS
            and not gazetteer.is_country(mention.text)
        ):
            _relabel(mention, "ORG", "document")
        if mention.label != "ORG" or not ORG_HEADS.intersection(words) or mention.end + 1 >= len(doc):
            continue
        country = by_start.get(mention.end + 1)
        if (
            doc[mention.end].lower_ == "of"
            and country is not None
            and country.label == "LOC"
            and gazetteer.is_country(country.text)
        ):
            _set_span(doc, mention, mention.start, country.end, "document")
            joined.append(country)
    for country in joined:
        found.remove(country)


def _outlet_position(doc: Doc, start: int, end: int) -> bool:
    """A name at ``doc[start:end]`` is where an outlet would be: "according to X", "X reported"."""
    before = doc[max(start - 2, 0) : start].text.lower()
    after = doc[end].lower_ if end < len(doc) else ""
    return after in _OUTLET_VERBS or any(before.endswith(words) for words in _OUTLET_BEFORE)


def _numbered_channels(doc: Doc, found: list[Candidate]) -> None:
    covered = _covered(found)
    for mention in found:
        end = mention.end
        if mention.label not in ("LOC", "ORG") or end >= len(doc) or end in covered:
            continue
        number = doc[end]
        if (
            number.is_digit
            and len(number) <= 3
            and not mention.text[-1:].isdigit()
            and _outlet_position(doc, mention.start, end + 1)
        ):
            _set_span(doc, mention, mention.start, end + 1, "document")
            _relabel(mention, "ORG", "document")


def _is_place_outlet(span: Span, gazetteer: PlaceGazetteer) -> bool:
    """ "Satellite Tajikistan", "Radio Kabul", "Kabul Times": media words around a place name."""
    words = [token for token in span if not token.is_punct]
    media = [token for token in words if token.lower_ in MEDIA_WORDS and token.is_title]
    place = " ".join(token.text for token in words if token not in media)
    return bool(media) and len(media) < len(words) and gazetteer.kind(place) is not None


def _credits(doc: Doc, found: list[Candidate]) -> None:
    """In a photo credit, a name after "via" (or "by way of", "courtesy of") is an agency, and so is one after a
    slash that the model took for a place ("Astakhov/Sputnik"; after a slash may also come the photographer, as in
    "Reuters/Kevin Lamarque"); so is the name after "source –" in a credit, or outside one where the model took
    it for a place."""
    credit_from = _credit_starts(doc)
    for mention in found:
        if mention.label == "ORG" or mention.start == 0 or not (credit_from or doc[mention.start - 1].text in _DASHES):
            continue
        before = [token.lower_ for token in doc[max(mention.start - 3, 0) : mention.start]]
        via = any(before[-len(link) :] == list(link) for link in _CREDIT_VIA)
        slash = before[-1:] == ["/"] and mention.label != "PER"
        in_credit = any(start < mention.start and _same_line(doc, start, mention.start) for start in credit_from)
        sourced = len(before) >= 2 and before[-1] in _DASHES and before[-2] in _SOURCE_WORDS
        if ((via or slash or sourced) and in_credit) or (sourced and mention.label != "PER"):
            _relabel(mention, "ORG", "document")


def _credit_starts(doc: Doc) -> list[int]:
    """Where photo credits begin: a copyright sign, or "Photo:" and the like."""
    return [
        token.i
        for token in doc
        if token.text == "©"
        or (token.lower_ in _CAPTION_WORDS and token.i + 1 < len(doc) and doc[token.i + 1].text == ":")
    ]


def _same_line(doc: Doc, start: int, end: int) -> bool:
    return _line_of(doc, start).end > end


@lru_cache(maxsize=1)
def _organisation_names() -> tuple[frozenset[str], dict[str, tuple[tuple[str, ...], ...]]]:
    """Known organisation names, and those written out (with a lower-case letter) by their first word."""
    written: dict[str, list[tuple[str, ...]]] = {}
    for name in ORGANISATIONS:
        if any(letter.islower() for letter in name):
            words = tuple(re.findall(r"\w+(?:-\w+)*|[^\w\s]", name))
            written.setdefault(words[0], []).append(words)
    return frozenset(ORGANISATIONS), {first: tuple(names) for first, names in written.items()}


def _organisations(doc: Doc, found: list[Candidate]) -> None:
    known, written = _organisation_names()
    person_words = {
        word for mention in found if mention.label == "PER" and " " in mention.text for word in mention.text.split()
    }
    for mention in found:
        if mention.label == "ORG" or mention.text not in known:
            continue
        if mention.label in ("LOC", "MISC") or (" " not in mention.text and mention.text not in person_words):
            _relabel(mention, "ORG", "gazetteer")
    covered = _covered(found)
    for token in doc:
        for words in written.get(token.text, ()):
            end = token.i + len(words)
            if (
                end <= len(doc)
                and not covered.intersection(range(token.i, end))
                and tuple(t.text for t in doc[token.i : end]) == words
            ):
                found.append(Candidate(token.i, end, doc[token.i : end].text, "ORG", "gazetteer"))
                covered.update(range(token.i, end))
                break
    found.sort(key=lambda mention: (mention.start, mention.end))


def _nicknames(doc: Doc, found: list[Candidate]) -> None:
    ends = {mention.end: mention for mention in found}
    cue_ends = {cue.split()[-1] for cue in _NICKNAME_CUES}
    for mention in found:
        if mention.label == "PER" or mention.start < 3:
            continue
        start = mention.start - 1 if doc[mention.start - 1].lower_ == "the" else mention.start
        if doc[start - 1].lower_ not in cue_ends:
            continue
        for cue in _NICKNAME_CUES:
            size = len(cue.split())
            cue_span = doc[max(start - size, 0) : start]
            comma = start - size - 1
            if cue_span.text.lower() != cue or comma < 1 or doc[comma].text != ",":
                continue
            person = ends.get(comma)
            if person is not None and person.label == "PER":
                _relabel(mention, "PER", "document")
                break


# Titles that may stand before a bare last name ("President Trump", "Sen. Rubio"): not the start of another name.
_TITLES = frozenset(
    {
        "President", "Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Senator", "Gov.", "Governor", "Rep.", "Representative",
        "Minister", "General", "Gen.", "Judge", "Justice", "Mayor", "Secretary", "Speaker", "Chairman", "Leader",
        "Commander", "Prime", "Vice", "Chancellor", "Ambassador", "Professor", "Prof.", "Sheikh", "Mullah",
    }
)  # fmt: skip
_SENTENCE_OPENERS = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "'", "‘", "’", "(", "—", "–", "-", "•"})


_CLAUSE_OPENERS = frozenset(
    {"as", "when", "while", "after", "before", "if", "but", "and", "although", "though", "because", "since"}
    | {"until", "once", "so", "yet", "or", "nor", "then"}
)


def _opens_a_clause(before: Token) -> bool:
    """The token before a word shows that the word opens a sentence, a line or a clause: punctuation, a line
    break, or a capitalised conjunction that itself opens one ("As Trump attacked …", "When Trump later …")."""
    if before.text in _SENTENCE_OPENERS or "\n" in before.text_with_ws or before.is_space:
        return True
    if before.is_title and before.lower_ in _CLAUSE_OPENERS:
        return before.i == 0 or _opens_a_clause(before.doc[before.i - 1])
    return False


def _acts_as_a_name(token: Token) -> bool:
    """A lower-case word or a possessive follows the token ("Trump spoke …", "Trump's gloomy tone …"), as after a
    subject; the recogniser has no parse to tell a subject from a modifier ("White wine")."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and (following.lower_ in ("'s", "’s") or (following.is_alpha and following.is_lower))


def _surnames(doc: Doc, found: list[Candidate]) -> None:
    surnames = {
        mention.text.split()[-1] for mention in found if mention.label == "PER" and len(mention.text.split()) > 1
    }
    surnames = {name for name in surnames if len(name) > 2 and name[0].isupper() and name.isalpha()}
    if not surnames:
        return
    covered = _covered(found)
    openers: list[Token] = []
    for token in doc:
        if token.text not in surnames or token.i in covered or token.i == 0:
            continue
        before = doc[token.i - 1]
        if _opens_a_clause(before):
            openers.append(token)  # "Young people …", "Rice prices …": decided below
            continue
        if before.is_alpha and before.text[:1].isupper() and before.text not in _TITLES:
            continue  # inside a longer name
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if following is not None and following.is_alpha and following.text[:1].isupper():
            continue  # "Trump Tower", "Bush Administration"
        found.append(Candidate(token.i, token.i + 1, token.text, "PER", "document"))
    # A surname the document also uses bare for the person inside sentences is that person where it opens one,
    # before a lower-case word or a possessive ("Trump spoke …", "As Trump attacked …", "Trump's plan"); "White
    # wine prices rose" after "Tom White" is left alone.
    bare = {mention.text for mention in found if mention.label == "PER" and mention.text in surnames}
    for token in openers:
        if token.text in bare and _acts_as_a_name(token):
            found.append(Candidate(token.i, token.i + 1, token.text, "PER", "document"))
    found.sort(key=lambda mention: (mention.start, mention.end))
