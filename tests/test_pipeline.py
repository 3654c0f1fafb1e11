"""The pipeline checks stage order when it is built and turns refusals into rejects."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import storyline.pipeline as pipeline_module
from storyline.document import Document
from storyline.errors import PipelineOrderError, StorylineError
from storyline.pipeline import (
    Context,
    Stage,
    batched,
    build,
    check_order,
    load_stage,
    refuse,
    run_batch,
    run_batches,
)
from storyline.settings import Options


def _upper(docs: list[Document], ctx: Context) -> list[Document]:
    for doc in docs:
        doc.text = doc.raw_text.upper()
    return docs


def _refuse_short(docs: list[Document], ctx: Context) -> list[Document]:
    return [refuse(doc, "too short") if len(doc.text) < 5 else doc for doc in docs]


UPPER = Stage("upper", requires=("raw_text",), assigns=("text",), run=_upper)
REFUSE = Stage("refuse", requires=("text",), assigns=(), run=_refuse_short)


def test_order_is_checked_when_built() -> None:
    check_order([UPPER, REFUSE])
    with pytest.raises(PipelineOrderError, match=r"\[E011\].*'refuse' needs text"):
        check_order([REFUSE, UPPER])


def test_unknown_stage_names_the_known_ones() -> None:
    with pytest.raises(StorylineError, match=r"\[E010\] unknown stage 'nope'.*clean"):
        build(["nope"])


def test_refused_documents_become_rejects_naming_the_stage() -> None:
    docs = [Document(uri="a.txt", raw_text="long enough"), Document(uri="b.txt", raw_text="tiny")]
    ctx = Context(options=Options())
    kept, rejects = run_batch(docs, [UPPER, REFUSE], ctx)
    assert [d.uri for d in kept] == ["a.txt"]
    assert [(r.uri, r.reason) for r in rejects] == [("b.txt", "refuse: too short")]
    assert ctx.counts["refuse.in"] == 2 and ctx.counts["refuse.out"] == 1


def test_documents_and_context_pickle_for_distributed_runners() -> None:
    doc = Document(uri="a.txt", raw_text="text", title="T", published="2021-10-07")
    ctx = Context(options=Options(batch_size=3))
    again_doc, again_ctx = pickle.loads(pickle.dumps((doc, ctx)))
    assert again_doc == doc and again_doc.id == doc.id
    assert again_ctx.options == ctx.options


def test_batched_keeps_order_and_sizes() -> None:
    assert list(batched(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]


def test_content_derived_id_ignores_the_path_but_not_the_outlet() -> None:
    a = Document(uri="x/a.txt", raw_text="Same text.", title="T")
    b = Document(uri="y/b.txt", raw_text="Same text.", title="T")
    c = Document(uri="y/b.txt", raw_text="Same text.", title="T", outlet="TASS")
    assert a.id == b.id != c.id


def test_options_are_validated_with_a_fix() -> None:
    with pytest.raises(StorylineError, match=r"\[E001\].*Fix:"):
        Options(batch_size=0)


def test_a_stateful_stage_gets_its_snapshot_and_the_articles_stored_after_it(tmp_path: Path) -> None:
    """A run killed before it saved its state: the next run absorbs what was stored after the snapshot."""
    from storyline import corpus
    from storyline.store import open_store

    seen: list[str] = []

    def count(docs: list[Document], ctx: Context) -> list[Document]:
        ctx.state.setdefault("counter", []).extend(doc.id for doc in docs)
        return docs

    def absorb(docs: list[Document], ctx: Context) -> None:
        seen.extend(doc.id for doc in docs)
        ctx.state.setdefault("counter", []).extend(doc.id for doc in docs)

    counter = Stage("counter", requires=("text",), assigns=(), run=count, absorb=absorb)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(4):
        (inbox / f"{n}.txt").write_text(f"Headline {n}\n\nBody of article number {n}.\n", encoding="utf-8")
    with open_store(tmp_path / "s.db") as repo:
        options = Options(progress=False)
        stages = [load_stage("clean"), counter]
        report = corpus.ingest([str(inbox / "0.txt"), str(inbox / "1.txt")], repo, options, stages=stages)
        assert report.added == 2 and seen == []
        snapshot = repo.load_state("counter")
        assert snapshot is not None and snapshot.seq == 2
        # Two more articles stored by a run that died before saving its state:
        killed = corpus.ingest([str(inbox / "2.txt")], repo, options, stages=["clean"])
        assert killed.added == 1
        report = corpus.ingest([str(inbox / "3.txt")], repo, options, stages=stages)
        stored = [doc.id for doc in repo.iter_articles()]
        assert seen == [stored[2]]
        final = repo.load_state("counter")
        assert final is not None and final.seq == 4


def test_a_stage_state_is_made_once_and_checked() -> None:
    ctx = Context(options=Options())
    made: list[int] = []

    def create() -> list[int]:
        made.append(1)
        return []

    first = ctx.state_of("index", list, create)
    assert ctx.state_of("index", list, create) is first and made == [1]
    with pytest.raises(TypeError, match=r"ctx.state\['index'\] holds a list, not a dict"):
        ctx.state_of("index", dict, dict)


def test_prefetch_runs_once_per_batch_as_soon_as_its_needs_are_met() -> None:
    calls: list[tuple[str, list[str]]] = []

    def note(name: str) -> Stage:
        def run(docs: list[Document], ctx: Context) -> list[Document]:
            calls.append((name, [doc.text for doc in docs]))
            return docs

        return Stage(name, requires=("text",), assigns=(name,), run=run)

    def prefetch(docs: list[Document], ctx: Context) -> None:
        calls.append(("prefetch", [doc.text for doc in docs]))

    first, second = note("first"), note("second")
    late = Stage("late", requires=("text",), assigns=(), run=note("late").run, prefetch=prefetch)
    docs = [Document(uri="a.txt", raw_text="long enough"), Document(uri="b.txt", raw_text="tiny")]
    run_batch(docs, [UPPER, REFUSE, first, second, late], Context(options=Options()))
    # After "upper" assigns the text, before "refuse" drops the short one: the prefetch sees both.
    assert [name for name, _ in calls] == ["prefetch", "first", "second", "late"]
    assert calls[0][1] == ["LONG ENOUGH", "TINY"] and calls[-1][1] == ["LONG ENOUGH"]


def test_context_close_hands_back_last_taken_first() -> None:
    ctx = Context(options=Options())
    order: list[int] = []
    ctx.closers += [lambda: order.append(1), lambda: order.append(2)]
    ctx.close()
    ctx.close()
    assert order == [2, 1]


def _recording_pipeline(calls: list[tuple[str, list[str]]], stateless_head: bool) -> list[Stage]:
    """upper (stateless or not), refuse, a stage that numbers documents in order (state), one that prefetches."""

    def upper(docs: list[Document], ctx: Context) -> list[Document]:
        calls.append(("upper", [doc.raw_text for doc in docs]))
        return _upper(docs, ctx)

    def number(docs: list[Document], ctx: Context) -> list[Document]:
        seen = ctx.state_of("numbers", list, list)
        for doc in docs:
            seen.append(doc.text)
            doc.notes.append(f"number {len(seen)}")
        calls.append(("number", [doc.text for doc in docs]))
        return docs

    def late(docs: list[Document], ctx: Context) -> list[Document]:
        calls.append(("late", [doc.text for doc in docs]))
        return docs

    def prefetch(docs: list[Document], ctx: Context) -> None:
        calls.append(("prefetch", [doc.text for doc in docs]))

    return [
        Stage("upper", requires=("raw_text",), assigns=("text",), run=upper, stateless=stateless_head),
        REFUSE,
        Stage("number", requires=("text",), assigns=("notes",), run=number),
        Stage("late", requires=("text",), assigns=(), run=late, prefetch=prefetch),
    ]


def _batches() -> list[list[Document]]:
    texts = [["first", "tiny"], ["second", "third"], ["fourth"]]
    return [[Document(uri=f"{text}.txt", raw_text=text) for text in batch] for batch in texts]


def test_run_batches_runs_the_next_batch_s_stateless_head_and_prefetch_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline_module, "LOOKAHEAD_BATCHES", 1)
    calls: list[tuple[str, list[str]]] = []
    list(run_batches(_batches(), _recording_pipeline(calls, True), Context(options=Options())))
    assert calls == [
        ("upper", ["first", "tiny"]),
        ("prefetch", ["FIRST", "TINY"]),
        ("upper", ["second", "third"]),  # the next batch's head and prefetch, before the first batch's other stages
        ("prefetch", ["SECOND", "THIRD"]),
        ("number", ["FIRST"]),
        ("late", ["FIRST"]),
        ("upper", ["fourth"]),
        ("prefetch", ["FOURTH"]),
        ("number", ["SECOND", "THIRD"]),
        ("late", ["SECOND", "THIRD"]),
        ("number", ["FOURTH"]),
        ("late", ["FOURTH"]),
    ]


def test_run_batches_looks_two_batches_ahead_by_default() -> None:
    assert pipeline_module.LOOKAHEAD_BATCHES == 2
    calls: list[tuple[str, list[str]]] = []
    results = list(run_batches(_batches(), _recording_pipeline(calls, True), Context(options=Options())))
    assert calls == [
        ("upper", ["first", "tiny"]),
        ("prefetch", ["FIRST", "TINY"]),
        ("upper", ["second", "third"]),
        ("prefetch", ["SECOND", "THIRD"]),
        ("upper", ["fourth"]),  # two batches ahead of the first one's other stages
        ("prefetch", ["FOURTH"]),
        ("number", ["FIRST"]),
        ("late", ["FIRST"]),
        ("number", ["SECOND", "THIRD"]),
        ("late", ["SECOND", "THIRD"]),
        ("number", ["FOURTH"]),
        ("late", ["FOURTH"]),
    ]
    # The same documents, notes (the stateful stage's order) and rejects as run_batch gives batch by batch.
    alone = Context(options=Options())
    expected = [run_batch(batch, _recording_pipeline([], True), alone) for batch in _batches()]
    assert [([(d.uri, d.notes) for d in kept], rejects) for kept, rejects in results] == [
        ([(d.uri, d.notes) for d in kept], rejects) for kept, rejects in expected
    ]
    assert [d.notes for kept, _ in results for d in kept] == [["number 1"], ["number 2"], ["number 3"], ["number 4"]]


def test_run_batches_without_a_stateless_head_runs_batch_after_batch() -> None:
    calls: list[tuple[str, list[str]]] = []
    list(run_batches(_batches(), _recording_pipeline(calls, False), Context(options=Options())))
    names = [name for name, _ in calls]
    assert names == ["upper", "prefetch", "number", "late"] * 3
