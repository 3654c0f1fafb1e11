"""Property tests: quote offsets always lie in the text and point at the quote's words, whatever the marks."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.extract.nlp import load_parser
from storyline.extract.quotes import find_quotes
from storyline.extract.quotes.direct import find_quoted_spans

MARKS = ["“", "”", '"', "‘", "’", "'", "''", "``", "«", "»", "„"]
WORDS = ["he", "said", "Pedram", "noted", "that", "we", "will", "win", "according", "to", "the", "Taliban", ":", ","]
PIECES = st.sampled_from(MARKS + WORDS + [" ", "\n", ".", "\n\n", "–"])
TEXTS = st.lists(PIECES, max_size=60).map(lambda pieces: " ".join(pieces)) | st.text(max_size=120)


@given(TEXTS)
@settings(max_examples=300, deadline=None)
def test_quoted_spans_are_ordered_and_inside_the_text(text: str) -> None:
    previous_end = 0
    for quote in find_quoted_spans(text):
        assert 0 <= quote.outer_start <= quote.start < quote.end <= quote.outer_end <= len(text)
        assert quote.start >= previous_end
        previous_end = quote.end
        assert all(quote.start <= s < e <= quote.end for s, e in quote.parts)
        assert text[quote.start : quote.end].strip() == text[quote.start : quote.end]


@given(TEXTS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_find_quotes_never_crashes_and_its_spans_are_the_text(text: str) -> None:
    nlp = load_parser()
    found = find_quotes(text, nlp(text), ())
    assert len({(quote.start, quote.end) for quote in found}) == len(found)  # one quote per span
    for quote in found:
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        for start, end in ((quote.cue_start, quote.cue_end), (quote.source_start, quote.source_end)):
            if start is not None and end is not None:
                assert 0 <= start < end <= len(text)
        assert quote.speaker is None  # no entities given, so nothing can be named
