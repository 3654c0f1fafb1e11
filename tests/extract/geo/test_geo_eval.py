"""The LGL reader, the scores (accuracy@161 km, Gritta et al.'s AUC), and the predictions file."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.errors import StorylineError
from storyline.eval.geo import MAX_ERROR_KM, GeoScore, auc_of_errors, evaluate_geo, read_lgl

ARTICLE = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7">
    <text><![CDATA[Storms hit Paris and Sherman, Texas officials said, and Glorbville.]]></text>
    <toponyms count="4">
      <toponym><start>11</start><end>16</end><phrase>Paris</phrase>
        <gaztag geonameid="4717560"><name>Paris</name><lat>33.6609</lat><lon>-95.5555</lon></gaztag></toponym>
      <toponym><start>21</start><end>28</end><phrase>Sherman</phrase>
        <gaztag geonameid="4728328"><name>Sherman</name><lat>33.6357</lat><lon>-96.6089</lon></gaztag></toponym>
      <toponym><start>30</start><end>35</end><phrase>Texas</phrase>
        <gaztag geonameid="4736286"><name>Texas</name><lat>31.2504</lat><lon>-99.2506</lon></gaztag></toponym>
      <toponym><start>56</start><end>66</end><phrase>Glorbville</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""


def test_the_reader_keeps_offsets_ids_and_positions(tmp_path: Path) -> None:
    path = tmp_path / "lgl.xml"
    path.write_text(ARTICLE, encoding="utf-8")
    (article,) = read_lgl(path)
    assert article.docid == "7"
    for toponym in article.toponyms:
        assert article.text[toponym.start : toponym.end] == toponym.phrase
    assert article.toponyms[0].geonames_id == 4717560 and article.toponyms[0].lat == pytest.approx(33.6609)
    assert article.toponyms[-1].geonames_id is None and article.toponyms[-1].lat is None


def test_bad_input_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StorylineError, match="E610"):
        read_lgl(tmp_path / "missing.xml")
    (tmp_path / "bad.xml").write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(StorylineError, match="E611"):
        read_lgl(tmp_path / "bad.xml")


def test_auc_is_zero_when_perfect_one_when_worst_and_follows_the_log_curve() -> None:
    assert auc_of_errors([0.0, 0.0, 0.0]) == 0.0
    assert auc_of_errors([MAX_ERROR_KM] * 4) == pytest.approx(1.0, abs=1e-4)
    expected = (math.log1p(0) + math.log1p(100)) / 2 / math.log(MAX_ERROR_KM)
    assert auc_of_errors([100.0, 0.0]) == pytest.approx(expected)


@given(st.lists(st.floats(min_value=0, max_value=MAX_ERROR_KM), min_size=2, max_size=50))
def test_auc_lies_between_zero_and_one_and_grows_with_the_errors(errors: list[float]) -> None:
    auc = auc_of_errors(errors)
    assert 0.0 <= auc <= 1.0 + 1e-4
    assert auc_of_errors([error / 2 for error in errors]) <= auc + 1e-12


def test_evaluation_resolves_gold_spans_and_writes_the_toponyms_found(tmp_path: Path) -> None:
    data, predictions = tmp_path / "lgl.xml", tmp_path / "out" / "predictions.jsonl"
    data.write_text(ARTICLE, encoding="utf-8")
    score = evaluate_geo(data, predictions, recognise=False)
    assert isinstance(score, GeoScore)
    assert score.gold == 4 and len(score.errors_km) == 3  # Glorbville has no coordinates
    assert score.accuracy_161 == 1.0 and score.unresolved == 0
    assert score.ids_correct == 3  # Paris and Sherman, Texas; Texas itself
    lines = [json.loads(line) for line in predictions.read_text(encoding="utf-8").splitlines()]
    assert {line["article"] for line in lines} == {"7"}
    assert [(line["start"], line["end"]) for line in lines] == [(11, 16), (21, 28), (30, 35), (56, 66)]
    assert lines[0]["geonames_id"] == 4717560 and lines[-1]["lat"] is None
    assert any("accuracy@161km 1.0000" in line for line in score.lines())
