"""Read ECB+ documents (token XML) back into plain news text.

ECB+ stores each document as tokens with sentence numbers; the text is rebuilt by joining tokens with
spaces, except around punctuation, one sentence per line. The first sentence is usually the headline.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_NO_SPACE_BEFORE = {
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
}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}
_NAME = re.compile(r"^(?P<topic>\d+)_(?P<number>\d+)(?P<kind>ecbplus|ecb)\.xml$")


@dataclass(frozen=True)
class EcbDocument:
    name: str  # file name, e.g. "36_1ecb.xml"
    topic: int
    subtopic: str  # "<topic>_ecb" or "<topic>_ecbplus": the happening the document reports
    text: str

    @property
    def title(self) -> str:
        return self.text.split("\n", 1)[0]


def detokenize(tokens: list[str]) -> str:
    out: list[str] = []
    for token in tokens:
        token = {"``": "\u201c", "''": "\u201d", "-LRB-": "(", "-RRB-": ")"}.get(token, token)
        glued = token in _NO_SPACE_BEFORE or token.lower() in _NO_SPACE_BEFORE
        if out and not glued and out[-1] not in _NO_SPACE_AFTER and out[-1] != "\u201c":
            out.append(" ")
        out.append(token)
    return "".join(out).replace(" \u201d", "\u201d")


def read_document(path: Path) -> EcbDocument:
    match = _NAME.match(path.name)
    if match is None:
        raise ValueError(f"{path}: not an ECB+ document name")
    sentences: dict[int, list[str]] = {}
    for token in ET.parse(path).getroot().iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    text = "\n".join(detokenize(sentences[number]) for number in sorted(sentences))
    topic = int(match["topic"])
    return EcbDocument(path.name, topic, f"{topic}_{match['kind']}", text)


def iter_documents(root: Path, topics: set[int] | None = None) -> Iterator[EcbDocument]:
    """Every ECB+ document under ``root``, in (topic, file name) order."""
    paths = sorted(root.glob("*/*.xml"), key=lambda p: (int(p.parent.name), p.name))
    for path in paths:
        if _NAME.match(path.name) and (topics is None or int(path.parent.name) in topics):
            yield read_document(path)
