"""Name forms: the cleaned surface of a mention, its comparison key, surname, initials and spelling variants.

Everything here is a pure function of a string. Keys are case- and accent-blind (:func:`storyline.extract.ner.fold`).

* :func:`clean_name` drops what is not part of a name: a leading article, a trailing possessive, footnote stars
  and quotes (``"the Taliban *"`` → ``"Taliban"``, ``"Tajikistan’s"`` → ``"Tajikistan"``).
* :func:`name_key` is the comparison key of a cleaned name (``"Abdul Latif Pedram"`` → ``"abdul latif pedram"``).
* :func:`surname` is the last word of a person's name, :func:`is_acronym` and :func:`acronym_matches` handle
  ``NRF`` / ``National Resistance Front`` (initials of the content words, or an ordered subsequence of letters
  starting with the first).
* :func:`spelling_variant` says whether two names differ only in their vowels (``Mansoor`` / ``Mansour``,
  ``Panjshir`` / ``Panjsher``), with guards that keep short names (``Iran`` / ``Oran``) apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from storyline.extract.ner import fold, skeleton

# Words that are not part of a name when they lead it.
LEADING_ARTICLES = ("the ", "a ", "an ")
# Function words skipped when an acronym is built from initials ("Collective Security Treaty Organization" = CSTO).
ACRONYM_SKIP_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le", "el", "&", "to"})
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_EDGE_JUNK = " \t\r\n*\"“”‘’'`«»()[]{}.,;:!?-–—"
_WORD = re.compile(r"[^\s]+")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}[A-Za-z]?")
# Minimum consonants for a vowel-only spelling variant (shorter names such as Iran/Oran or Mali/Malay stay apart).
MIN_VARIANT_CONSONANTS = 4
# ... and at most this many letter edits (Manolo / Manuel differ in three: two names, not two spellings).
MAX_VARIANT_EDITS = 2


def clean_name(text: str) -> str:
    """The name inside a mention's surface: no leading article, trailing possessive, stars, quotes or dots."""
    edges = _EDGE_JUNK.replace(".", "")
    name = " ".join(text.split()).strip(edges)
    lowered = name.lower()
    for article in LEADING_ARTICLES:
        if lowered.startswith(article) and len(name) > len(article):
            name = name[len(article) :]
            break
    name = _POSSESSIVE.sub("", name).strip(edges)
    if _INITIALISM.fullmatch(name):
        return name.replace(".", "")  # U.N. → UN, U.S. → US
    return name.strip(_EDGE_JUNK)


def name_key(name: str) -> str:
    """Case- and accent-blind key of a cleaned name; hyphens and spaces count alike."""
    return " ".join(fold(name).replace("-", " ").split())


def name_words(name: str) -> list[str]:
    """The words of a cleaned name (hyphenated parts stay one word: ``Kassym-Jomart``)."""
    return _WORD.findall(name)


def surname(name: str) -> str:
    """Key of the last word of a person's name (``"Abdul Latif Pedram"`` → ``"pedram"``)."""
    words = name_key(name).split()
    return words[-1] if words else ""


def is_acronym(name: str) -> bool:
    """Two to eight capital letters (digits and ``&`` allowed after the first): ``NRF``, ``CSTO``, ``G7``."""
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&]{1,7}", name))


def initials(name: str) -> str:
    """Capitalised initials of the content words: ``"Collective Security Treaty Organization"`` → ``"CSTO"``."""
    letters = []
    for word in name_key(name).split():
        if word not in ACRONYM_SKIP_WORDS and word[:1].isalnum():
            letters.append(word[0])
    return "".join(letters).upper()


def acronym_matches(acronym: str, name: str, *, strict: bool) -> bool:
    """Whether ``acronym`` abbreviates ``name``.

    Strict: the acronym equals the initials of the content words (with or without function words).
    Loose (used when the text itself defines the acronym, ``"Islamic State (ISIS)"``): the acronym's letters
    appear in order in the name, the first at the name's first letter.
    """
    acronym = acronym.upper().replace("&", "")
    words = name_key(name).split()
    if len(words) < 2 or not acronym:
        return False
    every_initial = "".join(word[0] for word in words if word[:1].isalnum()).upper()
    if acronym in (initials(name), every_initial):
        return True
    if strict:
        return False
    letters = "".join(words).upper()
    if not letters or letters[0] != acronym[0]:
        return False
    position = 0
    for letter in acronym:
        position = letters.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def spelling_variant(first: str, second: str) -> bool:
    """Whether two different names differ only in vowels: same consonant skeleton (four consonants or more),
    same first letter, same number of words, lengths within two characters and at most two letter edits."""
    a, b = name_key(first), name_key(second)
    if not a or not b or a == b or a[0] != b[0]:
        return False
    if len(a.split()) != len(b.split()) or abs(len(a) - len(b)) > 2:
        return False
    shape = skeleton(a)
    if len(shape.replace(" ", "")) < MIN_VARIANT_CONSONANTS or shape != skeleton(b):
        return False
    return _edits(a, b) <= MAX_VARIANT_EDITS


def _edits(a: str, b: str) -> int:
    """Levenshtein distance."""
    previous = list(range(len(b) + 1))
    for i, left in enumerate(a, start=1):
        current = [i]
        for j, right in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (left != right)))
        previous = current
    return previous[-1]


def variant_key(name: str) -> str:
    """Index key for :func:`spelling_variant` look-ups: first letter, word count and skeleton."""
    key = name_key(name)
    if not key:
        return ""
    return f"{key[0]}|{len(key.split())}|{skeleton(key)}"


def middle_initials(key: str) -> tuple[str, str]:
    """A person's name key without its middle initials, and the initials: ``"donald j trump"`` → ``("donald
    trump", "j")``, ``"george h w bush"`` → ``("george bush", "hw")``, ``"donald trump"`` → ``("donald trump", "")``."""
    words = key.split()
    middle = [word for word in words[1:-1] if len(word) == 1]
    if len(words) < 3 or not middle:
        return key, ""
    return " ".join([words[0], *(word for word in words[1:-1] if len(word) > 1), words[-1]]), "".join(middle)


def same_but_initials(key: str, seen: dict[str, tuple[str, str]], lookup: Callable[[str], str | None]) -> str | None:
    """The entity a person's full name shares with the same name but for its middle initials ("Donald J. Trump",
    "Donald Trump"), unless two different initials are known for the name ("George W. Bush" and "George H. W. Bush"
    stay apart, a son not his father). ``seen``: name keys without initials → (entity id, initials, or ``*`` once
    two differ), kept by :func:`remember_initials`; ``lookup``: the entity of a name key, if any."""
    plain, middle = middle_initials(key)
    known = seen.get(plain)
    if middle and known is not None and known[1] != middle:
        return None  # another initial is known: :func:`remember_initials` marks the name ambiguous
    if not middle:
        return None if known is None or known[1] == "*" else known[0]
    return lookup(plain)


def remember_initials(key: str, entity_id: str, seen: dict[str, tuple[str, str]]) -> None:
    """Record the initials of a person's full name as read (``*`` once two differ), for :func:`same_but_initials`."""
    plain, middle = middle_initials(key)
    if middle:
        known = seen.setdefault(plain, (entity_id, middle))
        if known[1] != middle:
            seen[plain] = (known[0], "*")


def vote(votes: dict[str, int], value: str | None) -> None:
    """Count one vote for ``value`` (none for an empty one)."""
    if value:
        votes[value] = votes.get(value, 0) + 1


def top_vote(votes: dict[str, int]) -> str | None:
    """The value with the most votes, the first counted among equals."""
    best: str | None = None
    for value, count in votes.items():
        if best is None or count > votes[best]:
            best = value
    return best
