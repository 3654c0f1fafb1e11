"""The PolNeAR reader and exact-match scorer, on a hand-made article in PolNeAR's brat format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.errors import StorylineError
from storyline.eval.quotes import evaluate_quotes, normalise, read_ann, read_polnear, score_predictions

TEXT = '"We will win," Smith said. "And soon." Officials said the vote was fair.\n'
# Smith's quote is split around its cue (a discontinuous Content, as PolNeAR writes it)
ANN = (
    'T1\tContent 0 14;27 38\t"We will win," "And soon."\n'
    "T2\tSource 15 20\tSmith\n"
    "T3\tCue 21 25\tsaid\n"
    "T4\tAttribution 21 25\tsaid\n"
    "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
    "T5\tSource 39 48\tOfficials\n"
    "T6\tCue 49 53\tsaid\n"
    "T7\tContent 54 71\tthe vote was fair\n"
    "T8\tAttribution 49 53\tsaid\n"
    "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n"
)


@pytest.fixture
def split(tmp_path: Path) -> Path:
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "paper_2016-01-01_vote.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "paper_2016-01-01_vote_ab12.ann").write_text(ANN, encoding="utf-8")
    return tmp_path


def test_reader_keeps_every_fragment_and_the_text(split: Path) -> None:
    (article,) = read_polnear(split)
    assert article.name == "paper_2016-01-01_vote_ab12.ann"
    first, second = article.attributions
    assert first.content == ((0, 14), (27, 38)) and first.source == ((15, 20),)
    assert TEXT[second.content[0][0] : second.content[0][1]] == "the vote was fair"


def test_discontinuous_spans_score_by_extent_without_edge_punctuation() -> None:
    assert normalise(TEXT, [(0, 14), (27, 38)]) == (1, 36)  # We … soon
    assert normalise(TEXT, [(54, 72)]) == (54, 71)  # the final period does not count
    assert normalise(TEXT, []) is None


def test_scores_count_exact_matches_per_role(split: Path, tmp_path: Path) -> None:
    predictions = tmp_path / "predictions.jsonl"
    rows = [
        {"article": "paper_2016-01-01_vote_ab12.ann", "source": [15, 20], "cue": [21, 25], "content": [0, 38]},
        {"article": "paper_2016-01-01_vote_ab12.ann", "source": None, "cue": [49, 53], "content": [54, 60]},
    ]
    predictions.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    score = score_predictions(read_polnear(split), predictions)
    assert score.prf("cue") == (1.0, 1.0, 1.0)
    precision, recall, f1 = score.prf("source")
    assert (precision, recall) == (1.0, 0.5) and f1 == pytest.approx(2 / 3)
    assert score.prf("content")[:2] == (0.5, 0.5)
    assert score.matched["full"] == 1


def test_evaluate_writes_one_line_per_attribution_and_finds_both(split: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "quotes.jsonl"
    score = evaluate_quotes(split, out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {line["article"] for line in lines} == {"paper_2016-01-01_vote_ab12.ann"}
    assert score.prf("cue")[2] == 1.0 and score.prf("source")[2] == 1.0 and score.prf("content")[2] == 1.0
    assert any(line == "content" or "content" in line for line in score.lines())


def test_bad_folders_and_spans_are_reported(tmp_path: Path) -> None:
    with pytest.raises(StorylineError, match="E702"):
        read_polnear(tmp_path)
    bad = tmp_path / "bad.ann"
    bad.write_text("T1\tCue x y\tsaid\n", encoding="utf-8")
    with pytest.raises(StorylineError, match="E701"):
        read_ann(bad)
