"""Score the copies stage on a labelled copy set (``benchmarks/copies/make_ecbplus_copies.py`` writes one).

A set is a folder with ``articles.jsonl`` (id, title, text, published, outlet, language, topic, subtopic, split,
source_doc; in ingest order) and ``labels.jsonl`` (id, copy_of, copy_kind). ``evaluate_copies`` runs the stage
over the articles in order, writes one prediction line per article (``{"id", "copy_of", "copy_kind",
"spin_score"}``) and scores pairs:

- **recall** of kind *k*: gold copies of kind *k* that end in the same predicted copy group as their original
  with kind *k* for the pair: the kind of the direct link between them when one was matched with the other
  (``copy_evidence.matched_id``) or was also found to copy it (``copy_evidence.also``), else the copy's own
  ``copy_kind`` (it was matched with another member of the
  group, such as a syndicated twin of its original), else the original's; ``found`` counts gold copies in
  their original's group whatever the kind;
- **precision** of kind *k*: predicted links (article -> the article it was matched with; ``copy_of`` when no
  match is known, as for the baseline) of kind *k* that join a gold pair of kind *k*. A link between two separate
  reports of one happening (two source documents of one ECB+ subtopic,
  which are sometimes real syndicated copies in ECB+) is neither right nor wrong: counted as ``same_event``
  and left out. A link across subtopics of one topic is a **hard negative** linked, always wrong.
- the spin score: share of originals and of spun copies flagged, and ROC AUC between them.

``baseline_minhash`` gives the same figures for datasketch's MinHashLSH (word 3-grams, threshold 0.5) linking
every article to its best earlier match as ``near`` (``exact`` when the words are equal).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.copies import CopyState, run
from storyline.copies.evidence import KINDS
from storyline.copies.spin import FLAG_AT
from storyline.document import Document
from storyline.errors import StorylineError
from storyline.pipeline import Context
from storyline.settings import Options


@dataclass(frozen=True)
class LabelledArticle:
    id: str
    title: str | None
    text: str
    published: str | None
    outlet: str | None
    language: str | None
    topic: int
    subtopic: str
    split: str
    source_doc: str
    copy_of: str | None
    copy_kind: str | None


@dataclass(frozen=True)
class Prediction:
    id: str
    copy_of: str | None  # the origin of the article's copy group
    copy_kind: str | None
    spin_score: float | None
    matched: str | None = None  # the article it was compared with and found to copy (copy_evidence.matched_id)
    also: tuple[tuple[str, str], ...] = ()  # other articles it was found to copy, with the kind


@dataclass(frozen=True)
class KindScore:
    kind: str
    gold: int  # gold copies of this kind
    found: int  # ... linked to their original, whatever the kind
    recalled: int  # ... linked with this kind
    predicted: int  # predicted links of this kind (same-event links left out)
    correct: int  # ... that join a gold pair of this kind

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.recalled / self.gold if self.gold else 1.0

    @property
    def found_rate(self) -> float:
        return self.found / self.gold if self.gold else 1.0


@dataclass(frozen=True)
class CopiesScore:
    articles: int
    kinds: tuple[KindScore, ...]
    link_precision: float
    link_recall: float
    hard_negative_links: int
    cross_topic_links: int
    same_event_links: int
    originals_flagged: float | None = None
    spun_flagged: float | None = None
    spin_auc: float | None = None
    by_split: dict[str, CopiesScore] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "articles": self.articles,
            "link_precision": round(self.link_precision, 4),
            "link_recall": round(self.link_recall, 4),
            "hard_negative_links": self.hard_negative_links,
            "cross_topic_links": self.cross_topic_links,
            "same_event_links": self.same_event_links,
            "kinds": {
                k.kind: {
                    "gold": k.gold,
                    "precision": round(k.precision, 4),
                    "recall": round(k.recall, 4),
                    "found": round(k.found_rate, 4),
                    "predicted": k.predicted,
                }
                for k in self.kinds
            },
        }
        if self.spin_auc is not None:
            out["spin"] = {
                "originals_flagged": self.originals_flagged,
                "spun_flagged": self.spun_flagged,
                "auc": self.spin_auc,
            }
        if self.by_split:
            out["by_split"] = {name: score.to_dict() for name, score in self.by_split.items()}
        return out


def read_labelled(data_dir: Path) -> list[LabelledArticle]:
    articles_path, labels_path = data_dir / "articles.jsonl", data_dir / "labels.jsonl"
    for path in (articles_path, labels_path):
        if not path.is_file():
            raise StorylineError(
                "E310", f"{path} is missing", "build the set with benchmarks/copies/make_ecbplus_copies.py --out DIR"
            )
    labels = {row["id"]: row for row in _jsonl(labels_path)}
    out = []
    for row in _jsonl(articles_path):
        label = labels.get(row["id"], {})
        out.append(
            LabelledArticle(
                row["id"],
                row.get("title"),
                row["text"],
                row.get("published"),
                row.get("outlet"),
                row.get("language"),
                int(row.get("topic", 0)),
                str(row.get("subtopic", "")),
                str(row.get("split", "all")),
                str(row.get("source_doc", row["id"])),
                label.get("copy_of"),
                label.get("copy_kind"),
            )
        )
    return out


def _jsonl(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as error:
                    raise StorylineError(
                        "E311", f"{path}:{number}: not JSON ({error.msg})", "fix or rebuild the file"
                    ) from None


def to_document(article: LabelledArticle) -> Document:
    doc = Document(
        uri=article.source_doc,
        raw_text=article.text,
        title=article.title,
        published=article.published,
        outlet=article.outlet,
    )
    doc.text = article.text
    doc.language = article.language
    return doc


def predict(
    articles: list[LabelledArticle], state: CopyState | None = None, batch_size: int = 64
) -> dict[str, Prediction]:
    """Run the copies stage over the articles in their order; apply late-origin reassignments as a store would."""
    ctx = Context(Options())
    ctx.state["copies"] = state or CopyState.create()
    copy_state: CopyState = ctx.state["copies"]
    predictions: dict[str, Prediction] = {}
    for start in range(0, len(articles), batch_size):
        batch = articles[start : start + batch_size]
        docs = run([to_document(a) for a in batch], ctx)
        for article, doc in zip(batch, docs, strict=True):
            evidence = doc.copy_evidence
            matched, also = (evidence.matched_id, evidence.also) if evidence is not None else (None, ())
            predictions[article.id] = Prediction(article.id, doc.copy_of, doc.copy_kind, doc.spin_score, matched, also)
        for change in copy_state.drain_reassignments():  # what a store applies (ctx.updates), with evidence
            old = predictions[change.article_id]
            matched = change.evidence.matched_id if change.evidence is not None else old.matched
            predictions[change.article_id] = Prediction(
                old.id, change.copy_of, change.copy_kind, old.spin_score, matched, old.also
            )
        ctx.updates.clear()
    return predictions


def write_predictions(path: Path, articles: list[LabelledArticle], predictions: dict[str, Prediction]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for article in articles:
            p = predictions[article.id]
            row = {"id": p.id, "copy_of": p.copy_of, "copy_kind": p.copy_kind, "spin_score": p.spin_score}
            handle.write(json.dumps(row) + "\n")


def score(articles: list[LabelledArticle], predictions: dict[str, Prediction], split: str | None = None) -> CopiesScore:
    by_id = {a.id: a for a in articles}
    parent = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in predictions.values():
        if p.copy_of is not None and p.copy_of in parent:
            parent[find(p.id)] = find(p.copy_of)
    scope = [a for a in articles if split is None or a.split == split]
    direct: dict[frozenset[str], str] = {}  # {article, the one it was matched with} -> kind
    for p in predictions.values():
        linked = p.matched or p.copy_of
        if linked is not None and p.copy_kind is not None:
            direct[frozenset((p.id, linked))] = p.copy_kind
        for also_id, also_kind in p.also:
            direct.setdefault(frozenset((p.id, also_id)), also_kind)
    gold: dict[str, list[int]] = {k: [0, 0, 0, 0, 0] for k in KINDS}  # gold, found, recalled, predicted, correct
    for a in scope:
        if a.copy_of is None or a.copy_kind is None or a.copy_of not in by_id:
            continue
        counts = gold[a.copy_kind]
        counts[0] += 1
        if find(a.id) == find(a.copy_of):
            counts[1] += 1
            own, theirs = predictions[a.id], predictions[a.copy_of]
            pair_kind = direct.get(frozenset((a.id, a.copy_of))) or own.copy_kind or theirs.copy_kind
            counts[2] += pair_kind == a.copy_kind
    hard = cross = same_event = correct_links = predicted_links = 0
    for a in scope:
        p = predictions[a.id]
        target_id = p.matched or p.copy_of
        if target_id is None or p.copy_kind is None or target_id not in by_id:
            continue
        target = by_id[target_id]
        if a.source_doc == target.source_doc:
            ok = _gold_pair_kind(a, target) == p.copy_kind
        elif a.topic == target.topic and a.subtopic == target.subtopic:
            same_event += 1
            continue
        else:
            ok = False
            if a.topic == target.topic:
                hard += 1
            else:
                cross += 1
        predicted_links += 1
        correct_links += a.source_doc == target.source_doc
        gold[p.copy_kind][3] += 1
        gold[p.copy_kind][4] += ok
    kinds = tuple(KindScore(k, *v) for k, v in gold.items() if v[0] or v[3])
    total_gold = sum(k.gold for k in kinds)
    originals_flagged, spun_flagged, spin_auc = _spin_figures(scope, predictions)
    return CopiesScore(
        len(scope),
        kinds,
        correct_links / predicted_links if predicted_links else 1.0,
        sum(k.found for k in kinds) / total_gold if total_gold else 1.0,
        hard,
        cross,
        same_event,
        originals_flagged,
        spun_flagged,
        spin_auc,
    )


def _gold_pair_kind(a: LabelledArticle, b: LabelledArticle) -> str | None:
    """The gold kind between two articles made from one source: the copy's kind when one is the other's original;
    for two copies of one original, the weaker of their kinds (an exact copy and a near copy are near copies)."""
    if a.copy_of == b.id:
        return a.copy_kind
    if b.copy_of == a.id:
        return b.copy_kind
    kinds = [k for k in (a.copy_kind, b.copy_kind) if k is not None]
    return max(kinds, key=KINDS.index) if kinds else None


def _spin_figures(
    scope: list[LabelledArticle], predictions: dict[str, Prediction]
) -> tuple[float | None, float | None, float | None]:
    originals = [predictions[a.id].spin_score for a in scope if a.copy_of is None]
    spun = [predictions[a.id].spin_score for a in scope if a.copy_kind == "spun"]
    neg = [s for s in originals if s is not None]
    pos = [s for s in spun if s is not None]
    if not neg or not pos:
        return (None, None, None)
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return (
        round(sum(s >= FLAG_AT for s in neg) / len(neg), 4),
        round(sum(s >= FLAG_AT for s in pos) / len(pos), 4),
        round(wins / (len(pos) * len(neg)), 4),
    )


def evaluate_copies(
    data_dir: Path, predictions: Path, *, semantic: bool = True, state: CopyState | None = None
) -> CopiesScore:
    """Run the copies stage over a labelled set, write its predictions to ``predictions``, and score them.

    ``state`` may bring loaded models (a fresh, empty ``CopyState``); by default one is made."""
    articles = read_labelled(data_dir)
    predicted = predict(articles, state or CopyState.create(semantic=semantic))
    write_predictions(predictions, articles, predicted)
    overall = score(articles, predicted)
    splits = sorted({a.split for a in articles})
    by_split = {name: score(articles, predicted, name) for name in splits} if len(splits) > 1 else {}
    return CopiesScore(**{**overall.__dict__, "by_split": by_split})


def baseline_minhash(
    articles: list[LabelledArticle], threshold: float = 0.5, num_perm: int = 128
) -> dict[str, Prediction]:
    """datasketch MinHashLSH over word 3-grams: link each article to its best earlier match (query, then insert)."""
    from datasketch import MinHash, MinHashLSH

    from storyline.copies.text import words

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    sketches: dict[str, MinHash] = {}
    forms: dict[str, tuple[str, ...]] = {}
    origin: dict[str, str] = {}
    out: dict[str, Prediction] = {}
    for article in articles:
        tokens = words(article.text).forms
        shingles = {" ".join(tokens[i : i + 3]).encode("utf-8") for i in range(max(len(tokens) - 2, 1))}
        sketch = MinHash(num_perm=num_perm)
        sketch.update_batch(list(shingles))
        found = lsh.query(sketch)
        best = max(found, key=lambda key: sketch.jaccard(sketches[key]), default=None)
        if best is None:
            origin[article.id] = article.id
            out[article.id] = Prediction(article.id, None, None, None)
        else:
            origin[article.id] = origin[best]
            kind = "exact" if forms[best] == tokens else "near"
            out[article.id] = Prediction(article.id, origin[best], kind, None, best)
        lsh.insert(article.id, sketch)
        sketches[article.id] = sketch
        forms[article.id] = tokens
    return out
