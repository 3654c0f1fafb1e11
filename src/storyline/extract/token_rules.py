"""Array-based stand-ins for the parser pipeline's two per-token Python components, with identical output.

``en_core_web_md`` ends with an ``attribute_ruler`` (179 token patterns: the tag map that gives every token its
coarse part of speech and morphology, then exceptions such as ``PRP`` + ``him`` → lemma ``he``) and a rule
``lemmatizer``. Both visit every token through Python objects: on the 241,063 words of the ECB+ documents they
cost 3.4 s and 3.0 s, a third of the whole parse. The stand-ins here read and write the ``Doc``'s attribute arrays
instead (``Doc.to_array`` / ``Doc.from_array``) and remember their answers:

- :class:`AttributeRules` compiles the loaded ruler's patterns (exact values, ``IN``, ``NOT_IN`` and ``REGEX`` over
  ``LOWER``, ``TAG``, ``DEP`` and ``IS_SPACE``; one or two tokens). It finds which token patterns a token meets
  once per distinct (tag, lowercase form, dependency, space) and applies every match in the ruler's order, later
  patterns overriding earlier ones, as spaCy's ``AttributeRuler`` does (all matches are found before any is
  applied).
- :class:`RememberingLemmatizer` asks the loaded lemmatizer once per (form, part of speech, morphology): spaCy's
  rule lemmatizer reads nothing else (its own cache is keyed the same way), so the answer cannot differ. Tokens
  whose lemma is already set (by the ruler's exceptions) keep it.

:func:`install` puts them in place of the two components, under the same names. Anything the compiler does not
understand (another operator, an attribute it does not read, a longer pattern) leaves the pipeline as it was.
``tests/extract/test_token_rules.py`` checks that a parse is byte-identical with and without them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_READ = ("TAG", "LOWER", "DEP", "IS_SPACE")  # what a token pattern may test, in the column order of the arrays
_WRITE = ("POS", "MORPH", "LEMMA", "TAG", "DEP")  # what a rule may set


class UnsupportedPattern(ValueError):
    """A ruler pattern this compiler does not handle: the original component stays."""


@dataclass(frozen=True)
class _ValueTest:
    """What one pattern entry asks of one attribute: a value among ``members`` (or not, if ``negated``), or a
    lowercase form that ``regex`` finds something in."""

    members: frozenset[int] = frozenset()
    negated: bool = False
    regex: re.Pattern[str] | None = None


def _value_test(value: Any, hashed: Callable[[Any], int]) -> _ValueTest:
    if isinstance(value, (str, bool, int)):
        return _ValueTest(frozenset({hashed(value)}))
    if isinstance(value, dict) and len(value) == 1:
        ((operator, argument),) = value.items()
        if operator in ("IN", "NOT_IN") and isinstance(argument, list):
            return _ValueTest(frozenset(hashed(item) for item in argument), negated=operator == "NOT_IN")
        if operator == "REGEX" and isinstance(argument, str):
            return _ValueTest(regex=re.compile(argument))
    raise UnsupportedPattern(f"pattern value {value!r}")


@dataclass(frozen=True)
class _Rule:
    order: int  # the ruler's pattern order: a later rule overrides an earlier one
    tokens: tuple[int, ...]  # token-test ids, one per token of the pattern
    index: int  # which token of the match takes the attributes
    values: tuple[tuple[int, int], ...]  # (column in _WRITE, value hash)


class AttributeRules:
    """A spaCy ``AttributeRuler``'s patterns, applied over a ``Doc``'s attribute arrays (same result)."""

    def __init__(self, ruler: Any) -> None:
        from spacy.attrs import IDS

        strings = ruler.vocab.strings
        self._strings = strings
        self._read_ids = [IDS[name] for name in _READ]
        self._write_ids = [IDS[name] for name in _WRITE]
        # Token tests: test id -> the columns it reads; per column, the exact values that pass each test
        # (``_exact``) and the tests that must look at the value itself (``_general``).
        self._test_columns: list[tuple[int, ...]] = []
        self._exact: list[dict[int, set[int]]] = [{} for _ in _READ]
        self._general: list[list[tuple[int, _ValueTest]]] = [[] for _ in _READ]
        rules: list[_Rule] = []

        def hashed(value: Any) -> int:
            if isinstance(value, (bool, int)):  # a flag, or a value given as its hash
                return int(value)
            return int(strings.add(value)) if value else 0

        write_ids = {attr_id: column for column, attr_id in enumerate(self._write_ids)}
        described = ruler.patterns  # in the ruler's order, each with its (normalised) attributes in ruler.attrs
        for order, (description, attrs) in enumerate(zip(described, ruler.attrs, strict=True)):
            if set(attrs) - set(write_ids):
                raise UnsupportedPattern(f"attributes {attrs}")
            index = int(description.get("index", 0))
            values = tuple(sorted((write_ids[attr_id], int(value)) for attr_id, value in attrs.items()))
            for pattern in description["patterns"]:
                if not 1 <= len(pattern) <= 2 or not -len(pattern) <= index < len(pattern):
                    raise UnsupportedPattern(f"pattern {pattern}")
                rules.append(
                    _Rule(
                        order, tuple(self._add_test(entry, hashed) for entry in pattern), index % len(pattern), values
                    )
                )
        self._single_of_test: dict[int, list[_Rule]] = {}
        self._double_of_test: dict[int, list[_Rule]] = {}
        for rule in rules:
            table = self._single_of_test if len(rule.tokens) == 1 else self._double_of_test
            table.setdefault(rule.tokens[0], []).append(rule)
        # Per column, each value's passing tests as the id of an interned set; per combination of those ids, the
        # tests met and what the one-token rules write (see _Match).
        self._passing_sets: list[frozenset[int]] = []
        self._passing_ids: dict[frozenset[int], int] = {}
        self._value_ids: list[dict[int, int]] = [{} for _ in _READ]
        self._matches: dict[tuple[int, ...], _Match] = {}

    def _add_test(self, entry: dict[str, Any], hashed: Callable[[Any], int]) -> int:
        if not entry or set(entry) - set(_READ):
            raise UnsupportedPattern(f"token pattern {entry}")
        test_id = len(self._test_columns)
        columns = []
        for name, value in entry.items():
            column = _READ.index(name)
            columns.append(column)
            test = _value_test(value, hashed)
            if test.regex is None and not test.negated:
                for member in test.members:
                    self._exact[column].setdefault(member, set()).add(test_id)
            else:
                self._general[column].append((test_id, test))
        self._test_columns.append(tuple(columns))
        return test_id

    def _value_id(self, column: int, value: int) -> int:
        """The id of the set of tests whose entry for ``column`` this value passes."""
        found = set(self._exact[column].get(value, ()))
        for test_id, test in self._general[column]:
            if test.regex is not None:
                if test.regex.search(str(self._strings[value])) is not None:
                    found.add(test_id)
            elif value not in test.members:  # NOT_IN
                found.add(test_id)
        passing = frozenset(found)
        set_id = self._passing_ids.get(passing)
        if set_id is None:
            set_id = self._passing_ids[passing] = len(self._passing_sets)
            self._passing_sets.append(passing)
        self._value_ids[column][value] = set_id
        return set_id

    def _match(self, key: tuple[int, ...]) -> _Match:
        """What a token whose columns pass the interned test sets ``key`` meets, and what its one-token rules write."""
        passing = [self._passing_sets[set_id] for set_id in key]
        candidates = frozenset().union(*passing)
        met = frozenset(
            test_id
            for test_id in candidates
            if all(test_id in passing[column] for column in self._test_columns[test_id])
        )
        values = [0] * len(_WRITE)
        orders = [-1] * len(_WRITE)
        for rule in sorted((r for t in met for r in self._single_of_test.get(t, ())), key=lambda r: r.order):
            for column, value in rule.values:  # in the ruler's order: a later rule overrides
                values[column] = value
                orders[column] = rule.order
        match = self._matches[key] = _Match(met, tuple(values), tuple(order >= 0 for order in orders), tuple(orders))
        return match

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        tags, lowers, deps, spaces = self._value_ids  # the columns of _READ
        matches = self._matches
        found: list[_Match] = []
        for tag, lower, dep, space in doc.to_array(self._read_ids).tolist():
            key = (
                tags[tag] if tag in tags else self._value_id(0, tag),
                lowers[lower] if lower in lowers else self._value_id(1, lower),
                deps[dep] if dep in deps else self._value_id(2, dep),
                spaces[space] if space in spaces else self._value_id(3, space),
            )
            found.append(matches.get(key) or self._match(key))
        written: Any = doc.to_array(self._write_ids)  # uint64, one row per token
        sets = np.array([match.sets for match in found], dtype=bool)
        if not sets.any() and not self._double_of_test:
            return doc
        written = np.where(sets, np.array([match.values for match in found], dtype=np.uint64), written)
        if self._double_of_test:
            self._apply_two_token_rules(found, written)
        doc.from_array(self._write_ids, written)
        return doc

    def _apply_two_token_rules(self, found: list[_Match], written: Any) -> None:
        """Two-token rules (``gon na``, ``let 's``): each applies where it is later in the ruler's order than what
        already set that attribute of its token, as applying every match in that order would leave it."""
        orders: dict[tuple[int, int], int] = {}
        for position in range(len(found) - 1):
            for test_id in found[position].met:
                for rule in self._double_of_test.get(test_id, ()):
                    if rule.tokens[1] not in found[position + 1].met:
                        continue
                    target = position + rule.index
                    for column, value in rule.values:
                        before = orders.get((target, column), found[target].orders[column])
                        if rule.order >= before:
                            written[target, column] = value
                            orders[target, column] = rule.order


@dataclass(frozen=True)
class _Match:
    """For one kind of token: the token tests it meets, and what its one-token rules write (per column of _WRITE:
    the value, whether a rule sets it, and the order of the rule that does)."""

    met: frozenset[int]
    values: tuple[int, ...]
    sets: tuple[bool, ...]
    orders: tuple[int, ...]


class RememberingLemmatizer:
    """A spaCy rule lemmatizer asked once per (form, part of speech, morphology); lemmas already set are kept."""

    def __init__(self, lemmatizer: Any) -> None:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
            raise UnsupportedPattern("only a rule lemmatizer that keeps set lemmas is remembered")
        self._lemmatizer = lemmatizer
        self._strings = lemmatizer.vocab.strings
        self._columns = [ORTH, POS, MORPH, LEMMA]
        self._lemma_id = LEMMA
        self._known: dict[tuple[int, int, int], int] = {}
        _index_word_lists(lemmatizer)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows: Any = doc.to_array(self._columns)  # uint64, one row per token
        lemmas = rows[:, 3:4].copy()
        known = self._known
        changed = False
        for position, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            found = known.get(key)
            if found is None:
                found = known[key] = int(self._strings.add(self._lemmatizer.lemmatize(doc[position])[0]))
            lemmas[position, 0] = found
            changed = True
        if changed:
            doc.from_array([self._lemma_id], lemmas)
        return doc


class _WordList(list[str]):
    """A list of words that answers ``word in words`` from a set (same answers, no scan of 57,528 nouns)."""

    def __init__(self, words: list[str]) -> None:
        super().__init__(words)
        self._members = frozenset(words)

    def __contains__(self, word: object) -> bool:
        return word in self._members


def _index_word_lists(lemmatizer: Any) -> None:
    """Give the lemmatizer's word index (``lemma_index``: a list of known lemmas per part of speech, which spaCy
    searches with ``in`` for every candidate form) set-backed lists: a new form cost 100 µs, two thirds of the
    lemmatizer's time on news text."""
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list) and not isinstance(words, _WordList):
            table[key] = _WordList(words)


RULES_COMPONENT = "storyline_attribute_rules"
LEMMATIZER_COMPONENT = "storyline_remembering_lemmatizer"


def install(nlp: Language) -> list[str]:
    """Replace ``attribute_ruler`` and ``lemmatizer`` of ``nlp`` by their array-based stand-ins (same names, same
    places); return the names replaced (none where a component is missing or its patterns are not understood)."""
    replaced: list[str] = []
    for name, build in (("attribute_ruler", AttributeRules), ("lemmatizer", RememberingLemmatizer)):
        if name not in nlp.pipe_names:
            continue
        try:
            standin = build(nlp.get_pipe(name))
        except UnsupportedPattern:
            continue
        _swap(nlp, name, standin)
        replaced.append(name)
    return replaced


def _swap(nlp: Language, name: str, component: Callable[[Doc], Doc]) -> None:
    """Put ``component`` in the place of the pipe ``name``, keeping the name (a plain function component)."""
    from spacy.language import Language

    factory = RULES_COMPONENT if isinstance(component, AttributeRules) else LEMMATIZER_COMPONENT
    if not Language.has_factory(factory):
        Language.factory(factory, func=_from_registry)
    index = nlp.pipe_names.index(name)
    nlp.remove_pipe(name)
    _REGISTRY[name] = component
    nlp.add_pipe(factory, name=name, before=nlp.pipe_names[index] if index < len(nlp.pipe_names) else None)
    del _REGISTRY[name]


_REGISTRY: dict[str, Callable[[Doc], Doc]] = {}


def _from_registry(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return _REGISTRY[name]


__all__ = ["AttributeRules", "RememberingLemmatizer", "UnsupportedPattern", "install"]
