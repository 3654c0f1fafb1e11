"""One options object for the whole pipeline, driven by one declarative table of settings.

Every setting has a name, a default and a line of help in ``SETTINGS``; ``Options`` is built from that
table, validated in one place, and documented from it (``storyline settings`` prints it, and a test checks
that the README lists every setting).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from storyline.errors import StorylineError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "storyline.db", "Database URL or SQLite file path (postgresql+psycopg://… for PostgreSQL)."),
    Setting("batch_size", 64, "Documents handed to each stage at a time."),
    Setting("max_article_bytes", 5_000_000, "Largest article text accepted, in bytes; larger inputs are rejected."),
    Setting("min_text_chars", 1, "Articles with fewer characters of cleaned text are rejected."),
    Setting("language_min_score", 0.5, "Below this language-id confidence the language is stored as null."),
    Setting("progress", True, "Show a progress bar on long runs."),
)

_DEFAULTS = {s.name: s.default for s in SETTINGS}


@dataclass(frozen=True)
class Options:
    db: str = _DEFAULTS["db"]
    batch_size: int = _DEFAULTS["batch_size"]
    max_article_bytes: int = _DEFAULTS["max_article_bytes"]
    min_text_chars: int = _DEFAULTS["min_text_chars"]
    language_min_score: float = _DEFAULTS["language_min_score"]
    progress: bool = _DEFAULTS["progress"]

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise StorylineError(
                "E001", f"batch_size must be at least 1, not {self.batch_size}", "pass --batch-size 1 or more"
            )
        if self.max_article_bytes < 1:
            raise StorylineError(
                "E002", f"max_article_bytes must be positive, not {self.max_article_bytes}", "pass a positive size"
            )
        if not 0.0 <= self.language_min_score <= 1.0:
            raise StorylineError(
                "E003",
                f"language_min_score must lie in [0, 1], not {self.language_min_score}",
                "pass a value between 0 and 1",
            )

    def with_(self, **changes: Any) -> Options:
        """A copy with some settings changed; ``None`` values keep the current setting."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _check_table_matches_options() -> None:
    names = [f.name for f in fields(Options)]
    table = [s.name for s in SETTINGS]
    if names != table:  # pragma: no cover - caught by the import in any test
        raise RuntimeError(f"Options fields {names} differ from SETTINGS {table}")


_check_table_matches_options()
