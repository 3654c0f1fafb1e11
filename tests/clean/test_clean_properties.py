"""Properties of cleaning on generated texts: it never invents text, loses nothing silently, and is idempotent."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.clean import clean_text
from storyline.clean.unicode import normalise_line, repair_line, repair_unicode

BOILERPLATE_LINES = [
    "[ad_1]",
    "[ad_27]",
    "0 0",
    "Share",
    "Tweet",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "5 Comments",
    "Tags: Kabul, Dushanbe",
    "Article Categories:",
    "Source",
    "Source:",
    "Read more: Border reopens",
    "Related articles",
    "Follow us on Telegram",
    "Photo: Reuters",
    "Refugees at the crossing © Example Images",
    "If you notice an error in the text, select it and press Ctrl + Enter.",
]
ARTICLE_LINES = [
    "The Taliban said on Monday that talks would resume.",
    "“We are ready,” Pedram said.",
    "Share prices fell.",
    "Border talks",
    "By Wednesday, the road was open.",
    "Taliban soldiers at the gate",
    "Tajikistan’s capital, Dushanbe",
    "Tajikistanâ€™s border",  # mojibake, repaired before the rules run
    "  indented   line\twith   tabs  ",
    "ﬁnal ＡＢＣ",  # a ligature and full-width letters, which ftfy changes
]
SEPARATORS = ["\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n", "\n\t\n\n", "\u2028", "\n\n\n\n"]

lines = st.one_of(
    st.sampled_from(BOILERPLATE_LINES),
    st.sampled_from(ARTICLE_LINES),
    st.text(max_size=40),
    st.text(alphabet=" \t\u00a0\u2003ab.©[]_0123456789:|", max_size=20),
)


@st.composite
def texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(lines, max_size=14))
    out = ""
    for part in parts:
        out += part + draw(st.sampled_from(SEPARATORS))
    return draw(st.sampled_from(["", " ", "\n"])) + out


any_text = st.one_of(texts(), st.text(max_size=300))


def _normalised_lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@settings(max_examples=150, deadline=None)
@given(any_text)
def test_cleaning_never_invents_text(raw: str) -> None:
    text, _ = clean_text(raw)
    source_lines = set(_normalised_lines(repair_unicode(raw)))
    assert all(line in source_lines for line in text.split("\n") if line)


@settings(max_examples=150, deadline=None)
@given(any_text)
def test_every_line_is_kept_or_recorded_as_removed(raw: str) -> None:
    text, removed = clean_text(raw)
    source = Counter(_normalised_lines(repair_unicode(raw)))
    accounted = Counter(line for line in text.split("\n") if line) + Counter(line.text for line in removed)
    assert accounted == source
    assert all(line.rule for line in removed)


@settings(max_examples=150, deadline=None)
@given(any_text)
def test_cleaning_is_idempotent(raw: str) -> None:
    text, _ = clean_text(raw)
    again, removed_again = clean_text(text)
    assert again == text
    assert removed_again == []


@settings(max_examples=100, deadline=None)
@given(any_text)
def test_cleaned_layout(raw: str) -> None:
    text, _ = clean_text(raw)
    assert text == text.strip()
    assert "\n\n\n" not in text
    assert "\r" not in text
    assert all(line == " ".join(line.split()) for line in text.split("\n"))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_line_repair_is_a_fixed_point(line: str) -> None:
    repaired = repair_line(line)
    assert repair_line(repaired) == repaired
    assert normalise_line(repaired) == repaired


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E, exclude_characters="&"), max_size=120))
def test_ftfy_leaves_printable_ascii_without_ampersands_alone(line: str) -> None:
    """The fast path of repair_line: ftfy changes nothing in such a line, so it is only normalised."""
    import ftfy

    from storyline.clean.unicode import _FTFY_CONFIG

    assert ftfy.fix_text(line, _FTFY_CONFIG) == line
    assert repair_line(line) == normalise_line(line)
