"""PolNeAR attribution benchmark: reader, prediction writer and exact-match scorer for source, cue and content spans.

A PolNeAR split directory holds ``attributions/NAME_XXXX.ann`` (brat standoff; ``XXXX`` is the annotator) and
``text/NAME.txt``. Each ``E`` line of an ``.ann`` file is one attribution; its ``Source`` (absent for
``Attribution-no-source``), ``Cue`` and ``Content`` point to ``T`` lines with character offsets into the text.

**Matching.** For each role (source, cue, content) a predicted span is correct when it equals a gold span of the
same article exactly, each gold span matched at most once (multiset intersection), the exact span match PolNeAR's
and PARC's papers use. Two normalisations, applied to gold and predicted spans alike:

* **Discontinuous spans** (``T3 Content 10 20;25 30``: about 16% of the ``T`` lines, mostly a quote split around
  its cue, ``“A,” he said, “B”``) are scored by their extent, from the first fragment's start to the last
  fragment's end. Our predictions are single spans (the lines written have one ``[s, e]`` per role), so a split
  quote predicted as one attribution covering both parts counts as right.
* **Edge punctuation**: spaces, quote marks and ``, . ; : ! ? — – - …`` are stripped from both ends of a span before
  comparison. Annotators are inconsistent about whether a quote's marks and final comma belong to the content
  (``“…,”`` versus ``…``); the words must match exactly. A span that is all punctuation (the cue ``:``) is kept as is.

Precision is over every predicted span of the role, recall over every gold span of the role (sources only where the
attribution has one). ``full`` counts attributions whose three spans all match (a missing source must be missing in
both).

:func:`evaluate_quotes` parses every article once (spaCy, in memory), runs
:func:`storyline.extract.quotes.find_quotes`, writes one JSON line per attribution with a cue:
``{"article": NAME_XXXX.ann, "source": [s, e] | null, "cue": [s, e], "content": [s, e]}``, reads the file back and
scores it. :func:`score_predictions` scores any such file.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from storyline.errors import StorylineError

ROLES = ("source", "cue", "content")
EDGE = " \t\r\n,.;:!?—–-…\"'“”‘’`"

Span = tuple[int, int]


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution: each role's fragments (character offsets into the article's text)."""

    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: tuple[Span, ...]


@dataclass(frozen=True)
class PolnearArticle:
    name: str  # the .ann file's name
    text: str
    attributions: tuple[GoldAttribution, ...]


def _text_path(ann: Path) -> Path:
    stem = ann.stem.rsplit("_", 1)[0]
    return ann.parent.parent / "text" / f"{stem}.txt"


def read_ann(path: Path) -> tuple[GoldAttribution, ...]:
    """The attributions of one brat ``.ann`` file."""
    spans: dict[str, tuple[Span, ...]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        if fields[0].startswith("T"):
            head = fields[1].split(" ", 1)
            if len(head) < 2:
                continue
            try:
                fragments = tuple(
                    (int(piece.split()[0]), int(piece.split()[1])) for piece in head[1].split(";") if piece.strip()
                )
            except (ValueError, IndexError):
                raise StorylineError(
                    "E701", f"{path.name}: bad span in line {line!r}", "pass PolNeAR's brat .ann files unchanged"
                ) from None
            spans[fields[0]] = fragments
        elif fields[0].startswith("E"):
            roles = dict(item.split(":", 1) for item in fields[1].split() if ":" in item)
            events.append(roles)
    gold: list[GoldAttribution] = []
    for roles in events:
        gold.append(
            GoldAttribution(
                source=spans.get(roles.get("Source", ""), ()),
                cue=spans.get(roles.get("Cue", ""), ()),
                content=spans.get(roles.get("Content", ""), ()),
            )
        )
    return tuple(gold)


def read_polnear(data: Path, limit: int | None = None) -> list[PolnearArticle]:
    """The articles of a PolNeAR split directory (``attributions/`` and ``text/``), sorted by name."""
    folder = data / "attributions"
    if not folder.is_dir():
        raise StorylineError(
            "E702", f"{data} has no attributions/ folder", "pass a PolNeAR split directory such as polnear/dev"
        )
    articles: list[PolnearArticle] = []
    for ann in sorted(folder.glob("*.ann"))[:limit]:
        text_path = _text_path(ann)
        if not text_path.is_file():
            raise StorylineError("E703", f"{ann.name} has no text file {text_path}", "keep PolNeAR's text/ folder")
        articles.append(PolnearArticle(ann.name, text_path.read_text(encoding="utf-8"), read_ann(ann)))
    return articles


def normalise(text: str, fragments: Sequence[Span]) -> Span | None:
    """A role's span as scored: the fragments' extent, without edge punctuation; ``None`` when absent."""
    if not fragments:
        return None
    start = min(s for s, _ in fragments)
    end = max(e for _, e in fragments)
    trimmed_start, trimmed_end = start, end
    while trimmed_start < trimmed_end and text[trimmed_start] in EDGE:
        trimmed_start += 1
    while trimmed_end > trimmed_start and text[trimmed_end - 1] in EDGE:
        trimmed_end -= 1
    if trimmed_end <= trimmed_start:
        return (start, end)
    return (trimmed_start, trimmed_end)


@dataclass
class QuoteScore:
    """Counts per role (gold, predicted, exact matches) and the P/R/F1 computed from them."""

    articles: int = 0
    gold: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    matched: Counter[str] = field(default_factory=Counter)

    def prf(self, role: str) -> tuple[float, float, float]:
        hits, predicted, gold = self.matched[role], self.predicted[role], self.gold[role]
        precision = hits / predicted if predicted else 0.0
        recall = hits / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def f1(self, role: str) -> float:
        return self.prf(role)[2]

    def lines(self) -> list[str]:
        """A small table, as the CLI prints it."""
        out = [
            f"annotation files {self.articles}   gold attributions {self.gold['full']}"
            f"   predicted {self.predicted['full']}",
            f"{'exact match':12}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}",
        ]
        for role in (*ROLES, "full"):
            precision, recall, f1 = self.prf(role)
            out.append(f"{role:12}{precision:8.3f}{recall:8.3f}{f1:8.3f}{self.gold[role]:8d}{self.predicted[role]:8d}")
        return out


def score_article(
    text: str, gold: Iterable[GoldAttribution], predicted: Iterable[dict[str, Span | None]], score: QuoteScore
) -> None:
    """Add one article's counts to ``score``."""
    gold_rows = [{role: normalise(text, getattr(attribution, role)) for role in ROLES} for attribution in gold]
    predicted_rows = [
        {role: normalise(text, [row[role]]) if row.get(role) else None for role in ROLES}  # type: ignore[list-item]
        for row in predicted
    ]
    score.articles += 1
    for role in ROLES:
        gold_spans = Counter(row[role] for row in gold_rows if row[role] is not None)
        predicted_spans = Counter(row[role] for row in predicted_rows if row[role] is not None)
        score.gold[role] += sum(gold_spans.values())
        score.predicted[role] += sum(predicted_spans.values())
        score.matched[role] += sum((gold_spans & predicted_spans).values())
    gold_full = Counter(tuple(row[role] for role in ROLES) for row in gold_rows)
    predicted_full = Counter(tuple(row[role] for role in ROLES) for row in predicted_rows)
    score.gold["full"] += len(gold_rows)
    score.predicted["full"] += len(predicted_rows)
    score.matched["full"] += sum((gold_full & predicted_full).values())


def _span(value: object) -> Span | None:
    if value is None:
        return None
    if isinstance(value, list) and len(value) == 2 and all(isinstance(item, int) for item in value):
        return (value[0], value[1])
    raise StorylineError("E704", f"bad span {value!r} in predictions", "write spans as [start, end] or null")


def read_predictions(path: Path) -> dict[str, list[dict[str, Span | None]]]:
    """Prediction lines grouped by article name."""
    grouped: dict[str, list[dict[str, Span | None]]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            raise StorylineError("E705", f"{path}:{number} is not JSON", "write one JSON object per line") from None
        grouped.setdefault(str(row["article"]), []).append({role: _span(row.get(role)) for role in ROLES})
    return grouped


def score_predictions(articles: Sequence[PolnearArticle], predictions: Path) -> QuoteScore:
    """Score a prediction file against the gold articles."""
    grouped = read_predictions(predictions)
    score = QuoteScore()
    for article in articles:
        score_article(article.text, article.attributions, grouped.get(article.name, []), score)
    return score


def predict_lines(articles: Sequence[PolnearArticle], batch_size: int = 8) -> list[dict[str, object]]:
    """Parse each article once and return one prediction row per attribution found (with a cue)."""
    from storyline.extract.nlp import load_parser
    from storyline.extract.quotes import find_quotes

    nlp = load_parser()
    rows: list[dict[str, object]] = []
    docs = nlp.pipe((article.text for article in articles), batch_size=batch_size)
    for article, doc in zip(articles, docs, strict=True):
        for quote in find_quotes(article.text, doc, ()):
            if quote.cue_start is None or quote.cue_end is None:
                continue
            source = None if quote.source_start is None else [quote.source_start, quote.source_end]
            rows.append(
                {
                    "article": article.name,
                    "source": source,
                    "cue": [quote.cue_start, quote.cue_end],
                    "content": [quote.start, quote.end],
                }
            )
    return rows


def evaluate_quotes(data: Path, predictions: Path, *, limit: int | None = None) -> QuoteScore:
    """Run the quote finder on a PolNeAR split, write ``predictions`` (JSON lines) and score them."""
    articles = read_polnear(data, limit)
    rows = predict_lines(articles)
    predictions.parent.mkdir(parents=True, exist_ok=True)
    with predictions.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row) + "\n")
    return score_predictions(articles, predictions)
