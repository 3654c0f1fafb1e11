"""Roles and titles of a mention, read from the text around it.

* Pre-name titles: ``"Tajik President Emomali Rahmon"`` → ``"Tajik President"``; ``"the leader of the National
  Congress Party Abdul Latif Pedram"`` → ``"leader of the National Congress Party"``; ``"NRF leader Ahmad
  Massoud"`` → ``"NRF leader"``. The title ends right before the name with a role word (any word of
  :data:`lexicon.ROLE_SECTORS`), optionally followed by ``of [the] Capitalised Words``; it extends leftwards over
  capitalised words, possessives and other role words (``"Soviet-era resistance chief"``), never over function
  words.
* Appositives: ``"Ismail Khan, a warlord of the Afghan province of Herat"``, ``"X (1953-2001), a once influential
  leader of …"``: the phrase after the comma up to the next comma, parenthesis, sentence end or relative pronoun,
  if a role or kinship word appears among its first six words. ``"… and the son of …"`` gives two roles.
* :func:`named_as_relative` says whether a full name is introduced as someone's relative (``"the son of
  legendary resistance fighter Ahmad Shah Massoud"``): the resolver then prefers other people of that surname
  for a bare surname.
"""

from __future__ import annotations

import re

from storyline.extract.entities.lexicon import KIN_WORDS, ROLE_SECTORS

_FUNCTION_WORDS = frozenset(
    [
        "on",
        "in",
        "at",
        "as",
        "the",
        "a",
        "an",
        "but",
        "and",
        "or",
        "with",
        "by",
        "from",
        "to",
        "of",
        "for",
        "such",
        "said",
        "says",
        "told",
        "that",
        "this",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "while",
        "when",
        "after",
        "before",
        "since",
        "between",
        "meanwhile",
        "according",
        "also",
        "who",
        "which",
        "where",
        "if",
        "than",
        "then",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "not",
        "no",
        "yes",
        "we",
        "they",
        "he",
        "she",
        "it",
        "i",
        "you",
        "our",
    ]
)
# A full stop that ends a sentence, not one of "U.S.", "Mr." or "Gen.".
_FULL_STOP = r"(?<![A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJr)(?<!\bSr)(?<!\bGen)(?<!\bLt)\.(?=\s|$)"
_CLAUSE_STOP = re.compile(rf"{_FULL_STOP}|[!?;:()\[\]\"“”«»\n—–]|,\s|\s-\s")
_APPOSITIVE_START = re.compile(r"\s*(?:\([^()\n]{0,60}\)\s*)?,\s+")
_APPOSITIVE_END = re.compile(rf"{_FULL_STOP}|[,;:!?()\[\]\"“”\n—–]|\s(?:who|which|whose|that|where|said|says|told)\s")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_KIN = "|".join(sorted(KIN_WORDS))
_RELATIVE_BEFORE = re.compile(rf"\b(?:{_KIN})s?\s+of\s+(?:the\s+)?(?:late\s+)?(?:[\w'’-]+\s+){{0,4}}$", re.IGNORECASE)
_MAX_TITLE_WORDS = 10
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "rev", "sheikh"})
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your"})
# Capitalised at the start of a clause, but never part of a title.
_SENTENCE_ADVERBS = frozenset(
    {"although", "though", "because", "however", "yesterday", "today", "tomorrow", "now", "even", "only", "just"}
    | {"still", "last", "next", "first", "during", "under", "over", "about", "against", "meanwhile", "earlier"}
    | {"later", "then", "also", "both", "all", "some", "many", "several", "most", "other"}
)
_AFTER_HEAD = frozenset({"", "of", "for", "at", "in", "to", "from", "and", "on", "with"})
_MODIFIERS = frozenset(
    {"former", "ex", "acting", "self-proclaimed", "self-declared", "deputy", "senior", "late", "then"}
)
_MAX_APPOSITIVE_WORDS = 14


def _word_key(word: str) -> str:
    return re.sub(r"['’]s?$", "", word).strip(".,").lower()


def is_role_word(word: str) -> bool:
    """A role or group word of the lexicon, singular or plural (``minister``, ``leaders``, ``Front``)."""
    key = _word_key(word)
    if key in ROLE_SECTORS:
        return True
    return key.endswith("s") and key[:-1] in ROLE_SECTORS


def _is_of_tail(words: list[str]) -> bool:
    """``of [the] Capitalised Words`` repeated: the tail of ``"Head of the National Congress Party of Afghanistan"``."""
    position = 0
    if not words:
        return True
    while position < len(words):
        if words[position].lower() != "of":
            return False
        position += 1
        if position < len(words) and words[position].lower() == "the":
            position += 1
        start = position
        while position < len(words) and (
            words[position][:1].isupper() or (position > start and is_role_word(words[position]))
        ):
            position += 1
        if position == start:
            return False
    return True


def title_before(text: str, start: int) -> str | None:
    """The title written right before a name at ``start`` (see the module docstring), or ``None``."""
    window = text[max(0, start - 200) : start]
    if not window.endswith((" ", "\u00a0")) or window.endswith("  "):
        return None
    stops = list(_CLAUSE_STOP.finditer(window))
    clause = window[stops[-1].end() :] if stops else window
    words = clause.split()
    if not words:
        return None
    head = None
    for position in range(len(words) - 1, -1, -1):
        word = words[position]
        if word.lower() in _FUNCTION_WORDS and word.lower() not in ("of", "the"):
            break
        if is_role_word(word) and _is_of_tail(words[position + 1 :]):
            head = position
    if head is None:
        return None
    first = head
    while first > 0 and head - first < 4:
        previous = words[first - 1]
        if previous.lower() in _FUNCTION_WORDS or previous.lower() in _SENTENCE_ADVERBS:
            break
        if previous.lower() == "turned" and first >= 2 and is_role_word(words[first - 2]):
            first -= 2  # "journalist turned politician"
            continue
        modifier = previous.lower() in _MODIFIERS
        if not (previous[:1].isupper() or is_role_word(previous) or previous[:1].isdigit() or modifier):
            break
        first -= 1
    if first == head == len(words) - 1 and words[head][:1].islower():
        # a lone lower-case word ("to force Saddam", "who head Acme") is a title only after a determiner or a
        # possessive ("the spokesman John Smith", "Acme's chairman John Smith")
        before = words[head - 1] if head > 0 else ""
        if not (before.lower() in _DETERMINERS or re.search(r"['’]s?$", before)):
            return None
    title = " ".join(words[first:])
    return title if len(words) - first <= _MAX_TITLE_WORDS else None


def _heads_phrase(words: list[str], position: int) -> bool:
    """A role or kinship word that ends the phrase or is followed by a preposition or ``and``: the head of a noun
    phrase (``"leader of …"``), not a subject (``"the resistance needs …"``)."""
    word = words[position]
    if not (is_role_word(word) or _word_key(word) in KIN_WORDS):
        return False
    following = words[position + 1].lower() if position + 1 < len(words) else ""
    return following in _AFTER_HEAD or (is_role_word(following) and position + 2 == len(words))


def appositive_roles(text: str, end: int) -> list[str]:
    """Role phrases in an appositive right after a name that ends at ``end`` (see the module docstring)."""
    opening = _APPOSITIVE_START.match(text, end)
    if opening is None:
        return []
    rest = text[opening.end() : opening.end() + 300]
    stop = _APPOSITIVE_END.search(rest)
    phrase = rest[: stop.start()] if stop else rest
    roles = []
    for part in re.split(r"\s+and\s+(?=(?:the|a|an)\s)", phrase):
        opened = _ARTICLE.match(part.strip()) is not None
        part = _ARTICLE.sub("", part.strip())
        words = part.split()
        if not words or len(words) > _MAX_APPOSITIVE_WORDS or words[0].lower() in _FUNCTION_WORDS:
            continue
        if words[0][:1].isdigit():
            continue  # "Deseret, 1.65 times …"
        if not (opened or words[0][:1].isupper() or is_role_word(words[0]) or words[0].lower() in _MODIFIERS):
            continue  # "Pedram, lead the …", "Nazary, who …": not a noun phrase
        if any(_heads_phrase(words, position) for position in range(min(6, len(words)))):
            roles.append(part)
    return roles


def split_title(name: str) -> tuple[str | None, str]:
    """A title written inside a person's mention, and the name after it: ``"President Vladimir Putin"`` →
    ``("President", "Vladimir Putin")``, ``"Mr. Antar"`` → ``("Mr.", "Antar")``. The last word always stays."""
    words = name.split()
    position = 0
    while position < len(words) - 1:
        word = words[position]
        honorific = word.rstrip(".").lower() in HONORIFICS
        if not (honorific or (word[:1].isupper() and is_role_word(word))):
            break
        position += 1
    if position == 0:
        return None, name
    return " ".join(words[:position]), " ".join(words[position:])


def mention_roles(text: str, start: int, end: int) -> list[str]:
    """Every title and appositive role of the person mentioned at ``[start, end)``."""
    roles = []
    title = title_before(text, start)
    if title:
        roles.append(title)
    roles.extend(appositive_roles(text, end))
    return roles


def named_as_relative(text: str, start: int) -> bool:
    """Whether the name at ``start`` follows ``son of``, ``cousin of the late`` and the like in its clause."""
    window = text[max(0, start - 120) : start]
    clause = re.split(r"[.!?;:()\n]|,\s", window)[-1]
    return _RELATIVE_BEFORE.search(clause) is not None


# "Ahmad Shah Massoud, nicknamed the Lion of Panjshir": the words between a person's name and another name of theirs
_NICKNAME_BEFORE = re.compile(r",\s*(?:nicknamed|dubbed|(?:also\s+)?known\s+as|called)\s+(?:the\s+)?$", re.IGNORECASE)


def nickname_comma(text: str, start: int) -> int | None:
    """Where the comma stands of ``, nicknamed the …`` right before the name at ``start`` (the name before the comma
    is the person the nickname is given to), or None."""
    match = _NICKNAME_BEFORE.search(text, max(0, start - 40), start)
    return None if match is None else match.start()
