"""Regular-expression pieces for the time tagger: month and weekday names, numbers, units, modifiers.

Month and weekday names are matched case-sensitively (capitalised or all capitals), so the verbs "may" and
"march" never read as months; the rules add context checks for the capitalised verb at a sentence start
and for the name "May". Weekday abbreviations ("Wed.") count only in front of a date, so "we" is never a
Wednesday. Each piece is a function of the group name it captures into, because one pattern may hold
several (a time and the date it falls on).
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string (easier to read and edit than a list)."""
    return frozenset(text.split())


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")  # fmt: skip
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_ABBREVIATIONS = ("Mon", "Tues", "Tue", "Wed", "Thurs", "Thur", "Thu", "Fri", "Sat", "Sun")

_FULL = "|".join(MONTH_NAMES)
_FULL_CAPS = "|".join(name.upper() for name in MONTH_NAMES)
_ABBR = "|".join(MONTH_ABBREVIATIONS)
_ABBR_CAPS = "|".join(name.upper() for name in MONTH_ABBREVIATIONS)


def month(group: str = "month") -> str:
    """A month name: full (``October``, ``OCTOBER``) or abbreviated with a dot (``Oct.``) or before a digit."""
    return (
        rf"(?-i:(?P<{group}>(?:{_FULL}|{_FULL_CAPS})(?![\w]|['’](?!s\b))"
        rf"|(?:{_ABBR}|{_ABBR_CAPS})(?:\.|(?=\s+\d))))"
    )


def weekday(group: str = "weekday") -> str:
    """A weekday name in full (``Wednesday``, ``WEDNESDAY``), with an optional possessive."""
    names = "|".join(WEEKDAY_NAMES) + "|" + "|".join(name.upper() for name in WEEKDAY_NAMES)
    return rf"(?-i:(?P<{group}>{names}))(?:['’]s)?(?![\w])"


def weekday_prefix(group: str = "prefix_weekday") -> str:
    """A weekday (full or abbreviated) in front of a date: ``Friday, Oct. 23`` / ``Wed. Oct 6``."""
    names = "|".join(WEEKDAY_NAMES + WEEKDAY_ABBREVIATIONS)
    return rf"(?:(?-i:(?P<{group}>{names}|{names.upper()}))\.?,?\s+)"


def day(group: str = "day") -> str:
    """A day of the month, 1-31, with an optional ordinal suffix; never part of a bigger number."""
    return rf"(?P<{group}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w%/]|[.,:]\d)"


DAY_ORDINAL_WORDS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|"
    "fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[\\s-](?:first|second|third|fourth|"
    "fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty[\\s-]first"
)


def year(group: str = "year") -> str:
    """A four-digit year 1000-2099 that is not part of a bigger number, a decimal or a percentage."""
    return rf"(?P<{group}>1\d\d\d|20\d\d)(?![\d%]|[.,]\d|\s?%|s\b|-\d\d-)"


UNIT_WORDS = r"second|minute|hour|day|night|week|weekend|month|quarter|year|decade|centur(?:y|ie)|millenni(?:um|a)"


def unit(group: str = "unit") -> str:
    """A calendar or clock unit, singular or plural (``day``, ``days``, ``centuries``)."""
    return rf"(?P<{group}>{UNIT_WORDS})s?(?![\w])"


CARDINAL_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|"
    r"eight|nine)\b)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen)"
)


def quantity(group: str = "quantity") -> str:
    """How many: digits (``2``, ``2 1/2``, ``1,000``), number words, ``a``, ``a couple of``, ``several``."""
    return (
        rf"(?P<{group}>"
        r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+\d/\d|\s?½)?"
        rf"|(?:{CARDINAL_WORD}|a|one)\s+(?:hundred|thousand)(?:\s+(?:and\s+)?{CARDINAL_WORD})?"
        rf"|{CARDINAL_WORD}"
        r"|a\s+dozen|dozens\s+of|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+few|few|several|many|some"
        r"|an?|half\s+an?)(?:\s+and\s+a\s+half)?"
    )


# Approximations and bounds in front of a quantity (TIMEX3 ``mod``), as TimeBank puts them inside the tag.
APPROXIMATIONS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "under": "LESS_THAN", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
    "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "as many as": "EQUAL_OR_LESS", "as much as": "EQUAL_OR_LESS", "as long as": "EQUAL_OR_LESS",
    "as little as": "EQUAL_OR_MORE", "well over": "MORE_THAN", "just over": "MORE_THAN",
    "just under": "LESS_THAN", "barely": "LESS_THAN", "close to": "APPROX", "some more than": "MORE_THAN",
}  # fmt: skip


def approximation(group: str = "approx") -> str:
    words = sorted((w.replace(" ", r"\s+") for w in APPROXIMATIONS if w not in ("over", "some")), key=len, reverse=True)
    return rf"(?:(?P<{group}>{'|'.join(words)})\s+)"


# Where in a period (TIMEX3 ``mod``): "early 1990", "the end of the year", "mid-November".
LEADS: dict[str, str] = {
    "early": "START", "the early": "START", "the beginning of": "START", "the start of": "START",
    "the first part of": "START", "the early part of": "START", "late": "END", "the late": "END",
    "the end of": "END", "the close of": "END", "the latter part of": "END", "the last part of": "END",
    "the late part of": "END", "mid": "MID", "the mid": "MID", "the middle of": "MID", "the turn of": "END",
    "the first half of": "H1", "the second half of": "H2", "the last half of": "H2", "the latter half of": "H2",
}  # fmt: skip


def lead(group: str = "lead") -> str:
    words = sorted((w.replace(" ", r"\s+") for w in LEADS), key=len, reverse=True)
    return rf"(?:(?P<{group}>{'|'.join(words)})(?:\s+|-|\s*-\s*)(?:the\s+)?)"


def lead_mod(text: str | None) -> str | None:
    """The TIMEX3 ``mod`` for a lead phrase (``early`` -> ``START``); halves give no ``mod``."""
    if text is None:
        return None
    mod = LEADS.get(" ".join(text.lower().split()))
    return None if mod in (None, "H1", "H2") else mod


TIME_ZONE = r"(?:(?-i:[ECMP][SD]T|GMT|UTC|BST|CES?T|EES?T|MSK|IST|JST)(?![\w]))"
