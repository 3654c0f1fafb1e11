"""The event scorers: actor matching, PLOVER scores, prediction files, and the PETRARCH root-code check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.errors import StorylineError
from storyline.eval.events import actor_matches, evaluate_petrarch, read_jsonl, read_verb_codes, score_predictions

PETRARCH = Path(__file__).resolve().parents[4] / "shared" / "bench" / "events" / "petrarch_unit_tests"


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("Taliban", "the Taliban delegation", True),  # contained
        ("British Defence Secretary Tom King", "Tom King", False),  # 2 of 5 words
        ("Sudan's government", "Sudan 's government", True),
        ("President Dos Santos", "Dos Santos", True),  # 2 of 3 words ≥ 0.5
        ("Israel", "the whole sentence about Israel and its many neighbours", True),  # containment wins
        ("U.N.", "UN", False),
        ("Nigeria", None, False),
        ("Tajikistan", "", False),
    ],
)
def test_actor_match_is_containment_or_half_overlap(gold: str, predicted: str | None, expected: bool) -> None:
    assert actor_matches(gold, predicted) is expected


def test_scores_count_accuracy_macro_f1_and_actor_matches() -> None:
    records = [
        {"id": "a", "event_v2_suggested": "REJECT", "source": [{"text": "Massoud"}], "target": [{"text": "Taliban"}]},
        {"id": "b", "event_v2_suggested": "CONSULT", "source": [{"text": "Iran"}], "target": []},
        {"id": "c", "event_v2_suggested": "REJECT", "source": [], "target": [{"text": "Kabul"}]},
    ]
    predictions = [
        {"id": "a", "plover": "REJECT", "source": "Ahmad Massoud", "target": "the Taliban offer"},
        {"id": "b", "plover": "REJECT", "source": "Tehran", "target": None},
        {"id": "c", "plover": None, "source": None, "target": None},
    ]
    score = score_predictions(records, predictions)
    assert score.accuracy == pytest.approx(1 / 3)
    # REJECT: precision 1/2, recall 1/2 -> F1 0.5; CONSULT: 0 -> macro 0.25
    assert score.macro_f1 == pytest.approx(0.25)
    assert (score.source_matched, score.source_gold) == (1, 2)
    assert (score.target_matched, score.target_gold) == (1, 2)
    assert score.predicted_none == 1
    assert any("accuracy 0.333" in line for line in score.lines())


def test_a_broken_prediction_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": 1}\nnot json\n', encoding="utf-8")
    with pytest.raises(StorylineError, match="E731"):
        read_jsonl(path)
    with pytest.raises(StorylineError, match="E730"):
        read_jsonl(tmp_path / "missing.jsonl")


@pytest.mark.skipif(not PETRARCH.is_dir(), reason="../shared/bench/events/petrarch_unit_tests is not here")
def test_petrarch_scorer_reads_the_suite_and_its_verb_codes(tmp_path: Path) -> None:
    codes = read_verb_codes(PETRARCH / "PETR.Validate.verbs.txt")
    assert codes["attack"] == "223" and codes["agree"] == "081"
    sample = tmp_path / "sample.jsonl"
    lines = (PETRARCH / "PETR.UnitTest.records.flat.jsonl").read_text(encoding="utf-8").splitlines()[:12]
    sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    score = evaluate_petrarch(sample, out, PETRARCH / "PETR.Validate.verbs.txt")
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(written) == 12 and all("cameo" in row for row in written)
    assert score.coded_records + score.no_event_records == 12
    assert 0.0 <= score.root_accuracy <= 1.0 and len(score.lines()) == 4
