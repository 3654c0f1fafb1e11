"""The CoNLL-2003 benchmark: reader and writer round-trip, and the conlleval-compatible scorer."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.training.iob_utils import iob_to_biluo

from baseline import floors
from storyline.errors import StorylineError
from storyline.eval.ner import (
    ConllSentence,
    ConllToken,
    evaluate_ner,
    format_conll,
    parse_conll,
    read_conll,
    score_conll_text,
    score_sentences,
    tag_chunks,
    to_iob1,
    uses_iob1,
    write_conll,
)

CONLL = Path(__file__).resolve().parents[3] / "shared" / "bench" / "ner" / "conll2003"
needs_conll = pytest.mark.skipif(not (CONLL / "eng.testa").is_file(), reason="../shared/bench/ner is not here")

# Gold in IOB1 (CoNLL-2003's scheme), predictions in IOB2, a -DOCSTART- line, two sentences.
# Gold chunks: EU/ORG, German/MISC, British/MISC, Peter Blackburn/PER, Brussels/LOC,
#              Fischler/PER and Franz/PER (split by B-).
# Predicted: EU/ORG (right), German/MISC (right), British/LOC (wrong type), Peter/PER (wrong end),
#            Brussels/LOC (right), Fischler Franz/PER (one chunk where gold has two: wrong).
SNIPPET = """\
-DOCSTART- -X- -X- O O

EU NNP I-NP I-ORG B-ORG
rejects VBZ I-VP O O
German JJ I-NP I-MISC B-MISC
call NN I-NP O O
to TO I-VP O O
boycott VB I-VP O O
British JJ I-NP I-MISC B-LOC
lamb NN I-NP O O
. . O O O

Peter NNP I-NP I-PER B-PER
Blackburn NNP I-NP I-PER O
in IN I-PP O O
Brussels NNP I-NP I-LOC B-LOC
with IN I-PP O O
Fischler NNP I-NP I-PER B-PER
Franz NNP I-NP B-PER I-PER
"""


def test_scorer_counts_chunks_like_conlleval() -> None:
    score = score_conll_text(SNIPPET)
    # Figures checked with conlleval.pl 2004-01-26 on the same text.
    assert (score.overall.gold, score.overall.predicted, score.overall.correct) == (7, 6, 3)
    assert score.overall.precision == pytest.approx(3 / 6)
    assert score.overall.recall == pytest.approx(3 / 7)
    assert score.overall.f1 == pytest.approx(2 * (3 / 6) * (3 / 7) / (3 / 6 + 3 / 7))
    assert [(s.label, s.gold, s.predicted, s.correct) for s in score.per_type] == [
        ("LOC", 1, 2, 1),
        ("MISC", 2, 1, 1),
        ("ORG", 1, 1, 1),
        ("PER", 3, 2, 0),
    ]
    assert score.tokens == 17  # the -DOCSTART- line counts as a token, as in conlleval
    assert score.correct_tags == 9  # token accuracy compares raw tags: IOB1 I-ORG is not IOB2 B-ORG
    assert "FB1:  46.15" in score.report()


def test_reader_keeps_columns_and_handles_crlf() -> None:
    sentences = parse_conll(SNIPPET.replace("\n", "\r\n"))
    assert [len(sentence.tokens) for sentence in sentences] == [1, 9, 7]
    assert sentences[0].is_document_start and not sentences[1].is_document_start
    assert sentences[1].tokens[0] == ConllToken(("EU", "NNP", "I-NP", "I-ORG", "B-ORG"))
    assert sentences[2].words[:2] == ["Peter", "Blackburn"]


def test_reader_rejects_ragged_columns(tmp_path: Path) -> None:
    path = tmp_path / "bad.conll"
    path.write_text("EU NNP I-NP I-ORG\nrejects O\n", encoding="utf-8")
    with pytest.raises(StorylineError, match="E620"):
        read_conll(path)


def test_prediction_column_is_appended_and_read_back(tmp_path: Path) -> None:
    sentences = parse_conll(SNIPPET)
    gold_only = [ConllSentence(tuple(ConllToken(t.fields[:-1]) for t in s.tokens)) for s in sentences]
    predicted = [[t.fields[-1] for t in s.tokens] for s in sentences]
    target = tmp_path / "out.conll"
    write_conll(target, gold_only, predicted)
    assert read_conll(target) == sentences
    assert score_sentences(gold_only, predicted) == score_conll_text(SNIPPET)


tags = st.sampled_from(["O", "O", "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "I-ORG", "B-MISC", "I-MISC"])
word_characters = st.characters(min_codepoint=33, max_codepoint=0x2FF, exclude_categories=("Cc", "Zs", "Zl", "Zp"))
words = st.text(alphabet=word_characters, min_size=1, max_size=8)
sentence_strategy = st.lists(st.tuples(words, st.sampled_from(["NNP", "VB", ","]), tags), min_size=1, max_size=12)


@given(st.lists(sentence_strategy, min_size=1, max_size=6))
@settings(max_examples=100, deadline=None)
def test_writer_and_reader_round_trip(raw: list[list[tuple[str, str, str]]]) -> None:
    sentences = [ConllSentence(tuple(ConllToken(fields) for fields in sentence)) for sentence in raw]
    assert parse_conll(format_conll(sentences)) == sentences
    predicted = [[fields[-1] for fields in sentence] for sentence in raw]
    with_predictions = parse_conll(format_conll(sentences, predicted))
    assert [[t.fields[:-1] for t in s.tokens] for s in with_predictions] == [
        [t.fields for t in s.tokens] for s in sentences
    ]


def _chunks_by_spacy(sentence_tags: list[str]) -> set[tuple[int, int, str]]:
    """Chunks from spaCy's own IOB reader, an independent implementation."""
    found, start = set(), 0
    for position, tag in enumerate(iob_to_biluo(sentence_tags)):
        if tag[:1] in "BU":
            start = position
        if tag[:1] in "LU":
            found.add((start, position + 1, tag[2:]))
    return found


@given(st.lists(st.lists(tags, min_size=1, max_size=10), min_size=1, max_size=5), st.randoms(use_true_random=False))
@settings(max_examples=150, deadline=None)
def test_scorer_agrees_with_exact_span_matching(gold: list[list[str]], random: object) -> None:
    import random as random_module

    assert isinstance(random, random_module.Random)
    predicted = [
        [random.choice(["O", "B-PER", "I-PER", "I-LOC", "B-LOC", tag]) for tag in sentence] for sentence in gold
    ]
    sentences = [ConllSentence(tuple(ConllToken((f"w{i}", tag)) for i, tag in enumerate(s))) for s in gold]
    score = score_sentences(sentences, predicted)
    gold_chunks = [_chunks_by_spacy(s) for s in gold]
    predicted_chunks = [_chunks_by_spacy(s) for s in predicted]
    assert [set(tag_chunks(s)) for s in gold] == gold_chunks
    assert score.overall.gold == sum(len(c) for c in gold_chunks)
    assert score.overall.predicted == sum(len(c) for c in predicted_chunks)
    assert score.overall.correct == sum(len(g & p) for g, p in zip(gold_chunks, predicted_chunks, strict=True))


@needs_conll
def test_real_dev_file_reads_and_scores_perfectly_against_itself() -> None:
    sentences = read_conll(CONLL / "eng.testa")
    assert sum(s.is_document_start for s in sentences) == 216
    text_sentences = [s for s in sentences if not s.is_document_start]
    assert len(text_sentences) == 3250
    score = score_sentences(sentences, [s.gold_tags for s in sentences])
    assert score.overall.f1 == 1.0
    assert {s.label: s.gold for s in score.per_type} == {"LOC": 1837, "MISC": 922, "ORG": 1341, "PER": 1842}


@given(st.lists(st.sampled_from(["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]), max_size=12))
def test_iob1_conversion_keeps_every_chunk(sentence_tags: list[str]) -> None:
    iob2 = [
        tag if not tag.startswith("I-") or (i and sentence_tags[i - 1][2:] == tag[2:]) else "B" + tag[1:]
        for i, tag in enumerate(sentence_tags)
    ]
    converted = to_iob1(iob2)
    assert tag_chunks(converted) == tag_chunks(iob2)
    for start, _, type_ in tag_chunks(converted):  # B- only where the previous token is in a chunk of this type
        assert converted[start].startswith("B-") == (start > 0 and converted[start - 1][2:] == type_)


def test_scheme_detection() -> None:
    sentences = parse_conll(SNIPPET)
    gold_iob1 = [ConllSentence(tuple(ConllToken(t.fields[:-1]) for t in s.tokens)) for s in sentences]
    assert uses_iob1(gold_iob1)
    assert not uses_iob1(sentences)  # the last column of the snippet is IOB2


@pytest.mark.slow
@needs_conll
def test_the_shipped_model_holds_its_floor_on_dev(tmp_path: Path) -> None:
    """The gate: the shipped recogniser on CoNLL-2003 dev against benchmarks/ner/baseline.json."""
    floor = floors("ner", "conll2003_dev")
    score = evaluate_ner(CONLL / "eng.testa", tmp_path / "dev.conll")
    assert score.overall.f1 >= floor["f1"]
    for label in ("PER", "LOC", "ORG", "MISC"):
        assert score.type_score(label).f1 >= floor[label.lower()], label
