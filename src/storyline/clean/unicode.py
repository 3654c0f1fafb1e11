"""Unicode repair and whitespace normalisation, the first step of cleaning.

Repair runs ftfy over each line of the raw text: it undoes mojibake (``Ã©`` → ``é``), decodes HTML entities
in a line that holds no markup, drops control characters and applies NFC. It leaves curly quotes curly (ftfy's
``uncurl_quotes`` is off): “ and ” tell an opening quote from a closing one, which quote extraction needs.

Two choices make cleaning idempotent (``clean(clean(x)) == clean(x)``):

- Lines are repaired one at a time. ftfy already fixes text line by line, but its "auto" HTML mode, once it has
  seen a ``<``, stops decoding entities in every later line; line by line, that decision stays within the line,
  so removing a neighbouring line can never change how a kept line is repaired.
- A line is repaired until ftfy leaves it unchanged (at most :data:`MAX_REPAIR_PASSES` passes): mojibake that was
  encoded twice, or ``&amp;amp;``, needs a second pass, and a fixed point cannot change when cleaned again.

Whitespace inside a line is then normalised, the only other change cleaning makes to a line it keeps: the ends
are stripped and each run of whitespace (spaces, tabs, no-break spaces, the Unicode spaces) becomes one space.
"""

from __future__ import annotations

import re

import ftfy

_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, explain=False)
MAX_REPAIR_PASSES = 4
# Printable ASCII without "&": nothing for ftfy to repair (no mojibake, entity, control or width character, and NFC
# leaves ASCII alone), so such a line skips it: 86 % of the ECB+ benchmark's lines, a third of cleaning's time.
# tests/clean/test_unicode_properties.py checks that ftfy leaves every such line unchanged.
_NOTHING_TO_REPAIR = re.compile(r"[\x20-\x25\x27-\x7e]*\Z")


def normalise_line(line: str) -> str:
    """A line stripped at both ends, with each run of whitespace inside it made one space."""
    return " ".join(line.split())


def repair_line(line: str) -> str:
    """One line with its encoding damage repaired and its whitespace normalised, to a fixed point of both."""
    if _NOTHING_TO_REPAIR.match(line):
        return normalise_line(line)
    current = normalise_line(ftfy.fix_text(line, _FTFY_CONFIG))
    for _ in range(MAX_REPAIR_PASSES - 1):
        fixed = normalise_line(ftfy.fix_text(current, _FTFY_CONFIG))
        if fixed == current:
            break
        current = fixed
    return current


def repair_lines(raw: str) -> list[str]:
    """The lines of a raw text (any line break: ``\\n``, ``\\r\\n``, ``\\r``, U+2028 …), each repaired."""
    return [repair_line(line) for line in raw.splitlines()]


def repair_unicode(raw: str) -> str:
    """Raw text with each line repaired and normalised, and every line break made ``\\n``."""
    return "\n".join(repair_lines(raw))


def split_lines(text: str) -> list[str]:
    """The lines of a text, each normalised; blank lines come back as ``""``."""
    return [normalise_line(line) for line in text.splitlines()]
