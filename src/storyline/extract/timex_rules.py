"""Time-expression rules, part one: the rule type, the resolver, and rules for stated dates and times.

A :class:`Rule` is a named regular expression, an optional ``accept`` check on the text around a match (the
traps: the verb "May", counts that look like years) and a ``normalise`` function that turns the match into a
TIMEX3 type and value through a :class:`Resolver`. The resolver knows the anchor (publication date), the tense
around any position, and the last date, month, quarter and year the text mentioned (for "the quarter", "that
day", "a year earlier"). Relative expressions ("last week", "on Friday") are in :mod:`.timex_relative`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from storyline.extract import timex_calendar as cal
from storyline.extract.timex_patterns import (
    DAY_ORDINAL_WORDS,
    TIME_ZONE,
    day,
    lead,
    lead_mod,
    month,
    weekday,
    weekday_prefix,
    words,
    year,
)

Direction = cal.Direction


@dataclass(frozen=True)
class Found:
    """What a rule made of its match: a TIMEX3 type, value and optional ``mod``."""

    type: str
    value: str
    mod: str | None = None
    remember: bool = True  # False for values that point away from the topic ("the year-earlier quarter")


@dataclass
class Resolver:
    """The anchor, the tense at each position, and what the text mentioned last, for one document."""

    anchor: cal.Anchor
    tense: Callable[[int], Direction | None]
    last_day: date | None = None
    last_month: tuple[int, int] | None = None
    last_quarter: tuple[int, int] | None = None
    last_year: int | None = None

    @property
    def day(self) -> date | None:
        """The anchor as a day, or ``None`` when the anchor is unknown or only a year or month."""
        return self.anchor.date

    def weekday_date(self, weekday_number: int, direction: Direction, *, strict: bool = False) -> str | None:
        """The ISO date of a weekday (1 = Monday) in ``direction`` from the anchor, or ``None`` without one."""
        if self.day is None:
            return None
        return cal.shift_to_weekday(self.day, weekday_number, direction, strict=strict).isoformat()

    def day_word_date(self, word: str) -> str | None:
        """The ISO date "today", "yesterday", "tomorrow" ... name, or ``None`` without an anchor day."""
        shift = _DAY_WORD_SHIFT[" ".join(word.lower().split())]
        moved = None if self.day is None else cal.add_days(self.day, shift)
        return None if moved is None else moved.isoformat()

    def direction(self, match: re.Match[str]) -> Direction:
        """Where the expression points: a cue word just before it ("until", "since"), else the tense."""
        words = _WORDS_BEFORE.findall(match.string[max(0, match.start() - 40) : match.start()].lower())
        for index in range(len(words) - 1, max(-1, len(words) - 4), -1):
            word = words[index]
            if word in FORWARD_CUES:
                if _past_perfect_plan(words[max(0, index - 6) : index]):
                    return Direction.BACK  # "had been due to expire Friday" (and did, or was moved)
                put_off = index > 0 and words[index - 1] in _PUT_OFF
                if word in _BOUND_CUES and not put_off and self.tense(match.start()) is Direction.BACK:
                    # "had filed reports by Wednesday", "sales through August": a bound in a past-tense report
                    # may lie on either side of the anchor ("was extended until Nov. 16"); the nearest wins.
                    return Direction.EITHER
                return Direction.FORWARD
            if word in BACKWARD_CUES:
                return Direction.BACK
            if word not in _SKIPPED_BEFORE_DATES:
                break
        return self.tense(match.start()) or Direction.EITHER

    def weekday_direction(self, match: re.Match[str]) -> Direction:
        """As :meth:`direction`, but a weekday in a sentence without tense is the one just past: news reports
        what happened ("Kabul, Friday: ..."), while the present tense ("the court sits Thursday") takes the
        nearest."""
        words_before = _WORDS_BEFORE.findall(match.string[max(0, match.start() - 40) : match.start()].lower())
        if any(word in FORWARD_CUES or word in BACKWARD_CUES for word in words_before[-3:]):
            return self.direction(match)
        tense = self.tense(match.start())
        return Direction.BACK if tense is None else tense

    def remember(self, value: str) -> None:
        """Note a resolved value, so later anaphoric expressions ("the quarter", "that day") can use it."""
        found = _REMEMBER.match(value)
        if found is None:
            return
        self.last_year = int(found["year"])
        if found["quarter"]:
            self.last_quarter = (self.last_year, int(found["quarter"]))
        if found["month"]:
            self.last_month = (self.last_year, int(found["month"]))
            if found["day"]:
                self.last_day = cal.valid_day(self.last_year, int(found["month"]), int(found["day"]))

    def reference_day(self) -> date | None:
        """The day a bare clock time or "that day" refers to: the last day mentioned, else the anchor."""
        return self.last_day or self.day


_DAY_WORD_SHIFT = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1,
                   "the day before yesterday": -2, "the day after tomorrow": 2}  # fmt: skip

# Words just before a date that say which way it lies from the anchor ("payable Dec. 1", "since Monday").
FORWARD_CUES = words(
    "payable effective by until till through thru due expire expires expiring deadline scheduled slated "
    "starting beginning next upcoming await awaiting soon"
)
BACKWARD_CUES = words("since ended last ago")
_BOUND_CUES = words("by until till through thru")
_PLAN_WORDS = words("been due scheduled set slated to expected supposed planned going")


def _past_perfect_plan(words_before: list[str]) -> bool:
    """Do the words before a forward cue end with a plan in the past perfect ("had been scheduled to")?"""
    if "had" not in words_before:
        return False
    last_had = len(words_before) - 1 - words_before[::-1].index("had")
    return all(word in _PLAN_WORDS for word in words_before[last_had + 1 :])


_PUT_OFF = words("postponed delayed extended adjourned deferred recessed suspended")
_SKIPPED_BEFORE_DATES = words("on of the as early late mid at in")
_WORDS_BEFORE = re.compile(r"[a-z]+")

_REMEMBER = re.compile(r"^(?P<year>\d{4})(?:-Q(?P<quarter>[1-4])|-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?![\dX])")

Normaliser = Callable[[re.Match[str], Resolver], Found | None]
Acceptor = Callable[[re.Match[str], str], bool]


@dataclass(frozen=True)
class Rule:
    """A named pattern and how to read it; ``group`` names the part of the match that is the mention."""

    name: str
    pattern: re.Pattern[str]
    normalise: Normaliser
    accept: Acceptor | None = None
    group: str | None = None


def compile_rule(
    name: str, pattern: str, normalise: Normaliser, accept: Acceptor | None = None, group: str | None = None
) -> Rule:
    """A :class:`Rule` with its pattern compiled case-insensitively (names inside use ``(?-i:...)``)."""
    return Rule(name, re.compile(pattern, re.IGNORECASE), normalise, accept, group)


# ---------------------------------------------------------------------------------------- shared helpers

PREPOSITIONS = words(
    "in on since until till by from through to during before after of and or between for last next this "
    "early late mid around about into throughout following each every past coming than as at"
)
_PREVIOUS_WORD = re.compile(r"([\w’'.]+)[\s,]*$")
_NEXT_WORD = re.compile(r"^[\s,]*([\w’'.]+)")


def previous_word(text: str, start: int) -> str:
    found = _PREVIOUS_WORD.search(text[max(0, start - 40) : start])
    return "" if found is None else found[1]


def next_word(text: str, end: int) -> str:
    found = _NEXT_WORD.match(text[end : end + 40])
    return "" if found is None else found[1]


def at_sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:;"


def first_group(m: re.Match[str], *names: str) -> str | None:
    """The first of the named groups that the pattern has and the match filled."""
    groups = m.groupdict()
    return next((groups[name] for name in names if groups.get(name)), None)


def month_number(name: str) -> int:
    return cal.MONTH_NUMBERS[name.lower().rstrip(".")]


def ordinal_number(text: str) -> int | None:
    """``21st`` -> 21, ``twenty-first`` -> 21, ``eighth`` -> 8."""
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits[0])
    words = re.split(r"[\s-]+", text.lower())
    if len(words) == 2 and words[0] in cal.CARDINALS and words[1] in cal.ORDINALS:
        return int(cal.CARDINALS[words[0]]) + cal.ORDINALS[words[1]]
    return cal.ORDINALS.get(words[0]) if len(words) == 1 else None


def partial_day(month_value: int, day_value: int, year_value: int | None) -> str | None:
    if cal.valid_day(2000 if year_value is None else year_value, month_value, day_value) is None:
        return None
    return f"{'XXXX' if year_value is None else f'{year_value:04d}'}-{month_value:02d}-{day_value:02d}"


# ------------------------------------------------------------------------------------------- full dates


def _iso(m: re.Match[str], r: Resolver) -> Found | None:
    stated = cal.valid_day(int(m["iso_year"]), int(m["iso_month"]), int(m["iso_day"]))
    if stated is None:
        return None
    if m["iso_hour"]:
        return Found("TIME", f"{stated.isoformat()}T{m['iso_hour']}:{m['iso_minute']}")
    return Found("DATE", stated.isoformat())


def _full_date(m: re.Match[str], r: Resolver) -> Found | None:
    day_number = int(m["day"]) if m["day"] else ordinal_number(m["dayword"] or "")
    if day_number is None:
        return None
    value = partial_day(month_number(m["month"]), day_number, int(m["year"]))
    return None if value is None else Found("DATE", value, lead_mod(m["lead"]))


def _month_day(m: re.Match[str], r: Resolver) -> Found | None:
    day_number = int(m["day"]) if m["day"] else ordinal_number(m["dayword"] or "")
    if day_number is None:
        return None
    number = month_number(m["month"])
    year_value = cal.year_for_month(r.anchor, number, day_number, r.direction(m))
    value = partial_day(number, day_number, year_value)
    return None if value is None else Found("DATE", value, lead_mod(m["lead"]))


def _month_year(m: re.Match[str], r: Resolver) -> Found:
    return Found("DATE", cal.month_value(int(m["year"]), month_number(m["month"])), lead_mod(m["lead"]))


def _numeric_date(m: re.Match[str], r: Resolver) -> Found | None:
    first, second, year_value = int(m["first"]), int(m["second"]), int(m["nyear"])
    if first > 12 >= second:
        first, second = second, first  # day/month/year
    elif not (second > 12 >= first or first == second):
        return None  # 10/07/2021: month/day or day/month? No way to tell.
    value = partial_day(first, second, year_value)
    return None if value is None else Found("DATE", value)


def _lone_month_ok(m: re.Match[str], text: str) -> bool:
    """A month name alone is a month only where the context says so: "in May", never "May I" or "Theresa May"."""
    name = m["month"]
    before = previous_word(text, m.start("month") if m["lead"] is None else m.start())
    if m["lead"] is not None:
        return True
    if name.endswith(".") or name.lower() in ("may", "march"):
        return before.lower() in PREPOSITIONS
    if before and before[0].isupper() and before.lower() not in PREPOSITIONS and not at_sentence_start(text, m.start()):
        return False  # a name: "Sen. June Smith"
    after = text[m.end() : m.end() + 2]
    return not (len(after) == 2 and after[0] == " " and after[1].isupper())  # "June Carter"


def _lone_month(m: re.Match[str], r: Resolver) -> Found:
    number = month_number(m["month"])
    year_value = cal.year_for_month(r.anchor, number, None, r.direction(m))
    if year_value is None:
        return Found("DATE", f"XXXX-{number:02d}", lead_mod(m["lead"]))
    return Found("DATE", cal.month_value(year_value, number), lead_mod(m["lead"]))


# ---------------------------------------------------------------------------------------------- years

COUNT_NOUNS = words(
    "people persons troops soldiers men women children kids workers employees jobs shares tons tonnes "
    "votes points miles kilometers kilometres km meters metres feet yards acres hectares barrels cars "
    "vehicles units rooms homes houses students members delegates refugees deaths dead casualties cases "
    "calories pounds dollars euros yen rubles roubles francs marks rupees copies pages words signatures "
    "rockets missiles tanks planes aircraft ships boats guns rifles prisoners police officers protesters "
    "demonstrators residents families households victims civilians fighters militants rebels pieces items "
    "passengers seats beds patients doctors teachers games matches goals times hours minutes seconds "
    "stores plants sites villages towns schools companies firms banks flights cattle sheep head runners "
    "candidates voters inmates detainees migrants immigrants islands cities species lines bytes words "
    "years days months weeks others more less"
)
NUMBER_CUES = words(
    "no no. nos. number flight route highway room page pages article articles chapter section form model "
    "some nearly almost over than least approximately roughly about only just of: resolution rule "
    "paragraph item code box suite apartment unit floor gate platform channel bus seat"
)


def _year_ok(m: re.Match[str], text: str) -> bool:
    value = int(m["year"])
    start = m.start("year")
    if m["lead"] or m["fiscal"]:
        return True
    if start and text[start - 1] == "-" and not re.search(r"\d{4}$", text[max(0, start - 5) : start - 1]):
        return False  # B-1990, but "1953-2001" is a life span of two years
    following = next_word(text, m.end())
    if following.lower() in COUNT_NOUNS:
        return False
    before = previous_word(text, start).lower()
    if before in NUMBER_CUES or before.endswith("#"):
        return False
    if value < 1800:
        return before in ("in", "since", "of", "from", "until", "by", "before", "after", "during", "circa", "c.")
    return True


def _year(m: re.Match[str], r: Resolver) -> Found:
    value = f"{int(m['year']):04d}"
    half = cal_half(m["lead"])
    if half:
        return Found("DATE", f"{value}-{half}")
    return Found("DATE", value, lead_mod(m["lead"]))


def cal_half(lead_text: str | None) -> str | None:
    if lead_text is None:
        return None
    words = " ".join(lead_text.lower().split())
    if "first half" in words:
        return "H1"
    if "second half" in words or "last half" in words or "latter half" in words:
        return "H2"
    return None


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}  # fmt: skip


def _decade(m: re.Match[str], r: Resolver) -> Found | None:
    if m["decade"]:
        value = m["decade"]
    else:
        tens = int(m["short"]) if m["short"] else _DECADE_WORDS[m["word"].lower()]
        if r.anchor.year is not None:
            century = r.anchor.year // 100
            if century * 100 + tens * 10 > r.anchor.year:
                century -= 1
        elif tens >= 3:
            century = 19
        else:
            return Found("DATE", f"XX{tens}")
        value = f"{century:02d}{tens}"
    mods = {"early": "START", "late": "END", "mid": "MID"}
    return Found("DATE", value, mods.get((m["dlead"] or "").lower()))


def _decade_ok(m: re.Match[str], text: str) -> bool:
    if m["word"] or m["short"]:
        return previous_word(text, m.start()).lower() not in ("his", "her", "their", "my", "your", "our", "its")
    return True


def _century(m: re.Match[str], r: Resolver) -> Found | None:
    number = ordinal_number(m["ordinal"])
    if number is None or not 1 <= number <= 30:
        return None
    mods = {"early": "START", "late": "END", "mid": "MID"}
    return Found("DATE", f"{number - 1:02d}", mods.get((m["clead"] or "").lower()))


_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def _spoken_year(m: re.Match[str], r: Resolver) -> Found:
    if m["tens"]:
        value = 1900 + _TENS[m["tens"].lower()] + _ONES.get((m["ones"] or "").lower(), 0)
    else:
        value = 2000 + _ONES.get((m["ones2"] or "").lower(), 0)
    if m["sp_month"]:
        return Found("DATE", cal.month_value(value, month_number(m["sp_month"])))
    if m["sp_season"]:
        return Found("DATE", f"{value:04d}-{cal.SEASONS[m['sp_season'].lower()]}")
    return Found("DATE", f"{value:04d}")


def _season_year(m: re.Match[str], r: Resolver) -> Found:
    mods = {"early": "START", "late": "END", "mid": "MID"}
    season = cal.SEASONS[m["season"].lower()]
    return Found("DATE", f"{int(m['year']):04d}-{season}", mods.get((m["slead"] or "").lower()))


# ---------------------------------------------------------------------------------------------- clock


_NAMED_TIMES = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}
_HOUR_WORDS = {**_ONES, "ten": 10, "eleven": 11, "twelve": 12}


def _clock(m: re.Match[str], r: Resolver) -> Found | None:
    if m["named"]:
        hour, minute = _NAMED_TIMES[m["named"].lower()]
    else:
        hour_text = m["h1"] or m["h2"] or m["h3"] or m["h4"]
        hour = int(hour_text) if hour_text.isdigit() else _HOUR_WORDS[hour_text.lower()]
        minute = int(m["m1"] or m["m2"] or 0)
        meridiem = (m["ampm"] or "").lower().replace(".", "").replace(" ", "")
        pod = (m["pod"] or "").lower()
        if hour > 24 or (meridiem and not 1 <= hour <= 12):
            return None
        if meridiem == "pm" or (pod in ("afternoon", "evening") and hour < 12):
            hour = hour % 12 + 12
        elif meridiem == "am" or pod == "morning":
            hour %= 12
    return Found("TIME", f"{_clock_day(m, r)}T{hour:02d}:{minute:02d}")


def _clock_day(m: re.Match[str], r: Resolver) -> str:
    """The date a clock time falls on: the day it names ("10 p.m. Wednesday"), else the day last mentioned."""
    if m["tday"]:
        number = cal.WEEKDAY_NUMBERS[m["tday"].lower()]
        return r.weekday_date(number, r.weekday_direction(m)) or (f"XXXX-WXX-{number}")
    if m["tword"]:
        return r.day_word_date(m["tword"]) or "XXXX-XX-XX"
    if m["tmonth"]:
        number, day_number = month_number(m["tmonth"]), int(m["tdayn"])
        year_value = cal.year_for_month(r.anchor, number, day_number, r.direction(m))
        return partial_day(number, day_number, year_value) or "XXXX-XX-XX"
    reference = r.reference_day()
    return "XXXX-XX-XX" if reference is None else reference.isoformat()


_CLOCK = (
    r"(?<![\w$.:/-])(?:(?:around|about|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(?:"
    r"(?P<h1>1[0-2]|0?[1-9])(?:[:.](?P<m1>[0-5]\d))?(?::[0-5]\d)?\s*(?P<ampm>[ap]\.\s?m\.|[ap]\.\s?m(?![\w])|(?-i:[ap]m|[AP]M)(?![\w]))"
    r"|(?P<h2>[01]?\d|2[0-3]):(?P<m2>[0-5]\d)(?::[0-5]\d)?(?![\d:])"
    rf"|(?P<h3>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|1[0-2]|[1-9])\s+o['’]clock"
    r"|(?P<h4>1[0-2]|[1-9])(?=\s+in\s+the\s+(?:morning|afternoon|evening))"
    r"|(?P<named>noon|midnight|midday))"
    rf"(?:\s*\(?{TIME_ZONE}\)?)?(?:\s+(?:local\s+time|in\s+the\s+(?P<pod>morning|afternoon|evening)|at\s+night))?"
    rf"(?:,?\s+(?:on\s+)?(?:{weekday('tday')}|(?P<tword>today|tonight|yesterday|tomorrow)(?![\w])"
    rf"|{month('tmonth')}\s+{day('tdayn')}))?"
)


def _clock_ok(m: re.Match[str], text: str) -> bool:
    if m["named"] and previous_word(text, m.start()).lower() == "high":
        return False  # "High Noon", the film and the idiom
    if m["h2"]:
        before = text[max(0, m.start() - 12) : m.start()].lower()
        return not re.search(r"(?:chapter|verse|ratio|score|scored|won|lost|beat|by|of)\s*$", before)
    return True


ABSOLUTE_RULES: tuple[Rule, ...] = (
    compile_rule(
        "iso_date",
        r"(?<![\w./-])(?P<iso_year>\d{4})-(?P<iso_month>[01]\d)-(?P<iso_day>[0-3]\d)"
        r"(?:[T ](?P<iso_hour>[0-2]\d):(?P<iso_minute>[0-5]\d)(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\w/-])",
        _iso,
    ),
    compile_rule(
        "numeric_date",
        r"(?<![\w./-])(?P<first>[0-3]?\d)[/.](?P<second>[0-3]?\d)[/.](?P<nyear>(?:1[89]|20)\d\d)(?![\w/.]\w)",
        _numeric_date,
    ),
    compile_rule(
        "month_day_year",
        rf"(?<![\w.-]){weekday_prefix()}?{lead()}?{month()}\s+(?:{day()}|(?P<dayword>{DAY_ORDINAL_WORDS})),?\s+{year()}",
        _full_date,
    ),
    compile_rule(
        "day_month_year",
        rf"(?<![\w.-]){weekday_prefix()}?(?P<lead>)?(?:the\s+)?(?:{day()}|(?P<dayword>{DAY_ORDINAL_WORDS}))\s+(?:of\s+)?"
        rf"{month()},?\s+{year()}",
        _full_date,
    ),
    compile_rule(
        "month_day",
        rf"(?<![\w.-]){weekday_prefix()}?{lead()}?{month()}\s+(?:{day()}|(?-i:(?P<dayword>{DAY_ORDINAL_WORDS}))(?![\w-]))",
        _month_day,
    ),
    compile_rule(
        "day_month",
        rf"(?<![\w.,$-]){weekday_prefix()}?(?P<lead>)?(?:the\s+)?(?:{day()}|(?P<dayword>{DAY_ORDINAL_WORDS}))\s+(?:of\s+)?{month()}",
        _month_day,
    ),
    compile_rule("month_year", rf"(?<![\w.-]){lead()}?{month()},?\s+(?:of\s+)?{year()}", _month_year),
    compile_rule("month", rf"(?<![\w.-]){lead()}?{month()}", _lone_month, _lone_month_ok),
    compile_rule(
        "year",
        rf"(?<![\w$£€#.,/:@]){lead()}?(?:(?P<fiscal>fiscal(?:\s+year)?|calendar(?:\s+year)?|FY|the\s+year)\s*)?{year()}(?:['’]s)?(?!\w|-[a-z])",
        _year,
        _year_ok,
    ),
    compile_rule(
        "decade",
        r"(?<![\w$.-])(?:the\s+)?(?:(?P<dlead>early|late|mid)[\s-]*)?"
        r"(?:(?P<decade>1\d\d|20\d)0['’]?s|['’](?P<short>\d)0['’]?s"
        r"|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![\w])",
        _decade,
        _decade_ok,
    ),
    compile_rule(
        "century",
        rf"(?<![\w-])(?:the\s+)?(?:(?P<clead>early|late|mid)[\s-]+)?(?P<ordinal>\d{{1,2}}(?:st|nd|rd|th)|{DAY_ORDINAL_WORDS})"
        r"[\s-]+century(?![\w])",
        _century,
    ),
    compile_rule(
        "spoken_year",
        rf"(?<![\w-])(?:{month('sp_month')}\s+|the\s+(?P<sp_season>spring|summer|fall|autumn|winter)\s+of\s+)?"
        rf"(?:(?:the\s+year\s+)?nineteen[\s-]+(?P<tens>{'|'.join(_TENS)})(?:[\s-](?P<ones>{'|'.join(_ONES)}))?"
        rf"|the\s+year\s+two\s+thousand(?:\s+and\s+(?P<ones2>{'|'.join(_ONES)}))?)(?![\w-])",
        _spoken_year,
    ),
    compile_rule(
        "season_year",
        rf"(?<![\w-])(?:the\s+)?(?:(?P<slead>early|late|mid)[\s-]+)?(?P<season>spring|summer|fall|autumn|winter)"
        rf",?\s+(?:of\s+)?{year()}(?![\w])",
        _season_year,
    ),
    compile_rule("clock", _CLOCK, _clock, _clock_ok),
)

__all__ = [
    "ABSOLUTE_RULES",
    "Found",
    "Resolver",
    "Rule",
    "at_sentence_start",
    "compile_rule",
    "first_group",
    "next_word",
    "previous_word",
]
