"""Paths and small builders shared by the copies tests (a module with its own name, not ``conftest``)."""

from __future__ import annotations

from pathlib import Path

from storyline.document import Document

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples" / "afghan-resistance"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def make_doc(text: str, uri: str, published: str | None = None, language: str | None = "en") -> Document:
    doc = Document(uri=uri, raw_text=text, published=published)
    doc.text = text
    doc.language = language
    return doc
