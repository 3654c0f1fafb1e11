"""The evaluation gate's floors, read from the committed ``benchmarks/<task>/baseline.json`` files.

Each file holds, per benchmark, the command that measures it, the figures last measured, and the floors the
tests hold the code to. A floor is lowered only on purpose: by editing that file, with the reason in the commit.
"""

from __future__ import annotations

import json
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def floors(task: str, benchmark: str) -> dict[str, float]:
    """The floors of one benchmark of a task, e.g. ``floors("ner", "conll2003_dev")["f1"]``."""
    data = json.loads((BENCHMARKS / task / "baseline.json").read_text(encoding="utf-8"))
    return {name: float(value) for name, value in data[benchmark]["floor"].items()}
