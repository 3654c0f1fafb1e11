"""A second process for the two spaCy models, so that they run while the main process runs the stages before them.

The named-entity model (``entities``) and the parser (``parse``) read nothing but a document's cleaned text and
language, which the ``clean`` stage settles first; ``copies``, ``stories`` and ``time`` come in between. So when
``clean`` is done, :func:`storyline.pipeline.run_batch` calls the ``prefetch`` of both stages
(:func:`storyline.extract.common.prefetch_entities`, :func:`~storyline.extract.common.prefetch_parses`): they hand
the batch's English texts to a :class:`ModelWorker`, a process of its own that holds both models, and the two
stages collect its answers when their turn comes. On two cores the models then cost the run little more than
the wait for what the main process has not covered meanwhile.

The answers are what the main process would compute: the recogniser's mentions (:func:`~storyline.extract.ner.
recognise`, rules included) and the parses as ``Doc.to_bytes`` (every token attribute, sentence and head; the
tok2vec tensor and user data, which no stage reads, are left out), read back into the main process's parser
vocabulary. Any failure of the worker (it died, a request raised) makes the stage compute in-process, as it does
without a worker.

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
import threading
import time
from collections import deque
from multiprocessing.connection import Connection
from typing import Any

from storyline.blas import blas_threads

START_AFTER = 256  # documents a run sees before it starts the worker
ENV_SWITCH = "STORYLINE_MODEL_WORKER"
Key = tuple[str, tuple[str, ...]]  # (request kind, the batch's English document ids)


class ModelWorker:
    """A process that runs the recogniser and the parser over texts it is sent, one request at a time."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")  # never fork a process that holds threads and models
        self._connection, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child,), name="storyline-models", daemon=True)
        self._process.start()
        child.close()
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
        """Ask for ``kind`` (``"entities"`` or ``"parse"``) of the texts of documents ``ids``."""
        stale = [key for key in self._answers if key[1] != ids]
        for key in stale:  # a batch whose stage never collected (a document refused in between)
            del self._answers[key]
        try:
            self._connection.send((kind, texts))
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
            self._connection.send(None)
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.terminate()
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


def _serve(connection: Connection) -> None:
    """The worker's loop: load both models, say so, then answer requests until told to stop."""
    from storyline.extract.ner import place_gazetteer
    from storyline.extract.nlp import load_parser, load_pipeline

    load_pipeline()
    place_gazetteer()
    parser = load_parser()
    connection.send(("ready", None))
    with blas_threads(1):  # as in the main process's runs (storyline.blas)
        _answer(connection, parser)


def _answer(connection: Connection, parser: Any) -> None:
    """Answer requests (kind, texts) in order until told to stop; a failed one is answered with its error."""
    from storyline.extract.common import PARSE_BATCH_SIZE
    from storyline.extract.ner import recognise

    while True:
        try:
            request = connection.recv()
        except EOFError:
            return
        if request is None:
            return
        kind, texts = request
        started = time.perf_counter()
        try:
            if kind == "entities":
                answer: Any = recognise(texts)
            else:
                parsed = parser.pipe(texts, batch_size=PARSE_BATCH_SIZE)
                answer = [doc.to_bytes(exclude=["tensor", "user_data"]) for doc in parsed]
            connection.send(("ok", (answer, time.perf_counter() - started)))
        except Exception as error:  # the main process computes it in-process instead, and sees the error there
            connection.send(("error", repr(error)))


def stop_shared_worker() -> None:
    """Stop the process's model worker, if it has one (a later run may start another)."""
    global _shared
    with _shared_lock:
        if _shared is not None:
            _shared.close()
        _shared = None
