"""``eval copies`` on a small labelled set built from the seeds: predictions file, pair scores, hard negatives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from copies_helpers import seed_text

from storyline.copies import CopyState
from storyline.document import article_id
from storyline.errors import StorylineError
from storyline.eval.copies import Prediction, baseline_minhash, evaluate_copies, read_labelled, score


def _write_set(folder: Path) -> dict[str, str]:
    original = seed_text("000")
    rows = [
        ("orig", original, "2021-10-06", 1, "1_ecb", "000", None, None),
        ("exact", original.replace("\n", "\n\n"), "2021-10-07", 1, "1_ecb", "000", "orig", "exact"),
        (
            "near",
            "MOSCOW (Wire) - " + "\n".join(original.split("\n")[:-3]),
            "2021-10-07",
            1,
            "1_ecb",
            "000",
            "orig",
            "near",
        ),
        ("other_event", seed_text("003"), "2022-01-11", 1, "1_ecbplus", "003", None, None),
        ("other_topic", seed_text("004"), "2021-09-01", 2, "2_ecb", "004", None, None),
    ]
    ids = {name: article_id(None, text, date, "Outlet " + name, None) for name, text, date, *_ in rows}
    order = [rows[i] for i in (1, 3, 0, 4, 2)]  # a copy arrives before its original
    with (folder / "articles.jsonl").open("w", encoding="utf-8") as articles:
        for name, text, date, topic, subtopic, source, _, _ in order:
            record = {"id": ids[name], "title": None, "text": text, "published": date, "outlet": "Outlet " + name}
            record |= {"language": "en", "topic": topic, "subtopic": subtopic, "split": "dev", "source_doc": source}
            articles.write(json.dumps(record) + "\n")
    with (folder / "labels.jsonl").open("w", encoding="utf-8") as labels:
        for name, *_, origin, kind in rows:
            labels.write(json.dumps({"id": ids[name], "copy_of": origin and ids[origin], "copy_kind": kind}) + "\n")
    return ids


def test_evaluate_copies_writes_one_prediction_per_article_and_scores_pairs(
    tmp_path: Path, copy_state: CopyState
) -> None:
    ids = _write_set(tmp_path)
    out = tmp_path / "predictions.jsonl"
    result = evaluate_copies(tmp_path, out, state=copy_state)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [set(line) for line in lines] == [{"id", "copy_of", "copy_kind", "spin_score"}] * 5
    predicted = {line["id"]: line for line in lines}
    assert predicted[ids["exact"]]["copy_of"] == ids["orig"]  # the original arrived later but is the origin
    assert predicted[ids["orig"]]["copy_of"] is None
    kinds = {k.kind: k for k in result.kinds}
    assert kinds["exact"].recall == kinds["near"].recall == 1.0
    assert kinds["exact"].precision == kinds["near"].precision == 1.0
    assert result.hard_negative_links == result.cross_topic_links == 0
    assert result.link_precision == result.link_recall == 1.0


def test_a_link_across_subtopics_counts_as_a_hard_negative(tmp_path: Path) -> None:
    ids = _write_set(tmp_path)
    articles = read_labelled(tmp_path)
    wrong = {a.id: Prediction(a.id, None, None, None) for a in articles}
    wrong[ids["other_event"]] = Prediction(ids["other_event"], ids["orig"], "rewrite", None)
    result = score(articles, wrong)
    assert result.hard_negative_links == 1
    assert {k.kind: k.precision for k in result.kinds}["rewrite"] == 0.0
    assert result.link_recall == 0.0


def test_the_minhash_baseline_finds_the_syndicated_copies(tmp_path: Path) -> None:
    ids = _write_set(tmp_path)
    articles = read_labelled(tmp_path)
    predicted = baseline_minhash(articles)
    assert predicted[ids["orig"]].copy_of is not None or predicted[ids["exact"]].copy_of is not None
    assert score(articles, predicted).hard_negative_links == 0


def test_a_missing_set_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(StorylineError, match="make_ecbplus_copies"):
        evaluate_copies(tmp_path, tmp_path / "out.jsonl")
