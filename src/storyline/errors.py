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


class UnstorableError(StorylineError):
    """A document holds what the store cannot keep (E204: a NUL, a lone surrogate, a number out of range);
    ``reason`` says what and where."""

    def __init__(self, uri: str, reason: str) -> None:
        super().__init__(
            "E204",
            f"article {uri!r} cannot be stored: {reason}",
            "remove NUL characters and lone surrogates in ingest/clean, or refuse the document",
        )
        self.reason = reason


class PipelineOrderError(StorylineError):
    """A stage needs a field that no earlier stage assigns."""
