"""The date-line parser and the date-field normaliser: known forms, round trips, and no dates from prose."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.ingest.dates import normalise_date, parse_date_line

MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

# Each supported style, written here independently of the parser.
STYLES: dict[str, Callable[[date], str]] = {
    "month-abbr day, year": lambda d: f"{MONTH_NAMES[d.month - 1][:3]} {d.day}, {d.year}",
    "month day, year": lambda d: f"{MONTH_NAMES[d.month - 1]} {d.day}, {d.year}",
    "day month year": lambda d: f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}",
    "day month-abbr year": lambda d: f"{d.day} {MONTH_NAMES[d.month - 1][:3]} {d.year}",
    "iso": lambda d: d.isoformat(),
    "year/month/day": lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",
    "day.month.year": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    "weekday, month day, year, time": lambda d: (
        f"{d.strftime('%A')}, {MONTH_NAMES[d.month - 1]} {d.day}, {d.year} 10:30 AM"
    ),
    "iso datetime with offset": lambda d: f"{d.isoformat()}T23:59:00+03:00",
    "upper case with ordinal": lambda d: f"{MONTH_NAMES[d.month - 1].upper()} {d.day}TH, {d.year}",
}

dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Oct 7, 2021", "2021-10-07"),
        ("October 7, 2021", "2021-10-07"),
        ("7 October 2021", "2021-10-07"),
        ("2021-10-07", "2021-10-07"),
        ("07.10.2021", "2021-10-07"),
        ("  Sept. 30, 2021  ", "2021-09-30"),
        ("Published: 7th of October, 2021", "2021-10-07"),
        ("Thu, Oct 7, 2021 | 14:05 GMT+3", "2021-10-07"),
        ("October 2021", "2021-10"),
        # Not a date line: ambiguous, impossible, or more than a date.
        ("10/07/2021", None),
        ("Oct 7, 21", None),
        ("Feb 30, 2021", None),
        ("told TASS on October 6", None),
        ("Oct 7, 2021 the talks began", None),
        ("0 0", None),
        ("", None),
    ],
)
def test_date_line_forms(line: str, expected: str | None) -> None:
    assert parse_date_line(line) == expected


@pytest.mark.parametrize("style", sorted(STYLES))
@given(day=dates)
def test_every_style_round_trips(style: str, day: date) -> None:
    assert parse_date_line(STYLES[style](day)) == day.isoformat()


@given(
    day=dates,
    style=st.sampled_from(sorted(STYLES)),
    words=st.lists(st.sampled_from(["said", "the", "talks", "in"]), min_size=1),
)
def test_a_date_followed_by_words_is_not_a_date_line(day: date, style: str, words: list[str]) -> None:
    line = f"{STYLES[style](day)} {' '.join(words)}"
    assert parse_date_line(line) is None
    assert parse_date_line(f"{' '.join(words)} {STYLES[style](day)}") is None


@given(st.text(max_size=120))
def test_random_lines_never_crash_and_yield_only_real_dates(line: str) -> None:
    parsed = parse_date_line(line)
    if parsed is not None:
        # Whatever it found is a real date whose year the line spells out.
        year = parsed[:4]
        assert year in line
        date.fromisoformat(parsed if len(parsed) == 10 else f"{parsed}-01")


@given(st.text(alphabet=st.characters(categories=["L", "Zs", "P"]), max_size=80))
def test_lines_without_digits_are_never_dates(line: str) -> None:
    assert parse_date_line(line) is None
    assert normalise_date(line) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021", "2021"),
        ("2021-10", "2021-10"),
        ("2021-10-07", "2021-10-07"),
        ("2021-10-07T01:30:00+03:00", "2021-10-07"),  # the date as stated, not shifted to UTC
        ("Thu, 07 Oct 2021 01:30:00 +0300", "2021-10-07"),
        ("Oct 7, 2021", "2021-10-07"),
        ("2021-13", None),
        ("2021-10-07 and later", None),
        ("sometime last winter", None),
        ("", None),
    ],
)
def test_normalise_date_fields(value: str, expected: str | None) -> None:
    assert normalise_date(value) == expected


@given(day=dates)
def test_rfc_2822_dates_round_trip(day: date) -> None:
    stated = f"{day.strftime('%a')}, {day.day:02d} {MONTH_NAMES[day.month - 1][:3]} {day.year} 23:59:59 -1100"
    assert normalise_date(stated) == day.isoformat()
