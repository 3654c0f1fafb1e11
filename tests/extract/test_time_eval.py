"""The TimeML benchmark: reader, TempEval-3 scorer, prediction writer, and the floor the tagger must hold."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baseline import floors
from storyline.errors import StorylineError
from storyline.eval.time import (
    TimemlDocument,
    Timex,
    compare,
    compare_by_greatest_overlap,
    evaluate_time,
    read_timeml,
    score_document,
    score_folders,
    timeml_files,
    write_timeml,
)

TBAQ = Path(__file__).resolve().parents[3] / "shared" / "bench" / "time" / "TBAQ-cleaned"
needs_tbaq = pytest.mark.skipif(not TBAQ.is_dir(), reason="../shared/bench/time/TBAQ-cleaned is not here")
SAMPLE = ("TimeBank/ABC19980108.1830.0711.tml", "TimeBank/wsj_0006.tml", "AQUAINT/APW19980807.0261.tml")


@needs_tbaq
def test_reader_gives_tag_free_text_the_dct_and_gold_spans() -> None:
    document = read_timeml(TBAQ / SAMPLE[0])
    assert document.docid == "ABC19980108.1830.0711"
    assert document.anchor == "1998-01-08"
    assert "<" not in document.text and "EVENT" not in document.text
    assert (document.timexes[0].text, document.timexes[0].type, document.timexes[0].value) == (
        "week",
        "DURATION",
        "P1W",
    )
    for timex in document.timexes:
        assert document.text[timex.start : timex.end] == timex.text


@needs_tbaq
def test_writer_output_reads_back_as_the_same_document(tmp_path: Path) -> None:
    for name in SAMPLE:
        gold = read_timeml(TBAQ / name)
        target = tmp_path / Path(name).name
        write_timeml(target, gold, gold.timexes)
        again = read_timeml(target)
        assert (again.text, again.timexes, again.dct_value, again.docid) == (
            gold.text,
            gold.timexes,
            gold.dct_value,
            gold.docid,
        )
        perfect = score_document(gold.timexes, again.timexes)
        assert perfect.strict_prf == perfect.relaxed_prf == perfect.value_prf == (1.0, 1.0, 1.0)


def _timex(start: int, end: int, value: str, kind: str = "DATE") -> Timex:
    return Timex(start, end, "x" * (end - start), kind, value)


def test_scores_follow_the_tempeval3_definitions() -> None:
    gold = [_timex(0, 6, "1998-01-08"), _timex(10, 20, "P1W", "DURATION"), _timex(30, 35, "PRESENT_REF")]
    predicted = [_timex(0, 6, "1998-01-08"), _timex(12, 20, "P2W", "DURATION"), _timex(40, 44, "1998")]
    score = score_document(gold, predicted)
    assert (score.gold, score.predicted, score.strict, score.relaxed, score.value_correct) == (3, 3, 1, 2, 1)
    assert score.relaxed_prf == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert score.value_prf == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert score.value_accuracy == pytest.approx(0.5)
    comparison = compare(gold, predicted)
    assert comparison.missed == (gold[2],) and comparison.spurious == (predicted[2],)


def test_one_prediction_matches_one_gold_expression() -> None:
    gold = [_timex(0, 6, "2021-10-06"), _timex(7, 12, "2021")]
    predicted = [_timex(0, 12, "2021-10-06")]
    score = score_document(gold, predicted)
    assert (score.relaxed, score.value_correct) == (1, 1)
    assert score.relaxed_prf == pytest.approx((1.0, 0.5, 2 / 3))


def test_official_pairs_are_made_in_text_order_not_by_greatest_overlap() -> None:
    """The TE3 scorer pairs a system expression with the gold one open where it starts (TBAQ NYT19990419.0515:
    gold "6 a.m. ten days", system "6 a.m." and "ten days"): the first to start wins, not the longest overlap."""
    text = "at 6 a.m. ten days before"
    gold = [Timex(3, 18, text[3:18], "TIME", "1998-10-13T06:00")]
    predicted = [Timex(3, 9, text[3:9], "TIME", "1998-10-13T06:00"), Timex(10, 18, text[10:18], "DURATION", "P10D")]
    assert compare(gold, predicted).pairs == ((gold[0], predicted[0]),)
    assert compare_by_greatest_overlap(gold, predicted).pairs == ((gold[0], predicted[1]),)
    score = score_document(gold, predicted)
    assert (score.relaxed, score.value_correct, score.strict) == (1, 1, 0)
    assert (score.overlap_relaxed, score.overlap_value_correct) == (1, 0)
    assert "greatest overlap first" in score.report() and "TempEval-3 official" in score.report()


def test_official_pairs_are_one_to_one_and_a_gold_start_inside_a_prediction_pairs() -> None:
    # A prediction that starts first takes the gold expression starting inside it; a second gold one inside the
    # same prediction stays unmatched (its partner is taken), as the normaliser's used-id check does.
    gold = [_timex(5, 10, "2021-10-06"), _timex(12, 18, "2021")]
    predicted = [_timex(0, 20, "2021-10-06")]
    comparison = compare(gold, predicted)
    assert comparison.pairs == ((gold[0], predicted[0]),) and comparison.missed == (gold[1],)
    # Same start: the gold expression is read first and the prediction pairs with it.
    assert compare([_timex(0, 4, "P1D")], [_timex(0, 8, "P2D")]).pairs == ((_timex(0, 4, "P1D"), _timex(0, 8, "P2D")),)
    # Touching is not overlapping.
    assert compare([_timex(0, 4, "P1D")], [_timex(4, 8, "P1D")]).pairs == ()


def test_strict_needs_the_same_text_in_a_pair() -> None:
    gold = [Timex(0, 6, "Friday", "DATE", "2021-10-08")]
    predicted = [Timex(0, 6, "Friday", "DATE", "2021-10-01")]
    score = score_document(gold, predicted)
    assert (score.strict, score.relaxed, score.value_correct, score.type_correct) == (1, 1, 0, 1)
    assert score.value_prf == (0.0, 0.0, 0.0) and score.type_prf == (1.0, 1.0, 1.0)


SPANS = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8)), max_size=8).map(
    lambda pairs: [_timex(start, start + length, "v") for start, length in pairs]
)


def _no_overlaps(timexes: list[Timex]) -> list[Timex]:
    kept: list[Timex] = []
    for timex in sorted(timexes, key=lambda t: (t.start, t.end)):
        if not kept or timex.start >= kept[-1].end:
            kept.append(timex)
    return kept


@settings(max_examples=200, deadline=None)
@given(gold=SPANS.map(_no_overlaps), predicted=SPANS.map(_no_overlaps))
def test_both_pairings_are_one_to_one_overlaps_and_account_for_everything(
    gold: list[Timex], predicted: list[Timex]
) -> None:
    for comparison in (compare(gold, predicted), compare_by_greatest_overlap(gold, predicted)):
        paired_gold = [g for g, _ in comparison.pairs]
        paired_predicted = [p for _, p in comparison.pairs]
        assert all(min(g.end, p.end) > max(g.start, p.start) for g, p in comparison.pairs)
        assert len(set(paired_gold)) == len(paired_gold) and len(set(paired_predicted)) == len(paired_predicted)
        assert sorted(paired_gold + list(comparison.missed), key=lambda t: t.start) == gold
        assert sorted(paired_predicted + list(comparison.spurious), key=lambda t: t.start) == predicted
        # Nothing is left that could still be paired: a missed and a spurious expression never overlap.
        assert not any(
            min(g.end, p.end) > max(g.start, p.start) for g in comparison.missed for p in comparison.spurious
        )
    assert score_document(gold, gold).relaxed == len(gold)


SPECIAL_TEXT = st.lists(st.sampled_from([*"ab <>&\"'\n\tü中", "]]>", "&amp;"]), max_size=30).map("".join)


@settings(max_examples=100, deadline=None)
@given(
    text=SPECIAL_TEXT, cuts=st.lists(st.integers(0, 60), max_size=8), value=st.sampled_from(["2021", "P1D", 'a<b&"'])
)
def test_any_text_and_tags_round_trip_through_timeml(
    tmp_path_factory: pytest.TempPathFactory, text: str, cuts: list[int], value: str
) -> None:
    points = sorted({c for c in cuts if c <= len(text)})
    spans = [(a, b) for a, b in zip(points[::2], points[1::2], strict=False) if b > a]
    document = TimemlDocument("x.tml", "x&<1>", "1998-01-08", "DATE", "01/08/98", text, ())
    timexes = tuple(Timex(a, b, text[a:b], "DATE", value) for a, b in spans)
    target = tmp_path_factory.mktemp("timeml") / "x.tml"
    write_timeml(target, document, timexes)
    again = read_timeml(target)
    assert again.text == text
    assert again.timexes == timexes
    assert again.docid == "x&<1>"


@needs_tbaq
def test_evaluate_writes_one_prediction_per_input_and_scores_them(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for name in SAMPLE:
        (data / Path(name).parent).mkdir(parents=True, exist_ok=True)
        shutil.copy(TBAQ / name, data / name)
    score = evaluate_time(data, tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(Path(n).name for n in SAMPLE)
    assert score.documents == 3
    assert score.gold == sum(len(read_timeml(TBAQ / n).timexes) for n in SAMPLE)
    assert score.relaxed_prf[2] > 0.8
    assert score_folders(data, tmp_path / "out").value_correct == score.value_correct  # the files alone score the same


def test_errors_say_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StorylineError, match=r"\[E505\]"):
        timeml_files(tmp_path / "missing")
    with pytest.raises(StorylineError, match=r"\[E506\]"):
        timeml_files(tmp_path)
    broken = tmp_path / "broken.tml"
    broken.write_text("<TimeML><TEXT>unclosed</TimeML>", encoding="utf-8")
    with pytest.raises(StorylineError, match=r"\[E501\]"):
        read_timeml(broken)
    (tmp_path / "data").mkdir()
    good = tmp_path / "data" / "a.tml"
    good.write_text("<TimeML><TEXT>On Friday.</TEXT></TimeML>", encoding="utf-8")
    with pytest.raises(StorylineError, match=r"\[E507\].*a\.tml"):
        score_folders(tmp_path / "data", tmp_path / "nothing")


@needs_tbaq
@pytest.mark.slow
def test_tbaq_floor(tmp_path: Path) -> None:
    """The whole TBAQ training set (the benchmark's test set is held elsewhere): the floors the tagger holds."""
    score = evaluate_time(TBAQ, tmp_path)
    assert score.documents == 256 and score.skipped == ["testpipeline/AP900815-0044.tml"]
    floor = floors("time", "tbaq")
    assert score.relaxed_prf[2] >= floor["relaxed_f1"]
    assert score.strict_prf[2] >= floor["strict_f1"]
    assert score.value_prf[2] >= floor["value_f1"]
