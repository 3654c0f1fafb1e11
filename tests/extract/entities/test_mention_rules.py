"""The mention rules (storyline.extract.entities.mention_rules), each on a real sentence: with every rule the
recogniser gets the name right, and without that one rule it does not, so the rule is what fixes it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyline.extract.entities.mention_rules import LABEL_RULES, SPAN_RULES
from storyline.extract.ner import MENTION_RULES, RULES, EntityMention, recognise

SEEDS = Path(__file__).resolve().parents[3] / "examples" / "afghan-resistance"


def seed_line(prefix: str, starting: str) -> str:
    """The line of a seed article (``prefix``: its number) that starts with ``starting``, as written there."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith(starting)]
    assert len(lines) == 1, (prefix, starting)
    return lines[0]


def seed_article(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def found(text: str, rules: frozenset[str] = RULES) -> dict[str, EntityMention]:
    """The first mention of each name in ``text``."""
    first: dict[str, EntityMention] = {}
    for mention in recognise([text], rules=rules)[0]:
        first.setdefault(mention.text, mention)
    return first


def unchanged_without(rule: str, text: str) -> bool:
    """The rule changes nothing in ``text``."""
    return recognise([text])[0] == recognise([text], rules=RULES - {rule})[0]


def test_the_rule_names_are_the_recognisers() -> None:
    assert SPAN_RULES | LABEL_RULES == MENTION_RULES <= RULES


# (rule, text, name, kind): the name with that kind comes out with all rules, and not without the rule.
CASES = [
    (
        "headline-words",
        seed_line("004", "Taliban Forced")
        + "\nSoon after, a Taliban delegation had been forced to set off for negotiations.",
        "Taliban",
        "ORG",
    ),
    # On its own line the model gets the whole name; in the article it stops at "Zahir".
    ("name-continues", seed_article("002"), "Mohammad Zahir Aghbar", "PERSON"),
    ("org-heads", seed_line("001", "The Afghan National Resistance"), "Afghan National Resistance Forces", "ORG"),
    (
        "org-heads",
        seed_line("001", "As reported Satellite"),
        "Ministry of Internal Security of Afghanistan",
        "ORG",
    ),
    ("outlets", seed_line("001", "As reported Satellite"), "Satellite Tajikistan", "ORG"),
    ("outlets", seed_line("000", "Meanwhile, France 24"), "France 24", "ORG"),
    ("credits", seed_line("002", "Tajikistan’s President Emomali Rahmon, in energy"), "Getty Photographs", "ORG"),
    ("credits", seed_line("001", "Photo:"), "Riafan", "ORG"),
    ("organisations", seed_line("003", "Its most revered figure"), "Al-Qaeda", "ORG"),
    ("nicknames", seed_line("003", "Its most revered figure"), "Lion of Panjshir", "PERSON"),
]


@pytest.mark.parametrize(("rule", "text", "name", "kind"), CASES, ids=[f"{c[0]}:{c[2]}" for c in CASES])
def test_each_rule_fixes_a_real_sentence(rule: str, text: str, name: str, kind: str) -> None:
    start = text.index(name)  # the rule fixes the name where it first stands
    with_rule = {(m.start, m.end, m.kind): m for m in recognise([text])[0]}
    mention = with_rule.get((start, start + len(name), kind))
    assert mention is not None, sorted(m.text for m in with_rule.values())
    assert mention.source in ("document", "gazetteer")
    without = {(m.start, m.end, m.kind) for m in recognise([text], rules=RULES - {rule})[0]}
    assert (start, start + len(name), kind) not in without


def test_a_credit_keeps_its_photographer_and_a_caption_its_nationality() -> None:
    credit = found(seed_line("002", "Tajikistan’s President Emomali Rahmon, in energy"))
    assert credit["Dimitry Astakhov"].kind == "PERSON"
    assert credit["Sputnik"].kind == credit["AFP"].kind == "ORG"
    assert credit["Vladimir Putin"].kind == "PERSON" and credit["Soviet Union"].kind == "GPE"
    caption = found(seed_line("001", "Photo:"))
    assert caption["Afghan"].kind == "NORP"  # "Photo: Afghan resistance fighters" describes, it does not credit


def test_known_agencies_are_organisations_even_outside_credits() -> None:
    line = seed_line("002", "Abdul Latif Pedram, the chief")
    assert found(line, RULES - {"credits"})["Reuters"].kind == "ORG"
    assert found(line, frozenset())["Reuters"].kind != "ORG"  # the model alone calls it a place


def test_a_nickname_does_not_make_its_place_a_person() -> None:
    text = seed_line("003", "Its most revered figure") + "\n" + seed_line("003", "The Panjshir Valley is famous")
    mentions = recognise([text])[0]
    assert [m.kind for m in mentions if m.text == "Panjshir Valley"] == ["LOC"]
    assert "PERSON" not in {m.kind for m in mentions if "Panjshir" in m.text and m.text != "Lion of Panjshir"}


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        # A league is a competition (MISC in CoNLL-2003), not an organisation.
        ("org-heads", "The Orioles remained tied with the White Sox for the American League wild card."),
        # Only a title-case headline is cut back to a name the article uses: "Insein Prison" is one name.
        (
            "headline-words",
            "Most political prisoners are held in Rangoon's Insein Prison. Insein is north of the city, and the "
            "prison is notorious.",
        ),
        # A match result is no channel: "Scotland 24" is a team and its score.
        ("outlets", "Scotland 24 Italy 10 in the rugby international at Murrayfield."),
        # A name does not take in a day of the week, an English word, or a place.
        ("name-continues", "Tajik President Emomali Rahmon Monday urged talks with Ahmad Massoud Kabul officials."),
        # "Photo: Afghan resistance fighters" describes the photo, it credits nobody.
        ("credits", seed_line("001", "Photo:")[: -len(", source – Riafan.")]),
        # After a slash in a credit may come the photographer, not an agency.
        ("credits", "President Joe Biden speaks at the White House in Washington. © Reuters/Kevin Lamarque"),
        # A group called the Taliban is no person.
        ("nicknames", "The movement, called the Taliban, took Kabul."),
    ],
)
def test_the_rules_leave_alone_what_is_right(rule: str, text: str) -> None:
    assert unchanged_without(rule, text)


# From PolNeAR's training split (2016 news): the model misses the bare last name in this sentence.
POLNEAR_TRUMP = (
    "The party's presumptive nominee, Donald Trump, has called for a wall. "
    "The rejection of the party's received wisdom was complete when Trump in his announcement speech called "
    "undocumented immigrants from Mexico rapists."
)


def test_a_bare_last_name_after_the_full_name_is_the_person() -> None:
    def bare(rules: frozenset[str]) -> list[str]:
        text = POLNEAR_TRUMP
        at = text.index("when Trump") + len("when ")
        return [m.kind for m in recognise([text], rules=rules)[0] if m.start == at and m.text == "Trump"]

    assert bare(RULES) == ["PERSON"]
    assert bare(RULES - {"surnames"}) == []


def test_a_last_name_opening_a_sentence_is_the_person_where_the_document_uses_it_bare() -> None:
    # From PolNeAR's training split (a Washington Post convention story): the model missed 11 of its bare "Trump"s.
    text = (
        "Donald Trump accepted the nomination on Thursday, and delegates cheered as Trump spoke.\n\n"
        "Trump spoke with so much gusto it surprised many. As Trump attacked Clinton, the crowd chanted. "
        "Trump's gloomy tone was a contrast."
    )
    found = [(m.start, m.kind) for m in recognise([text])[0] if m.text == "Trump"]
    starts = [match.start() for match in re.finditer(r"\bTrump\b", text)][1:]
    assert found == [(start, "PERSON") for start in starts]


def test_a_last_name_that_opens_a_sentence_or_starts_another_name_is_not_added() -> None:
    text = "Rice farmer Tom White spoke on Monday. White House officials said so. White wine prices rose."
    mentions = recognise([text])[0]
    assert [m.text for m in mentions if m.text == "White" and m.kind == "PERSON" and m.source == "document"] == []


def test_symbols_at_a_names_edges_are_cut_off() -> None:
    # From PolNeAR's training split (web news with tweets): "Trump #immigration" and "jet ― Trump".
    text = (
        "Donald Trump spoke in Phoenix. A supporter wore the hat prior to Trump #immigration speech. "
        "It is a mere 30 minutes away on his 757 jet ― Trump declined."
    )
    texts = [m.text for m in recognise([text])[0]]
    assert not any("#" in t or "―" in t for t in texts), texts
    assert texts.count("Trump") >= 1
