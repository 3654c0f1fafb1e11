"""First-name genders: the shipped file and its build from SSA baby-name counts."""

from __future__ import annotations

import gzip
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from storyline.extract.first_names import DATA_FILE, build, first_name_gender


def test_common_names_of_one_sex_have_a_gender_and_shared_names_none() -> None:
    assert first_name_gender("Donald") == "m" and first_name_gender("LORETTA") == "f"
    assert first_name_gender("Hillary") == "f"  # 96.3 % of the Hillarys born since 1920 are girls
    for shared in ("Kelly", "Chris", "Jordan", "Lindsey", "Emomali", ""):
        assert first_name_gender(shared) is None


def test_the_shipped_file_is_small_sorted_and_two_valued() -> None:
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as handle:
        rows = [line.rstrip("\n").split("\t") for line in handle]
    assert 5_000 < len(rows) < 20_000 and DATA_FILE.stat().st_size < 100_000
    assert [name for name, _ in rows] == sorted(name for name, _ in rows)
    assert {gender for _, gender in rows} == {"m", "f"}


def _counts(path: Path, rows: list[tuple[str, str, int, int]]) -> Path:
    lines = ["first_name,sex,count,year_of_birth", *(f"{n},{s},{c},{y}" for n, s, c, y in rows)]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return path


def test_build_keeps_common_names_given_nearly_always_to_one_sex(tmp_path: Path) -> None:
    counts = _counts(
        tmp_path / "counts.csv.gz",
        [
            ("mary", "f", 5000, 1950), ("mary", "m", 20, 1950),  # 99.6 % girls: kept
            ("kelly", "f", 860, 1980), ("kelly", "m", 140, 1980),  # 86 %: too shared
            ("rare", "m", 999, 1990),  # too few births
            ("old", "m", 5000, 1900),  # born before 1920: not counted
            ("jo-anne", "f", 5000, 1960),  # not a plain word
        ],
    )  # fmt: skip
    out = tmp_path / "names.tsv.gz"
    assert build(counts, out) == 1
    first = out.read_bytes()
    with gzip.open(out, "rt", encoding="utf-8") as handle:
        assert handle.read() == "mary\tf\n"
    build(counts, out)
    assert out.read_bytes() == first  # the same counts give the same bytes


@given(st.text(max_size=30))
def test_any_string_gets_a_gender_or_none(name: str) -> None:
    assert first_name_gender(name) in ("m", "f", None)
