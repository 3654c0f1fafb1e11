"""The synonym table behind the spin score: for a common English word, the words a spinner may have swapped out.

The table ships with the package (``data/synonyms.tsv.gz``). It is derived from WordNet 3.0 (Princeton
University; licence in ``data/WORDNET-LICENSE``) by ``build_table``, keeping only single words that the reference
language model knows, and linking words that share a synset within their most common senses (for adjectives,
also the synsets they are "similar to": "nationwide" -> "national"). Rebuild it with

    apt-get install wordnet-base
    .venv/bin/python -m storyline.copies.synonyms /usr/share/wordnet src/storyline/copies/data/synonyms.tsv.gz
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from storyline.errors import StorylineError

TABLE = "synonyms.tsv.gz"
SENSES_PER_WORD = 4  # most common senses only: a spinner's swaps come from them, rare senses only add noise
POS_FILES = ("noun", "verb", "adj", "adv")


def build_table(wordnet_dir: Path, known: Callable[[str], bool]) -> dict[str, list[str]]:
    """Word -> synonyms (same synset, one of the word's first senses), both words known to the language model."""
    senses: dict[str, list[str]] = {}
    for pos in POS_FILES:
        with (wordnet_dir / f"index.{pos}").open(encoding="latin-1") as lines:
            for line in lines:
                if line.startswith(" "):
                    continue
                parts = line.split()
                lemma = parts[0]
                if "_" in lemma or not known(lemma):
                    continue
                synset_count = int(parts[2])
                offsets = parts[-synset_count:][:SENSES_PER_WORD]
                senses.setdefault(lemma, []).extend(f"{pos}:{o}" for o in offsets)
    members: dict[str, list[str]] = defaultdict(list)
    similar: dict[str, list[str]] = defaultdict(list)
    for pos in POS_FILES:
        with (wordnet_dir / f"data.{pos}").open(encoding="latin-1") as lines:
            for line in lines:
                if line.startswith("  "):
                    continue
                parts = line.split()
                count = int(parts[3], 16)
                key = f"{pos}:{parts[0]}"
                for i in range(count):
                    lemma = re.sub(r"\(.*\)$", "", parts[4 + 2 * i]).lower()
                    if "_" not in lemma:
                        members[key].append(lemma)
                pointers = parts[4 + 2 * count :]
                for j in range(int(pointers[0])):
                    symbol, offset = pointers[1 + 4 * j], pointers[2 + 4 * j]
                    if pos == "adj" and symbol == "&":  # "similar to": satellite adjectives and their head
                        similar[key].append(f"adj:{offset}")
    table: dict[str, list[str]] = {}
    for lemma, keys in senses.items():
        found: list[str] = []
        for key in keys:
            for other in members.get(key, []) + [m for near in similar.get(key, []) for m in members.get(near, [])]:
                if other != lemma and other not in found and known(other):
                    found.append(other)
        if found:
            table[lemma] = found
    return table


def write_table(table: dict[str, list[str]], path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for word in sorted(table):
            handle.write(word + "\t" + " ".join(table[word]) + "\n")


def load_table() -> dict[str, tuple[str, ...]]:
    try:
        data = resources.files("storyline.copies").joinpath("data", TABLE).read_bytes()
    except FileNotFoundError as error:  # pragma: no cover - a broken install
        raise StorylineError("E302", f"the synonym table {TABLE} is missing", "reinstall storyline") from error
    table: dict[str, tuple[str, ...]] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        word, _, rest = line.partition("\t")
        table[word] = tuple(rest.split())
    return table


def main(argv: list[str]) -> None:
    from storyline.copies.spin import ReferenceModel

    model = ReferenceModel()
    table = build_table(Path(argv[0]), lambda w: model.known(w) and model.unigram(w) > -14.5)
    write_table(table, Path(argv[1]))
    print(f"{len(table)} words, {sum(len(v) for v in table.values())} links -> {argv[1]}")


if __name__ == "__main__":
    main(sys.argv[1:])
