"""The sentence encoder: one model per process, unit vectors, and a bounded BLAS thread count."""

from __future__ import annotations

import numpy as np

from storyline.copies.embed import SentenceEncoder, blas_threads, openblas_threads


def test_encoders_share_one_model_and_give_unit_vectors(encoder: SentenceEncoder) -> None:
    texts = ["The minister resigned on Monday.", "Le ministre a démissionné lundi."]
    first = encoder.encode(texts)
    again = SentenceEncoder(threads=1).encode(texts)
    assert first.shape == (2, 512)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(first, again)  # the same model, the same thread count: the same numbers
    assert float(first[0] @ first[1]) > 0.7  # a sentence and its translation


def test_blas_threads_holds_inside_the_block_and_restores_after() -> None:
    control = openblas_threads()
    if control is None:  # numpy built against another BLAS: nothing to bound
        with blas_threads(1):
            return
    before = control.get()
    with blas_threads(1):
        assert control.get() == 1
    assert control.get() == before
