"""Baseline gate: the actor lexicon on NGEC's actor-resolution expectations stays above the committed floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.errors import StorylineError
from storyline.eval.actors import score_actor_expectations

ROOT = Path(__file__).resolve().parents[3]
EXPECTATIONS = ROOT.parent / "shared" / "bench" / "events" / "actor_resolution_expectations.jsonl"
BASELINE = ROOT / "benchmarks" / "entities" / "baseline.json"


@pytest.mark.skipif(not EXPECTATIONS.is_file(), reason="the shared benchmark data is not here")
def test_actor_expectations_stay_above_the_baseline_floor() -> None:
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))["actor_expectations"]
    score = score_actor_expectations(EXPECTATIONS)
    assert score.total == baseline["expectations"]
    assert score.applicable == baseline["applicable"]
    assert score.not_applicable == baseline["not_applicable"]
    assert score.share >= baseline["floor"], "\n".join(score.lines())
    lines = score.lines()
    assert lines[0].startswith(f"expectations {score.total}")
    assert f"resolved correctly {score.correct}/{score.applicable}" in lines[1]


def test_a_missing_expectations_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StorylineError, match=r"\[E520\]"):
        score_actor_expectations(tmp_path / "missing.jsonl")


def test_a_malformed_line_names_its_place(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"test": "x"}\n', encoding="utf-8")
    with pytest.raises(StorylineError, match=r"bad.jsonl:1"):
        score_actor_expectations(path)
