"""Errors with a code, what went wrong, and how to fix it: ``[E010] … Fix: …``."""

from __future__ import annotations


class StorylineError(Exception):
    """An error a user can act on."""

    def __init__(self, code: str, message: str, fix: str | None = None) -> None:
        self.code = code
        self.message = message
        self.fix = fix
        text = f"[{code}] {message}"
        if fix:
            text += f". Fix: {fix}"
        super().__init__(text)


class PipelineOrderError(StorylineError):
    """A stage needs a field that no earlier stage assigns."""
