"""Train Storyline's named-entity recogniser on CoNLL-2003, reproducibly, on CPU.

:func:`train_ner` converts the CoNLL files to spaCy's binary corpus format, trains the pipeline described in
``configs/ner.cfg`` with the given seed (early stopping on ``dev``: the model with the best dev F1 is kept)
and writes that model to ``out``. The network starts from the NER of spaCy's ``en_core_web_md`` 3.8.0 (see the
config): the two callbacks registered here copy its lexeme norms into the new vocabulary before
initialisation and its tok2vec and hidden layer into the new NER after it.

Run it as ``python -m storyline.extract.train_ner --train eng.train --dev eng.testa --out DIR --seed 0``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import spacy
from spacy.tokens import Doc, DocBin

from storyline.errors import StorylineError
from storyline.eval.ner import ConllSentence, read_conll, tag_chunks
from storyline.extract.nlp import NER_MODEL_DIR, base_pipeline_path

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.vocab import Vocab

CONFIG_PATH = Path(__file__).resolve().parents[3] / "configs" / "ner.cfg"
SENTENCES_PER_DOC = 10  # CoNLL sentences joined into one training document (never across -DOCSTART-)


@dataclass(frozen=True)
class TrainingResult:
    """Where the model went, its dev scores at the kept step, and what training took."""

    model: Path
    dev_f1: float
    dev_precision: float
    dev_recall: float
    seconds: float
    seed: int


def sentence_groups(sentences: Sequence[ConllSentence], size: int = SENTENCES_PER_DOC) -> list[list[ConllSentence]]:
    """Consecutive text sentences in groups of up to ``size``, a new group at every ``-DOCSTART-``."""
    groups: list[list[ConllSentence]] = []
    current: list[ConllSentence] = []
    for sentence in sentences:
        if sentence.is_document_start or len(current) == size:
            if current:
                groups.append(current)
            current = []
        if not sentence.is_document_start:
            current.append(sentence)
    if current:
        groups.append(current)
    return groups


def conll_docs(sentences: Sequence[ConllSentence], vocab: Vocab) -> list[Doc]:
    """spaCy documents with the gold entities of the sentences (IOB1, IOB2 or IOBES tags)."""
    docs: list[Doc] = []
    for group in sentence_groups(sentences):
        words: list[str] = []
        sent_starts: list[bool] = []
        spans: list[tuple[int, int, str]] = []
        for sentence in group:
            offset = len(words)
            spans.extend((offset + start, offset + end, label) for start, end, label in tag_chunks(sentence.gold_tags))
            words.extend(sentence.words)
            sent_starts.extend([True] + [False] * (len(sentence.words) - 1))
        doc = Doc(vocab, words=words, sent_starts=sent_starts)
        doc.ents = [doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label=label) for s, e, label in spans]
        docs.append(doc)
    return docs


def write_corpus(conll: Path, out: Path, vocab: Vocab) -> int:
    """Write the CoNLL file as a spaCy ``.spacy`` corpus; return how many documents it holds."""
    docs = conll_docs(read_conll(conll), vocab)
    DocBin(docs=docs, store_user_data=False).to_disk(out)
    return len(docs)


@spacy.registry.callbacks("storyline.ner_base_norms.v1")
def make_base_norms(base: str) -> Callable[[Language], Language]:
    """Before initialisation: give the new vocabulary the base pipeline's lexeme norms (NORM is a feature)."""

    def copy_norms(nlp: Language) -> Language:
        base_vocab = spacy.load(base, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"])
        nlp.vocab.lookups.set_table("lexeme_norm", base_vocab.vocab.lookups.get_table("lexeme_norm"))
        return nlp

    return copy_norms


@spacy.registry.callbacks("storyline.ner_warm_start.v1")
def make_warm_start(base: str) -> Callable[[Language], Language]:
    """After initialisation: copy the base NER's tok2vec and hidden layer into the new NER (output layer stays new)."""

    def warm_start(nlp: Language) -> Language:
        base_nlp = spacy.load(base, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
        source = base_nlp.get_pipe("ner").model  # type: ignore[attr-defined]
        target = nlp.get_pipe("ner").model  # type: ignore[attr-defined]
        for ref in ("tok2vec", "lower"):
            target.get_ref(ref).from_bytes(source.get_ref(ref).to_bytes())
        return nlp

    return warm_start


def train_ner(
    train: Path,
    dev: Path,
    out: Path,
    seed: int,
    *,
    config: Path = CONFIG_PATH,
    overrides: Mapping[str, Any] | None = None,
) -> TrainingResult:
    """Train the recogniser on ``train``, keep the step with the best F1 on ``dev``, write that model to ``out``.

    The same files, seed and config give the same model on the same machine (spaCy on CPU is deterministic
    for a given seed). ``overrides`` change config values (``{"training.max_steps": 100}``). ``out`` is replaced.
    """
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop

    for path in (train, dev, config):
        if not path.is_file():
            raise StorylineError("E614", f"training input {path} does not exist", "pass the CoNLL files and config")
    base = base_pipeline_path()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="storyline-ner-") as work_name:
        work = Path(work_name)
        vocab = spacy.blank("en").vocab
        write_corpus(train, work / "train.spacy", vocab)
        write_corpus(dev, work / "dev.spacy", vocab)
        overrides: dict[str, Any] = {
            "paths.train": str(work / "train.spacy"),
            "paths.dev": str(work / "dev.spacy"),
            "paths.base": str(base),
            "system.seed": seed,
            **(overrides or {}),
        }
        loaded = spacy.util.load_config(config, overrides=overrides, interpolate=False)
        nlp = init_nlp(loaded, use_gpu=-1)
        (work / "output").mkdir()
        train_loop(nlp, work / "output", use_gpu=-1, stdout=sys.stdout, stderr=sys.stderr)
        best = work / "output" / "model-best"
        meta = json.loads((best / "meta.json").read_text(encoding="utf-8"))
        _finish_model(best, seed)
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(best, out)
    performance = meta.get("performance", {})
    return TrainingResult(
        model=out,
        dev_f1=float(performance.get("ents_f", 0.0)),
        dev_precision=float(performance.get("ents_p", 0.0)),
        dev_recall=float(performance.get("ents_r", 0.0)),
        seconds=time.perf_counter() - started,
        seed=seed,
    )


def _finish_model(model: Path, seed: int) -> None:
    """Name the model and drop the machine-specific paths from its saved config."""
    meta_path = model / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name="storyline_ner",
        version="1.0.0",
        description=f"Storyline NER: CoNLL-2003 PER/ORG/LOC/MISC, warm-started from en_core_web_md 3.8.0, seed {seed}",
        license="MIT (base weights: en_core_web_md, MIT); trained on CoNLL-2003 (Reuters RCV1)",
    )
    meta_path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    config_path = model / "config.cfg"
    config = spacy.util.load_config(config_path, interpolate=False)
    for key in ("train", "dev", "base"):
        config["paths"][key] = None
    config.to_disk(config_path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train Storyline's NER model on CoNLL-2003 (CPU).")
    parser.add_argument("--train", type=Path, required=True, help="CoNLL-2003 training file (eng.train)")
    parser.add_argument("--dev", type=Path, required=True, help="CoNLL-2003 dev file for early stopping (eng.testa)")
    parser.add_argument("--out", type=Path, default=NER_MODEL_DIR, help="model directory to write")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--config", type=Path, default=CONFIG_PATH)
    args = parser.parse_args(argv)
    result = train_ner(args.train, args.dev, args.out, args.seed, config=args.config)
    print(
        f"model {result.model}: dev P {result.dev_precision:.4f} R {result.dev_recall:.4f} F1 {result.dev_f1:.4f} "
        f"(spaCy scorer), seed {result.seed}, {result.seconds / 60:.1f} min"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
