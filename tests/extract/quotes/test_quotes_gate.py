"""Baseline gate: the quote finder on the first 20 PolNeAR dev annotation files holds the floors committed in
benchmarks/quotes/baseline.json (about ten seconds: parsing 20 articles)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.eval.quotes import evaluate_quotes

ROOT = Path(__file__).resolve().parents[3]
DEV = ROOT.parent / "shared" / "bench" / "quotes" / "polnear" / "dev"
BASELINE = ROOT / "benchmarks" / "quotes" / "baseline.json"


@pytest.mark.skipif(not (DEV / "attributions").is_dir(), reason="../shared/bench/quotes/polnear is not here")
def test_polnear_dev_slice_holds_the_committed_floors(tmp_path: Path) -> None:
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))["polnear_dev_first20"]["floors"]
    out = tmp_path / "quotes.jsonl"
    score = evaluate_quotes(DEV, out, limit=20)
    assert score.articles == 20
    assert len(out.read_text(encoding="utf-8").splitlines()) == score.predicted["cue"]
    assert score.f1("source") >= floors["source_f1"]
    assert score.f1("cue") >= floors["cue_f1"]
    assert score.f1("content") >= floors["content_f1"]
