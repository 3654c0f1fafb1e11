"""What the extraction stages found in an article, as rows: mentions, times, quotes and event reports.

They are written in the transaction that adds their article and read back with it, so a stored article is
always whole. Each kind has one table keyed by ``(article_id, position)``; a row's columns are the fields of
its dataclass (``Mention``, ``TimeMention``, ``Quotation``, ``EventReport``) under the same names, except
``TimeMention.type`` (column ``timex_type``) and the quote's ``id`` (derived from article and span).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from storyline.document import Document, EventReport, Mention, Quotation
from storyline.store.models import event_mentions, mentions, quotes, times

if TYPE_CHECKING:
    from storyline.extract.time import TimeMention


@dataclass
class Annotations:
    """One article's annotations as read from the store."""

    times: list[TimeMention] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotations: list[Quotation] = field(default_factory=list)
    events: list[EventReport] = field(default_factory=list)


def _time_row(value: TimeMention) -> dict[str, Any]:
    row = dataclasses.asdict(value)
    row["timex_type"] = row.pop("type")
    return row


def _quote_row(article_id: str, value: Quotation) -> dict[str, Any]:
    return dataclasses.asdict(value) | {"id": value.quote_id(article_id)}


def annotation_rows(doc: Document, article_id: str) -> Iterator[tuple[sa.Table, dict[str, Any]]]:
    """(table, row) for every annotation of a document, in the order of each list."""
    groups: list[tuple[sa.Table, list[dict[str, Any]]]] = [
        (times, [_time_row(value) for value in doc.times]),
        (mentions, [dataclasses.asdict(value) for value in doc.mentions]),
        (quotes, [_quote_row(article_id, value) for value in doc.quotations]),
        (event_mentions, [dataclasses.asdict(value) for value in doc.events]),
    ]
    for table, rows in groups:
        for position, row in enumerate(rows):
            yield table, {"article_id": article_id, "position": position} | row


AnnotationRow = tuple[sa.Table, dict[str, Any]]


def annotation_values(rows: Iterable[AnnotationRow]) -> Iterator[tuple[str, str | float | int]]:
    """(where, value) for every string and number of these annotation rows (:func:`annotation_rows`), for the
    store's check of what it can keep."""
    for table, row in rows:
        for name, value in row.items():
            if isinstance(value, str | float | int) and not isinstance(value, bool) and name != "position":
                yield f"{table.name}[{row['position']}].{name}", value


def insert_annotations(conn: sa.Connection, rows: Sequence[tuple[sa.Table, dict[str, Any]]]) -> None:
    by_table: dict[sa.Table, list[dict[str, Any]]] = {}
    for table, row in rows:
        by_table.setdefault(table, []).append(row)
    for table, table_rows in by_table.items():
        conn.execute(table.insert(), table_rows)


def load_annotations(conn: sa.Connection, article_ids: Sequence[str]) -> dict[str, Annotations]:
    """The annotations of the given articles (each list in stored order)."""
    from storyline.extract.time import TimeMention

    found: dict[str, Annotations] = {article_id: Annotations() for article_id in article_ids}
    if not found:
        return found
    ids = list(found)

    def rows(table: sa.Table) -> Iterator[dict[str, Any]]:
        query = sa.select(table).where(table.c.article_id.in_(ids)).order_by(table.c.article_id, table.c.position)
        for row in conn.execute(query).mappings():
            yield dict(row)

    for row in rows(times):
        article_id = _strip_key(row)
        row["type"] = row.pop("timex_type")
        found[article_id].times.append(TimeMention(**row))
    for row in rows(mentions):
        found[_strip_key(row)].mentions.append(Mention(**row))
    for row in rows(quotes):
        found[str(row["article_id"])].quotations.append(quotation_from_row(row))
    for row in rows(event_mentions):
        found[_strip_key(row)].events.append(EventReport(**row))
    return found


def quotation_from_row(row: dict[str, Any]) -> Quotation:
    """The quote in a row of ``quotes`` (the row's keys and id are dropped)."""
    fields = {name: row[name] for name in _QUOTATION_FIELDS}
    return Quotation(**fields)


_QUOTATION_FIELDS = tuple(f.name for f in dataclasses.fields(Quotation))


def _strip_key(row: dict[str, Any]) -> str:
    row.pop("position")
    return str(row.pop("article_id"))
