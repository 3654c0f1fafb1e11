"""Spin score on real articles: the spun Financial Times copy is flagged with its telltale phrases."""

from __future__ import annotations

from copies_helpers import seed_text
from hypothesis import given
from hypothesis import strategies as st

from storyline.copies.evidence import SpinEvidence, SpinPhrase
from storyline.copies.spin import SpinScorer


def test_the_spun_article_is_flagged_with_its_telltale_phrases(scorer: SpinScorer) -> None:
    text = seed_text("002")
    evidence = scorer.score(text, "en")
    assert evidence is not None and evidence.flagged and evidence.score >= 0.5
    found = {p.text.lower() for p in evidence.phrases}
    assert any("performing president" in f for f in found)
    assert any("worldwide group" in f for f in found)
    for phrase in evidence.phrases:
        assert text[phrase.start : phrase.end] == phrase.text
        assert phrase.expected != phrase.text and phrase.surprise > 0
    performing = next(p for p in evidence.phrases if "performing president" in p.text)
    assert "acting president" in performing.expected


def test_plain_articles_are_not_flagged(scorer: SpinScorer) -> None:
    for prefix in ("000", "001", "003", "004"):
        evidence = scorer.score(seed_text(prefix), "en")
        assert evidence is not None and not evidence.flagged, prefix
        assert evidence.score < 0.5


def test_other_languages_and_tiny_texts_get_no_score(scorer: SpinScorer) -> None:
    assert scorer.score("Die afghanischen Widerstandskräfte sind bereit zu Gesprächen.", "de") is None
    assert scorer.score("Short text.", "en") is None


PHRASE = st.builds(
    SpinPhrase, st.integers(0, 10**6), st.integers(0, 10**6), st.text(), st.text(), st.floats(0, 100, allow_nan=False)
)


@given(st.floats(0, 1, allow_nan=False), st.booleans(), st.lists(PHRASE, max_size=5))
def test_spin_evidence_round_trips_through_dicts(score: float, flagged: bool, phrases: list[SpinPhrase]) -> None:
    evidence = SpinEvidence(score, flagged, tuple(phrases))
    assert SpinEvidence.from_dict(evidence.to_dict()) == evidence
