"""Transcript lines: ``TAPPER: Do you think …`` / ``Alex Seitz-Wald: She is right …`` (also inside quote marks,
each line opening with one: ``"WALLACE: Let’s start …``). A line that opens with a short capitalised name and a
colon is what that name said (PolNeAR annotates the name as source, the colon as cue and the rest of the line as
content); single letters (``Q:``, ``A:``) and notes (``Editor's Note:``) are not speakers."""

from __future__ import annotations

import re

LABEL_LINE = re.compile(r"^[\"“]?((?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,3}): (?=\S)", re.MULTILINE)
NOT_SPEAKERS = frozenset({"note", "update", "correction", "editor's note", "editor’s note", "email", "contributing"})


def label_lines(text: str) -> list[tuple[tuple[int, int], tuple[int, int], tuple[int, int]]]:
    """``(source, cue, content)`` character spans of each transcript line after the first (the title line is
    :func:`.attributions.find_attributions`' headline rule)."""
    found = []
    for match in LABEL_LINE.finditer(text):
        label = match.group(1)
        if match.start() == 0 or len(label) < 2 or label.lower() in NOT_SPEAKERS:
            continue
        colon = match.end(1)
        line_end = text.find("\n", colon)
        line_end = len(text) if line_end < 0 else line_end
        content = (match.end(), line_end)
        if len(text[content[0] : content[1]].split()) < 2:
            continue
        found.append(((match.start(1), colon), (colon, colon + 1), content))
    return found
