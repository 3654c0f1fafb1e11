"""A pattern guarded by its possible first characters finds what the pattern finds, and is left alone when unsure."""

from __future__ import annotations

import re

from storyline.extract.first_chars import guarded


def test_a_pattern_of_words_gets_a_look_ahead_and_the_same_matches() -> None:
    pattern = re.compile(r"(?<![\w-])(?:the\s+)?(?:early\s+|late\s+)?(?-i:(?P<month>May|June))\b", re.I)
    fast = guarded(pattern)
    assert fast is not pattern and fast.pattern.startswith("(?=")
    text = "In early May and the late June of THE year, mayday; Kelvin K and ſ stay out."
    assert [(m.span(), m.group("month")) for m in fast.finditer(text)] == [
        (m.span(), m.group("month")) for m in pattern.finditer(text)
    ]


def test_patterns_it_cannot_bound_are_returned_unchanged() -> None:
    for source in (r"\d+ days", r"\w+ said", r"(?:the)?", r"[^a]b", r"\s*now", r"x*"):
        pattern = re.compile(source)
        assert guarded(pattern) is pattern, source


def test_a_verbose_pattern_ending_in_a_comment_still_compiles() -> None:
    pattern = re.compile("(?:monday|friday)  # a weekday", re.I | re.X)
    assert [m.span() for m in guarded(pattern).finditer("Friday, then Monday")] == [(0, 6), (13, 19)]
