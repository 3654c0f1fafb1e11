"""A regular expression guarded by the characters its matches can start with: the same matches, found sooner.

Python's ``re`` tries a pattern at every position of the text. The time rules begin with a look-behind and optional
words (``(?<![\\w.-])(?:the\\s+)?(?:early|late|mid)?…``), so at every word start the engine walks their alternatives
before it fails. :func:`guarded` works out, from the pattern's syntax tree, the set of characters a match can begin
with, and puts a look-ahead for them in front: ``(?=(?i:[…])|[…])(?:pattern)`` (letters case-blind, other
characters as they are). Where that character is not there, no
match of the pattern can start either, so the matches, their groups and their spans are those of the pattern
itself. The character class is case-insensitive, a superset of what any case-insensitive literal of the pattern
matches (``k`` and the Kelvin sign alike).

Where the set cannot be worked out or is not worth it (a match may be empty; a first element is a negated class, a
back reference, a category such as ``\\d``, ``\\w`` or ``\\s``, or a construct the analysis does not know), the
pattern is returned unchanged: a look-ahead for the 680 decimal digits of all scripts costs more than it saves.
The analysis reads ``re._parser``, CPython's own parser; if it is missing or fails, the pattern is also returned
unchanged. ``tests/extract/test_time_properties.py`` checks that every time rule finds the same matches and
groups either way; ``tests/extract/test_first_chars.py`` what is guarded and what is left alone.
"""

from __future__ import annotations

import re
from typing import Any


class _Open(Exception):
    """The first character of a match cannot be bounded."""


def guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a look-ahead for the characters its matches can start with (itself if none can be found)."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]

        firsts, may_be_empty = _first(list(_parser.parse(pattern.pattern, pattern.flags)), _constants)
        if may_be_empty or not firsts:
            return pattern
        cased = "".join(re.escape(char) for char in sorted(firsts) if char.lower() != char.upper())
        uncased = "".join(re.escape(char) for char in sorted(firsts) if char.lower() == char.upper())
        classes = [f"(?i:[{cased}])"] if cased else []  # case-blind: a superset of any case-blind literal
        classes += [f"[{uncased}]"] if uncased else []  # digits, punctuation: one bitmap look-up
        end = "\n)" if pattern.flags & re.VERBOSE else ")"  # a verbose pattern may end in a comment
        return re.compile(f"(?={'|'.join(classes)})(?:{pattern.pattern}{end}", pattern.flags)
    except (_Open, ImportError, AttributeError, TypeError, ValueError, re.error):
        return pattern


def _first(items: list[tuple[Any, Any]], c: Any) -> tuple[set[str], bool]:
    """The characters a sequence of parsed items can start with, and whether it can match nothing."""
    found: set[str] = set()
    for op, argument in items:
        chars, may_be_empty = _first_of(op, argument, c)
        found |= chars
        if not may_be_empty:
            return found, False
    return found, True


def _first_of(op: Any, argument: Any, c: Any) -> tuple[set[str], bool]:
    if op is c.LITERAL:
        return {chr(argument)}, False
    if op is c.IN:
        return _class_members(argument, c), False
    if op is c.BRANCH:
        found: set[str] = set()
        may_be_empty = False
        for alternative in argument[1]:
            chars, empty = _first(alternative, c)
            found |= chars
            may_be_empty = may_be_empty or empty
        return found, may_be_empty
    if op is c.SUBPATTERN:
        return _first(list(argument[3]), c)
    if op is c.ATOMIC_GROUP:
        return _first(list(argument), c)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, repeated = argument
        chars, may_be_empty = _first(list(repeated), c)
        return chars, low == 0 or may_be_empty
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):  # zero width: the next item starts the match
        return set(), True
    raise _Open(str(op))


def _class_members(items: list[tuple[Any, Any]], c: Any) -> set[str]:
    found: set[str] = set()
    for op, argument in items:
        if op is c.LITERAL:
            found.add(chr(argument))
        elif op is c.RANGE and argument[1] - argument[0] <= 2000:
            found.update(chr(code) for code in range(argument[0], argument[1] + 1))
        else:  # a negated class, \d, \w, \s, a wide range: too many first characters to be worth a look-ahead
            # (the 680 decimal digits of all scripts make one that costs more than the pattern's own start)
            raise _Open(str(op))
    return found
