"""JSON Lines: one record per line, the format tools outside the project read.

The bytes are deterministic: UTF-8, keys in contract order, compact separators (``","`` and ``":"``),
non-ASCII written as itself, ``\\n`` after every record. Besides what JSON must escape, the three characters
that some line splitters take for a line break (U+0085, U+2028, U+2029) are written as ``\\uXXXX`` escapes,
so every record is exactly one line to any reader. Scores are finite (the store refuses NaN and infinities).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

_LINE_BREAK_ESCAPES = (("\x85", "\\u0085"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def dumps_record(record: dict[str, Any]) -> str:
    """One record as one line of JSON, without the newline."""
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in _LINE_BREAK_ESCAPES:
        if char in text:  # str.replace and `in` run in C; str.translate would cost a dict lookup per character
            text = text.replace(char, escape)
    return text


def write_jsonl(records: Iterable[dict[str, Any]], stream: IO[bytes]) -> int:
    """Write records as JSON Lines to a binary stream; return how many."""
    written = 0
    for record in records:
        stream.write(dumps_record(record).encode("utf-8") + b"\n")
        written += 1
    return written
