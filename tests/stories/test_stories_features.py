"""Term extraction for story clustering: kinds of terms from real sentences, and properties of the helpers."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from storyline.stories.features import KINDS, extract_terms, first_sentence, kind_of, lead, parse_day, stem, term_id


def test_names_numbers_and_times_get_their_own_kinds() -> None:
    text = (
        "The Indian navy captured 23 pirates in the Gulf of Aden on Saturday, officials said in December 2008.\n"
        "Commander Nirad Sinha said the magnitude was 6.1 and 2,000 people were evacuated."
    )
    terms = extract_terms(text)
    assert terms["n:23"] == 1 and terms["n:6.1"] == 1 and terms["n:2,000"] == 1
    assert terms["y:2008"] == 1
    assert terms["d:saturday"] == 1 and terms["m:dec"] == 1
    assert terms["p:commander nirad sinha"] == 0  # "Commander" opens the sentence: not taken as a name
    assert terms["p:nirad sinha"] == 1 and terms["e:sinha"] == 1
    assert terms["p:gulf"] == 0 and terms["e:gulf"] == 1 and terms["e:aden"] == 1
    assert terms["pirat"] == 1 and terms["captur"] == 1  # content words are lower-cased and stemmed
    assert "the" not in terms and "said" not in terms  # function and reporting words say nothing


def test_title_case_headlines_give_no_names_but_keep_their_words() -> None:
    terms = extract_terms("Taliban Forced To Hold Talks With National Resistance Front")
    assert not [term for term in terms if kind_of(term) in ("name", "phrase")]
    assert terms["talk"] == 1 and terms["taliban"] == 1


def test_the_lead_is_the_first_sentences_with_lines_as_breaks() -> None:
    text = (
        "Chargers' Jamal Williams arrested on DUI suspicion\n"
        "Chargers defensive tackle Jamal Williams was arrested on suspicion of drunken driving. "
        "Williams was pulled over for speeding early Sunday. "
        "Fellow Charger Vincent Jackson was arrested last month."
    )
    assert lead(text, 3).splitlines()[-1] == "Williams was pulled over for speeding early Sunday."
    assert "Jackson" not in lead(text, 3) and "Jackson" in lead(text, 4)
    assert lead(text, 10) == lead(text, 4)  # a short text is its own lead
    assert lead("", 3) == ""


@given(st.text(), st.integers(1, 6))
def test_a_lead_holds_no_word_the_text_lacks(text: str, sentences: int) -> None:
    words = set(text.split())
    assert set(lead(text, sentences).split()) <= words


def test_the_title_counts_with_the_text() -> None:
    assert extract_terms("Pedram spoke to TASS.", title="Afghan resistance")["afghan"] == 1


def test_may_is_a_month_only_as_a_capitalised_word_inside_a_sentence() -> None:
    assert extract_terms("He left on 5 May 2010.")["m:may"] == 1
    assert "m:may" not in extract_terms("May the talks succeed.")


@given(st.text(max_size=300))
def test_any_text_gives_positive_counts_of_known_kinds(text: str) -> None:
    for term, count in extract_terms(text).items():
        assert count > 0
        assert kind_of(term) in KINDS
        assert 0 <= term_id(term) < 2**32


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=20))
def test_stem_never_lengthens_and_keeps_short_words(word: str) -> None:
    stemmed = stem(word)
    assert word.startswith(stemmed)
    assert len(stemmed) >= min(len(word), 4)


@given(st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 12, 31)))
def test_parse_day_reads_iso_dates_and_their_prefixes(day: date) -> None:
    assert parse_day(day.isoformat()) == day.toordinal()
    assert parse_day(day.isoformat()[:7]) == day.replace(day=1).toordinal()
    assert parse_day(day.isoformat()[:4]) == day.replace(month=1, day=1).toordinal()


def test_parse_day_gives_none_for_what_is_not_a_date() -> None:
    assert parse_day(None) is None
    assert parse_day("") is None
    assert parse_day("2021-13-01") is None
    assert parse_day("yesterday") is None


@given(st.text(max_size=400), st.integers(min_value=20, max_value=300))
def test_first_sentence_is_short_and_comes_from_the_text(text: str, limit: int) -> None:
    sentence = first_sentence(text, limit)
    assert len(sentence) <= limit + 1
    assert sentence.rstrip("…")[:10] in text


def test_first_sentence_stops_at_the_full_stop() -> None:
    assert first_sentence("\n  Police arrested him. Then he left.") == "Police arrested him."
