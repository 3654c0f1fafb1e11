"""The ``copies`` stage: for every article, whether it copies an earlier one, how, and which is the origin.

Documents arrive in batches, in ingest order. For each one the stage

1. scores spinning (``spin_score``; English only), with the telltale phrases as ``spin_evidence``;
2. asks the copy index for candidates (shared MinHash bands over word 3-grams and anchor pairs, plus the
   nearest document vectors among recent articles) and compares the best few (``compare.py``);
3. adds the article to the index and, when it copies a candidate, to that candidate's copy group:
   ``copy_of`` is the group's origin (earliest publication date, else ingest order), ``copy_kind`` the kind of
   copy found against the candidate, and ``copy_evidence`` the aligned passages.

**Origins that arrive late.** When an article published *before* its group's origin arrives later, it becomes
the origin (its ``copy_of`` stays null) and every earlier member must point to it: the index records one
``Reassignment`` per member; members in the current batch are updated in place, stored ones through
``ctx.updates`` (``ArticleUpdate`` of ``copy_of`` and ``copy_kind``), which the run applies after the batch.

Corpus-level state lives in ``ctx.state["copies"]`` (a ``CopyState``), never in module globals.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from storyline.copies.compare import MAX_SENTENCES, FloatArray, Match, Prepared, compare, prepare
from storyline.copies.embed import SentenceEncoder
from storyline.copies.evidence import KINDS, CopyEvidence, SpinEvidence
from storyline.copies.index import Candidate, CopyIndex, IndexConfig, Reassignment
from storyline.copies.spin import SpinScorer
from storyline.document import ArticleUpdate, Document
from storyline.pipeline import Context, Stage
from storyline.worker import collect, submit

__all__ = ["STAGE", "CopyState", "Reassignment", "run"]

KIND_RANK = {kind: rank for rank, kind in enumerate(KINDS)}  # exact first: the strongest kind wins a tie
LSH_CANDIDATES = 6
SEMANTIC_CANDIDATES = 5
TEXT_CACHE = 20_000  # texts of recent articles kept for comparison; older ones come from ``fetch_text``
PREPARED_CACHE = 512  # prepared articles (words, sentences) kept for reuse
EMBEDDING_CACHE = 8192  # sentence vectors (float16) of recent articles kept for reuse
SEMANTIC_GATE = 0.5  # document cosine below which two articles are not compared sentence by sentence
# Share of a batch's articles whose sentence vectors the model worker makes (storyline.worker), the rest being made
# here: the worker also runs the NER model and the parser, so all of them would make it the slower of the two
# processes on two cores (benchmarks/pipeline/README.md).
WORKER_EMBEDDING_SHARE = 0.6


@dataclass
class CopyState:
    """Everything the stage keeps across batches: the index, recent texts, the models (loaded on first use).

    ``fetch_text`` lets a store supply the text of an indexed article that fell out of the recent-text cache.
    ``semantic`` turns the sentence-embedding tier (rewrites and translations) on or off, ``spin`` the spin
    score. ``sentence_encoder`` and ``spin_scorer`` load on first use; pass loaded ones to share them between runs.
    """

    index: CopyIndex = field(default_factory=CopyIndex)
    fetch_text: Callable[[str], tuple[str, str | None] | None] | None = None
    semantic: bool = True
    spin: bool = True
    texts: OrderedDict[str, tuple[str, str | None]] = field(default_factory=OrderedDict)
    prepared: OrderedDict[str, Prepared] = field(default_factory=OrderedDict)
    embeddings: OrderedDict[str, np.ndarray] = field(default_factory=OrderedDict)
    sentence_encoder: SentenceEncoder | None = None
    spin_scorer: SpinScorer | None = None
    reassigned: list[Reassignment] = field(default_factory=list)

    @classmethod
    def create(cls, config: IndexConfig | None = None, **options: object) -> CopyState:
        return cls(index=CopyIndex(config or IndexConfig()), **options)  # type: ignore[arg-type]

    @property
    def encoder(self) -> SentenceEncoder:
        if self.sentence_encoder is None:
            self.sentence_encoder = SentenceEncoder()
        return self.sentence_encoder

    @property
    def scorer(self) -> SpinScorer:
        if self.spin_scorer is None:
            self.spin_scorer = SpinScorer()
        return self.spin_scorer

    def drain_reassignments(self) -> list[Reassignment]:
        """The origin changes of the batches run since the last call, with evidence (``run`` already put them in
        ``ctx.updates`` for the store)."""
        out, self.reassigned = self.reassigned, []
        return out

    def __getstate__(self) -> dict[str, object]:
        """Pickled (the run's state snapshot) without the models and the prepared-article caches: they reload on
        use. The index and the recent texts are kept, so the next run compares new articles with old ones."""
        state = dict(self.__dict__)
        state.update(sentence_encoder=None, spin_scorer=None, fetch_text=None)
        state.update(prepared=OrderedDict(), embeddings=OrderedDict(), reassigned=[])
        return state

    def remember(self, article: Prepared) -> None:
        self.texts[article.id] = (article.text, article.language)
        self.texts.move_to_end(article.id)
        while len(self.texts) > TEXT_CACHE:
            self.texts.popitem(last=False)
        self.prepared[article.id] = article
        self.prepared.move_to_end(article.id)
        while len(self.prepared) > PREPARED_CACHE:
            self.prepared.popitem(last=False)

    def lookup(self, article_id: str) -> Prepared | None:
        found = self.prepared.get(article_id)
        if found is not None:
            self.prepared.move_to_end(article_id)
            return found
        stored = self.texts.get(article_id)
        if stored is None and self.fetch_text is not None:
            stored = self.fetch_text(article_id)
        if stored is None:
            return None
        article = prepare(article_id, stored[0], stored[1])
        cached = self.embeddings.get(article_id)
        if cached is not None:
            article.embeddings = cached.astype(np.float32)
        self.prepared[article_id] = article
        return article

    def keep_embeddings(self, article: Prepared) -> None:
        if article.embeddings is None:
            return
        self.embeddings[article.id] = article.embeddings.astype(np.float16)
        self.embeddings.move_to_end(article.id)
        while len(self.embeddings) > EMBEDDING_CACHE:
            self.embeddings.popitem(last=False)


def state_of(ctx: Context) -> CopyState:
    return ctx.state_of("copies", CopyState, CopyState.create)


def run(docs: list[Document], ctx: Context) -> list[Document]:
    """Process a batch; origin changes reach this batch's documents in place and stored ones as ``ctx.updates``.

    The reassignments stay readable through ``CopyState.drain_reassignments`` too, with the evidence that an
    ``ArticleUpdate`` cannot carry yet."""
    state = state_of(ctx)
    in_batch = {doc.id: doc for doc in docs}
    embedded = _prefetched_embeddings(docs, state, ctx)
    for doc in docs:
        process(doc, state, ctx, embedded.get(doc.id))
    changes = state.index.drain_reassignments()
    state.reassigned.extend(changes)
    for change in changes:
        member = in_batch.get(change.article_id)
        if member is not None:
            member.copy_of, member.copy_kind = change.copy_of, change.copy_kind
            if change.evidence is not None:
                member.copy_evidence = change.evidence
        else:
            ctx.updates.append(
                ArticleUpdate(change.article_id, change.copy_of, change.copy_kind, fields=("copy_of", "copy_kind"))
            )
    return docs


def absorb(docs: list[Document], ctx: Context) -> None:
    """Add articles this stage already processed (as stored, with their copy links) to the state, unchanged."""
    state = state_of(ctx)
    index = state.index
    for doc in docs:
        if doc.id in index.row_of or not doc.text.strip():
            continue
        article = prepare(doc.id, doc.text, doc.language)
        vector = None
        if state.semantic and article.sentence_spans:
            vector = state.encoder.document_vector(article.sentence_embeddings(state.encoder.encode))
        row = index.add(doc.id, index.sketch(doc.text), doc.published, vector)
        state.remember(article)
        if doc.copy_of is not None:
            index.attach(row, doc.copy_of, doc.copy_kind)


def _worker_share(docs: list[Document]) -> list[Document]:
    """The batch's articles whose sentences the model worker embeds: the first :data:`WORKER_EMBEDDING_SHARE` of
    those with text (the main process embeds the rest itself, lazily, as without a worker)."""
    texted = [doc for doc in docs if doc.text.strip()]
    return texted[: math.ceil(len(texted) * WORKER_EMBEDDING_SHARE)]


def prefetch(docs: list[Document], ctx: Context) -> None:
    """The stage's ``prefetch``: the run's model worker (:mod:`storyline.worker`) starts embedding the sentences
    of the batch's articles (the stage's largest cost) while the main process goes on; ``run`` collects them."""
    if state_of(ctx).semantic:
        shared = _worker_share(docs)
        submit(ctx, "copies", [doc.id for doc in shared], [doc.text for doc in shared])


def _prefetched_embeddings(docs: list[Document], state: CopyState, ctx: Context) -> dict[str, FloatArray]:
    """The sentence vectors the model worker made for this batch (article id -> vectors); empty without them."""
    if not state.semantic:
        return {}
    ids = [doc.id for doc in _worker_share(docs)]
    answer = collect(ctx, "copies", ids)
    return {} if answer is None else dict(zip(ids, answer, strict=True))


def process(doc: Document, state: CopyState, ctx: Context, embeddings: FloatArray | None = None) -> None:
    """Score, match, index and link one document (``embeddings``: its sentence vectors, when already made)."""
    index = state.index
    article_id = doc.id
    if article_id in index.row_of:  # the same article again: repeat what the index knows
        row = index.row_of[article_id]
        origin = index.origin_id(row)
        doc.copy_of = None if origin == article_id else origin
        doc.copy_kind = None if origin == article_id else index.kind_of(row)
        return
    if not doc.text.strip():  # nothing to copy or be copied: not indexed
        doc.copy_of = doc.copy_kind = doc.spin_score = None
        return
    article = prepare(article_id, doc.text, doc.language)
    if embeddings is not None and len(embeddings) == len(article.sentence_spans[:MAX_SENTENCES]):
        article.embeddings = embeddings
    if state.spin:
        spin: SpinEvidence | None = state.scorer.score(doc.text, doc.language)
        doc.spin_score = None if spin is None else spin.score
        doc.spin_evidence = spin
    sketch = index.sketch(doc.text)
    candidates: list[Candidate] = index.candidates(sketch, limit=LSH_CANDIDATES)
    vector = None
    if state.semantic and article.sentence_spans:
        vector = state.encoder.document_vector(article.sentence_embeddings(state.encoder.encode))
        seen = {c.row for c in candidates}
        candidates += [c for c in index.semantic_candidates(vector, SEMANTIC_CANDIDATES) if c.row not in seen]
    best: tuple[Candidate, Match] | None = None
    encode = state.encoder.encode if state.semantic else None
    matches: dict[int, Match] = {}
    for candidate in candidates:
        other = state.lookup(candidate.article_id)
        if other is None:
            continue
        other_vector = index.vector_of(candidate.row)
        close = vector is None or other_vector is None or float(vector @ other_vector) >= SEMANTIC_GATE
        match = compare(article, other, encode if close else None)
        matches[candidate.row] = match
        state.keep_embeddings(other)
        if match.kind is None:
            continue
        if best is None or (KIND_RANK[match.kind], -match.score) < (KIND_RANK[best[1].kind or ""], -best[1].score):
            best = (candidate, match)
        if match.kind == "exact":
            break
    row = index.add(article_id, sketch, doc.published, None if vector is None else np.asarray(vector))
    state.remember(article)
    state.keep_embeddings(article)
    ctx.counts["copies.indexed"] += 1
    doc.copy_of = doc.copy_kind = None
    doc.copy_evidence = None
    if best is None:
        return
    candidate, match = best
    origin_match = None
    group_origin = int(index.origin[candidate.row])
    if group_origin != candidate.row and index.becomes_origin(row, candidate.row):
        origin_match = _compare_old_origin(article, group_origin, state, encode)
    kind = match.kind or ""
    also = tuple((index.ids[r], str(m.kind)) for r, m in matches.items() if m.kind is not None and r != candidate.row)
    evidence: CopyEvidence | None = match.evidence(candidate.article_id, also)
    copy_of = index.link(row, candidate.row, kind, evidence, origin_match)
    ctx.counts[f"copies.{kind}"] += 1
    if copy_of is not None:
        doc.copy_of, doc.copy_kind = copy_of, kind
        doc.copy_evidence = evidence


def _compare_old_origin(
    article: Prepared, origin_row: int, state: CopyState, encode: Callable[[list[str]], np.ndarray] | None
) -> tuple[str, CopyEvidence | None] | None:
    """The kind and evidence of a group's old origin against the newcomer that displaces it (None: no direct copy)."""
    old = state.lookup(state.index.ids[origin_row])
    if old is None:
        return None
    match = compare(old, article, encode)
    if match.kind is None:
        return None
    return match.kind, match.evidence(article.id)


STAGE = Stage(
    name="copies",
    requires=("text", "language", "published"),
    assigns=("copy_of", "copy_kind", "spin_score"),
    run=run,
    absorb=absorb,
    prefetch=prefetch,
)
