"""Publication dates: a date line at the top of a text file, and dates given in metadata fields.

:func:`parse_date_line` accepts a line only when the *whole* line is a date, in one of these forms
(English month names, full or abbreviated, any case; an ordinal suffix and commas optional):

=====================  ==========================  ============
form                   example                     result
=====================  ==========================  ============
month day, year        ``Oct 7, 2021``             2021-10-07
day month year         ``7 October 2021``          2021-10-07
ISO                    ``2021-10-07``              2021-10-07
year/month/day         ``2021/10/07``              2021-10-07
day.month.year         ``07.10.2021``              2021-10-07
month year             ``October 2021``            2021-10
=====================  ==========================  ============

Each may start with a weekday (``Thursday, Oct 7, 2021``) or ``Published:`` / ``Posted on``, and end with a
time of day (``10:30``, ``10:30 AM``, ``10:30:00 GMT``, ``T10:30:00+03:00``). The time is dropped: dates are
kept as the page states them, in the page's own time zone, never shifted to UTC.

Refused on purpose: ``10/07/2021`` (month/day or day/month? no way to tell), two-digit years, and any line
with more words than the date (``told TASS on October 6`` is body text, not a publication date).

:func:`normalise_date` reads a date *field* (JSONL ``published``, a feed entry's date): ISO dates and
datetimes, ``YYYY-MM``, ``YYYY``, RFC 2822 (``Thu, 07 Oct 2021 10:00:00 +0000``) and every date-line form.
Both return ``None`` for anything else: a date is never guessed.
"""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_tz

MIN_YEAR = 1900
MAX_YEAR = 2099

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>[0-9]{4})"
_PREFIX = r"(?:(?:published|posted)(?:\s+on)?\s*:?\s*)?" + r"(?:(?:" + WEEKDAYS + r")\.?,?\s+)?"
_ZONE = r"(?:Z|UTC|GMT|[ECMP][SD]T|BST|CES?T|EES?T|MSK|IST|JST|AES?T|AEDT)?\s*(?:[+-][0-9]{1,2}(?::?[0-9]{2})?)?"
_TIME = (
    r"(?:(?:T|\s*,?\s+(?:at\s+)?|\s*[|\u2013\u2014-]\s*)"
    r"[0-9]{1,2}[:.][0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?\s*(?:[ap]\.?m\.?)?\s*" + _ZONE + r")?"
)

_FORMS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(r"^\s*" + _PREFIX + body + _TIME + r"\s*$", re.IGNORECASE)
    for body in (
        _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR,  # Oct 7, 2021
        _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR,  # 7 October 2021
        _YEAR + r"-(?P<month_number>[0-9]{2})-(?P<day_number>[0-9]{2})",  # 2021-10-07
        _YEAR + r"/(?P<month_number>[0-9]{1,2})/(?P<day_number>[0-9]{1,2})",  # 2021/10/07
        r"(?P<day_number>[0-9]{1,2})\.(?P<month_number>[0-9]{1,2})\." + _YEAR,  # 07.10.2021
        _MONTH + r",?\s+" + _YEAR,  # October 2021
    )
)
_ISO_FIELD = re.compile(
    r"^\s*(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2})"
    r"(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?\s*(?:Z|UTC|GMT|[+-][0-9]{2}(?::?[0-9]{2})?)?)?)?)?\s*$",
    re.IGNORECASE,
)
# Longest line worth trying: a date with weekday, prefix and time fits well inside this.
MAX_DATE_LINE_CHARS = 80


def parse_date_line(line: str) -> str | None:
    """The ISO date (``2021-10-07``, or ``2021-10``) a line states when the whole line is a date, else ``None``."""
    if len(line) > MAX_DATE_LINE_CHARS or not any(char.isdigit() for char in line):
        return None
    for form in _FORMS:
        found = form.match(line)
        if found is None:
            continue
        parts = found.groupdict()
        year = int(parts["year"])
        month = MONTHS[parts["month"].lower()] if parts.get("month") else int(parts["month_number"])
        day_text = parts.get("day") or parts.get("day_number")
        return _iso(year, month, int(day_text) if day_text else None)
    return None


def normalise_date(value: str) -> str | None:
    """An ISO date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) for a date field's value, or ``None`` if it states none."""
    text = value.strip()
    if not text:
        return None
    iso = _ISO_FIELD.match(text)
    if iso is not None:
        month, day = iso["month"], iso["day"]
        return _iso(int(iso["year"]), int(month) if month else None, int(day) if day else None)
    stated = parse_date_line(text)
    if stated is not None:
        return stated
    rfc = parsedate_tz(text) if text.isascii() and len(text) <= MAX_DATE_LINE_CHARS else None
    if rfc is not None:
        return _iso(rfc[0], rfc[1], rfc[2])
    return None


def _iso(year: int, month: int | None, day: int | None) -> str | None:
    """The ISO text for a date that exists, at the precision given; ``None`` for an impossible one."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
