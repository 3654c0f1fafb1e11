"""ECB+ benchmark for the ``stories`` stage: reader, B³ scorer and prediction writer.

ECB+ groups news documents into topics (a kind of happening: an actor checking into rehab, a Red Sox offer), and
each topic into two subtopics, files ``N_*ecb.xml`` and ``N_*ecbplus.xml``: two different happenings of that kind.
Stories are scored against subtopics, topics against topics, with B³ (Bagga and Baldwin 1998) over documents.

The documents are fed to the real ``stories`` stage one at a time, in a fixed order that ignores the file names'
``ecb``/``ecbplus`` label: sorted by ``sha256("<seed>:<file name>")`` (seed 0 by default), a reproducible shuffle
that interleaves topics and subtopics as a news stream would. Each file becomes a ``Document`` whose text is rebuilt
from the token XML: tokens joined with spaces except around punctuation, split numbers glued back (``6 . 1`` ->
``6.1``, ``2 , 000`` -> ``2,000``), one sentence per line. The newer files start with the address of the page as
sentence 0; it goes to ``Document.url``, not into the text. ECB+ has no publication dates, so ``published`` is null
and the stage works from content alone.
"""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from storyline.document import Document
from storyline.errors import StorylineError
from storyline.pipeline import Context
from storyline.settings import Options
from storyline.stories import STATE_KEY, run
from storyline.stories.cluster import StoryIndex, StoryOptions

__all__ = [
    "B3",
    "EcbDocument",
    "StoriesScore",
    "b_cubed",
    "cluster_documents",
    "detokenize",
    "evaluate_stories",
    "parse_topics",
    "read_corpus",
    "read_document",
    "stream_order",
    "write_predictions",
]

DEV_TOPICS: tuple[int, ...] = (2, 5, 12, 18, 21, 23, 34, 35)

_NAME = re.compile(r"^(?P<topic>\d+)_(?P<number>\d+)(?P<kind>ecbplus|ecb)\.xml$")
_NO_SPACE_BEFORE = frozenset(
    {
        ",",
        ".",
        ";",
        ":",
        "!",
        "?",
        ")",
        "]",
        "}",
        "%",
        "'s",
        "n't",
        "'re",
        "'ve",
        "'ll",
        "'d",
        "'m",
        "''",
        "\u201d",
        "\u2019",
    }
)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "\u201c"})
_CLITICS = frozenset({"s", "t", "re", "ve", "ll", "d", "m"})
_APOSTROPHES = frozenset({"'", "\u2019"})


@dataclass(frozen=True)
class EcbDocument:
    name: str  # file name, e.g. "36_1ecb.xml"
    topic: int
    subtopic: str  # "<topic>ecb" or "<topic>ecbplus": the happening the document reports
    text: str
    url: str | None


@dataclass(frozen=True)
class B3:
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class StoriesScore:
    documents: int
    topics: tuple[int, ...]
    seed: int
    story: B3  # stories against subtopics
    topic: B3  # topics against topics
    predicted_stories: int
    predicted_topics: int
    gold_stories: int

    def lines(self) -> list[str]:
        """The score as the CLI prints it."""
        return [
            f"ECB+ topics {_topic_span(self.topics)}: {self.documents} documents, order seed {self.seed}",
            f"stories vs subtopics: B3 P {self.story.precision:.3f} R {self.story.recall:.3f} F1 {self.story.f1:.3f}"
            f" ({self.predicted_stories} stories for {self.gold_stories} subtopics)",
            f"topics vs topics:     B3 P {self.topic.precision:.3f} R {self.topic.recall:.3f} F1 {self.topic.f1:.3f}"
            f" ({self.predicted_topics} topics for {len(self.topics)})",
        ]


def detokenize(tokens: Iterable[str]) -> str:
    """Join ECB+ tokens back into text (see the module docstring)."""
    out: list[str] = []
    before_previous: str | None = None
    previous: str | None = None
    for token in tokens:
        space = bool(out) and token not in _NO_SPACE_BEFORE and previous not in _NO_SPACE_AFTER
        number_parts = before_previous is not None and before_previous.isdigit() and token.isdigit()
        if number_parts and (previous in (".", ":") or (previous == "," and len(token) == 3)):
            space = False  # 6 . 1 -> 6.1, 10 : 30 -> 10:30, 2 , 000 -> 2,000
        if previous in _APOSTROPHES and token.lower() in _CLITICS:
            space = False  # can ’ t -> can’t
        if previous == "-" and before_previous is not None and before_previous[-1:].isalnum() and token[:1].isalnum():
            space = False  # free - agent -> free-agent
        if token == "-" and previous is not None and previous[-1:].isalnum():
            space = False
        if space:
            out.append(" ")
        out.append('"' if token in ("``", "''") else token)
        before_previous, previous = previous, token
    return "".join(out)


def read_document(path: Path) -> EcbDocument:
    match = _NAME.match(path.name)
    if match is None:
        raise StorylineError("E401", f"{path} is not an ECB+ document name", "name files like 12_3ecbplus.xml")
    sentences: dict[int, list[str]] = {}
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise StorylineError("E402", f"{path} is not readable XML ({error})", "restore the file from ECB+") from None
    for token in root.iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    numbers = sorted(sentences)
    url = None
    if numbers and sentences[numbers[0]] and sentences[numbers[0]][0].lower().startswith("http"):
        url = "".join(sentences[numbers[0]])
        numbers = numbers[1:]
    text = "\n".join(detokenize(sentences[number]) for number in numbers)
    topic = int(match["topic"])
    return EcbDocument(path.name, topic, f"{topic}{match['kind']}", text, url)


def read_corpus(data_dir: Path, topics: Iterable[int] | None = None) -> list[EcbDocument]:
    """Every ECB+ document under ``data_dir`` (folders named by topic), optionally only some topics."""
    if not data_dir.is_dir():
        raise StorylineError(
            "E403", f"no ECB+ folder at {data_dir}", "pass --data pointing at the folder that holds 1/, 2/, …"
        )
    wanted = None if topics is None else set(topics)
    paths = sorted(data_dir.glob("*/*.xml"), key=lambda p: (p.parent.name, p.name))
    documents = [
        read_document(path)
        for path in paths
        if _NAME.match(path.name) and (wanted is None or int(_NAME.match(path.name)["topic"]) in wanted)  # type: ignore[index]
    ]
    if not documents:
        raise StorylineError(
            "E404", f"no ECB+ documents for topics {sorted(wanted or [])} under {data_dir}", "check --data and --topics"
        )
    return documents


def stream_order(documents: Iterable[EcbDocument], seed: int = 0) -> list[EcbDocument]:
    """The fixed feeding order: by ``sha256("<seed>:<file name>")``, blind to the ecb/ecbplus label's meaning."""
    return sorted(documents, key=lambda d: hashlib.sha256(f"{seed}:{d.name}".encode()).hexdigest())


def cluster_documents(
    documents: Iterable[EcbDocument], *, options: StoryOptions | None = None
) -> tuple[dict[str, tuple[str, str]], StoryIndex]:
    """Feed documents in the order given through the ``stories`` stage; return name -> (story, topic), and the index."""
    ctx = Context(options=Options())
    index = StoryIndex(options)
    ctx.state[STATE_KEY] = index
    article_ids: dict[str, str] = {}
    for document in documents:
        doc = Document(uri=document.name, raw_text=document.text, url=document.url, text=document.text, language="en")
        (doc,) = run([doc], ctx)
        if doc.story_id is None:  # pragma: no cover - every English document gets a story
            raise RuntimeError(f"{document.name} got no story")
        article_ids[document.name] = doc.id
    # Score what the index holds at the end: stories and topics may have merged since a document came in.
    topic_of = {record.id: record.topic_id or record.id for record in index.stories()}
    final = {name: index.story_of(article_id) for name, article_id in article_ids.items()}
    return {name: (story, topic_of[story]) for name, story in final.items() if story is not None}, index


def b_cubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> B3:
    """B³ precision, recall and F1 of a clustering of items against gold clusters (both: item -> cluster)."""
    missing = set(gold) - set(predicted)
    if missing:
        raise StorylineError("E405", f"{len(missing)} items have no prediction", "predict every gold item")
    if not gold:
        return B3(0.0, 0.0, 0.0)
    by_predicted: dict[Hashable, set[str]] = defaultdict(set)
    by_gold: dict[Hashable, set[str]] = defaultdict(set)
    for item, cluster in gold.items():
        by_gold[cluster].add(item)
        by_predicted[predicted[item]].add(item)
    precision = recall = 0.0
    for item, cluster in gold.items():
        same = by_predicted[predicted[item]]
        truth = by_gold[cluster]
        shared = len(same & truth)
        precision += shared / len(same)
        recall += shared / len(truth)
    precision /= len(gold)
    recall /= len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return B3(precision, recall, f1)


def write_predictions(path: Path, assignments: Mapping[str, tuple[str, str]]) -> None:
    """Write ``{"<file name>": {"story": "<id>", "topic": "<id>"}}``, sorted by file name."""
    data = {name: {"story": story, "topic": topic} for name, (story, topic) in sorted(assignments.items())}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def evaluate_stories(
    data_dir: Path,
    topics: list[int] | None,
    predictions: Path | None,
    *,
    seed: int = 0,
    options: StoryOptions | None = None,
) -> StoriesScore:
    """Cluster the ECB+ documents of ``topics`` (all when None) online and score them; write predictions if asked."""
    documents = read_corpus(data_dir, topics)
    assignments, _ = cluster_documents(stream_order(documents, seed), options=options)
    if predictions is not None:
        write_predictions(predictions, assignments)
    story = b_cubed({name: s for name, (s, _) in assignments.items()}, {d.name: d.subtopic for d in documents})
    topic = b_cubed({name: t for name, (_, t) in assignments.items()}, {d.name: d.topic for d in documents})
    return StoriesScore(
        documents=len(documents),
        topics=tuple(sorted({d.topic for d in documents})),
        seed=seed,
        story=story,
        topic=topic,
        predicted_stories=len({s for s, _ in assignments.values()}),
        predicted_topics=len({t for _, t in assignments.values()}),
        gold_stories=len({d.subtopic for d in documents}),
    )


def parse_topics(spec: str) -> list[int]:
    """``"1-35"``, ``"2,5,12"`` or ``"1-3,7"`` -> topic numbers; ``"dev"``: the development topics, ``"train"``: the
    other topics of 1-35, ``"all"``: 1-35."""
    named = spec.strip().lower()
    if named == "dev":
        return list(DEV_TOPICS)
    if named == "train":
        return [topic for topic in range(1, 36) if topic not in DEV_TOPICS]
    if named == "all":
        return list(range(1, 36))
    numbers: set[int] = set()
    for part in spec.split(","):
        part = part.strip()
        try:
            if "-" in part:
                low, high = (int(x) for x in part.split("-", 1))
                numbers.update(range(low, high + 1))
            elif part:
                numbers.add(int(part))
        except ValueError:
            raise StorylineError(
                "E406", f"bad topic list {spec!r}", "write topics like 1-35 or 2,5,12, or dev, train or all"
            ) from None
    return sorted(numbers)


def _topic_span(topics: tuple[int, ...]) -> str:
    return ",".join(str(t) for t in topics) if len(topics) <= 12 else f"{topics[0]}-{topics[-1]} ({len(topics)})"
