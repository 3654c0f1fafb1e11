"""Event-coding benchmarks: the PLOVER gold-standard records and the PETRARCH unit tests.

**PLOVER** (``plover_gsr_dev.jsonl``): each record is one sentence with a gold event (``event_v2_suggested``, the
PLOVER 2.0 category), gold source and target actors (lists of ``{"text": …}``; either may be empty).
:func:`evaluate_events` codes the main event of each sentence with :func:`storyline.extract.events.main_event`,
writes one JSON line per record (``{"id", "plover", "mode", "source", "target"}``; ``null`` where nothing was
found) and scores it:

* event-type **accuracy**: predicted category equals the gold one (no prediction counts as wrong);
* **macro F1**: the mean over the gold categories of per-category F1 (precision over records predicted as the
  category, recall over records gold in it);
* **source / target match**: over the records whose gold source (target) is not empty, the share where the
  predicted span *matches* one of the gold actors. A match is either containment (every word of the gold actor
  text appears, in the predicted span, case-blind) or token overlap: the shared words are at least half of the
  longer of the two (Dice-like, so a whole-sentence span does not match a short actor). Words are compared
  folded (case and accents removed; punctuation dropped).

**PETRARCH unit tests** (``PETR.UnitTest.records.flat.jsonl``): sentences with gold CAMEO triples over fictional
actors. :func:`evaluate_petrarch` reports the CAMEO **root-code accuracy** of the main event (its two-digit root
equals the root of one of the record's gold event codes) over the records that have gold codings, and the share
of no-event records where no event was coded. PETRARCH-2's published ≈0.41 is a triple F1 (actors included),
so the two figures are beside each other, not the same measure.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.errors import StorylineError

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Folded words of a text: case-blind, accent-blind, punctuation dropped."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return _WORD.findall(plain)


def actor_matches(gold: str, predicted: str | None) -> bool:
    """Whether a predicted actor span matches a gold actor text (containment or ≥ 0.5 overlap of the longer)."""
    if not predicted:
        return False
    gold_words, predicted_words = words(gold), words(predicted)
    if not gold_words or not predicted_words:
        return False
    if all(word in predicted_words for word in gold_words):
        return True
    shared = sum((Counter(gold_words) & Counter(predicted_words)).values())
    return shared / max(len(gold_words), len(predicted_words)) >= 0.5


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON-lines file (blank lines skipped)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise StorylineError("E730", f"cannot read {path}: {error}", "pass an existing JSON-lines file") from None
    records: list[dict[str, Any]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise StorylineError("E731", f"{path}:{number}: not JSON: {error}", "fix or remove that line") from None
        if not isinstance(record, dict):
            raise StorylineError("E731", f"{path}:{number}: not a JSON object", "one JSON object per line")
        records.append(record)
    return records


@dataclass
class EventScore:
    """PLOVER scores: counts per category, and actor matches."""

    records: int = 0
    correct: int = 0
    predicted_none: int = 0
    gold_counts: Counter[str] = field(default_factory=Counter)
    predicted_counts: Counter[str] = field(default_factory=Counter)
    hits: Counter[str] = field(default_factory=Counter)
    source_gold: int = 0
    source_matched: int = 0
    target_gold: int = 0
    target_matched: int = 0
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def accuracy(self) -> float:
        return self.correct / self.records if self.records else 0.0

    def f1(self, category: str) -> float:
        hits = self.hits[category]
        precision = hits / self.predicted_counts[category] if self.predicted_counts[category] else 0.0
        recall = hits / self.gold_counts[category] if self.gold_counts[category] else 0.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    @property
    def macro_f1(self) -> float:
        categories = sorted(self.gold_counts)
        return sum(self.f1(c) for c in categories) / len(categories) if categories else 0.0

    @property
    def source_match(self) -> float:
        return self.source_matched / self.source_gold if self.source_gold else 0.0

    @property
    def target_match(self) -> float:
        return self.target_matched / self.target_gold if self.target_gold else 0.0

    def lines(self) -> list[str]:
        """The scores as printable lines."""
        out = [
            f"records {self.records}   no event predicted {self.predicted_none}",
            f"event-type accuracy {self.accuracy:.3f}",
            f"macro F1 {self.macro_f1:.3f}",
            f"source match {self.source_match:.3f} ({self.source_matched}/{self.source_gold})",
            f"target match {self.target_match:.3f} ({self.target_matched}/{self.target_gold})",
            f"{'category':12}{'gold':>6}{'pred':>6}{'F1':>8}",
        ]
        for category in sorted(self.gold_counts | self.predicted_counts):
            out.append(
                f"{category:12}{self.gold_counts[category]:6}{self.predicted_counts[category]:6}{self.f1(category):8.3f}"
            )
        return out

    def report(self) -> str:
        return "\n".join(self.lines())


def score_predictions(records: Sequence[dict[str, Any]], predictions: Sequence[dict[str, Any]]) -> EventScore:
    """Score prediction lines against gold records, matched by ``id``."""
    by_id = {str(p.get("id")): p for p in predictions}
    score = EventScore()
    for record in records:
        gold = str(record["event_v2_suggested"])
        predicted = by_id.get(str(record["id"]), {})
        label = predicted.get("plover")
        score.records += 1
        score.gold_counts[gold] += 1
        if label is None:
            score.predicted_none += 1
            label = "NONE"
        else:
            score.predicted_counts[str(label)] += 1
        if label == gold:
            score.correct += 1
            score.hits[gold] += 1
        else:
            score.confusions[(gold, str(label))] += 1
        for role in ("source", "target"):
            actors = [str(actor.get("text", "")) for actor in record.get(role) or [] if actor.get("text")]
            if not actors:
                continue
            matched = any(actor_matches(actor, predicted.get(role)) for actor in actors)
            if role == "source":
                score.source_gold += 1
                score.source_matched += matched
            else:
                score.target_gold += 1
                score.target_matched += matched
    return score


def predict_main_events(texts: Sequence[str]) -> Iterator[dict[str, Any]]:
    """The main event of each text as a prediction dict (``plover``, ``mode``, ``source``, ``target``, ``cameo``)."""
    from storyline.extract.events import main_event
    from storyline.extract.nlp import load_parser

    parser = load_parser()
    for text, parse in zip(texts, parser.pipe(texts, batch_size=64), strict=True):
        event = main_event(text, parse)
        yield {
            "plover": None if event is None else event.plover,
            "mode": None if event is None else event.mode,
            "source": None if event is None or event.source is None else event.source.text,
            "target": None if event is None or event.target is None else event.target.text,
            "cameo": None if event is None else event.cameo,
            "trigger": None if event is None else event.trigger.text,
        }


def evaluate_events(data: Path, predictions: Path) -> EventScore:
    """Code the main event of every PLOVER record in ``data``, write ``predictions`` (JSON lines) and score them."""
    records = read_jsonl(data)
    missing = [str(r.get("id", "?")) for r in records if "text" not in r or "event_v2_suggested" not in r]
    if missing:
        raise StorylineError(
            "E732", f"{data}: {len(missing)} records lack text or event_v2_suggested (first: {missing[0]})",
            "pass the PLOVER gold records (plover_gsr_dev.jsonl)",
        )  # fmt: skip
    rows = []
    for record, predicted in zip(records, predict_main_events([str(r["text"]) for r in records]), strict=True):
        rows.append(
            {
                "id": record["id"],
                "plover": predicted["plover"],
                "mode": predicted["mode"],
                "source": predicted["source"],
                "target": predicted["target"],
            }
        )
    predictions.parent.mkdir(parents=True, exist_ok=True)
    predictions.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return score_predictions(records, read_jsonl(predictions))


_VERB_HEADER = re.compile(r"^---\s+([A-Z_ ]+?)\s+\[([0-9]{2,4})[^\]]*\]")


def read_verb_codes(path: Path) -> dict[str, str]:
    """Verb → code from the headers of a PETRARCH verb dictionary (``--- ATTACK [223] ---``)."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as error:
        raise StorylineError("E733", f"cannot read {path}: {error}", "pass PETR.Validate.verbs.txt") from None
    codes: dict[str, str] = {}
    for line in lines:
        match = _VERB_HEADER.match(line)
        if match:
            codes.setdefault(match.group(1).strip("_ ").lower(), match.group(2))
    return codes


def _dictionary_code(trigger: str | None, codes: dict[str, str]) -> str | None:
    for word in words(trigger or ""):
        for key in (word, word[:-1], word[:-2], word[:-3], word.removesuffix("ing") + "e"):
            if key in codes:
                return codes[key]
    return None


@dataclass
class PetrarchScore:
    """CAMEO root-code accuracy of the main event on the PETRARCH unit tests (and with the suite's own codes)."""

    coded_records: int = 0
    root_correct: int = 0
    dictionary_root_correct: int = 0
    no_event_records: int = 0
    no_event_correct: int = 0
    missed: int = 0

    @property
    def root_accuracy(self) -> float:
        return self.root_correct / self.coded_records if self.coded_records else 0.0

    @property
    def no_event_accuracy(self) -> float:
        return self.no_event_correct / self.no_event_records if self.no_event_records else 0.0

    @property
    def dictionary_root_accuracy(self) -> float:
        return self.dictionary_root_correct / self.coded_records if self.coded_records else 0.0

    def lines(self) -> list[str]:
        return [
            f"records with gold codings {self.coded_records}   no event predicted {self.missed}",
            f"CAMEO root-code accuracy {self.root_accuracy:.3f} (PETRARCH-2 on these tests: triple F1 ~0.41)",
            f"root accuracy with the suite's verb-dictionary codes for our trigger {self.dictionary_root_accuracy:.3f}",
            f"no-event records {self.no_event_records}   left uncoded {self.no_event_accuracy:.3f}",
        ]

    def report(self) -> str:
        return "\n".join(self.lines())


def evaluate_petrarch(data: Path, predictions: Path | None = None, verbs: Path | None = None) -> PetrarchScore:
    """Score the main event's CAMEO root on the PETRARCH unit-test records; optionally write the predictions.

    The suite's gold codes come from its own verb dictionary, whose codes are largely WEIS rather than CAMEO
    (its header says so). With ``verbs`` (``PETR.Validate.verbs.txt``), a second figure re-codes our main
    event's trigger verb with that dictionary's code: it measures finding the right event word, not the codebook.
    """
    records = read_jsonl(data)
    codes = {} if verbs is None else read_verb_codes(verbs)
    score = PetrarchScore()
    rows = []
    for record, predicted in zip(records, predict_main_events([str(r["text"]) for r in records]), strict=True):
        gold_roots = {str(c.get("eventcode", ""))[:2] for c in record.get("gold_codings") or []}
        gold_roots.discard("")
        cameo = predicted["cameo"]
        rows.append({"id": record.get("id"), "cameo": cameo, "plover": predicted["plover"], "gold": sorted(gold_roots)})
        if record.get("noevents") or not gold_roots:
            score.no_event_records += 1
            score.no_event_correct += cameo is None
            continue
        score.coded_records += 1
        score.missed += cameo is None
        score.root_correct += cameo is not None and cameo[:2] in gold_roots
        dictionary = _dictionary_code(predicted["trigger"], codes) if codes else None
        score.dictionary_root_correct += dictionary is not None and dictionary[:2] in gold_roots
    if predictions is not None:
        predictions.parent.mkdir(parents=True, exist_ok=True)
        predictions.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return score
