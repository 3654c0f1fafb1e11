"""Generate the README's CLI reference from ``--help``, or check that it has not drifted.

python tools/cli_reference.py          # rewrite the block in README.md
python tools/cli_reference.py --check  # exit 1 if README.md differs from the generated block
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from typer.testing import CliRunner

from storyline.cli import app

README = Path(__file__).resolve().parent.parent / "README.md"
START = "<!-- cli-reference:start -->"
END = "<!-- cli-reference:end -->"
WIDTH = 100


def _command_paths(command: object, prefix: list[str]) -> list[list[str]]:
    """Every command's path, in the order ``--help`` lists them (typer ships its own click, so duck-type)."""
    paths = [prefix]
    for name, sub in getattr(command, "commands", {}).items():
        paths.extend(_command_paths(sub, [*prefix, name]))
    return paths


def render() -> str:
    """The reference block: every command's ``--help``, in command order."""
    root = typer.main.get_command(app)
    runner = CliRunner()
    parts = [START, ""]
    for path in _command_paths(root, []):
        result = runner.invoke(app, [*path, "--help"], terminal_width=WIDTH, prog_name="storyline")
        if result.exit_code != 0:
            raise RuntimeError(f"storyline {' '.join(path)} --help failed: {result.output}")
        title = " ".join(["storyline", *path])
        parts += [f"### `{title}`", "", "```", result.output.rstrip(), "```", ""]
    parts.append(END)
    return "\n".join(parts)


def replace_block(readme: str, block: str) -> str:
    head, found, rest = readme.partition(START)
    if not found:
        raise SystemExit(f"{README} has no {START} marker")
    _, found, tail = rest.partition(END)
    if not found:
        raise SystemExit(f"{README} has no {END} marker")
    return head + block + tail


def main(argv: list[str]) -> int:
    current = README.read_text(encoding="utf-8")
    wanted = replace_block(current, render())
    if "--check" in argv:
        if current != wanted:
            print("README.md's CLI reference is out of date: run python tools/cli_reference.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
