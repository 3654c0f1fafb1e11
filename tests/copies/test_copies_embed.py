"""The sentence encoder: one model per process, unit vectors."""

from __future__ import annotations

import numpy as np

from storyline.copies.embed import SentenceEncoder


def test_encoders_share_one_model_and_give_unit_vectors(encoder: SentenceEncoder) -> None:
    texts = ["The minister resigned on Monday.", "Le ministre a démissionné lundi."]
    first = encoder.encode(texts)
    again = SentenceEncoder(threads=1).encode(texts)
    assert first.shape == (2, 512)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(first, again)  # the same model, the same thread count: the same numbers
    assert float(first[0] @ first[1]) > 0.7  # a sentence and its translation


def test_the_model_leaves_the_blas_threads_to_the_encoder() -> None:
    # The package sets BLAS to its own thread count (default 4) wherever threadpoolctl is installed (scikit-learn,
    # for `make cue-model`, brings it): on two cores that made an ingest run ten times slower. None leaves the
    # count to SentenceEncoder.threads (storyline.blas).
    from storyline.copies.embed import _model

    assert _model().threads is None
