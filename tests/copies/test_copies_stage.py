"""The copies stage over the seed articles and real copies of them, batch by batch, as the pipeline runs it."""

from __future__ import annotations

import pickle

from copies_helpers import FIXTURES, SEEDS, make_doc, seed_text

from storyline.copies import STAGE, CopyState, run
from storyline.document import Document
from storyline.pipeline import Context, Stage, check_order
from storyline.settings import Options


def _run(docs: list[Document], state: CopyState, batch: int = 2) -> list[Document]:
    ctx = Context(Options())
    ctx.state["copies"] = state
    out: list[Document] = []
    for start in range(0, len(docs), batch):
        out += run(docs[start : start + batch], ctx)
    return out


def test_stage_declares_what_it_needs_and_adds() -> None:
    assert STAGE.name == "copies"
    assert set(STAGE.requires) == {"text", "language", "published"}
    assert set(STAGE.assigns) == {"copy_of", "copy_kind", "spin_score"}
    clean = Stage("clean", (), ("text", "language"), lambda docs, ctx: docs)
    check_order([clean, STAGE])  # published comes from ingest


def test_seeds_issue_3(copy_state: CopyState) -> None:
    """Issue 3: 002 flagged spun with its telltales; 001 a rewrite of 000 with shared quotes; no other link."""
    paths = sorted(SEEDS.glob("*.txt"))
    docs = _run([make_doc(p.read_text(encoding="utf-8"), str(p)) for p in paths], copy_state)
    by_name = {p.name[:3]: d for p, d in zip(paths, docs, strict=True)}
    linked = {name: d.copy_of for name, d in by_name.items() if d.copy_of}
    assert linked == {"001": by_name["000"].id}
    rewrite = by_name["001"]
    assert rewrite.copy_kind == "rewrite" and rewrite.copy_evidence is not None
    quotes = [rewrite.text[p.start : p.end] for p in rewrite.copy_evidence.passages]
    origin_text = by_name["000"].text
    assert any("patriotic duty" in q for q in quotes)
    for p in rewrite.copy_evidence.passages:
        assert 0 <= p.other_start < p.other_end <= len(origin_text)
    spun = by_name["002"]
    assert spun.spin_evidence is not None and spun.spin_evidence.flagged and spun.spin_score is not None
    assert any("performing president" in p.text for p in spun.spin_evidence.phrases)
    assert all(not d.spin_evidence or not d.spin_evidence.flagged for n, d in by_name.items() if n != "002")


def test_a_translation_is_linked_to_its_origin(copy_state: CopyState) -> None:
    german = (FIXTURES / "000_de_translation.txt").read_text(encoding="utf-8")
    origin = make_doc(seed_text("000"), "tass", "2021-10-06")
    translation = make_doc(german, "de", "2021-10-07", language="de")
    other = make_doc(seed_text("004"), "other", "2021-10-07")
    docs = _run([origin, other, translation], copy_state)
    assert docs[2].copy_of == origin.id and docs[2].copy_kind == "translated"
    assert docs[2].spin_score is None  # no reference model for German
    assert docs[1].copy_of is None


def test_an_original_that_arrives_after_its_copy_becomes_the_origin(copy_state: CopyState) -> None:
    text = seed_text("003")
    copy = make_doc("JOHANNESBURG (Wire) - " + text + "\nFollow us for more.", "copy", "2022-01-12")
    original = make_doc(text, "original", "2022-01-11")
    first = _run([copy], copy_state)
    assert first[0].copy_of is None
    second = _run([original], copy_state)
    assert second[0].copy_of is None  # the earlier article is the origin
    (change,) = copy_state.drain_reassignments()  # also in ctx.updates: see the test below
    assert (change.article_id, change.copy_of, change.copy_kind) == (copy.id, original.id, "near")
    assert change.evidence is not None and change.evidence.matched_id == original.id


def test_reassignments_inside_one_batch_update_the_documents(copy_state: CopyState) -> None:
    text = seed_text("004")
    copy = make_doc(text.replace("\n", "\n\n"), "copy", "2021-09-02")
    original = make_doc(text, "original", "2021-09-01")
    docs = _run([copy, original], copy_state, batch=2)
    assert docs[0].copy_of == original.id and docs[0].copy_kind == "exact"
    assert docs[1].copy_of is None


def test_the_same_article_twice_is_not_its_own_copy(copy_state: CopyState) -> None:
    doc = make_doc(seed_text("000"), "tass")
    twin = make_doc(seed_text("000"), "tass")
    _run([doc], copy_state)
    again = _run([twin], copy_state)
    assert again[0].copy_of is None and copy_state.index.size == 1


def test_stored_articles_get_their_new_origin_as_updates_and_the_state_survives_pickling(
    copy_state: CopyState,
) -> None:
    text = seed_text("003")
    copy = make_doc(text + "\nFollow us for more.", "copy", "2022-01-12")
    ctx = Context(Options())
    ctx.state["copies"] = copy_state
    run([copy], ctx)
    restored = pickle.loads(pickle.dumps(ctx.state["copies"]))  # what a run saves between batches and runs
    assert restored.sentence_encoder is None and restored.index.size == 1
    later = Context(Options())
    later.state["copies"] = restored
    original = make_doc(text, "original", "2022-01-11")
    run([original], later)
    (update,) = later.updates
    assert (update.article_id, update.copy_of, update.copy_kind) == (copy.id, original.id, "near")


def test_absorb_rebuilds_the_state_from_stored_articles(copy_state: CopyState) -> None:
    text = seed_text("004")
    origin, copy = make_doc(text, "a", "2021-09-01"), make_doc(text.replace("\n", "\n\n"), "b", "2021-09-02")
    copy.copy_of, copy.copy_kind = origin.id, "exact"
    ctx = Context(Options())
    ctx.state["copies"] = copy_state
    assert STAGE.absorb is not None
    STAGE.absorb([origin, copy], ctx)
    index = copy_state.index
    assert index.size == 2 and index.origin_id(index.row_of[copy.id]) == origin.id
    third = make_doc(text + "\nRead more.", "c", "2021-09-03")
    run([third], ctx)
    assert third.copy_of == origin.id and third.copy_kind == "near"
