"""Shared by the API tests: the sample corpus, the write token, and copying the seed store."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "afghan-resistance"
STAGES = ("clean", "copies", "stories")
TOKEN = "test-token-0123456789abcdef"


def store_copy(seed_store: dict[str, Any], target: Path) -> Path:
    """A copy of the session's seed store file, for a test that writes or needs its own app."""
    shutil.copy(seed_store["path"], target)
    return target
