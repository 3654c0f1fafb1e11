"""Build a labelled copy-detection set from the ECB+ news documents, seeded and reproducible.

    .venv/bin/python benchmarks/copies/make_ecbplus_copies.py --out data/copies-ecbplus --seed 13

Every ECB+ document (text rebuilt from its tokens) is an original. A seeded share of them gets one copy made by a
real transformation of its text:

- ``exact``: the same words, other whitespace, quote marks and paragraphing;
- ``near``: syndication edits: another headline, a dateline or boilerplate, truncation, extension by a
  sentence from another report of the same event, a sentence dropped, small word edits;
- ``spun``: synonym spinning of 30-70 % of the swappable words (names included, as spinners do) with a WordNet thesaurus
  read from Debian's ``wordnet-base`` (``apt-get install wordnet-base``), taking senses and related words
  loosely, as spinning tools do;
- ``rewrite``: another outlet's rewrite of the same material: quotes kept, the other sentences paraphrased
  (reporting clauses moved, clauses swapped, light synonym changes, numbers respelled), sentences dropped and
  reordered, a sentence or two added from another report of the same event, a new headline.

Hard negatives come with the data: ECB+ topic N holds two different happenings of one kind (files ``*ecb`` and
``*ecbplus``), so two originals of the same topic and other subtopic must never be linked.

Writes ``articles.jsonl`` (in a shuffled ingest order; copies may arrive before their original), and
``labels.jsonl`` (``{"id", "copy_of", "copy_kind"}`` for every article; originals have nulls) and ``manifest.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from storyline.document import article_id

ECBPLUS = Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "stories" / "ecbplus"
WORDNET = Path("/usr/share/wordnet")
DEV_TOPICS = {2, 5, 12, 18, 21, 23, 34, 35}
KIND_SHARES = (("exact", 0.12), ("near", 0.26), ("spun", 0.22), ("rewrite", 0.22))
_STOPWORDS_TEXT = """
a an the of to in and or for on at by with from as is was are were be been being has have had it its that this
he she they we i you his her their our not but if then than so do does did will would can could may might who
whom which what when where why how there here up out into over after before about also just
"""
STOPWORDS = set(_STOPWORDS_TEXT.split())
OUTLETS = ("Daily Wire Service", "The Morning Ledger", "Metro Times", "City Herald", "Newsline", "Evening Courier")
BOILERPLATE_HEAD = ("{city} (AP) -", "{city} (Reuters) -", "{city}, {date} -", "By Staff Writer, {city}")
BOILERPLATE_TAIL = (
    "Copyright {year} The Associated Press. All rights reserved.",
    "Read more: follow us on Twitter and Facebook for the latest updates.",
    "This article was first published on our partner site.",
    "Additional reporting by our correspondents; editing by the news desk.",
)
CITIES = ("NEW YORK", "LOS ANGELES", "LONDON", "WASHINGTON", "CHICAGO", "SAN FRANCISCO")
REPORTING = ("said", "told", "stated", "added", "noted", "explained", "reported")
NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
                "nine": "9", "ten": "10"}  # fmt: skip


@dataclass
class Original:
    name: str
    topic: int
    subtopic: str
    title: str | None
    sentences: list[str]
    published: str = ""
    outlet: str = ""
    id: str = ""
    paragraphs: list[int] = field(default_factory=list)


def detokenise(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = text.replace("``", "“").replace("''", "”")
    text = re.sub(r"\s+([,.;:!?%)\]}]|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)", r"\1", text)
    text = re.sub(r"([(\[{$“])\s+", r"\1", text)
    text = re.sub(r"\s+(”)", r"\1", text)
    text = re.sub(r"(\w)\s+-\s+(\w)", r"\1-\2", text)
    text = re.sub(r"(\w)\s+’\s*(s|t|ve|re|ll|d|m)\b", r"\1’\2", text)
    text = re.sub(r"(\d):\s+(\d)", r"\1:\2", text)
    return text.strip()


def read_ecbplus(root: Path) -> list[Original]:
    docs: list[Original] = []
    for path in sorted(root.glob("*/*.xml"), key=lambda p: (int(p.parent.name), p.name)):
        tree = ET.parse(path).getroot()
        by_sentence: dict[int, list[str]] = defaultdict(list)
        for token in tree.findall("token"):
            by_sentence[int(token.get("sentence", "0"))].append(token.text or "")
        sents = [detokenise(by_sentence[k]) for k in sorted(by_sentence)]
        title = None
        subtopic = "ecbplus" if path.stem.endswith("ecbplus") else "ecb"
        if sents and ("http" in sents[0] or "www" in sents[0] or ". com" in " ".join(by_sentence[min(by_sentence)])):
            sents = sents[1:]
        if subtopic == "ecbplus" and sents and not sents[0].endswith((".", "!", "?", "”")):
            title, sents = sents[0], sents[1:]
        # Drop date lines and bylines: short sentences without a verb-like ending.
        sents = [s for s in sents if len(s.split()) >= 4 or s.endswith((".", "!", "?", "”"))]
        if sents:
            docs.append(Original(path.stem, int(path.parent.name), subtopic, title, sents))
    return docs


class Thesaurus:
    """WordNet read straight from its data files: lemma -> loosely related single words and short phrases."""

    def __init__(self, wordnet_dir: Path) -> None:
        self.related: dict[str, list[str]] = defaultdict(list)
        for pos in ("noun", "verb", "adj", "adv"):
            synsets: dict[str, list[str]] = {}
            links: dict[str, list[str]] = {}
            with (wordnet_dir / f"data.{pos}").open(encoding="latin-1") as lines:
                for line in lines:
                    if line.startswith("  "):
                        continue
                    parts = line.split()
                    count = int(parts[3], 16)
                    lemmas = [re.sub(r"\(.*\)$", "", parts[4 + 2 * i]).replace("_", " ").lower() for i in range(count)]
                    synsets[parts[0]] = lemmas
                    rest = parts[4 + 2 * count :]
                    n_links = int(rest[0])
                    links[parts[0]] = [
                        rest[1 + 4 * j + 1] for j in range(n_links) if rest[1 + 4 * j] in ("&", "@", "^")
                    ]
            for offset, lemmas in synsets.items():
                near = list(lemmas)
                for other in links.get(offset, [])[:2]:
                    near.extend(synsets.get(other, [])[:2])
                for lemma in lemmas:
                    if " " in lemma:
                        continue
                    for candidate in near:
                        if candidate != lemma and len(candidate.split()) <= 3 and candidate not in self.related[lemma]:
                            self.related[lemma].append(candidate)

    def pick(self, word: str, rng: random.Random, multiword_share: float = 0.2) -> str | None:
        lower = word.lower()
        suffix = ""
        options = self.related.get(lower)
        if not options and lower.endswith("s") and len(lower) > 3:
            options, suffix = self.related.get(lower[:-1]), "s"
        if not options:
            return None
        singles = [o for o in options if " " not in o]
        multis = [o for o in options if " " in o]
        pool = multis if multis and rng.random() < multiword_share else (singles or multis)
        choice = rng.choice(pool) + suffix
        if word[0].isupper():
            choice = choice[0].upper() + choice[1:]
        return choice


def spin_sentence(sentence: str, rate: float, thesaurus: Thesaurus, rng: random.Random, name_share: float) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group()
        if len(word) < 3 or word.lower() in STOPWORDS or not word.isalpha():
            return word
        chance = rate * (name_share if word[0].isupper() and match.start() > 0 else 1.0)
        if rng.random() >= chance:
            return word
        return thesaurus.pick(word, rng) or word

    return re.sub(r"[A-Za-z]+", swap, sentence)


def small_edit(sentence: str, rng: random.Random) -> str:
    edits = [
        lambda s: re.sub(r"\bsaid\b", "says", s, count=1),
        lambda s: re.sub(r"\b(\d+) percent\b", r"\1%", s),
        lambda s: re.sub(r"\b(very|also|just|still|now) ", "", s, count=1),
        lambda s: re.sub(r"\bMr\. ", "", s, count=1),
        lambda s: re.sub(r"\bdid not\b", "didn't", s, count=1),
        lambda s: re.sub(r"\bthe\b", "that", s, count=1) if rng.random() < 0.3 else s,
    ]
    for edit in rng.sample(edits, len(edits)):
        changed = edit(sentence)
        if changed != sentence:
            return changed
    return sentence


def paraphrase(sentence: str, thesaurus: Thesaurus, rng: random.Random) -> list[str]:
    """Rule-based rewording of one sentence into one or two: every rule that applies is applied.

    Moves the reporting clause or a fronted clause, fronts a time phrase, splits at a clause boundary, drops a
    relative clause, respells small numbers, changes the reporting verb and swaps about a fifth of the words.
    """
    s = sentence
    m = re.match(r"^(.*?),\s*(\w+(?: \w+){0,4}) (said|told \w+|added|says)\.$", s)
    if m and "“" not in s:
        speaker, claim = m.group(2), m.group(1)
        s = f"{speaker[0].upper() + speaker[1:]} {rng.choice(REPORTING[:3])} that {claim[0].lower() + claim[1:]}."
    m = re.match(r"^(After|Before|When|While|Although|Because|As|Since|If) ([^,]{8,}), (.{12,})\.$", s)
    if m:
        s = f"{m.group(3)[0].upper() + m.group(3)[1:]} {m.group(1).lower()} {m.group(2)}."
    m = re.match(
        r"^(.{12,}?) (on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|last night|"
        r"on \w+ \d+|this week|last week)\b(.*)\.$",
        s,
    )
    if m and "“" not in s:
        s = f"{m.group(2)[0].upper() + m.group(2)[1:]}, {m.group(1)[0].lower() + m.group(1)[1:]}{m.group(3)}."
    s = re.sub(r",\s*(who|which) [^,]{4,60},", ",", s, count=1)
    s = re.sub(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", lambda x: NUMBER_WORDS[x.group()], s)
    s = re.sub(r"\bsaid\b", lambda _: rng.choice(REPORTING), s)
    s = spin_sentence(s, 0.45, thesaurus, rng, name_share=0.0)
    parts = re.split(r"(?:, and |, but |; )(?=[a-z]+ )", s, maxsplit=1)
    if len(parts) == 2 and len(parts[0].split()) >= 6 and len(parts[1].split()) >= 5:
        first = parts[0].rstrip(",;") + "."
        second = parts[1][0].upper() + parts[1][1:]
        return [first, ("Also, " if rng.random() < 0.5 else "") + second]
    return [s]


def render(sentences: list[str], rng: random.Random, per_paragraph: tuple[int, int] = (1, 3)) -> str:
    paragraphs: list[str] = []
    i = 0
    while i < len(sentences):
        take = rng.randint(*per_paragraph)
        paragraphs.append(" ".join(sentences[i : i + take]))
        i += take
    return "\n\n".join(paragraphs)


def make_copy(
    kind: str, doc: Original, siblings: list[Original], thesaurus: Thesaurus, rng: random.Random
) -> tuple[str | None, str]:
    sents = list(doc.sentences)
    title = doc.title
    if kind == "exact":
        text = render([s.replace("“", '"').replace("”", '"') for s in sents], rng, (1, 2))
        return title, text
    if kind == "near":
        ops = rng.sample(["headline", "boilerplate", "truncate", "extend", "drop", "edits"], rng.randint(2, 3))
        if "headline" in ops:
            title = (title or sents[0][:60]).rstrip(".") + rng.choice([" - report", " (updated)", ": what we know"])
        if "truncate" in ops and len(sents) >= 6:
            sents = sents[: max(4, int(len(sents) * rng.uniform(0.55, 0.9)))]
        if "extend" in ops and siblings:
            extra = rng.choice(siblings).sentences
            sents = sents + extra[-rng.randint(1, 2) :]
        if "drop" in ops and len(sents) >= 6:
            del sents[rng.randrange(2, len(sents) - 1)]
        if "edits" in ops or len(ops) < 2:
            for _ in range(rng.randint(2, 4)):
                j = rng.randrange(len(sents))
                sents[j] = small_edit(sents[j], rng)
        if "boilerplate" in ops:
            city = rng.choice(CITIES)
            head = rng.choice(BOILERPLATE_HEAD).format(city=city, date=doc.published)
            sents[0] = f"{head} {sents[0]}"
            sents.append(rng.choice(BOILERPLATE_TAIL).format(year=doc.published[:4]))
        if [w.lower() for w in re.findall(r"\w+", " ".join(sents))] == [
            w.lower() for w in re.findall(r"\w+", " ".join(doc.sentences))
        ]:
            sents.append(rng.choice(BOILERPLATE_TAIL).format(year=doc.published[:4]))
        return title, render(sents, rng)
    if kind == "spun":
        rate = rng.uniform(0.3, 0.7)
        spun = [spin_sentence(s, rate, thesaurus, rng, name_share=0.35) for s in sents]
        spun_title = spin_sentence(title, rate, thesaurus, rng, name_share=0.35) if title else None
        return spun_title, render(spun, rng)
    if kind == "rewrite":
        keep = [s for i, s in enumerate(sents) if i == 0 or rng.random() < (0.75 if "“" in s else 0.55)]
        rewritten: list[str] = []
        for s in keep:
            rewritten.extend([s] if ("“" in s and rng.random() < 0.5) else paraphrase(s, thesaurus, rng))
        if len(rewritten) >= 4:
            j = rng.randrange(1, len(rewritten) - 1)
            rewritten.insert(rng.randrange(1, len(rewritten)), rewritten.pop(j))
        if siblings:
            extra = rng.choice(siblings).sentences
            for s in rng.sample(extra, min(len(extra), rng.randint(1, 3))):
                rewritten.insert(rng.randrange(1, len(rewritten) + 1), s)
        new_title = spin_sentence(title, 0.3, thesaurus, rng, 0.0) if title else None
        return new_title, render(rewritten, rng)
    raise ValueError(kind)


def build(out: Path, seed: int, ecbplus: Path = ECBPLUS, wordnet: Path = WORDNET) -> dict[str, object]:
    rng = random.Random(seed)
    thesaurus = Thesaurus(wordnet)
    originals = read_ecbplus(ecbplus)
    by_event: dict[tuple[int, str], list[Original]] = defaultdict(list)
    for doc in originals:
        by_event[(doc.topic, doc.subtopic)].append(doc)
    base = dt.date(2012, 1, 1)
    event_day = {key: base + dt.timedelta(days=rng.randrange(0, 700)) for key in sorted(by_event)}
    records: list[dict[str, object]] = []
    labels: list[dict[str, object]] = []
    for doc in originals:
        day = event_day[(doc.topic, doc.subtopic)] + dt.timedelta(days=rng.randrange(0, 3))
        doc.published = day.isoformat()
        doc.outlet = rng.choice(OUTLETS)
        text = render(doc.sentences, rng)
        doc.id = article_id(doc.title, text, doc.published, doc.outlet, None)
        records.append(_record(doc.id, doc, doc.title, text, doc.published, doc.outlet, "original", None))
        labels.append({"id": doc.id, "copy_of": None, "copy_kind": None})
    counts: dict[str, int] = defaultdict(int)
    for doc in originals:
        if sum(len(s.split()) for s in doc.sentences) < 60 or len(doc.sentences) < 3:
            continue
        draw = rng.random()
        kind = None
        for name, share in KIND_SHARES:
            if draw < share:
                kind = name
                break
            draw -= share
        if kind is None:
            continue
        siblings = [d for d in by_event[(doc.topic, doc.subtopic)] if d is not doc]
        title, text = make_copy(kind, doc, siblings, thesaurus, rng)
        published = (dt.date.fromisoformat(doc.published) + dt.timedelta(days=rng.randrange(0, 3))).isoformat()
        outlet = rng.choice([o for o in OUTLETS if o != doc.outlet])
        copy_id = article_id(title, text, published, outlet, None)
        records.append(_record(copy_id, doc, title, text, published, outlet, kind, doc.id))
        labels.append({"id": copy_id, "copy_of": doc.id, "copy_kind": kind})
        counts[kind] += 1
    rng.shuffle(records)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "articles.jsonl").open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    with (out / "labels.jsonl").open("w", encoding="utf-8") as handle:
        for label in labels:
            handle.write(json.dumps(label) + "\n")
    manifest: dict[str, object] = {
        "seed": seed,
        "source": "ECB+ (cltl/ECB-parser @ eba7c4d1), topics 1-35 as found in shared/bench/stories/ecbplus",
        "originals": len(originals),
        "copies": dict(sorted(counts.items())),
        "dev_topics": sorted(DEV_TOPICS),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def _record(
    doc_id: str,
    doc: Original,
    title: str | None,
    text: str,
    published: str,
    outlet: str,
    variant: str,
    origin: str | None,
) -> dict[str, object]:
    return {
        "id": doc_id,
        "uri": f"ecbplus:{doc.name}#{variant}",
        "title": title,
        "text": text,
        "published": published,
        "outlet": outlet,
        "language": "en",
        "topic": doc.topic,
        "subtopic": doc.subtopic,
        "split": "dev" if doc.topic in DEV_TOPICS else "train",
        "source_doc": doc.name,
        "variant": variant,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--ecbplus", type=Path, default=ECBPLUS)
    parser.add_argument("--wordnet", type=Path, default=WORDNET)
    args = parser.parse_args()
    print(json.dumps(build(args.out, args.seed, args.ecbplus, args.wordnet), indent=2))


if __name__ == "__main__":
    main()
