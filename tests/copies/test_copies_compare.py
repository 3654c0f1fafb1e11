"""Comparing real articles: each kind of copy, and the pairs that must not be linked."""

from __future__ import annotations

import re

from copies_helpers import FIXTURES, seed_text

from storyline.copies.compare import compare, prepare
from storyline.copies.embed import SentenceEncoder


def _prepared(name: str, text: str, language: str = "en"):  # type: ignore[no-untyped-def]
    return prepare(name, text, language)


def test_the_same_words_with_other_punctuation_are_exact(encoder: SentenceEncoder) -> None:
    text = seed_text("000")
    copy = text.replace("“", '"').replace("”", '"').replace("\n", "\n\n")
    match = compare(_prepared("copy", copy), _prepared("orig", text), encoder.encode)
    assert match.kind == "exact"


def test_a_syndicated_copy_is_near_with_verbatim_passages(encoder: SentenceEncoder) -> None:
    text = seed_text("000")
    paragraphs = text.split("\n")
    copy = "MOSCOW (Wire) - " + "\n".join(paragraphs[:-3]) + "\nRead more on our site."
    match = compare(_prepared("copy", copy), _prepared("orig", text), encoder.encode)
    assert match.kind == "near"
    assert match.passages and all(p.how == "verbatim" for p in match.passages)
    longest = max(match.passages, key=lambda p: p.end - p.start)
    assert copy[longest.start : longest.end].lower() == text[longest.other_start : longest.other_end].lower()


def test_swapping_many_words_in_place_is_spun_and_the_order_of_arguments_does_not_matter(
    encoder: SentenceEncoder,
) -> None:
    text = seed_text("003")
    # Swap every third longer lowercase word for another word of the same article: a crude spinner.
    pool = sorted({w for w in re.findall(r"\b[a-z]{5,}\b", text)})
    count = 0

    def swap(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return pool[(count * 7) % len(pool)] if count % 3 == 0 else match.group()

    spun = re.sub(r"\b[a-z]{5,}\b", swap, text)
    forward = compare(_prepared("spun", spun), _prepared("orig", text), encoder.encode)
    backward = compare(_prepared("orig", text), _prepared("spun", spun), encoder.encode)
    assert forward.kind == backward.kind == "spun"
    assert any(p.how == "substituted" for p in forward.passages)


def test_a_translation_is_translated(encoder: SentenceEncoder) -> None:
    german = (FIXTURES / "000_de_translation.txt").read_text(encoding="utf-8")
    match = compare(_prepared("de", german, "de"), _prepared("en", seed_text("000")), encoder.encode)
    assert match.kind == "translated"
    assert sum(p.how == "semantic" for p in match.passages) >= 5


def test_reports_on_the_same_topic_are_not_copies(encoder: SentenceEncoder) -> None:
    for a, b in (("000", "002"), ("000", "003"), ("003", "004"), ("001", "002"), ("002", "004")):
        match = compare(_prepared(a, seed_text(a)), _prepared(b, seed_text(b)), encoder.encode)
        assert match.kind is None, (a, b, match.features)


def test_the_tass_interview_and_its_reworded_translation_are_a_rewrite(encoder: SentenceEncoder) -> None:
    first, second = seed_text("000"), seed_text("001")
    match = compare(_prepared("001", second), _prepared("000", first), encoder.encode)
    assert match.kind == "rewrite"
    quotes = [second[p.start : p.end] for p in match.passages]
    assert any("patriotic duty" in q for q in quotes)
    assert any("Afghan people who must make some kind of decision" in q for q in quotes)
