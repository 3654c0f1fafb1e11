"""Time-expression rules, part three: durations, vague references and sets.

"three years", "the past two months", "about an hour", "two days ago" (a date), "for years", "recent
weeks", "now", "recently", "the future", "every week", "daily". Ages ("five years old") and rates ("$5 a
day") are not durations and are left alone.
"""

from __future__ import annotations

import re

from storyline.extract import timex_calendar as cal
from storyline.extract.timex_patterns import (
    APPROXIMATIONS,
    UNIT_WORDS,
    approximation,
    month,
    quantity,
    unit,
    weekday,
    words,
)
from storyline.extract.timex_rules import Found, Resolver, Rule, compile_rule, first_group, next_word, previous_word

_X_BY_UNIT = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX", "Y": "XXXX"}
_POD = r"morning|afternoon|evening|night"


def unit_name(text: str) -> str:
    """``Days`` -> ``day``, ``centuries`` -> ``centurie`` (as :data:`timex_calendar.UNITS` spells it)."""
    word = text.lower()
    return word[:-1] if word.endswith("s") and word[:-1] in cal.UNITS else word


def pod_suffix(text: str | None) -> str:
    """``morning`` -> ``TMO``: the TIMEX3 suffix for a part of the day."""
    return "" if not text else "T" + cal.PARTS_OF_DAY[text.lower()]


_COMPARISON = re.compile(r"(?:\bfrom|\bthan|\bwith)\W*(?:a\s+)?$|[$%£#]|\d\s+cents\b|\bmillion\b|\bbillion\b", re.I)


def comparing(m: re.Match[str]) -> bool:
    """Does the expression close a comparison of results ("from $5 million a year ago", "than a year earlier")?"""
    window = max(0, m.start() - 80)
    sentence_start = max(m.string.rfind(". ", window, m.start()), window)
    return bool(_COMPARISON.search(m.string[sentence_start : m.start()]))


# A period of months a year-ago comparison can be about ("for the nine months", "the first six months"), and a
# quarter it can be about; whichever the text names last, before the expression, is the period compared.
_MONTHS_PERIOD = re.compile(r"\b(?:nine|six|eight|ten|eleven|\d{1,2})[\s-]+months?\b", re.I)
_QUARTER_WORD = re.compile(r"\bquarter(?:ly)?\b", re.I)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z])")


def compares_months(m: re.Match[str]) -> bool:
    """Is a year-ago expression about a period of months ("For the nine months, net was ... a year earlier")?

    The period compared is the last one the sentence names before the expression (or, when the expression
    opens its sentence, the previous sentence: "In the first nine months, ... The year-ago results"). Nine
    months a year back has no calendar value of its own: the expression is then the year, not a quarter.
    """
    window_start = max(0, m.start() - 400)
    ends = [e.end() for e in _SENTENCE_END.finditer(m.string, window_start, m.start())]
    if not ends:
        return False
    start = ends[-1]
    if not m.string[start : m.start()].strip() and len(ends) > 1:
        start = ends[-2]  # the expression opens its sentence: read the one before
    before = m.string[start : m.start()]
    months = [found.end() for found in _MONTHS_PERIOD.finditer(before)]
    quarters = [found.end() for found in _QUARTER_WORD.finditer(before)]
    return bool(months) and (not quarters or months[-1] > quarters[-1])


# ---------------------------------------------------------------------------------------------- durations

_RATE_BEFORE = re.compile(
    r"(?:\d|%|\b(?:cents?|dollars?|million|billion|trillion|percent|shares?|barrels?|tons?|units?|each|apiece|pounds|"
    r"euros|yen|times|once|twice|hours|meals|calories|miles|gallons|people|visitors|pesos|rupees|francs|marks))\s*$",
    re.I,
)
_ROUND_WORDS = frozenset({"some", "many"})


def _duration_ok(m: re.Match[str], text: str) -> bool:
    if m["unit"][0].isupper() and not m["unit"].isupper():
        return False  # a title: "60 Minutes"
    amount = m["quantity"].lower()
    name = unit_name(m["unit"])
    if name == "quarter" and "-" in m[0][m.start("quantity") - m.start() :]:
        return False  # "three-quarters of", "a four-quarter test"
    if amount in ("a", "an", "one") and name in ("second", "quarter") and not m["ddir"]:
        return False  # "a second round", "a quarter of the shares"
    if amount in _ROUND_WORDS and not m["ddir"] and name not in ("year", "month", "week", "decade", "day"):
        return False
    if (
        amount in ("a", "an")
        and not (m["ddir"] or m["approx"] or m["tail"])
        and _RATE_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
    ):
        return False  # "$5 a day", "twice a year": a rate, not a duration
    return not (m["tail"] and m["tail"].lower().lstrip("-").startswith("old"))  # an age: "five years old"


def _duration(m: re.Match[str], r: Resolver) -> Found | None:
    name = unit_name(m["unit"])
    try:
        amount = cal.parse_quantity(m["quantity"])
    except ValueError:
        return None
    if m["unit"].lower().endswith("s") and amount == 1 and m["quantity"].lower() in ("a", "an"):
        return None
    tail = " ".join((m["tail"] or "").lower().split())
    mod = APPROXIMATIONS.get(" ".join((m["approx"] or "").lower().split()))
    if tail in ("ago", "from now", "hence") or (tail == "earlier" and amount == 1 and name == "year"):
        return _shifted(m, r, amount, name, tail, mod)
    if m["half"] and amount is not None:
        amount += 0.5
    return Found("DURATION", cal.duration_value(amount, name), mod)


def _shifted(
    m: re.Match[str], r: Resolver, amount: float | None, name: str, tail: str, mod: str | None
) -> Found | None:
    """ "two days ago", "a year earlier", "three weeks from now": a date counted from the anchor."""
    back = tail in ("ago", "earlier")
    if amount is None or amount != int(amount):
        return Found("DATE", "PAST_REF" if back else "FUTURE_REF", mod)
    count = int(amount) * (-1 if back else 1)
    if (
        name == "year"
        and count == -1
        and r.last_quarter is not None
        and (tail == "earlier" or comparing(m))
        and not compares_months(m)
    ):
        # Results compared "with $5 million a year earlier": the quarter the text reports on, a year back.
        year_value, quarter = r.last_quarter
        return Found("DATE", f"{year_value - 1:04d}-Q{quarter}", mod, remember=False)
    letter = cal.UNITS[name][0]
    if r.day is None:
        if r.anchor.year is not None and letter == "Y":
            return Found("DATE", f"{r.anchor.year + count * cal.UNITS[name][2]:04d}", mod, remember=False)
        return Found("DATE", _X_BY_UNIT.get(letter, "XXXX-XX-XX"), mod, remember=False)
    value = cal.shift_value(r.day, count, name)
    return None if value is None else Found("DATE", value, mod, remember=False)


_DURATION = (
    rf"(?<![\w$.-])(?:{approximation()}|over\s+(?=\d|a\b|an\b|one\b|two\b|three\b))?"
    r"(?:(?:the|its|their|his|her|our|this|that|those|these|each\s+of\s+the)\s+)?"
    r"(?:(?P<ddir>past|last|next|first|final|coming|previous|preceding|following|initial|remaining|latest|recent|ensuing"
    r"|subsequent|succeeding|additional|further|same|full|entire|whole|upcoming|year[\s-]earlier|year[\s-]ago)\s+)?"
    rf"{quantity()}(?:\s+(?:more|additional|full|straight|consecutive|successive|long|whole|further|other))?"
    r"[\s-]+(?:(?:trading|business|working|calendar|fiscal|school|academic)[\s-]+)?"
    rf"{unit()}(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+so)?"
    r"(?:[\s-]+(?P<tail>ago|earlier|later|from\s+now|hence|-?old))?(?![\w-])"
)
_VAGUE_UNITS = {"year": "PXY", "month": "PXM", "week": "PXW", "day": "PXD", "decade": "PXE", "hour": "PTXH",
                "minute": "PTXM", "centurie": "PXC", "quarter": "PXQ", "night": "PXD"}  # fmt: skip


def _vague_duration(m: re.Match[str], r: Resolver) -> Found | None:
    if m[0].lower().startswith("recent years"):
        return Found("DATE", "PAST_REF")  # as TimeBank has it
    name = first_group(m, "vunit", "vunit2", "vunit3", "vunit4")
    value = None if name is None else _VAGUE_UNITS.get(unit_name(name))
    return None if value is None else Found("DURATION", value)


# --------------------------------------------------------------------------------------------- references

_REFERENCES = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "presently": "PRESENT_REF", "at present": "PRESENT_REF", "these days": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF", "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the distant future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
}  # fmt: skip
_NOT_CURRENT = words("account accounts affairs events of and flows flow is , electric")


def _reference(m: re.Match[str], r: Resolver) -> Found:
    word = " ".join(m["ref"].lower().split())
    if word == "current" and previous_word(m.string, m.start()).lower() == "then":
        return Found("DATE", "PAST_REF")  # "the then current price": current at a time gone by
    return Found("DATE", _REFERENCES[word])


def _reference_ok(m: re.Match[str], text: str) -> bool:
    word = m["ref"].lower()
    if word == "current":
        return next_word(text, m.end()).lower() not in _NOT_CURRENT  # "current account", "the current of a river"
    if word == "now":
        return text[m.end() : m.end() + 1] != "-"  # "now-defunct"
    return True


# --------------------------------------------------------------------------------------------------- sets

_SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D",
              "biweekly": "P2W", "bimonthly": "P2M", "semiannually": "P6M", "semi-annually": "P6M",
              "biannually": "P6M"}  # fmt: skip


def _set(m: re.Match[str], r: Resolver) -> Found | None:
    if m["sword"]:
        return Found("SET", _SET_WORDS[m["sword"].lower()])
    if m["sunit"] or m["sunit2"]:
        try:
            amount = cal.parse_quantity(m["severy"]) if m["severy"] else 1.0
        except ValueError:
            amount = 1.0
        return Found("SET", cal.duration_value(2.0 if m["sother"] else amount, unit_name(m["sunit"] or m["sunit2"])))
    if m["sday"]:
        return Found("SET", f"XXXX-WXX-{cal.WEEKDAY_NUMBERS[m['sday'].lower()]}")
    if m["smonth"]:
        return Found("SET", f"XXXX-{cal.MONTH_NUMBERS[m['smonth'].lower().rstrip('.')]:02d}")
    if m["spod"]:
        return Found("SET", "XXXX-XX-XX" + pod_suffix(m["spod"]))
    if m["sseason"]:
        return Found("SET", "XXXX-" + cal.SEASONS[m["sseason"].lower()])
    return None


DURATION_RULES: tuple[Rule, ...] = (
    compile_rule("duration", _DURATION, _duration, _duration_ok),
    compile_rule(
        "vague_units_after",
        r"(?<![\w-])(?:for|within|in|over|after)\s+(?P<vspan>(?P<vunit>years|months|weeks|days|decades|hours|minutes"
        r"|centuries))(?![\w-]|\s+(?:of\s+age|old))",
        _vague_duration,
        group="vspan",
    ),
    compile_rule(
        "vague_units",
        r"(?<![\w-])(?:(?:the\s+)?(?:recent|coming|ensuing|intervening|early|first|final)\s+(?P<vunit2>years|months"
        r"|weeks|days|decades|hours)(?![\w-])|(?:the\s+)?(?P<vunit3>years|months|weeks|days)\s+ahead"
        r"|(?P<vunit4>years|decades|months|weeks)-long)",
        _vague_duration,
    ),
    compile_rule(
        "reference",
        r"(?<![\w-])(?P<ref>right\s+now|now|currently|current|presently|at\s+present|these\s+days|nowadays|recently"
        r"|lately|the\s+past|the\s+(?:near|distant)\s+future|the\s+future|the\s+(?:near|short|long)\s+term)(?![\w-])",
        _reference,
        _reference_ok,
    ),
    compile_rule(
        "set",
        rf"(?<![\w-])(?:(?P<sword>{'|'.join(_SET_WORDS)})"
        rf"|(?:once|twice|(?:three|four|five|six|several|many|\d+)\s+times)\s+(?:a|an|per|every|each)\s+"
        rf"(?P<sunit>{UNIT_WORDS})"
        rf"|(?:every|each)\s+(?:(?P<sother>other)\s+)?(?:(?P<severy>two|three|four|five|six|\d+)\s+)?"
        rf"(?:(?P<sunit2>{UNIT_WORDS})s?|(?P<spod>{_POD})|{weekday('sday')}|{month('smonth')}"
        r"|(?P<sseason>spring|summer|fall|autumn|winter)))(?![\w-])",
        _set,
    ),
)

__all__ = ["DURATION_RULES", "comparing", "pod_suffix", "unit_name"]
