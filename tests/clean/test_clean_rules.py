"""Each boilerplate rule on lines it must take and on article sentences that only look like boilerplate.

None of the lines here is copied from the seeds: they are other wordings of the same kinds, to show the rules
are written for the kind. The last tests run the cleaner over real news text from the benchmark data in
../shared (read at test time, never copied into the repository) and skip where it is absent.
"""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import pytest

from storyline.clean import LINE_RULES, clean_text
from storyline.clean.boilerplate import label_lines, looks_like_credit, match_rule

SHARED = Path(__file__).resolve().parents[3] / "shared"
ECBPLUS = SHARED / "bench" / "stories" / "ecbplus"
POLNEAR = SHARED / "bench" / "quotes" / "polnear"
REPORTING = re.compile(r"\b(?:said|says|told|according to|announced)\b", re.IGNORECASE)

BOILERPLATE: list[tuple[str, str]] = [
    ("[ad_3]", "ad-marker"),
    ("[ad_12]", "ad-marker"),
    ("[ads]", "ad-marker"),
    ("- Advertisement -", "ad-marker"),
    ("ADVERTISEMENT", "ad-marker"),
    ("Story continues below advertisement", "ad-marker"),
    ('[caption id="attachment_77" align="alignnone" width="640"]', "shortcode"),
    ("[/embed]", "shortcode"),
    ("Leave a reply Cancel reply", "comment-prompt"),
    ("Leave a comment below", "comment-prompt"),
    ("Post a Comment", "comment-prompt"),
    ("Add your comment", "comment-prompt"),
    ("0 comments", "comment-prompt"),
    ("No Comments", "comment-prompt"),
    ("3 Responses", "comment-prompt"),
    ("Comments (14)", "comment-prompt"),
    ("7 thoughts on “Border reopens”", "comment-prompt"),
    ("Your email address will not be published.", "comment-prompt"),
    ("Required fields are marked *", "comment-prompt"),
    ("You must be logged in to post a comment.", "comment-prompt"),
    ("Save my name, email, and website in this browser for the next time I comment.", "comment-prompt"),
    ("Comments are closed.", "comment-prompt"),
    ("If you find a typo in this article, please let the editors know.", "editor-prompt"),
    ("Spotted a mistake? Highlight it and press Ctrl+Enter", "editor-prompt"),
    ("Found an error? Tell us.", "editor-prompt"),
    ("Report an error", "editor-prompt"),
    ("Categories:", "category-label"),
    ("Category: World", "category-label"),
    ("Tags: taliban, tajikistan, border", "category-label"),
    ("Filed under: Asia, Security", "category-label"),
    ("Tagged with: Kabul | Dushanbe", "category-label"),
    ("Post Categories: News", "category-label"),
    ("Copyright 2022 Example Media Group", "copyright"),
    ("© 2021 Example News Agency", "copyright"),
    ("All rights reserved.", "copyright"),
    ("Reproduction without written permission is prohibited.", "copyright"),
    ("This material may not be published, broadcast, rewritten or redistributed.", "copyright"),
    ("Photo: Reuters", "image-caption"),
    ("Photo credit: Jane Doe/Example Images", "image-caption"),
    ("Image: Taliban fighters at a checkpoint in Kabul", "image-caption"),
    ("(Photo by John Roe/AFP via Getty Images)", "image-caption"),
    ("Pictures by Ali Karimi", "image-caption"),
    ("Video: Talks in Doha", "image-caption"),
    ("Фото: ТАСС", "image-caption"),
    ("Refugees queue at the crossing near Termez. © Example Agency", "image-caption"),
    ("Karim Latifi/Example Images", "image-caption"),
    ("AP Photo/Rahmat Gul", "image-caption"),
    ("Source", "source-label"),
    ("Source:", "source-label"),
    ("Sources", "source-label"),
    ("Source link", "source-label"),
    ("Source: Reuters", "source-label"),
    ("Source: Ministry of Defence", "source-label"),
    ("Via Example Wire", "source-label"),
    ("By Anna Smith", "byline"),
    ("By ANNA SMITH and Karim Latifi, Example Wire", "byline"),
    ("Written by: Anna Smith", "byline"),
    ("(Writing by Anna Smith; Editing by Karim Latifi)", "byline"),
    ("Own correspondent", "byline"),
    ("Staff Reporter", "byline"),
    ("Share", "share-buttons"),
    ("Tweet", "share-buttons"),
    ("Share this:", "share-buttons"),
    ("Share on WhatsApp", "share-buttons"),
    ("Facebook Twitter Telegram Email", "share-buttons"),
    ("1.2K shares", "share-buttons"),
    ("3 0", "share-buttons"),
    ("12 4 0", "share-buttons"),
    ("Print", "share-buttons"),
    ("Read more: Uzbekistan opens new rail link", "related-link"),
    ("READ MORE: Border talks stall", "related-link"),
    ("Also read: What the Taliban want", "related-link"),
    ("See also: Timeline of the war", "related-link"),
    ("Related:", "related-link"),
    ("You may also like", "related-link"),
    ("Continue reading", "related-link"),
    ("Read More »", "related-link"),
    ("WATCH | Taliban fighters patrol Kabul", "related-link"),
    ("LISTEN | Our podcast on Central Asia", "related-link"),
    ("Subscribe to our daily briefing", "subscribe-prompt"),
    ("Sign up for our newsletter", "subscribe-prompt"),
    ("Get the Example Daily newsletter in your inbox", "subscribe-prompt"),
    ("Click here to read the full report", "subscribe-prompt"),
    ("Download our free news app", "subscribe-prompt"),
    ("Follow us on Twitter", "social-follow"),
    ("Like us on Facebook", "social-follow"),
    ("Join our Telegram channel for breaking news", "social-follow"),
    ("Find us on Instagram", "social-follow"),
    ("This website uses cookies to improve your experience.", "cookie-notice"),
    ("Accept all cookies", "cookie-notice"),
    ("Cookie Policy", "cookie-notice"),
    ("By continuing to use this site you agree to our use of cookies.", "cookie-notice"),
    ("Home » News » Asia", "navigation"),
    ("Back to top", "navigation"),
    ("« Previous Post", "navigation"),
    ("Next article", "navigation"),
    ("Next story: Border reopens »", "navigation"),
]

ARTICLE_SENTENCES: list[str] = [
    "Share prices in Dushanbe fell sharply after the announcement.",
    "Sources said the talks would resume in Doha.",
    "By Wednesday, Taliban fighters had reached the valley.",
    "By then the road was closed.",
    "Photographs of the meeting were released by the ministry on Monday.",
    "Pictures from the valley show damaged houses.",
    "Videos posted online showed long queues at the border.",
    "Subscribers to the channel shared the video widely.",
    "Follow-up talks are expected next month.",
    "Following the talks, Rahmon called for a ceasefire.",
    "Comments by the foreign minister angered Kabul.",
    "Tags on the crates showed they came from Iran.",
    "Source: the defence ministry said two soldiers were wounded.",
    "Sources close to the talks said no deal was near.",
    "Leave a margin for error, the engineer advised.",
    "Like his father, Massoud fought the Taliban.",
    "Email records seen by reporters show the plan was discussed in May.",
    "Read the full text of the agreement below, the ministry said.",
    "Watch out for smugglers, the guards were told.",
    "More than 2,700 troops took part in the exercise.",
    "Related talks in Tehran yielded nothing.",
    "Credit Suisse said it had frozen the accounts.",
    "Courtesy calls by the envoy continued for a week.",
    "If you find an error in your ballot, ask for a new one, officials said.",
    "Copyright lawyers said the broadcast was legal.",
    "Images of the convoy were shown on state television.",
    "The cookies were handed out at the checkpoint.",
    "Home to 9 million people, Tajikistan shares a long border with Afghanistan.",
    "Next week the envoy will travel to Islamabad.",
    "Previous rounds of talks ended without agreement.",
    "He stressed: “We did not go to them. They came to us.",
    "“Last Democratic Force”",
    "• The Taliban took control of Afghanistan last year.",
    "Oct 7, 2021",
    "2021",
    "1.",
    "60.",
    "2013-09-26",
    "05/02/2013",
    "Russian President Vladimir Putin and Tajik President Emomali Rahmon",
    "Join the response effort, the governor urged residents.",
    "Join us in mourning the victims, the president said.",
    "Join us on Sunday for the vigil, the organisers wrote.",
    "More – and more – Afghans are crossing into Iran.",
    "Next article of the constitution requires a referendum.",
    "Use of force without the consent of parliament is prohibited, the court ruled.",
]


def test_rule_names_are_unique_and_described() -> None:
    names = [rule.name for rule in LINE_RULES]
    assert len(names) == len(set(names))
    assert all(rule.what for rule in LINE_RULES)


@pytest.mark.parametrize(("line", "rule"), BOILERPLATE, ids=[line for line, _ in BOILERPLATE])
def test_rule_takes_boilerplate_line(line: str, rule: str) -> None:
    assert match_rule(line) == rule


@pytest.mark.parametrize("line", ARTICLE_SENTENCES)
def test_article_sentence_stays(line: str) -> None:
    assert match_rule(line) is None


def test_every_rule_is_exercised() -> None:
    assert {rule for _, rule in BOILERPLATE} == {rule.name for rule in LINE_RULES}


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Didor Sadulloev/Reuters", True),
        ("TASS", True),
        ("riafan.ru", True),
        ("AFP via Getty Images", True),
        ("J. Smith/AP.", True),
        ("the ministry said", False),
        ("Afghan resistance fighters, source – Riafan.", False),
        ("", False),
        ("Ministry. It said more.", False),
    ],
)
def test_looks_like_credit(text: str, credit: bool) -> None:
    assert looks_like_credit(text) is credit


def test_alt_text_goes_with_its_caption_only() -> None:
    lines = [
        "Talks resumed on Monday.",
        "Refugees at the border",
        "Refugees wait at the crossing near Termez. © Karim Latifi/Example Images",
        "",
        "Border talks",
        "The talks resumed on Tuesday.",
    ]
    assert label_lines(lines) == [None, "image-caption", "image-caption", None, None, None]


def test_first_line_is_never_taken_as_alt_text() -> None:
    lines = ["Taliban seize Panjshir", "Fighters in the valley. © Example Images"]
    assert label_lines(lines) == [None, "image-caption"]


def test_related_block_ends_at_first_sentence() -> None:
    text, removed = clean_text(
        "Talks ended.\nRelated stories\nTaliban name new governor\nBorder reopens for trade\n"
        "Officials said more talks were planned."
    )
    assert text == "Talks ended.\nOfficials said more talks were planned."
    assert [line.rule for line in removed] == ["related-link"] * 3


def test_removed_line_between_paragraphs_leaves_one_break() -> None:
    text, _ = clean_text("First paragraph.\n\n[ad_1]\n\n\nSecond paragraph.\nAdvertisement\nThird line.\n\n")
    assert text == "First paragraph.\n\nSecond paragraph.\nThird line."


def test_only_boilerplate_gives_empty_text() -> None:
    text, removed = clean_text("Share\n\nLeave a Reply\nTags: news\n")
    assert text == ""
    assert [line.text for line in removed] == ["Share", "Leave a Reply", "Tags: news"]


# --- real news text from the benchmark data -----------------------------------------------------------------


def _ecbplus_sentences(limit_files: int) -> list[list[str]]:
    documents = []
    for path in sorted(ECBPLUS.glob("*/*.xml"))[:limit_files]:
        sentences: dict[int, list[str]] = defaultdict(list)
        for token in ET.parse(path).getroot().iter("token"):
            sentences[int(token.get("sentence", "0"))].append(token.text or "")
        prose = [" ".join(words) for _, words in sorted(sentences.items())]
        # Body sentences only: long enough and ending as a sentence ends (the first lines hold titles and dates).
        documents.append([s for s in prose if len(s.split()) >= 8 and s.endswith((".", "”", '"', "''"))])
    return [doc for doc in documents if doc]


@pytest.mark.skipif(not ECBPLUS.is_dir(), reason="../shared/bench/stories/ecbplus is not here")
def test_real_news_wrapped_in_boilerplate() -> None:
    """ECB+ news sentences with boilerplate around and between them: all of it goes, every sentence stays."""
    rng = random.Random(7)
    for sentences in _ecbplus_sentences(limit_files=120):
        head = rng.sample(BOILERPLATE, 3)
        middle = rng.sample(BOILERPLATE, 2)
        tail = rng.sample(BOILERPLATE, 4)
        half = len(sentences) // 2
        blocks = (
            [line for line, _ in head]
            + sentences[:half]
            + [line for line, _ in middle]
            + sentences[half:]
            + [line for line, _ in tail]
        )
        text, removed = clean_text("\n\n".join(blocks))
        assert text.split("\n\n") == sentences
        assert [(line.text, line.rule) for line in removed] == head + middle + tail


def _polnear_articles() -> list[Path]:
    """The development split and every eighth training article: about 190 articles from seven US outlets."""
    return sorted(POLNEAR.glob("dev/text/*.txt")) + sorted(POLNEAR.glob("train/text/*.txt"))[::8]


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="../shared/bench/quotes/polnear is not here")
def test_no_prose_removed_from_real_articles() -> None:
    """Real PolNeAR news articles: what goes is short credits and prompts, never a paragraph of prose."""
    total_lines = removed_lines = 0
    for path in _polnear_articles():
        raw = path.read_text(encoding="utf-8")
        _, removed = clean_text(raw)
        total_lines += sum(1 for line in raw.splitlines() if line.strip())
        removed_lines += len(removed)
        for line in removed:
            # News prose reports what someone said; boilerplate does not.
            assert not REPORTING.search(line.text), (path.name, line)
            is_credit = line.rule in {"byline", "source-label", "image-caption"}
            assert len(line.text.split()) <= (45 if is_credit else 25), (path.name, line)
    assert total_lines > 3_000
    assert removed_lines / total_lines < 0.005
