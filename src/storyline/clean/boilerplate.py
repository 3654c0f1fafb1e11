"""Line rules that take plain-text boilerplate out of an article, and say which rule took each line.

Cleaning works on whole lines: a line is either kept, whitespace-normalised, or removed and recorded as a
``RemovedLine(text, rule)``. It never cuts inside a line, so an article sentence is never shortened, and
nothing is lost silently: every removed line is listed with the rule that removed it.

Each rule below is a named pattern for one kind of boilerplate, written for the kind, not for one site's
wording (``[ad_1]`` and ``[ad_7]`` alike; "Leave a Reply", "Post a comment", "12 Comments" alike). Most rules
also carry a length limit, so that an article sentence that happens to start like boilerplate survives.

Decisions worth knowing:

- Title and date lines are not touched: ingest takes them out of the raw text, and no rule here matches them.
- Images: the plain text no longer holds the picture, so a line that belongs to one goes, as ``image-caption``:
  a line labelled as one ("Photo: …", "Image: …", "Photo by …", "Фото: …"), a line that ends in a ``© credit``
  (only captions end that way), a line that is nothing but a credit ("Mohammad Asif Khan/AP"), and the short
  unpunctuated alt-text line printed right above such a caption. A caption with neither label nor credit
  cannot be told from prose, so it stays.
- Credits and bylines ("By Jane Doe", "Own. corr. FSK", "Reporting by …; Editing by …", "Source: TASS") go;
  "Source: the ministry said …" does not, since a credit is names, not a sentence.
- Whitespace: each kept line is stripped and its inner whitespace runs made single spaces; line breaks stay as
  the source had them, except that a run of blank lines becomes exactly one blank line (a paragraph break), and
  blank lines at the start and end are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from storyline.clean.unicode import split_lines
from storyline.document import RemovedLine

_SENTENCE_END = '.!?…"”’»)'
_QUOTE_CHARS = ".,;:()[]{}\"'“”‘’«»"

# Lower-case words a credit ("AFP via Getty Images", "Courtesy of NASA") or a byline may contain; every other
# word of a credit starts with a capital or a digit, or is a web address.
_CREDIT_WORDS = frozenset(
    {"via", "by", "of", "and", "for", "from", "courtesy", "file", "photo", "photos", "image", "images", "pool",
     "handout", "staff", "in", "de", "van", "von", "der", "al", "el", "bin", "&", "/", "|", "-", "–", "—", "+"}
)  # fmt: skip


def looks_like_credit(text: str, max_words: int = 10) -> bool:
    """True when ``text`` reads as names ("Didor Sadulloev/Reuters", "TASS", "riafan.ru"), not as a sentence."""
    words = text.replace("/", " / ").split()
    if not words or len(words) > max_words:
        return False
    inner = text.rstrip(".").strip()
    if any(mark in inner for mark in ("!", "?", ". ")) and not re.search(r"\b[A-Z]\. ", inner):
        return False
    for word in words:
        core = word.strip(_QUOTE_CHARS)
        if not core or core.lower() in _CREDIT_WORDS:
            continue
        if core[0].isupper() or core[0].isdigit():
            continue
        if re.fullmatch(r"(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?", core):
            continue
        return False
    return True


@dataclass(frozen=True)
class LineRule:
    """One kind of boilerplate: its name (recorded on every line it removes), what it is, and its test."""

    name: str
    what: str
    matches: Callable[[str], bool]


def _patterns(*patterns: str, max_chars: int = 200, flags: int = re.IGNORECASE) -> Callable[[str], bool]:
    compiled = [re.compile(pattern, flags) for pattern in patterns]

    def matches(line: str) -> bool:
        return len(line) <= max_chars and any(pattern.search(line) for pattern in compiled)

    return matches


def _any_of(*tests: Callable[[str], bool]) -> Callable[[str], bool]:
    def matches(line: str) -> bool:
        return any(test(line) for test in tests)

    return matches


def _labelled_credit(label: str, max_words: int = 12) -> Callable[[str], bool]:
    """A line ``<label> <credit>``, the credit being names (see :func:`looks_like_credit`)."""
    pattern = re.compile(rf"^\(?(?:{label})\b\s*(?::|-|–|—)?\s*(?P<rest>.+?)\)?$", re.IGNORECASE)

    def matches(line: str) -> bool:
        found = pattern.match(line)
        return bool(found) and looks_like_credit(found.group("rest") if found else "", max_words)

    return matches


# --- tests that need more than a regular expression ---------------------------------------------------------

_LIST_LABEL = re.compile(
    r"^(?:article |post |news |story )?(?:categories|category|tags|tag|tagged(?: with| as| in)?|filed (?:under|in)"
    r"|topics|keywords|labels|posted in|rubrics?)\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)


def _is_list_label(line: str) -> bool:
    """ "Tags: Taliban, Tajikistan", "Article Categories:"; a sentence after the colon keeps the line."""
    found = _LIST_LABEL.match(line)
    if not found or len(line) > 300:
        return False
    rest = found.group("rest").strip()
    return not rest or (len(rest.split()) <= 30 and not rest.endswith((".", "!", "?")) and ". " not in rest)


_SHARE_WORDS = frozenset(
    {"share", "shares", "shared", "sharing", "tweet", "tweets", "retweet", "like", "likes", "pin", "pinit", "email",
     "e-mail", "mail", "print", "whatsapp", "facebook", "twitter", "telegram", "linkedin", "reddit", "vk", "vkontakte",
     "odnoklassniki", "pinterest", "tumblr", "messenger", "viber", "flipboard", "pocket", "views", "comments"}
)  # fmt: skip
_SHARE_FILLERS = frozenset(
    {"this", "on", "via", "to", "the", "it", "with", "friends", "or", "and", "article", "story", "post", "page", "link",
     "copy", "save", "now", "x", "view", "comment", "ok"}
)  # fmt: skip
_COUNT = re.compile(r"\d[\d.,]*[kKmM]?")
_COUNTERS_ONLY = re.compile(r"\d[\d.,]*[kKmM]?(?:\s+\d[\d.,]*[kKmM]?)+")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _is_share_buttons(line: str) -> bool:
    """A row of share buttons and counters: "0 0", "Share Tweet Pin", "Share on Facebook", "1.2K shares"."""
    tokens = [token.strip(":|·•/-–—()[]") for token in line.lower().split()]
    tokens = [token for token in tokens if token]
    if not tokens or len(tokens) > 12:
        return False
    words = [token for token in tokens if not _COUNT.fullmatch(token)]
    if any(word not in _SHARE_WORDS and word not in _SHARE_FILLERS for word in words):
        return False
    if any(word in _SHARE_WORDS for word in words):
        return True
    # Counters alone: two or more side by side ("0 0"). One number alone ("1.", "60.") may number a list item,
    # and numbers joined by - / : or holding a year ("2013-09-26", "2013 09 26") are a date, so those stay.
    return bool(_COUNTERS_ONLY.fullmatch(line)) and not _YEAR.search(line)


_BYLINE = re.compile(
    r"^(?:by|text by|words by|story by|written by|reported by|posted by|published by|author|authors)"
    r"\s*:?\s+(?P<rest>.+)$",
    re.IGNORECASE,
)


def _is_byline(line: str) -> bool:
    """ "By Jane Doe and John Roe, Reuters": a byline is the word "by" and names; "By Monday, the …" is not."""
    found = _BYLINE.match(line)
    return bool(found) and len(line) <= 120 and looks_like_credit(found.group("rest") if found else "", 12)


def _is_credit_only(line: str) -> bool:
    """A line that is only a picture credit: "Mohammad Asif Khan/AP", "AFP via Getty Images", "© Reuters"."""
    if len(line) > 100:
        return False
    if not re.search(r"[^\W\d_]{2}", line):
        return False  # a credit names someone: "05/02/2013" is a date
    if line.startswith("©"):
        return looks_like_credit(line[1:])
    has_agency_form = re.search(r"[^\W\d_]\s*/\s*[^\W\d_]", line) or re.search(
        r"\b(?:via Getty|Getty Images|AP Photo|Shutterstock)\b", line
    )
    return bool(has_agency_form) and "//" not in line and looks_like_credit(line, 8) and not line.endswith(".")


def _ends_with_photo_credit(line: str) -> bool:
    """A caption that ends with its credit: "… in Panjsher province © Mohammad Asif Khan/AP"."""
    found = re.search(r"(?:^|\s)©\s*(?P<credit>[^©!?]{2,80})$", line)
    # A credit is names ("J. Smith/AP."), never a sentence that goes on after a full stop.
    return bool(found) and len(line) <= 600 and not re.search(r"\.\s+\w", found.group("credit") if found else "")


_RELATED_HEADING = re.compile(
    r"^(?:read more|read the full (?:story|article)|continue reading|see more|show more|load more|more stories"
    r"|more news|related|related articles|related stories|related news|related content|related topics"
    r"|you may also like|you might also like|recommended(?: for you)?|most read|trending now|latest news"
    r"|top stories|more on this story|read also|also read|see also|читайте также|lire aussi|à lire aussi)\W*$",
    re.IGNORECASE,
)


def _is_related_heading(line: str) -> bool:
    """A bare heading over links to other stories: "Related articles", "You may also like", "Read more »"."""
    return bool(_RELATED_HEADING.match(line))


# --- the rules, in the order they are tried -----------------------------------------------------------------

LINE_RULES: tuple[LineRule, ...] = (
    LineRule(
        "ad-marker",
        "advertising slots and autoblog markers: [ad_1], [ad_2], Advertisement, Story continues below advertisement",
        _patterns(
            r"^\[\s*/?\s*ads?(?:[ _-]?\d+)?\s*\]$",
            r"^[\W_]*(?:advertisement|advertising|sponsored(?: content)?|paid (?:content|post)|promoted(?: content)?"
            r"|story continues (?:below|after) (?:this )?(?:advertisement|ad))[\W_]*$",
        ),
    ),
    LineRule(
        "shortcode",
        "a lone content-management shortcode left in the text: [caption id=…], [/embed]",
        _patterns(r"^\[/?[a-z][a-z0-9_-]*(?:\s+[^\[\]]*)?/?\]$", flags=0),
    ),
    LineRule(
        "comment-prompt",
        "comment forms and counts: Leave a Reply, Post a comment, 12 Comments, Your email address will not be …",
        _patterns(
            r"^(?:leave|post|add|write|submit|drop)\s+(?:a|your|us a)\s+(?:reply|comment|response)s?"
            r"(?:\s+(?:cancel reply|below|here|now))?\W*$",
            r"^(?:\d+|no|one)\s+(?:comments?|responses?|replies)\W*$",
            r"^\d+\s+thoughts? on\s+[\"“«]",
            r"^(?:comments?|responses?|replies)\s*(?:\(\d+\))?\s*:?$",
            r"your email address will not be published",
            r"^required fields are marked",
            r"^you must be (?:logged|signed) in to (?:post|leave|add) a comment",
            r"^save my name,? email",
            r"^(?:be the first to comment|comments? (?:are|is) (?:closed|disabled)"
            r"|(?:view|show|load|read|see) (?:all )?(?:\d+ )?comments"
            r"|cancel reply|post comment|submit comment|log in to (?:reply|comment))\W*$",
        ),
    ),
    LineRule(
        "editor-prompt",
        "requests to report a typo: If you notice an error in the text, select it and press Ctrl + Enter",
        _any_of(
            _patterns(r"\bctrl\s*\+\s*enter\b", max_chars=300),
            _patterns(
                r"^if you (?:have )?(?:notice|noticed|find|found|see|spot|spotted) (?:an?|any) (?:error|mistake|typo"
                r"|inaccuracy|misprint)s?\b.*\b(?:editor|editors|let us know|report|contact|notify|tell us|text"
                r"|article|story|post)\b",
                r"^(?:found|spotted|see|notice) an? (?:error|mistake|typo|inaccuracy)\b.{0,120}$",
                r"^(?:report an? (?:error|typo|mistake|correction)|send (?:us )?a correction|suggest a correction)\W*$",
                max_chars=300,
            ),
        ),
    ),
    LineRule(
        "category-label",
        "taxonomy lines: Article Categories:, Categories: World, Tags: Taliban, Tajikistan, Filed under: Asia",
        _is_list_label,
    ),
    LineRule(
        "copyright",
        "copyright and reuse notices: © 2021 TASS, All rights reserved, may not be published, broadcast, rewritten",
        _any_of(
            _labelled_credit(r"copyright\s*(?:©|\(c\))?"),
            _patterns(
                r"^(?:copyright\s*(?:©|\(c\))?\s*(?:\d{4}|by\b)|©\s*\d{4}|\(c\)\s*\d{4})",
                r"\ball rights reserved\b",
                r"^(?:any )?(?:reproduction|republication|redistribution|reprinting)\b.*\b(?:prohibited|forbidden"
                r"|without (?:the )?(?:prior )?(?:written )?(?:permission|consent))",
                r"^this (?:material|article|content|story) (?:may|must) not be "
                r"(?:published|reproduced|copied|redistributed)",
                max_chars=250,
            ),
        ),
    ),
    LineRule(
        "image-caption",
        "lines of a picture the text no longer holds: Photo: …, Image: …, a caption ending in © credit, a bare credit",
        _any_of(
            _patterns(
                r"^[(\[]?(?:photo|photos|photograph|image|picture|pic|video|illustration|graphic|infographic"
                r"|photo credit|image credit|image source|picture credit|featured image|cover image|main image"
                r"|top image|file photo|фото|видео|foto|bild|photo d'illustration)\s*(?::|\||–|—| - )",
                r"^[(\[]?(?:photo|photograph|picture|image|video|illustration|foto|фото)s? (?:by|courtesy of|credit)\b",
                max_chars=400,
            ),
            _ends_with_photo_credit,
            _is_credit_only,
        ),
    ),
    LineRule(
        "source-label",
        "a bare source label left by a stripped link (Source, Source:, Source link) or a credit (Source: TASS)",
        _any_of(
            _patterns(
                r"^(?:source|sources|source link|source url|original source|original article|via|источник)\s*:?$"
            ),
            _labelled_credit(r"source|via|credit|credits|courtesy|источник|quelle", max_words=6),
        ),
    ),
    LineRule(
        "byline",
        "author and desk credits: By Jane Doe, Own. corr. FSK, (Reporting by …; Editing by …)",
        _any_of(
            _is_byline,
            _patterns(
                r"^\(?(?:reporting|additional reporting|writing|editing|compiled|translated|translation|fact-checking)"
                r"(?: and \w+)? by\b",
                r"^(?:own\.?\s*corr\.?|own correspondent|staff (?:reporter|writer|correspondent))(?:\s+\S+){0,4}$",
                r"^(?:соб\.?\s*корр\.?)(?:\s+\S+){0,4}$",
                max_chars=250,
            ),
        ),
    ),
    LineRule(
        "share-buttons",
        "share buttons and counters: 0 0, Share, Tweet, Share on Facebook, 1.2K shares",
        _is_share_buttons,
    ),
    LineRule(
        "related-link",
        "links to other stories: Read more: …, Also read: …, Related articles, WATCH | …, IN QUOTES | …",
        _any_of(
            _patterns(
                r"^(?:read|see|watch|listen|also read|read also|read more|see more|see also|more|related"
                r"|related articles?|related stories|related news|related content|related topics|recommended"
                r"|recommended for you|you may also like|you might also like|most read|most popular|latest news"
                r"|more from [\w ]{1,30}|more on this(?: story| topic)?|further reading|also on [\w ]{1,30}"
                r"|click to read|don'?t miss|top stories|editor'?s picks?|читайте также|lire aussi|à lire aussi"
                r"|mehr zum thema)\s*(?::|\||»|>>)",
            ),
            _is_related_heading,
            _patterns(r"^[A-Z][A-Z'’&.\- ]{1,40}\s\|\s+\S", flags=0),
        ),
    ),
    LineRule(
        "subscribe-prompt",
        "calls to subscribe, sign up, donate or download: Subscribe to our newsletter, Sign up for …, Click here to …",
        _patterns(
            r"^subscribe\b",
            r"^sign up (?:for|to|now|here|today)\b",
            r"^(?:get|receive) (?:our|the) [\w ]{0,40}newsletter",
            r"^(?:already a subscriber|become a subscriber|support (?:our|independent) journalism|donate now)\b",
            r"^click here\b",
            r"^(?:download|get) (?:our|the) (?:free )?(?:[\w-]+ )?app\b",
            r"^(?:never|don'?t) miss (?:a|an|any) (?:story|update|article)",
            max_chars=200,
        ),
    ),
    LineRule(
        "social-follow",
        "calls to follow the outlet: Follow us on Twitter, Join our Telegram channel, Like us on Facebook",
        _patterns(
            r"^(?:follow|like|join|find|connect with|add)\s+(?:us|me)\s+(?:on|at|via)\s+(?:twitter|x|facebook"
            r"|instagram|telegram|whatsapp|youtube|tiktok|linkedin|vk|vkontakte|threads|mastodon|bluesky"
            r"|social media|google news|our)\b",
            r"^(?:follow|join|subscribe to)\s+(?:us|our)\b.*\b(?:telegram|twitter|facebook|instagram|whatsapp|youtube"
            r"|tiktok|vk|channel|page|account|feed)\b",
            r"^stay (?:connected|updated|informed) with us\b",
            max_chars=200,
        ),
    ),
    LineRule(
        "cookie-notice",
        "cookie banners: We use cookies to …, This website uses cookies, Accept all cookies",
        _patterns(
            r"\b(?:we|this (?:web)?site|our (?:web)?site|this page)\s+(?:use|uses|is using|are using)\s+cookies\b",
            r"^(?:accept|allow|reject|manage|decline) (?:all )?cookies\b",
            r"^cookie (?:policy|settings|preferences|consent)\W*$",
            r"^by (?:continuing|using)\b.{0,60}\b(?:site|website)\b.{0,80}\b(?:cookies|privacy policy)",
            max_chars=400,
        ),
    ),
    LineRule(
        "navigation",
        "page navigation: Home > World > Asia, Back to top, Next article, Previous post",
        _patterns(
            r"^home\s*(?:>|»|›|/)\s*\w",
            r"^(?:back to top|scroll to top|go to top|skip to (?:main )?content|print this (?:page|article))\W*$",
            r"^[«‹<]*\s*(?:previous|next|prev|older|newer) (?:post|article|story|entry)(?:\s*[:»›>].{0,100})?\W*$",
        ),
    ),
)

ALT_TEXT_RULE = "image-caption"
RELATED_RULE = "related-link"


def match_rule(line: str) -> str | None:
    """The name of the first rule that takes this (normalised, non-empty) line, or None for article text."""
    for rule in LINE_RULES:
        if rule.matches(line):
            return rule.name
    return None


def _is_alt_text(line: str) -> bool:
    """The short label a page prints above a picture: a few words, no sentence punctuation at the end."""
    return len(line.split()) <= 15 and not line.endswith(tuple(_SENTENCE_END)) and ":" not in line


def _is_link_title(line: str) -> bool:
    """A line that reads as the title of another story: a few words and no full stop at the end."""
    return 0 < len(line.split()) <= 20 and not line.endswith((".", "!", "?", ":", ";", ","))


def label_lines(lines: list[str]) -> list[str | None]:
    """For each normalised line, the rule that removes it, or None when it stays (article text or blank).

    Two rules look at a line's neighbours: the alt-text line printed right above a picture caption goes with
    the caption, and the story titles listed right under a "Related articles" heading go with the heading
    (the list ends at the first blank line or the first line that reads as a sentence).
    """
    labels = [match_rule(line) if line else None for line in lines]
    first_text = next((i for i, line in enumerate(lines) if line), len(lines))
    for i in range(first_text + 1, len(lines) - 1):
        if lines[i] and labels[i] is None and labels[i + 1] == "image-caption" and _is_alt_text(lines[i]):
            labels[i] = ALT_TEXT_RULE
    for i, line in enumerate(lines):
        if labels[i] == RELATED_RULE and _is_related_heading(line):
            for j in range(i + 1, len(lines)):
                if labels[j] is not None and labels[j] != RELATED_RULE:
                    break
                if labels[j] is None and not _is_link_title(lines[j]):
                    break
                labels[j] = RELATED_RULE
    return labels


def strip_boilerplate(text: str) -> tuple[str, list[RemovedLine]]:
    """Remove boilerplate lines from unicode-repaired text; return the cleaned text and what was removed."""
    lines = split_lines(text)
    labels = label_lines(lines)
    removed = [RemovedLine(line, rule) for line, rule in zip(lines, labels, strict=True) if rule is not None]
    kept: list[str] = []
    for line, rule in zip(lines, labels, strict=True):
        if rule is not None:
            continue
        if not line and (not kept or not kept[-1]):
            continue  # no blank line at the start, and never two in a row
        kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept), removed
