"""The cleaner against hand-checked line labels: the five seed articles, and articles written for these tests.

Each fixture file labels every non-empty line of an article as boilerplate (with the rule expected to remove it)
or as article text. The cleaner must remove exactly the boilerplate lines, with those rules, and keep every
article line whole and in order: no boilerplate survives, no article sentence is lost or cut.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storyline.clean import clean_text, identify_language
from storyline.clean.unicode import repair_unicode

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "clean"
SEEDS_DIR = ROOT / "examples" / "afghan-resistance"
OWN_DIR = FIXTURES / "articles"


def _load(name: str) -> dict[str, dict[str, Any]]:
    files: dict[str, dict[str, Any]] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))["files"]
    return files


SEEDS = _load("seeds_expected.json")
OWN = _load("articles_expected.json")
CASES = [(SEEDS_DIR / name, expected) for name, expected in SEEDS.items()] + [
    (OWN_DIR / name, expected) for name, expected in OWN.items()
]
IDS = [path.name for path, _ in CASES]


def _text_lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def test_every_seed_article_is_labelled() -> None:
    assert sorted(SEEDS) == sorted(path.name for path in SEEDS_DIR.glob("*.txt"))


@pytest.mark.parametrize(("path", "expected"), CASES, ids=IDS)
def test_fixture_labels_every_line_once(path: Path, expected: dict[str, Any]) -> None:
    """The hand labels partition the article's lines: a check on the fixture itself, not on the cleaner."""
    lines = _text_lines(repair_unicode(path.read_text(encoding="utf-8")))
    boilerplate = [item["line"] for item in expected["boilerplate"]]
    assert [line for line in lines if line in boilerplate] == boilerplate
    assert [line for line in lines if line not in boilerplate] == expected["article"]


@pytest.mark.parametrize(("path", "expected"), CASES, ids=IDS)
def test_cleaner_removes_exactly_the_boilerplate(path: Path, expected: dict[str, Any]) -> None:
    text, removed = clean_text(path.read_text(encoding="utf-8"))
    assert [(line.text, line.rule) for line in removed] == [
        (item["line"], item["rule"]) for item in expected["boilerplate"]
    ]
    kept = _text_lines(text)
    survivors = [item["line"] for item in expected["boilerplate"] if item["line"] in kept]
    assert survivors == [], "boilerplate survived cleaning"
    lost = [line for line in expected["article"] if line not in kept]
    assert lost == [], "article lines lost or cut"
    assert kept == expected["article"]


@pytest.mark.parametrize(("path", "expected"), CASES, ids=IDS)
def test_cleaned_text_layout(path: Path, expected: dict[str, Any]) -> None:
    """Stripped, no trailing spaces, never more than one blank line, paragraph breaks kept where the source had them."""
    raw = path.read_text(encoding="utf-8")
    text, _ = clean_text(raw)
    assert text == text.strip()
    assert "\n\n\n" not in text
    assert all(line == " ".join(line.split()) for line in text.split("\n"))
    if "\n\n" in raw.strip():
        assert "\n\n" in text
    if "text" in expected:
        assert text == expected["text"]


@pytest.mark.parametrize(("path", "expected"), CASES, ids=IDS)
def test_line_endings_do_not_matter(path: Path, expected: dict[str, Any]) -> None:
    raw = path.read_text(encoding="utf-8")
    assert clean_text(raw.replace("\n", "\r\n")) == clean_text(raw)
    assert clean_text(raw.replace("\n", "\r")) == clean_text(raw)


@pytest.mark.parametrize("dropped", [1, 2])
@pytest.mark.parametrize(("name", "expected"), SEEDS.items(), ids=list(SEEDS))
def test_seed_without_title_or_date_lines(name: str, expected: dict[str, Any], dropped: int) -> None:
    """Ingest hands clean the text after the title (and date) lines; the rules must not depend on seeing them."""
    lines = (SEEDS_DIR / name).read_text(encoding="utf-8").splitlines()
    leading = [i for i, line in enumerate(lines) if line.strip()][:dropped]
    raw = "\n".join(lines[leading[-1] + 1 :])
    text, removed = clean_text(raw)
    dropped_lines = {" ".join(lines[i].split()) for i in leading}
    expected_boilerplate = [(i["line"], i["rule"]) for i in expected["boilerplate"] if i["line"] not in dropped_lines]
    assert [(line.text, line.rule) for line in removed] == expected_boilerplate
    assert _text_lines(text) == [line for line in expected["article"] if line not in dropped_lines]


@pytest.mark.parametrize(("path", "expected"), CASES, ids=IDS)
def test_language_of_fixture_articles(path: Path, expected: dict[str, Any]) -> None:
    text, _ = clean_text(path.read_text(encoding="utf-8"))
    language, score = identify_language(text)
    assert language == expected.get("language", "en")
    assert score >= 0.95


def test_mojibake_is_repaired_and_quotes_stay_curly() -> None:
    text, _ = clean_text((OWN_DIR / "messy_whitespace.txt").read_text(encoding="utf-8"))
    assert "governor’s" in text and "â€" not in text
    seed, _ = clean_text((SEEDS_DIR / "003_bd1d055ce3ed2dfb.txt").read_text(encoding="utf-8"))
    assert "“There were no results in these informal talks,” Nazary said." in seed
