"""Baseline gate: the event coder on the PLOVER gold records holds the floors committed in
benchmarks/events/baseline.json (the whole dev file: 162 sentences, a few seconds)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.eval.events import evaluate_events

ROOT = Path(__file__).resolve().parents[3]
DEV = ROOT.parent / "shared" / "bench" / "events" / "plover_gsr_dev.jsonl"
BASELINE = ROOT / "benchmarks" / "events" / "baseline.json"


@pytest.mark.skipif(not DEV.is_file(), reason="../shared/bench/events/plover_gsr_dev.jsonl is not here")
def test_plover_dev_scores_hold_the_committed_floors(tmp_path: Path) -> None:
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))["plover_dev"]["floors"]
    out = tmp_path / "events.jsonl"
    score = evaluate_events(DEV, out)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 162
    assert score.accuracy >= floors["accuracy"]
    assert score.macro_f1 >= floors["macro_f1"]
    assert score.source_match >= floors["source_match"]
    assert score.target_match >= floors["target_match"]
