"""Docs that cannot drift: the README's CLI reference and settings list come from the code."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from storyline.settings import SETTINGS

ROOT = Path(__file__).resolve().parent.parent


def _cli_reference_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "tools" / "cli_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_cli_reference_matches_help() -> None:
    module = _cli_reference_module()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert module.replace_block(readme, module.render()) == readme, "run: python tools/cli_reference.py"


def test_every_setting_is_documented_in_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(\w+)` \|", readme, flags=re.MULTILINE))
    assert {s.name for s in SETTINGS} <= documented


def test_every_dependency_has_a_licence_in_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8").lower()
    pins = [
        line.split("==")[0].strip().lower()
        for line in (ROOT / "requirements.lock").read_text().splitlines()
        if "==" in line and not line.lstrip().startswith("#")
    ]
    missing = [name for name in pins if f"| {name} |" not in readme]
    assert not missing, f"README's dependency table lacks: {missing}"
