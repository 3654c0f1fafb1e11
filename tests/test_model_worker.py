"""The model worker: the same store with the sentence encoder, the NER model and the parser in a second process,
and without it.

The seeds go through every stage in batches of two, once in-process and once with the worker (started first,
so that every batch uses it), and once more with a worker that died before the run: the exports must be equal.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.copies import WORKER_EMBEDDING_SHARE
from storyline.corpus import IngestReport, ingest
from storyline.export.records import iter_records
from storyline.settings import Options
from storyline.store import open_store
from storyline.worker import ENV_SWITCH, ModelWorker, shared_worker, stop_shared_worker

SEEDS = sorted((Path(__file__).resolve().parents[1] / "examples" / "afghan-resistance").glob("*.txt"))


def _run(db: Path) -> tuple[IngestReport, list[dict[str, Any]]]:
    with open_store(db) as repo:
        report = ingest([str(p) for p in SEEDS], repo, Options(batch_size=2, progress=False))
        return report, list(iter_records(repo))


def _started() -> ModelWorker:
    worker = shared_worker()
    assert worker is not None
    deadline = time.monotonic() + 180
    while not worker.ready():
        assert not worker.broken and time.monotonic() < deadline, "the model worker did not load its models"
        time.sleep(0.1)
    return worker


@pytest.fixture
def worker_on(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(ENV_SWITCH, "1")
    yield
    stop_shared_worker()


@pytest.fixture(scope="module")
def in_process(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(ENV_SWITCH, "0")
        report, records = _run(tmp_path_factory.mktemp("alone") / "alone.db")
    assert not any(report.stage_counts[f"{kind}.worker"] for kind in ("copies", "entities", "parse"))
    return records


@pytest.mark.usefixtures("worker_on")
def test_the_worker_runs_both_models_and_changes_nothing(tmp_path: Path, in_process: list[dict[str, Any]]) -> None:
    _started()
    report, records = _run(tmp_path / "worker.db")
    english = report.stage_counts["parse.documents"]
    assert english == len(SEEDS)
    assert report.stage_counts["entities.worker"] == english and report.stage_counts["parse.worker"] == english
    # The sentence vectors of the worker's share of every batch (batches of 2, 2 and 1 articles).
    assert report.stage_counts["copies.worker"] == sum(math.ceil(n * WORKER_EMBEDDING_SHARE) for n in (2, 2, 1)) > 0
    assert report.stage_seconds["parse.worker"] > 0 and report.stage_seconds["copies.worker"] > 0
    assert records == in_process
    worker = shared_worker(start=False)
    assert worker is not None and worker.lock.acquire(blocking=False)  # the run handed it back
    worker.lock.release()


@pytest.mark.usefixtures("worker_on")
def test_a_dead_worker_leaves_the_work_to_the_main_process(tmp_path: Path, in_process: list[dict[str, Any]]) -> None:
    worker = _started()
    worker._process.kill()  # a crash, as the operating system would cause it
    worker._process.join()
    report, records = _run(tmp_path / "dead.db")
    assert records == in_process
    assert not any(report.stage_counts[f"{kind}.worker"] for kind in ("copies", "entities", "parse"))
