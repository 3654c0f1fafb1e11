"""Issue 2: a SIGKILL in the middle of an ingest, then a rerun, gives exactly the store a clean run gives."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storyline.eval.stories import read_corpus

ECBPLUS = Path(__file__).resolve().parents[2] / "shared" / "bench" / "stories" / "ecbplus"
ARTICLES = 2000


def _write_corpus(path: Path) -> None:
    documents = read_corpus(ECBPLUS)
    with path.open("w", encoding="utf-8") as out:
        for n in range(ARTICLES):
            doc = documents[n % len(documents)]
            outlet = f"Wire {n // len(documents)}"
            out.write(json.dumps({"title": doc.text.split("\n", 1)[0], "text": doc.text, "outlet": outlet}) + "\n")
        out.write("{not json\n")  # a reject, so that rejects are compared too


def _ingest(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "storyline",
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--no-progress",
        "--batch-size",
        "16",
        "--stages",
        "clean,stories",  # a stateful stage too: its index is rebuilt from the store after the kill
    ]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("select count(*) from articles").fetchone()[0])
    except sqlite3.OperationalError:  # schema not created yet
        return 0


def _dump(db: Path) -> list[str]:
    """Every statement that rebuilds the database, except the stages' pickled state snapshots (a cache of the
    articles: a rerun rebuilds them from the snapshot plus the stored articles) and the store's version (a count
    of the writes, which a killed run and its rerun make more of)."""
    skipped = ('INSERT INTO "corpus_state"', 'INSERT INTO "store_version"')
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        return [line for line in conn.iterdump() if not line.startswith(skipped)]


@pytest.mark.slow
@pytest.mark.skipif(not ECBPLUS.is_dir(), reason="needs ../shared/bench/stories/ecbplus")
def test_sigkill_mid_ingest_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    corpus = tmp_path / "articles.jsonl"
    _write_corpus(corpus)

    clean_db = tmp_path / "clean.db"
    assert _ingest(corpus, clean_db).wait(timeout=600) == 0
    assert _count(clean_db) == ARTICLES

    killed_db = tmp_path / "killed.db"
    process = _ingest(corpus, killed_db)
    deadline = time.monotonic() + 300
    while _count(killed_db) < ARTICLES // 4 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "the ingest ended before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stored_at_kill = _count(killed_db)
    assert 0 < stored_at_kill < ARTICLES

    assert _ingest(corpus, killed_db).wait(timeout=600) == 0
    assert _dump(killed_db) == _dump(clean_db)
