"""A second process for the models of three stages, so that they run while the main process runs other stages.

The named-entity model (``entities``), the parser (``parse``) and the sentence encoder of ``copies`` read nothing
but a document's cleaned text and language, which the ``clean`` stage settles first. So when ``clean`` is done,
:func:`storyline.pipeline.run_batch` calls the ``prefetch`` of those stages, which hand the batch's texts to a
:class:`ModelWorker` (:func:`submit`), a process of its own that holds the models, and each stage collects its
answer when its turn comes (:func:`collect`). :func:`storyline.pipeline.run_batches` cleans the next batches and
makes their requests while the current one finishes and is stored, so the worker keeps busy.

The answers are what the main process would compute: the sentence vectors of the articles ``copies`` sends (its
share of each batch; :func:`~storyline.copies.compare.embedded_sentences`, one encoder call per article, as in the
main process), the recogniser's mentions (:func:`~storyline.extract.ner.recognise`, rules included) and the parses as
``Doc.to_bytes`` (every token attribute, sentence and head; the tok2vec tensor and user data, which no stage reads,
are left out), read back into the main process's parser vocabulary. Any failure of the worker (it died, a request
raised) makes the stage compute in-process, as it does without a worker.

When: the worker is process-wide, like the models (:func:`shared_worker`). A run uses the one the process has
started already, else starts it once it has seen :data:`START_AFTER` documents (a short run, such as a test's,
never pays for loading the models a second time) on a machine with two cores or more; it uses it as soon as it
has loaded its models (about as long as the main process takes), and hands it back at its end
(:meth:`storyline.pipeline.Context.close`) for the next run of the process; one run uses it at a time.
``STORYLINE_MODEL_WORKER=0`` in the environment turns it off, ``=1`` starts it from the first document.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import threading
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from storyline.blas import blas_threads

if TYPE_CHECKING:
    from storyline.copies.embed import SentenceEncoder
    from storyline.pipeline import Context

START_AFTER = 256  # documents a run sees before it starts the worker
ENV_SWITCH = "STORYLINE_MODEL_WORKER"
STATE_KEY = "_model_worker"  # a run's use of the worker in ctx.state (not a stage name: never saved)
KINDS = ("copies", "entities", "parse")  # what the worker answers, named after the stage that asks
Key = tuple[str, tuple[str, ...]]  # (request kind, the ids of the batch's documents it covers)


class ModelWorker:
    """A process that runs the sentence encoder, the recogniser and the parser over texts it is sent, one request
    at a time, in the order sent."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")  # never fork a process that holds threads and models
        requests, self._requests = context.Pipe(duplex=False)  # (receiving end, sending end)
        self._connection, answers = context.Pipe(duplex=False)  # the answers come back on self._connection
        self._process = context.Process(target=_serve, args=(requests, answers), name="storyline-models", daemon=True)
        self._process.start()
        requests.close()
        answers.close()
        self._sent: deque[Key] = deque()  # requests whose answers are not read yet, in order
        self._answers: dict[Key, Any] = {}  # answers read, not collected yet
        self._loaded = False
        self.broken = False
        self.lock = threading.Lock()  # held by the run that uses the worker

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def ready(self) -> bool:
        """Whether the worker has loaded its models (never waits)."""
        if not self._loaded and not self.broken:
            try:
                if self._connection.poll():
                    self._loaded = self._connection.recv() == ("ready", None)
                    self.broken = not self._loaded
            except (EOFError, OSError):
                self.broken = True
        return self._loaded and not self.broken

    def submit(self, kind: str, ids: tuple[str, ...], texts: list[str]) -> None:
        """Ask for ``kind`` (one of :data:`KINDS`) of the texts of documents ``ids``."""
        stale = [key for key in self._answers if key[0] == kind]
        for key in stale:  # an earlier batch's answer its stage never collected (a document refused in between)
            del self._answers[key]
        try:
            self._requests.send((kind, texts))
        except (OSError, ValueError):
            self.broken = True
            return
        self._sent.append((kind, ids))

    def result(self, kind: str, ids: tuple[str, ...]) -> Any | None:
        """The answer to the request for ``kind`` of documents ``ids`` and the seconds the worker spent on it,
        waiting for it; ``None`` if there was no such request or the worker failed it."""
        key = (kind, ids)
        while key not in self._answers:
            if key not in self._sent or self.broken:
                return None
            try:
                status, value = self._connection.recv()
            except (EOFError, OSError):
                self.broken = True
                return None
            self._answers[self._sent.popleft()] = value if status == "ok" else None
        return self._answers.pop(key)

    def close(self) -> None:
        """Stop the process (it also ends with the main process)."""
        with contextlib.suppress(OSError, ValueError):
            self._requests.send(None)
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.terminate()
        self._requests.close()
        self._connection.close()
        self.broken = True


_shared: ModelWorker | None = None
_shared_lock = threading.Lock()


def shared_worker(start: bool = True) -> ModelWorker | None:
    """The process's model worker; started here if ``start`` and there is none yet (``None``: not started, off,
    one core, or failed)."""
    global _shared
    with _shared_lock:
        if _shared is not None and _shared.broken:
            _shared = None
        if _shared is None and start and enabled():
            _shared = ModelWorker()
        return _shared


def enabled() -> bool:
    """Whether runs may use a model worker: two cores or more, and not turned off in the environment."""
    return os.environ.get(ENV_SWITCH, "") != "0" and (os.cpu_count() or 1) >= 2


def start_at() -> int:
    """Documents a run sees before it starts the worker (0 with ``STORYLINE_MODEL_WORKER=1``)."""
    return 0 if os.environ.get(ENV_SWITCH, "") == "1" else START_AFTER


def _serve(requests: Connection, answers: Connection) -> None:
    """The worker's loop: load the models, say so, then answer requests until told to stop.

    One thread receives requests as they come and one sends the answers, so that neither process ever waits on a
    full pipe: the main process hands over the next batch's texts while the models work on an earlier request,
    and the worker goes on with the next request while the main process has not yet read an answer.
    """
    from storyline.copies.embed import SentenceEncoder
    from storyline.extract.ner import place_gazetteer
    from storyline.extract.nlp import load_parser, load_pipeline

    load_pipeline()
    place_gazetteer()
    parser = load_parser()
    encoder = SentenceEncoder()
    encoder.encode(["load"])  # the encoder's weights
    answers.send(("ready", None))
    inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
    outbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
    threading.Thread(target=_receive, args=(requests, inbox), daemon=True).start()
    sender = threading.Thread(target=_send, args=(answers, outbox), daemon=True)
    sender.start()
    with blas_threads(1):  # as in the main process's runs (storyline.blas)
        _answer(inbox, outbox, parser, encoder)
    outbox.put(None)
    sender.join()


def _receive(requests: Connection, inbox: queue.SimpleQueue[Any]) -> None:
    """Move requests from the pipe to the inbox as they arrive; ``None`` when the main process stops or is gone."""
    while True:
        try:
            request = requests.recv()
        except (EOFError, OSError):
            request = None
        inbox.put(request)
        if request is None:
            return


def _send(answers: Connection, outbox: queue.SimpleQueue[Any]) -> None:
    """Send the answers in the outbox, in order, until ``None``."""
    while (answer := outbox.get()) is not None:
        try:
            answers.send(answer)
        except (OSError, ValueError):  # the main process is gone
            return


def _answer(
    inbox: queue.SimpleQueue[Any], outbox: queue.SimpleQueue[Any], parser: Any, encoder: SentenceEncoder
) -> None:
    """Answer requests (kind, texts) in order until told to stop; a failed one is answered with its error."""
    from storyline.copies.compare import embedded_sentences
    from storyline.extract.common import PARSE_BATCH_SIZE
    from storyline.extract.ner import recognise

    while (request := inbox.get()) is not None:
        kind, texts = request
        started = time.perf_counter()
        try:
            if kind == "copies":
                answer: Any = [encoder.encode(embedded_sentences(text)) for text in texts]
            elif kind == "entities":
                answer = recognise(texts)
            else:
                parsed = parser.pipe(texts, batch_size=PARSE_BATCH_SIZE)
                answer = [doc.to_bytes(exclude=["tensor", "user_data"]) for doc in parsed]
            outbox.put(("ok", (answer, time.perf_counter() - started)))
        except Exception as error:  # the main process computes it in-process instead, and sees the error there
            outbox.put(("error", repr(error)))


def stop_shared_worker() -> None:
    """Stop the process's model worker, if it has one (a later run may start another)."""
    global _shared
    with _shared_lock:
        if _shared is not None:
            _shared.close()
        _shared = None


@dataclass
class _WorkerUse:
    """How a run uses the model worker: documents seen by each kind of request, and the worker once it holds it."""

    seen: dict[str, int]
    worker: ModelWorker | None = None


def submit(ctx: Context, kind: str, ids: Sequence[str], texts: list[str]) -> None:
    """A stage's ``prefetch``: the run's worker starts on ``kind`` for these documents' texts, if the run has one
    (started here once the run has seen enough documents, and taken for the run if no other run holds it)."""
    use = ctx.state.get(STATE_KEY)
    if use is None:
        use = ctx.state[STATE_KEY] = _WorkerUse(seen={})
    use.seen[kind] = use.seen.get(kind, 0) + len(ids)
    if use.worker is None:  # one the process started already, else a new one once the run is long enough
        worker = shared_worker(start=use.seen[kind] > start_at())
        if worker is not None and worker.lock.acquire(blocking=False):  # one run at a time uses it
            use.worker = worker
            ctx.closers.append(worker.lock.release)
    if ids and use.worker is not None and use.worker.ready():
        use.worker.submit(kind, tuple(ids), texts)


def collect(ctx: Context, kind: str, ids: Sequence[str]) -> list[Any] | None:
    """The worker's answer to this batch's ``kind`` request for documents ``ids`` (waiting for it), one item per
    document; ``None`` if it has none (never asked, another batch, or it failed): the stage computes it itself."""
    use = ctx.state.get(STATE_KEY)
    if use is None or use.worker is None or not ids:
        return None
    answer = use.worker.result(kind, tuple(ids))
    if answer is None:
        return None
    value, seconds = answer
    ctx.counts[f"{kind}.worker"] += len(ids)
    ctx.seconds[f"{kind}.worker"] += seconds
    found: list[Any] = value
    return found
