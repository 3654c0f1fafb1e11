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
from spacy.tokens import Doc, DocBin, Span
from spacy.util import registry

from storyline.errors import StorylineError
from storyline.eval.ner import ConllSentence, NerScore, evaluate_ner, read_conll, tag_chunks
from storyline.extract.nlp import NER_MODEL_DIR, base_pipeline_path

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.vocab import Vocab

CONFIG_PATH = Path(__file__).resolve().parents[3] / "configs" / "ner.cfg"
SENTENCES_PER_DOC = 10  # CoNLL sentences joined into one training document (never across -DOCSTART-)


@dataclass(frozen=True)
class TrainingResult:
    """Where the model went, its dev scores, and what training took."""

    model: Path
    dev_f1: float  # spaCy's scorer at the kept step (on re-tokenised dev text), what early stopping watched
    dev_precision: float
    dev_recall: float
    dev_conll: NerScore  # conlleval on dev's own tokens, with the recogniser's rules (as evaluate_ner)
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
        sent_starts: list[bool | int | None] = []
        spans: list[tuple[int, int, str]] = []
        for sentence in group:
            offset = len(words)
            spans.extend((offset + start, offset + end, label) for start, end, label in tag_chunks(sentence.gold_tags))
            words.extend(sentence.words)
            sent_starts.extend([True] + [False] * (len(sentence.words) - 1))
        doc = Doc(vocab, words=words, sent_starts=sent_starts)
        doc.ents = [Span(doc, start, end, label=label) for start, end, label in spans]
        docs.append(doc)
    return docs


def write_corpus(conll: Path, out: Path, vocab: Vocab) -> int:
    """Write the CoNLL file as a spaCy ``.spacy`` corpus; return how many documents it holds."""
    docs = conll_docs(read_conll(conll), vocab)
    DocBin(docs=docs, store_user_data=False).to_disk(out)
    return len(docs)


def make_base_norms(base: str) -> Callable[[Language], Language]:
    """Before initialisation: give the new vocabulary the base pipeline's lexeme norms (NORM is a feature)."""

    def copy_norms(nlp: Language) -> Language:
        base_vocab = spacy.load(base, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"])
        nlp.vocab.lookups.set_table("lexeme_norm", base_vocab.vocab.lookups.get_table("lexeme_norm"))
        return nlp

    return copy_norms


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


registry.callbacks.register("storyline.ner_base_norms.v1", func=make_base_norms)
registry.callbacks.register("storyline.ner_warm_start.v1", func=make_warm_start)


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
        settings: dict[str, Any] = {
            "paths.train": str(work / "train.spacy"),
            "paths.dev": str(work / "dev.spacy"),
            "paths.base": str(base),
            "system.seed": seed,
            **(overrides or {}),
        }
        loaded = spacy.util.load_config(config, overrides=settings, interpolate=False)
        nlp = init_nlp(loaded, use_gpu=-1)
        (work / "output").mkdir()
        train_loop(nlp, work / "output", use_gpu=-1, stdout=sys.stdout, stderr=sys.stderr)
        best = work / "output" / "model-best"
        meta = json.loads((best / "meta.json").read_text(encoding="utf-8"))
        _finish_model(best, seed, base)
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(best, out)
        dev_conll = evaluate_ner(dev, work / "dev-predictions.conll", model=out)
    performance = meta.get("performance", {})
    return TrainingResult(
        model=out,
        dev_f1=float(performance.get("ents_f", 0.0)),
        dev_precision=float(performance.get("ents_p", 0.0)),
        dev_recall=float(performance.get("ents_r", 0.0)),
        dev_conll=dev_conll,
        seconds=time.perf_counter() - started,
        seed=seed,
    )


def hyphen_infixes(infixes: Sequence[str]) -> list[str]:
    """spaCy's English infix rules, except that a hyphen inside a name does not split it.

    spaCy splits every letter-hyphen-letter; CoNLL-2003, the training data, keeps hyphenated words whole.
    Here a hyphen still splits "US-led" and "well-known", but not a hyphen before a capital ("Al-Qaeda",
    "Harb-Maidon") or before a short particle that leads to one ("Mazar-i-Sharif", "Hizb-ut-Tahrir").
    """
    from spacy.lang.char_classes import ALPHA, ALPHA_UPPER, HYPHENS

    letter_hyphen_letter = rf"(?<=[{ALPHA}0-9])(?:{HYPHENS})(?=[{ALPHA}])"
    if letter_hyphen_letter not in infixes:
        raise StorylineError("E615", "spaCy's English hyphen rule changed", "update hyphen_infixes for this spaCy")
    kept = [rule for rule in infixes if rule != letter_hyphen_letter]
    return [*kept, rf"{letter_hyphen_letter}(?![{ALPHA_UPPER}]|[a-z]{{1,3}}(?:{HYPHENS})[{ALPHA_UPPER}])"]


def _finish_model(model: Path, seed: int, base: Path) -> None:
    """Keep names with hyphens whole, keep only the base pipeline's strings (none from the training text),
    name the model, and drop the machine-specific paths from its saved config."""
    from spacy.strings import StringStore
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex

    nlp = spacy.load(model)
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    defaults = [rule for rule in nlp.Defaults.infixes or () if isinstance(rule, str)]
    tokenizer.infix_finditer = compile_infix_regex(hyphen_infixes(defaults)).finditer
    tokenizer.to_disk(model / "tokenizer", exclude=["vocab"])
    base_strings = StringStore().from_disk(base / "vocab" / "strings.json")
    labels = set(nlp.get_pipe("ner").labels)  # type: ignore[attr-defined]
    kept = [text for text in nlp.vocab.strings if text in base_strings or text in labels]
    StringStore(kept).to_disk(model / "vocab" / "strings.json")
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
        f"model {result.model}: seed {result.seed}, {result.seconds / 60:.1f} min; dev F1 {result.dev_f1:.4f} "
        f"(spaCy scorer, early stopping); conlleval on dev:\n{result.dev_conll.report()}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
