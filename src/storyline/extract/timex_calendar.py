"""Calendar arithmetic and TIMEX3 value formats for the time tagger (:mod:`storyline.extract.time`).

Everything here is a pure function of its arguments: the anchor (the document's publication date, possibly
only a year or a month, possibly unknown), a direction (back for past-tense reports, forward for future
tense, or either) and the pieces a rule read from the text. When the anchor is too coarse or missing, the
functions return ``None`` and the rule falls back to a partial value with ``X`` for what is unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum

MONTH_NUMBERS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAY_NUMBERS: dict[str, int] = {  # ISO: Monday is 1
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
}  # fmt: skip
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI", "overnight": "NI",
}  # fmt: skip
CARDINALS: dict[str, float] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "single": 1, "dozen": 12,
    "couple": 2,
}  # fmt: skip
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
VAGUE_QUANTITIES = frozenset({"few", "several", "some", "many", "numerous", "various", "multiple"})

# Duration units: word -> (TIMEX3 letter, is a time-of-day unit (after "T"), how many of the letter one unit is)
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1), "day": ("D", False, 1),
    "night": ("D", False, 1), "week": ("W", False, 1), "weekend": ("WE", False, 1), "month": ("M", False, 1),
    "quarter": ("Q", False, 1), "year": ("Y", False, 1), "decade": ("Y", False, 10), "century": ("Y", False, 100),
    "centurie": ("Y", False, 100), "millennium": ("Y", False, 1000), "millennia": ("Y", False, 1000),
}  # fmt: skip


class Direction(IntEnum):
    """Where a relative expression points from the anchor: back (past tense), forward (future), or unknown."""

    BACK = -1
    EITHER = 0
    FORWARD = 1


@dataclass(frozen=True)
class Anchor:
    """The reference date: a year, a month or a day, or nothing at all."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> date | None:
        if self.year is None or self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)


_ANCHOR = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")


def parse_anchor(anchor: str | None) -> Anchor:
    """An :class:`Anchor` from ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a time after ``T`` is ignored)."""
    if anchor is None:
        return Anchor()
    found = _ANCHOR.match(anchor)
    if found is None:
        raise ValueError(f"anchor {anchor!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year = int(found[1])
    month = int(found[2]) if found[2] else None
    day = int(found[3]) if found[3] else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"anchor {anchor!r} has no month {month}")
    if month is not None and day is not None:
        date(year, month, day)  # raises ValueError for an impossible day
    return Anchor(year, month, day)


# ---------------------------------------------------------------------------------------------- formats


def day_value(day: date) -> str:
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(day: date) -> str:
    iso_year, week, _ = day.isocalendar()
    return f"{iso_year:04d}-W{week:02d}"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def valid_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# ------------------------------------------------------------------------------------------- arithmetic


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + count
    return total // 12, total % 12 + 1


def add_days(day: date, count: int) -> date | None:
    try:
        return day + timedelta(days=count)
    except OverflowError:
        return None


def shift_to_weekday(anchor: date, weekday: int, direction: Direction, *, strict: bool = False) -> date:
    """The ``weekday`` (ISO number) nearest the anchor in ``direction``; the anchor itself counts unless ``strict``."""
    back = (anchor.isoweekday() - weekday) % 7
    forward = (weekday - anchor.isoweekday()) % 7
    if strict:
        back = back or 7
        forward = forward or 7
    if direction is Direction.BACK:
        return anchor - timedelta(days=back)
    if direction is Direction.FORWARD:
        return anchor + timedelta(days=forward)
    return anchor - timedelta(days=back) if back <= forward else anchor + timedelta(days=forward)


def year_for_month(anchor: Anchor, month: int, day: int | None, direction: Direction) -> int | None:
    """The year of ``month`` (and ``day``) when the text states none, seen from the anchor.

    The nearest such date, unless the tense points one way: a past-tense "in December" written in October
    is last December, a future-tense "by January" next January, as long as that lies within nine months.
    """
    if anchor.year is None:
        return None
    if anchor.month is None:
        return anchor.year
    here = date(anchor.year, anchor.month, anchor.day or 15)
    options = []
    for candidate in (anchor.year - 1, anchor.year, anchor.year + 1):
        last_day = (date(candidate + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
        options.append((candidate, (date(candidate, month, min(day or 15, last_day)) - here).days))
    nearest = min(options, key=lambda option: abs(option[1]))
    slack = 0 if day is not None else 16
    if direction is Direction.BACK:
        past = max((o for o in options if o[1] <= slack), key=lambda o: o[1])
        return past[0] if past[1] >= -FAR_DAYS else nearest[0]
    if direction is Direction.FORWARD:
        future = min((o for o in options if o[1] >= -slack), key=lambda o: o[1])
        return future[0] if future[1] <= FAR_DAYS else nearest[0]
    return nearest[0]


# A tense-chosen date without a year lies at most this far from the anchor (ten months); beyond it, the tense
# reading is more likely wrong than the date, and the nearest one wins.
FAR_DAYS = 300


def latest_quarter(anchor: Anchor) -> tuple[int, int] | None:
    """The last quarter that has ended by the anchor: what "the latest quarter" reports on."""
    if anchor.year is None or anchor.month is None:
        return None
    quarter = quarter_of(anchor.month) - 1
    return (anchor.year - 1, 4) if quarter == 0 else (anchor.year, quarter)


# ------------------------------------------------------------------------------------------------ numbers

_NUMBER_SPLIT = re.compile(r"[\s-]+")


def parse_quantity(text: str) -> float | None:
    """The number a quantity states (``two``, ``twenty-four``, ``2 1/2``, ``a couple of``); ``None`` if vague.

    Raises ``ValueError`` for text that is no quantity at all.
    """
    words = [w for w in _NUMBER_SPLIT.split(text.lower().replace(",", "").strip()) if w and w not in ("and", "of")]
    if len(words) > 1 and words[0] in ("a", "an") and words[1] != "half":
        words = words[1:]  # "a couple of", "a few", "a dozen", "a hundred"
    if not words:
        raise ValueError(f"no quantity in {text!r}")
    if any(word in VAGUE_QUANTITIES for word in words):
        return None
    total = 0.0
    current = 0.0
    for word in words:
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            current += float(word)
        elif re.fullmatch(r"\d+/\d+", word):
            numerator, denominator = word.split("/")
            current += int(numerator) / int(denominator) if int(denominator) else 0.0
        elif word == "\u00bd":
            current += 0.5
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "thousand":
            total += (current or 1) * 1000
            current = 0
        elif word == "half":
            current = current + 0.5 if current else 0.5
        elif word in CARDINALS:
            if word in ("a", "an") and current:
                continue
            current += CARDINALS[word]
        else:
            raise ValueError(f"{word!r} is not a number word")
    return total + current


def duration_value(quantity: float | None, unit: str) -> str:
    """A TIMEX3 duration: ``P3D``, ``PT5H30M``, ``P2Y6M``, ``PXY`` (vague quantity), ``P10Y`` (one decade)."""
    letter, is_time, multiple = UNITS[unit]
    prefix = "PT" if is_time else "P"
    if letter == "WE":
        return "PXWE" if quantity is None else f"P{_number(quantity)}WE"
    if quantity is None:
        if multiple == 10:
            return "PXE"
        if multiple >= 100:
            return "PXC"
        return f"{prefix}X{letter}"
    amount = quantity * multiple
    if amount == int(amount):
        return f"{prefix}{int(amount)}{letter}"
    whole = int(amount)
    smaller = _SMALLER_UNITS.get((letter, is_time))
    if smaller is not None:
        small_letter, per, small_is_time = smaller
        small = (amount - whole) * per
        if small == int(small):
            head = f"{prefix}{whole}{letter}" if whole else prefix
            if small_is_time and not is_time:
                return f"{head}T{int(small)}{small_letter}"
            return f"{head}{int(small)}{small_letter}"
    return f"{prefix}{_number(amount)}{letter}"


# How a fraction of a unit is written in the next smaller one: 2 1/2 years = P2Y6M, 5 1/2 hours = PT5H30M.
_SMALLER_UNITS: dict[tuple[str, bool], tuple[str, int, bool]] = {
    ("Y", False): ("M", 12, False),
    ("M", False): ("D", 30, False),
    ("W", False): ("D", 7, False),
    ("D", False): ("H", 24, True),
    ("H", True): ("M", 60, True),
    ("M", True): ("S", 60, True),
}


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def shift_value(anchor_day: date, count: int, unit: str) -> str | None:
    """The date ``count`` units from ``anchor_day``, at the unit's granularity (``2 years ago`` -> ``1996``)."""
    letter, is_time, multiple = UNITS[unit]
    if is_time:
        return None
    if letter == "D":
        moved = add_days(anchor_day, count)
        return None if moved is None else day_value(moved)
    if letter == "W":
        moved = add_days(anchor_day, 7 * count)
        return None if moved is None else week_value(moved)
    if letter == "M":
        year, month = add_months(anchor_day.year, anchor_day.month, count)
        return month_value(year, month)
    if letter == "Q":
        year, month = add_months(anchor_day.year, anchor_day.month, 3 * count)
        return f"{year:04d}-Q{quarter_of(month)}"
    year = anchor_day.year + count * multiple
    return f"{year:04d}" if 0 < year < 10000 else None


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` (1-based; -1 for the last) ``weekday`` (ISO number) of a month."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)
