"""CoNLL-2003 named-entity benchmark: reader, prediction writer and conlleval-compatible scorer.

A CoNLL file holds one token per line, columns separated by spaces (word, part of speech, chunk, entity tag
in CoNLL-2003), and an empty line after each sentence; a ``-DOCSTART-`` line opens each document.
:func:`read_conll` reads it (``\\n`` or ``\\r\\n`` line ends) into :class:`ConllSentence` objects that keep every
column, so :func:`write_conll` can write the file back, with a prediction column appended when one is given.
That is the layout the ``conlleval`` script reads: the gold tag and the predicted tag are the last two columns.

:func:`score_lines` (and :func:`score_conll_file`) count chunks exactly as ``conlleval`` (2004-01-26) does. A
chunk starts and ends where conlleval's ``startOfChunk`` / ``endOfChunk`` say, for IOB1 (CoNLL-2003's own
scheme), IOB2 and IOE tags alike (like conlleval, it has no rule for IOBES's S tag); a predicted chunk is
correct when it starts and ends on the same tokens as a gold chunk of the same type. Precision is correct
over predicted chunks, recall correct over gold chunks, F1 their harmonic mean, overall and per type. Empty
lines and lines whose first field is ``-X-`` are boundaries.

:func:`evaluate_ner` runs the recogniser over the file's sentences (on its own tokens), writes the file back
with the prediction column and scores what it wrote.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from storyline.errors import StorylineError

DOCSTART = "-DOCSTART-"
BOUNDARY = "-X-"  # conlleval's sentence-boundary marker in the first field

# conlleval's chunk rules (version 2004-01-26) as (previous tag, tag) pairs; a chunk tag is the part of a tag
# before its first "-", the type the rest. conlleval has no S (single) rule: IOBES files are scored as it scores them.
_END_PAIRS = frozenset({("B", "B"), ("B", "O"), ("I", "B"), ("I", "O"), ("E", "E"), ("E", "I"), ("E", "O")})
_START_PAIRS = frozenset({("B", "B"), ("I", "B"), ("O", "B"), ("O", "I"), ("E", "E"), ("E", "I"), ("O", "E")})


@dataclass(frozen=True)
class ConllToken:
    """One token line: its columns as in the file (word first, gold entity tag last)."""

    fields: tuple[str, ...]

    @property
    def word(self) -> str:
        return self.fields[0]

    @property
    def gold(self) -> str:
        return self.fields[-1]


@dataclass(frozen=True)
class ConllSentence:
    """The token lines between two empty lines."""

    tokens: tuple[ConllToken, ...]

    @property
    def words(self) -> list[str]:
        return [token.word for token in self.tokens]

    @property
    def gold_tags(self) -> list[str]:
        return [token.gold for token in self.tokens]

    @property
    def is_document_start(self) -> bool:
        """True for the ``-DOCSTART-`` line that opens a document (not a sentence of text)."""
        return len(self.tokens) == 1 and self.tokens[0].word == DOCSTART


@dataclass(frozen=True)
class TypeScore:
    """Chunk counts for one entity type (or ``overall``) and the precision, recall and F1 they give."""

    label: str
    gold: int  # chunks in the gold column
    predicted: int  # chunks in the prediction column
    correct: int  # predicted chunks with the same tokens and type as a gold chunk

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class NerScore:
    """Entity-level scores as conlleval computes them, overall and per type, plus token accuracy."""

    tokens: int
    correct_tags: int
    overall: TypeScore
    per_type: tuple[TypeScore, ...]  # sorted by label

    @property
    def accuracy(self) -> float:
        return self.correct_tags / self.tokens if self.tokens else 0.0

    def type_score(self, label: str) -> TypeScore:
        for score in self.per_type:
            if score.label == label:
                return score
        return TypeScore(label, 0, 0, 0)

    def report(self) -> str:
        """The score in conlleval's own layout (percentages with two decimals)."""
        o = self.overall
        lines = [
            f"processed {self.tokens} tokens with {o.gold} phrases; "
            f"found: {o.predicted} phrases; correct: {o.correct}.",
            f"accuracy: {100 * self.accuracy:6.2f}%; precision: {100 * o.precision:6.2f}%; "
            f"recall: {100 * o.recall:6.2f}%; FB1: {100 * o.f1:6.2f}",
        ]
        for score in self.per_type:
            lines.append(
                f"{score.label:>17}: precision: {100 * score.precision:6.2f}%; recall: {100 * score.recall:6.2f}%; "
                f"FB1: {100 * score.f1:6.2f}  {score.predicted}"
            )
        return "\n".join(lines)


def parse_conll(text: str, *, source: str = "<text>") -> list[ConllSentence]:
    """Sentences of a CoNLL text; every token line must have as many columns as the first one."""
    sentences: list[ConllSentence] = []
    current: list[ConllToken] = []
    width: int | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        fields = tuple(line.split())
        if not fields:
            if current:
                sentences.append(ConllSentence(tuple(current)))
                current = []
            continue
        if width is None:
            width = len(fields)
        if len(fields) != width or width < 2:
            raise StorylineError(
                "E620",
                f"{source}:{number}: expected {width} columns (word first, entity tag last), found {len(fields)}",
                "pass a CoNLL file with the same columns on every token line and an empty line between sentences",
            )
        current.append(ConllToken(fields))
    if current:
        sentences.append(ConllSentence(tuple(current)))
    return sentences


def read_conll(path: Path) -> list[ConllSentence]:
    """Read a CoNLL file (CoNLL-2003 layout, or any file whose last column is an entity tag)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise StorylineError("E621", f"cannot read CoNLL file {path}: {error}", "pass a readable UTF-8 file") from None
    return parse_conll(text, source=str(path))


def format_conll(sentences: Sequence[ConllSentence], predictions: Sequence[Sequence[str]] | None = None) -> str:
    """The sentences as CoNLL text, one token per line, with ``predictions`` as an extra last column if given."""
    if predictions is not None and len(predictions) != len(sentences):
        raise ValueError(f"{len(predictions)} prediction rows for {len(sentences)} sentences")
    lines: list[str] = []
    for index, sentence in enumerate(sentences):
        tags = predictions[index] if predictions is not None else None
        if tags is not None and len(tags) != len(sentence.tokens):
            raise ValueError(f"sentence {index}: {len(tags)} predicted tags for {len(sentence.tokens)} tokens")
        for position, token in enumerate(sentence.tokens):
            fields = token.fields if tags is None else (*token.fields, tags[position])
            lines.append(" ".join(fields))
        lines.append("")
    return "".join(line + "\n" for line in lines)


def write_conll(
    path: Path, sentences: Sequence[ConllSentence], predictions: Sequence[Sequence[str]] | None = None
) -> None:
    """Write the sentences (and a prediction column) where ``conlleval`` and :func:`read_conll` can read them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(format_conll(sentences, predictions), encoding="utf-8")


def _split_tag(tag: str) -> tuple[str, str]:
    """conlleval's split of a tag: chunk tag before the first ``-``, type after it (``O`` has the empty type)."""
    chunk_tag, _, chunk_type = tag.partition("-")
    return chunk_tag, chunk_type


def _end_of_chunk(prev_tag: str, tag: str, prev_type: str, type_: str) -> bool:
    if (prev_tag, tag) in _END_PAIRS or prev_tag in ("[", "]"):
        return True
    return prev_tag not in ("O", ".") and prev_type != type_


def _start_of_chunk(prev_tag: str, tag: str, prev_type: str, type_: str) -> bool:
    if (prev_tag, tag) in _START_PAIRS or tag in ("[", "]"):
        return True
    return tag not in ("O", ".") and prev_type != type_


def tag_chunks(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """The chunks of one sentence's tags as ``(start, end, type)`` token ranges, chunked as conlleval does."""
    found: list[tuple[int, int, str]] = []
    start: int | None = None
    last_tag, last_type = "O", ""
    for position, tag in enumerate((*tags, "O")):
        chunk_tag, chunk_type = _split_tag(tag)
        if start is not None and _end_of_chunk(last_tag, chunk_tag, last_type, chunk_type):
            found.append((start, position, last_type))
            start = None
        if _start_of_chunk(last_tag, chunk_tag, last_type, chunk_type):
            start = position
        last_tag, last_type = chunk_tag, chunk_type
    return found


def score_lines(lines: Iterable[Sequence[str]]) -> NerScore:
    """Score lines of fields the way conlleval does: gold tag and predicted tag are the last two fields.

    An empty sequence (an empty line) or a first field ``-X-`` is a sentence boundary.
    """
    found_gold: dict[str, int] = {}
    found_predicted: dict[str, int] = {}
    correct_chunks: dict[str, int] = {}
    tokens = correct_tags = 0
    in_correct = False
    last_gold, last_gold_type, last_guess, last_guess_type = "O", "", "O", ""
    for fields in lines:
        if not fields or fields[0] == BOUNDARY:
            fields = (BOUNDARY, "O", "O")
        if len(fields) < 3:
            raise StorylineError(
                "E622",
                f"a scored line needs a word, a gold tag and a predicted tag, got {' '.join(fields)!r}",
                "score a file written with a prediction column (gold and predicted tags last)",
            )
        guess, guess_type = _split_tag(fields[-1])
        gold, gold_type = _split_tag(fields[-2])
        boundary = fields[0] == BOUNDARY
        if boundary:
            guess = "O"
        gold_ends = _end_of_chunk(last_gold, gold, last_gold_type, gold_type)
        guess_ends = _end_of_chunk(last_guess, guess, last_guess_type, guess_type)
        if in_correct:
            if gold_ends and guess_ends and last_guess_type == last_gold_type:
                in_correct = False
                correct_chunks[last_gold_type] = correct_chunks.get(last_gold_type, 0) + 1
            elif gold_ends != guess_ends or guess_type != gold_type:
                in_correct = False
        gold_starts = _start_of_chunk(last_gold, gold, last_gold_type, gold_type)
        guess_starts = _start_of_chunk(last_guess, guess, last_guess_type, guess_type)
        if gold_starts and guess_starts and guess_type == gold_type:
            in_correct = True
        if gold_starts:
            found_gold[gold_type] = found_gold.get(gold_type, 0) + 1
        if guess_starts:
            found_predicted[guess_type] = found_predicted.get(guess_type, 0) + 1
        if not boundary:
            tokens += 1
            if gold == guess and gold_type == guess_type:
                correct_tags += 1
        last_gold, last_gold_type, last_guess, last_guess_type = gold, gold_type, guess, guess_type
    if in_correct:
        correct_chunks[last_gold_type] = correct_chunks.get(last_gold_type, 0) + 1
    labels = sorted((set(found_gold) | set(found_predicted)) - {""})
    per_type = tuple(
        TypeScore(label, found_gold.get(label, 0), found_predicted.get(label, 0), correct_chunks.get(label, 0))
        for label in labels
    )
    overall = TypeScore(
        "overall", sum(found_gold.values()), sum(found_predicted.values()), sum(correct_chunks.values())
    )
    return NerScore(tokens=tokens, correct_tags=correct_tags, overall=overall, per_type=per_type)


def score_conll_text(text: str) -> NerScore:
    """Score CoNLL text whose last two columns are the gold and the predicted tag."""
    return score_lines(tuple(line.split()) for line in text.splitlines())


def score_conll_file(path: Path) -> NerScore:
    """Score a file like ``conlleval < path`` does."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise StorylineError("E621", f"cannot read CoNLL file {path}: {error}", "pass a readable UTF-8 file") from None
    return score_conll_text(text)


def score_sentences(sentences: Sequence[ConllSentence], predictions: Sequence[Sequence[str]]) -> NerScore:
    """Score predicted tags against the sentences' gold tags (as if written with :func:`write_conll`)."""
    return score_conll_text(format_conll(sentences, predictions))


def uses_iob1(sentences: Sequence[ConllSentence]) -> bool:
    """True when the gold tags are IOB1 (a chunk may open with ``I-``), as in CoNLL-2003's English files."""
    return any(
        sentence.gold_tags[start].startswith("I-")
        for sentence in sentences
        for start, _, _ in tag_chunks(sentence.gold_tags)
    )


def to_iob1(tags: Sequence[str]) -> list[str]:
    """The same chunks in IOB1: ``B-`` only where a chunk directly follows one of the same type."""
    converted = ["O"] * len(tags)
    previous_end, previous_type = -1, ""
    for start, end, type_ in tag_chunks(tags):
        opens = "B-" if start == previous_end and type_ == previous_type else "I-"
        converted[start] = opens + type_
        for position in range(start + 1, end):
            converted[position] = "I-" + type_
        previous_end, previous_type = end, type_
    return converted


def evaluate_ner(
    data: Path, predictions: Path, model: Path | None = None, *, rules: frozenset[str] | None = None
) -> NerScore:
    """Tag every sentence of the CoNLL file ``data``, write it to ``predictions`` with a prediction column, score it.

    ``model`` is a trained pipeline directory, by default the one shipped with Storyline; ``rules`` the
    corrections of :func:`storyline.extract.ner.recognise` to apply (default: all). The recogniser runs on the
    file's own tokens, one CoNLL document at a time; ``-DOCSTART-`` lines are predicted ``O``. Predictions are
    written in the gold file's tag scheme (IOB1 for CoNLL-2003), so conlleval's token accuracy means something.
    """
    from storyline.extract.ner import RULES, tag_sentences

    sentences = read_conll(data)
    texts = [[] if sentence.is_document_start else sentence.words for sentence in sentences]
    tagged = tag_sentences(texts, model=model, rules=RULES if rules is None else rules)
    iob1 = uses_iob1(sentences)
    tags = [
        ["O"] * len(sentence.tokens) if sentence.is_document_start else (to_iob1(found) if iob1 else found)
        for sentence, found in zip(sentences, tagged, strict=True)
    ]
    write_conll(predictions, sentences, tags)
    return score_conll_file(predictions)
