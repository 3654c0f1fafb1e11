"""The clean stage in a pipeline: what it declares, what it fills, and which documents it refuses."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.clean import NO_TEXT_LEFT, STAGE, run
from storyline.document import Document
from storyline.pipeline import Context, build, run_batch
from storyline.settings import Options

ROOT = Path(__file__).resolve().parents[2]
SEEDS_DIR = ROOT / "examples" / "afghan-resistance"
FIXTURES = ROOT / "tests" / "fixtures" / "clean"
RUSSIAN = FIXTURES / "articles" / "ru_panjshir.txt"


def _seed_documents() -> list[Document]:
    return [
        Document(uri=str(path), raw_text=path.read_text(encoding="utf-8")) for path in sorted(SEEDS_DIR.glob("*.txt"))
    ]


def test_stage_declaration() -> None:
    assert STAGE.name == "clean"
    assert STAGE.requires == ("raw_text",)
    assert STAGE.assigns == ("text", "language", "language_score", "removed")
    assert STAGE.run is run
    assert build(["clean"]) == [STAGE]


def test_seeds_come_through_cleaned_and_english() -> None:
    ctx = Context(Options())
    docs, rejects = run_batch(_seed_documents(), [STAGE], ctx)
    assert rejects == []
    assert len(docs) == 5
    for doc in docs:
        assert doc.text and doc.text in doc.text.strip()
        assert (doc.language, doc.language_score) == ("en", 1.0)
        assert doc.is_english
    removed = {Path(doc.uri).name: [line.rule for line in doc.removed] for doc in docs}
    assert removed["000_582d571e18169b65.txt"] == []
    assert removed["001_6256d0b3693ecbf9.txt"][0] == "share-buttons"
    assert ctx.counts["clean.removed_lines"] == sum(len(rules) for rules in removed.values()) == 19
    assert (ctx.counts["clean.in"], ctx.counts["clean.out"]) == (5, 5)


def test_the_article_id_does_not_change_with_cleaning() -> None:
    doc = _seed_documents()[1]
    before = doc.id
    run([doc], Context(Options()))
    assert doc.id == before


def test_document_with_only_boilerplate_is_refused() -> None:
    doc = Document(
        uri="feed/empty.txt", raw_text="[ad_1]\n\nLeave a Reply\nYour email address will not be published.\n"
    )
    docs, rejects = run_batch([doc], [STAGE], Context(Options()))
    assert docs == []
    assert [reject.message for reject in rejects] == [f"feed/empty.txt: clean: {NO_TEXT_LEFT}"]
    assert [line.rule for line in doc.removed] == ["ad-marker", "comment-prompt", "comment-prompt"]


def test_empty_raw_text_is_refused() -> None:
    _, rejects = run_batch([Document(uri="blank.txt", raw_text=" \n\t\n")], [STAGE], Context(Options()))
    assert [reject.reason for reject in rejects] == [f"clean: {NO_TEXT_LEFT}"]


def test_min_text_chars_refuses_short_articles() -> None:
    short = Document(uri="short.txt", raw_text="Border reopens.\nShare\n")
    long = _seed_documents()[0]
    docs, rejects = run_batch([short, long], [STAGE], Context(Options(min_text_chars=100)))
    assert docs == [long]
    assert [reject.uri for reject in rejects] == ["short.txt"]


def test_non_english_article_is_kept_and_flagged() -> None:
    doc = Document(uri=str(RUSSIAN), raw_text=RUSSIAN.read_text(encoding="utf-8"))
    docs, rejects = run_batch([doc], [STAGE], Context(Options()))
    assert rejects == []
    assert docs[0].language == "ru"
    assert not docs[0].is_english
    assert "Ctrl+Enter" not in docs[0].text


def test_language_below_threshold_is_none_with_a_note() -> None:
    doc = Document(uri="short.txt", raw_text="Pedram said.")
    ctx = Context(Options(language_min_score=0.99))
    run([doc], ctx)
    run([doc], ctx)  # a second run neither changes the result nor repeats the note
    assert doc.language is None
    assert doc.language_score is not None and doc.language_score < 0.99
    assert len(doc.notes) == 1 and "language unknown" in doc.notes[0]
    assert doc.rejected is None


def test_ingested_seeds_clean_to_the_hand_checked_lines() -> None:
    """The real path: the text reader takes the title and date lines, clean removes exactly the boilerplate."""
    from storyline.ingest.text import read_text

    expected = json.loads((FIXTURES / "seeds_expected.json").read_text(encoding="utf-8"))["files"]
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        doc = read_text(str(path), path.read_bytes())
        assert isinstance(doc, Document)
        docs, rejects = run_batch([doc], [STAGE], Context(Options()))
        assert rejects == [] and docs == [doc]
        labels = expected[path.name]
        raw_lines = {" ".join(line.split()) for line in doc.raw_text.splitlines()}
        taken_by_ingest = [line for line in labels["article"] if line not in raw_lines]
        all_lines = [" ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert set(taken_by_ingest) <= set(all_lines[:3]), "ingest took more than a title and a date line"
        assert [(line.text, line.rule) for line in doc.removed] == [
            (item["line"], item["rule"]) for item in labels["boilerplate"]
        ]
        kept = [line for line in doc.text.split("\n") if line]
        assert kept == [line for line in labels["article"] if line not in taken_by_ingest]
