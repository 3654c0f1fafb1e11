"""Time expressions: the traps, the seed articles, anchors read with tense, and the pipeline stage."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from storyline.document import Document
from storyline.extract.time import STAGE, TimeMention, find_times, run
from storyline.ingest.text import text_document
from storyline.pipeline import Context
from storyline.settings import Options

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "afghan-resistance"
THURSDAY = "2021-10-07"  # the publication date of seed 001: a Thursday


def values(text: str, anchor: str | None = None) -> dict[str, str]:
    """Each mention's text -> value."""
    return {m.text: m.value for m in find_times(text, anchor)}


def times_of(document: Document) -> list[TimeMention]:
    """``document.times``, read so that it type-checks before and after Document declares the field."""
    times: list[TimeMention] = document.__dict__["times"]
    return times


def seed(prefix: str) -> Document:
    path = next(EXAMPLES.glob(f"{prefix}_*.txt"))
    document = text_document(str(path), path.read_text(encoding="utf-8"))
    assert document is not None
    return document


# ------------------------------------------------------------------------------------------------- traps


def test_we_is_not_wednesday() -> None:
    assert find_times("We said we would wait. WE WILL NOT. Wed is not a date on its own.", THURSDAY) == []
    assert values("We met on Wednesday.", THURSDAY) == {"Wednesday": "2021-10-06"}


def test_a_percentage_is_not_a_year() -> None:
    assert find_times("The party won 60% of the vote and 1960% more seats, up 19.60 points.", THURSDAY) == []


@pytest.mark.parametrize(
    "text",
    [
        "May I ask a question?",
        "Prime Minister Theresa May said the talks failed.",
        "Prices may rise; they May Rise.",
        "Protesters march to the square. March on, they shouted.",
        "June Carter sang. April Ryan asked.",
    ],
)
def test_may_and_march_the_verbs_and_names_are_not_months(text: str) -> None:
    assert find_times(text, THURSDAY) == []


def test_may_and_march_the_months_are_found() -> None:
    assert values("The vote was held in May, and they will march in March.", THURSDAY) == {
        "May": "2021-05",
        "March": "2022-03",
    }


@pytest.mark.parametrize(
    "text",
    [
        "About 2000 people attended.",
        "It cost $1990 and 1,995 euros.",
        "Flight 1990 landed at gate 2004.",
        "Some 1500 troops and 2010 police were deployed.",
        "Room 1999 is on floor 20.",
    ],
)
def test_numbers_that_are_not_years(text: str) -> None:
    assert find_times(text, THURSDAY) == []


def test_a_life_span_is_two_years_not_a_date() -> None:
    mentions = find_times("Ahmad Shah Massoud (1953-2001) led the fight.", None)
    assert [(m.text, m.value) for m in mentions] == [("1953", "1953"), ("2001", "2001")]


def test_ages_and_rates_are_not_durations() -> None:
    assert find_times("The 47-year-old man, five years old at the time, earned $300 a day.", THURSDAY) == []


# ------------------------------------------------------------------------------------------------- seeds


def test_seed_000_has_no_publication_date_so_values_stay_partial() -> None:
    document = seed("000")
    assert document.published is None
    found = values(document.raw_text, document.published)
    assert found["October 6"] == "XXXX-10-06"
    assert found["September 17"] == "XXXX-09-17"
    assert found["last week"] == "XXXX-WXX"


def test_seed_001_is_anchored_by_its_date_line() -> None:
    document = seed("001")
    assert document.published == THURSDAY
    mentions = find_times(document.raw_text, document.published)
    wednesday = next(m for m in mentions if "October 6" in m.text)
    assert (wednesday.text, wednesday.value, wednesday.type) == ("Wednesday, October 6", "2021-10-06", "DATE")


def test_seed_003_last_summer_and_last_year_without_anchor() -> None:
    document = seed("003")
    found = values(document.raw_text, document.published)
    assert found["last summer"] == "XXXX-SU"
    assert found["last year"] == "XXXX"
    assert found["September 11, 2001"] == "2001-09-11"


def test_seed_004_wednesday_without_anchor_and_the_life_span() -> None:
    document = seed("004")
    mentions = find_times(document.raw_text, document.published)
    found = {m.text: m.value for m in mentions}
    assert found["Wednesday"] == "XXXX-WXX-3"  # "on Wednesday", with nothing to count from
    assert found["August 15"] == "XXXX-08-15"
    assert found["1953"] == "1953"
    assert found["2001"] == "2001"
    assert found["the 1990s"] == "199"
    for mention in mentions:
        assert document.raw_text[mention.start : mention.end] == mention.text


def test_seed_004_wednesday_with_an_anchor_points_back() -> None:
    text = seed("004").raw_text
    wednesday = next(m for m in find_times(text, "2021-08-27") if m.text == "Wednesday")
    assert wednesday.value == "2021-08-25"  # "talks ... were held on Wednesday" in a past-tense report


# ------------------------------------------------------------------------------------- anchors and tense


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks were held on Wednesday.", {"Wednesday": "2021-10-06"}),
        ("The talks will be held on Wednesday.", {"Wednesday": "2021-10-13"}),
        ("Talks are set to resume Monday.", {"Monday": "2021-10-11"}),
        ("The minister said Friday that talks failed.", {"Friday": "2021-10-01"}),
        ("He met them on Thursday.", {"Thursday": "2021-10-07"}),
        ("They met last Thursday.", {"last Thursday": "2021-09-30"}),
        ("They will meet next Tuesday.", {"next Tuesday": "2021-10-12"}),
        ("He arrived yesterday and leaves tomorrow.", {"yesterday": "2021-10-06", "tomorrow": "2021-10-08"}),
        ("The offensive began two days ago.", {"two days ago": "2021-10-05"}),
        ("It happened last week.", {"last week": "2021-W39"}),
        ("They spoke earlier this month.", {"earlier this month": "2021-10"}),
        ("The Taliban took Kabul last summer.", {"last summer": "2021-SU"}),
        ("Elections are due next year.", {"next year": "2022"}),
        ("The deal was signed in December.", {"December": "2020-12"}),
        ("The deal will be signed in December.", {"December": "2021-12"}),
        ("The deal is payable Dec. 1.", {"Dec. 1": "2021-12-01"}),
        ("Profit rose in the third quarter.", {"the third quarter": "2021-Q3"}),
        ("He spoke this morning.", {"this morning": "2021-10-07TMO"}),
        ("The bomb went off at 10:30 a.m. Wednesday.", {"10:30 a.m. Wednesday": "2021-10-06T10:30"}),
        ("Crowds gathered over the weekend.", {"the weekend": "2021-W39-WE"}),
        ("Markets are calm now.", {"now": "PRESENT_REF"}),
    ],
)
def test_relative_expressions_are_resolved_with_tense(text: str, expected: dict[str, str]) -> None:
    assert values(text, THURSDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An abbreviation's full stop does not end the sentence: "searching" keeps its perfect tense across "Oct."
        ("Police have been searching for him since shortly after the Jan. 23 killing.", {"Jan. 23": "2021-01-23"}),
        # "an unspecified date": an adjective, no past tense; "would" makes January the next one.
        ("The dividend would be paid on a still unspecified date in January.", {"January": "2022-01"}),
        # A bound in a past-tense report is the nearest such day; one put off ("postponed until") lies ahead.
        ("Only two members had filed reports by Wednesday.", {"Wednesday": "2021-10-06"}),
        ("Officials postponed until Tuesday any decision on the case.", {"Tuesday": "2021-10-12"}),
        ("Sales changed little this year through August.", {"this year": "2021", "August": "2021-08"}),
        # The past perfect outweighs a forward cue: the offer had been due to expire, so Friday is behind us.
        ("The offer had been due to expire Friday.", {"Friday": "2021-10-01"}),
        ("The offer, which had been rejected, expires Friday.", {"Friday": "2021-10-08"}),  # "had" is elsewhere
        # A verb after "that" keeps its tense ("that acquired"); an "-ed" word after an article does not.
        ("The firm that acquired the bank in January owns many.", {"January": "2021-01"}),
        # A possessive weekday names something done: "Tuesday's ruling" in a future-tense sentence.
        ("Lawyers will appeal Tuesday's ruling.", {"Tuesday": "2021-10-05"}),
        ("Voters lined up ahead of Sunday's vote.", {"Sunday": "2021-10-10"}),  # but an awaited one lies ahead
        # "last Jan. 23" is a day, not the month of January.
        ("He was shot last Jan. 23 at his home.", {"Jan. 23": "2021-01-23"}),
        # A participle with its agent and no auxiliary is no past tense: "markets untouched by".
        ("Qantas will double its flights by June for markets untouched by rivals.", {"June": "2022-06"}),
        # A season with its lead after the determiner: "the early summer".
        ("Orders rose from the low levels of the early summer.", {"the early summer": "2021-SU"}),
        # "the then current price" was current at a time gone by.
        ("Holders could buy shares at the then current price.", {"current": "PAST_REF"}),
    ],
)
def test_tense_cues_that_are_easy_to_misread(text: str, expected: dict[str, str]) -> None:
    assert values(text, THURSDAY) == expected


def test_year_ago_comparisons_count_from_the_quarter_reported_on() -> None:
    text = (
        "The company posted a 20% gain in third-quarter net income, up from $90 million a year ago. "
        "After a flat second quarter, results improved. Analysts expect weakness through the third quarter of "
        "2022. Charges were taken in the year-earlier period."
    )
    assert values(text, "2021-11-01") == {
        "third-quarter": "2021-Q3",
        "a year ago": "2020-Q3",
        "second quarter": "2021-Q2",  # in passing ("a flat second quarter"): not the quarter reported on
        "the third quarter of 2022": "2022-Q3",  # a forecast: not the quarter reported on either
        "the year-earlier period": "2020-Q3",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks were held on Wednesday.", {"Wednesday": "XXXX-WXX-3"}),
        ("It happened last week.", {"last week": "XXXX-WXX"}),
        ("The Taliban took Kabul last summer.", {"last summer": "XXXX-SU"}),
        ("The offensive began two days ago.", {"two days ago": "XXXX-XX-XX"}),
        ("He arrived yesterday.", {"yesterday": "XXXX-XX-XX"}),
        ("They spoke earlier this month.", {"earlier this month": "XXXX-XX"}),
        ("Profit rose in the third quarter.", {"the third quarter": "XXXX-Q3"}),
        ("Elections were held on October 6.", {"October 6": "XXXX-10-06"}),
    ],
)
def test_without_an_anchor_nothing_is_invented(text: str, expected: dict[str, str]) -> None:
    assert values(text, None) == expected


def test_a_year_or_month_anchor_resolves_what_it_can() -> None:
    assert values("It happened last year, and again yesterday.", "2021") == {
        "last year": "2020",
        "yesterday": "XXXX-XX-XX",
    }
    assert values("The talks were held on October 6.", "2021-10") == {"October 6": "2021-10-06"}


def test_a_bad_anchor_is_refused() -> None:
    with pytest.raises(ValueError, match="not an ISO date"):
        find_times("yesterday", "07/10/2021")


# --------------------------------------------------------------------------------- kinds of expressions


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("October 6, 2021", "DATE", "2021-10-06"),
        ("6 October 2021", "DATE", "2021-10-06"),
        ("2021-10-06", "DATE", "2021-10-06"),
        ("October 2021", "DATE", "2021-10"),
        ("early 1990", "DATE", "1990"),
        ("the 1990s", "DATE", "199"),
        ("the '80s", "DATE", "198"),
        ("the 20th century", "DATE", "19"),
        ("the winter of 1994", "DATE", "1994-WI"),
        ("nineteen ninety-six", "DATE", "1996"),
        ("Christmas 2020", "DATE", "2020-12-25"),
        ("three years", "DURATION", "P3Y"),
        ("2 1/2 hours", "DURATION", "PT2H30M"),
        ("the past two months", "DURATION", "P2M"),
        ("a few days", "DURATION", "PXD"),
        ("more than a decade", "DURATION", "P10Y"),
        ("every week", "SET", "P1W"),
        ("daily", "SET", "P1D"),
        ("each Thursday", "SET", "XXXX-WXX-4"),
        ("10:30 p.m.", "TIME", "2021-10-07T22:30"),
        ("noon", "TIME", "2021-10-07T12:00"),
    ],
)
def test_kinds_of_expressions(text: str, kind: str, value: str) -> None:
    mentions = find_times(f"It was {text} here.", THURSDAY)
    assert [(m.text, m.type, m.value) for m in mentions] == [(text, kind, value)]


def test_modifiers_are_kept_in_the_span_and_the_mod() -> None:
    (mention,) = find_times("They talked for about three weeks.", THURSDAY)
    assert (mention.text, mention.value, mention.mod) == ("about three weeks", "P3W", "APPROX")
    (mention,) = find_times("It began in early 1990.", THURSDAY)
    assert (mention.text, mention.value, mention.mod) == ("early 1990", "1990", "START")


def test_the_year_earlier_quarter_follows_the_quarter_reported() -> None:
    text = "Profit in the third quarter rose to $5 million from $4 million a year earlier."
    assert values(text, "1989-10-26") == {"the third quarter": "1989-Q3", "a year earlier": "1988-Q3"}


def test_a_year_ago_after_nine_months_is_the_year_not_the_quarter() -> None:
    """TBAQ wsj_1013 and wsj_0144: the period compared is the nine months, which has no quarter a year back."""
    text = (
        "Columbia announced a loss for the third quarter of $226.3 million. For the nine months, losses totaled "
        "$212 million, or $10.83 a share, compared with net income of $48.7 million, or $1.11 a share, a year "
        "earlier. The results include a write-down."
    )
    found = values(text, "1989-10-26")
    assert (found["the third quarter"], found["a year earlier"]) == ("1989-Q3", "1988")
    text = (
        "Net advanced to $94.2 million in the third quarter. In the first nine months, net was $306 million, "
        "compared with a loss of $195 million in the 1988 period. The year-ago results included a charge."
    )
    assert values(text, "1989-11-02")["The year-ago"] == "1988"


def test_a_part_of_the_day_alone_is_one_of_the_day_in_focus() -> None:
    """TBAQ PRI19980306.2000.1675, wsj_0169 and wsj_0586 (all three tagged in the gold, none left out)."""
    assert values("By mid afternoon, official Serb sources were saying the fighting had stopped.", "1998-03-06") == {
        "mid afternoon": "1998-03-06TAF"
    }
    assert values("In London at mid-afternoon yesterday, Ratners's shares were up 2 pence.", "1989-11-02") == {
        "mid-afternoon yesterday": "1989-11-01TAF"
    }
    text = "Hopes were dashed Friday. Dealers placed heavy buy orders in the morning to start the day."
    assert values(text, "1989-10-30") == {"Friday": "1989-10-27", "the morning": "1989-10-27TMO"}
    # Not a part of one day: "the morning of Oct. 23" is the date's, and a bare "morning" is no expression.
    assert "the morning" not in values("He was seen in the morning of Oct. 23.", "1989-10-30")
    assert values("Morning papers carried the story.", "1989-10-30") == {}


def test_a_quarter_named_after_the_nine_months_is_the_period_compared_again() -> None:
    text = (
        "For the nine months, net rose 12%. In the third quarter, profit rose to $5 million from $4 million a "
        "year earlier."
    )
    assert values(text, "1989-10-26")["a year earlier"] == "1988-Q3"


def test_mentions_are_ordered_and_do_not_overlap() -> None:
    text = seed("003").raw_text
    mentions = find_times(text, "2022-06-10")
    assert mentions == sorted(mentions, key=lambda m: m.start)
    for before, after in itertools.pairwise(mentions):
        assert before.end <= after.start
    assert all(isinstance(m, TimeMention) and m.rule for m in mentions)


# ------------------------------------------------------------------------------------------------- stage


def test_stage_declares_what_it_needs_and_adds() -> None:
    assert STAGE.name == "time"
    assert STAGE.requires == ("text", "language", "published")
    assert STAGE.assigns == ("times",)


def test_stage_sets_times_on_english_documents_and_skips_others() -> None:
    english = seed("001")
    english.text, english.language = english.raw_text, "en"
    russian = Document(
        uri="ru.txt", raw_text="Переговоры прошли в среду.", text="Переговоры прошли в среду.", language="ru"
    )
    ctx = Context(Options())
    out = run([english, russian], ctx)
    assert out == [english, russian]
    times = times_of(english)
    assert any(m.value == "2021-10-06" for m in times)
    assert times_of(russian) == []
    assert russian.notes == ["time: skipped, language ru"]
    assert ctx.counts["time.mentions"] == len(times)


def test_stage_leaves_relative_dates_unresolved_for_a_bad_publication_date() -> None:
    document = Document(uri="x.txt", raw_text="", text="They met yesterday.", language="en", published="Oct 7")
    run([document], Context(Options()))
    assert [m.value for m in times_of(document)] == ["XXXX-XX-XX"]
    assert "not ISO" in document.notes[0]
