"""Add inputs to a corpus store: read, run the stages, store each article in its own transaction.

This is the one function the CLI's ``ingest`` (and later the HTTP API's ``POST /articles``) calls.
"""

from __future__ import annotations

import pickle
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from storyline import ingest as ingest_inputs
from storyline.blas import blas_threads
from storyline.document import Document, Reject
from storyline.errors import UnstorableError
from storyline.pipeline import DEFAULT_STAGES, Context, Stage, batched, build, run_batches
from storyline.settings import Options
from storyline.store import Repository, StateSnapshot

ProgressFn = Callable[[int], None]
RejectFn = Callable[[Reject], None]


@dataclass
class IngestReport:
    """What one ingest run did: counts for the summary and the reasons for every reject."""

    inputs: int = 0
    read: int = 0
    added: int = 0
    already_stored: int = 0
    rejects: list[Reject] = field(default_factory=list)
    stage_counts: Counter[str] = field(default_factory=Counter)
    stage_seconds: dict[str, float] = field(default_factory=dict)  # wall time spent in each stage

    @property
    def stored(self) -> int:
        """Articles of this input that are in the store now, new or not."""
        return self.added + self.already_stored


def ingest(
    sources: Iterable[str],
    repo: Repository,
    options: Options,
    *,
    stages: Iterable[str | Stage] = DEFAULT_STAGES,
    stdin: BinaryIO | None = None,
    on_reject: RejectFn | None = None,
    on_inputs_listed: ProgressFn | None = None,
    on_input_done: ProgressFn | None = None,
) -> IngestReport:
    """Read every source, run the pipeline over batches, and store what comes through.

    Each article is stored in a transaction of its own, and its id is derived from its content, so a run
    that is killed part-way and run again ends with exactly the store one clean run gives. An article
    already in the store is skipped before any stage runs. One run at a time per store (``Repository.ingest_lock``):
    a second run, from any process, waits for the first.
    """
    pipeline = build(stages)
    with repo.ingest_lock():
        return _ingest_locked(sources, repo, options, pipeline, stdin, on_reject, on_inputs_listed, on_input_done)


def _ingest_locked(
    sources: Iterable[str],
    repo: Repository,
    options: Options,
    pipeline: list[Stage],
    stdin: BinaryIO | None,
    on_reject: RejectFn | None,
    on_inputs_listed: ProgressFn | None,
    on_input_done: ProgressFn | None,
) -> IngestReport:
    ctx = Context(options=options)
    restore_state(pipeline, ctx, repo)
    if ctx.updates:  # stored articles a stage had not seen yet (see Stage.absorb)
        repo.update_articles(ctx.updates)
        ctx.updates.clear()
    report = IngestReport()
    inputs = ingest_inputs.list_inputs(sources)
    report.inputs = len(inputs)
    if on_inputs_listed is not None:
        on_inputs_listed(len(inputs))

    def note_reject(reject: Reject) -> None:
        repo.add_reject(reject)
        report.rejects.append(reject)
        if on_reject is not None:
            on_reject(reject)

    def documents() -> Iterator[Document]:
        for source in inputs:
            for item in ingest_inputs.read_input(source, options, stdin=stdin):
                if isinstance(item, Reject):
                    note_reject(item)
                    continue
                report.read += 1
                if repo.has_article(item.id):
                    report.already_stored += 1
                    continue
                yield item
            if on_input_done is not None:
                on_input_done(1)

    try:
        with blas_threads(1):  # small products: a second BLAS thread only waits (storyline.blas)
            # Batches of lookahead: the next batches are cleaned and handed to the model worker while this one
            # finishes and is stored (pipeline.run_batches).
            for kept, refused in run_batches(batched(documents(), options.batch_size), pipeline, ctx):
                _store_batch(kept, refused, ctx, repo, report, note_reject)
    finally:
        ctx.close()
    save_state(pipeline, ctx, repo)
    for stage in pipeline:
        if stage.finish is not None:
            stage.finish(ctx, repo)
    report.stage_counts = ctx.counts
    report.stage_seconds = dict(ctx.seconds)
    return report


def restore_state(pipeline: list[Stage], ctx: Context, repo: Repository) -> None:
    """Give each stateful stage its saved state, brought up to date with the articles stored after it."""
    for stage in pipeline:
        if stage.absorb is None:
            continue
        snapshot = repo.load_state(stage.name)
        seen = 0
        if snapshot is not None:
            ctx.state[stage.name] = pickle.loads(snapshot.payload)
            seen = snapshot.seq
        for batch in batched(repo.iter_articles(after_seq=seen), ctx.options.batch_size):
            stage.absorb(batch, ctx)
            ctx.counts[f"{stage.name}.restored"] += len(batch)


def save_state(pipeline: list[Stage], ctx: Context, repo: Repository) -> None:
    """Save each stateful stage's state with the highest article seq it covers."""
    seq = repo.max_seq()
    for stage in pipeline:
        if stage.absorb is not None and stage.name in ctx.state:
            payload = pickle.dumps(ctx.state[stage.name], protocol=pickle.HIGHEST_PROTOCOL)
            repo.save_state(StateSnapshot(stage.name, seq, payload))


def _store_batch(
    kept: list[Document],
    refused: list[Reject],
    ctx: Context,
    repo: Repository,
    report: IngestReport,
    note_reject: RejectFn,
) -> None:
    for reject in refused:
        note_reject(reject)
    try:
        outcomes: list[bool | None] = list(repo.add_articles(kept)) if kept else []  # one transaction for the batch
    except UnstorableError:  # the batch holds an article the store cannot keep: find it, keep the others
        outcomes = []
        for doc in kept:
            try:
                outcomes.append(repo.add_article(doc))  # checks what it can keep first, writing nothing if it cannot
            except UnstorableError as error:
                note_reject(Reject(doc.uri, error.reason))
                outcomes.append(None)
    for added in outcomes:
        if added:
            report.added += 1
        elif added is not None:  # the same article twice in one input
            report.already_stored += 1
    if ctx.updates:
        repo.update_articles(ctx.updates)
        ctx.updates.clear()
