"""Models shared by the copies tests: loading them once keeps the tests in seconds."""

from __future__ import annotations

import pytest

from storyline.copies import CopyState
from storyline.copies.embed import SentenceEncoder
from storyline.copies.spin import SpinScorer


@pytest.fixture(scope="session")
def encoder() -> SentenceEncoder:
    return SentenceEncoder()


@pytest.fixture(scope="session")
def scorer() -> SpinScorer:
    return SpinScorer()


@pytest.fixture
def copy_state(encoder: SentenceEncoder, scorer: SpinScorer) -> CopyState:
    return CopyState.create(sentence_encoder=encoder, spin_scorer=scorer)
