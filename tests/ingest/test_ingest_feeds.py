"""RSS and Atom feeds: one document per entry, HTML flattened, dates as stated, broken feeds rejected."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.document import Document, Reject
from storyline.ingest import read_input
from storyline.settings import Options

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
SEEDS = Path(__file__).resolve().parents[2] / "examples" / "afghan-resistance"


def split(path: Path, options: Options | None = None) -> tuple[list[Document], list[Reject]]:
    items = list(read_input(str(path), options or Options()))
    docs = [item for item in items if isinstance(item, Document)]
    rejects = [item for item in items if isinstance(item, Reject)]
    assert all("\n" not in reject.message for reject in rejects)
    return docs, rejects


def seed_lines(prefix: str) -> list[str]:
    text = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_rss_entries() -> None:
    path = FIXTURES / "world.rss"
    docs, rejects = split(path)
    assert not rejects
    assert [doc.uri for doc in docs] == [f"{path}#{number}" for number in (1, 2, 3)]
    assert {doc.outlet for doc in docs} == {"Example Wire: World"}
    assert [doc.url for doc in docs] == [f"https://wire.example.com/world/{number}" for number in (1001, 1002, 1003)]
    # Stated dates (RFC 2822 in +03:00) as the feed writes them; the third entry states none.
    assert [doc.published for doc in docs] == ["2021-10-06", "2021-10-07", None]
    assert docs[1].title == "Afghan resistance asks for assistance from Tajikistan"
    for doc in docs:
        assert "<p>" not in doc.raw_text and "&lt;" not in doc.raw_text
    # Full content (content:encoded) wins over the short description, one paragraph per block.
    assert docs[0].raw_text.split("\n\n") == seed_lines("000")
    # An entry with only an HTML description gets that, flattened.
    assert docs[1].raw_text.split("\n\n")[0] == seed_lines("001")[4]


def test_atom_entries_and_an_updated_only_date() -> None:
    path = FIXTURES / "digest.atom"
    docs, rejects = split(path)
    assert not rejects and len(docs) == 2
    assert docs[0].title == "How Tajikistan turned hub for Afghanistan’s resistance"
    assert docs[0].published == "2021-10-08"  # published wins over updated
    assert docs[0].notes == []
    assert docs[1].published == "2022-01-12"
    assert docs[1].notes == ["published date taken from the entry's updated date (the feed gives no published date)"]
    assert docs[1].url == "https://digest.example.net/opposition-meeting"
    assert {doc.outlet for doc in docs} == {"Example Digest"}


def test_rss_date_stays_in_the_feeds_time_zone(tmp_path: Path) -> None:
    path = tmp_path / "late.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Night desk</title>'
        "<item><title>Late story</title><link>https://x.example/1</link>"
        "<pubDate>Thu, 07 Oct 2021 01:30:00 +0300</pubDate><description>Filed after midnight.</description></item>"
        "</channel></rss>"
    )
    docs, _ = split(path)
    assert docs[0].published == "2021-10-07"  # 2021-10-06 in UTC; the feed says the 7th
    assert docs[0].raw_text == "Filed after midnight."


def test_xml_extension_is_read_when_it_is_a_feed(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_bytes((FIXTURES / "world.rss").read_bytes())
    docs, rejects = split(feed)
    assert len(docs) == 3 and not rejects
    other = tmp_path / "sitemap.xml"
    other.write_text('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>')
    docs, rejects = split(other)
    assert not docs and "not an RSS or Atom feed" in rejects[0].reason


def test_feed_broken_part_way_keeps_the_entries_before_the_break(tmp_path: Path) -> None:
    whole = (FIXTURES / "world.rss").read_text(encoding="utf-8")
    cut = whole.index("<item>", whole.index("<item>") + 1) + 40  # inside the second entry
    path = tmp_path / "cut.rss"
    path.write_text(whole[:cut], encoding="utf-8")
    docs, rejects = split(path)
    assert docs[0].url == "https://wire.example.com/world/1001"
    assert docs[0].raw_text.split("\n\n") == seed_lines("000")
    assert rejects[-1].reason.startswith("broken feed after entry")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"<rss><channel><title>x</tit", "broken feed"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>', "no entries"),
        (b"", "empty file"),
        (b"\x00\x01\x02<rss>", "binary"),
    ],
)
def test_broken_or_empty_feeds_are_rejected(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.rss"
    path.write_bytes(content)
    docs, rejects = split(path)
    assert not docs and len(rejects) == 1
    assert reason in rejects[0].reason


def test_entries_without_text_or_over_the_limit_are_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.atom"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Mixed</title>'
        '<entry><title>Empty</title><link href="https://x.example/1"/></entry>'
        '<entry><title>Long</title><content type="text">' + "word " * 400 + "</content></entry>"
        '<entry><title>Fine</title><summary type="text">A short summary.</summary></entry>'
        "</feed>"
    )
    docs, rejects = split(path, Options(max_article_bytes=1_000))
    assert [doc.title for doc in docs] == ["Fine"]
    assert docs[0].uri == f"{path}#3"
    assert [reject.reason.split(":")[0] for reject in rejects] == ["entry 1", "entry 2"]
    assert "no text" in rejects[0].reason and "max_article_bytes (1000)" in rejects[1].reason
