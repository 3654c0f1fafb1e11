"""Build the stage list, check its order, and run it over batches of documents.

A stage is a module-level ``STAGE = Stage(name, requires, assigns, run)``. ``run`` takes a batch of
documents and the run's ``Context`` and returns the batch; it may mark a document as refused by setting
``Document.rejected`` through :func:`refuse`, and the pipeline turns that into a ``Reject``. Stages are
pure over their batch: corpus-level state (indexes) lives in ``ctx.state``, never in module globals.
"""

from __future__ import annotations

import importlib
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from storyline.document import ArticleUpdate, Document, Reject
from storyline.errors import PipelineOrderError, StorylineError
from storyline.settings import Options

if TYPE_CHECKING:
    from storyline.store import Repository

# How many batches run_batches cleans and hands to the model worker ahead of the one going through the other stages:
# with two, a batch heavy for one process and light for the other leaves neither waiting (benchmarks/pipeline).
LOOKAHEAD_BATCHES = 2
# What ingest fills before any stage runs.
INGEST_ASSIGNS: tuple[str, ...] = ("uri", "raw_text", "title", "published", "outlet", "url")

StateT = TypeVar("StateT")
StageFn = Callable[[list[Document], "Context"], list[Document]]


@dataclass(frozen=True)
class Stage:
    """One step of the pipeline: what it needs, what it adds, and the function that does it.

    A stage that keeps corpus-level state in ``ctx.state[name]`` also gives ``absorb``: it adds documents
    this stage has already processed (as stored, with their outputs) to that state without changing them.
    A run uses it to bring a saved snapshot up to date with articles stored after it (a run killed before
    it saved its state), so that the next articles see exactly the state an uninterrupted run would have.
    ``absorb`` may also put ``ArticleUpdate``s in ``ctx.updates`` for stored articles that never went through
    the stage (a store built before the stage was added), which backfills them.

    A stage whose state has a corpus-level view (stories, entities, events) gives ``finish``: at the end of a
    run, after the state is saved, it writes that view to the store (``Repository.replace_*``, one transaction).
    It is the only place a stage touches the store.

    A stage whose slow part reads only fields assigned well before it (a model over the text) may give
    ``prefetch``: ``run_batch`` calls it with the batch as soon as every field in ``requires`` is assigned, and it
    starts that part elsewhere (another process), for ``run`` to collect; the stages in between run meanwhile.
    It must leave the batch alone, and ``run`` must give the same results whether it was called or not.

    A stage that reads and writes nothing but its batch's documents (no ``ctx.state``: ``clean``) says so with
    ``stateless``. :func:`run_batches` may then run it on the next batch before the current one's later stages,
    so that the next batch's prefetched work runs while the current batch finishes and is stored.
    """

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: StageFn
    absorb: Callable[[list[Document], Context], None] | None = None
    finish: Callable[[Context, Repository], None] | None = None
    prefetch: Callable[[list[Document], Context], None] | None = None
    stateless: bool = False


@dataclass
class Context:
    """What a run hands every stage: the options, corpus-level state, and counters for the summary."""

    options: Options
    state: dict[str, Any] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)
    seconds: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))  # wall time per stage
    # Changes to articles stored in earlier batches, for the run to apply after the current batch.
    updates: list[ArticleUpdate] = field(default_factory=list)
    # What a stage holds for the run (a worker process it borrowed): handed back by ``close`` at the run's end.
    closers: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        """Hand back what the stages held for this run, last taken first."""
        while self.closers:
            self.closers.pop()()

    def state_of(self, key: str, kind: type[StateT], create: Callable[[], StateT]) -> StateT:
        """The corpus-level state a stage keeps under ``key``, made by ``create`` on first use only."""
        state = self.state.get(key)
        if state is None:
            state = self.state[key] = create()
        if not isinstance(state, kind):
            raise TypeError(f"ctx.state[{key!r}] holds a {type(state).__name__}, not a {kind.__name__}")
        return state


# Stage name -> module that defines ``STAGE``; imported only when a pipeline uses it, so that a run
# that never extracts never loads a language model.
STAGE_MODULES: dict[str, str] = {
    "clean": "storyline.clean",
    "copies": "storyline.copies",
    "stories": "storyline.stories",
    "time": "storyline.extract.time",
    "entities": "storyline.extract.entities.stage",
    "parse": "storyline.extract.parse",
    "quotes": "storyline.extract.quotes.stage",
    "events": "storyline.extract.events.stage",
}

# The whole pipeline, in order: what `storyline ingest` runs unless told otherwise.
DEFAULT_STAGES: tuple[str, ...] = ("clean", "copies", "stories", "time", "entities", "parse", "quotes", "events")


def load_stage(name: str) -> Stage:
    try:
        module_name = STAGE_MODULES[name]
    except KeyError:
        known = ", ".join(STAGE_MODULES)
        raise StorylineError("E010", f"unknown stage {name!r}", f"use one of: {known}") from None
    stage = importlib.import_module(module_name).STAGE
    if not isinstance(stage, Stage):  # pragma: no cover - a programming error in a stage module
        raise TypeError(f"{module_name}.STAGE is not a Stage")
    return stage


def build(names: Iterable[str | Stage] = DEFAULT_STAGES) -> list[Stage]:
    """Load the named stages (or take the given ones) and check that each one's needs are met in order."""
    stages = [name if isinstance(name, Stage) else load_stage(name) for name in names]
    check_order(stages)
    return stages


def check_order(stages: list[Stage]) -> None:
    available = set(INGEST_ASSIGNS)
    for stage in stages:
        missing = [need for need in stage.requires if need not in available]
        if missing:
            raise PipelineOrderError(
                "E011",
                f"stage {stage.name!r} needs {', '.join(missing)}, which no earlier stage assigns",
                "put the stage that assigns it earlier in the pipeline",
            )
        available.update(stage.assigns)


def refuse(doc: Document, reason: str) -> Document:
    """Mark a document as refused by a stage; the pipeline records it as a reject and drops it."""
    doc.rejected = reason
    return doc


def run_batch(docs: list[Document], stages: list[Stage], ctx: Context) -> tuple[list[Document], list[Reject]]:
    """Run every stage over one batch; return the documents that came through and the ones refused.

    Before each stage, the ``prefetch`` of every later stage whose needs are met by then is called (once).
    """
    batch = _BatchRun(docs)
    _advance(batch, stages, ctx, len(stages))
    return batch.docs, batch.rejects


def run_batches(
    batches: Iterable[list[Document]], stages: list[Stage], ctx: Context
) -> Iterator[tuple[list[Document], list[Reject]]]:
    """:func:`run_batch` over every batch, yielding each batch's result in order, with :data:`LOOKAHEAD_BATCHES`
    batches of lookahead.

    Where the pipeline opens with ``stateless`` stages after which a later stage can prefetch (``clean``, then the
    model worker's ``copies``, ``entities`` and ``parse``), the next batches go through those stages, and their
    prefetches are made, before the current batch goes through the rest: the worker has the next batches' requests
    queued behind the current one's, so it never waits for the main process, which runs the current batch's
    other stages and stores it (the caller does, before it asks for the next result) meanwhile. Every stage that
    keeps state still sees the batches in order, so the results are those of :func:`run_batch` batch by batch.
    """
    head = _lookahead_head(stages)

    def ahead(docs: list[Document] | None) -> _BatchRun | None:
        if docs is None:
            return None
        batch = _BatchRun(docs)
        if head:
            _advance(batch, stages, ctx, head)
            _prefetch(batch, stages, ctx, batch.position)  # its next stage too: it runs later
        return batch

    pending = iter(batches)
    queued: deque[_BatchRun] = deque()
    while True:
        while len(queued) <= LOOKAHEAD_BATCHES and (following := ahead(next(pending, None))) is not None:
            queued.append(following)
        if not queued:
            return
        current = queued.popleft()
        _advance(current, stages, ctx, len(stages))
        yield current.docs, current.rejects


@dataclass
class _BatchRun:
    """One batch on its way through the stages: the documents still in, those refused, and how far it got."""

    docs: list[Document]
    rejects: list[Reject] = field(default_factory=list)
    available: set[str] = field(default_factory=lambda: set(INGEST_ASSIGNS))
    prefetched: set[int] = field(default_factory=set)
    position: int = 0  # the next stage to run


def _lookahead_head(stages: list[Stage]) -> int:
    """How many leading stages :func:`run_batches` runs a batch ahead: the ``stateless`` ones, if a later stage
    can prefetch once they have run (else 0: nothing would be gained)."""
    head = 0
    while head < len(stages) and stages[head].stateless:
        head += 1
    available = set(INGEST_ASSIGNS).union(*(stage.assigns for stage in stages[:head]))
    ready = any(s.prefetch is not None and available.issuperset(s.requires) for s in stages[head:])
    return head if ready else 0


def _prefetch(batch: _BatchRun, stages: list[Stage], ctx: Context, first: int) -> None:
    """Call the ``prefetch`` of every stage from ``first`` on whose needs the batch meets (once each)."""
    if not batch.docs:
        return
    for later in range(first, len(stages)):
        prefetch, needs = stages[later].prefetch, stages[later].requires
        if prefetch is not None and later not in batch.prefetched and batch.available.issuperset(needs):
            batch.prefetched.add(later)
            started = time.perf_counter()
            prefetch(batch.docs, ctx)
            ctx.seconds[stages[later].name] += time.perf_counter() - started


def _advance(batch: _BatchRun, stages: list[Stage], ctx: Context, until: int) -> None:
    """Run the batch through its stages up to (not including) stage ``until``."""
    while batch.position < min(until, len(stages)):
        if not batch.docs:
            batch.position = len(stages)
            return
        stage = stages[batch.position]
        _prefetch(batch, stages, ctx, batch.position + 1)
        started = time.perf_counter()
        docs = stage.run(batch.docs, ctx)
        ctx.seconds[stage.name] += time.perf_counter() - started
        batch.available.update(stage.assigns)
        kept = []
        for doc in docs:
            if doc.rejected is None:
                kept.append(doc)
            else:
                batch.rejects.append(Reject(doc.uri, f"{stage.name}: {doc.rejected}"))
        ctx.counts[f"{stage.name}.in"] += len(docs)
        ctx.counts[f"{stage.name}.out"] += len(kept)
        batch.docs = kept
        batch.position += 1


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
