"""The ``clean`` stage: repair the raw text, take out boilerplate, and say which language the article is in.

For each document it sets ``text`` (the cleaned text that every later offset points into), ``removed`` (each
line taken out, with the rule that took it), ``language`` and ``language_score``. A document with no article
text left is refused; an article in another language than English is kept and flagged by its language.

Library use, without a pipeline::

    text, removed = clean_text(raw)
    language, score = identify_language(text)
"""

from __future__ import annotations

from storyline.clean.boilerplate import LINE_RULES, LineRule, strip_boilerplate
from storyline.clean.language import identify_language
from storyline.clean.unicode import repair_unicode
from storyline.document import Document, RemovedLine
from storyline.pipeline import Context, Stage, refuse

__all__ = ["LINE_RULES", "NO_TEXT_LEFT", "STAGE", "LineRule", "clean_text", "identify_language", "run"]

NO_TEXT_LEFT = "no article text left after cleaning"


def clean_text(raw: str) -> tuple[str, list[RemovedLine]]:
    """Repair the unicode of ``raw`` and remove its boilerplate lines; return the text and what was removed."""
    return strip_boilerplate(repair_unicode(raw))


def run(docs: list[Document], ctx: Context) -> list[Document]:
    """Clean each document of the batch in place; refuse those whose cleaned text is too short."""
    min_chars = max(ctx.options.min_text_chars, 1)
    for doc in docs:
        doc.text, doc.removed = clean_text(doc.raw_text)
        ctx.counts["clean.removed_lines"] += len(doc.removed)
        if len(doc.text) < min_chars:
            doc.language, doc.language_score = None, None
            refuse(doc, NO_TEXT_LEFT)
            continue
        doc.language, doc.language_score = identify_language(doc.text, ctx.options.language_min_score)
        if doc.language is None:
            note = (
                f"clean: language unknown (best guess scored {doc.language_score:.2f},"
                f" below language_min_score {ctx.options.language_min_score})"
            )
            if note not in doc.notes:
                doc.notes.append(note)
    return docs


STAGE = Stage(
    name="clean",
    requires=("raw_text",),
    assigns=("text", "language", "language_score", "removed"),
    run=run,
    stateless=True,  # reads and writes only its batch: a run may clean the next batch ahead (pipeline.run_batches)
)
