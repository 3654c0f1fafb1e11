"""Words, sentences, anchors and hashes: offsets map back to the text, the index's fast path agrees."""

from __future__ import annotations

import unicodedata

import numpy as np
from copies_helpers import seed_text
from hypothesis import assume, given
from hypothesis import strategies as st

from storyline.copies.text import (
    WORD_RE,
    anchor_key,
    anchors,
    fast_tokens,
    fold_ascii,
    hash_tokens,
    normalise,
    sentences,
    shingle_hashes,
    words,
)

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)


@given(TEXT)
def test_word_offsets_point_at_the_words(text: str) -> None:
    found = words(text)
    for form, start, end in zip(found.forms, found.starts, found.ends, strict=True):
        assert normalise(text[start:end]) == form


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=300))
def test_ascii_words_are_found_as_in_any_other_text(text: str) -> None:
    """The ASCII path of words (one pass over the lowered text) gives what the general path gives."""
    found = words(text)
    spans = [match.span() for match in WORD_RE.finditer(text)]
    assert list(zip(found.starts, found.ends, strict=True)) == spans
    assert list(found.forms) == [normalise(text[start:end]) for start, end in spans]


@given(TEXT)
def test_fast_tokens_give_the_same_forms_as_words(text: str) -> None:
    # The index normalises the whole text before splitting, ``words`` each word after: they agree wherever NFKC
    # leaves the text as it is (it may split compatibility characters such as "¼" into several words).
    assume(unicodedata.normalize("NFKC", text) == text)
    forms, _ = fast_tokens(text)
    assert [normalise(f) for f in forms] == [normalise(f) for f in words(text).forms]


@given(TEXT)
def test_sentence_spans_lie_inside_the_text_in_order(text: str) -> None:
    spans = sentences(text, min_words=1)
    last_end = 0
    for start, end in spans:
        assert last_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        last_end = end


def test_sentences_of_a_real_article() -> None:
    text = seed_text("000")
    spans = sentences(text)
    assert len(spans) >= 15
    assert text[slice(*spans[0])].startswith("The Afghan resistance forces are ready")
    assert all(text[s:e].count("\n") == 0 for s, e in spans)


def test_anchors_keep_names_and_numbers_and_skip_sentence_starts() -> None:
    found = anchors("Yesterday Abdul Latif Pedram met 2,700 troops. Then he left for Dushanbe.")
    assert found == ["abdul", "latif", "pedra", "#2", "#700", "dusha"]  # digit groups are words of their own
    assert fold_ascii("Педрам") == "pedram"
    assert anchor_key("Pedram") == anchor_key("Педрам") == "pedra"


def test_fast_anchor_words_match_the_anchors_of_a_real_article() -> None:
    text = seed_text("000")
    _, raw = fast_tokens(text)
    keys = [k for k in map(anchor_key, raw) if k is not None]
    assert set(anchors(text)) <= set(keys) | {"#6"}
    assert {"pedra", "tajik", "talib", "dusha"} <= set(keys)


@given(st.lists(st.text(min_size=1, max_size=8), min_size=0, max_size=40))
def test_shingle_hashes_are_stable_and_order_sensitive(tokens: list[str]) -> None:
    first = shingle_hashes(hash_tokens(tokens), 3)
    again = shingle_hashes(hash_tokens(list(tokens)), 3)
    assert np.array_equal(first, again)
    assert len(first) == max(len(tokens) - 2, 1 if tokens else 0)
    if len(set(tokens)) >= 4:
        assert not np.array_equal(first, shingle_hashes(hash_tokens(tokens[::-1]), 3)) or tokens == tokens[::-1]
