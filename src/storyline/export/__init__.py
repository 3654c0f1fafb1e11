"""Export the knowledge base as JSON Lines (the contract), CSV or Parquet.

``write_export`` streams the records from the store; a file is written under a temporary name beside the
target and renamed into place when complete, so a failed or killed export never leaves a partial file that
looks whole.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any, Literal

from storyline.errors import StorylineError
from storyline.export.jsonl import dumps_record, write_jsonl
from storyline.export.records import ARTICLE_FIELDS, RECORD_FIELDS, article_record, iter_records
from storyline.export.tabular import table_columns, write_csv, write_parquet
from storyline.store.repository import Repository

ExportFormat = Literal["jsonl", "csv", "parquet"]

WRITERS: dict[str, Callable[[Iterable[dict[str, Any]], IO[bytes]], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "parquet": write_parquet,
}

__all__ = [
    "ARTICLE_FIELDS",
    "RECORD_FIELDS",
    "WRITERS",
    "ExportFormat",
    "article_record",
    "dumps_record",
    "iter_records",
    "table_columns",
    "write_csv",
    "write_export",
    "write_jsonl",
    "write_parquet",
]


def write_export(repo: Repository, fmt: ExportFormat, out: Path | None) -> int:
    """Write every record of ``repo`` in ``fmt`` to ``out`` (None: standard output); return how many."""
    try:
        writer = WRITERS[fmt]
    except KeyError:
        raise StorylineError("E210", f"unknown export format {fmt!r}", f"use one of: {', '.join(WRITERS)}") from None
    if out is None:
        if fmt == "parquet":
            raise StorylineError("E211", "Parquet cannot be written to standard output", "give an output file path")
        written = writer(iter_records(repo), sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return written
    out = Path(out)
    if not out.parent.is_dir():
        raise StorylineError(
            "E212", f"cannot write {out}: folder {out.parent} does not exist", "create the folder first"
        )
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            written = writer(iter_records(repo), stream)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return written
