"""TimeML time-expression benchmark (TBAQ / TempEval-3): reader, scorer and prediction writer.

:func:`read_timeml` turns a ``.tml`` file into its plain text (the content of ``<TEXT>`` with every tag
removed), its document creation time (DCT) and its gold ``TIMEX3`` tags as code-point spans into that text.
:func:`write_timeml` writes a document back with our own ``TIMEX3`` tags, in the TempEval-3 layout
(``DOCID``, ``DCT``, ``TEXT``), so any TempEval-3 tool can read it; :func:`read_timeml` reads it back.

:func:`score_documents` computes the figures of the official TempEval-3 scorer (the TE3 toolkit by UzZaman:
``TE3-evaluation.py``, which runs Llorens's TimeML-Normalizer and then ``evaluate_entities.py``):

* **relaxed** match: the normaliser gives a system expression the id of a gold one when they overlap. It reads
  the text in order; when an expression starts, it takes the id of the other side's expression that covers its
  first token, unless that one is already paired (a gold expression starting on the same token as a system one
  is read first). Pairs are therefore one to one, made in text order (:func:`compare`);
* **strict** match: a relaxed pair whose two texts are the same;
* relaxed (strict) precision: pairs over all predictions; recall: pairs over all gold expressions;
* **value** (and **type**) F1: value accuracy over the relaxed pairs times relaxed F1, which equals a span F1
  counting only the pairs whose value (type) is also right.

The toolkit works on the tokens of its tokenizer; this scorer works on characters, which gives the same pairs
when tags start and end on token boundaries, as ours and the gold's do. The scorer this module had before
(one to one, greatest overlap first: :func:`compare_by_greatest_overlap`) is kept as a second, labelled line.

:func:`evaluate_time` runs :func:`storyline.extract.time.find_times` on every ``.tml`` file under a folder,
with the DCT as anchor, writes one prediction file per input (same name), reads the predictions back and
scores them. :func:`score_folders` scores an existing folder of predictions (from any system) the same way.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from storyline.errors import StorylineError

TIMEML_HEADER = (
    '<?xml version="1.0" ?>\n'
    '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n'
)


@dataclass(frozen=True)
class Timex:
    """One TIMEX3 tag: a span of the document's text, its type and its normalised value."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True)
class TimemlDocument:
    """A TimeML file: its id, document creation time, plain text and TIMEX3 tags (DCT excluded)."""

    name: str
    docid: str
    dct_value: str | None
    dct_type: str
    dct_text: str
    text: str
    timexes: tuple[Timex, ...]

    @property
    def anchor(self) -> str | None:
        """The DCT's date (``1998-08-07``), the anchor for relative expressions; ``None`` without a DCT."""
        if not self.dct_value:
            return None
        return self.dct_value.split("T", 1)[0]


def read_timeml(path: Path) -> TimemlDocument:
    """Read one TimeML file; offsets of the TIMEX3 tags are code points into the tag-free ``<TEXT>``."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as error:
        raise StorylineError(
            "E501", f"cannot read TimeML file {path}: {error}", "pass a well-formed TimeML file"
        ) from None
    text_element = root.find("TEXT")
    if text_element is None:
        raise StorylineError("E502", f"{path} has no <TEXT> element", "pass a TimeML file with a <TEXT> element")
    pieces: list[str] = []
    tags: list[tuple[int, int, ET.Element]] = []
    _flatten(text_element, pieces, tags, 0)
    text = "".join(pieces)
    timexes = tuple(
        Timex(start, end, text[start:end], tag.get("type", ""), tag.get("value", ""), tag.get("mod"))
        for start, end, tag in sorted(tags, key=lambda item: (item[0], item[1]))
        if tag.tag == "TIMEX3" and end > start
    )
    dct = root.find("DCT/TIMEX3")
    docid = (root.findtext("DOCID") or path.stem).strip()
    return TimemlDocument(
        name=path.name,
        docid=docid,
        dct_value=None if dct is None else dct.get("value"),
        dct_type="DATE" if dct is None else dct.get("type", "DATE"),
        dct_text="" if dct is None else "".join(dct.itertext()),
        text=text,
        timexes=timexes,
    )


def _flatten(element: ET.Element, pieces: list[str], tags: list[tuple[int, int, ET.Element]], offset: int) -> int:
    """Append the element's text to ``pieces`` and each descendant's span to ``tags``; return the end offset."""
    if element.text:
        pieces.append(element.text)
        offset += len(element.text)
    for child in element:
        start = offset
        offset = _flatten(child, pieces, tags, offset)
        tags.append((start, offset, child))
        if child.tail:
            pieces.append(child.tail)
            offset += len(child.tail)
    return offset


def write_timeml(path: Path, document: TimemlDocument, timexes: Iterable[Timex]) -> None:
    """Write ``document`` with ``timexes`` as its TIMEX3 tags (ids t1, t2, … in text order; t0 is the DCT)."""
    ordered = sorted(timexes, key=lambda t: (t.start, t.end))
    out: list[str] = [TIMEML_HEADER, "\n", f"<DOCID>{escape(document.docid)}</DOCID>\n\n"]
    if document.dct_value is not None:
        out.append(
            f'<DCT><TIMEX3 tid="t0" type="{document.dct_type}" value={quoteattr(document.dct_value)} '
            f'temporalFunction="false" functionInDocument="CREATION_TIME">'
            f"{escape(document.dct_text)}</TIMEX3></DCT>\n\n"
        )
    out.append("<TEXT>")
    position = 0
    for number, timex in enumerate(ordered, start=1):
        if timex.start < position or timex.end > len(document.text):
            raise StorylineError(
                "E503", f"{document.name}: TIMEX3 [{timex.start}, {timex.end}) overlaps another or runs past the text"
            )
        out.append(escape(document.text[position : timex.start]))
        mod = "" if timex.mod is None else f" mod={quoteattr(timex.mod)}"
        out.append(
            f'<TIMEX3 tid="t{number}" type="{timex.type}" value={quoteattr(timex.value)}{mod} '
            f'temporalFunction="false" functionInDocument="NONE">'
            f"{escape(document.text[timex.start : timex.end])}</TIMEX3>"
        )
        position = timex.end
    out.append(escape(document.text[position:]))
    out.append("</TEXT>\n\n</TimeML>\n")
    path.write_text("".join(out), encoding="utf-8")


@dataclass
class TimeScore:
    """Counts over a corpus, and the TempEval-3 measures computed from them.

    ``strict``, ``relaxed``, ``value_correct`` and ``type_correct`` count the official TempEval-3 pairs
    (:func:`compare`); the ``overlap_*`` fields count the pairs of :func:`compare_by_greatest_overlap`.
    """

    documents: int = 0
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value_correct: int = 0
    type_correct: int = 0
    overlap_strict: int = 0
    overlap_relaxed: int = 0
    overlap_value_correct: int = 0
    overlap_type_correct: int = 0
    skipped: list[str] = field(default_factory=list)

    def add(self, other: TimeScore) -> None:
        self.documents += other.documents
        self.gold += other.gold
        self.predicted += other.predicted
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.value_correct += other.value_correct
        self.type_correct += other.type_correct
        self.overlap_strict += other.overlap_strict
        self.overlap_relaxed += other.overlap_relaxed
        self.overlap_value_correct += other.overlap_value_correct
        self.overlap_type_correct += other.overlap_type_correct
        self.skipped.extend(other.skipped)

    def _prf(self, hits: int) -> tuple[float, float, float]:
        precision = hits / self.predicted if self.predicted else 0.0
        recall = hits / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    @property
    def strict_prf(self) -> tuple[float, float, float]:
        return self._prf(self.strict)

    @property
    def relaxed_prf(self) -> tuple[float, float, float]:
        return self._prf(self.relaxed)

    @property
    def value_prf(self) -> tuple[float, float, float]:
        """TempEval-3 value F1: value accuracy times relaxed P, R and F1 (a span F1 over right-valued pairs)."""
        return self._prf(self.value_correct)

    @property
    def type_prf(self) -> tuple[float, float, float]:
        return self._prf(self.type_correct)

    @property
    def value_accuracy(self) -> float:
        """Share of relaxed matches with the right value."""
        return self.value_correct / self.relaxed if self.relaxed else 0.0

    @property
    def overlap_prf(self) -> dict[str, tuple[float, float, float]]:
        """Strict, relaxed, value and type P/R/F1 with pairs made greatest overlap first."""
        return {
            "strict": self._prf(self.overlap_strict),
            "relaxed": self._prf(self.overlap_relaxed),
            "value": self._prf(self.overlap_value_correct),
            "type": self._prf(self.overlap_type_correct),
        }

    def report(self) -> str:
        """A small plain-text table of every measure, as the CLI prints it."""
        lines = [
            f"documents {self.documents}   gold {self.gold}   predicted {self.predicted}",
            "TempEval-3 official (TE3 toolkit: overlapping expressions paired one to one in text order)",
            f"{'':16}{'P':>8}{'R':>8}{'F1':>8}",
        ]
        for name, (p, r, f) in (
            ("strict span", self.strict_prf),
            ("relaxed span", self.relaxed_prf),
            ("value", self.value_prf),
            ("type", self.type_prf),
        ):
            lines.append(f"{name:16}{p:8.3f}{r:8.3f}{f:8.3f}")
        lines.append(f"value accuracy over relaxed matches {self.value_accuracy:.3f}")
        overlap = "   ".join(f"{name} {prf[2]:.3f}" for name, prf in self.overlap_prf.items())
        lines.append(f"F1 with pairs made greatest overlap first (one to one): {overlap}")
        if self.skipped:
            lines.append(f"skipped {len(self.skipped)}: {', '.join(self.skipped)}")
        return "\n".join(lines)


@dataclass(frozen=True)
class Comparison:
    """How one document's predictions line up with its gold tags (for scores and error listings)."""

    pairs: tuple[tuple[Timex, Timex], ...]  # (gold, predicted) relaxed matches
    missed: tuple[Timex, ...]
    spurious: tuple[Timex, ...]


def _comparison(gold: Sequence[Timex], predicted: Sequence[Timex], matched: dict[int, int]) -> Comparison:
    """Build a :class:`Comparison` from ``matched`` (gold index -> predicted index)."""
    pairs = sorted(((gold[gi], predicted[pi]) for gi, pi in matched.items()), key=lambda pair: pair[0].start)
    used_predicted = set(matched.values())
    missed = tuple(g for gi, g in enumerate(gold) if gi not in matched)
    spurious = tuple(p for pi, p in enumerate(predicted) if pi not in used_predicted)
    return Comparison(tuple(pairs), missed, spurious)


def compare(gold: Sequence[Timex], predicted: Sequence[Timex]) -> Comparison:
    """Pair gold and predicted expressions as the official TempEval-3 scorer does.

    Expressions are read in the order they start, a gold one before a predicted one starting at the same place.
    Each takes as partner the other side's expression that covers its first character (one that started
    earlier and has not ended, or for a predicted expression also a gold one starting at the same place),
    unless that expression already has a partner. So pairs are one to one and made in text order.
    """
    starts = sorted(
        [(g.start, 0, gi) for gi, g in enumerate(gold)] + [(p.start, 1, pi) for pi, p in enumerate(predicted)]
    )
    gold_partner: dict[int, int] = {}
    predicted_partner: dict[int, int] = {}
    for position, side, index in starts:
        if side == 0:
            for pi, p in enumerate(predicted):
                if p.start < position < p.end and pi not in predicted_partner:
                    gold_partner[index] = pi
                    predicted_partner[pi] = index
                    break
        else:
            for gi, g in enumerate(gold):
                if g.start <= position < g.end and gi not in gold_partner:
                    gold_partner[gi] = index
                    predicted_partner[index] = gi
                    break
    return _comparison(gold, predicted, gold_partner)


def compare_by_greatest_overlap(gold: Sequence[Timex], predicted: Sequence[Timex]) -> Comparison:
    """Match gold and predicted expressions one to one by overlap, greatest overlap first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                candidates.append((-overlap, gi, pi))
    candidates.sort()
    matched: dict[int, int] = {}
    used_predicted: set[int] = set()
    for _, gi, pi in candidates:
        if gi in matched or pi in used_predicted:
            continue
        matched[gi] = pi
        used_predicted.add(pi)
    return _comparison(gold, predicted, matched)


def score_document(gold: Sequence[Timex], predicted: Sequence[Timex]) -> TimeScore:
    official = compare(gold, predicted).pairs
    by_overlap = compare_by_greatest_overlap(gold, predicted).pairs
    gold_spans = {(g.start, g.end) for g in gold}
    return TimeScore(
        documents=1,
        gold=len(gold),
        predicted=len(predicted),
        strict=sum(1 for g, p in official if g.text == p.text),
        relaxed=len(official),
        value_correct=sum(1 for g, p in official if g.value == p.value),
        type_correct=sum(1 for g, p in official if g.type == p.type),
        overlap_strict=sum(1 for p in {(p.start, p.end) for p in predicted} if p in gold_spans),
        overlap_relaxed=len(by_overlap),
        overlap_value_correct=sum(1 for g, p in by_overlap if g.value == p.value),
        overlap_type_correct=sum(1 for g, p in by_overlap if g.type == p.type),
    )


def score_documents(pairs: Iterable[tuple[TimemlDocument, TimemlDocument]]) -> TimeScore:
    """Score (gold, predicted) document pairs; the predicted text must equal the gold text."""
    total = TimeScore()
    for gold, predicted in pairs:
        if gold.text != predicted.text:
            raise StorylineError(
                "E504",
                f"{predicted.name}: the predicted text differs from the gold text",
                "write predictions with write_timeml over the gold document's own text",
            )
        total.add(score_document(gold.timexes, predicted.timexes))
    return total


def timeml_files(data_dir: Path) -> list[Path]:
    """Every ``.tml`` file under ``data_dir``, sorted by path; a second file with a name seen before is left out.

    TBAQ-cleaned holds one file twice (``testpipeline/`` repeats a TimeBank file); predictions are written
    one per name, so a repeated name is scored once.
    """
    if not data_dir.is_dir():
        raise StorylineError("E505", f"{data_dir} is not a folder", "pass the TBAQ folder (holding .tml files)")
    seen: set[str] = set()
    paths: list[Path] = []
    for path in sorted(data_dir.rglob("*.tml")):
        if path.name not in seen:
            seen.add(path.name)
            paths.append(path)
    if not paths:
        raise StorylineError("E506", f"no .tml files under {data_dir}", "pass the TBAQ folder (holding .tml files)")
    return paths


def _repeated(data_dir: Path, kept: list[Path]) -> list[str]:
    kept_set = set(kept)
    return [str(p.relative_to(data_dir)) for p in sorted(data_dir.rglob("*.tml")) if p not in kept_set]


def predict_folder(data_dir: Path, predictions_dir: Path) -> list[Path]:
    """Tag every TimeML file under ``data_dir`` (DCT as anchor); write one prediction file per input."""
    from storyline.extract.time import find_times

    predictions_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in timeml_files(data_dir):
        document = read_timeml(path)
        mentions = find_times(document.text, document.anchor)
        timexes = [Timex(m.start, m.end, m.text, m.type, m.value, m.mod) for m in mentions]
        target = predictions_dir / path.name
        write_timeml(target, document, timexes)
        written.append(target)
    return written


def score_folders(data_dir: Path, predictions_dir: Path) -> TimeScore:
    """Score the prediction file of the same name in ``predictions_dir`` against each gold file."""
    paths = timeml_files(data_dir)
    pairs = []
    for path in paths:
        predicted_path = predictions_dir / path.name
        if not predicted_path.is_file():
            raise StorylineError(
                "E507", f"no prediction {predicted_path} for {path.name}", "write one prediction file per input file"
            )
        pairs.append((read_timeml(path), read_timeml(predicted_path)))
    score = score_documents(pairs)
    score.skipped.extend(_repeated(data_dir, paths))
    return score


def evaluate_time(data_dir: Path, predictions_dir: Path) -> TimeScore:
    """Tag the TimeML files under ``data_dir``, write predictions to ``predictions_dir``, and score them."""
    predict_folder(data_dir, predictions_dir)
    return score_folders(data_dir, predictions_dir)
