"""CAMEO codes: root names, their PLOVER 2.0 categories, and a reader for the PLOVER project's conversion table.

CAMEO codes are two to four digits; the first two are the *root* (01 "make public statement" … 20 "use
unconventional mass violence"). Storyline's lexicon gives each entry its CAMEO code and PLOVER category together;
:func:`read_conversion_table` reads the PLOVER project's ``CAMEO2PLOVER`` table (not shipped with Storyline:
pass its path) so that tests can check the lexicon against it.
"""

from __future__ import annotations

import re
from pathlib import Path

from storyline.errors import StorylineError

CAMEO_ROOTS: dict[str, str] = {
    "01": "make public statement",
    "02": "appeal",
    "03": "express intent to cooperate",
    "04": "consult",
    "05": "engage in diplomatic cooperation",
    "06": "engage in material cooperation",
    "07": "provide aid",
    "08": "yield",
    "09": "investigate",
    "10": "demand",
    "11": "disapprove",
    "12": "reject",
    "13": "threaten",
    "14": "protest",
    "15": "exhibit force posture",
    "16": "reduce relations",
    "17": "coerce",
    "18": "assault",
    "19": "fight",
    "20": "use unconventional mass violence",
}

# The PLOVER category of each CAMEO root where the root maps to one category (08, 16 and 17 split by sub-code).
ROOT_PLOVER: dict[str, str] = {
    "02": "REQUEST",
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "08": "CONCEDE",
    "09": "ACCUSE",
    "10": "REQUEST",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    "20": "ASSAULT",
}

# PLOVER category → the CAMEO code of its plain, unqualified sense (used when a category is derived, not looked up).
PLOVER_DEFAULT_CAMEO: dict[str, str] = {
    "AGREE": "030",
    "CONSULT": "040",
    "SUPPORT": "050",
    "COOPERATE": "060",
    "AID": "070",
    "CONCEDE": "080",
    "RETREAT": "087",
    "REQUEST": "100",
    "ACCUSE": "112",
    "REJECT": "120",
    "THREATEN": "130",
    "PROTEST": "140",
    "MOBILIZE": "150",
    "SANCTION": "160",
    "COERCE": "170",
    "ASSAULT": "190",
}

PLOVER_CATEGORIES: tuple[str, ...] = tuple(PLOVER_DEFAULT_CAMEO)

# Intent codes: "express intent to <category>" in CAMEO 03 (cooperative) and 13 (threats).
INTENT_CAMEO: dict[str, str] = {
    "AGREE": "030",
    "CONSULT": "036",
    "SUPPORT": "032",
    "COOPERATE": "031",
    "AID": "033",
    "CONCEDE": "035",
    "RETREAT": "0356",
    "REQUEST": "030",
    "ACCUSE": "130",
    "REJECT": "130",
    "THREATEN": "130",
    "PROTEST": "133",
    "SANCTION": "131",
    "MOBILIZE": "138",
    "COERCE": "132",
    "ASSAULT": "138",
}

_CODE_LINE = re.compile(r"^\s*(\d{2,4})\s*:\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?")


def cameo_root(code: str) -> str:
    """The two-digit root of a CAMEO code: ``"0871"`` → ``"08"``; raises ``ValueError`` for a non-code."""
    if not re.fullmatch(r"\d{2,4}", code):
        raise ValueError(f"not a CAMEO code: {code!r}")
    return code[:2]


def read_conversion_table(path: Path) -> dict[str, tuple[str, str | None, str | None]]:
    """The PLOVER project's CAMEO → PLOVER table: code → (category, mode or None, context or None)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise StorylineError(
            "E720", f"cannot read the CAMEO→PLOVER table {path}: {error}", "pass the path of CAMEO2PLOVER-2021.txt"
        ) from None
    table: dict[str, tuple[str, str | None, str | None]] = {}
    for line in lines:
        match = _CODE_LINE.match(line)
        if match is None:
            continue
        code, category, mode, context = match.groups()
        if len(code) == 2:
            continue
        table.setdefault(code, (category, (mode or "").strip() or None, (context or "").strip() or None))
    return table
