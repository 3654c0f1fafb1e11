"""CSV and Parquet: one row per record, in one table for every record type.

Layout. The columns are ``type`` and ``id`` followed by the union of every record type's fields, in the order
``records.RECORD_FIELDS`` declares them (article fields first; a later type appends the fields articles lack).
A row fills the columns of its own type and leaves the others empty. The columns are::

    type, id, uri, outlet, title, published, language, text, copy_of, copy_kind, spin_score, story_id,
    topic_id, article_ids, first_published, last_published, story_ids, name, kind, aliases, country, sector,
    geo, mentions, article_id, start, end, direct, speaker_id, cue, plover, mode, cameo, source_ids,
    target_ids, location_id, date, date_text, evidence, independent_sources, confidence

Values. Strings as they are; numbers as Python writes them (``repr``, the shortest form that reads back
exactly); booleans as ``true``/``false``; nested values (lists, objects: the mentions, evidence, id lists of
later types) as compact JSON text. Missing is never invented: null is an empty CSV field and a Parquet null
(so CSV cannot tell an empty string from null; Parquet and JSONL can).

CSV: RFC 4180 as Python's ``csv`` module writes it (comma, ``"`` quoting where needed, CRLF between rows,
newlines inside a field kept inside its quotes), UTF-8 without a byte-order mark, a header row.
Parquet (pyarrow): strings are ``string``, floats ``double``, integers ``int64``, booleans ``bool``; rows are
written in row groups of ``PARQUET_BATCH`` records.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import IO, Any

from storyline.export.records import RECORD_FIELDS, FieldKind
from storyline.pipeline import batched

PARQUET_BATCH = 4096


def table_columns() -> tuple[tuple[str, FieldKind], ...]:
    """Every column of the tabular layout with its kind, in order."""
    columns: dict[str, FieldKind] = {}
    for fields in RECORD_FIELDS.values():
        for name, kind in fields:
            if columns.setdefault(name, kind) != kind:
                raise TypeError(f"field {name!r} has kind {kind} in one record type and {columns[name]} in another")
    return tuple(columns.items())


def _cell(value: Any, kind: FieldKind) -> str:
    if value is None:
        return ""
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    if kind == "bool":
        return "true" if value else "false"
    if kind == "float":
        return repr(float(value))
    return str(value)


def write_csv(records: Iterable[dict[str, Any]], stream: IO[bytes]) -> int:
    """Write records as CSV (header first) to a binary stream; return how many records."""
    columns = table_columns()
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.writer(text)
        writer.writerow([name for name, _kind in columns])
        written = 0
        for record in records:
            writer.writerow([_cell(record.get(name), kind) for name, kind in columns])
            written += 1
        text.flush()
    finally:
        text.detach()  # the caller owns the binary stream
    return written


def _arrow_schema() -> Any:
    import pyarrow as pa

    types = {"str": pa.string(), "float": pa.float64(), "int": pa.int64(), "bool": pa.bool_(), "json": pa.string()}
    return pa.schema([pa.field(name, types[kind]) for name, kind in table_columns()])


def _parquet_value(value: Any, kind: FieldKind) -> Any:
    if value is None or kind != "json":
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def write_parquet(records: Iterable[dict[str, Any]], stream: IO[bytes]) -> int:
    """Write records as one Parquet file to a binary stream; return how many records."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = table_columns()
    schema = _arrow_schema()
    written = 0
    with pq.ParquetWriter(stream, schema) as writer:
        for batch in batched(records, PARQUET_BATCH):
            data = {name: [_parquet_value(record.get(name), kind) for record in batch] for name, kind in columns}
            writer.write_table(pa.Table.from_pydict(data, schema=schema))
            written += len(batch)
    return written
