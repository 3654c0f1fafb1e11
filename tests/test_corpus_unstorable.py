"""An article the store cannot keep becomes a reject with the reason, and the rest of its batch is stored."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.corpus import ingest
from storyline.document import Document
from storyline.pipeline import Context, Stage
from storyline.settings import Options
from storyline.store import open_store


def _note_a_lone_surrogate(docs: list[Document], ctx: Context) -> list[Document]:
    for doc in docs:
        if "Kabul" in doc.text:
            doc.notes.append("a note with a lone surrogate \ud800 inside")
    return docs


SURROGATE_NOTE = Stage("surrogate-note", requires=("text",), assigns=("notes",), run=_note_a_lone_surrogate)


def test_an_unstorable_article_is_a_reject_and_its_batch_is_stored(tmp_path: Path) -> None:
    source = tmp_path / "articles.jsonl"
    texts = [
        "Talks between the two delegations resumed in Kabul on Monday after a pause of several weeks.",
        "The central bank left its main interest rate unchanged on Thursday, citing steady inflation.",
    ]
    source.write_text("".join(json.dumps({"title": f"Story {i}", "text": t}) + "\n" for i, t in enumerate(texts)))
    with open_store(tmp_path / "store.db") as repo:
        report = ingest([str(source)], repo, Options(progress=False), stages=["clean", SURROGATE_NOTE])
        assert report.added == 1 and report.already_stored == 0
        assert [reject.reason for reject in report.rejects] == ["notes holds a lone surrogate (U+D800)"]
        assert [reject.reason for reject in repo.iter_rejects()] == ["notes holds a lone surrogate (U+D800)"]
        assert repo.counts()["articles"] == 1
