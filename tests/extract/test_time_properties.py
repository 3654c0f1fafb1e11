"""Properties of the time tagger on generated text: stated dates are read exactly, and nothing ever breaks."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.extract.time import TIMEX_TYPES, find_times

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
ABBREVIATIONS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Every shape a TIMEX3 value may take here: dates (with X for what is unknown), weeks, seasons, quarters,
# halves, decades, centuries, references and durations.
VALUE = re.compile(
    r"^(?:(?:\d{4}|XXXX)(?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?)?(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?"
    r"|(?:\d{4}|XXXX)-W(?:\d\d|XX)(?:-(?:[1-7]|WE))?(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?"
    r"|(?:\d{4}|XXXX)-(?:SP|SU|FA|WI|Q[1-4X]|H[12])"
    r"|\d{2,3}|XXX?\d?"
    r"|PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P(?:[\dX.]+(?:Y|M|W|D|Q|E|C|WE))*(?:T(?:[\dX.]+[HMS])+)?)$"
)


def _styles(day: date) -> list[tuple[str, str]]:
    """(text, value) for the ways a news article states a date."""
    month = MONTHS[day.month - 1]
    iso = day.isoformat()
    return [
        (f"{month} {day.day}, {day.year}", iso),
        (f"{ABBREVIATIONS[day.month - 1]} {day.day}, {day.year}", iso),
        (f"{day.day} {month} {day.year}", iso),
        (iso, iso),
        (f"{WEEKDAYS[day.weekday()]}, {month} {day.day}, {day.year}", iso),
        (f"{month} {day.year}", iso[:7]),
    ]


TEMPLATES = (
    "The meeting took place on {}.",
    "{}: officials confirmed the report.",
    "Officials said that on {} nothing happened.",
    "Talks (held {}) ended without a deal.",
)
ANCHORS = st.one_of(st.none(), st.dates(date(1950, 1, 1), date(2080, 12, 31)).map(date.isoformat))


@settings(max_examples=300, deadline=None)
@given(
    day=st.dates(date(1900, 1, 1), date(2099, 12, 31)),
    style=st.integers(0, 5),
    template=st.sampled_from(TEMPLATES),
    anchor=ANCHORS,
)
def test_a_stated_date_is_found_with_its_value(day: date, style: int, template: str, anchor: str | None) -> None:
    stated, value = _styles(day)[style]
    text = template.format(stated)
    mentions = find_times(text, anchor)
    assert [(m.text, m.value) for m in mentions] == [(stated, value)]
    assert text[mentions[0].start : mentions[0].end] == stated


@settings(max_examples=200, deadline=None)
@given(
    day=st.dates(date(1990, 1, 1), date(2060, 12, 31)),
    weekday=st.integers(1, 7),
    past=st.booleans(),
)
def test_a_weekday_is_the_nearest_one_in_the_direction_of_the_tense(day: date, weekday: int, past: bool) -> None:
    name = WEEKDAYS[weekday - 1]
    text = f"The talks were held on {name}." if past else f"The talks will be held on {name}."
    (mention,) = find_times(text, day.isoformat())
    found = date.fromisoformat(mention.value)
    assert found.isoweekday() == weekday
    assert 0 <= ((day - found).days if past else (found - day).days) <= 6


TOKENS = st.sampled_from(
    str.split(
        "May March we We Wed Wednesday Friday's last next this the a two 12 1990 2001 1953-2001 60% $1990 - , . ; : "
        "'s ago earlier later week weeks year quarter third-quarter summer fall early late mid- 10:30 a.m. p.m. noon "
        "every each daily days 1/2 and half today yesterday now recently future Oct. 7 2021 the 1990s '80s fiscal "
        "century 20th Christmas Eve New Year's of in on at by until since ( ) \n \" ’ Ü 中",
        " ",
    )
)


@settings(max_examples=400, deadline=None)
@given(
    text=st.one_of(st.text(max_size=200), st.lists(TOKENS, max_size=40).map(" ".join)),
    anchor=st.one_of(ANCHORS, st.sampled_from(["2021", "2021-10", "1999-12-31", "2000-02-29"])),
)
def test_any_text_gives_valid_non_overlapping_mentions(text: str, anchor: str | None) -> None:
    mentions = find_times(text, anchor)
    end = 0
    for mention in mentions:
        assert end <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert mention.text == mention.text.strip()
        assert mention.type in TIMEX_TYPES
        assert VALUE.match(mention.value), mention
        end = mention.end


_PIECES = st.sampled_from(
    [*MONTHS, *ABBREVIATIONS, *WEEKDAYS, "the", "early", "late", "mid-", "last", "next", "this", "week", "year",
     "years", "ago", "quarter", "fiscal", "1998", "'90s", "3", "21st", "Q3", "noon", "tonight", "now", "K", "\u212a",
     "ſ", "ı", "-", ",", ".", " ", "\n", "’s", "a.m.", "decade", "spring", "Christmas", "daily", "each"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map(" ".join))
def test_the_rules_guarded_by_their_first_characters_find_the_same_matches(text: str) -> None:
    """The look-ahead put in front of each rule's pattern (storyline.extract.first_chars) changes no match or
    group, even for case-blind letters such as the Kelvin sign and the long s."""
    from storyline.extract.time import RULES, _rule_patterns

    for rule, pattern in zip(RULES, _rule_patterns(), strict=True):
        original = [(m.span(), m.groupdict()) for m in rule.pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == original, rule.name
