"""Time-expression rules, part two: expressions read against the anchor, the tense, or an earlier mention.

"yesterday", "on Friday", "last week", "earlier this month", "last April", "the third quarter", "Q3", "the
year-earlier period", "Thanksgiving", "that day". Without an anchor each keeps what it states and marks the
rest unknown (``XXXX-WXX-3``, ``XXXX-SU``). Durations ("two days ago" too) and sets are in
:mod:`.timex_durations`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.extract import timex_calendar as cal
from storyline.extract.timex_durations import compares_months, pod_suffix
from storyline.extract.timex_patterns import month, weekday, words, year
from storyline.extract.timex_rules import (
    Found,
    Resolver,
    Rule,
    at_sentence_start,
    compile_rule,
    next_word,
    previous_word,
)

Direction = cal.Direction


def _in_a_name(m: re.Match[str]) -> bool:
    before = previous_word(m.string, m.start())
    return bool(before) and before[0].isupper() and not at_sentence_start(m.string, m.start())


_NEWS_WORDS = words("editions edition session meeting trading vote game match deadline")
_LEAD_MODS = {"early": "START", "earlier": None, "late": "END", "later": None, "mid": "MID"}


def _day_word(m: re.Match[str], r: Resolver) -> Found | None:
    word = " ".join(m["dword"].lower().split())
    pod = m["dpod"]
    if word in ("this", "last") and not pod:
        return None
    if m["dword"][0].isupper() and _in_a_name(m):
        return None  # "USA Today", "VOA Today": a title
    if m[0].lower().endswith(("today's", "today’s")) and next_word(m.string, m.end()).lower() not in _NEWS_WORDS:
        return None  # "today's world": the present in general
    if word == "tonight":
        pod = "tonight"
    value = r.day_word_date(word) or "XXXX-XX-XX"
    mod = _LEAD_MODS.get((m["dlead"] or "").lower())
    return Found("TIME" if pod else "DATE", value + pod_suffix(pod), mod)


_BLOCKED_WEEKDAY_NAMES = words("black good holy super ash palm easter cyber bloody red maundy man girl")


def _weekday_ok(m: re.Match[str], text: str) -> bool:
    return previous_word(text, m.start()).lower() not in _BLOCKED_WEEKDAY_NAMES


_BACK_WORDS = frozenset({"last", "past", "previous", "the previous", "this past", "the preceding", "prior"})
_FORWARD_WORDS = frozenset({"next", "coming", "this coming", "the following", "the next", "following", "this"})


def _weekday(m: re.Match[str], r: Resolver) -> Found:
    number = cal.WEEKDAY_NUMBERS[m["weekday"].lower()]
    rel = " ".join((m["wrel"] or "").lower().split())
    if rel in ("the previous", "the preceding", "the following", "the next") and r.last_day is not None:
        # Counted from the day the text spoke of last: "down 4.5% from the previous Friday".
        direction = Direction.BACK if rel in ("the previous", "the preceding") else Direction.FORWARD
        value: str | None = cal.shift_to_weekday(r.last_day, number, direction, strict=True).isoformat()
    elif rel in _BACK_WORDS:
        value = r.weekday_date(number, Direction.BACK, strict=True)
    elif rel in _FORWARD_WORDS:
        value = r.weekday_date(number, Direction.FORWARD, strict=rel != "this")
    elif m.string[m.end("weekday") : m.end("weekday") + 2] in ("'s", "’s"):
        # "Wednesday's ruling", "Friday's close": a possessive names something done, the day on or before the anchor
        # (all 15 in TBAQ are); "ahead of Sunday's vote" is awaited, on or after it.
        value = r.weekday_date(number, Direction.FORWARD if _awaited(m) else Direction.BACK)
    else:
        value = r.weekday_date(number, r.weekday_direction(m))
    mod = _LEAD_MODS.get((m["wlead"] or "").lower())
    # "Friday evening" keeps its part of the day; "Friday night" and "Friday morning" are the day itself, as
    # TimeBank annotates them most often.
    pod = m["wpod"] if m["wpod"] and m["wpod"].lower() in ("evening", "afternoon") else None
    return Found("TIME" if pod else "DATE", (value or f"XXXX-WXX-{number}") + pod_suffix(pod), mod)


_AWAITING = words("ahead upcoming await awaits awaiting pending")


def _awaited(m: re.Match[str]) -> bool:
    """Is the expression awaited ("ahead of Sunday's vote", "pending Monday's ruling")?"""
    before = re.findall(r"[a-z]+", m.string[max(0, m.start() - 30) : m.start()].lower())
    return bool(_AWAITING.intersection(before[-3:]))


def _weekday_set(m: re.Match[str], r: Resolver) -> Found:
    number = cal.WEEKDAY_NUMBERS[m["pweekday"].lower()]
    pod = m["ppod"] or m["ppod2"]
    return Found("SET", f"XXXX-WXX-{number}" + pod_suffix(pod[:-1] if pod else None))


# ------------------------------------------------------------------------------------ relative periods

_REL_BACK = frozenset(
    {"last", "past", "previous", "the past", "the last", "the previous", "the preceding", "prior", "the prior",
     "this past", "the latest", "latest", "the most recent", "most recent"}
)  # fmt: skip
_REL_NEXT = frozenset({"next", "coming", "the coming", "the next", "this coming", "upcoming", "the upcoming"})
_REL_FOLLOWING = frozenset({"following", "the following"})
_REL_THAT = frozenset({"that", "the same", "that same"})
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _relative_period(m: re.Match[str], r: Resolver) -> Found | None:
    rel = " ".join(m["rel"].lower().split())
    what = m["period"].lower()
    lead_word = m["plead"] or m["slead"]  # "early this year", "the early summer"
    mod = _LEAD_MODS.get(lead_word.split(" ")[0].lower()) if lead_word else None
    if m["plead"] and m["plead"].lower().startswith("the end"):
        mod = "END"
    step = -1 if rel in _REL_BACK else 1 if rel in _REL_NEXT | _REL_FOLLOWING else 0
    anchor = r.anchor
    if what in cal.SEASONS:
        if rel in ("the", "its", "their"):
            # "during the summer": the one under way or gone by in a past-tense report, still to come in a future one
            return _season(cal.SEASONS[what], int(r.direction(m)), r, mod, current=True)
        return _season(cal.SEASONS[what], step, r, mod)
    if what == "year":
        if rel in _REL_THAT or rel in _REL_FOLLOWING:
            base = r.last_year if r.last_year is not None else anchor.year
        else:
            base = anchor.year
        if rel in ("the", "the full") and _ENDED.match(m.string, m.end()):
            return Found("DURATION", "P1Y", mod)  # "for the year ended June 30": the fiscal year as a span
        return Found("DATE", "XXXX" if base is None else f"{base + step:04d}", mod)
    if what == "month":
        if rel in _REL_THAT or rel in _REL_FOLLOWING:
            base_month = r.last_month if r.last_month is not None else _anchor_month(r)
        else:
            base_month = _anchor_month(r)
        if base_month is None:
            return Found("DATE", "XXXX-XX", mod)
        return Found("DATE", cal.month_value(*cal.add_months(*base_month, step)), mod)
    if what in ("quarter", "period"):
        return _quarter_relative(rel, step, r, mod)
    if what == "week":
        if rel == "the" and not m["plead"]:
            return None  # "the week": too often a week other than the anchor's
        base_day = r.last_day if rel in _REL_THAT | _REL_FOLLOWING else r.day
        if base_day is None:
            return Found("DATE", "XXXX-WXX", mod)
        return Found("DATE", cal.week_value(base_day + timedelta(days=7 * step)), mod)
    if what == "weekend":
        return Found("DATE", _weekend(r, step, m), mod)
    if what == "decade":
        if step:
            return Found("DURATION", "P10Y")
        return Found("DATE", "XXX" if anchor.year is None else f"{anchor.year // 10:03d}", mod)
    if what == "century":
        if anchor.year is None:
            return Found("DATE", "XX", mod)
        return Found("DATE", f"{anchor.year // 100 + step:02d}", mod)
    return None


def _relative_period_ok(m: re.Match[str]) -> bool:
    rel, what = m["rel"].lower(), m["period"].lower()
    if m["period"][0].isupper() and not m["period"].isupper():
        return False  # a title: ABC's "This Week"
    if what == "period":
        return rel not in ("the", "that", "its", "their")
    if rel in ("the", "its", "their") and what in ("week", "month", "decade", "century"):
        return bool(m["plead"]) and what in ("week", "month")  # "the end of the month"
    return True


def _anchor_month(r: Resolver) -> tuple[int, int] | None:
    if r.anchor.year is None or r.anchor.month is None:
        return None
    return r.anchor.year, r.anchor.month


def _quarter_relative(rel: str, step: int, r: Resolver, mod: str | None) -> Found | None:
    anchor = r.anchor
    if anchor.year is None or anchor.month is None:
        return Found("DATE", "XXXX-QX", mod)
    current = (anchor.year, cal.quarter_of(anchor.month))
    if rel in ("this", "current", "the current"):
        base = current
    elif rel in ("the", "its", "their", "the latest", "latest", "the most recent", "most recent") or rel in _REL_THAT:
        # "the quarter", "that quarter", "the latest period": the quarter the text reports on (a fiscal one too),
        # else the last one that has ended.
        latest = cal.latest_quarter(anchor)
        base = r.last_quarter or latest or current
        step = 0
    else:
        base = current
    year_value, month_value = cal.add_months(base[0], base[1] * 3, 3 * step)
    return Found("DATE", f"{year_value:04d}-Q{cal.quarter_of(month_value)}", mod)


def _season(season: str, step: int, r: Resolver, mod: str | None, *, current: bool = False) -> Found:
    """The season before (step -1), of (0) or after (+1) the anchor; ``current`` lets the one under way count."""
    anchor = r.anchor
    if anchor.year is None:
        return Found("DATE", f"XXXX-{season}", mod)
    start = _SEASON_START[season]  # winter starts in December and is named for that year
    month_now = anchor.month or 6
    year_value = anchor.year
    if step < 0:
        over = month_now >= start if current else month_now > start + 2
        year_value = anchor.year if over else anchor.year - 1
    elif step > 0:
        ahead = month_now <= start + 2 if current else month_now < start
        year_value = anchor.year if ahead else anchor.year + 1
    return Found("DATE", f"{year_value:04d}-{season}", mod)


def _weekend(r: Resolver, step: int, m: re.Match[str]) -> str:
    if r.day is None:
        return "XXXX-WXX-WE"
    direction = Direction(step) if step else r.direction(m)
    if direction is Direction.BACK:
        saturday = cal.shift_to_weekday(r.day - timedelta(days=1), 6, Direction.BACK)
    elif direction is Direction.FORWARD:
        saturday = cal.shift_to_weekday(r.day, 6, Direction.FORWARD)
    else:
        saturday = r.day + timedelta(days=6 - r.day.isoweekday())
    return cal.week_value(saturday) + "-WE"


_ENDED = re.compile(r"\s+(?:ended|ending|that\s+ended|through)\b", re.I)
_PERIOD_LEADS = (
    r"early|late|earlier|later|mid|the\s+(?:end|beginning|start|middle|rest|remainder|balance|close)\s+of"
    r"|(?:earlier|later)\s+in"
)
_REL = (
    r"this\s+past|this\s+coming|that\s+same|the\s+(?:past|last|next|coming|previous|preceding|following|current|same"
    r"|latest|most\s+recent|prior|upcoming)|this|last|next|past|coming|previous|following|current|that|the|prior|its"
    r"|their|latest|most\s+recent|upcoming|the\s+full|the\s+entire|the\s+whole"
)


def _relative_month(m: re.Match[str], r: Resolver) -> Found:
    number = cal.MONTH_NUMBERS[(m["month"] or m["month2"]).lower().rstrip(".")]
    rel = " ".join((m["mrel"] or m["mrel2"] or "").lower().split())
    anchor = r.anchor
    if anchor.year is None:
        return Found("DATE", f"XXXX-{number:02d}")
    if m["mrel2"]:  # "January this year", "July last year"
        year_value = anchor.year + {"this": 0, "last": -1, "next": 1}[rel]
    elif rel in ("last", "this past", "past"):
        year_value = anchor.year if anchor.month is not None and number < anchor.month else anchor.year - 1
    elif rel in ("next", "this coming", "coming"):
        year_value = anchor.year if anchor.month is not None and number > anchor.month else anchor.year + 1
    else:
        year_value = anchor.year
    return Found("DATE", cal.month_value(year_value, number))


# ---------------------------------------------------------------------------------------------- quarters

_QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                     "final": 4}  # fmt: skip
_YEAR_AGO = re.compile(r"year[\s-](?:earlier|ago)|comparable|corresponding|previous|prior|last\s+year", re.I)


_QUARTER_DETERMINERS = (
    rf"(?P<qdet>the|its|their|this\s+year['’]s|last\s+year['’]s|next\s+year['’]s|the\s+company['’]s"
    rf"|the\s+(?:current|latest|same|final|most\s+recent|year[\s-](?:earlier|ago)|comparable|corresponding|previous|prior)"
    rf"(?:\s+year[\s-](?:earlier|ago))?|{year('qyear_a')}['’]s|the\s+{year('qyear_b')}|{year('qyear_c')})"
)


def _quarter(m: re.Match[str], r: Resolver) -> Found | None:
    ordinal = _QUARTER_ORDINALS[m["ordinal"].lower()]
    half = m["part"].lower() == "half"
    if half and ordinal > 2:
        return None
    label = f"H{min(ordinal, 2)}" if half else f"Q{ordinal}"
    stated = m["qyear_a"] or m["qyear_b"] or m["qyear_c"] or m["qyear_d"]
    det = " ".join((m["qdet"] or "").lower().split())
    anchor = r.anchor
    if stated:
        return _reported_or_ahead(m, r, int(stated), label)
    relative_year = m["qrel"] or (det.split(" ")[0] if det.endswith(("year's", "year’s")) else None)
    if anchor.year is None:
        return Found("DATE", f"XXXX-{label}")
    if relative_year:
        shift = {"this": 0, "last": -1, "next": 1}[relative_year.lower()]
        return Found("DATE", f"{anchor.year + shift:04d}-{label}")
    if _YEAR_AGO.search(det):
        base_year = r.last_quarter[0] if r.last_quarter else anchor.year
        return Found("DATE", f"{base_year - 1:04d}-{label}", None)
    year_value = anchor.year
    if anchor.month is not None:
        now = cal.quarter_of(anchor.month) if not half else (1 if anchor.month <= 6 else 2)
        direction = r.direction(m)
        if ordinal > now and direction is Direction.BACK:
            year_value -= 1
    return _reported_or_ahead(m, r, year_value, label)


def _reported_or_ahead(m: re.Match[str], r: Resolver, year_value: int, label: str) -> Found:
    """A quarter that has not ended by the anchor is a forecast ("into the fourth quarter"), not the quarter the
    text reports on, so a later "year-ago period" is not counted from it; "the fourth quarter ended Sept. 30"
    (a fiscal quarter) has ended whatever its number."""
    latest = cal.latest_quarter(r.anchor)
    ahead = label[0] == "Q" and latest is not None and (year_value, int(label[1])) > latest
    remember = not ahead or _ENDED.match(m.string, m.end()) is not None
    if not m[0].lower().endswith(("-quarter", "-half")) and _INDEFINITE.search(
        m.string, max(0, m.start() - 24), m.start()
    ):
        # "after a flat second quarter": a quarter in passing, not the one reported on (but "a third-quarter
        # loss" is the loss that is indefinite, and the quarter is the one reported on).
        remember = False
    return Found("DATE", f"{year_value:04d}-{label}", remember=remember)


_INDEFINITE = re.compile(r"\b(?:a|an|another)\s+(?:[a-z]+\s+)?$", re.I)


def _quarter_code(m: re.Match[str], r: Resolver) -> Found:
    """ "Q3", "Q3 2021", "H1": the quarter (half) of the stated year, else the anchor's year."""
    code = m["qcode"].upper()
    if m["qcyear"]:
        return Found("DATE", f"{int(m['qcyear']):04d}-{code}")
    if r.anchor.year is None:
        return Found("DATE", f"XXXX-{code}")
    year_value = r.anchor.year
    if code[0] == "Q" and r.anchor.month is not None and int(code[1]) > cal.quarter_of(r.anchor.month):
        year_value -= r.direction(m) is Direction.BACK
    return Found("DATE", f"{year_value:04d}-{code}")


def _quarter_code_ok(m: re.Match[str], text: str) -> bool:
    return bool(m["qcyear"]) or previous_word(text, m.start()).lower() in ("in", "the", "for", "during", "of", "its")


def _year_ago_period(m: re.Match[str], r: Resolver) -> Found | None:
    """ "the year-earlier quarter", "the year-ago period", "year-earlier": the quarter last spoken of, a year back."""
    anchor = r.anchor
    if m["yyear"]:
        base_year = int(m["yyear"]) + 1
    elif r.last_quarter is not None:
        base_year = r.last_quarter[0]
    elif anchor.year is not None:
        base_year = anchor.year
    else:
        return Found("DATE", "XXXX", remember=False)
    quarter = None
    if not (m["yord"] or m["ywhat"] or m["ywhat2"]) and compares_months(m):
        # "For the nine months, ... compared with year-earlier net": the year, not a quarter.
        return Found("DATE", f"{base_year - 1:04d}", remember=False)
    if m["yord"]:
        quarter = _QUARTER_ORDINALS[m["yord"].lower()]
    elif r.last_quarter is not None:
        quarter = r.last_quarter[1]
    elif (m["ywhat"] or m["ywhat2"]) and anchor.year is not None:
        latest = cal.latest_quarter(anchor)
        quarter = latest[1] if latest else None
    if quarter is None:
        return Found("DATE", f"{base_year - 1:04d}", remember=False)
    return Found("DATE", f"{base_year - 1:04d}-Q{quarter}", remember=False)


# -------------------------------------------------------------------------------------------- holidays

_FIXED_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
                   "new year's day": (1, 1), "new year's eve": (12, 31), "new year's": (1, 1),
                   "independence day": (7, 4), "fourth of july": (7, 4), "halloween": (10, 31),
                   "valentine's day": (2, 14), "veterans day": (11, 11), "boxing day": (12, 26),
                   "may day": (5, 1), "bastille day": (7, 14), "armistice day": (11, 11)}  # fmt: skip


def holiday_date(name: str, year_value: int) -> date:
    if name in _FIXED_HOLIDAYS:
        month_value, day_value = _FIXED_HOLIDAYS[name]
        return date(year_value, month_value, day_value)
    if name.startswith("easter") or name == "good friday":
        shift = {"easter monday": 1, "good friday": -2}.get(name, 0)
        return cal.easter(year_value) + timedelta(days=shift)
    if name.startswith("thanksgiving"):
        return cal.nth_weekday(year_value, 11, 4, 4)
    if name == "memorial day":
        return cal.nth_weekday(year_value, 5, 1, -1)
    if name == "labor day":
        return cal.nth_weekday(year_value, 9, 1, 1)
    # US Election Day: the Tuesday after the first Monday of November
    return cal.nth_weekday(year_value, 11, 1, 1) + timedelta(days=1)


def _holiday(m: re.Match[str], r: Resolver) -> Found:
    name = " ".join(m["holiday"].lower().replace("’", "'").split())
    if m["hyear"]:
        return Found("DATE", holiday_date(name, int(m["hyear"])).isoformat())
    if r.day is None:
        if name in _FIXED_HOLIDAYS:
            month_value, day_value = _FIXED_HOLIDAYS[name]
            return Found("DATE", f"XXXX-{month_value:02d}-{day_value:02d}")
        return Found("DATE", "XXXX-XX-XX")
    rel = (m["hrel"] or "").lower()
    direction = {"last": Direction.BACK, "next": Direction.FORWARD}.get(rel, r.direction(m))
    options = [holiday_date(name, r.day.year + shift) for shift in (-1, 0, 1)]
    if direction is Direction.BACK:
        chosen = max(o for o in options if o <= r.day)
    elif direction is Direction.FORWARD:
        chosen = min(o for o in options if o >= r.day)
    else:
        chosen = min(options, key=lambda o: abs((o - r.day).days) if r.day else 0)
    return Found("DATE", chosen.isoformat())


def _anaphoric_day(m: re.Match[str], r: Resolver) -> Found | None:
    phrase = " ".join(m["ana"].lower().split())
    base = r.reference_day()
    shift = (
        1
        if re.search(r"next|following|after", phrase)
        else -1
        if re.search(r"previous|preceding|before", phrase)
        else 0
    )
    pod = m["apod"] or (phrase.split(" ")[-1] if phrase.split(" ")[-1] in cal.PARTS_OF_DAY else None)
    if base is None:
        return Found("TIME" if pod else "DATE", "XXXX-XX-XX" + pod_suffix(pod))
    return Found("TIME" if pod else "DATE", (base + timedelta(days=shift)).isoformat() + pod_suffix(pod))


def _part_of_day(m: re.Match[str], r: Resolver) -> Found:
    """ "mid-afternoon yesterday", "by mid-afternoon", "in the morning": a part of the day named just before
    (or of the day the day word names), else of the anchor's day."""
    pod = (m["ppod"] or m["ppod2"]).lower()
    word = m["pword"] or m["pword2"]
    if word:
        value = r.day_word_date(word) or "XXXX-XX-XX"
    else:
        base = r.reference_day()
        value = "XXXX-XX-XX" if base is None else base.isoformat()
    return Found("TIME", value + pod_suffix(pod), _LEAD_MODS.get((m["plead"] or "").lower()))


_POD = r"morning|afternoon|evening|night"
_PART_DAY_WORD = r"(?:\s+(?P<{0}>yesterday|today|tomorrow))?"
RELATIVE_RULES: tuple[Rule, ...] = (
    compile_rule(
        "day_word",
        r"(?<![\w-])(?:(?P<dlead>early|late|earlier|later|mid)[\s-]+)?(?P<dword>the\s+day\s+before\s+yesterday"
        r"|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|this|last)(?:['’]s)?"
        rf"(?:\s+(?P<dpod>{_POD}))?(?![\w-])",
        _day_word,
    ),
    compile_rule(
        "weekday",
        rf"(?<![\w-])(?:(?P<wlead>early|late|earlier|later|mid)\s+)?(?:(?P<wrel>last|next|this\s+past|this\s+coming|this"
        rf"|coming|past|the\s+previous|the\s+following|the\s+preceding|the\s+next)\s+)?{weekday()}(?:\s+(?P<wpod>{_POD}))?",
        _weekday,
        _weekday_ok,
    ),
    compile_rule(
        "weekday_set",
        r"(?<![\w-])(?-i:(?P<pweekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
        r"(?:s(?:\s+(?P<ppod>mornings|afternoons|evenings|nights))?|\s+(?P<ppod2>mornings|afternoons|evenings|nights))(?![\w])",
        _weekday_set,
    ),
    compile_rule(
        "relative_period",
        rf"(?<![\w-])(?:(?P<plead>{_PERIOD_LEADS})[\s-]+)?(?P<rel>{_REL})\s+(?:(?:fiscal|calendar|financial)\s+)?"
        r"(?:(?P<slead>early|late|mid)[\s-]+(?=(?:spring|summer|fall|autumn|winter)\b))?"
        r"(?P<period>week|weekend|month|quarter|year|decade|century|spring|summer|fall|autumn|winter|period)"
        r"(?:['’]s)?(?![\w-])",
        _relative_period,
        lambda m, text: _relative_period_ok(m),
    ),
    compile_rule(
        "year_end",
        r"(?<![\w-])(?P<rel>)(?:(?P<plead>)the\s+)?(?P<period>year)(?:[\s-]+end|['’]s\s+end)(?![\w-])",
        lambda m, r: Found("DATE", "XXXX" if r.anchor.year is None else f"{r.anchor.year:04d}", "END"),
    ),
    compile_rule(
        "relative_month",
        rf"(?<![\w-])(?:(?P<mrel>last|next|this\s+past|this\s+coming|this|coming|past)\s+{month()}(?!\s*\d)"
        rf"|{month('month2')}\s+(?:of\s+)?(?P<mrel2>this|last|next)\s+year)(?![\w-])",
        _relative_month,
    ),
    compile_rule(
        "quarter",
        rf"(?<![\w-])(?:{_QUARTER_DETERMINERS}\s+)?"
        r"(?:(?:fiscal|calendar)[\s-]+)?(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th|final)"
        r"(?:[\s-]+(?:fiscal|calendar))?\s+(?P<part>quarter|half)(?![\w])"
        rf"(?:\s+(?:of|in|for)\s+(?:(?:fiscal|calendar)\s+)?(?:{year('qyear_d')}|(?P<qrel>this|last|next)\s+year))?",
        _quarter,
    ),
    compile_rule(
        # "the third-quarter results": the adjective is tagged without its determiner, as TimeBank does.
        "quarter_adjective",
        rf"(?<![\w-])(?:{_QUARTER_DETERMINERS}\s+)?(?P<qspan>(?:(?:fiscal|calendar)[\s-]+)?"
        r"(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th|final)(?:[\s-]+(?:fiscal|calendar))?-"
        r"(?P<part>quarter|half)(?P<qrel>)(?P<qyear_d>))(?![\w-])",
        _quarter,
        group="qspan",
    ),
    compile_rule(
        "quarter_code",
        rf"(?<![\w-])(?-i:(?P<qcode>Q[1-4]|H[12]))(?:\s*(?:FY\s*)?{year('qcyear')})?(?![\w-])",
        _quarter_code,
        _quarter_code_ok,
    ),
    compile_rule(
        "year_ago_period",
        rf"(?<![\w-])(?:(?:the\s+)?(?:(?:same|comparable|corresponding)\s+)?year-(?:earlier|ago)"
        rf"(?:\s+(?P<yord>first|second|third|fourth))?(?:\s+(?:fiscal\s+)?(?P<ywhat>quarter|period))?"
        rf"|the\s+(?:same|comparable|corresponding)\s+(?P<ywhat2>quarter|period)\s+(?:of\s+|in\s+)?(?:a\s+year\s+(?:ago|earlier)|last\s+year|the\s+previous\s+year|the\s+prior\s+year)"
        rf"|the\s+quarter\s+a\s+year\s+(?:ago|earlier)|last\s+year['’]s\s+(?:quarter|period)"
        rf"|the\s+{year('yyear')}\s+(?:quarter|period))(?![\w-])",
        _year_ago_period,
    ),
    compile_rule(
        "holiday",
        r"(?<![\w-])(?:(?P<hrel>last|next|this)\s+)?(?-i:(?P<holiday>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))?"
        r"|Thanksgiving(?:\s+Day)?|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|Independence\s+Day|Fourth\s+of\s+July"
        r"|Memorial\s+Day|Labor\s+Day|Election\s+Day|Halloween|Valentine['’]s\s+Day|Veterans\s+Day|Boxing\s+Day"
        rf"|Bastille\s+Day|Armistice\s+Day))(?:,?\s+{year('hyear')})?(?![\w-])",
        _holiday,
    ),
    compile_rule(
        "anaphoric_day",
        r"(?<![\w-])(?:(?:earlier|later|early|late)\s+)?(?P<ana>that\s+(?:same\s+)?day|the\s+same\s+day"
        rf"|the\s+(?:next|following|previous|preceding)\s+(?:day|(?P<apod>{_POD}))|the\s+day\s+(?:before|after)(?=\s*[,.;])"
        rf"|that\s+(?:{_POD}))(?![\w-])",
        _anaphoric_day,
    ),
    compile_rule(
        # A part of the day with no day of its own is one of the day in focus: "By mid afternoon, official Serb
        # sources were saying", "Dealers placed heavy buy orders in the morning" (after "Friday").
        "part_of_day",
        r"(?<![\w-])(?:(?P<plead>mid|early|late)[\s-]*(?P<ppod>morning|afternoon|evening)"
        + _PART_DAY_WORD.format("pword")
        + r"|(?:(?<=\bin\s)|(?<=\bduring\s))the\s+(?P<ppod2>morning|afternoon|evening)(?!\s+of\b)"
        + _PART_DAY_WORD.format("pword2")
        + r")(?![\w-])",
        _part_of_day,
    ),
)


__all__ = ["RELATIVE_RULES"]
